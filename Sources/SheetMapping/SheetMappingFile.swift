import GyoseiModel

/// One mapping file of `Mappings/`: how to recognize a sheet layout and which of its labels and
/// column headers feed which canonical fields.
///
/// Labels are matched after width folding with all spaces removed, so `総合計画における 位置付け`
/// matches `総合計画における位置付け`; a header cell also matches when the label is followed by
/// an explanation in brackets (`期間・期限（いつ・いつまでに）`).
public struct SheetMappingFile: Sendable, Hashable, Codable {
  /// The mapping's id, recorded as `source.mapping` and chosen by `--mapping`.
  public var id: String
  /// The document family this layout is read into.
  public var family: DocumentFamily
  /// What the layout is, for people.
  public var description: String?
  /// The municipality that publishes sheets in this layout.
  public var municipality: MunicipalitySpec
  /// Labels that must all occur for a file to be recognized as this layout.
  public var recognize: [String]
  /// Objective sheets: how sheets are delimited.
  public var sheet: SheetSpec
  /// Objective sheets: row and inline labels of a sheet's header part, in the order they appear
  /// on the form.
  public var fields: [FieldSpec]
  /// Objective sheets: the table of action items.
  public var actions: ActionTableSpec
  /// Objective sheets: lines that are objectives or headings of a list of objectives.
  public var lines: [LineRule<ObjectiveLineRole>]
  /// Objective sheets: a table with one objective per row.
  public var records: RecordsSpec?
  /// Policy evaluations: the labels and headings of the form.
  public var evaluation: EvaluationSpec?
  /// Reform action programs: the labels of the contents and of the item pages.
  public var program: ProgramSpec?
  /// Indicator tables: the title line and the column headers.
  public var indicatorTable: IndicatorTableSpec?
  /// Project evaluations: the table of projects, one per row.
  public var projectTable: ProjectTableSpec?

  enum CodingKeys: String, CodingKey {
    case id, family, description, municipality, recognize, sheet, fields, actions, lines, records
    case evaluation, program
    case indicatorTable = "indicator-table"
    case projectTable = "project-table"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    family = try container.decode(DocumentFamily.self, forKey: .family)
    description = try container.decodeIfPresent(String.self, forKey: .description)
    municipality = try container.decode(MunicipalitySpec.self, forKey: .municipality)
    recognize = try container.decode([String].self, forKey: .recognize)
    sheet = try container.decodeIfPresent(SheetSpec.self, forKey: .sheet) ?? SheetSpec()
    fields = try container.decodeIfPresent([FieldSpec].self, forKey: .fields) ?? []
    actions =
      try container.decodeIfPresent(ActionTableSpec.self, forKey: .actions)
      ?? ActionTableSpec(columns: [])
    lines = try container.decodeIfPresent([LineRule<ObjectiveLineRole>].self, forKey: .lines) ?? []
    records = try container.decodeIfPresent(RecordsSpec.self, forKey: .records)
    evaluation = try container.decodeIfPresent(EvaluationSpec.self, forKey: .evaluation)
    program = try container.decodeIfPresent(ProgramSpec.self, forKey: .program)
    indicatorTable = try container.decodeIfPresent(
      IndicatorTableSpec.self, forKey: .indicatorTable)
    projectTable = try container.decodeIfPresent(ProjectTableSpec.self, forKey: .projectTable)
  }

  /// The municipality part of a mapping.
  public struct MunicipalitySpec: Sendable, Hashable, Codable {
    public var name: String
    public var prefecture: String?
    public var code: MunicipalityCode
  }

  /// Where sheets start and what names them.
  public struct SheetSpec: Sendable, Hashable, Codable {
    /// The words of a sheet's title line after its fiscal year (`重点目標管理シート` in
    /// `令和7年度 重点目標管理シート`).
    public var title: String?
    /// A pattern for the title line, with a `year` capture (its fiscal year) and optionally a
    /// `title` capture (the document's title; else the whole line).
    public var titleLine: LinePattern?
    /// The words of the table-of-contents heading after its fiscal year (`重点目標`), if the file
    /// opens with one; its entries are checked against the sheets.
    public var contents: String?
    /// A pattern for an entry of the contents, with `number` and `title` captures.
    public var contentsEntry: LinePattern?
    /// Where the fiscal year is found when no title line names it.
    public var fiscalYear: FiscalYearSource?

    init() {}

    enum CodingKeys: String, CodingKey {
      case title
      case titleLine = "title-line"
      case contents
      case contentsEntry = "contents-entry"
      case fiscalYear = "fiscal-year"
    }
  }

  /// What a line of a list of objectives is.
  public enum ObjectiveLineRole: String, LineRole {
    /// One objective: captures `title`, and `number` or `priority` where the list has them.
    case objective
    /// A heading naming the department (`department`) and/or section (`section`) of the
    /// objectives after it.
    case department

    public var requiredCaptures: Set<String> {
      switch self {
      case .objective: return ["title"]
      case .department: return []
      }
    }
  }

  /// A table with one objective per row, its columns found by their headers.
  public struct RecordsSpec: Sendable, Hashable, Codable {
    public var columns: [RecordColumnSpec<RecordField>]
  }

  /// What a column of an objectives table holds.
  public enum RecordField: String, Sendable, Hashable, Codable, CaseIterable {
    case number
    case priority
    /// The objective's title.
    case objective
    case department
    case section
    case situation
    case purpose
    case targets
    case finalReport = "final-report"
  }

  /// Which canonical field a label feeds.
  public enum FieldRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// The objective's title; its label starts a new sheet.
    case objective
    case department
    case priority
    /// A position in one of the city's plans (`plan` names the plan).
    case planPosition = "plan-position"
    case situation
    case purpose
    /// Printed form text with no content of its own (prompts such as `特記事項`); anything
    /// written after it is kept as unmapped.
    case formText = "form-text"
    /// A printed prompt of the notes box (特記事項); what is written after it, in its own cell or
    /// the cells after it, is a remark under that prompt.
    case remark
  }

  /// A label (with its variants) and the field it feeds.
  public struct FieldSpec: Sendable, Hashable, Codable {
    public var field: FieldRole
    public var labels: [String]
    /// The plan's canonical name, for `plan-position` fields.
    public var plan: String?
    /// For `priority`: a pattern the value cell matches, with a `value` capture (default: the
    /// leading number).
    public var value: LinePattern?
  }

  /// The action table's columns, found by their header text.
  public struct ActionTableSpec: Sendable, Hashable, Codable {
    public var columns: [ColumnSpec]
    /// How an action row's number starts its first cell.
    ///
    /// A pattern matched at the cell's start, with a `marker` capture (① (1) ア 1.). Default: a
    /// circled number.
    public var number: LinePattern?

    init(columns: [ColumnSpec]) {
      self.columns = columns
    }
  }

  /// Which part of an action a column holds.
  public enum ColumnRole: String, Sendable, Hashable, Codable, CaseIterable {
    case title
    case schedule
    case targets
    case midTermReport = "mid-term-report"
    case finalReport = "final-report"
  }

  /// A column header (with its variants) and the part of an action it holds.
  public struct ColumnSpec: Sendable, Hashable, Codable {
    public var field: ColumnRole
    public var labels: [String]
  }

  /// An indicator table: a header row naming the 施策番号 and 指標名 columns (and 単位, where it
  /// has one), then the indicators in any orientation `IndicatorRows` reads: fiscal-year columns
  /// (any header EraDates reads as one fiscal year, or H23, R2 without 年度) or a 年度 column;
  /// a row per indicator or per kind of value; a 基準値 and a direction column.
  public struct IndicatorTableSpec: Sendable, Hashable, Codable {
    /// Words of the line above the header that names the table and its fiscal year.
    public var title: String?
    /// The labels of the named columns.
    public var columns: Columns
    /// The measure code a row must have (`^[0-9]{7}$`); any non-empty text when absent.
    public var code: LinePattern?
    /// The baseline, direction and 年度 columns and the kinds of values, as in a policy
    /// evaluation's `indicator-table`.
    public var values: IndicatorTableColumns?

    public struct Columns: Sendable, Hashable, Codable {
      public var measure: [String]
      public var name: [String]
      public var unit: [String]

      public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        measure = try container.decodeIfPresent([String].self, forKey: .measure) ?? []
        name = try container.decodeIfPresent([String].self, forKey: .name) ?? []
        unit = try container.decodeIfPresent([String].self, forKey: .unit) ?? []
      }

      enum CodingKeys: String, CodingKey {
        case measure, name, unit
      }
    }

    enum CodingKeys: String, CodingKey {
      case title, columns, code
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      title = try container.decodeIfPresent(String.self, forKey: .title)
      columns = try container.decode(Columns.self, forKey: .columns)
      code = try container.decodeIfPresent(LinePattern.self, forKey: .code)
      values = try IndicatorTableColumns(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encodeIfPresent(title, forKey: .title)
      try container.encode(columns, forKey: .columns)
      try container.encodeIfPresent(code, forKey: .code)
      try values?.encode(to: encoder)
    }
  }
}
