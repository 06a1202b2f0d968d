/// A non-empty source cell that no mapping claimed, kept with its position.
public struct UnmappedCell: Hashable, Sendable, Codable {
  /// The line (or row) and cell (or column).
  public var position: SourcePosition
  /// The cell's text as read.
  public var text: String

  public init(position: SourcePosition, text: String) {
    self.position = position
    self.text = text
  }

  private enum CodingKeys: String, CodingKey {
    case line, cell, text
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    position = SourcePosition(
      line: try container.decode(Int.self, forKey: .line),
      cell: try container.decodeIfPresent(Int.self, forKey: .cell))
    text = try container.decode(String.self, forKey: .text)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(position.line, forKey: .line)
    try container.encodeIfPresent(position.cell, forKey: .cell)
    try container.encode(text, forKey: .text)
  }
}
