import JapaneseWidth

/// A regular expression of a mapping file, matched against one cell's text (width folded,
/// trimmed) at a time, never character by character across a file.
///
/// Patterns are Swift regular expressions with named captures (`(?<year>…)`); a mapping says
/// what each capture feeds. Each is compiled once, when the mapping loads, and prefiltered by a
/// literal it cannot match without (its anchored prefix, or a literal run every match holds),
/// tested on UTF-8 bytes before the regex engine runs: most cells of a sheet fail there.
public struct LinePattern: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The pattern as written in the mapping.
  public let source: String
  private let regex: CompiledRegex
  /// Bytes a matching text must start with (after `^`).
  private let prefix: [UInt8]
  /// Bytes a matching text must contain.
  private let required: [UInt8]

  /// Why a pattern does not compile.
  public struct Problem: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// Compiles `source`.
  public init(_ source: String) throws(Problem) {
    do {
      regex = CompiledRegex(try Regex(source))
    } catch {
      throw Problem(description: "the pattern \(source) does not compile: \(error)")
    }
    self.source = source
    (prefix, required) = Self.literals(of: source)
  }

  /// The named captures of a match, as text (an unmatched optional group is absent).
  public struct Match: Sendable {
    public let captures: [String: String]
    /// The whole text the pattern matched.
    public let matched: String
    /// The text after the match (for patterns that match a cell's start).
    public let rest: String

    public subscript(name: String) -> String? { captures[name] }
  }

  /// The match of the whole of `text`, or nil.
  public func wholeMatch(_ text: String) -> Match? {
    guard passes(text) else { return nil }
    guard let match = try? regex.value.wholeMatch(in: text) else { return nil }
    return Self.match(match.output, matched: text[match.range], rest: "")
  }

  /// The first match in `text` (anchors keep their meaning), or nil.
  public func firstMatch(_ text: String) -> Match? {
    guard passes(text) else { return nil }
    guard let match = try? regex.value.firstMatch(in: text) else { return nil }
    return Self.match(
      match.output, matched: text[match.range], rest: String(text[match.range.upperBound...]))
  }

  /// Every match in `text`, one after the other.
  public func allMatches(_ text: String) -> [Match] {
    guard passes(text) else { return [] }
    return text.matches(of: regex.value).map { match in
      Self.match(match.output, matched: text[match.range], rest: "")
    }
  }

  /// Whether the pattern declares a capture of this name.
  public func declares(_ name: String) -> Bool {
    regex.value.contains(captureNamed: name)
  }

  private static func match(_ output: AnyRegexOutput, matched: Substring, rest: String) -> Match {
    var captures: [String: String] = [:]
    for element in output {
      if let name = element.name, let text = element.substring {
        captures[name] = JapaneseWidth.trimmed(String(text))
      }
    }
    return Match(captures: captures, matched: String(matched), rest: JapaneseWidth.trimmed(rest))
  }

  /// The prefilter: cheap byte tests every match passes.
  private func passes(_ text: String) -> Bool {
    if prefix.isEmpty && required.isEmpty { return true }
    var text = text
    return text.withUTF8 { bytes in
      if !prefix.isEmpty {
        guard bytes.count >= prefix.count else { return false }
        for index in prefix.indices where bytes[index] != prefix[index] { return false }
      }
      return required.isEmpty
        || required.withUnsafeBufferPointer { ByteSearch.contains(bytes, $0) }
    }
  }

  /// The literal prefix after a leading `^`, and the longest literal run every match must
  /// hold; both empty where the pattern's shape does not guarantee one (an alternation at the
  /// top level, for instance).
  static func literals(of source: String) -> (prefix: [UInt8], required: [UInt8]) {
    // Inline options (case-insensitive matching, say) change what a literal matches.
    if source.contains("(?i") || source.contains("(?x") { return ([], []) }
    let scalars = Array(source.unicodeScalars)
    var depth = 0
    var index = 0
    var runs: [[Unicode.Scalar]] = [[]]
    var prefix: [Unicode.Scalar] = []
    var inPrefix = scalars.first == "^"
    if inPrefix { index = 1 }
    var topLevelAlternation = false
    func endRun() { if !(runs.last ?? []).isEmpty { runs.append([]) } }
    while index < scalars.count {
      let scalar = scalars[index]
      var literal: Unicode.Scalar?
      switch scalar {
      case "\\":
        guard index + 1 < scalars.count else { break }
        let next = scalars[index + 1]
        index += 1
        if "()[]{}.*+?|^$\\/-".unicodeScalars.contains(next) || next.value >= 0x80 {
          literal = next
        }
      case "(": depth += 1
      case ")": depth -= 1
      case "|": if depth == 0 { topLevelAlternation = true }
      case "[":
        // A class is not a literal; skip to its end.
        index += 1
        while index < scalars.count && scalars[index] != "]" {
          if scalars[index] == "\\" { index += 1 }
          index += 1
        }
      case ".", "$", "^": break
      case "*", "?", "{":
        // The previous literal is optional or repeated: it cannot be required.
        if depth == 0, var last = runs.last, !last.isEmpty {
          last.removeLast()
          runs[runs.count - 1] = last
          if inPrefix, !prefix.isEmpty { prefix.removeLast() }
        }
        if scalar == "{" {
          while index < scalars.count && scalars[index] != "}" { index += 1 }
        }
        inPrefix = false
        endRun()
      case "+": break
      default: literal = scalar
      }
      if let literal, depth == 0 {
        runs[runs.count - 1].append(literal)
        if inPrefix { prefix.append(literal) }
      } else {
        inPrefix = false
        if depth == 0 || scalar == "(" { endRun() }
      }
      index += 1
    }
    if topLevelAlternation { return ([], []) }
    // A quantifier right after the prefix's last literal was handled above; a literal followed
    // by `(` stays required.
    let longest = runs.max { $0.count < $1.count } ?? []
    func bytes(_ run: [Unicode.Scalar]) -> [UInt8] {
      Array(String(String.UnicodeScalarView(run)).utf8)
    }
    return (bytes(prefix), longest.count >= 1 ? bytes(longest) : [])
  }

  public var description: String { source }

  public static func == (lhs: LinePattern, rhs: LinePattern) -> Bool { lhs.source == rhs.source }
  public func hash(into hasher: inout Hasher) { hasher.combine(source) }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    do {
      try self.init(text)
    } catch {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(source)
  }
}

/// A compiled regex, shared read-only (Swift's `Regex` is a value the standard library does not
/// yet mark `Sendable`; a compiled one is never mutated).
private struct CompiledRegex: @unchecked Sendable {
  let value: Regex<AnyRegexOutput>
  init(_ value: Regex<AnyRegexOutput>) { self.value = value }
}
