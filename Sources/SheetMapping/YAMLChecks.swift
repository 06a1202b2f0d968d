import GyoseiModel
import Yams

/// Checks shared by gyosei's YAML files: a misspelt key must not silently mean "not set", and a
/// decoding error names the entry it is about.
public enum YAMLChecks {
  /// The nodes of a YAML file that gyosei decodes (mappings, repairs, themes, concepts): read
  /// as UTF-8 and with plain scalars left untagged.
  ///
  /// Decoding reads each scalar as the type it is decoded into, so the default resolver's
  /// regular expressions, run on every scalar, bought nothing (a quarter of decoding the
  /// built-in mappings); and Yams' default encoding reads the whole process environment on
  /// every call (and prints when YAMS_DEFAULT_ENCODING is set).
  public static func compose(_ text: String) throws -> Node? {
    try Yams.compose(yaml: text, .basic, .default, .utf8)
  }

  /// The first key of `node` that `allowed` (keys by dotted path; `[]` for a sequence's
  /// elements) does not list, as a message, or nil.
  public static func unknownKey(in node: Node, path: String, allowed: [String: Set<String>])
    -> String?
  {
    switch node {
    case .mapping(let mapping):
      for (key, value) in mapping {
        guard let name = key.string else {
          return "\(path.isEmpty ? "top level" : path): a key that is not text"
        }
        let childPath = path.isEmpty ? name : path + "." + name
        if let keys = allowed[path], !keys.contains(name) {
          return "unknown key '\(childPath)'\(place(of: key)); known here: "
            + keys.sorted().joined(separator: ", ")
        }
        if let problem = unknownKey(in: value, path: childPath, allowed: allowed) { return problem }
      }
    case .sequence(let sequence):
      for element in sequence {
        if let problem = unknownKey(in: element, path: path + "[]", allowed: allowed) {
          return problem
        }
      }
    default:
      break
    }
    return nil
  }

  /// The most nodes a YAML file of gyosei's may stand for once its aliases are expanded: far
  /// above any real mapping (the largest has a few thousand), far below an alias bomb's
  /// millions (ten nested aliases of ten each).
  public static let maximumNodes = 200_000

  /// A message when `node`, its aliases expanded, stands for more than `maximumNodes` nodes.
  ///
  /// The count stops at the limit, so a bomb costs no more than the limit; nil when the file
  /// is within it.
  public static func aliasExpansionProblem(in node: Node) -> String? {
    var budget = maximumNodes
    func count(_ node: Node) -> Bool {
      budget -= 1
      if budget < 0 { return false }
      switch node {
      case .mapping(let mapping):
        for (key, value) in mapping where !count(key) || !count(value) { return false }
      case .sequence(let sequence):
        for element in sequence where !count(element) { return false }
      default:
        break
      }
      return true
    }
    guard !count(node) else { return nil }
    return "the file stands for more than \(maximumNodes) values once its aliases (*name) are "
      + "expanded; write the values out, or use fewer nested aliases"
  }

  /// Where `node` starts in its file, as ` (line 3, column 10)`, or nothing when unknown.
  static func place(of node: Node?) -> String {
    guard let mark = node?.mark else { return "" }
    return " (line \(mark.line), column \(mark.column))"
  }

  /// A mapping's problem that starts with the key it is about (`sheet.title-line: …`,
  /// `evaluation.headings[0]: …`) with where that key's value is in the file inserted after
  /// it, as far as the path goes in `root`: `sheet.title-line (line 6, column 15): …`.
  static func placed(_ problem: String, in root: Node) -> String {
    guard let colon = problem.firstRange(of: ": ") else { return problem }
    let path = problem[..<colon.lowerBound]
    let isPath =
      !path.isEmpty
      && path.unicodeScalars.allSatisfy { scalar in
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
          || "-.[]".unicodeScalars.contains(scalar)
      }
    guard isPath else { return problem }
    var node = root
    var found = false
    for segment in path.split(separator: ".") {
      let parts = segment.split(separator: "[")
      guard let name = parts.first, let child = node[String(name)] else { break }
      node = child
      found = true
      for part in parts.dropFirst() {
        guard let index = Int(part.dropLast()), let sequence = node.sequence,
          sequence.indices.contains(index)
        else { break }
        node = sequence[index]
      }
    }
    guard found else { return problem }
    return String(path) + place(of: node) + problem[colon.lowerBound...]
  }

  /// The node a decoding path leads to in `root`, as far as the path goes.
  static func node(at path: [any CodingKey], in root: Node) -> Node {
    var node = root
    for key in path {
      if let index = key.intValue, let sequence = node.sequence, sequence.indices.contains(index) {
        node = sequence[index]
      } else if let child = node[key.stringValue] {
        node = child
      } else {
        break
      }
    }
    return node
  }

  /// A decoding error as a message that names the entry, and where it is in the file when the
  /// document's `root` is given: `themes[2] (line 14, column 5): missing key 'ja'`.
  public static func describe(_ error: DecodingError, in root: Node? = nil) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let path = context.codingPath.map { key in
        key.intValue.map { "[\($0)]" } ?? "." + key.stringValue
      }.joined()
      let name = path.isEmpty ? "top level" : String(path.drop { $0 == "." })
      return name + (root.map { place(of: node(at: context.codingPath, in: $0)) } ?? "")
    }
    switch error {
    case .keyNotFound(let key, let context):
      let parent = path(context)
      return "\(parent.hasPrefix("top level") ? "" : parent + ": ")missing key '\(key.stringValue)'"
    case .typeMismatch(let type, let context):
      let found = root.map { Self.found(node(at: context.codingPath, in: $0)) } ?? ""
      return "\(path(context)): expected \(Self.words(for: type))\(found)"
    case .valueNotFound(let type, let context):
      return "\(path(context)): expected \(Self.words(for: type)), found nothing"
    case .dataCorrupted(let context):
      return
        "\(path(context)): \(Self.keywordProblem(context.debugDescription) ?? context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }

  /// A type a mapping file's value must have, in words with an example.
  static func words(for type: Any.Type) -> String {
    let name = String(describing: type)
    if name.hasPrefix("Array") || name.hasPrefix("Sequence") || name.hasPrefix("Set") {
      return "a list, such as [事務事業名, 事業名] or lines starting with '- '"
    }
    if name.hasPrefix("Dictionary") || name.hasPrefix("Mapping") {
      return "keys with values, such as 'labels: [事務事業名]' on lines of their own"
    }
    switch name {
    case "String", "Scalar": return "text, such as 事務事業名 or '^(?<year>令和\\S+年度)'"
    case "Int": return "a whole number, such as 3"
    case "Double", "Float": return "a number, such as 1.5"
    case "Bool": return "true or false"
    default: return "a value of type \(name)"
    }
  }

  /// What the file has where a value of another type was expected: ", found '…'".
  static func found(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar): return ", found '\(scalar.string)'"
    case .sequence: return ", found a list"
    case .mapping: return ", found keys with values"
    case .alias: return ""
    }
  }

  /// The values each keyword of the mapping files takes, by the name of its type.
  static let keywordValues: [String: [String]] = Dictionary(
    uniqueKeysWithValues: [
      values(of: DocumentFamily.self), values(of: SheetMappingFile.RecordField.self),
      values(of: SheetMappingFile.FieldRole.self), values(of: SheetMappingFile.ColumnRole.self),
      values(of: SheetMappingFile.ObjectiveLineRole.self),
      values(of: SheetMappingFile.ProgramLineRole.self),
      values(of: SheetMappingFile.ProgramSpec.ItemField.self),
      values(of: SheetMappingFile.ProjectField.self),
      values(of: SheetMappingFile.EvaluationSpec.CodePlace.self),
      values(of: SheetMappingFile.EvaluationSpec.HeadingLevel.self),
      values(of: SheetMappingFile.EvaluationSpec.HeadingScope.self),
    ])

  private static func values<Keyword: RawRepresentable & CaseIterable>(
    of type: Keyword.Type
  ) -> (String, [String]) where Keyword.RawValue == String {
    (String(describing: type), type.allCases.map(\.rawValue))
  }

  /// The standard library's message for a keyword no case has ("Cannot initialize
  /// RecordField from invalid String value sektion") as one that lists the values there are.
  static func keywordProblem(_ message: String) -> String? {
    let opening = "Cannot initialize "
    let middle = " from invalid String value "
    guard message.hasPrefix(opening), let split = message.firstRange(of: middle) else { return nil }
    let type = String(
      message[message.index(message.startIndex, offsetBy: opening.count)..<split.lowerBound])
    let value = String(message[split.upperBound...])
    guard let allowed = keywordValues[type] else { return nil }
    return "'\(value)' is not a value this key takes; expected one of: "
      + allowed.joined(separator: ", ")
  }
}
