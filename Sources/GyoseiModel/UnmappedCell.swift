/// A non-empty source cell that no mapping claimed, kept with its position.
public struct UnmappedCell: Hashable, Sendable, Codable {
  /// The 1-based line (or row).
  public var line: Int
  /// The 1-based cell (or column), when the source has cells.
  public var cell: Int?
  /// The cell's text as read.
  public var text: String

  public init(line: Int, cell: Int? = nil, text: String) {
    self.line = line
    self.cell = cell
    self.text = text
  }
}
