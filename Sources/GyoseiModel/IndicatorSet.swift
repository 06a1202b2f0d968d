/// The indicators of one 施策 in an indicator table.
public struct IndicatorSet: Hashable, Sendable, Codable {
  /// The 施策番号 the indicators belong to, as text (2110111).
  public var measure: String
  /// Its indicators, in the table's order.
  public var indicators: [Indicator]

  public init(measure: String, indicators: [Indicator] = []) {
    self.measure = measure
    self.indicators = indicators
  }
}
