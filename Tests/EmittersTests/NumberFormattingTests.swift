import GyoseiModel
import Testing

@testable import Emitters

struct NumberFormattingTests {
  @Test(
    "numbers are written one way only",
    arguments: [
      (13788.0, "13788"), (17.4, "17.4"), (25.53, "25.53"), (0.0, "0"), (-0.0, "0"),
      (115_000_000.0, "115000000"), (0.1 + 0.2, "0.30000000000000004"), (1e16, "1e+16"),
      (-3.5, "-3.5"),
    ])
  func canonical(value: Double, text: String) throws {
    #expect(try NumberFormatting.canonical(value, pointer: "") == text)
  }

  @Test("infinity and NaN are refused", arguments: [Double.infinity, -Double.infinity, Double.nan])
  func nonFinite(value: Double) {
    #expect(throws: EmitterError.self) { try NumberFormatting.canonical(value, pointer: "/x") }
  }

  @Test(
    "integers are written digit by digit, at both ends of their range",
    arguments: [Int64.min, -1, 0, 7, 13788, 2_147_483_647, Int64.max])
  func integers(value: Int64) throws {
    let json = String(decoding: try JSONEmitter.emit(value: ["n": value]), as: UTF8.self)
    #expect(json == "{\n  \"n\": \(value)\n}\n")
  }

  struct Nested: Encodable {
    struct Member: Encodable { var b: Double }
    var a: [Member]
  }

  @Test("a number that cannot be written is named by its pointer")
  func nonFinitePointer() {
    let value = Nested(a: [Nested.Member(b: 1), Nested.Member(b: .infinity)])
    #expect {
      try JSONEmitter.emit(value: value)
    } throws: { error in
      (error as? EmitterError)?.pointer == "/a/1/b"
    }
  }

  struct Silent: Encodable {
    func encode(to encoder: any Encoder) throws {}
  }

  struct Holder: Encodable {
    var list: [[String: Silent]]
  }

  @Test("a value that encodes nothing is named by its pointer")
  func silentPointer() {
    #expect {
      try JSONEmitter.emit(value: Holder(list: [[:], ["x": Silent()]]))
    } throws: { error in
      (error as? EmitterError)?.pointer == "/list/1/x"
    }
  }

  @Test("an observation of text writes value null in JSON and no value in XML")
  func nullObservation() throws {
    let indicator = Indicator(
      name: "指標", unit: "%",
      observations: [
        Observation(fiscalYear: 2020, value: nil, raw: "維持"),
        Observation(fiscalYear: 2021, value: 34.9, raw: "34.9"),
      ])
    let json = String(decoding: try JSONEmitter.emit(value: indicator), as: UTF8.self)
    #expect(json.contains("\"value\": null"))
    #expect(json.contains("\"value\": 34.9"))
  }
}
