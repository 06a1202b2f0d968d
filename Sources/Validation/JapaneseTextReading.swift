import GyoseiModel

/// What the rules need to know about Japanese text as written: era dates and units.
///
/// Validation knows the canonical model, not the normalizers; the command line hands the rules
/// a reading backed by `EraDates` and `Quantities`, so a date or a value is judged by the same
/// code that read it during conversion.
public protocol JapaneseTextReading: Sendable {
  /// The problems of the dates a text writes (`era.before-start`, `era.past-end`,
  /// `date.invalid`), reading month-day forms in `fiscalYear`.
  func dateProblems(in text: String, fiscalYear: Int) -> [TextProblem]

  /// The one fiscal year a text names (令和7年度 → 2025, 令和4年度末 → 2022), or `nil`.
  func fiscalYear(of text: String) -> Int?

  /// The unit a value cell is written with, as a unit code (`34.9%` → `percent`), or `nil`
  /// when it has none.
  func unitCode(ofValue text: String) -> String?

  /// The unit code of a unit as an indicator names it (`か所` → `place`), or `nil` when the
  /// unit is not known.
  func unitCode(ofUnit text: String) -> String?
}

/// A problem a `JapaneseTextReading` found in a text.
public struct TextProblem: Hashable, Sendable {
  /// The stable code: `era.before-start`, `era.past-end` or `date.invalid`.
  public var code: DiagnosticCode
  /// What is wrong, in English.
  public var message: String
  /// The text concerned.
  public var original: String

  public init(code: DiagnosticCode, message: String, original: String) {
    self.code = code
    self.message = message
    self.original = original
  }
}
