/// What sort of time a date finding is; the raw values are those of the canonical model.
public enum DateKind: String, Sendable, Hashable, Codable, CaseIterable {
  case date
  case month
  case year
  case yearRange = "year-range"
  case fiscalYear = "fiscal-year"
  case fiscalYearRange = "fiscal-year-range"
  case dateRange = "date-range"
  case monthRange = "month-range"
  case named
}
