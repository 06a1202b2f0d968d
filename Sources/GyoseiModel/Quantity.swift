/// A number with its unit and qualifiers, as found in a target, a report or an indicator.
///
/// A value that is not a number (維持, -, 検討中) stays text: `value` is absent, never zero.
public struct Quantity: Hashable, Sendable, Codable {
  /// The text as written, for example `延べ3,000人` or `9,650千円`.
  public var raw: String
  /// The value in the unit's base (千円 is scaled to yen), when the text states a number.
  public var value: Double?
  /// The unit's code, for example `JPY`, `percent`, `person`, `times`.
  public var unit: String?
  /// The unit as written, for example `千円` or `名`.
  public var unitText: String?
  /// Qualifiers such as `at-least`, `cumulative`, `per-year`.
  public var qualifiers: [String]?

  public init(
    raw: String, value: Double? = nil, unit: String? = nil, unitText: String? = nil,
    qualifiers: [String]? = nil
  ) {
    self.raw = raw
    self.value = value
    self.unit = unit
    self.unitText = unitText
    self.qualifiers = qualifiers
  }
}
