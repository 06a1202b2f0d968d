/// Why bytes could not be parsed as XML, and where.
public struct XMLParseError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What kind of refusal it is, so that callers can advise what to do.
  public enum Kind: Sendable, Hashable {
    /// The document declares a DOCTYPE, which the safety policy refuses.
    case doctype
    /// The bytes are not well-formed XML.
    case notWellFormed
    /// Elements nested deeper than libxml2 allows (256).
    case tooDeep
    /// A text node or a name over libxml2's limit (10 MB).
    case hugeText
    /// The document is larger than libxml2 can be handed.
    case tooLarge
    /// libxml2 ran out of memory or could not start.
    case resources

    init(libxml2Message message: String) {
      if message.contains("Excessive depth") {
        self = .tooDeep
      } else if message.contains("huge text node") || message.contains("Huge input lookup")
        || message.contains("too long")
      {
        self = .hugeText
      } else {
        self = .notWellFormed
      }
    }
  }

  public var kind: Kind
  /// The 1-based line libxml2 reports (past 65,535 too).
  public var line: Int
  /// The 1-based column, or 0 when libxml2 gives none.
  public var column: Int
  /// libxml2's message, trimmed.
  public var message: String

  public init(kind: Kind, line: Int, column: Int, message: String) {
    self.kind = kind
    self.line = line
    self.column = column
    self.message = XMLDiagnostics.trimmed(message)
  }

  public var description: String { "line \(line): \(message)" }
}
