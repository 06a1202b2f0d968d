/// What sort of time a `Period` denotes.
public enum PeriodKind: String, Hashable, Sendable, Codable, CaseIterable {
  /// A calendar day: `start` is an ISO date.
  case date
  /// A calendar month: `start` is `YYYY-MM`.
  case month
  /// A Japanese fiscal year (April to March).
  case fiscalYear = "fiscal-year"
  /// A run of fiscal years, such as 令和3～5年度.
  case fiscalYearRange = "fiscal-year-range"
  /// A run of days.
  case dateRange = "date-range"
  /// A run of months, such as 4～9月.
  case monthRange = "month-range"
  /// A named period such as 通年, 年度末 or 随時.
  case named
}
