import EraDates
import GyoseiModel
import JapaneseWidth
import Quantities
import SheetMapping
import Validation

/// The rules' reading of dates and units, by the normalizers that read them during conversion.
struct NormalizerTextReading: JapaneseTextReading {
  func dateProblems(in text: String, fiscalYear: Int) -> [TextProblem] {
    EraDates.extract(JapaneseWidth.fold(text), fiscalYear: fiscalYear).flatMap(\.warnings)
      .filter { $0.code != .needsFiscalYear }
      .map {
        TextProblem(code: DiagnosticCode($0.code), message: $0.message, original: $0.original)
      }
  }

  func fiscalYear(of text: String) -> Int? {
    let findings = EraDates.extract(JapaneseWidth.fold(text))
    guard findings.count == 1, let start = findings[0].fiscalYearStart,
      findings[0].fiscalYearEnd == start
    else { return nil }
    return start
  }

  func unitCode(ofValue text: String) -> String? {
    let finding = Quantities.parse(text)
    return finding.value == nil ? nil : finding.unit
  }

  func unitCode(ofUnit text: String) -> String? {
    Quantities.parse("1", unit: text).unit
  }
}
