import Foundation
import GyoseiModel
import TestSupport
import Testing

/// The sheets of other cities (米子市, 相馬市, 長崎市, 木津川市), each converted by its own mapping
/// file alone: every value is checked against a reading of the raw lines that shares no code
/// with gyosei's, or against numbers read off the sheet by eye.
@Suite("corpus: other cities' sheets")
struct OtherCitiesCorpusTests {
  static func document(_ name: String) throws -> Document {
    try CorpusConversionTests.convert(name).document
  }

  /// The non-empty cells of each line of a sheet.
  static func lines(_ name: String) throws -> [[String]] {
    try CorpusExamples.sheetLines(name).map { $0.filter { !$0.isEmpty } }.filter { !$0.isEmpty }
  }

  @Test("米子市: 26 objectives under the department headings they are listed under")
  func yonago() throws {
    let name = "yonago-objective-list-2024"
    let document = try Self.document(name)
    #expect(document.municipality.code.digits == "312029")
    #expect(document.fiscalYear == 2024 && document.fiscalYearText == "令和6年度")
    #expect(document.title == "各部(局)の重点課題と目標")
    // The raw reading: a line that starts "- " is an objective of the last heading above it.
    var expected: [(heading: String, title: String)] = []
    var heading = ""
    for cells in try Self.lines(name).dropFirst(2) {
      if cells[0].hasPrefix("- ") {
        expected.append((heading, String(cells[0].dropFirst(2))))
      } else {
        heading = cells[0]
      }
    }
    let objectives = try #require(document.objectives)
    #expect(objectives.count == 26)
    #expect(objectives.map(\.title) == expected.map(\.title))
    for (objective, expected) in zip(objectives, expected) {
      let organization = try #require(objective.organization)
      let printed =
        (organization.department ?? "")
        + organization.sections.map { "(\($0))" }.joined()
      #expect(printed == expected.heading, "\(objective.title)")
    }
    #expect(
      Dictionary(grouping: objectives, by: { $0.organization?.department ?? "" }).mapValues(\.count)
        == ["総務部": 9, "総合政策部": 8, "市民生活部": 5, "福祉保健部": 4])
    // The introduction and the two headings with no objectives are kept, not dropped.
    #expect(
      document.unmapped.map(\.text) == [
        "米子市では「住んで楽しいまちづくり」の実現をめざし、 各部局の重点課題の解決に向けて計画的に取り組んでいきます。",
        "DX推進監(情報政策課)", "淀江支所",
      ])
    #expect(document.warnings.isEmpty)
  }

  @Test("相馬市: the objectives table, row by row")
  func somaObjectives() throws {
    let name = "soma-objective-table-2024"
    let document = try Self.document(name)
    #expect(document.municipality.code.digits == "072095")
    #expect(document.fiscalYear == 2024 && document.title == "業務目標")
    let rows = try Self.lines(name).filter { Int($0[0]) != nil }
    let objectives = try #require(document.objectives)
    #expect(rows.count == 7 && objectives.count == 7)
    for (objective, row) in zip(objectives, rows) {
      #expect(objective.number == Int(row[0]))
      #expect(objective.title == row[1])
      #expect(objective.targets?.map(\.text) == [row[2]])
      #expect(objective.organization?.sections == [row[3]])
      #expect(objective.organization?.department == nil)
    }
    // No. 3's target reads its rate (約19パーセント) and no. 5's amount (30億円).
    #expect(
      objectives[2].targets?.first?.quantities?.map(\.value) == [19]
        && objectives[2].targets?.first?.quantities?.first?.unit == "percent")
    #expect(objectives[4].targets?.first?.quantities?.map(\.value) == [3_000_000_000])
    #expect(document.unmapped.map(\.text) == ["令和6年度業務目標(1~20)"])
  }

  @Test("長崎市: both indicators carry target, actual and rate for H23–H27 as printed")
  func nagasaki() throws {
    let name = "nagasaki-policy-evaluation-2015"
    let document = try Self.document(name)
    #expect(document.municipality.code.digits == "422011" && document.fiscalYear == 2015)
    let measures = try #require(document.measures)
    #expect(measures.map(\.code) == ["E1", "E1-1", "E1-2"])
    #expect(measures.map(\.parent) == [nil, "E1", "E1"])
    let measure = measures[0]
    #expect(measure.title == "災害に強いまちづくりを進めます")
    #expect(measure.organizations.map(\.sections) == [["防災危機管理室"]])
    #expect(measure.description == "市民が、災害による被害を受けることなく、安全・安心に暮らしている")
    #expect(measure.grade?.grade == "Bb")
    #expect(measure.grade?.text == "目標をほぼ達成しており、目的達成に向けて概ね順調に進んでいる")
    #expect(measure.remarks?.map(\.items.count) == [1, 2])
    // The raw reading: the header row gives the years; each indicator is a name row (目標値)
    // and the two rows under it (実績値, 達成率).
    let lines = try CorpusExamples.sheetLines(name)
    let header = try #require(lines.first { $0.first == "指標名" })
    let years = header.suffix(5).map { 1988 + Int($0.dropFirst())! }
    #expect(years == Array(2011...2015))
    let kinds: [String: Observation.Kind] = ["目標値": .target, "実績値": .actual, "達成率": .rate]
    var expected: [(name: String, values: [(Observation.Kind, Int, Double, String)])] = []
    for cells in lines where cells.count == 9 && kinds[cells[3]] != nil {
      if !cells[0].isEmpty { expected.append((cells[0], [])) }
      for (year, text) in zip(years, cells.suffix(5)) {
        let number = Double(text.replacingOccurrences(of: "%", with: ""))!
        expected[expected.count - 1].values.append((kinds[cells[3]]!, year, number, text))
      }
    }
    #expect(expected.count == 2)
    #expect(measure.indicators.map(\.name) == expected.map(\.name))
    #expect(measure.indicators.map(\.unit) == ["%", "箇所"])
    #expect(measure.indicators.map(\.direction) == [.up, .up])
    for (indicator, expected) in zip(measure.indicators, expected) {
      let observed = indicator.observations.filter { $0.kind != .baseline }
      #expect(observed.count == 15)
      for (observation, value) in zip(observed, expected.values) {
        #expect(observation.kind == value.0 && observation.fiscalYear == value.1)
        #expect(observation.value == value.2 && observation.raw == value.3)
      }
      // Every printed rate is the actual over the target, to the first decimal.
      for year in years {
        let of = { (kind: Observation.Kind) in
          observed.first { $0.kind == kind && $0.fiscalYear == year }?.value ?? .nan
        }
        #expect(
          abs(of(.actual) / of(.target) * 100 - of(.rate)) < 0.051, "\(indicator.name) \(year)")
      }
    }
    // 基準値 "36.8% (21 年度)" and "253 箇所 (21 年度)": FY2009, in the era of the year columns.
    let baselines = measure.indicators.map { $0.observations.filter { $0.kind == .baseline } }
    #expect(baselines.map { $0.map(\.fiscalYear) } == [[2009], [2009]])
    #expect(baselines.map { $0.map(\.value) } == [[36.8], [253]])
    #expect(
      document.warnings.map(\.code).filter { $0 == "indicator.baseline-era-assumed" }.count == 2)
    #expect(document.warnings.map(\.code).contains("indicator.year-header-assumed"))
    #expect(document.unmapped.isEmpty)
  }

  @Test("木津川市: the totals and each 重点改革項目's counts, which sum to the totals")
  func kizugawa() throws {
    let document = try Self.document("kizugawa-reform-progress-2020")
    #expect(document.municipality.code.digits == "262145")
    #expect(document.fiscalYear == 2020 && document.title == "第3次行財政改革行動計画進捗状況")
    let progress = try #require(document.progress)
    #expect(progress.items == 116 && progress.evaluated == 86 && progress.excluded == 30)
    #expect(progress.grades.map(\.grade) == ["S", "A", "B", "C"])
    #expect(progress.grades.map(\.count) == [4, 21, 51, 10])
    #expect(progress.grades.map(\.percent) == [4.7, 24.4, 59.3, 11.6])
    #expect(progress.grades.map(\.label) == ["特に良好に進捗", "良好に進捗", "概ね進捗", "進捗に課題あり"])
    let categories = try #require(document.categories)
    #expect(
      categories.map(\.title) == ["協働の市政の推進", "行財政運営体制の確立", "事務事業の見直し", "公共施設の総合管理", "行財政システムの確立"])
    #expect(categories.map(\.number) == ["1", "2", "3", "4", "5"])
    #expect(categories.map(\.declaredItemCount) == [10, 21, 44, 8, 33])
    #expect(categories.map(\.progress?.evaluated) == [6, 15, 30, 7, 28])
    #expect(categories.map(\.progress?.excluded) == [4, 6, 14, 1, 5])
    let grades = categories.map { $0.progress?.grades.map(\.count) ?? [] }
    #expect(
      grades == [[0, 3, 1, 2], [1, 3, 10, 1], [1, 7, 22, 0], [1, 1, 5, 0], [1, 7, 13, 7]])
    // The categories' counts add up to the totals printed above them.
    #expect(categories.compactMap(\.declaredItemCount).reduce(0, +) == 116)
    #expect(categories.compactMap(\.progress?.evaluated).reduce(0, +) == 86)
    for grade in 0..<4 {
      #expect(grades.map { $0[grade] }.reduce(0, +) == progress.grades[grade].count)
    }
    // The items added that year, with the category number they name.
    let items = try #require(document.items)
    #expect(items.map(\.code) == ["R2-1", "R2-2", "R2-3", "R2-4"])
    #expect(items.map(\.categoryPath) == [["2"], ["2"], ["2"], ["5"]])
    #expect(items.map(\.sections) == [["人事秘書課"], ["学研企画課"], ["総務課"], ["観光商工課"]])
    #expect(items[1].title == "キャッシュレス決済の導入・拡大")
    // The unnumbered categories are numbered by place, each with a warning.
    #expect(
      document.warnings.map(\.code) == Array(repeating: "category.numbered-by-place", count: 5))
  }

  @Test("相馬市: each year's savings and the income, with their sections and amounts")
  func somaReform() throws {
    let name = "soma-reform-results-2022"
    let document = try Self.document(name)
    #expect(document.fiscalYear == 2022 && document.fiscalYearText == "令和元年度~令和4年度")
    // The raw reading: rows of three cells that end in 千円, under the year of the
    // "(n)令和…年度における削減額" line above them.
    var expected: [(title: String, section: String, amount: String, year: Int?)] = []
    var year: Int?
    for cells in try Self.lines(name) {
      if cells.count == 1, cells[0].hasPrefix("("), let reiwa = cells[0].range(of: "令和") {
        let digits = cells[0][reiwa.upperBound...].prefix { $0 != "年" }
        year = 2018 + (digits == "元" ? 1 : Int(digits)!)
      } else if cells.count == 1, cells[0].hasPrefix("2 ") {
        year = nil
      } else if cells.count == 3, cells[2].hasSuffix("千円") {
        expected.append((cells[0], cells[1], cells[2], year))
      }
    }
    let items = try #require(document.items)
    #expect(expected.count == 14 && items.count == 14)
    for (item, expected) in zip(items, expected) {
      #expect(item.title == expected.title && item.sections == [expected.section])
      if let year = expected.year {
        #expect(
          item.years.map(\.fiscalYear) == [year] && item.years.map(\.result) == [expected.amount])
      } else {
        #expect(item.years.isEmpty && item.resultsSoFar == expected.amount)
      }
    }
    let categories = try #require(document.categories)
    #expect(categories.map(\.number) == ["1", "2"])
    #expect(categories[0].categories.map(\.number) == ["(1)", "(2)", "(3)", "(4)"])
    #expect(
      items.map { $0.categoryPath.last ?? "" } == [
        "(1)", "(1)", "(1)", "(2)", "(2)", "(2)", "(3)", "(3)", "(3)", "(4)", "(4)", "(4)", "2",
        "2",
      ])
    // The grand totals stay as unmapped lines.
    #expect(document.unmapped.map(\.text).filter { $0.contains("合計") }.count == 2)
  }

  @Test(
    "no city of these sheets is named in Sources/",
    arguments: ["米子", "相馬", "長崎", "木津川", "大船渡", "データ集計マクロ用シート"])
  func noCityInSources(city: String) throws {
    let sources = CorpusExamples.root.appendingPathComponent("Sources")
    let files =
      FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }
      .filter { $0.hasSuffix(".swift") } ?? []
    #expect(!files.isEmpty)
    for file in files {
      let text = try String(
        contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
      #expect(!text.contains(city), "\(file)")
    }
  }
}
