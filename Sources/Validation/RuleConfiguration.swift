/// Which severity each code is reported with: the rules' defaults, changed by a rules file,
/// and `--strict`.
public struct RuleConfiguration: Hashable, Sendable {
  /// A rules file's entries that cannot be used, with the reason.
  public struct Problem: Error, CustomStringConvertible {
    public var description: String
  }

  /// Severity by code; `nil` turns the code off.
  public private(set) var overrides: [String: ValidationIssue.Severity?] = [:]
  /// The severity of carried conversion warnings that no override names; `nil` turns them off.
  public private(set) var carriedWarnings: ValidationIssue.Severity? =
    ValidationRule.carriedWarningSeverity
  /// Warnings become errors.
  public var strict: Bool

  /// The codes no rules file may change: the document must read and match the schema.
  public static let fixedCodes: Set<String> = [
    "schema.json", "schema.xsd", "json.syntax", "xml.doctype", "xml.not-well-formed",
    "document.family-body", "io.memory", "io.read", "conversion.failed",
  ]

  /// The defaults, optionally strict.
  public init(strict: Bool = false) {
    self.strict = strict
  }

  /// The defaults changed by a rules file's entries.
  ///
  /// - Parameters:
  ///   - rules: code → `error`, `warning`, `info` or `off`. A code is a rule's (see
  ///     `ValidationRule.all`) or a conversion warning's (`lexicon.suspicious-word`).
  ///   - carriedWarnings: the default for conversion warnings, when the file sets one.
  public init(rules: [String: String], carriedWarnings: String?, strict: Bool = false)
    throws(Problem)
  {
    self.strict = strict
    for (code, level) in rules.sorted(by: { $0.key < $1.key }) {
      guard !Self.fixedCodes.contains(code) else {
        throw Problem(
          description:
            "rules: '\(code)' reports a document that does not read or match the schema; "
            + "its severity cannot be changed")
      }
      guard Self.isCode(code) else {
        throw Problem(
          description:
            "rules: '\(code)' is not a code (lowercase words joined by dots, such as "
            + "indicator.unit-missing); the rules are: "
            + ValidationRule.all.map(\.code).joined(separator: ", "))
      }
      overrides[code] = try Self.severity(level, for: "rules: \(code)")
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
    if let override = overrides[code] {
      base = override
    } else if let rule = ValidationRule.named(code) {
      base = rule.severity
    } else if carried {
      base = carriedWarnings
    } else {
      base = .error
    }
    if strict && base == .warning { return .error }
    return base
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

  private static func isCode(_ text: String) -> Bool {
    let words = text.split(separator: ".", omittingEmptySubsequences: false)
    return words.count >= 2
      && words.allSatisfy { word in
        !word.isEmpty
          && word.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
          }
      }
  }
}
