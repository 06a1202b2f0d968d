/// One administrative project (事務事業) of a project evaluation (事務事業評価): what it is, where
/// it sits in the city's plan, what it costs each fiscal year, what it achieves and how it was
/// assessed.
public struct Project: Hashable, Sendable, Codable {
  /// The project's code as the city writes it (`0086`).
  public var code: String
  /// What the code is (the header of its column, `事務事業ID`), so codes of different systems
  /// are not confused.
  public var codeScheme: String?
  /// The project's name.
  public var name: String
  /// Where the project sits in the plan, outermost level first (政策, 施策, 基本事業).
  public var planLevels: [PlanLevel]
  /// The department and sections in charge.
  public var organization: Organization?
  /// 根拠法令: the laws and rules the project rests on, as written.
  public var legalBasis: String?
  /// 事務事業区分, as written (width folded).
  public var category: String?
  /// 事業期間: how long the project runs.
  public var period: ProjectPeriod?
  /// 事務事業の概要.
  public var overview: String?
  /// 手段・対象・意図・結果: the project's logic.
  public var logic: ProjectLogic?
  /// The activity, target and outcome indicators, each with its values per fiscal year.
  public var indicators: [ProjectIndicator]
  /// The costs, one entry per fiscal year (and plan or actual).
  public var costs: [ProjectCost]
  /// The evaluation's viewpoints, each with a grade and its reasoning.
  public var assessments: [Assessment]
  /// The directions decided (改革改善の方向性, 今後の方向性 …).
  public var directions: [ProjectDirection]
  /// Columns the mapping keeps under their header, with no canonical field of their own
  /// (the creation date, contact, budget account …).
  public var details: [ProjectDetail]

  public init(
    code: String, codeScheme: String? = nil, name: String, planLevels: [PlanLevel] = [],
    organization: Organization? = nil, legalBasis: String? = nil, category: String? = nil,
    period: ProjectPeriod? = nil, overview: String? = nil, logic: ProjectLogic? = nil,
    indicators: [ProjectIndicator] = [], costs: [ProjectCost] = [],
    assessments: [Assessment] = [], directions: [ProjectDirection] = [],
    details: [ProjectDetail] = []
  ) {
    self.code = code
    self.codeScheme = codeScheme
    self.name = name
    self.planLevels = planLevels
    self.organization = organization
    self.legalBasis = legalBasis
    self.category = category
    self.period = period
    self.overview = overview
    self.logic = logic
    self.indicators = indicators
    self.costs = costs
    self.assessments = assessments
    self.directions = directions
    self.details = details
  }
}

/// One level of the plan a project serves: 政策 06 自然豊かな環境の保全と創造.
public struct PlanLevel: Hashable, Sendable, Codable {
  /// The level's name in the plan (`政策`, `施策`, `基本事業`).
  public var level: String
  /// The level's number as the sheet writes it, its pieces joined (`06` from `0` and `6`).
  public var code: String?
  /// The level's title.
  public var name: String?

  public init(level: String, code: String? = nil, name: String? = nil) {
    self.level = level
    self.code = code
    self.name = name
  }
}

/// 事業期間: the kind of period (`単年度繰返`, `期間限定複数年度`) and its first and last year.
public struct ProjectPeriod: Hashable, Sendable, Codable {
  /// The kind of period, as written.
  public var kind: String?
  /// The first year as written (`H19`, `平成19年度`), and as a fiscal year where it reads as one.
  public var start: String?
  public var fiscalYearStart: Int?
  /// The last year as written, and as a fiscal year where it reads as one.
  public var end: String?
  public var fiscalYearEnd: Int?

  public init(
    kind: String? = nil, start: String? = nil, fiscalYearStart: Int? = nil, end: String? = nil,
    fiscalYearEnd: Int? = nil
  ) {
    self.kind = kind
    self.start = start
    self.fiscalYearStart = fiscalYearStart
    self.end = end
    self.fiscalYearEnd = fiscalYearEnd
  }
}

/// 手段・対象・意図・結果: what the project does, for whom, to what end.
public struct ProjectLogic: Hashable, Sendable, Codable {
  /// 手段: last year's activities (前年度実績).
  public var previousActivities: String?
  /// 手段: this year's planned activities (今年度計画).
  public var plannedActivities: String?
  /// 対象: who or what the project acts on.
  public var target: String?
  /// 意図: how it means to change them.
  public var intent: String?
  /// 結果: what it contributes to the level above.
  public var result: String?

  public init(
    previousActivities: String? = nil, plannedActivities: String? = nil, target: String? = nil,
    intent: String? = nil, result: String? = nil
  ) {
    self.previousActivities = previousActivities
    self.plannedActivities = plannedActivities
    self.target = target
    self.intent = intent
    self.result = result
  }

  /// Whether no part is written.
  public var isEmpty: Bool {
    [previousActivities, plannedActivities, target, intent, result].allSatisfy { $0 == nil }
  }
}

/// An indicator of a project: what it counts, in which unit, its value per fiscal year.
public struct ProjectIndicator: Hashable, Sendable, Codable {
  /// What the indicator measures.
  public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 活動指標: how much the project does.
    case activity
    /// 対象指標: how large its target is.
    case target
    /// 成果指標: how far its intent is reached.
    case outcome
  }

  public var kind: Kind
  /// The indicator's letter on the form (ア, カ, サ …).
  public var label: String?
  public var name: String
  public var unit: String?
  /// The values, one per fiscal year; `target` observations are a plan year's.
  public var observations: [Observation]

  public init(
    kind: Kind, label: String? = nil, name: String, unit: String? = nil,
    observations: [Observation] = []
  ) {
    self.kind = kind
    self.label = label
    self.name = name
    self.unit = unit
    self.observations = observations
  }
}

/// A project's cost in one fiscal year: its funding by source, 事業費計 (A), the staff it takes,
/// 人件費計 (B) and トータルコスト (A)+(B).
///
/// Amounts are as the sheet prints them, in `unit` (千円 on most forms): a canonical value is
/// never rescaled, so it can be checked against the cell by eye.
public struct ProjectCost: Hashable, Sendable, Codable {
  /// Whether the year's figures are settled or planned.
  public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 実績 (決算): the year is closed.
    case actual
    /// 計画 (予算): the figures are the year's plan or budget.
    case plan
  }

  public var fiscalYear: Int
  public var kind: Kind
  /// The unit of the amounts (`千円`).
  public var unit: String
  /// 財源内訳: the amount of each funding source (国庫支出金, 都道府県支出金, 地方債, その他,
  /// 一般財源).
  public var funding: [CostAmount]
  /// 事業費計 (A).
  public var projectCost: CostAmount?
  /// 正規職員従事人数: full-time staff.
  public var staff: CostAmount?
  /// 延べ業務時間: hours worked.
  public var hours: CostAmount?
  /// 人件費計 (B).
  public var personnelCost: CostAmount?
  /// トータルコスト (A)+(B).
  public var totalCost: CostAmount?

  public init(
    fiscalYear: Int, kind: Kind = .actual, unit: String, funding: [CostAmount] = [],
    projectCost: CostAmount? = nil, staff: CostAmount? = nil, hours: CostAmount? = nil,
    personnelCost: CostAmount? = nil, totalCost: CostAmount? = nil
  ) {
    self.fiscalYear = fiscalYear
    self.kind = kind
    self.unit = unit
    self.funding = funding
    self.projectCost = projectCost
    self.staff = staff
    self.hours = hours
    self.personnelCost = personnelCost
    self.totalCost = totalCost
  }
}

/// One amount of a cost: its label (the column header, for funding sources), its value, and
/// the cell's text.
public struct CostAmount: Hashable, Sendable, Codable {
  /// The funding source (`国庫支出金`); absent for the named figures.
  public var source: String?
  /// The value, when the cell holds a number.
  public var value: Double?
  /// The cell's text as read.
  public var raw: String

  public init(source: String? = nil, value: Double?, raw: String) {
    self.source = source
    self.value = value
    self.raw = raw
  }
}

/// One viewpoint of a project's evaluation: 公共関与の妥当性 — 妥当である, and why.
public struct Assessment: Hashable, Sendable, Codable {
  public var viewpoint: String
  /// The grade chosen on the form, as written.
  public var grade: String?
  /// The reasoning written for it.
  public var reasoning: String?

  public init(viewpoint: String, grade: String? = nil, reasoning: String? = nil) {
    self.viewpoint = viewpoint
    self.grade = grade
    self.reasoning = reasoning
  }
}

/// A direction decided for a project (改革改善の方向性 — 現状維持), under its heading.
public struct ProjectDirection: Hashable, Sendable, Codable {
  /// What the direction is about, as the mapping names it.
  public var label: String
  public var text: String

  public init(label: String, text: String) {
    self.label = label
    self.text = text
  }
}

/// A column kept under its header: the header's text and the cell's.
public struct ProjectDetail: Hashable, Sendable, Codable {
  public var label: String
  public var text: String

  public init(label: String, text: String) {
    self.label = label
    self.text = text
  }
}
