/// A repair, guess or doubt recorded while reading a source: never silent, never dropped.
public struct ConversionWarning: Hashable, Sendable, Codable {
  /// A stable dotted code such as `marker.ocr-repaired` or `era.past-end`.
  public var code: String
  /// What happened, for a person.
  public var message: String
  /// The line (or row) of the source, when known.
  public var line: Int?
  /// The cell (or column) of the source, when known.
  public var cell: Int?
  /// The original text that was repaired or doubted.
  public var original: String?

  public init(
    code: String, message: String, line: Int? = nil, cell: Int? = nil, original: String? = nil
  ) {
    self.code = code
    self.message = message
    self.line = line
    self.cell = cell
    self.original = original
  }
}
