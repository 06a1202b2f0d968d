import Emitters
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

  private let root: JSONValue
  private var patterns: [String: Pattern] = [:]
  /// Patterns compiled as a simpler one, by the schema location that holds them.
  private let substitutes: [String: String]

  /// A compiled `pattern`: the automaton of `SchemaPattern` when the pattern is in its subset,
  /// else a full regular-expression engine.
  enum Pattern {
    case automaton(SchemaPattern)
    case expression(NSRegularExpression)

    func matches(_ text: String) -> Bool {
      switch self {
      case .automaton(let automaton): return automaton.matches(text)
      case .expression(let expression):
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.firstMatch(in: text, range: range) != nil
      }
    }
  }
  /// Every `$ref` of the schema, resolved once when the schema is read.
  private var references: [String: JSONValue] = [:]

  /// - Parameter substitutes: for a schema location (`#/$defs/municipalityCode`), the pattern
  ///   to check instead of the one written there — for a check the caller makes itself, more
  ///   precisely, so that the schema's long form need not be compiled in every process. The
  ///   substitute stands for that pattern's text wherever it appears.
  init(schemaBytes: [UInt8], substitutes: [String: String] = [:]) throws {
    self.substitutes = substitutes
    do {
      root = try JSONParser.parse(schemaBytes)
    } catch {
      throw SchemaError(
        description: "the JSON Schema is not JSON: line \(error.line): \(error.message)")
    }
    try compile(root, at: "#")
    var nodes: [String: Node] = [:]
    compiled = link(root, at: "#", nodes: &nodes)
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
            // The full engine compiles only what the automaton does not take (compiling the
            // municipality alternation in ICU too cost every process for nothing).
            if let automaton = SchemaPattern(substitutes[location] ?? text) {
              patterns[text] = .automaton(automaton)
            } else {
              do {
                patterns[text] = .expression(try NSRegularExpression(pattern: text))
              } catch {
                throw SchemaError(description: "\(location)/pattern does not compile: \(error)")
              }
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
    var evaluation = Evaluation<JSONValue>()
    evaluation.evaluate(compiled, instance, name: nil)
    return evaluation.violations
  }

  /// Whether a canonical tree satisfies the schema: the check of a document gyosei built,
  /// which stops at the first violation (the caller reports from the bytes).
  func accepts(_ tree: CanonicalNode) -> Bool {
    var evaluation = Evaluation<CanonicalNode>()
    evaluation.stopAtFirst = true
    evaluation.evaluate(compiled, tree, name: nil)
    return evaluation.violations.isEmpty
  }

  // MARK: - The compiled schema

  /// A schema with its keywords read once: members found by name, references linked, so an
  /// evaluation does no lookups in the schema's JSON.
  ///
  /// A node is written only while the schema is linked, then only read, on one thread at a
  /// time per evaluation: its properties are exempt from the dynamic exclusivity checks, which
  /// cost more than the reads themselves on a document's hundreds of thousands of values.
  final class Node {
    /// A boolean schema's verdict; nil for an object schema.
    @exclusivity(unchecked) var allowed: Bool?
    @exclusivity(unchecked) var reference: Node?
    @exclusivity(unchecked) var referenceName: String?
    @exclusivity(unchecked) var types: [String]? {
      didSet { typeMask = types.map(TypeMask.init) }
    }
    /// `types` as bits, to test a value's type without comparing names.
    @exclusivity(unchecked) private(set) var typeMask: TypeMask?
    @exclusivity(unchecked) var constant: JSONValue?
    @exclusivity(unchecked) var options: [JSONValue]?
    @exclusivity(unchecked) var minimumLength: Double?
    @exclusivity(unchecked) var pattern: (source: String, compiled: Pattern)?
    @exclusivity(unchecked) var minimum: (value: Double, shown: String)?
    @exclusivity(unchecked) var maximum: (value: Double, shown: String)?
    @exclusivity(unchecked) var required: [String] = []
    /// The properties in the schema's order: the members of a document come in that order
    /// too, so each is looked for from where the last was found.
    @exclusivity(unchecked) var properties: [(key: String, node: Node)]?
    @exclusivity(unchecked) var additionalProperties: Node?
    @exclusivity(unchecked) var items: Node?
    @exclusivity(unchecked) var minimumItems: Double?
    @exclusivity(unchecked) var allOf: [Node] = []
    @exclusivity(unchecked) var condition: Node?
    @exclusivity(unchecked) var then: Node?
    @exclusivity(unchecked) var otherwise: Node?

    /// The schema of the property `key`, searched from `hint` (then updated to the next place).
    func property(_ key: String, hint: inout Int) -> Node? {
      guard let properties, !properties.isEmpty else { return nil }
      let length = key.utf8.count
      var index = hint < properties.count ? hint : 0
      for _ in 0..<properties.count {
        let entry = properties[index]
        if entry.key.utf8.count == length && entry.key == key {
          hint = index + 1
          return entry.node
        }
        index = index + 1 == properties.count ? 0 : index + 1
      }
      return nil
    }
  }

  /// A set of JSON Schema type names as bits.
  struct TypeMask {
    var bits: UInt8

    static let object: UInt8 = 1
    static let array: UInt8 = 2
    static let string: UInt8 = 4
    static let integer: UInt8 = 8
    static let number: UInt8 = 16
    static let boolean: UInt8 = 32
    static let null: UInt8 = 64

    init(_ names: [String]) {
      bits = 0
      for name in names {
        switch name {
        case "object": bits |= Self.object
        case "array": bits |= Self.array
        case "string": bits |= Self.string
        // A number schema takes integers too.
        case "number": bits |= Self.number | Self.integer
        case "integer": bits |= Self.integer
        case "boolean": bits |= Self.boolean
        case "null": bits |= Self.null
        default: continue
        }
      }
    }

    /// Whether a value of this shape is of one of the types.
    func admits(_ shape: SchemaShape) -> Bool {
      let bit: UInt8
      switch shape {
      case .object: bit = Self.object
      case .array: bit = Self.array
      case .string: bit = Self.string
      case .number(let value): bit = value == value.rounded() ? Self.integer : Self.number
      case .bool: bit = Self.boolean
      case .null: bit = Self.null
      }
      return bits & bit != 0
    }
  }

  /// The schema compiled, made once when the validator is (it is then only read).
  private var compiled = Node()

  /// The node of the schema at `location`, made once (references may form cycles).
  private func link(_ schema: JSONValue, at location: String, nodes: inout [String: Node])
    -> Node
  {
    if let made = nodes[location] { return made }
    let node = Node()
    nodes[location] = node
    if case .bool(let allowed) = schema.kind {
      node.allowed = allowed
      return node
    }
    guard case .object(let members) = schema.kind else { return node }
    for (keyword, value) in members {
      switch keyword {
      case "$ref":
        if let reference = value.stringValue, let target = references[reference] {
          node.reference = link(target, at: reference, nodes: &nodes)
          node.referenceName = reference.split(separator: "/").last.map(String.init)
        }
      case "type":
        switch value.kind {
        case .string(let single): node.types = [single]
        case .array(let many): node.types = many.compactMap(\.stringValue)
        default: node.types = []
        }
      case "const": node.constant = value
      case "enum":
        if case .array(let values) = value.kind { node.options = values }
      case "minLength":
        if case .number(let length, _) = value.kind { node.minimumLength = length }
      case "pattern":
        if let source = value.stringValue, let compiled = patterns[source] {
          node.pattern = (source, compiled)
        }
      case "minimum":
        if case .number(let bound, let shown) = value.kind { node.minimum = (bound, shown) }
      case "maximum":
        if case .number(let bound, let shown) = value.kind { node.maximum = (bound, shown) }
      case "required":
        if case .array(let names) = value.kind { node.required = names.compactMap(\.stringValue) }
      case "properties":
        if case .object(let children) = value.kind {
          var properties: [(key: String, node: Node)] = []
          for (name, child) in children {
            let linked = link(child, at: "\(location)/properties/\(name)", nodes: &nodes)
            if let index = properties.firstIndex(where: { $0.key == name }) {
              properties[index].node = linked
            } else {
              properties.append((name, linked))
            }
          }
          node.properties = properties
        }
      case "additionalProperties":
        node.additionalProperties = link(
          value, at: "\(location)/additionalProperties", nodes: &nodes)
      case "items": node.items = link(value, at: "\(location)/items", nodes: &nodes)
      case "minItems":
        if case .number(let count, _) = value.kind { node.minimumItems = count }
      case "allOf":
        if case .array(let children) = value.kind {
          node.allOf = children.enumerated().map { index, child in
            link(child, at: "\(location)/allOf/\(index)", nodes: &nodes)
          }
        }
      case "if": node.condition = link(value, at: "\(location)/if", nodes: &nodes)
      case "then": node.then = link(value, at: "\(location)/then", nodes: &nodes)
      case "else": node.otherwise = link(value, at: "\(location)/else", nodes: &nodes)
      default: continue
      }
    }
    return node
  }

  /// One evaluation: the path to the value at hand kept as a stack of tokens, turned into a
  /// JSON Pointer only when something fails; `stopAtFirst` for the `if` of a condition.
  struct Evaluation<Instance: SchemaInstance> {
    enum Token {
      case key(String)
      case index(Int)
    }

    var stopAtFirst = false
    var path: [Token] = []
    var violations: [Violation] = []

    var pointer: JSONPointer {
      var pointer = JSONPointer.root
      for token in path {
        switch token {
        case .key(let key): pointer = pointer / key
        case .index(let index): pointer = pointer / index
        }
      }
      return pointer
    }

    mutating func fail(_ message: String, _ instance: Instance) {
      violations.append(
        Violation(pointer: pointer, line: instance.line, column: instance.column, message: message))
    }

    func isValid(_ schema: Node, _ instance: Instance) -> Bool {
      var trial = Evaluation()
      trial.stopAtFirst = true
      trial.evaluate(schema, instance, name: nil)
      return trial.violations.isEmpty
    }

    mutating func evaluate(_ schema: Node, _ instance: Instance, name: String?) {
      if stopAtFirst && !violations.isEmpty { return }
      if let allowed = schema.allowed {
        if !allowed {
          let last: String
          switch path.last {
          case .key(let key)?: last = key
          case .index(let index)?: last = String(index)
          case nil: last = ""
          }
          fail("'\(last)' is not allowed here", instance)
        }
        return
      }
      if let target = schema.reference {
        evaluate(target, instance, name: schema.referenceName)
      }
      if let allowed = schema.types, let mask = schema.typeMask {
        if !mask.admits(instance.shape) {
          fail("expected \(allowed.joined(separator: " or ")), got \(instance.brief)", instance)
          return
        }
      }
      if let constant = schema.constant, !constant.isEqual(to: instance) {
        fail("expected \(constant.brief), got \(instance.brief)", instance)
      }
      if let options = schema.options, !options.contains(where: { $0.isEqual(to: instance) }) {
        let listed = options.map(\.brief).joined(separator: ", ")
        fail("expected one of \(listed), got \(instance.brief)", instance)
      }
      switch instance.shape {
      case .string(let text): checkString(schema, text, instance, name: name)
      case .number(let value):
        if let minimum = schema.minimum, value < minimum.value {
          fail("\(instance.numberLiteral) is below the minimum \(minimum.shown)", instance)
        }
        if let maximum = schema.maximum, value > maximum.value {
          fail("\(instance.numberLiteral) is above the maximum \(maximum.shown)", instance)
        }
      case .object: checkObject(schema, instance)
      case .array(let count):
        if let minimum = schema.minimumItems, Double(count) < minimum {
          fail("expected at least \(Int(minimum)) entries, got \(count)", instance)
        }
        if let itemSchema = schema.items {
          for (index, element) in instance.elements.enumerated() {
            path.append(.index(index))
            evaluate(itemSchema, element, name: nil)
            path.removeLast()
          }
        }
      default: break
      }
      for subschema in schema.allOf {
        evaluate(subschema, instance, name: name)
      }
      if let condition = schema.condition {
        let branch = isValid(condition, instance) ? schema.then : schema.otherwise
        if let branch { evaluate(branch, instance, name: name) }
      }
    }

    private mutating func checkString(
      _ schema: Node, _ text: String, _ instance: Instance, name: String?
    ) {
      if let minimum = schema.minimumLength {
        // A minimum of one (the schema's usual) needs no count.
        let isShort =
          minimum <= 1
          ? minimum == 1 && text.isEmpty : Double(text.unicodeScalars.count) < minimum
        if isShort {
          fail("expected at least \(Int(minimum)) characters, got \(instance.brief)", instance)
        }
      }
      if let (pattern, compiled) = schema.pattern {
        if !compiled.matches(text) {
          let shown = pattern.count > 80 ? "the \(name ?? "value") pattern" : "pattern \(pattern)"
          fail("\(instance.brief) does not match \(shown)", instance)
        }
      }
    }

    private mutating func checkObject(_ schema: Node, _ instance: Instance) {
      for name in schema.required where instance.member(name) == nil {
        fail("missing required key '\(name)'", instance)
      }
      var hint = 0
      instance.forEachMember { key, value in
        if stopAtFirst && !violations.isEmpty { return }
        path.append(.key(key))
        defer { path.removeLast() }
        if let propertySchema = schema.property(key, hint: &hint) {
          evaluate(propertySchema, value, name: key)
        } else if let additional = schema.additionalProperties {
          if additional.allowed == false {
            fail("unknown key '\(key)'", value)
          } else {
            evaluate(additional, value, name: key)
          }
        }
      }
    }
  }
}
