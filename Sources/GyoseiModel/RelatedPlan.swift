/// An individual plan (個別計画) related to a 基本施策, with its plan period when stated.
public struct RelatedPlan: Hashable, Sendable, Codable {
  /// The plan's name, for example 苫小牧市健康増進計画.
  public var name: String
  /// The plan period, for example 平成30～34年度.
  public var period: Period?

  public init(name: String, period: Period? = nil) {
    self.name = name
    self.period = period
  }
}
