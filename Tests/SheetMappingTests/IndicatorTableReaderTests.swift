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
      columns: {measure: [施策番号], name: [指標名], unit: [単位]}
    """

  static func read(_ text: String) throws -> Document {
    let catalog = try MappingCatalog(files: [("t.yaml", mapping)])
    let table = try TabTableReader.read(Array(text.utf8), fileName: "t.tsv", separator: .tab)
    return try SheetMapper.map(
      table, sha256: String(repeating: "0", count: 64), format: .tabTable,
      mapping: try catalog.mapping(id: "t")
    ).document
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
