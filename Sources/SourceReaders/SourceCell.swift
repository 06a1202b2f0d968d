/// One cell of a source: where it is, its text as read, and the structure HTML gave it.
public struct SourceCell: Sendable, Hashable {
  /// The 1-based line (or row).
  public var line: Int
  /// The 1-based cell (or column); empty cells keep their place.
  public var index: Int
  /// The cell exactly as read, HTML remnants included.
  public var raw: String
  /// The cell's text with the HTML remnants taken out and white space trimmed.
  public var text: String
  /// The blocks the cell is made of: plain text, paragraphs, lists, tables.
  public var blocks: [CellBlock]

  public init(line: Int, index: Int, raw: String, text: String, blocks: [CellBlock]) {
    self.line = line
    self.index = index
    self.raw = raw
    self.text = text
    self.blocks = blocks
  }

  /// Whether the cell holds nothing but white space.
  public var isEmpty: Bool { text.isEmpty }
}
