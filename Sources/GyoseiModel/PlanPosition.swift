/// Where something sits in one of the city's plans: the plan's name and its 編・章・節 path.
public struct PlanPosition: Hashable, Sendable, Codable {
  /// The plan, for example 第二次上田市総合計画 or 上田再構築プランVer.2.0.
  public var plan: String
  /// The path inside the plan, outermost first, for example `第4編`, `第1章`, `第1節`.
  public var path: [String]
  /// The title of the place the path leads to, when the source gives one.
  public var title: String?

  public init(plan: String, path: [String] = [], title: String? = nil) {
    self.plan = plan
    self.path = path
    self.title = title
  }
}
