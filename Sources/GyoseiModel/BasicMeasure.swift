/// A 基本施策 (基本施策01 保健予防対策の充実) with its situation, goal, plans and 主要施策.
public struct BasicMeasure: Hashable, Sendable, Codable {
  /// The two-digit number as written (`01`).
  public var number: String
  /// The title.
  public var title: String
  /// 現況と課題, one item per paragraph.
  public var situation: [ListItem]
  /// 基本目標.
  public var basicGoal: String?
  /// 関連する個別計画.
  public var relatedPlans: [RelatedPlan]
  /// The 主要施策 under it.
  public var majorMeasures: [MajorMeasure]

  public init(
    number: String, title: String, situation: [ListItem] = [], basicGoal: String? = nil,
    relatedPlans: [RelatedPlan] = [], majorMeasures: [MajorMeasure] = []
  ) {
    self.number = number
    self.title = title
    self.situation = situation
    self.basicGoal = basicGoal
    self.relatedPlans = relatedPlans
    self.majorMeasures = majorMeasures
  }
}
