extension SheetMappingFile {
  /// How a reform action program is laid out: its cover, its table of contents and the labels of
  /// an item's page.
  public struct ProgramSpec: Sendable, Hashable, Codable {
    /// Lines of the cover that together are the document's title, in order.
    public var title: [String]
    /// The words after the fiscal year on the cover line that dates the report (`取組状況` in
    /// `令和4年度末取組状況`).
    public var fiscalYear: String
    /// The heading of the table of contents.
    public var contents: String
    /// Endings that make a word of the organization cell a department (部局: `部`, `局`,
    /// `組織`, `自治センター`) when departments and sections share one cell.
    public var departmentSuffixes: [String]
    /// What the スマートシティ field holds when the item has no position there (`—`, `なし`).
    public var none: [String]
    /// The labels of the contents and of the item pages.
    public var labels: Labels
    /// The plans an item's page cites a position in, each with its row label.
    public var planPositions: [PlanPositionSpec]

    enum CodingKeys: String, CodingKey {
      case title
      case fiscalYear = "fiscal-year"
      case contents
      case departmentSuffixes = "department-suffixes"
      case none
      case labels
      case planPositions = "plan-positions"
    }

    /// A plan and the label of the row that cites a position in it.
    public struct PlanPositionSpec: Sendable, Hashable, Codable {
      public var plan: String
      public var labels: [String]
    }

    /// Each label with its variants.
    public struct Labels: Sendable, Hashable, Codable {
      /// `No.`: heads the contents tables and starts each item's page.
      public var number: [String]
      /// 取組項目名.
      public var title: [String]
      /// The contents' column of sections (担当課所).
      public var contentsSections: [String]
      /// The contents' page column.
      public var contentsPage: [String]
      /// 改革の概要.
      public var overview: [String]
      /// 改革の体系項目: the item's category and sub-category.
      public var category: [String]
      /// 担当部局・課所名.
      public var organizations: [String]
      /// これまでの実績・課題.
      public var resultsSoFar: [String]
      /// 課題解決のための取組内容・改革手段.
      public var means: [String]
      /// 5年後の改革達成形態・成果目標.
      public var fiveYearGoal: [String]
      /// 「スマートシティ化推進計画」における位置付け.
      public var smartCity: [String]
      /// 取組年度: heads the table of yearly plans and results.
      public var years: [String]
      /// The plan column of the yearly table.
      public var yearPlan: [String]
      /// The result column of the yearly table, wherever it stands.
      public var yearResult: [String]
      /// Printed text with no content (the SDGs box); claimed, never a field.
      public var formText: [String]

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
        case smartCity = "smart-city"
        case years
        case yearPlan = "year-plan"
        case yearResult = "year-result"
        case formText = "form-text"
      }
    }
  }
}
