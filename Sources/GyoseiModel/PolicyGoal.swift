/// A まちづくりの目標 of a comprehensive plan (第1 共に支え合い健やかに暮らすまち).
public struct PolicyGoal: Hashable, Sendable, Codable {
  /// The goal's number as written after 第 (`1` for 第1).
  public var number: String
  /// The goal's title.
  public var title: String
  /// The policies (政策) under the goal.
  public var policies: [Policy]

  public init(number: String, title: String, policies: [Policy] = []) {
    self.number = number
    self.title = title
    self.policies = policies
  }
}
