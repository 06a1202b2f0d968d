import GyoseiModel

extension SheetMappingFile {
  /// How a reform program or its progress report is laid out: its title and fiscal year, its
  /// table of contents, its category headings, the labels of an item's page, and the lines and
  /// tables that hold items and progress where a report has no pages.
  public struct ProgramSpec: Sendable, Hashable, Codable {
    /// Lines of the cover that together are the document's title, in order.
    public var title: [String]
    /// The title line, by a pattern: optional `year` and `title` captures (else the whole line
    /// is the title).
    public var titleLine: LinePattern?
    /// The words after the fiscal year on the cover line that dates the report (`取組状況` in
    /// `令和4年度末取組状況`).
    public var fiscalYearWords: String?
    /// Where the fiscal year is found otherwise (a line's pattern, the file name, fixed).
    public var fiscalYear: FiscalYearSource?
    /// The heading of the table of contents, when the program has one.
    public var contents: String?
    /// Endings that make a word of the organization cell a department (部局: `部`, `局`,
    /// `組織`, `自治センター`) when departments and sections share one cell.
    public var departmentSuffixes: [String]
    /// What a plan-position row holds when the item has no position there (`—`, `なし`).
    public var none: [String]
    /// The cell after the `number` label that starts an item's page (`^(?<number>\d+)$`).
    public var pageNumber: LinePattern?
    /// The category headings: a level (1 or 2) and a pattern each, in the contents and between
    /// pages, or anywhere in a report without contents.
    public var categories: [CategoryRule]
    /// Lines of a report that hold items and progress.
    public var lines: [LineRule<ProgramLineRole>]
    /// A table of items, one per row under a header row.
    public var itemTable: ItemTableSpec?
    /// The labels of the contents and of the item pages.
    public var labels: Labels
    /// The plans an item's page cites a position in, each with its row label.
    public var planPositions: [PlanPositionSpec]

    enum CodingKeys: String, CodingKey {
      case title
      case titleLine = "title-line"
      case fiscalYear = "fiscal-year"
      case contents
      case departmentSuffixes = "department-suffixes"
      case none
      case pageNumber = "page-number"
      case categories
      case lines
      case itemTable = "item-table"
      case labels
      case planPositions = "plan-positions"
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      title = try container.decodeIfPresent([String].self, forKey: .title) ?? []
      titleLine = try container.decodeIfPresent(LinePattern.self, forKey: .titleLine)
      // `fiscal-year` is the words after the year on the cover line, or where to look.
      if let words = try? container.decode(String.self, forKey: .fiscalYear) {
        fiscalYearWords = words
      } else {
        fiscalYear = try container.decodeIfPresent(FiscalYearSource.self, forKey: .fiscalYear)
      }
      contents = try container.decodeIfPresent(String.self, forKey: .contents)
      departmentSuffixes =
        try container.decodeIfPresent([String].self, forKey: .departmentSuffixes) ?? []
      none = try container.decodeIfPresent([String].self, forKey: .none) ?? []
      pageNumber = try container.decodeIfPresent(LinePattern.self, forKey: .pageNumber)
      categories = try container.decodeIfPresent([CategoryRule].self, forKey: .categories) ?? []
      lines = try container.decodeIfPresent([LineRule<ProgramLineRole>].self, forKey: .lines) ?? []
      itemTable = try container.decodeIfPresent(ItemTableSpec.self, forKey: .itemTable)
      labels = try container.decodeIfPresent(Labels.self, forKey: .labels) ?? Labels()
      planPositions =
        try container.decodeIfPresent([PlanPositionSpec].self, forKey: .planPositions) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(title, forKey: .title)
      try container.encodeIfPresent(titleLine, forKey: .titleLine)
      if let fiscalYearWords {
        try container.encode(fiscalYearWords, forKey: .fiscalYear)
      } else {
        try container.encodeIfPresent(fiscalYear, forKey: .fiscalYear)
      }
      try container.encodeIfPresent(contents, forKey: .contents)
      try container.encode(departmentSuffixes, forKey: .departmentSuffixes)
      try container.encode(none, forKey: .none)
      try container.encodeIfPresent(pageNumber, forKey: .pageNumber)
      try container.encode(categories, forKey: .categories)
      try container.encode(lines, forKey: .lines)
      try container.encodeIfPresent(itemTable, forKey: .itemTable)
      try container.encode(labels, forKey: .labels)
      try container.encode(planPositions, forKey: .planPositions)
    }

    /// A category heading: its level and its pattern (`number`, `title`, optionally `count`,
    /// the items it declares, and `year`, the fiscal year its items' results are of).
    public struct CategoryRule: Sendable, Hashable, Codable {
      public var level: Int
      public var pattern: LinePattern
    }

    /// A plan and the label of the row that cites a position in it.
    public struct PlanPositionSpec: Sendable, Hashable, Codable {
      public var plan: String
      public var labels: [String]
    }

    /// A table of items: one per row, its columns found by their headers.
    public struct ItemTableSpec: Sendable, Hashable, Codable {
      public var columns: [RecordColumnSpec<ItemField>]
    }

    /// What a column of an item table holds.
    public enum ItemField: String, Sendable, Hashable, Codable, CaseIterable {
      case number
      case code
      case title
      case departments
      case sections
      case overview
      /// The result of the fiscal year of the item's category, or the item's results so far.
      case result
      case plan
    }

    /// Each label with its variants; what the layout does not have is left out.
    public struct Labels: Sendable, Hashable, Codable {
      /// `No.`: heads the contents tables and starts each item's page.
      public var number: [String] = []
      /// 取組項目名.
      public var title: [String] = []
      /// The contents' column of sections (担当課所).
      public var contentsSections: [String] = []
      /// The contents' page column.
      public var contentsPage: [String] = []
      /// 改革の概要.
      public var overview: [String] = []
      /// 改革の体系項目: the item's category and sub-category.
      public var category: [String] = []
      /// 担当部局・課所名.
      public var organizations: [String] = []
      /// これまでの実績・課題.
      public var resultsSoFar: [String] = []
      /// 課題解決のための取組内容・改革手段.
      public var means: [String] = []
      /// 5年後の改革達成形態・成果目標.
      public var fiveYearGoal: [String] = []
      /// 取組年度: heads the table of yearly plans and results.
      public var years: [String] = []
      /// The plan column of the yearly table.
      public var yearPlan: [String] = []
      /// The result column of the yearly table, wherever it stands.
      public var yearResult: [String] = []
      /// Printed text with no content (the SDGs box); claimed, never a field.
      public var formText: [String] = []

      init() {}

      enum CodingKeys: String, CodingKey {
        case number
        case title
        case contentsSections = "contents-sections"
        case contentsPage = "contents-page"
        case overview
        case category
        case organizations
        case resultsSoFar = "results-so-far"
        case means
        case fiveYearGoal = "five-year-goal"
        case years
        case yearPlan = "year-plan"
        case yearResult = "year-result"
        case formText = "form-text"
      }

      public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func list(_ key: CodingKeys) throws -> [String] {
          try container.decodeIfPresent([String].self, forKey: key) ?? []
        }
        number = try list(.number)
        title = try list(.title)
        contentsSections = try list(.contentsSections)
        contentsPage = try list(.contentsPage)
        overview = try list(.overview)
        category = try list(.category)
        organizations = try list(.organizations)
        resultsSoFar = try list(.resultsSoFar)
        means = try list(.means)
        fiveYearGoal = try list(.fiveYearGoal)
        years = try list(.years)
        yearPlan = try list(.yearPlan)
        yearResult = try list(.yearResult)
        formText = try list(.formText)
      }
    }

    var problem: String? {
      if title.isEmpty && titleLine == nil {
        return "program: give the title (cover words) or title-line"
      }
      if fiscalYearWords == nil && fiscalYear == nil
        && !(titleLine?.declares("year") ?? false)
      {
        return "program: give fiscal-year (the cover line's words, or a line, file-name or "
          + "fixed), or a title-line with a (?<year>…) capture"
      }
      if let problem = fiscalYear?.problem { return "program.fiscal-year: \(problem)" }
      if !labels.number.isEmpty && pageNumber == nil {
        return "program.page-number: a pattern for the number after labels.number is needed"
      }
      if let pageNumber, !pageNumber.declares("number") {
        return "program.page-number: the pattern needs a capture (?<number>…)"
      }
      for (index, rule) in categories.enumerated() {
        if !(1...2).contains(rule.level) {
          return "program.categories[\(index)].level: 1 (a category) or 2 (a sub-category)"
        }
        if !rule.pattern.declares("title") {
          return "program.categories[\(index)]: the pattern needs a capture (?<title>…)"
        }
      }
      for (index, rule) in lines.enumerated() {
        if let problem = rule.problem { return "program.lines[\(index)]: \(problem)" }
        if rule.role == .grades && rule.entry == nil {
          return "program.lines[\(index)]: a grades line needs an entry pattern, matched once "
            + "per grade, with (?<grade>…) and (?<count>…)"
        }
      }
      for (index, column) in itemTable?.columns.enumerated().map({ $0 }) ?? [] {
        if let problem = column.problem {
          return "program.item-table.columns[\(index)]: \(problem)"
        }
      }
      if labels.number.isEmpty && lines.allSatisfy({ $0.role != .item }) && itemTable == nil {
        return "program: items come from pages (labels.number), item lines (lines) or an "
          + "item table (item-table)"
      }
      return nil
    }
  }

  /// What a line of a program's report is.
  public enum ProgramLineRole: String, LineRole {
    /// Counts of items: `items` (in all; a category's declared count), `evaluated`, `excluded`.
    case progress
    /// One grade's count: `grade` and `count`, optionally `label` and `percent`.
    case grade
    /// Several grades' counts on one line, read by the rule's `entry` pattern once per grade.
    case grades
    /// One item: `title`, and optionally `number`, `code`, `category` (its category's number),
    /// `sections`, `departments`.
    case item

    public var requiredCaptures: Set<String> {
      switch self {
      case .progress: return []
      case .grade: return ["grade", "count"]
      case .grades: return []
      case .item: return ["title"]
      }
    }
  }
}
