/// A place in a source file: a line (or table row) and, where the source has them, a cell.
///
/// Lines and cells count from 1. In a tab table the line is the row and the cell the column.
public struct SourcePosition: Hashable, Sendable, Codable, Comparable {
  /// The 1-based line or row.
  public var line: Int
  /// The 1-based cell or column, when the source has cells.
  public var cell: Int?

  public init(line: Int, cell: Int? = nil) {
    self.line = line
    self.cell = cell
  }

  public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
    (lhs.line, lhs.cell ?? 0) < (rhs.line, rhs.cell ?? 0)
  }
}

extension SourcePosition {
  /// A position stored as two members of an enclosing object (`line`, `cell`), when the line
  /// is there.
  static func decodeIfPresent<Key: CodingKey>(
    from container: KeyedDecodingContainer<Key>, line: Key, cell: Key
  ) throws -> SourcePosition? {
    guard let number = try container.decodeIfPresent(Int.self, forKey: line) else { return nil }
    return SourcePosition(line: number, cell: try container.decodeIfPresent(Int.self, forKey: cell))
  }

  /// `line:cell`, or `line` without a cell.
  public var formatted: String { "\(line)" + (cell.map { ":\($0)" } ?? "") }
}
