import Testing

@testable import Quantities

/// One expected reading of a whole cell.
struct QuantityCase: CustomTestStringConvertible, Sendable {
  var text: String
  var value: Double?
  var unit: String?
  var qualifiers: [String] = []
  var unitColumn: String? = nil

  var testDescription: String { text }
}

struct QuantitiesParseTests {
  /// Quantities as the real sheets write them (Corpus/sheets).
  static let corpusForms: [QuantityCase] = [
    QuantityCase(text: "1,200千円", value: 1_200_000, unit: "JPY"),
    QuantityCase(text: "9,650千円", value: 9_650_000, unit: "JPY"),
    QuantityCase(text: "8,000千円", value: 8_000_000, unit: "JPY"),
    QuantityCase(text: "約86,500千円", value: 86_500_000, unit: "JPY", qualifiers: ["about"]),
    QuantityCase(text: "2,000万円", value: 20_000_000, unit: "JPY"),
    QuantityCase(text: "2千万円", value: 20_000_000, unit: "JPY"),
    QuantityCase(text: "3千万円以上", value: 30_000_000, unit: "JPY", qualifiers: ["at-least"]),
    QuantityCase(text: "5億円", value: 500_000_000, unit: "JPY"),
    QuantityCase(text: "1万円", value: 10_000, unit: "JPY"),
    QuantityCase(text: "28.30%", value: 28.3, unit: "percent"),
    QuantityCase(text: "98.76%", value: 98.76, unit: "percent"),
    QuantityCase(text: "99%以上", value: 99, unit: "percent", qualifiers: ["at-least"]),
    QuantityCase(text: "45%以上", value: 45, unit: "percent", qualifiers: ["at-least"]),
    QuantityCase(text: "約30%", value: 30, unit: "percent", qualifiers: ["about"]),
    QuantityCase(
      text: "前年度比5%", value: 5, unit: "percent", qualifiers: ["compared-to-previous-year"]),
    QuantityCase(text: "23.8％", value: 23.8, unit: "percent"),
    QuantityCase(text: "3割", value: 30, unit: "percent"),
    // 相馬市 業務目標 2024, No. 3.
    QuantityCase(text: "約19パーセント", value: 19, unit: "percent", qualifiers: ["about"]),
    // 長崎市 基本施策評価 E1, a baseline as the PDF text spaces it.
    QuantityCase(text: "253 箇所", value: 253, unit: "place"),
    QuantityCase(text: "延べ3,000人", value: 3000, unit: "person", qualifiers: ["cumulative"]),
    QuantityCase(text: "延べ302人", value: 302, unit: "person", qualifiers: ["cumulative"]),
    QuantityCase(text: "延べ6名", value: 6, unit: "person", qualifiers: ["cumulative"]),
    QuantityCase(text: "約34万人", value: 340_000, unit: "person", qualifiers: ["about"]),
    QuantityCase(text: "10万人", value: 100_000, unit: "person"),
    QuantityCase(text: "400人", value: 400, unit: "person"),
    QuantityCase(text: "10名以上", value: 10, unit: "person", qualifiers: ["at-least"]),
    QuantityCase(text: "265名", value: 265, unit: "person"),
    QuantityCase(text: "411児童", value: 411, unit: "person"),
    QuantityCase(text: "1,367件", value: 1367, unit: "case"),
    QuantityCase(text: "延べ2,401件", value: 2401, unit: "case", qualifiers: ["cumulative"]),
    QuantityCase(text: "40件以上", value: 40, unit: "case", qualifiers: ["at-least"]),
    QuantityCase(text: "年3回", value: 3, unit: "times", qualifiers: ["per-year"]),
    QuantityCase(text: "年3回以上", value: 3, unit: "times", qualifiers: ["per-year", "at-least"]),
    QuantityCase(text: "年2回程度", value: 2, unit: "times", qualifiers: ["per-year", "about"]),
    QuantityCase(text: "月1回", value: 1, unit: "times", qualifiers: ["per-month"]),
    QuantityCase(text: "毎月2回", value: 2, unit: "times", qualifiers: ["per-month"]),
    QuantityCase(text: "1回/月", value: 1, unit: "times", qualifiers: ["per-month"]),
    QuantityCase(text: "年70回", value: 70, unit: "times", qualifiers: ["per-year"]),
    QuantityCase(text: "2回以上", value: 2, unit: "times", qualifiers: ["at-least"]),
    QuantityCase(text: "31か所", value: 31, unit: "place"),
    QuantityCase(text: "10カ所", value: 10, unit: "place"),
    QuantityCase(text: "2か所以上", value: 2, unit: "place", qualifiers: ["at-least"]),
    QuantityCase(text: "1園", value: 1, unit: "kindergarten"),
    QuantityCase(text: "225世帯", value: 225, unit: "household"),
    QuantityCase(text: "10事務", value: 10, unit: "task"),
    QuantityCase(text: "5施設", value: 5, unit: "facility"),
    QuantityCase(text: "7館", value: 7, unit: "building"),
    QuantityCase(text: "3項目", value: 3, unit: "item"),
    QuantityCase(text: "1台", value: 1, unit: "machine"),
    QuantityCase(text: "20, 083", value: 20_083, unit: nil),
    // Indicator cells of 002 with their 単位 column.
    QuantityCase(text: "13,788", value: 13_788, unit: "person", unitColumn: "人"),
    QuantityCase(text: "17.4", value: 17.4, unit: "percent", unitColumn: "%"),
    QuantityCase(text: "25.53", value: 25.53, unit: "person", unitColumn: "人"),
    QuantityCase(text: "維持", value: nil, unit: "percent", unitColumn: "%"),
    QuantityCase(text: "-", value: nil, unit: "case", unitColumn: "件"),
    QuantityCase(text: "検討中のため設定できません。", value: nil, unit: nil),
  ]

  /// Forms the issue names beyond the corpus.
  static let otherForms: [QuantityCase] = [
    QuantityCase(text: "１，２００千円", value: 1_200_000, unit: "JPY"),
    QuantityCase(text: "1億1,500万円", value: 115_000_000, unit: "JPY"),
    QuantityCase(text: "三万五千人", value: 35_000, unit: "person"),
    QuantityCase(text: "十二回", value: 12, unit: "times"),
    QuantityCase(text: "120円", value: 120, unit: "JPY"),
    QuantityCase(text: "5人未満", value: 5, unit: "person", qualifiers: ["less-than"]),
    QuantityCase(text: "100人超", value: 100, unit: "person", qualifiers: ["more-than"]),
    QuantityCase(text: "30人以下", value: 30, unit: "person", qualifiers: ["at-most"]),
    QuantityCase(text: "年複数回", value: nil, unit: "times", qualifiers: ["per-year", "several"]),
    QuantityCase(text: "2時間", value: 2, unit: "hour"),
    QuantityCase(text: "500枚", value: 500, unit: "sheet"),
    QuantityCase(text: "3日", value: 3, unit: "day"),
    QuantityCase(text: "1,000部", value: 1000, unit: "copy"),
    QuantityCase(text: "12団体", value: 12, unit: "organization"),
    QuantityCase(text: "", value: nil, unit: nil),
    // 002's indicator columns: 回数 and 事業所 as units (lines 1031 and 647).
    QuantityCase(text: "135", value: 135, unit: "establishment", unitColumn: "事業所"),
    QuantityCase(text: "維持", value: nil, unit: "times", unitColumn: "回数"),
    QuantityCase(text: "8事業所以上", value: 8, unit: "establishment", qualifiers: ["at-least"]),
  ]

  @Test("quantities from the real sheets", arguments: corpusForms)
  func corpus(form: QuantityCase) {
    check(form)
  }

  @Test("other quantities", arguments: otherForms)
  func other(form: QuantityCase) {
    check(form)
  }

  func check(_ form: QuantityCase) {
    let finding = Quantities.parse(form.text, unit: form.unitColumn)
    #expect(finding.value == form.value)
    #expect(finding.unit == form.unit)
    #expect(finding.qualifiers == form.qualifiers)
    #expect(finding.raw == form.text)
  }

  @Test("there are at least 40 forms from the corpus")
  func enoughCorpusForms() {
    #expect(Self.corpusForms.count >= 40)
  }

  @Test("the OCR-split separator is read as one number, with a warning")
  func splitSeparator() {
    let finding = Quantities.parse("20, 083")
    #expect(finding.warnings.map(\.code) == [.splitSeparator])
    #expect(finding.warnings.first?.original == "20, 083")
  }

  @Test("an unknown unit column is kept as written and warned about")
  func unknownUnit() {
    let finding = Quantities.parse("12", unit: "ポイント")
    #expect(finding.value == 12)
    #expect(finding.unit == nil)
    #expect(finding.unitText == "ポイント")
    #expect(finding.warnings.map(\.code) == [.unknownUnit])
  }

  @Test("a number no double holds (309 digits) keeps its text, has no value, and is warned about")
  func outOfRange() {
    let digits = String(repeating: "9", count: 309)
    let finding = Quantities.parse(digits + "円")
    #expect(finding.value == nil)
    #expect(finding.unit == "JPY")
    #expect(finding.warnings.map(\.code) == [.outOfRange])
    let found = Quantities.extract("予算 \(digits)円です、別に1,200千円")
    #expect(found.map(\.value) == [nil, 1_200_000])
    #expect(found.first?.warnings.map(\.code) == [.outOfRange])
  }
}
