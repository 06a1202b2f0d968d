import GyoseiModel

/// Which severity each code is reported with: the registry's defaults (`DiagnosticCode`),
/// changed by a rules file, and `--strict`.
public struct RuleConfiguration: Hashable, Sendable {
  /// A rules file's entries that cannot be used, with the reason.
  public struct Problem: Error, CustomStringConvertible {
    public var description: String
  }

  /// Severity by code; `nil` turns the code off.
  public private(set) var overrides: [DiagnosticCode: ValidationIssue.Severity?] = [:]
  /// The severity of carried conversion warnings that no override names; `nil` turns them off.
  public private(set) var carriedWarnings: ValidationIssue.Severity? = .warning
  /// Warnings become errors.
  public var strict: Bool

  /// The defaults, optionally strict.
  public init(strict: Bool = false) {
    self.strict = strict
  }

  /// The defaults changed by a rules file's entries.
  ///
  /// - Parameters:
  ///   - rules: code → `error`, `warning`, `info` or `off`. A code is a rule's or a conversion
  ///     warning's (`lexicon.suspicious-word`): any registered code but the document's own.
  ///   - carriedWarnings: the default for conversion warnings, when the file sets one.
  public init(rules: [String: String], carriedWarnings: String?, strict: Bool = false)
    throws(Problem)
  {
    self.strict = strict
    for (text, level) in rules.sorted(by: { $0.key < $1.key }) {
      guard let code = DiagnosticCode(rawValue: text) else {
        throw Problem(
          description: "rules: '\(text)' is not a code gyosei reports" + Self.hint(text))
      }
      guard code.kind != .document else {
        throw Problem(
          description:
            "rules: '\(text)' reports a document that does not read or match the schema; "
            + "its severity cannot be changed")
      }
      overrides[code] = try Self.severity(level, for: "rules: \(text)")
    }
    if let carriedWarnings {
      self.carriedWarnings = try Self.severity(carriedWarnings, for: "conversion-warnings")
    }
  }

  /// The severity `code` is reported with, or `nil` when it is turned off.
  ///
  /// - Parameter carried: the code comes from a conversion warning the document carries.
  public func severity(of code: String, carried: Bool) -> ValidationIssue.Severity? {
    let base: ValidationIssue.Severity?
    let known = DiagnosticCode(rawValue: code)
    if let known, let override = overrides[known] {
      base = override
    } else if let known, known.kind != .conversion {
      base = known.severity
    } else if carried {
      base = carriedWarnings
    } else {
      base = known?.severity ?? .error
    }
    if strict && base == .warning { return .error }
    return base
  }

  /// The severity a registered code is reported with.
  public func severity(of code: DiagnosticCode, carried: Bool = false) -> ValidationIssue.Severity?
  {
    severity(of: code.rawValue, carried: carried)
  }

  private static func severity(_ level: String, for place: String) throws(Problem)
    -> ValidationIssue.Severity?
  {
    if level == "off" { return nil }
    guard let severity = ValidationIssue.Severity(rawValue: level) else {
      throw Problem(description: "\(place): '\(level)' is not error, warning, info or off")
    }
    return severity
  }

  /// The registered codes nearest to a misspelt one, as the rest of a message.
  private static func hint(_ text: String) -> String {
    let scored = DiagnosticCode.allCases.filter { $0.kind != .document }
      .map { ($0, EditDistance.between(text, $0.rawValue)) }
      .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    if let best = scored.first, best.1 <= 3 {
      return "; did you mean '\(best.0.rawValue)'? (`gyosei validate --list-codes` lists them)"
    }
    return "; `gyosei validate --list-codes` lists the codes"
  }
}

/// The Levenshtein distance between two short texts, by Unicode scalars.
enum EditDistance {
  static func between(_ left: String, _ right: String) -> Int {
    let a = Array(left.unicodeScalars)
    let b = Array(right.unicodeScalars)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
