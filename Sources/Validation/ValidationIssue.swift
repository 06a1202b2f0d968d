import GyoseiModel

/// One problem found in a file, with where it is and a stable code.
public struct ValidationIssue: Hashable, Sendable {
  /// How serious a problem is.
  public typealias Severity = DiagnosticSeverity

  /// The file, as the user named it.
  public var file: String
  /// The 1-based line in `file`, when known.
  public var line: Int?
  /// The 1-based column in `file`, when known.
  public var column: Int?
  /// The value concerned, when known.
  public var pointer: JSONPointer?
  /// How serious it is.
  public var severity: Severity
  /// A stable code such as `schema.json`, `schema.xsd` or `municipality.check-digit`: one of
  /// `DiagnosticCode`, or a carried warning's code that this build does not know.
  public var code: String
  /// What is wrong and, where it helps, what was expected.
  public var message: String
  /// The message in Japanese, when the check has one.
  public var messageJapanese: String?
  /// Where in the source sheet the value was read from, when the document records it.
  public var source: SourceLocation?

  /// An issue with one of gyosei's registered codes.
  public init(
    file: String, line: Int? = nil, column: Int? = nil, pointer: JSONPointer? = nil,
    severity: Severity = .error, code: DiagnosticCode, message: String,
    messageJapanese: String? = nil, source: SourceLocation? = nil
  ) {
    self.init(
      file: file, line: line, column: column, pointer: pointer, severity: severity,
      code: code.rawValue, message: message, messageJapanese: messageJapanese, source: source)
  }

  /// An issue with a code as text (a carried warning's code, registered or not).
  public init(
    file: String, line: Int? = nil, column: Int? = nil, pointer: JSONPointer? = nil,
    severity: Severity = .error, code: String, message: String, messageJapanese: String? = nil,
    source: SourceLocation? = nil
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.pointer = pointer
    self.severity = severity
    self.code = code
    self.message = message
    self.messageJapanese = messageJapanese
    self.source = source
  }

  /// The one-line form: `file:line:col: error: …` where a position is known, else
  /// `file: /json/pointer: error: …`, else `file: error: …`.
  public var formatted: String {
    if let pointer {
      let shown = pointer == .root ? "/" : pointer.text
      return "\(file): \(shown): \(severity.rawValue): \(message)"
    }
    if let line {
      return "\(file):\(line):\(column ?? 0): \(severity.rawValue): \(message)"
    }
    return "\(file): \(severity.rawValue): \(message)"
  }
}

/// A place in the source sheet a canonical document was read from.
public struct SourceLocation: Hashable, Sendable {
  /// The source file: its name as the document records it, or the path it was read from.
  public var file: String
  /// The 1-based line or row.
  public var line: Int
  /// The 1-based cell or column, when the source has cells.
  public var cell: Int?

  public init(file: String, line: Int, cell: Int? = nil) {
    self.file = file
    self.line = line
    self.cell = cell
  }

  /// `file:line:cell`, or `file:line` without a cell.
  public var formatted: String { "\(file):\(line)" + (cell.map { ":\($0)" } ?? "") }
}
