/// A strict JSON parser (RFC 8259) over UTF-8 bytes that keeps positions and refuses what
/// lenient parsers let through: duplicate keys, trailing commas, comments, NaN, deep nesting.
struct JSONParser {
  /// Why the bytes are not JSON, and where.
  struct SyntaxError: Error {
    var line: Int
    var column: Int
    var message: String
  }

  static let maximumDepth = 256

  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  /// The column at `countedTo`: columns are counted as the parser moves on, never by
  /// rescanning the line (a minified document is one line).
  private var countedColumn = 1
  private var countedTo = 0

  private init(bytes: [UInt8]) {
    self.bytes = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    countedTo = index
  }

  static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
    var parser = JSONParser(bytes: bytes)
    parser.skipWhitespace()
    let value = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    if parser.index < parser.bytes.count {
      throw parser.error("unexpected text after the JSON value")
    }
    return value
  }

  /// The 1-based column of `index`, in characters (UTF-8 continuation bytes do not count).
  ///
  /// The parser only moves forward, so each byte is counted once over the whole parse.
  private var column: Int {
    mutating get {
      let end = min(index, bytes.count)
      while countedTo < end {
        if bytes[countedTo] & 0xC0 != 0x80 { countedColumn += 1 }
        countedTo += 1
      }
      return countedColumn
    }
  }

  private mutating func error(_ message: String) -> SyntaxError {
    SyntaxError(line: line, column: column, message: message)
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0D: index += 1
      case 0x0A:
        index += 1
        line += 1
        countedTo = index
        countedColumn = 1
      default: return
      }
    }
  }

  private mutating func parseValue(depth: Int) throws(SyntaxError) -> JSONValue {
    guard depth <= Self.maximumDepth else {
      throw error("nesting deeper than \(Self.maximumDepth) levels")
    }
    guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
    let startLine = line
    let startColumn = column
    let kind: JSONValue.Kind
    switch bytes[index] {
    case UInt8(ascii: "{"): kind = try parseObject(depth: depth)
    case UInt8(ascii: "["): kind = try parseArray(depth: depth)
    case UInt8(ascii: "\""): kind = .string(try parseString())
    case UInt8(ascii: "t"): kind = try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): kind = try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): kind = try parseLiteral("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): kind = try parseNumber()
    default: throw error("unexpected character, expected a value")
    }
    return JSONValue(kind: kind, line: startLine, column: startColumn)
  }

  private mutating func parseLiteral(
    _ word: String, _ kind: JSONValue.Kind
  ) throws(SyntaxError) -> JSONValue.Kind {
    let expected = Array(word.utf8)
    guard bytes.count - index >= expected.count,
      Array(bytes[index..<index + expected.count]) == expected
    else { throw error("unexpected word, expected \(word)") }
    index += expected.count
    return kind
  }

  private mutating func parseObject(depth: Int) throws(SyntaxError) -> JSONValue.Kind {
    index += 1
    var members: [(key: String, value: JSONValue)] = []
    var seen = Set<String>()
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error("expected a quoted key")
      }
      let keyError = error("")
      let key = try parseString()
      guard seen.insert(key).inserted else {
        throw SyntaxError(
          line: keyError.line, column: keyError.column, message: "duplicate key '\(key)'")
      }
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("expected ':' after key '\(key)'")
      }
      index += 1
      skipWhitespace()
      members.append((key, try parseValue(depth: depth + 1)))
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end of input in an object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      throw error("expected ',' or '}' in an object")
    }
  }

  private mutating func parseArray(depth: Int) throws(SyntaxError) -> JSONValue.Kind {
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end of input in an array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(elements)
      }
      throw error("expected ',' or ']' in an array")
    }
  }

  private mutating func parseString() throws(SyntaxError) -> String {
    index += 1
    // Most strings have no escape: one validation of their bytes makes the string.
    var end = index
    while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"),
      bytes[end] >= 0x20
    {
      end += 1
    }
    if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
      guard let text = String(validating: bytes[index..<end], as: UTF8.self) else {
        throw error("invalid UTF-8 in a string")
      }
      index = end + 1
      return text
    }
    var scalars = String.UnicodeScalarView()
    var runStart = index
    func flush(_ end: Int) throws(SyntaxError) {
      guard runStart < end else { return }
      guard let text = String(validating: bytes[runStart..<end], as: UTF8.self) else {
        throw error("invalid UTF-8 in a string")
      }
      scalars.append(contentsOf: text.unicodeScalars)
    }
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        try flush(index)
        index += 1
        return String(scalars)
      case UInt8(ascii: "\\"):
        try flush(index)
        index += 1
        scalars.append(try parseEscape())
        runStart = index
      case 0x00..<0x20:
        throw error(
          "control character U+00\(byte < 16 ? "0" : "")\(String(byte, radix: 16)) in a string")
      default:
        index += 1
      }
    }
    throw error("unterminated string")
  }

  private mutating func parseEscape() throws(SyntaxError) -> Unicode.Scalar {
    guard index < bytes.count else { throw error("unterminated escape") }
    let byte = bytes[index]
    index += 1
    switch byte {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      let high = try parseHex4()
      if (0xD800..<0xDC00).contains(high) {
        guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        else { throw error("lone surrogate \\u\(String(high, radix: 16))") }
        index += 2
        let low = try parseHex4()
        guard (0xDC00..<0xE000).contains(low),
          let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        else { throw error("invalid surrogate pair") }
        return scalar
      }
      guard let scalar = Unicode.Scalar(high) else {
        throw error("lone surrogate \\u\(String(high, radix: 16))")
      }
      return scalar
    default:
      throw error("invalid escape '\\\(Character(Unicode.Scalar(byte)))'")
    }
  }

  private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
    guard bytes.count - index >= 4 else { throw error("short \\u escape") }
    var value: UInt32 = 0
    for byte in bytes[index..<index + 4] {
      guard let digit = hexValue(byte) else { throw error("invalid hex digit in \\u escape") }
      value = value * 16 + digit
    }
    index += 4
    return value
  }

  private func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }

  private mutating func parseNumber() throws(SyntaxError) -> JSONValue.Kind {
    let start = index
    func digits() -> Int {
      let from = index
      while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
        index += 1
      }
      return index - from
    }
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    let integerStart = index
    guard digits() > 0 else { throw error("a number needs digits") }
    if index - integerStart > 1, bytes[integerStart] == UInt8(ascii: "0") {
      throw error("a number may not start with 0")
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { throw error("a number needs digits after '.'") }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      guard digits() > 0 else { throw error("a number needs digits in its exponent") }
    }
    let literal = String(decoding: bytes[start..<index], as: UTF8.self)
    guard let value = Double(literal), value.isFinite else {
      throw error("number \(literal) is out of range")
    }
    return .number(value, literal: literal)
  }
}
