import Foundation
import GyoseiModel
import SheetMapping
import SourceReaders
import TestSupport
import Testing

/// 004, 上田市 行財政改革大綱 アクションプログラム 令和4年度末: all 61 items with their yearly
/// plans and results, and every disagreement between the contents and the pages a warning.
@Suite("corpus: the reform action program")
struct ReformProgramCorpusTests {
  static let name = "ueda-reform-action-program-2022"

  static func document() throws -> Document {
    try CorpusConversionTests.convert(name).document
  }

  static func lines() throws -> [[String]] {
    try CorpusExamples.sheetLines(name)
  }

  @Test("the contents: three categories, fifteen sub-categories, their declared counts")
  func contents() throws {
    let categories = try #require(try Self.document().categories)
    #expect(categories.map(\.number) == ["(1)", "(2)", "(3)"])
    #expect(categories.map(\.declaredItemCount) == [20, 29, 12])
    #expect(
      categories.map { $0.categories.map(\.number) } == [
        ["ア", "イ", "ウ", "エ"], ["ア", "イ", "ウ", "エ", "オ"], ["ア", "イ", "ウ", "エ"],
      ])
    #expect(
      categories.map { $0.categories.compactMap(\.declaredItemCount) } == [
        [5, 10, 2, 3], [6, 6, 3, 10, 4], [2, 3, 6, 1],
      ])
  }

  @Test("all 61 items, each with five fiscal years, pages and local numbers from the contents")
  func items() throws {
    let items = try #require(try Self.document().items)
    #expect(items.map(\.number) == Array(1...61))
    for item in items {
      #expect(item.years.map(\.fiscalYear) == Array(2021...2025), "No.\(item.number)")
      #expect(item.years.allSatisfy { $0.plan != nil }, "No.\(item.number)")
      #expect(!item.title.isEmpty && item.overview != nil && !item.sections.isEmpty)
      #expect(item.categoryPath.count == 2 && !item.planPositions.isEmpty)
    }
    // The contents' rows: No., local number, title, sections, page.
    let rows = try Self.lines().filter {
      $0.count == 5 && Int($0[0]) != nil && Int($0[1]) != nil && Int($0[4]) != nil
    }
    #expect(rows.count == 61)
    #expect(items.map(\.page) == rows.map { Int($0[4]) })
    #expect(items.map(\.localNumber) == rows.map { Int($0[1]) })
  }

  @Test("a result is there for each year row that has text beyond its plan")
  func results() throws {
    let items = try #require(try Self.document().items)
    var rowsWithResult = 0
    var inPages = false
    for cells in try Self.lines() {
      if cells.first == "No.", cells.count > 1, Int(cells[1]) != nil { inPages = true }
      guard inPages, cells[0].hasPrefix("令和"), cells[0].hasSuffix("年度") else { continue }
      let filled = cells.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      if filled.count >= 3 { rowsWithResult += 1 }
    }
    #expect(items.flatMap(\.years).filter { $0.result != nil }.count == rowsWithResult)
    #expect(rowsWithResult == 122)
    let water = items[24].years[0]
    #expect(water.result == "水道料金 下水道使用料 99.53% 99.50%")
  }

  @Test("departments and sections, from two cells, one cell, or a table and its repeat")
  func organizations() throws {
    let items = try #require(try Self.document().items)
    #expect(items[0].departments == ["総務部", "会計管理者組織", "政策企画部"])
    #expect(items[4].departments == ["市民まちづくり推進部", "福祉部", "健康こども未来部"])
    #expect(items[4].sections == ["市民課", "福祉課", "国保年金課", "子育て子育ち支援課"])
    #expect(
      items[37].departments == [
        "総務部", "健康こども未来部", "農林部", "武石地域自治センター", "教育委員会事務局",
      ])
    #expect(items[37].sections == ["行政管理課", "健康推進課", "農政課", "武石産業建設課", "真田地域教育事務所"])
    #expect(items[38].departments == ["政策企画部"] && items[38].sections == ["DX推進課"])
  }

  @Test("titles the PDF garbled are put back, with a warning for each repair")
  func titles() throws {
    let items = try #require(try Self.document().items)
    #expect(items[0].title == "電子申請手続の利用促進")
    #expect(items[39].title == "公共施設のあり方の検討 (イ) 労働福祉施設")
    #expect(items[41].title == "(エ) 鹿月荘とクアハウスかけゆ")
    #expect(items[42].title == "公共施設のあり方の検討 (オ) 菅平高原自然館")
    #expect(items[44].title == "公共施設のあり方の検討 (キ) 直営化した施設の適切な維持管理と処分の検討")
    // Schema 1.1 folds the スマートシティ position into the plan positions; "—" means none.
    #expect(!items[5].planPositions.contains { $0.plan == "スマートシティ化推進計画" })
    #expect(
      items[3].planPositions.filter { $0.plan == "第二次上田市総合計画" }.map(\.path) == [
        ["第1編", "第3章", "第1節"], ["第1編", "第3章", "第2編"],
      ])
    #expect(
      items[2].planPositions.filter { $0.plan == "スマートシティ化推進計画" }.map(\.path) == [
        ["③"], ["②"],
      ])
  }

  static let requiredWarnings: [(code: String, line: Int, original: String)] = [
    ("text.variant-character", 150, "電子申請手續の利用促進"),
    ("text.variant-character", 411, "体が情報共有し、雙方向でつながるコ"),
    ("contents.title-mismatch", 201, "押印・対面規制の見直し (市民サービスに関連するもの)"),
    ("contents.title-mismatch", 373, "地域自治センター・公民館を活用した地域コミュニティの活動拠点化整備"),
    ("contents.title-mismatch", 862, "公共施設のあり方の検討 (エ) 鹿月荘とクアハウスかけゆ"),
    ("contents.title-mismatch", 896, "公共施設のあり方の検討 (カ) 武石地域の観光施設等"),
    ("contents.title-mismatch", 1178, "押印・対面規制の見直し(内部事務)"),
    ("contents.category-mismatch", 702, "(2) ウ"),
    ("contents.category-mismatch", 1195, "(3) エ"),
    ("contents.count-mismatch", 79, "6"),
    ("contents.count-mismatch", 89, "3"),
    ("contents.sections-mismatch", 102, "情報システム課"),
    ("marker.ocr-repaired", 862, "(工)"),
    ("marker.ocr-repaired", 879, "(才)"),
    ("item.title-cells-swapped", 828, "(イ) 労働福祉施設 | 公共施設のあり方の検討"),
    ("item.title-marker-repeated", 913, "(キ) 公共施設のあり方の検討 (キ) 直営化した施設の適切な維持管理と処分の検討"),
    ("plan.path-irregular", 675, "第4章 第1章 第2節"),
    ("year.result-spans-cells", 577, "水道料金 下水道使用料 | 99.53% 99.50%"),
    ("lexicon.suspicious-word", 229, "・府内関係課で専用窓口"),
  ]

  @Test("each disagreement and repair is a warning", arguments: requiredWarnings.indices)
  func requiredWarning(index: Int) throws {
    let (code, line, original) = Self.requiredWarnings[index]
    let expected = CorpusConversionTests.Expected(
      sheet: Self.name, code: code, line: line, original: original)
    #expect(try CorpusConversionTests.hasWarning(expected), "\(expected)")
  }

  @Test("what has no field (the cover's date and preface, four SDGs boxes) is unmapped")
  func unmapped() throws {
    let result = try CorpusConversionTests.convert(Self.name)
    #expect(
      result.document.unmapped.map(\.position.line) == [
        12, 15, 17, 19, 21, 23, 486, 781, 941, 1085,
      ])
    #expect(result.report.accountedPercent == 100)
    #expect(
      result.document.provenance.contains {
        $0.pointer == JSONPointer.root / "municipality" / "name" && $0.position.line == 13
      })
  }
}
