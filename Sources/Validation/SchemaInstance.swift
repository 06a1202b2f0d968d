import Emitters

/// What a JSON Schema evaluation reads of a value: JSON parsed from bytes (which knows its line
/// and column), or the canonical tree of a document about to be written (which does not, and
/// whose check therefore only decides; a tree that fails is checked again from its bytes for
/// the report).
protocol SchemaInstance {
  var shape: SchemaShape { get }
  var line: Int { get }
  var column: Int { get }
  /// An array's elements; empty for anything else.
  var elements: [Self] { get }
  /// An object's member called `key`.
  func member(_ key: String) -> Self?
  /// An object's members in order.
  func forEachMember(_ body: (String, Self) -> Void)
  /// A number as the document writes it, for messages.
  var numberLiteral: String { get }
}

/// The kind of a value, with a scalar's content.
enum SchemaShape {
  case object(count: Int)
  case array(count: Int)
  case string(String)
  case number(Double)
  case bool(Bool)
  case null
}

extension SchemaInstance {
  /// The JSON Schema type name of the value; integral numbers are `integer`.
  var typeName: String {
    switch shape {
    case .object: return "object"
    case .array: return "array"
    case .string: return "string"
    case .number(let value): return value == value.rounded() ? "integer" : "number"
    case .bool: return "boolean"
    case .null: return "null"
    }
  }

  /// A short rendering for messages: strings quoted and cut, containers by kind.
  var brief: String {
    switch shape {
    case .object: return "an object"
    case .array: return "an array"
    case .string(let text):
      let cut = text.count > 40 ? String(text.prefix(40)) + "…" : text
      return "string \"\(cut)\""
    case .number: return "number \(numberLiteral)"
    case .bool(let value): return "\(value)"
    case .null: return "null"
    }
  }

  /// Structural equality, as JSON Schema's `const` and `enum` compare.
  func isEqual<Other: SchemaInstance>(to other: Other) -> Bool {
    switch (shape, other.shape) {
    case (.object(let count), .object(let otherCount)):
      guard count == otherCount else { return false }
      var equal = true
      forEachMember { key, value in
        guard equal else { return }
        equal = other.member(key).map { value.isEqual(to: $0) } ?? false
      }
      return equal
    case (.array, .array):
      let mine = elements
      let theirs = other.elements
      return mine.count == theirs.count && zip(mine, theirs).allSatisfy { $0.isEqual(to: $1) }
    case (.string(let a), .string(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.bool(let a), .bool(let b)): return a == b
    case (.null, .null): return true
    default: return false
    }
  }
}

extension JSONValue: SchemaInstance {
  var shape: SchemaShape {
    switch kind {
    case .object(let members): return .object(count: members.count)
    case .array(let elements): return .array(count: elements.count)
    case .string(let text): return .string(text)
    case .number(let value, _): return .number(value)
    case .bool(let value): return .bool(value)
    case .null: return .null
    }
  }

  var elements: [JSONValue] {
    if case .array(let elements) = kind { return elements }
    return []
  }

  func member(_ key: String) -> JSONValue? { self[key] }

  func forEachMember(_ body: (String, JSONValue) -> Void) {
    guard case .object(let members) = kind else { return }
    for member in members { body(member.key, member.value) }
  }

  var numberLiteral: String {
    if case .number(_, let literal) = kind { return literal }
    return ""
  }
}

extension CanonicalNode: SchemaInstance {
  var shape: SchemaShape {
    switch self {
    case .object(let members): return .object(count: members.count)
    case .array(let elements): return .array(count: elements.count)
    case .string(let text): return .string(text)
    case .integer(let value): return .number(Double(value))
    case .number(let value): return .number(value)
    case .bool(let value): return .bool(value)
    case .null: return .null
    }
  }

  var line: Int { 0 }
  var column: Int { 0 }

  var elements: [CanonicalNode] {
    if case .array(let elements) = self { return elements }
    return []
  }

  func forEachMember(_ body: (String, CanonicalNode) -> Void) {
    guard case .object(let members) = self else { return }
    for member in members { body(member.key, member.value) }
  }

  var numberLiteral: String {
    switch self {
    case .integer(let value): return String(value)
    case .number(let value): return "\(value)"
    default: return ""
    }
  }
}
