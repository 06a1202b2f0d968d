/// What sort of time a `Period` denotes.
public enum PeriodKind: String, Hashable, Sendable, Codable, CaseIterable {
  /// A calendar day: `start` is an ISO date.
  case date
  /// A calendar month: `start` is `YYYY-MM`.
  case month
  /// A calendar year, such as 令和3年 or 2025年: `start` is `YYYY`.
  case year
  /// A run of calendar years, such as 昭和46～49年.
  case yearRange = "year-range"
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
