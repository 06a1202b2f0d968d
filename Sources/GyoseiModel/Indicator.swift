/// An indicator (評価指標, 成果指標) with its values by fiscal year.
public struct Indicator: Hashable, Sendable, Codable {
  /// Which way the indicator should move.
  public enum Direction: String, Hashable, Sendable, Codable, CaseIterable {
    /// Higher is better (⇧, 上昇).
    case up
    /// Lower is better (⇩, 下降).
    case down
  }

  /// The indicator's name.
  public var name: String
  /// The unit as the sheet writes it.
  public var unit: String?
  /// Which way it should move, when the sheet marks it.
  public var direction: Direction?
  /// The values: actuals, and targets, rates, a baseline where the sheet gives them.
  public var observations: [Observation]

  public init(
    name: String, unit: String? = nil, direction: Direction? = nil,
    observations: [Observation] = []
  ) {
    self.name = name
    self.unit = unit
    self.direction = direction
    self.observations = observations
  }
}
