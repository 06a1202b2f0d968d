import Foundation
import GyoseiModel
import Testing

@testable import Validation

/// The automaton must agree with a full regular-expression engine on every pattern it accepts.
struct SchemaPatternTests {
  static let schemaPatterns = [
    "^[A-Za-z0-9][A-Za-z0-9._-]*$",
    "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
    "^[0-9a-f]{64}$",
    "^[a-z][a-z0-9-]*$",
    "^[A-Za-z][A-Za-z0-9-]*$",
    "^[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+$",
    "^(/([^~/]|~[01])*)*$",
    "[0-9]+",
    "a|b",
    "^(?:ab|a)c?$",
    "^x{2,3}$",
    "^x{2,}$",
    "^\\d\\w\\.$",
    "^.+$",
    "^[^~/]{2}/",
    "x+y",
  ]

  static let texts = [
    "", "a", "A", "0", "2025", "2025-04", "2025-13", "2025-04-31", "2025-04-32", "2025-4",
    "/projects/0/costs/3/funding/1", "/measures/~1a", "/x~2", "/", "//", "projects",
    "/事業/０", "上田市", "ofunato-project-evaluation", "item.reform.ueda", "a.b", "a.",
    "-a", "Aa-9", "x", "xx", "xxx", "xxxx", "abc", "ac", "1a_.", "b", "ab", "c",
    String(repeating: "0", count: 64), String(repeating: "f", count: 63) + "g",
    String(repeating: "/ab", count: 300),
  ]

  @Test(
    "the automaton finds what NSRegularExpression finds", arguments: schemaPatterns)
  func agreesWithRegularExpressions(pattern: String) throws {
    let table = try #require(SchemaPattern(pattern))
    let simulation = try #require(SchemaPattern(pattern, deterministic: false))
    let expression = try NSRegularExpression(pattern: pattern)
    for text in Self.texts {
      let range = NSRange(text.startIndex..<text.endIndex, in: text)
      let expected = expression.firstMatch(in: text, range: range) != nil
      #expect(table.matches(text) == expected, "\(pattern) on \(text.debugDescription)")
      #expect(simulation.matches(text) == expected, "\(pattern) on \(text.debugDescription)")
    }
  }

  @Test("`$` is the end of the text (ECMA-262), not a final line break (ICU, Python)")
  func endAnchor() throws {
    let automaton = try #require(SchemaPattern("^[a-z][a-z0-9-]*$"))
    #expect(automaton.matches("ueda"))
    #expect(!automaton.matches("ueda\n"))
  }

  @Test("the municipality-code alternation agrees on real and wrong codes")
  func municipalityCodes() throws {
    let pattern = "^(?:" + MunicipalityCode.checkDigitPattern + ")$"
    let automaton = try #require(SchemaPattern(pattern))
    let expression = try NSRegularExpression(pattern: pattern)
    for code in ["032034", "012131", "202037", "032035", "012130", "482037", "03203", "0320340"] {
      let range = NSRange(code.startIndex..<code.endIndex, in: code)
      #expect(automaton.matches(code) == (expression.firstMatch(in: code, range: range) != nil))
    }
    #expect(automaton.matches("032034"))
    #expect(!automaton.matches("032035"))
  }

  @Test(
    "syntax outside the subset is left to the full engine",
    arguments: ["^a|b$", "^(?=a)", "\\bword", "[あ-ん]", "^a$b", "\\p{L}", "(a", "a{2,1}", "\\1"])
  func outsideTheSubset(pattern: String) {
    #expect(SchemaPattern(pattern) == nil)
  }
}
