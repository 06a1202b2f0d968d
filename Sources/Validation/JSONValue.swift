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

  /// The JSON Schema type name of the value; integral numbers are `integer`.
  var typeName: String {
    switch kind {
    case .object: return "object"
    case .array: return "array"
    case .string: return "string"
    case .number(let value, _): return value == value.rounded() ? "integer" : "number"
    case .bool: return "boolean"
    case .null: return "null"
    }
  }

  /// A short rendering for messages: strings quoted and cut, containers by kind.
  var brief: String {
    switch kind {
    case .object: return "an object"
    case .array: return "an array"
    case .string(let text):
      let cut = text.count > 40 ? String(text.prefix(40)) + "…" : text
      return "string \"\(cut)\""
    case .number(_, let literal): return "number \(literal)"
    case .bool(let value): return "\(value)"
    case .null: return "null"
    }
  }

  /// Structural equality, as JSON Schema's `const` and `enum` compare.
  func isEqual(to other: JSONValue) -> Bool {
    switch (kind, other.kind) {
    case (.object(let a), .object(let b)):
      return a.count == b.count
        && a.allSatisfy { member in
          b.first { $0.key == member.key }.map { member.value.isEqual(to: $0.value) } ?? false
        }
    case (.array(let a), .array(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.isEqual(to: $1) }
    case (.string(let a), .string(let b)): return a == b
    case (.number(let a, _), .number(let b, _)): return a == b
    case (.bool(let a), .bool(let b)): return a == b
    case (.null, .null): return true
    default: return false
    }
  }
}
