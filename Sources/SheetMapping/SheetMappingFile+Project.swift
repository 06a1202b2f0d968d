import GyoseiModel

extension SheetMappingFile {
  /// The workbook sheet the mapping reads, when it names one.
  public var sheetName: String? { projectTable?.sheet }

  /// A project table (事務事業評価 as a workbook or CSV): a header row, then one project per
  /// row; columns found by their header text, and repeated blocks of columns, one per fiscal
  /// year.
  ///
  /// A column is named by its header as the sheet prints it, compared as labels are (width
  /// folded, spaces and line breaks removed): equal, or followed by an explanation in brackets
  /// (`事務事業の概要` names `事務事業の概要（具体的なやり方…）`), or, with a `…`, any header that
  /// starts with what comes before it and ends with what comes after. A name that fits no column, or several, is an error naming
  /// the headers.
  public struct ProjectTableSpec: Sendable, Hashable, Codable {
    /// The workbook sheet the table is on (the first sheet when absent).
    public var sheet: String?
    /// What the project codes are (`事務事業ID`), recorded as each project's `codeScheme`.
    public var codeScheme: String?
    /// The fiscal year of the table: a column holding it on every row, with the era its bare
    /// numbers are in (`{column: 年度, era: 令和}`), or a fixed year.
    public var fiscalYear: ProjectFiscalYear
    /// The project's own columns, by field.
    public var columns: [ProjectField: String]
    /// The levels of the plan, outermost first.
    public var plan: [PlanLevelSpec]
    /// The indicators: their name and unit columns, and the header of their value in each
    /// yearly block.
    public var indicators: [IndicatorSpec]
    /// The yearly blocks of costs and indicator values.
    public var years: YearBlocksSpec?
    /// The viewpoints of the assessment, each a grade column and a reasoning column.
    public var assessments: [AssessmentSpec]
    /// Directions decided, each a column under a label.
    public var directions: [DirectionSpec]
    /// Columns kept under their header as `details`.
    public var details: [String]
    /// Printed text above the header that is the form's own (filler rows): labels, not content.
    public var formText: [String]

    enum CodingKeys: String, CodingKey {
      case sheet
      case codeScheme = "code-scheme"
      case fiscalYear = "fiscal-year"
      case columns, plan, indicators, years, assessments, directions, details
      case formText = "form-text"
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      sheet = try container.decodeIfPresent(String.self, forKey: .sheet)
      codeScheme = try container.decodeIfPresent(String.self, forKey: .codeScheme)
      fiscalYear = try container.decode(ProjectFiscalYear.self, forKey: .fiscalYear)
      let named = try container.decode([String: String].self, forKey: .columns)
      var columns: [ProjectField: String] = [:]
      for (key, label) in named {
        guard let field = ProjectField(rawValue: key) else {
          throw DecodingError.dataCorruptedError(
            forKey: .columns, in: container,
            debugDescription: "columns: '\(key)' is not a project field; the fields are "
              + ProjectField.allCases.map(\.rawValue).joined(separator: ", "))
        }
        columns[field] = label
      }
      self.columns = columns
      plan = try container.decodeIfPresent([PlanLevelSpec].self, forKey: .plan) ?? []
      indicators = try container.decodeIfPresent([IndicatorSpec].self, forKey: .indicators) ?? []
      years = try container.decodeIfPresent(YearBlocksSpec.self, forKey: .years)
      assessments =
        try container.decodeIfPresent([AssessmentSpec].self, forKey: .assessments) ?? []
      directions = try container.decodeIfPresent([DirectionSpec].self, forKey: .directions) ?? []
      details = try container.decodeIfPresent([String].self, forKey: .details) ?? []
      formText = try container.decodeIfPresent([String].self, forKey: .formText) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encodeIfPresent(sheet, forKey: .sheet)
      try container.encodeIfPresent(codeScheme, forKey: .codeScheme)
      try container.encode(fiscalYear, forKey: .fiscalYear)
      try container.encode(
        Dictionary(uniqueKeysWithValues: columns.map { ($0.key.rawValue, $0.value) }),
        forKey: .columns)
      try container.encode(plan, forKey: .plan)
      try container.encode(indicators, forKey: .indicators)
      try container.encodeIfPresent(years, forKey: .years)
      try container.encode(assessments, forKey: .assessments)
      try container.encode(directions, forKey: .directions)
      try container.encode(details, forKey: .details)
      try container.encode(formText, forKey: .formText)
    }

    /// What is wrong with the section that its types cannot say, or nil.
    var problem: String? {
      for field in [ProjectField.code, .name] where columns[field] == nil {
        return "columns.\(field.rawValue): the column of the project's \(field.rawValue) is needed"
      }
      if let problem = fiscalYear.problem { return "fiscal-year: \(problem)" }
      for (index, level) in plan.enumerated() where level.code.isEmpty && level.name == nil {
        return "plan[\(index)]: give the level's code columns, its name column, or both"
      }
      if let years {
        if let problem = years.problem { return "years: \(problem)" }
      } else if indicators.contains(where: { $0.value != nil }) {
        return "indicators: values are read from the yearly blocks; give years"
      }
      return nil
    }
  }

  /// Which part of a project a column holds.
  public enum ProjectField: String, Sendable, Hashable, Codable, CaseIterable {
    case code, name, department, section
    case legalBasis = "legal-basis"
    case category
    case periodKind = "period-kind"
    case periodStart = "period-start"
    case periodEnd = "period-end"
    case overview
    case previousActivities = "previous-activities"
    case plannedActivities = "planned-activities"
    case target, intent, result
  }

  /// Where a project table's fiscal year is.
  public struct ProjectFiscalYear: Sendable, Hashable, Codable {
    /// The column holding the fiscal year on every row.
    public var column: String?
    /// The era of a bare number in that column (`令和` makes `7` 令和7年度).
    public var era: String?
    /// The fiscal year, when no column holds it.
    public var fixed: Int?

    var problem: String? {
      if (column == nil) == (fixed == nil) { return "give exactly one of column and fixed" }
      if let fixed, !(1868...2200).contains(fixed) {
        return "fixed: \(fixed) is not a fiscal year (1868–2200)"
      }
      return nil
    }
  }

  /// One level of the plan: its name, the columns its code is split over (joined in order), and
  /// the column of its title.
  public struct PlanLevelSpec: Sendable, Hashable, Codable {
    public var level: String
    public var code: [String]
    public var name: String?

    enum CodingKeys: String, CodingKey {
      case level, code, name
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      level = try container.decode(String.self, forKey: .level)
      if let one = try? container.decode(String.self, forKey: .code) {
        code = [one]
      } else {
        code = try container.decodeIfPresent([String].self, forKey: .code) ?? []
      }
      name = try container.decodeIfPresent(String.self, forKey: .name)
    }
  }

  /// An indicator of the table: its kind and letter, its name and unit columns, and the header
  /// of its value inside each yearly block.
  public struct IndicatorSpec: Sendable, Hashable, Codable {
    public var kind: ProjectIndicator.Kind
    public var label: String?
    public var name: String
    public var unit: String?
    public var value: String?
  }

  /// The yearly blocks: the header that opens each, the fiscal year of each (offsets from the
  /// table's fiscal year, or years as written), whether each is actual or planned, and the
  /// headers of the cost columns inside a block.
  public struct YearBlocksSpec: Sendable, Hashable, Codable {
    /// The header of a block's first column (`国庫支出金`).
    public var first: String
    /// Each block's fiscal year relative to the table's: `[-5, -4, -3, -2, -1, 0]`.
    public var offsets: [Int]?
    /// Each block's fiscal year as written (`[R2, R3, R4]`).
    public var fiscalYears: [String]?
    /// Each block's kind; all `actual` when absent.
    public var kinds: [ProjectCost.Kind]?
    /// The unit the amounts are printed in (`千円`).
    public var unit: String
    public var funding: [String]
    public var projectCost: String?
    public var staff: String?
    public var hours: String?
    public var personnelCost: String?
    public var totalCost: String?

    enum CodingKeys: String, CodingKey {
      case first, offsets
      case fiscalYears = "fiscal-years"
      case kinds, unit, funding
      case projectCost = "project-cost"
      case staff, hours
      case personnelCost = "personnel-cost"
      case totalCost = "total-cost"
    }

    /// How many blocks the mapping declares.
    var count: Int { offsets?.count ?? fiscalYears?.count ?? 0 }

    var problem: String? {
      if (offsets == nil) == (fiscalYears == nil) {
        return "give each block's fiscal year: offsets (from the table's year) or fiscal-years"
      }
      if count == 0 { return "list at least one block" }
      if let kinds, kinds.count != count {
        return "kinds: \(kinds.count) kinds for \(count) blocks"
      }
      if let fiscalYears {
        for text in fiscalYears where FiscalYearSource.fiscalYear(text) == nil {
          return "fiscal-years: '\(text)' does not read as a fiscal year (令和2年度, R2, 2020)"
        }
      }
      return nil
    }
  }

  /// One viewpoint of the assessment.
  public struct AssessmentSpec: Sendable, Hashable, Codable {
    /// The viewpoint's name as the document records it.
    public var viewpoint: String
    public var grade: String?
    public var reasoning: String?
  }

  /// A direction: the label it is recorded under, and its column.
  public struct DirectionSpec: Sendable, Hashable, Codable {
    public var label: String
    public var column: String
  }
}
