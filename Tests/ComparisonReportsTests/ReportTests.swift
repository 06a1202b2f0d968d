import ComparisonStore
import Foundation
import LibXML2
import StoreTestSupport
import Testing

@testable import ComparisonReports

struct ReportTests {
  static let cells: [(text: String, cell: String, why: String)] = [
    ("=SUM(A1:A9)", "'=SUM(A1:A9)", "a formula"),
    ("+81-268-22-4100", "'+81-268-22-4100", "a phone number Excel would add up"),
    ("-5", "'-5", "a leading minus"),
    ("@cmd", "'@cmd", "an at sign"),
    ("\t=1", "'\t=1", "a leading tab"),
    ("実施率 46%(国が示す目標60%)", "実施率 46%(国が示す目標60%)", "plain Japanese"),
    ("修了者20人、継続者60人", "修了者20人、継続者60人", "an ideographic comma needs no quotes"),
    ("a,b", "\"a,b\"", "a comma is quoted"),
    ("彼は\"はい\"と", "\"彼は\"\"はい\"\"と\"", "quotes are doubled"),
    ("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"", "neutralized, then quoted"),
    ("1行目\n2行目", "\"1行目\n2行目\"", "a line break is quoted"),
  ]

  @Test("CSV cells are neutralized against formula injection and quoted", arguments: cells)
  func csvCell(_ example: (text: String, cell: String, why: String)) {
    #expect(CSVReport.cell(example.text) == example.cell, "\(example.why)")
  }

  @Test("the CSV starts with a BOM, has one header and the same column count on every row")
  func csvShape() throws {
    let comparison = try StoreFixtures.corpusStore().comparison(cities: ["202037", "012131"])
    let bytes = CSVReport.render(comparison)
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let text = try #require(String(validating: bytes.dropFirst(3), as: UTF8.self))
    let records = CSVRecords.parse(text)
    #expect(records.first == CSVReport.columns)
    #expect(records.allSatisfy { $0.count == CSVReport.columns.count })
    let checkup = records.filter { $0[11] == "specific-health-checkup-rate" }
    #expect(
      checkup.map { "\($0[4]) \($0[5]) \($0[10]) \($0[13])\($0[14])" } == [
        "上田市 2025 target 46%", "上田市 2025 mid-term 13.6%", "苫小牧市 2018 actual 34.9%",
        "苫小牧市 2019 actual 37.5%", "苫小牧市 2020 actual 32.7%",
      ])
    #expect(records.filter { $0[0] == "unthemed" }.map { $0[7] } == ["18"])
    // The unthemed item keeps its values: its plans and results by year, under theme unthemed.
    let item18 = records.filter { $0[1] == ThemeSection.unthemedID && $0[7] == "18" }
    #expect(item18.count >= 5)
    #expect(Set(item18.map { $0[10] }) == ["plan", "result"])
    // No cell an unsuspecting spreadsheet would run.
    for record in records.dropFirst() {
      for cell in record {
        #expect(!(cell.first.map { "=+-@".contains($0) } ?? false), "\(cell)")
      }
    }
  }

  @Test("a list of objectives without actions has a row per objective in CSV")
  func objectivesWithoutActions() throws {
    let comparison = try StoreFixtures.corpusStore().comparison(cities: ["312029"])
    let text = try #require(
      String(validating: CSVReport.render(comparison).dropFirst(3), as: UTF8.self))
    let rows = CSVRecords.parse(text).filter { $0[3] == "312029" && $0[6] == "objective" }
    #expect(rows.count == 26)
    #expect(rows.contains { $0[8] == "フレイル対策の推進" })
  }

  @Test("a column no row fills is left out of the printed tables")
  func emptyColumns() {
    let table = ReportTable(header: ["a", "b", "c"], rows: [["1", "", "x"], ["2", "", ""]])
    #expect(
      table.withoutEmptyColumns
        == ReportTable(header: ["a", "c"], rows: [["1", "x"], ["2", ""]]))
    let empty = ReportTable(header: ["a"], rows: [])
    #expect(empty.withoutEmptyColumns == empty)
  }

  @Test("the HTML's per-theme tables leave out the columns no row fills")
  func htmlEmptyColumns() throws {
    let store = try StoreFixtures.corpusStore()
    // 米子市's list: objectives without actions have no action table at all.
    let list = HTMLReport.render(try store.comparison(cities: ["312029"]))
    #expect(list.contains("<h4>重点目標 "))
    #expect(!list.contains("<th>取組</th>"))
    // 上田市's sheets are of the middle of the year: targets and mid-term reports, some
    // objectives' actions targets only, no final report anywhere.
    let ueda = HTMLReport.render(try store.comparison(cities: ["202037"]))
    #expect(ueda.contains("<table><tr><th>取組</th><th>目標</th><th>中間報告</th></tr>"))
    #expect(ueda.contains("<table><tr><th>取組</th><th>目標</th></tr>"))
    #expect(!ueda.contains("<th>最終報告</th>"))
  }

  @Test("the Markdown report has the row, each theme, and the unthemed list")
  func markdown() throws {
    let comparison = try StoreFixtures.corpusStore().comparison(cities: ["202037", "012131"])
    let text = MarkdownReport.render(comparison)
    let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("| 特定健診受診率") })
    #expect(row.contains("FY2025 目標 46") && row.contains("FY2025 中間報告 13.6 [2025-08-31時点]"))
    #expect(row.contains("FY2018 実績 34.9; FY2019 実績 37.5; FY2020 実績 32.7"))
    for theme in comparison.themes {
      #expect(text.contains("## \(theme.ja) / \(theme.en)"))
    }
    #expect(text.contains("## テーマ未設定 / Unthemed records"))
    #expect(text.contains("| 上田市 | FY2022 | 改革項目 | 18 | 水道事業の広域化の検討 |"))
  }

  @Test("the HTML report stands alone: no script, no external file, a chart per concept")
  func html() throws {
    let comparison = try StoreFixtures.corpusStore().comparison(cities: ["202037", "012131"])
    let html = HTMLReport.render(comparison)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ja\">"))
    #expect(!html.contains("<script"))
    #expect(!html.contains(" src="))
    #expect(!html.contains("href=\"http"))
    #expect(!html.contains("url("))
    #expect(
      html.components(separatedBy: "<svg class=\"chart\"").count - 1 == comparison.concepts.count)
    #expect(
      html.contains("<h2>国保・社会保障 <small>National Health Insurance and social security</small></h2>")
    )
    #expect(
      html.components(separatedBy: "<svg").count == html.components(separatedBy: "</svg>").count)
    // The plain tables have the Markdown report's columns.
    #expect(html.contains("<tr><th>No.</th><th>項目</th><th>区分</th><th>所管</th>"))
  }

  @Test("each chart is well-formed SVG with a point per value")
  func chart() throws {
    let comparison = try StoreFixtures.corpusStore().comparison(cities: ["202037", "012131"])
    let row = try #require(comparison.concepts.first { $0.id == "specific-health-checkup-rate" })
    let svg = SVGChart.concept(row)
    let tree = try XMLTree.parse(Array(svg.utf8), fileName: "chart.svg")
    guard
      case .nodes(let points) = try XPathEvaluator(tree).evaluate(
        "//*[local-name()='g']/*[local-name()='title']")
    else {
      Issue.record("the XPath selects no nodes")
      return
    }
    #expect(points.count == 5)
    #expect(points.map(\.text).contains("上田市 FY2025 目標 46 (実施率 46%(国が示す目標60%))"))
  }

  @Test("the same store gives byte-identical reports, whatever order the files were loaded in")
  func deterministic() throws {
    let forward = try StoreFixtures.corpusStore().comparison(cities: ["202037", "012131"])
    let store = try ComparisonStore()
    _ = try store.load(
      try StoreFixtures.expectedDocuments().reversed(), themes: StoreFixtures.themes(),
      concepts: StoreFixtures.concepts())
    let backward = try store.comparison(cities: ["202037", "012131"])
    #expect(MarkdownReport.render(forward) == MarkdownReport.render(backward))
    #expect(CSVReport.render(forward) == CSVReport.render(backward))
    #expect(HTMLReport.render(forward) == HTMLReport.render(backward))
  }

  @Test(
    "nice axis steps",
    arguments: [(0.9, 1.0), (11.0, 20.0), (13.2, 20.0), (2.2, 2.5), (41, 50), (0, 1)])
  func niceStep(_ example: (value: Double, step: Double)) {
    #expect(SVGChart.niceStep(example.value) == example.step)
  }
}

/// A CSV reader for the tests (RFC 4180: quoted fields, doubled quotes, CRLF).
enum CSVRecords {
  static func parse(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    while let scalar = pending ?? scalars.next() {
      pending = nil
      if quoted {
        if scalar == "\"" {
          let next = scalars.next()
          if next == "\"" {
            field.unicodeScalars.append("\"")
          } else {
            quoted = false
            pending = next
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"": quoted = true
      case ",":
        record.append(field)
        field = ""
      case "\r": continue
      case "\n":
        record.append(field)
        records.append(record)
        record = []
        field = ""
      default: field.unicodeScalars.append(scalar)
      }
    }
    if !field.isEmpty || !record.isEmpty {
      record.append(field)
      records.append(record)
    }
    return records
  }
}
