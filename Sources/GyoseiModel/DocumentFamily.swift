/// The kind of administrative document a canonical document was read from.
///
/// Each family has its own body: objective sheets carry `objectives`, policy evaluations carry
/// `goals` and `measures`, reform action programs carry `categories` and `items`, indicator
/// tables carry `indicatorSets`, project evaluations carry `projects`.
public enum DocumentFamily: String, Codable, Sendable, CaseIterable {
  /// 重点目標管理シート: a department's key objectives with action items and reports.
  case objectiveSheet = "objective-sheet"
  /// 施策評価表: measures of a comprehensive plan with indicators per fiscal year.
  case policyEvaluation = "policy-evaluation"
  /// 行財政改革大綱アクションプログラム: reform items with a plan and a result per fiscal year.
  case reformActionProgram = "reform-action-program"
  /// 評価指標一覧: evaluation indicators by 施策番号, a value per fiscal year (a spreadsheet or
  /// system export of the indicators alone).
  case indicatorTable = "indicator-table"
  /// 事務事業評価: administrative projects with their plan position, costs and indicators per
  /// fiscal year, and their assessment (a workbook row, or a sheet, per project).
  case projectEvaluation = "project-evaluation"
}
