import Testing

@testable import Validation

struct RuleConfigurationTests {
  @Test("the defaults: each rule's severity, carried warnings as warnings, other codes errors")
  func defaults() {
    let configuration = RuleConfiguration()
    for rule in ValidationRule.all {
      #expect(configuration.severity(of: rule.code, carried: false) == rule.severity)
    }
    #expect(configuration.severity(of: "lexicon.suspicious-word", carried: true) == .warning)
    #expect(configuration.severity(of: "schema.json", carried: false) == .error)
  }

  @Test("--strict makes warnings errors and leaves notes alone")
  func strict() throws {
    let configuration = try RuleConfiguration(
      rules: ["indicator.unit-missing": "info"], carriedWarnings: nil, strict: true)
    #expect(configuration.severity(of: "marker.skipped", carried: false) == .error)
    #expect(configuration.severity(of: "text.variant-character", carried: true) == .error)
    #expect(configuration.severity(of: "indicator.unit-missing", carried: false) == .info)
  }

  @Test("a rules file changes severities, turns codes off, and sets the carried default")
  func overrides() throws {
    let configuration = try RuleConfiguration(
      rules: [
        "indicator.unit-missing": "error", "lexicon.suspicious-word": "off",
        "date.invalid": "warning",
      ], carriedWarnings: "info")
    #expect(configuration.severity(of: "indicator.unit-missing", carried: false) == .error)
    #expect(configuration.severity(of: "lexicon.suspicious-word", carried: true) == nil)
    #expect(configuration.severity(of: "date.invalid", carried: false) == .warning)
    #expect(configuration.severity(of: "marker.ocr-repaired", carried: true) == .info)
    #expect(configuration.severity(of: "marker.skipped", carried: false) == .warning)
  }

  @Test(
    "a rules file that cannot be used is refused, naming the entry",
    arguments: [
      (["schema.json": "off"], nil, "schema.json"),
      (["Indicator Unit": "error"], nil, "is not a code"),
      (["indicator.unit-missing": "fatal"], nil, "'fatal' is not error, warning, info or off"),
      ([:], "loud", "conversion-warnings: 'loud'"),
    ] as [([String: String], String?, String)])
  func refused(rules: [String: String], carried: String?, message: String) {
    #expect {
      _ = try RuleConfiguration(rules: rules, carriedWarnings: carried)
    } throws: { error in
      "\(error)".contains(message)
    }
  }

  @Test("every rule has a code, a Japanese and an English summary, and codes are unique")
  func registry() {
    let codes = ValidationRule.all.map(\.code)
    #expect(Set(codes).count == codes.count)
    for rule in ValidationRule.all {
      #expect(!rule.summary.isEmpty && !rule.summaryJapanese.isEmpty)
      #expect(rule.summaryJapanese.unicodeScalars.contains { $0.value >= 0x3000 })
    }
  }
}
