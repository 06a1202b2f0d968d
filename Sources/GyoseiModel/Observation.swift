/// One value of an indicator for one fiscal year.
///
/// `value` is written even when it is `null`: a cell such as 維持 or `-` is text, not zero.
public struct Observation: Hashable, Sendable, Codable {
  /// The fiscal year (Gregorian year of its April).
  public var fiscalYear: Int
  /// The number, or `nil` when the cell is text.
  public var value: Double?
  /// The cell's text with its width folded (１０５ → 105); the provenance keeps it as written.
  public var raw: String

  public init(fiscalYear: Int, value: Double?, raw: String) {
    self.fiscalYear = fiscalYear
    self.value = value
    self.raw = raw
  }

  private enum CodingKeys: String, CodingKey {
    case fiscalYear
    case value
    case raw
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    fiscalYear = try container.decode(Int.self, forKey: .fiscalYear)
    value = try container.decodeIfPresent(Double.self, forKey: .value)
    raw = try container.decode(String.self, forKey: .raw)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(fiscalYear, forKey: .fiscalYear)
    if let value {
      try container.encode(value, forKey: .value)
    } else {
      try container.encodeNil(forKey: .value)
    }
    try container.encode(raw, forKey: .raw)
  }
}
