import GyoseiModel
import SourceReaders

extension SourceCell {
  /// The cell's line and index as a position in the source.
  var position: SourcePosition { SourcePosition(line: line, cell: index) }
}

extension SourceRow {
  /// The row's line, without a cell.
  var position: SourcePosition { SourcePosition(line: line) }
}
