import Yams

/// Checks shared by gyosei's YAML files: a misspelt key must not silently mean "not set", and a
/// decoding error names the entry it is about.
public enum YAMLChecks {
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
          return "unknown key '\(childPath)'; known here: \(keys.sorted().joined(separator: ", "))"
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

  /// A decoding error as a message that names the entry: `themes[2]: missing key 'ja'`.
  public static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let path = context.codingPath.map { key in
        key.intValue.map { "[\($0)]" } ?? "." + key.stringValue
      }.joined()
      return path.isEmpty ? "top level" : String(path.drop { $0 == "." })
    }
    switch error {
    case .keyNotFound(let key, let context):
      let parent = path(context)
      return "\(parent == "top level" ? "" : parent + ": ")missing key '\(key.stringValue)'"
    case .typeMismatch(let type, let context):
      return "\(path(context)): expected \(type): \(context.debugDescription)"
    case .valueNotFound(let type, let context):
      return "\(path(context)): expected \(type), found nothing"
    case .dataCorrupted(let context):
      return "\(path(context)): \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }
}
