import JapaneseWidth
import SourceReaders

/// Source text that feeds one canonical field: a whole cell, or the part of a cell after a
/// circled number glued to it (`① 移住定住の推進…`).
struct FieldPiece: Hashable, Sendable {
  /// The cell the text comes from.
  var cell: SourceCell
  /// The text, width folded.
  var text: String
  /// Whether the text is the whole cell, so that the cell's blocks (paragraphs, list entries)
  /// describe it.
  var isWholeCell: Bool

  /// A whole cell.
  init(_ cell: SourceCell) {
    self.cell = cell
    self.text = JapaneseWidth.fold(cell.text)
    self.isWholeCell = true
  }

  /// Part of a cell, already folded.
  init(_ cell: SourceCell, text: String) {
    self.cell = cell
    self.text = text
    self.isWholeCell = false
  }
}
