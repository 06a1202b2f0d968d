import GyoseiModel

/// One problem found in a file, with where it is and a stable code.
public struct ValidationIssue: Hashable, Sendable {
  /// How serious a problem is.
  public enum Severity: String, Hashable, Sendable, Comparable, CaseIterable {
    case error
    case warning
    case info

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      let order: [Severity] = [.error, .warning, .info]
      return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
  }

  /// The file, as the user named it.
  public var file: String
  /// The 1-based line in `file`, when known.
  public var line: Int?
  /// The 1-based column in `file`, when known.
  public var column: Int?
  /// The JSON Pointer of the value concerned, when known.
  public var pointer: String?
  /// How serious it is.
  public var severity: Severity
  /// A stable code such as `schema.json`, `schema.xsd` or `municipality.check-digit`.
  public var code: String
  /// What is wrong and, where it helps, what was expected.
  public var message: String
  /// The message in Japanese, when the check has one.
  public var messageJapanese: String?
  /// Where in the source sheet the value was read from, when the document records it.
  public var source: SourceLocation?

  public init(
    file: String, line: Int? = nil, column: Int? = nil, pointer: String? = nil,
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
      return "\(file): \(pointer.isEmpty ? "/" : pointer): \(severity.rawValue): \(message)"
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
