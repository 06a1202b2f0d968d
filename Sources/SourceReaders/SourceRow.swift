/// One line of a source split into cells.
public struct SourceRow: Sendable, Hashable {
  /// The 1-based line (or row).
  public var line: Int
  /// The cells in order, empty ones included.
  public var cells: [SourceCell]

  public init(line: Int, cells: [SourceCell]) {
    self.line = line
    self.cells = cells
  }

  /// The cells that hold text.
  public var nonEmptyCells: [SourceCell] { cells.filter { !$0.isEmpty } }
}
