import Foundation
import Testing

@testable import GyoseiModel

struct MunicipalityCodeTests {
  @Test(
    "valid codes are accepted and keep their leading zero",
    arguments: [
      ("202037", "上田市"),
      ("012131", "苫小牧市: leading zero"),
      ("010006", "北海道 (prefecture code)"),
      ("131016", "千代田区"),
      ("472018", "那覇市: the last prefecture"),
    ])
  func valid(code: String, why: String) throws {
    let parsed = try #require(MunicipalityCode(code), "\(why)")
    #expect(parsed.digits == code)
    #expect(parsed.description == code)
  }

  @Test(
    "invalid codes are refused with a reason",
    arguments: [
      ("202038", "check digit 8, expected 7"),
      ("012130", "check digit 0, expected 1"),
      ("20203", "six ASCII digits"),
      ("2020377", "six ASCII digits"),
      ("２０２０３７", "six ASCII digits"),
      ("20203a", "six ASCII digits"),
      ("", "six ASCII digits"),
      ("002037", "expected 01 to 47"),
      ("482037", "expected 01 to 47"),
    ])
  func invalid(code: String, reason: String) {
    #expect(MunicipalityCode(code) == nil)
    let problem = MunicipalityCode.validationProblem(code) ?? ""
    #expect(problem.contains(reason), "\(problem)")
  }

  @Test("the check digit follows the published weights 6 5 4 3 2")
  func checkDigit() {
    #expect(MunicipalityCode.checkDigit([2, 0, 2, 0, 3]) == 7)
    #expect(MunicipalityCode.checkDigit([0, 1, 2, 1, 3]) == 1)  // sum 22: 11 - 0 = 11 -> 1
    #expect(MunicipalityCode.checkDigit([0, 1, 0, 0, 0]) == 6)
  }

  @Test("decoding a wrong check digit fails; encoding keeps the text")
  func codable() throws {
    let good = try JSONDecoder().decode([MunicipalityCode].self, from: Data(#"["012131"]"#.utf8))
    #expect(good.first?.digits == "012131")
    let encoded = try JSONEncoder().encode(good)
    #expect(String(decoding: encoded, as: UTF8.self) == #"["012131"]"#)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([MunicipalityCode].self, from: Data(#"["202038"]"#.utf8))
    }
  }

  @Test("the schema pattern accepts exactly the codes the Swift check accepts")
  func patternAgreesWithCheck() throws {
    let pattern = try NSRegularExpression(
      pattern: "^(?:" + MunicipalityCode.checkDigitPattern + ")$")
    var checked = 0
    for prefix in stride(from: 0, to: 100_000, by: 97) {
      for last in 0...9 {
        let code = String(format: "%05d%d", prefix, last)
        let matches =
          pattern.firstMatch(in: code, range: NSRange(location: 0, length: code.utf16.count)) != nil
        #expect(matches == (MunicipalityCode(code) != nil), "\(code)")
        checked += 1
      }
    }
    #expect(checked > 10_000)
  }

  @Test("both published schemas carry the check-digit pattern the Swift code computes")
  func schemasCarryThePattern() {
    let pattern = MunicipalityCode.checkDigitPattern
    let xsd = String(decoding: PublishedSchema.xsd, as: UTF8.self)
    let json = String(decoding: PublishedSchema.jsonSchema, as: UTF8.self)
    #expect(xsd.contains("<xs:pattern value=\"\(pattern)\"/>"))
    #expect(json.contains("\"pattern\": \"^(?:\(pattern))$\""))
  }
}
