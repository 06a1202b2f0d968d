/// One item of a reform program: what is to be reformed, by whom, and its plan and result per
/// fiscal year.
public struct ReformItem: Hashable, Sendable, Codable {
  /// The item's number (No.), when the program numbers its items.
  public var number: Int?
  /// The item's code as printed when it is not a plain number (R2-1).
  public var code: String?
  /// The number within its category, when the program gives one.
  public var localNumber: Int?
  /// The item's title (取組項目名).
  public var title: String
  /// The numbers of its category and sub-category.
  public var categoryPath: [String]
  /// The page of its sheet in the program.
  public var page: Int?
  /// The departments (部局) in charge.
  public var departments: [String]
  /// The sections (課所) in charge.
  public var sections: [String]
  /// 改革の概要.
  public var overview: String?
  /// これまでの実績・課題, or what the item achieved where the report gives it without a year.
  public var resultsSoFar: String?
  /// 取組内容・改革手段.
  public var means: String?
  /// 5年後の改革達成形態.
  public var fiveYearGoal: String?
  /// Where the item sits in the city's plans.
  public var planPositions: [PlanPosition]
  /// The plan and result per fiscal year.
  public var years: [ReformYear]

  public init(
    number: Int? = nil, code: String? = nil, localNumber: Int? = nil, title: String,
    categoryPath: [String] = [], page: Int? = nil, departments: [String] = [],
    sections: [String] = [], overview: String? = nil, resultsSoFar: String? = nil,
    means: String? = nil, fiveYearGoal: String? = nil, planPositions: [PlanPosition] = [],
    years: [ReformYear] = []
  ) {
    self.number = number
    self.code = code
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
    self.years = years
  }

  /// The key that tells the item apart in its document: its number, else its code.
  public var key: String? { number.map(String.init) ?? code }

  private enum CodingKeys: String, CodingKey {
    case number, code, localNumber, title, categoryPath, page, departments, sections, overview
    case resultsSoFar, means, fiveYearGoal, planPositions, years
    /// Schema 1.0's position in the スマートシティ plan, read as a plan position of the plan
    /// named by this key.
    case smartCityPosition
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    number = try container.decodeIfPresent(Int.self, forKey: .number)
    code = try container.decodeIfPresent(String.self, forKey: .code)
    localNumber = try container.decodeIfPresent(Int.self, forKey: .localNumber)
    title = try container.decode(String.self, forKey: .title)
    categoryPath = try container.decode([String].self, forKey: .categoryPath)
    page = try container.decodeIfPresent(Int.self, forKey: .page)
    departments = try container.decode([String].self, forKey: .departments)
    sections = try container.decode([String].self, forKey: .sections)
    overview = try container.decodeIfPresent(String.self, forKey: .overview)
    resultsSoFar = try container.decodeIfPresent(String.self, forKey: .resultsSoFar)
    means = try container.decodeIfPresent(String.self, forKey: .means)
    fiveYearGoal = try container.decodeIfPresent(String.self, forKey: .fiveYearGoal)
    planPositions = try container.decode([PlanPosition].self, forKey: .planPositions)
    if let smartCity = try container.decodeIfPresent(String.self, forKey: .smartCityPosition) {
      planPositions.append(
        PlanPosition(plan: CodingKeys.smartCityPosition.rawValue, path: [], title: smartCity))
    }
    years = try container.decode([ReformYear].self, forKey: .years)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encodeIfPresent(number, forKey: .number)
    try container.encodeIfPresent(code, forKey: .code)
    try container.encodeIfPresent(localNumber, forKey: .localNumber)
    try container.encode(title, forKey: .title)
    try container.encode(categoryPath, forKey: .categoryPath)
    try container.encodeIfPresent(page, forKey: .page)
    try container.encode(departments, forKey: .departments)
    try container.encode(sections, forKey: .sections)
    try container.encodeIfPresent(overview, forKey: .overview)
    try container.encodeIfPresent(resultsSoFar, forKey: .resultsSoFar)
    try container.encodeIfPresent(means, forKey: .means)
    try container.encodeIfPresent(fiveYearGoal, forKey: .fiveYearGoal)
    try container.encode(planPositions, forKey: .planPositions)
    try container.encode(years, forKey: .years)
  }
}
