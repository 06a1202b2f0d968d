/// One item (取組項目) of a reform action program with its plan and result per fiscal year.
public struct ReformItem: Hashable, Sendable, Codable {
  /// The program-wide No.
  public var number: Int
  /// The number inside its sub-category.
  public var localNumber: Int?
  /// 取組項目名.
  public var title: String
  /// The category numbers from the outermost, for example `(1)`, `ア`.
  public var categoryPath: [String]
  /// The page in the source document, from the table of contents.
  public var page: Int?
  /// 担当部局・課所名: the 部局, kept apart from the 課所 since sheets do not pair them.
  public var departments: [String]
  /// 担当部局・課所名: the 課所.
  public var sections: [String]
  /// 改革の概要.
  public var overview: String?
  /// これまでの実績・課題.
  public var resultsSoFar: String?
  /// 課題解決のための取組内容・改革手段.
  public var means: String?
  /// 5年後の改革達成形態・成果目標.
  public var fiveYearGoal: String?
  /// Positions in the comprehensive plan (【第1編 第3章 第1節】 …).
  public var planPositions: [PlanPosition]
  /// The position in the スマートシティ化推進計画; absent where the sheet says — or なし.
  public var smartCityPosition: String?
  /// One entry per fiscal year of the program.
  public var years: [ReformYear]

  public init(
    number: Int, localNumber: Int? = nil, title: String, categoryPath: [String] = [],
    page: Int? = nil, departments: [String] = [], sections: [String] = [], overview: String? = nil,
    resultsSoFar: String? = nil, means: String? = nil, fiveYearGoal: String? = nil,
    planPositions: [PlanPosition] = [], smartCityPosition: String? = nil,
    years: [ReformYear] = []
  ) {
    self.number = number
    self.localNumber = localNumber
    self.title = title
    self.categoryPath = categoryPath
    self.page = page
    self.departments = departments
    self.sections = sections
    self.overview = overview
    self.resultsSoFar = resultsSoFar
    self.means = means
    self.fiveYearGoal = fiveYearGoal
    self.planPositions = planPositions
    self.smartCityPosition = smartCityPosition
    self.years = years
  }
}
