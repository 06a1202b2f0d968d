/// A number with its unit and qualifiers, found in text or read from a cell.
public struct QuantityFinding: Sendable, Hashable, Codable {
  /// The text as written, qualifiers included: `延べ3,000人`, `年3回以上`, `維持`.
  public var raw: String
  /// The value in the unit's base (千円 scaled to yen, 3割 to 30 per cent); `nil` when the
  /// text is not a number (維持, -, 検討中…), never zero.
  public var value: Double?
  /// The unit's code: `JPY`, `percent`, `person`, `times`, ….
  public var unit: String?
  /// The unit as written: `千円`, `名`, `か所`.
  public var unitText: String?
  /// `at-least`, `at-most`, `less-than`, `more-than`, `about`, `cumulative`, `per-year`,
  /// `per-month`, `per-week`, `per-day`, `several`, `compared-to-previous-year`.
  public var qualifiers: [String]
  /// The UTF-8 byte offset of `raw` in the text.
  public var offset: Int
  /// The UTF-8 length of `raw`.
  public var length: Int
  /// Repairs, such as an OCR-split thousands separator.
  public var warnings: [QuantityWarning]

  public init(
    raw: String, value: Double? = nil, unit: String? = nil, unitText: String? = nil,
    qualifiers: [String] = [], offset: Int = 0, length: Int = 0, warnings: [QuantityWarning] = []
  ) {
    self.raw = raw
    self.value = value
    self.unit = unit
    self.unitText = unitText
    self.qualifiers = qualifiers
    self.offset = offset
    self.length = length
    self.warnings = warnings
  }
}
