/// One semantic check: a stable code, a default severity and what it asks, in English and in
/// Japanese.
///
/// Codes are shared with the conversion warnings that record the same fact (`era.past-end`,
/// `marker.skipped`, …): a document converted by gyosei already carries them, and a rule that
/// finds the same fact at the same source position is reported once.
public struct ValidationRule: Hashable, Sendable {
  /// The stable code.
  public var code: String
  /// The severity unless a rules file says otherwise.
  public var severity: ValidationIssue.Severity
  /// What the rule asks, in English.
  public var summary: String
  /// What the rule asks, in Japanese.
  public var summaryJapanese: String

  /// Every rule, in the order reports list them.
  public static let all: [ValidationRule] = [
    ValidationRule(
      code: "municipality.code", severity: .error,
      summary: "the municipality code is six digits with a prefecture number 01 to 47",
      summaryJapanese: "全国地方公共団体コードは6桁で、都道府県番号は01〜47"),
    ValidationRule(
      code: "municipality.check-digit", severity: .error,
      summary: "the municipality code's sixth digit is its check digit",
      summaryJapanese: "全国地方公共団体コードの6桁目は検査数字と一致する"),
    ValidationRule(
      code: "fiscal-year.implausible", severity: .error,
      summary: "the fiscal year lies between 1947 (the Local Autonomy Act) and 2099",
      summaryJapanese: "年度は1947年度（地方自治法施行）から2099年度まで"),
    ValidationRule(
      code: "fiscal-year.text-mismatch", severity: .error,
      summary: "the fiscal year as written names the same year as the fiscal year",
      summaryJapanese: "年度の表記（令和7年度など）が年度の値と一致する"),
    ValidationRule(
      code: "fiscal-year.inconsistent", severity: .warning,
      summary: "the years the body names fit the document's fiscal year",
      summaryJapanese: "本文の年度が文書の年度と整合する"),
    ValidationRule(
      code: "date.invalid", severity: .error,
      summary: "every date exists and every period starts before it ends",
      summaryJapanese: "日付が実在し（2月30日などでない）、期間の開始が終了より前"),
    ValidationRule(
      code: "era.before-start", severity: .error,
      summary: "no era date lies before its era began",
      summaryJapanese: "和暦の日付が元号の始まる前でない"),
    ValidationRule(
      code: "era.past-end", severity: .warning,
      summary: "no era year lies past its era's end",
      summaryJapanese: "和暦の年が元号の終わった後でない（平成34年度など）"),
    ValidationRule(
      code: "observation.out-of-range", severity: .error,
      summary: "indicator values are for the document's fiscal year or the nine before it",
      summaryJapanese: "指標の実績値の年度が文書の年度とその前9年度の範囲内"),
    ValidationRule(
      code: "indicator.unit-missing", severity: .warning,
      summary: "every indicator has a unit",
      summaryJapanese: "指標に単位がある"),
    ValidationRule(
      code: "indicator.unit-mismatch", severity: .warning,
      summary: "a value written with a unit uses its indicator's unit",
      summaryJapanese: "単位付きの値の単位が指標の単位と一致する"),
    ValidationRule(
      code: "id.duplicate", severity: .error,
      summary: "施策番号, item numbers, priorities and document ids are unique",
      summaryJapanese: "施策番号・項目番号・優先順位・文書IDが重複しない"),
    ValidationRule(
      code: "marker.skipped", severity: .warning,
      summary: "numbered lists start at 1 and skip no number",
      summaryJapanese: "番号付きの箇条が1から始まり、番号が飛ばない"),
    ValidationRule(
      code: "marker.duplicate", severity: .warning,
      summary: "numbered lists repeat no number",
      summaryJapanese: "番号付きの箇条で番号が重複しない"),
    ValidationRule(
      code: "action.target-without-period", severity: .warning,
      summary: "an action with a numeric target says when: a period in its targets or schedule",
      summaryJapanese: "数値目標のある取組は、目標またはスケジュールに期間がある"),
  ]

  /// The rule with `code`, if one exists.
  public static func named(_ code: String) -> ValidationRule? {
    all.first { $0.code == code }
  }

  /// The severity of a conversion warning carried in a document, unless a rules file says
  /// otherwise.
  public static let carriedWarningSeverity = ValidationIssue.Severity.warning
}
