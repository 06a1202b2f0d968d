/// What a reader makes of a source file: rows of cells with their positions.
///
/// It knows nothing of sheet families; the mappings give it meaning.
public struct SourceTable: Sendable, Hashable {
  /// The file's name, without its directory.
  public var fileName: String
  /// The encoding the bytes were decoded with.
  public var encoding: String
  /// Every line of the file, blank ones included, so line numbers stay true.
  public var rows: [SourceRow]

  public init(fileName: String, encoding: String, rows: [SourceRow]) {
    self.fileName = fileName
    self.encoding = encoding
    self.rows = rows
  }

  /// Every non-empty cell, in reading order.
  public var cells: [SourceCell] { rows.flatMap(\.nonEmptyCells) }
}
