import GyoseiModel
import SourceReaders
import Testing

@testable import SheetMapping

struct IndicatorTableReaderTests {
  static let mapping = """
    id: t
    family: indicator-table
    municipality: {name: 苫小牧市, code: "012131"}
    recognize: [施策番号, 指標名, 単位]
    indicator-table:
      title: 評価指標
      code: '^[0-9]{7}$'
      columns: {measure: [施策番号], name: [指標名], unit: [単位]}
    """

  /// A table of 長崎市's kind: no unit column, a 基準値 and a 区分 (direction) column, and the
  /// values either across (a row per kind) or down (a 年度 column and a column per kind).
  static let kindsMapping = """
    id: k
    family: indicator-table
    municipality: {name: 長崎市, code: "422011"}
    recognize: [基本施策, 指標名]
    indicator-table:
      columns: {measure: [基本施策], name: [指標名]}
      baseline: [基準値]
      direction: [区分]
      year: [年度]
      kinds: {target: [目標値], actual: [実績値], rate: [達成率]}
      directions: {up: [⇧], down: [⇩]}
    """

  static func read(_ text: String, mapping: String = mapping) throws -> Document {
    let catalog = try MappingCatalog(files: [("t.yaml", mapping)])
    let table = try TabTableReader.read(Array(text.utf8), fileName: "t.tsv", separator: .tab)
    return try SheetMapper.map(
      table, sha256: String(repeating: "0", count: 64), format: .tabTable,
      mapping: try catalog.mappings[0]
    ).document
  }

  /// 長崎市 基本施策 E1's first indicator as printed: target, actual and rate for H23–H27.
  static let nagasakiValues: [(Observation.Kind, [Double])] = [
    (.target, [41.5, 45.0, 48.6, 52.1, 55.0]), (.actual, [40.1, 40.6, 44.0, 47.3, 53.2]),
    (.rate, [96.6, 90.2, 90.5, 90.8, 96.7]),
  ]

  static func checkNagasaki(_ document: Document) throws {
    let sets = try #require(document.indicatorSets)
    #expect(sets.map(\.measure) == ["E1"])
    let indicator = try #require(sets.first?.indicators.first)
    #expect(indicator.name == "自主防災組織結成率" && indicator.unit == "%")
    #expect(indicator.direction == .up)
    let baseline = indicator.observations.filter { $0.kind == .baseline }
    #expect(baseline.map(\.fiscalYear) == [2009] && baseline.map(\.value) == [36.8])
    for (kind, values) in nagasakiValues {
      let observed = indicator.observations.filter { $0.kind == kind }
      #expect(observed.map(\.fiscalYear) == Array(2011...2015), "\(kind)")
      #expect(observed.map(\.value) == values, "\(kind)")
    }
    #expect(document.fiscalYear == 2015)
    #expect(document.unmapped.isEmpty)
  }

  @Test("years across, a row per kind of value: 長崎市's 成果指標 as printed")
  func kindRows() throws {
    let document = try Self.read(
      """
      基本施策\t指標名\t基準値 (時期)\t区分\t\tH23\tH24\tH25\tH26\tH27
      E1\t自主防災組織結成率\t36.8% (21 年度)\t⇧\t目標値\t41.5\t45.0\t48.6\t52.1\t55.0
      \t\t\t\t実績値\t40.1\t40.6\t44.0\t47.3\t53.2
      \t\t\t\t達成率\t96.6%\t90.2%\t90.5%\t90.8%\t96.7%
      """, mapping: Self.kindsMapping)
    try Self.checkNagasaki(document)
    #expect(
      document.warnings.map(\.code) == [
        "table.fiscal-year-assumed", "indicator.year-header-assumed",
        "indicator.baseline-era-assumed", "indicator.unit-from-baseline",
      ])
  }

  @Test("years down, a column per kind of value: the same indicator, the same observations")
  func yearsDown() throws {
    var text = "基本施策\t指標名\t基準値 (時期)\t区分\t年度\t目標値\t実績値\t達成率\n"
    for (offset, year) in (23...27).enumerated() {
      let values = Self.nagasakiValues.map { $0.1[offset] }
      let cells = [
        offset == 0 ? "E1" : "", offset == 0 ? "自主防災組織結成率" : "",
        offset == 0 ? "36.8% (21 年度)" : "", offset == 0 ? "⇧" : "", "H\(year)年度",
        String(format: "%.1f", values[0]), String(format: "%.1f", values[1]),
        String(format: "%.1f%%", values[2]),
      ]
      text += cells.joined(separator: "\t") + "\n"
    }
    let document = try Self.read(text, mapping: Self.kindsMapping)
    #expect(document.indicatorSets?.first?.indicators.count == 1)
    try Self.checkNagasaki(document)
  }

  @Test("years down with the name on every row: 苫小牧市's 特定健診受診率 by year")
  func yearsDownRepeatedName() throws {
    let document = try Self.read(
      """
      基本施策\t指標名\t年度\t実績値
      2110111\t特定健診受診率\tH30\t34.9
      2110111\t特定健診受診率\tR1\t37.5
      2110111\t特定健診受診率\tR2\t32.7
      """, mapping: Self.kindsMapping)
    let indicator = try #require(document.indicatorSets?.first?.indicators.first)
    #expect(document.indicatorSets?.first?.indicators.count == 1)
    #expect(indicator.observations.map(\.fiscalYear) == [2018, 2019, 2020])
    #expect(indicator.observations.map(\.value) == [34.9, 37.5, 32.7])
    #expect(indicator.observations.allSatisfy { $0.kind == .actual })
    #expect(
      document.warnings.map(\.code) == [
        "table.fiscal-year-assumed", "indicator.year-header-assumed",
      ])
    #expect(document.unmapped.isEmpty)
  }

  @Test("a header with no row that yields an indicator is an error, not an empty document")
  func noIndicators() {
    #expect {
      try Self.read("令和2年度 評価指標一覧\n施策番号\t指標名\t単位\tR1年度\n")
    } throws: {
      ($0 as? MappingError)?.description.contains("no row yields an indicator") == true
    }
  }

  @Test(
    "year columns are any header EraDates reads as one fiscal year, in any order",
    arguments: [
      ("平成30年度\t令和元年度\tR2年度", [2018, 2019, 2020]),
      ("H30年度\tＲ１年度\t2020年度", [2018, 2019, 2020]),
      ("R2年度\t平成30年度\t令和元年度", [2020, 2018, 2019]),
    ])
  func yearColumns(header: String, years: [Int]) throws {
    let document = try Self.read(
      "令和2年度 評価指標一覧\n単位\t施策番号\t指標名\t\(header)\n%\t2110111\t受診率\t34.9\t37.5\t維持\n")
    let indicator = try #require(document.indicatorSets?.first?.indicators.first)
    #expect(indicator.unit == "%" && indicator.name == "受診率")
    #expect(indicator.observations.map(\.fiscalYear) == years)
    #expect(indicator.observations.map(\.value) == [34.9, 37.5, nil])
    #expect(document.fiscalYear == 2020)
  }

  @Test("an empty 施策番号 continues the 施策 above (warning); a bad one is unmapped (warning)")
  func measureCodes() throws {
    let document = try Self.read(
      """
      令和2年度 評価指標一覧
      施策番号\t指標名\t単位\tR1年度
      2110211\t医師数\t人\t73
      \t紹介患者数\t人\t8,955
      211021\t誤り\t人\t1
      """)
    #expect(document.indicatorSets?.map(\.measure) == ["2110211"])
    #expect(document.indicatorSets?.first?.indicators.map(\.name) == ["医師数", "紹介患者数"])
    #expect(
      document.warnings.map(\.code) == ["indicator.measure-carried", "indicator.measure-invalid"])
    #expect(document.unmapped.map(\.position.line) == [5, 5, 5, 5])
  }

  @Test("without a title line the last year column is the fiscal year, with a warning")
  func assumedYear() throws {
    let document = try Self.read("施策番号\t指標名\t単位\tH30年度\tR1年度\n2110111\t率\t%\t1\t2\n")
    #expect(document.fiscalYear == 2019 && document.fiscalYearText == nil)
    #expect(document.warnings.map(\.code) == ["table.fiscal-year-assumed"])
  }

  @Test("a table without the three headers is an error naming them")
  func noHeader() {
    #expect {
      try Self.read("令和2年度 評価指標一覧\n番号\t名前\n")
    } throws: {
      ($0 as? MappingError)?.description.contains("施策番号, 指標名, 単位") == true
    }
  }
}
