/// A time as administrative documents state it, resolved where it can be.
///
/// `start` and `end` are ISO dates (`2025-08-07`), months (`2025-08`) or years (`2021`); fiscal years are
/// Gregorian years of the April that starts them.
public struct Period: Hashable, Sendable, Codable {
  /// What sort of time this is.
  public var kind: PeriodKind
  /// The text as written, for example `令和3～5年度` or `8月末`.
  public var raw: String
  /// The ISO rendering: `2025-04-01`, `2025-08`, `FY2025`, `FY2021..FY2023`.
  public var iso: String?
  /// The first day, month or year, when it resolves to one.
  public var start: String?
  /// The last day, month or year, when it resolves to one.
  public var end: String?
  /// The first fiscal year covered.
  public var fiscalYearStart: Int?
  /// The last fiscal year covered.
  public var fiscalYearEnd: Int?
  /// For named periods, a stable name such as `throughout-year` or `year-end`.
  public var name: String?

  public init(
    kind: PeriodKind, raw: String, iso: String? = nil, start: String? = nil, end: String? = nil,
    fiscalYearStart: Int? = nil, fiscalYearEnd: Int? = nil, name: String? = nil
  ) {
    self.kind = kind
    self.raw = raw
    self.iso = iso
    self.start = start
    self.end = end
    self.fiscalYearStart = fiscalYearStart
    self.fiscalYearEnd = fiscalYearEnd
    self.name = name
  }
}
