/// One 重点目標 (key objective) of an objective sheet, or one entry of a list or table of a
/// department's objectives.
public struct Objective: Hashable, Sendable, Codable {
  /// The objective's number as the sheet prints it (No.), when it numbers its objectives.
  public var number: Int?
  /// The priority (優先順位, 1 is the highest), when the sheet states one.
  public var priority: Int?
  /// The objective's title.
  public var title: String
  /// The department and sections the objective belongs to, when the sheet says so per objective
  /// (a list of several departments' objectives).
  public var organization: Organization?
  /// Where the objective sits in the city's plans.
  public var planPositions: [PlanPosition]
  /// 現況・課題: the situation and issues, as a list.
  public var situation: [ListItem]
  /// 目的・効果: the purpose and expected effects, as a list.
  public var purpose: [ListItem]
  /// The objective's own targets, when the sheet states them for the objective rather than for
  /// each action (目標).
  public var targets: [ListItem]?
  /// What was achieved, when the sheet reports it for the objective (成果).
  public var finalReport: [ListItem]?
  /// The action items (①, ②, …).
  public var actions: [Action]
  /// What the notes box says under its printed prompts.
  public var remarks: [Remark]?

  public init(
    number: Int? = nil, priority: Int? = nil, title: String,
    organization: Organization? = nil, planPositions: [PlanPosition] = [],
    situation: [ListItem] = [], purpose: [ListItem] = [], targets: [ListItem]? = nil,
    finalReport: [ListItem]? = nil, actions: [Action] = [], remarks: [Remark]? = nil
  ) {
    self.number = number
    self.priority = priority
    self.title = title
    self.organization = organization
    self.planPositions = planPositions
    self.situation = situation
    self.purpose = purpose
    self.targets = targets
    self.finalReport = finalReport
    self.actions = actions
    self.remarks = remarks
  }

  /// The key that tells the objective apart in its document: its priority, else its number,
  /// else its place (1-based).
  public func key(place: Int) -> Int { priority ?? number ?? place }
}
