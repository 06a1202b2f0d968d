import Emitters
import GyoseiModel
import SheetMapping
import SourceReaders
import TestSupport
import Testing

/// 苫小牧市's indicators as an indicator table (Corpus/variants, written by
/// scripts/generate-indicator-tables.py): the spreadsheet and the XML records each convert to
/// the indicators of the 施策評価表 they came from, 施策 by 施策.
@Suite("corpus: indicator tables")
struct IndicatorTableCorpusTests {
  @Test(
    "each form gives the 施策評価表's indicators, 施策 by 施策",
    arguments: [
      "tomakomai-indicator-table-2020.cp932.tsv", "tomakomai-indicator-table-2020.records.xml",
    ])
  func sameIndicators(file: String) throws {
    let document = try VariantConversion.convert(file)
    #expect(document.family == .indicatorTable)
    #expect(document.fiscalYear == 2020 && document.fiscalYearText == "令和2年度")
    #expect(document.municipality.code.digits == "012131")
    let sheet = try VariantConversion.expected("tomakomai-policy-evaluation-2020.json")
    let expected = (sheet.measures ?? []).filter { !$0.indicators.isEmpty }.map {
      IndicatorSet(measure: $0.code, indicators: $0.indicators)
    }
    #expect(expected.count == 56)
    #expect(document.indicatorSets == expected)
    #expect(document.unmapped.isEmpty)
  }

  @Test("the spreadsheet's merged 施策番号 cells are carried down, each with a warning")
  func mergedCells() throws {
    let document = try VariantConversion.convert("tomakomai-indicator-table-2020.cp932.tsv")
    let carried = document.warnings.filter { $0.code == "indicator.measure-carried" }
    #expect(carried.count == 89 - 56)
    #expect(carried.first?.position?.line == 7)  // 紹介患者数, under 医師数 of 2110211
  }
}
