/// One value of an indicator for one fiscal year, as the sheet writes it.
public struct Observation: Hashable, Sendable, Codable {
  /// What kind of value it is.
  public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 実績値: what was measured.
    case actual
    /// 目標値: what was aimed at.
    case target
    /// 達成率: the actual as a share of the target.
    case rate
    /// 基準値: the starting point the targets are set from.
    case baseline
    /// 見込み: an estimate, before the actual is known.
    case estimate
  }

  /// The fiscal year the value is for.
  public var fiscalYear: Int
  /// What kind of value it is (1.0 documents hold actual values only).
  public var kind: Kind
  /// The number, or nil when the cell is text such as 維持 or `-`.
  public var value: Double?
  /// The cell as written.
  public var raw: String

  public init(fiscalYear: Int, kind: Kind = .actual, value: Double?, raw: String) {
    self.fiscalYear = fiscalYear
    self.kind = kind
    self.value = value
    self.raw = raw
  }

  private enum CodingKeys: String, CodingKey {
    case fiscalYear
    case kind
    case value
    case raw
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    fiscalYear = try container.decode(Int.self, forKey: .fiscalYear)
    kind = try container.decodeIfPresent(Kind.self, forKey: .kind) ?? .actual
    value = try container.decodeIfPresent(Double.self, forKey: .value)
    raw = try container.decode(String.self, forKey: .raw)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(fiscalYear, forKey: .fiscalYear)
    try container.encode(kind, forKey: .kind)
    if let value {
      try container.encode(value, forKey: .value)
    } else {
      try container.encodeNil(forKey: .value)
    }
    try container.encode(raw, forKey: .raw)
  }
}
