import Foundation
import GyoseiModel

/// Evaluates a JSON Schema (draft 2020-12) against parsed JSON, reporting every violation with
/// its JSON Pointer and source position.
///
/// It implements the keywords gyosei's published schema uses and refuses a schema with any
/// other keyword, so a schema change can never be silently half-checked.
final class JSONSchemaValidator: @unchecked Sendable {
  /// One place where an instance breaks the schema.
  struct Violation {
    var pointer: JSONPointer
    var line: Int
    var column: Int
    var message: String
  }

  /// Why a schema cannot be used.
  struct SchemaError: Error, CustomStringConvertible {
    var description: String
  }

  static let annotationKeywords: Set<String> = [
    "$schema", "$id", "$comment", "title", "description", "default", "examples",
  ]
  static let assertionKeywords: Set<String> = [
    "$ref", "$defs", "type", "properties", "required", "additionalProperties", "items", "enum",
    "const", "pattern", "minimum", "maximum", "minLength", "minItems", "allOf", "if", "then",
    "else",
  ]

  /// Collects violations while a schema is evaluated.
  final class ViolationSink {
    var violations: [Violation] = []
  }

  private let root: JSONValue
  private var patterns: [String: NSRegularExpression] = [:]
  /// Every `$ref` of the schema, resolved once when the schema is read.
  private var references: [String: JSONValue] = [:]

  init(schemaBytes: [UInt8]) throws {
    do {
      root = try JSONParser.parse(schemaBytes)
    } catch {
      throw SchemaError(
        description: "the JSON Schema is not JSON: line \(error.line): \(error.message)")
    }
    try compile(root, at: "#")
  }

  /// Checks the schema once: known keywords only, patterns that compile, references that
  /// resolve.
  private func compile(_ schema: JSONValue, at location: String) throws {
    switch schema.kind {
    case .bool: return
    case .object(let members):
      for (keyword, value) in members {
        guard Self.annotationKeywords.contains(keyword) || Self.assertionKeywords.contains(keyword)
        else {
          throw SchemaError(description: "\(location): unsupported keyword '\(keyword)'")
        }
        switch keyword {
        case "properties", "$defs":
          guard case .object(let children) = value.kind else {
            throw SchemaError(description: "\(location)/\(keyword) must be an object")
          }
          for (name, child) in children { try compile(child, at: "\(location)/\(keyword)/\(name)") }
        case "items", "additionalProperties", "if", "then", "else":
          try compile(value, at: "\(location)/\(keyword)")
        case "allOf":
          guard case .array(let children) = value.kind else {
            throw SchemaError(description: "\(location)/allOf must be an array")
          }
          for (index, child) in children.enumerated() {
            try compile(child, at: "\(location)/allOf/\(index)")
          }
        case "pattern":
          guard let text = value.stringValue else {
            throw SchemaError(description: "\(location)/pattern must be a string")
          }
          if patterns[text] == nil {
            do {
              patterns[text] = try NSRegularExpression(pattern: text)
            } catch {
              throw SchemaError(description: "\(location)/pattern does not compile: \(error)")
            }
          }
        case "$ref":
          guard let reference = value.stringValue, let target = resolve(reference) else {
            throw SchemaError(description: "\(location)/$ref does not resolve")
          }
          references[reference] = target
        default:
          break
        }
      }
    default:
      throw SchemaError(description: "\(location): a schema must be an object or a boolean")
    }
  }

  private func resolve(_ reference: String) -> JSONValue? {
    guard reference.hasPrefix("#"),
      let pointer = JSONPointer(parsing: String(reference.dropFirst()))
    else { return nil }
    var node = root
    for token in pointer.tokens {
      guard let next = node[token] else { return nil }
      node = next
    }
    return node
  }

  /// Every violation of the schema by `instance`, in document order.
  func validate(_ instance: JSONValue) -> [Violation] {
    let sink = ViolationSink()
    evaluate(root, instance, pointer: .root, name: nil, into: sink)
    return sink.violations
  }

  private func isValid(_ schema: JSONValue, _ instance: JSONValue) -> Bool {
    let sink = ViolationSink()
    evaluate(schema, instance, pointer: .root, name: nil, into: sink)
    return sink.violations.isEmpty
  }

  private func evaluate(
    _ schema: JSONValue, _ instance: JSONValue, pointer: JSONPointer, name: String?,
    into sink: ViolationSink
  ) {
    func fail(_ message: String) {
      sink.violations.append(
        Violation(
          pointer: pointer, line: instance.line, column: instance.column, message: message))
    }
    if case .bool(let allowed) = schema.kind {
      if !allowed { fail("'\(pointer.last ?? "")' is not allowed here") }
      return
    }
    if let reference = schema["$ref"]?.stringValue, let target = references[reference] {
      let targetName = reference.split(separator: "/").last.map(String.init)
      evaluate(target, instance, pointer: pointer, name: targetName, into: sink)
    }
    if let types = schema["type"] {
      let allowed: [String]
      switch types.kind {
      case .string(let single): allowed = [single]
      case .array(let many): allowed = many.compactMap(\.stringValue)
      default: allowed = []
      }
      let actual = instance.typeName
      let matches = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
      if !matches {
        fail("expected \(allowed.joined(separator: " or ")), got \(instance.brief)")
        return
      }
    }
    if let constant = schema["const"], !constant.isEqual(to: instance) {
      fail("expected \(constant.brief), got \(instance.brief)")
    }
    if let options = schema["enum"], case .array(let values) = options.kind,
      !values.contains(where: { $0.isEqual(to: instance) })
    {
      let listed = values.map(\.brief).joined(separator: ", ")
      fail("expected one of \(listed), got \(instance.brief)")
    }
    checkString(schema, instance, name: name, fail: fail)
    checkNumber(schema, instance, fail: fail)
    if case .object(let members) = instance.kind {
      checkObject(schema, members, pointer: pointer, fail: fail, into: sink)
    }
    if case .array(let elements) = instance.kind {
      if let minimum = schema["minItems"], case .number(let count, _) = minimum.kind,
        Double(elements.count) < count
      {
        fail("expected at least \(Int(count)) entries, got \(elements.count)")
      }
      if let itemSchema = schema["items"] {
        for (index, element) in elements.enumerated() {
          evaluate(itemSchema, element, pointer: pointer / index, name: nil, into: sink)
        }
      }
    }
    if let all = schema["allOf"], case .array(let subschemas) = all.kind {
      for subschema in subschemas {
        evaluate(subschema, instance, pointer: pointer, name: name, into: sink)
      }
    }
    if let condition = schema["if"] {
      let branch = isValid(condition, instance) ? schema["then"] : schema["else"]
      if let branch { evaluate(branch, instance, pointer: pointer, name: name, into: sink) }
    }
  }

  private func checkString(
    _ schema: JSONValue, _ instance: JSONValue, name: String?, fail: (String) -> Void
  ) {
    guard case .string(let text) = instance.kind else { return }
    if let minimum = schema["minLength"], case .number(let length, _) = minimum.kind,
      Double(text.unicodeScalars.count) < length
    {
      fail("expected at least \(Int(length)) characters, got \(instance.brief)")
    }
    if let pattern = schema["pattern"]?.stringValue, let expression = patterns[pattern] {
      let range = NSRange(text.startIndex..<text.endIndex, in: text)
      if expression.firstMatch(in: text, range: range) == nil {
        let shown = pattern.count > 80 ? "the \(name ?? "value") pattern" : "pattern \(pattern)"
        fail("\(instance.brief) does not match \(shown)")
      }
    }
  }

  private func checkNumber(_ schema: JSONValue, _ instance: JSONValue, fail: (String) -> Void) {
    guard case .number(let value, let literal) = instance.kind else { return }
    if let minimum = schema["minimum"], case .number(let bound, let shown) = minimum.kind,
      value < bound
    {
      fail("\(literal) is below the minimum \(shown)")
    }
    if let maximum = schema["maximum"], case .number(let bound, let shown) = maximum.kind,
      value > bound
    {
      fail("\(literal) is above the maximum \(shown)")
    }
  }

  private func checkObject(
    _ schema: JSONValue, _ members: [(key: String, value: JSONValue)], pointer: JSONPointer,
    fail: (String) -> Void, into sink: ViolationSink
  ) {
    if let required = schema["required"], case .array(let names) = required.kind {
      for name in names.compactMap(\.stringValue) where !members.contains(where: { $0.key == name })
      {
        fail("missing required key '\(name)'")
      }
    }
    let properties = schema["properties"]
    for (key, value) in members {
      let childPointer = pointer / key
      if let propertySchema = properties?[key] {
        evaluate(propertySchema, value, pointer: childPointer, name: key, into: sink)
      } else if let additional = schema["additionalProperties"] {
        if case .bool(false) = additional.kind {
          sink.violations.append(
            Violation(
              pointer: childPointer, line: value.line, column: value.column,
              message: "unknown key '\(key)'"))
        } else {
          evaluate(additional, value, pointer: childPointer, name: key, into: sink)
        }
      }
    }
  }
}
