import Foundation
import GyoseiModel
import TestSupport
import Testing

/// The one registry of codes, and the README's tables of it.
struct DiagnosticCodeTests {
  @Test("codes are unique, dotted lowercase words, each with both summaries")
  func registry() {
    let raw = DiagnosticCode.allCases.map(\.rawValue)
    #expect(Set(raw).count == raw.count)
    for code in DiagnosticCode.allCases {
      let words = code.rawValue.split(separator: ".", omittingEmptySubsequences: false)
      #expect(words.count == 2 && words.allSatisfy { !$0.isEmpty }, "\(code)")
      #expect(code.rawValue == code.rawValue.lowercased())
      #expect(!code.summary.isEmpty && !code.summaryJapanese.isEmpty)
    }
    #expect(DiagnosticCode.rules.count == 18)
    #expect(DiagnosticCode.fixed.allSatisfy { $0.severity == .error })
  }

  /// The table between `<!-- codes:NAME … -->` and `<!-- /codes:NAME -->` in the README.
  static func readmeTable(_ name: String) throws -> [String] {
    let text = String(decoding: try CorpusExamples.file("README.md"), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let start = try #require(lines.firstIndex { $0.hasPrefix("<!-- codes:\(name) ") })
    let end = try #require(lines.firstIndex(of: "<!-- /codes:\(name) -->"))
    return Array(lines[(start + 3)..<end])
  }

  static func cell(_ text: String) -> String {
    text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
  }

  @Test("the README's table of rules is the registry's")
  func readmeRules() throws {
    let expected = DiagnosticCode.rules.map {
      "| `\($0.rawValue)` | \($0.severity.rawValue) | \(Self.cell($0.summary)) |"
    }
    let found = try Self.readmeTable("rules")
    #expect(found == expected, "the README should have:\n\(expected.joined(separator: "\n"))")
  }

  @Test("the README's table of conversion warnings is the registry's")
  func readmeConversionWarnings() throws {
    let expected = DiagnosticCode.allCases.filter { $0.kind == .conversion }.map {
      "| `\($0.rawValue)` | \(Self.cell($0.summary)) |"
    }
    let found = try Self.readmeTable("conversion")
    #expect(found == expected, "the README should have:\n\(expected.joined(separator: "\n"))")
  }
}
