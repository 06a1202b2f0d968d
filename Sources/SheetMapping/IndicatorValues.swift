import EraDates
import GyoseiModel
import JapaneseWidth
import Quantities
import SourceReaders

/// What the two readers of indicator tables share: the fiscal year of a column header and the
/// observation of a value cell.
enum IndicatorValues {
  /// The fiscal year a header cell names (H30年度, 令和元年度, R2年度), if it names exactly one.
  static func fiscalYear(_ cell: SourceCell) -> Int? {
    guard let year = EraDates.parse(JapaneseWidth.fold(cell.text)), year.kind == .fiscalYear
    else { return nil }
    return year.fiscalYearStart
  }

  /// A value cell read with the indicator's unit: the number, or null for text such as 維持
  /// or `-`, with the cell's text width-folded, and what reading it doubted.
  static func observation(_ cell: SourceCell, fiscalYear: Int, unit: String?) -> (
    observation: Observation, warnings: [QuantityWarning]
  ) {
    let finding = Quantities.parse(cell.text, unit: unit)
    return (
      Observation(
        fiscalYear: fiscalYear, value: finding.value,
        raw: JapaneseWidth.fold(JapaneseWidth.trimmed(cell.text))),
      finding.warnings
    )
  }
}
