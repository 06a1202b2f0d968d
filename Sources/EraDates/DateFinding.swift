/// A date, a period or a named time found in text, resolved where it can be.
public struct DateFinding: Sendable, Hashable, Codable {
  /// What sort of time it is.
  public var kind: DateKind
  /// The text as written.
  public var raw: String
  /// The ISO rendering: `2025-04-01`, `2025-08`, `FY2025`, `FY2021..FY2023`.
  public var iso: String?
  /// The first day, month or year.
  public var start: String?
  /// The last day, month or year.
  public var end: String?
  /// The first fiscal year covered.
  public var fiscalYearStart: Int?
  /// The last fiscal year covered.
  public var fiscalYearEnd: Int?
  /// For named periods, a stable name: `throughout-year`, `fiscal-year-end`, ….
  public var name: String?
  /// The UTF-8 byte offset of `raw` in the text.
  public var offset: Int
  /// The UTF-8 length of `raw`.
  public var length: Int
  /// Guesses and doubts.
  public var warnings: [DateWarning]

  public init(
    kind: DateKind, raw: String, iso: String? = nil, start: String? = nil, end: String? = nil,
    fiscalYearStart: Int? = nil, fiscalYearEnd: Int? = nil, name: String? = nil, offset: Int = 0,
    length: Int = 0, warnings: [DateWarning] = []
  ) {
    self.kind = kind
    self.raw = raw
    self.iso = iso
    self.start = start
    self.end = end
    self.fiscalYearStart = fiscalYearStart
    self.fiscalYearEnd = fiscalYearEnd
    self.name = name
    self.offset = offset
    self.length = length
    self.warnings = warnings
  }
}
