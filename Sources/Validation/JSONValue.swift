/// A parsed JSON value with the line and column where it starts, for error messages.
struct JSONValue: Sendable {
  enum Kind: Sendable {
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(Double, literal: String)
    case bool(Bool)
    case null
  }

  var kind: Kind
  /// Where the value starts, kept in 32 bits each: a large document's tree holds a million
  /// values, and a document over 2 GB is refused before it is parsed.
  private var storedLine: Int32
  private var storedColumn: Int32

  var line: Int {
    get { Int(storedLine) }
    set { storedLine = Int32(clamping: newValue) }
  }

  var column: Int {
    get { Int(storedColumn) }
    set { storedColumn = Int32(clamping: newValue) }
  }

  init(kind: Kind, line: Int, column: Int) {
    self.kind = kind
    storedLine = Int32(clamping: line)
    storedColumn = Int32(clamping: column)
  }

  /// The member called `key`, when this is an object that has one.
  subscript(key: String) -> JSONValue? {
    guard case .object(let members) = kind else { return nil }
    return members.first { $0.key == key }?.value
  }

  var stringValue: String? {
    if case .string(let text) = kind { return text }
    return nil
  }
}
