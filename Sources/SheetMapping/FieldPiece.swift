import JapaneseWidth
import SourceReaders

/// Source text that feeds one canonical field: a whole cell, or the part of a cell after a
/// circled number glued to it (`① 移住定住の推進…`).
struct FieldPiece: Hashable, Sendable {
  /// The cell the text comes from.
  var cell: SourceCell
  /// The text, width folded.
  var text: String

  /// A whole cell.
  init(_ cell: SourceCell) {
    self.cell = cell
    self.text = JapaneseWidth.fold(cell.text)
  }

  /// Part of a cell, already folded.
  init(_ cell: SourceCell, text: String) {
    self.cell = cell
    self.text = text
  }
}
