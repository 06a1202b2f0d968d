/// An evaluation indicator (評価指標) with one observation per fiscal year.
public struct Indicator: Hashable, Sendable, Codable {
  /// 指標名.
  public var name: String
  /// 単位 as written (`%`, `人`, `件`), absent when the sheet gives none.
  public var unit: String?
  /// The observations, in fiscal-year order; empty cells are absent.
  public var observations: [Observation]

  public init(name: String, unit: String? = nil, observations: [Observation] = []) {
    self.name = name
    self.unit = unit
    self.observations = observations
  }
}
