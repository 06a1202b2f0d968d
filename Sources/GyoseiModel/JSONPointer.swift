/// JSON Pointers (RFC 6901), the addresses of values in canonical documents: provenance is keyed
/// by them and every validation message names one.
public enum JSONPointer {
  /// A reference token escaped for a pointer: `~` becomes `~0`, `/` becomes `~1`.
  public static func escape(_ token: String) -> String {
    guard token.contains("~") || token.contains("/") else { return token }
    var escaped = ""
    for character in token {
      switch character {
      case "~": escaped += "~0"
      case "/": escaped += "~1"
      default: escaped.append(character)
      }
    }
    return escaped
  }

  /// A reference token as it was before escaping.
  public static func unescape(_ token: some StringProtocol) -> String {
    guard token.contains("~") else { return String(token) }
    var result = ""
    var escaping = false
    for character in token {
      if escaping {
        result.append(character == "1" ? "/" : character == "0" ? "~" : character)
        escaping = false
      } else if character == "~" {
        escaping = true
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// The pointer of a path of keys and array indices, `""` for the whole document.
  public static func pointer(_ tokens: some Sequence<String>) -> String {
    tokens.map { "/" + escape($0) }.joined()
  }
}
