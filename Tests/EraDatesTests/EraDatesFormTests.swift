import Testing

@testable import EraDates

/// One expected reading: the whole text as one date form.
struct DateCase: CustomTestStringConvertible, Sendable {
  var text: String
  var fiscalYear: Int?
  var kind: DateKind
  var iso: String?
  var warnings: [DateWarning.Code] = []

  var testDescription: String { text }
}

struct EraDatesFormTests {
  /// Forms taken from the real sheets (Corpus/sheets), with the fiscal year of their sheet.
  static let corpusForms: [DateCase] = [
    DateCase(text: "令和7年度", kind: .fiscalYear, iso: "FY2025"),
    DateCase(text: "令和6年度", kind: .fiscalYear, iso: "FY2024"),
    DateCase(text: "令和元年度", kind: .fiscalYear, iso: "FY2019"),
    DateCase(text: "R2年度", kind: .fiscalYear, iso: "FY2020"),
    DateCase(text: "R1年度", kind: .fiscalYear, iso: "FY2019"),
    DateCase(text: "H30年度", kind: .fiscalYear, iso: "FY2018"),
    DateCase(text: "平成28年度", kind: .fiscalYear, iso: "FY2016"),
    DateCase(text: "令和5年度末", kind: .date, iso: "2024-03-31"),
    DateCase(text: "令和4年度末まで", kind: .date, iso: "2023-03-31"),
    DateCase(text: "令和元年度末", kind: .date, iso: "2020-03-31"),
    DateCase(text: "令和4年度当初", kind: .month, iso: "2022-04"),
    DateCase(text: "令和9年度まで", kind: .fiscalYear, iso: "FY2027"),
    DateCase(text: "令和2年度10月", kind: .month, iso: "2020-10"),
    DateCase(text: "令和3～5年度まで", kind: .fiscalYearRange, iso: "FY2021..FY2023"),
    DateCase(text: "R7～11年度", kind: .fiscalYearRange, iso: "FY2025..FY2029"),
    DateCase(
      text: "平成30～34年度", kind: .fiscalYearRange, iso: "FY2018..FY2022", warnings: [.pastEnd]),
    DateCase(
      text: "平成30～35年度", kind: .fiscalYearRange, iso: "FY2018..FY2023", warnings: [.pastEnd]),
    DateCase(text: "2018～2022年度", kind: .fiscalYearRange, iso: "FY2018..FY2022"),
    DateCase(text: "昭和46～49年", kind: .yearRange, iso: "1971..1974"),
    DateCase(text: "令和3年", kind: .year, iso: "2021"),
    DateCase(text: "平成18年", kind: .year, iso: "2006"),
    DateCase(text: "令和22年", kind: .year, iso: "2040"),
    DateCase(text: "令和2年11月", kind: .month, iso: "2020-11"),
    DateCase(text: "令和元年10月", kind: .month, iso: "2019-10"),
    DateCase(text: "平成29年4月", kind: .month, iso: "2017-04"),
    DateCase(text: "令和5年5月1日", kind: .date, iso: "2023-05-01"),
    DateCase(text: "令和5年3月31日", kind: .date, iso: "2023-03-31"),
    DateCase(text: "平成27年10月5日", kind: .date, iso: "2015-10-05"),
    DateCase(text: "令和4年1月1日", kind: .date, iso: "2022-01-01"),
    DateCase(text: "令和5年2月28日", kind: .date, iso: "2023-02-28"),
    DateCase(text: "8月7日", fiscalYear: 2025, kind: .date, iso: "2025-08-07"),
    DateCase(text: "3月31日", fiscalYear: 2025, kind: .date, iso: "2026-03-31"),
    DateCase(text: "8/17", fiscalYear: 2025, kind: .date, iso: "2025-08-17"),
    DateCase(text: "7/25", fiscalYear: 2024, kind: .date, iso: "2024-07-25"),
    DateCase(text: "8/5", fiscalYear: 2024, kind: .date, iso: "2024-08-05"),
    DateCase(text: "8月末", fiscalYear: 2025, kind: .date, iso: "2025-08-31"),
    DateCase(text: "9月末現在", fiscalYear: 2025, kind: .date, iso: "2025-09-30"),
    DateCase(text: "8月末時点", fiscalYear: 2025, kind: .date, iso: "2025-08-31"),
    DateCase(text: "9月末まで", fiscalYear: 2024, kind: .date, iso: "2024-09-30"),
    DateCase(text: "12月末", fiscalYear: 2025, kind: .date, iso: "2025-12-31"),
    DateCase(text: "8月", fiscalYear: 2025, kind: .month, iso: "2025-08"),
    DateCase(text: "2月", fiscalYear: 2025, kind: .month, iso: "2026-02"),
    DateCase(text: "4～9月", fiscalYear: 2025, kind: .monthRange, iso: "2025-04..2025-09"),
    DateCase(text: "10～3月", fiscalYear: 2025, kind: .monthRange, iso: "2025-10..2026-03"),
    DateCase(text: "8～3月", fiscalYear: 2024, kind: .monthRange, iso: "2024-08..2025-03"),
    DateCase(text: "4～7月", fiscalYear: 2024, kind: .monthRange, iso: "2024-04..2024-07"),
    DateCase(text: "通年", fiscalYear: 2025, kind: .named, iso: "FY2025"),
    DateCase(text: "年度内", fiscalYear: 2025, kind: .named, iso: "FY2025"),
    DateCase(text: "年度中", fiscalYear: 2024, kind: .named, iso: "FY2024"),
    DateCase(text: "年度末", fiscalYear: 2025, kind: .named, iso: "2026-03-31"),
    DateCase(text: "年度末まで", fiscalYear: 2024, kind: .named, iso: "2025-03-31"),
    DateCase(text: "年度当初", fiscalYear: 2024, kind: .named, iso: "2024-04"),
    DateCase(text: "随時", fiscalYear: 2022, kind: .named, iso: "FY2022"),
    DateCase(text: "下半期", fiscalYear: 2024, kind: .named, iso: "2024-10..2025-03"),
    DateCase(text: "上半期", fiscalYear: 2024, kind: .named, iso: "2024-04..2024-09"),
    DateCase(text: "毎月", fiscalYear: 2024, kind: .named, iso: "FY2024"),
    DateCase(text: "年内", fiscalYear: 2024, kind: .named, iso: "2024-12-31"),
    DateCase(text: "今年度", fiscalYear: 2025, kind: .fiscalYear, iso: "FY2025"),
  ]

  /// The other forms the issue names, and the impossible ones.
  static let otherForms: [DateCase] = [
    DateCase(text: "令和２年度", kind: .fiscalYear, iso: "FY2020"),
    DateCase(text: "Ｒ２年度", kind: .fiscalYear, iso: "FY2020"),
    DateCase(text: "令和二年", kind: .year, iso: "2020"),
    DateCase(text: "令和十年度", kind: .fiscalYear, iso: "FY2028"),
    DateCase(text: "令7年度", kind: .fiscalYear, iso: "FY2025"),
    DateCase(text: "平元年", kind: .year, iso: "1989"),
    DateCase(text: "昭和64年1月7日", kind: .date, iso: "1989-01-07"),
    DateCase(text: "大正元年", kind: .year, iso: "1912"),
    DateCase(text: "明治45年", kind: .year, iso: "1912"),
    DateCase(text: "S50年", kind: .year, iso: "1975"),
    DateCase(text: "R02.06.23", kind: .date, iso: "2020-06-23"),
    DateCase(text: "R7/8/7", kind: .date, iso: "2025-08-07"),
    DateCase(text: "H31.4.30", kind: .date, iso: "2019-04-30"),
    DateCase(text: "R6.12月", kind: .month, iso: "2024-12"),
    DateCase(text: "2025年", kind: .year, iso: "2025"),
    DateCase(text: "二〇二五年", kind: .year, iso: "2025"),
    DateCase(text: "2025年度", kind: .fiscalYear, iso: "FY2025"),
    DateCase(text: "2025/8/7", kind: .date, iso: "2025-08-07"),
    DateCase(text: "2025-08-07", kind: .date, iso: "2025-08-07"),
    DateCase(text: "2025年8月7日", kind: .date, iso: "2025-08-07"),
    DateCase(text: "令和3年度～令和5年度", kind: .fiscalYearRange, iso: "FY2021..FY2023"),
    DateCase(text: "R3～R5年度", kind: .fiscalYearRange, iso: "FY2021..FY2023"),
    DateCase(text: "平成31年度", kind: .fiscalYear, iso: "FY2019"),
    DateCase(text: "令和元年4月1日", kind: .date, iso: "2019-04-01", warnings: [.beforeStart]),
    DateCase(text: "平成31年5月1日", kind: .date, iso: "2019-05-01", warnings: [.pastEnd]),
    DateCase(text: "平成32年", kind: .year, iso: "2020", warnings: [.pastEnd]),
    DateCase(text: "2月30日", fiscalYear: 2025, kind: .date, iso: nil, warnings: [.invalid]),
    DateCase(text: "令和6年2月29日", kind: .date, iso: "2024-02-29"),
    DateCase(text: "令和7年2月29日", kind: .date, iso: nil, warnings: [.invalid]),
    DateCase(text: "8/17", kind: .date, iso: nil, warnings: [.needsFiscalYear]),
    DateCase(text: "4～9月", kind: .monthRange, iso: nil, warnings: [.needsFiscalYear]),
    DateCase(text: "通年", kind: .named, iso: nil),
  ]

  @Test("forms from the real sheets", arguments: corpusForms)
  func corpus(form: DateCase) throws {
    try check(form)
  }

  @Test("other forms, and impossible dates as findings", arguments: otherForms)
  func other(form: DateCase) throws {
    try check(form)
  }

  func check(_ form: DateCase) throws {
    let finding = try #require(EraDates.parse(form.text, fiscalYear: form.fiscalYear))
    #expect(finding.kind == form.kind)
    #expect(finding.iso == form.iso)
    #expect(finding.raw == form.text)
    #expect(finding.warnings.map(\.code) == form.warnings)
    #expect(finding.warnings.allSatisfy { $0.original == form.text })
  }

  @Test("there are at least 40 forms from the corpus")
  func enoughCorpusForms() {
    #expect(Self.corpusForms.count >= 40)
  }
}
