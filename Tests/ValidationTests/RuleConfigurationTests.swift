import GyoseiModel
import Testing

@testable import Validation

struct RuleConfigurationTests {
  @Test("the defaults: each rule's severity, carried warnings as warnings, other codes errors")
  func defaults() {
    let configuration = RuleConfiguration()
    for rule in DiagnosticCode.rules {
      #expect(configuration.severity(of: rule) == rule.severity)
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
      (["Indicator Unit": "error"], nil, "is not a code gyosei reports"),
      (
        ["indicator.unit-mising": "error"], nil,
        "'indicator.unit-mising' is not a code gyosei reports; did you mean 'indicator.unit-missing'?"
      ),
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

  @Test("every code has a Japanese and an English summary, and the rules are the eighteen")
  func registry() {
    #expect(DiagnosticCode.rules.count == 18)
    for code in DiagnosticCode.allCases {
      #expect(!code.summary.isEmpty && !code.summaryJapanese.isEmpty)
      #expect(code.summaryJapanese.unicodeScalars.contains { $0.value >= 0x3000 }, "\(code)")
    }
  }
}
