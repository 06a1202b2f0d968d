/// One 重点目標 of an objective sheet with its action items.
public struct Objective: Hashable, Sendable, Codable {
  /// The 優先順位 (1 for 1位).
  public var priority: Int
  /// The objective as stated in the 重点目標 row.
  public var title: String
  /// Positions in the city's plans (総合計画, 再構築プラン, 行財政改革大綱).
  public var planPositions: [PlanPosition]
  /// 現況・課題, as a list.
  public var situation: [ListItem]
  /// 目的・効果, as a list.
  public var purpose: [ListItem]
  /// The numbered action items (①, ②, …).
  public var actions: [Action]
  /// The notes box (特記事項), by prompt; absent when nothing was written in it.
  public var remarks: [Remark]?

  public init(
    priority: Int, title: String, planPositions: [PlanPosition] = [],
    situation: [ListItem] = [], purpose: [ListItem] = [], actions: [Action] = [],
    remarks: [Remark]? = nil
  ) {
    self.priority = priority
    self.title = title
    self.planPositions = planPositions
    self.situation = situation
    self.purpose = purpose
    self.actions = actions
    self.remarks = remarks
  }
}
