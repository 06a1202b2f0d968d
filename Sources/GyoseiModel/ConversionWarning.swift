/// A repair, guess or doubt recorded while reading a source: never silent, never dropped.
public struct ConversionWarning: Hashable, Sendable, Codable {
  /// A stable dotted code such as `marker.ocr-repaired` or `era.past-end`.
  ///
  /// Text, because a document read from elsewhere may carry a code this build does not know;
  /// gyosei's readers record only the codes of `DiagnosticCode`.
  public var code: String
  /// What happened, for a person.
  public var message: String
  /// Where in the source, when known.
  public var position: SourcePosition?
  /// The original text that was repaired or doubted.
  public var original: String?

  /// A warning with one of gyosei's registered codes.
  public init(
    _ code: DiagnosticCode, message: String, at position: SourcePosition? = nil,
    original: String? = nil
  ) {
    self.code = code.rawValue
    self.message = message
    self.position = position
    self.original = original
  }

  /// The registered code, when the warning carries one gyosei knows.
  public var diagnosticCode: DiagnosticCode? { DiagnosticCode(rawValue: code) }

  private enum CodingKeys: String, CodingKey {
    case code, message, line, cell, original
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    code = try container.decode(String.self, forKey: .code)
    message = try container.decode(String.self, forKey: .message)
    position = try SourcePosition.decodeIfPresent(from: container, line: .line, cell: .cell)
    original = try container.decodeIfPresent(String.self, forKey: .original)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(code, forKey: .code)
    try container.encode(message, forKey: .message)
    try container.encodeIfPresent(position?.line, forKey: .line)
    try container.encodeIfPresent(position?.cell, forKey: .cell)
    try container.encodeIfPresent(original, forKey: .original)
  }
}
