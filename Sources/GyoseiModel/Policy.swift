/// A policy (政策) under a goal, for example 1 健康な暮らしの実現.
public struct Policy: Hashable, Sendable, Codable {
  /// The policy's number as written.
  public var number: String
  /// The policy's title.
  public var title: String
  /// The 基本施策 under the policy.
  public var basicMeasures: [BasicMeasure]

  public init(number: String, title: String, basicMeasures: [BasicMeasure] = []) {
    self.number = number
    self.title = title
    self.basicMeasures = basicMeasures
  }
}
