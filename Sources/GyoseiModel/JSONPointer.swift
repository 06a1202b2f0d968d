/// A JSON Pointer (RFC 6901): the address of a value in a canonical document.
///
/// Provenance is keyed by them and every validation message names one. This type is the one
/// way to build a pointer (`JSONPointer.root / "measures" / 3 / "code"`) and to read one back
/// (`tokens`, `index(at:)`, `parent`); no pointer is put together or taken apart as text
/// elsewhere. It holds the escaped text, so building and printing cost no more than a string.
public struct JSONPointer: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
  /// The escaped form: `""` for the whole document, `/objectives/0/a~1b`.
  public let text: String

  private init(escaped text: String) { self.text = text }

  /// The whole document.
  public static let root = JSONPointer(escaped: "")

  /// The pointer of a path of keys and array indices.
  public init(tokens: some Sequence<String>) {
    var text = ""
    for token in tokens { text += "/" + Self.escape(token) }
    self.text = text
  }

  /// Reads a pointer's text; `nil` when it is not a pointer (it must be empty or start with
  /// `/`, and `~` may only be followed by `0` or `1`).
  public init?(parsing text: String) {
    guard text.isEmpty || text.utf8.first == UInt8(ascii: "/") else { return nil }
    var bytes = text.utf8.makeIterator()
    while let byte = bytes.next() {
      if byte == UInt8(ascii: "~") {
        guard let next = bytes.next(), next == UInt8(ascii: "0") || next == UInt8(ascii: "1")
        else { return nil }
      }
    }
    self.text = text
  }

  /// The pointer one member deeper.
  public static func / (pointer: JSONPointer, key: String) -> JSONPointer {
    pointer.appending(escape(key))
  }

  /// The pointer one array entry deeper.
  public static func / (pointer: JSONPointer, index: Int) -> JSONPointer {
    pointer.appending(String(index))
  }

  /// This pointer and one escaped token, in one allocation (the mappers build one per value).
  private func appending(_ escaped: String) -> JSONPointer {
    var result = ""
    result.reserveCapacity(text.utf8.count + 1 + escaped.utf8.count)
    result += text
    result += "/"
    result += escaped
    return JSONPointer(escaped: result)
  }

  /// The pointer `relative` names inside this one: `/items/3` / `/years/0/plan` is
  /// `/items/3/years/0/plan`.
  public static func / (pointer: JSONPointer, relative: JSONPointer) -> JSONPointer {
    JSONPointer(escaped: pointer.text + relative.text)
  }

  /// The reference tokens, unescaped.
  public var tokens: [String] {
    guard !text.isEmpty else { return [] }
    return text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
      .dropFirst().map { Self.unescape(String(decoding: $0, as: UTF8.self)) }
  }

  /// The array index at token `position`, when that token is a number.
  public func index(at position: Int) -> Int? {
    let tokens = tokens
    guard tokens.indices.contains(position) else { return nil }
    return Int(tokens[position])
  }

  /// The pointer of the value that holds this one; `nil` for the whole document.
  public var parent: JSONPointer? {
    guard let slash = text.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
    return JSONPointer(escaped: String(text[..<slash]))
  }

  /// Whether this pointer is `other` or lies inside it.
  public func isWithin(_ other: JSONPointer) -> Bool {
    text == other.text || text.hasPrefix(other.text + "/")
  }

  /// The last reference token, unescaped; `nil` for the whole document.
  public var last: String? { tokens.last }

  public var description: String { text }

  public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool { lhs.text < rhs.text }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let pointer = JSONPointer(parsing: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' is not a JSON Pointer")
    }
    self = pointer
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(text)
  }

  /// A reference token escaped for a pointer: `~` becomes `~0`, `/` becomes `~1`.
  static func escape(_ token: String) -> String {
    guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") })
    else { return token }
    var escaped = ""
    for scalar in token.unicodeScalars {
      switch scalar {
      case "~": escaped += "~0"
      case "/": escaped += "~1"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }

  /// A reference token as it was before escaping.
  static func unescape(_ token: String) -> String {
    guard token.utf8.contains(UInt8(ascii: "~")) else { return token }
    var result = ""
    var escaping = false
    for scalar in token.unicodeScalars {
      if escaping {
        result.unicodeScalars.append(scalar == "1" ? "/" : scalar == "0" ? "~" : scalar)
        escaping = false
      } else if scalar == "~" {
        escaping = true
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
