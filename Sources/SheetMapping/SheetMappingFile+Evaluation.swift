import GyoseiModel

extension SheetMappingFile {
  /// How a policy evaluation is laid out: its title line, the headings of its hierarchy, the
  /// code of a measure, and the labels of each part of a measure's form.
  ///
  /// Every level of the hierarchy is optional and found by a heading pattern; a measure starts
  /// at its label (`施策番号`) or at a heading of level `measure`.
  public struct EvaluationSpec: Sendable, Hashable, Codable {
    /// The form's name (`施策評価表`): a line of its own, the title and the page headers.
    public var title: String?
    /// The line that names the plan and the fiscal year (`第6次基本計画 (令和2年度実施状況)`):
    /// a `year` capture, and a `plan` capture that opens the document's title.
    public var titleLine: LinePattern?
    /// Where the fiscal year is found when no title line names it.
    public var fiscalYear: FiscalYearSource?
    /// The headings of the hierarchy, each a level and a pattern.
    public var headings: [HeadingRule]
    /// The code of a measure, matched against the whole cell.
    ///
    /// Named captures of the levels (`goal`, `policy`, `basic`, `major`, `sequence`) say what
    /// the code's parts mean, and are checked against the headings the measure stands under.
    public var code: LinePattern?
    /// Where a measure's code is, relative to the measure label: `below` (the line after it) or
    /// `right` (the cell after it).
    public var codePlace: CodePlace
    /// The reflection cell (反映区分 `A (拡充)`): a `value` capture and an optional `label`.
    public var reflection: LinePattern?
    /// The grade cell (`Bb`): a `grade` capture; the cells after it are the grade's text.
    public var grade: LinePattern?
    /// Endings that make a word of the organization cell a department (`部`); other words are
    /// its sections.
    public var departmentSuffixes: [String]
    /// The labels of the form.
    public var labels: Labels
    /// The indicator table's further columns and row kinds, where it has them.
    public var indicatorTable: IndicatorTableColumns?

    enum CodingKeys: String, CodingKey {
      case title
      case titleLine = "title-line"
      case fiscalYear = "fiscal-year"
      case headings
      case code
      case codePlace = "code-place"
      case reflection
      case grade
      case departmentSuffixes = "department-suffixes"
      case labels
      case indicatorTable = "indicator-table"
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      title = try container.decodeIfPresent(String.self, forKey: .title)
      titleLine = try container.decodeIfPresent(LinePattern.self, forKey: .titleLine)
      fiscalYear = try container.decodeIfPresent(FiscalYearSource.self, forKey: .fiscalYear)
      headings = try container.decodeIfPresent([HeadingRule].self, forKey: .headings) ?? []
      code = try container.decodeIfPresent(LinePattern.self, forKey: .code)
      codePlace = try container.decodeIfPresent(CodePlace.self, forKey: .codePlace) ?? .below
      reflection = try container.decodeIfPresent(LinePattern.self, forKey: .reflection)
      grade = try container.decodeIfPresent(LinePattern.self, forKey: .grade)
      departmentSuffixes =
        try container.decodeIfPresent([String].self, forKey: .departmentSuffixes) ?? []
      labels = try container.decodeIfPresent(Labels.self, forKey: .labels) ?? Labels()
      indicatorTable = try container.decodeIfPresent(
        IndicatorTableColumns.self, forKey: .indicatorTable)
    }

    /// Where a measure's code stands.
    public enum CodePlace: String, Sendable, Hashable, Codable, CaseIterable {
      case below
      case right
    }

    /// A heading of the hierarchy: its level, its pattern, and where in the file it counts.
    public struct HeadingRule: Sendable, Hashable, Codable {
      public var level: HeadingLevel
      public var pattern: LinePattern
      /// `contents` (only before the first section opens), `body` (only after), or anywhere.
      public var scope: HeadingScope?

      enum CodingKeys: String, CodingKey {
        case level, pattern
        case scope = "in"
      }
    }

    /// A level of a policy evaluation's hierarchy.
    public enum HeadingLevel: String, Sendable, Hashable, Codable, CaseIterable {
      /// 基本目標 (`number`, `title`).
      case goal
      /// 政策 (`number`, `title`).
      case policy
      /// 基本施策 (`number`, `title`): listed in the contents, then opening its own section.
      case basicMeasure = "basic-measure"
      /// 主要施策 (`number`, `title`), inside a 基本施策's section.
      case majorMeasure = "major-measure"
      /// An evaluated measure itself (`code`, `title`), where a heading opens its form.
      case measure

      var requiredCaptures: [String] {
        self == .measure ? ["code"] : ["number", "title"]
      }
    }

    /// Where a heading counts.
    public enum HeadingScope: String, Sendable, Hashable, Codable, CaseIterable {
      case contents
      case body
    }

    /// Each label with its variants; a part the form does not have is left out.
    public struct Labels: Sendable, Hashable, Codable {
      /// 現況と課題: the paragraphs after it.
      public var situation: [String] = []
      /// 基本目標: the paragraphs after it.
      public var basicGoal: [String] = []
      /// 関連する個別計画: one plan per line after it.
      public var relatedPlans: [String] = []
      /// 主要施策: the numbered headings after it.
      public var majorMeasures: [String] = []
      /// 施策番号: starts a measure; the cell after it is the description, the code is where
      /// `code-place` says.
      public var measure: [String] = []
      /// The description of a measure, on the lines after the label (施策の目的).
      public var description: [String] = []
      /// 担当部・課, 主管課 (the value in the cells after it, or after a colon in its cell).
      public var organizations: [String] = []
      /// 反映区分.
      public var reflection: [String] = []
      /// The grade of the evaluation, on the line after the label (基本施策の評価).
      public var grade: [String] = []
      /// 具体的な取組, with the fiscal year it reports on in brackets.
      public var activities: [String] = []
      /// Parts of a measure (個別施策): rows of a code and a title after the label.
      public var subMeasures: [String] = []
      /// 評価指標: the indicator table (its header in the same row, or the row after).
      public var indicators: [String] = []
      /// The indicator table's name column.
      public var indicatorName: [String] = []
      /// The indicator table's unit column.
      public var indicatorUnit: [String] = []
      /// 今後の取組の方向性.
      public var direction: [String] = []
      /// Sections of the evaluation under printed headings (評価結果の妥当性): each label is a
      /// remark's prompt, the lines after it its items.
      public var remarks: [String] = []
      /// Printed text with no content (the SDGs box's captions); claimed, never a field.
      public var formText: [String] = []

      init() {}

      enum CodingKeys: String, CodingKey {
        case situation
        case basicGoal = "basic-goal"
        case relatedPlans = "related-plans"
        case majorMeasures = "major-measures"
        case measure
        case description
        case organizations
        case reflection
        case grade
        case activities
        case subMeasures = "sub-measures"
        case indicators
        case indicatorName = "indicator-name"
        case indicatorUnit = "indicator-unit"
        case direction
        case remarks
        case formText = "form-text"
      }

      public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func list(_ key: CodingKeys) throws -> [String] {
          try container.decodeIfPresent([String].self, forKey: key) ?? []
        }
        situation = try list(.situation)
        basicGoal = try list(.basicGoal)
        relatedPlans = try list(.relatedPlans)
        majorMeasures = try list(.majorMeasures)
        measure = try list(.measure)
        description = try list(.description)
        organizations = try list(.organizations)
        reflection = try list(.reflection)
        grade = try list(.grade)
        activities = try list(.activities)
        subMeasures = try list(.subMeasures)
        indicators = try list(.indicators)
        indicatorName = try list(.indicatorName)
        indicatorUnit = try list(.indicatorUnit)
        direction = try list(.direction)
        remarks = try list(.remarks)
        formText = try list(.formText)
      }
    }

    var problem: String? {
      for (index, heading) in headings.enumerated() {
        for capture in heading.level.requiredCaptures where !heading.pattern.declares(capture) {
          return "evaluation.headings[\(index)]: a \(heading.level.rawValue) heading's pattern "
            + "needs a capture (?<\(capture)>…)"
        }
      }
      if let pattern = titleLine, !pattern.declares("year"), fiscalYear == nil {
        return "evaluation.title-line: the pattern needs a capture (?<year>…), or give "
          + "evaluation.fiscal-year"
      }
      if titleLine == nil && fiscalYear == nil {
        return "evaluation: give the title-line that names the fiscal year, or fiscal-year"
      }
      if let problem = fiscalYear?.problem { return "evaluation.fiscal-year: \(problem)" }
      if !labels.measure.isEmpty && code == nil {
        return "evaluation.code: a pattern for the measure's code is needed with labels.measure"
      }
      if labels.measure.isEmpty && !headings.contains(where: { $0.level == .measure }) {
        return "evaluation: a measure starts at labels.measure or at a heading of level measure"
      }
      if let reflection, !reflection.declares("value") {
        return "evaluation.reflection: the pattern needs a capture (?<value>…)"
      }
      if let grade, !grade.declares("grade") {
        return "evaluation.grade: the pattern needs a capture (?<grade>…)"
      }
      if !labels.indicators.isEmpty && labels.indicatorName.isEmpty {
        return "evaluation.labels.indicator-name: the indicator table's name column is needed"
      }
      return nil
    }
  }

  /// An indicator table's columns beyond name, unit and years, and the kinds of its rows.
  ///
  /// ```yaml
  /// indicator-table:
  ///   baseline: [基準値]         # the baseline value with its period: 36.8% (21 年度)
  ///   direction: [区分]          # a column of direction marks
  ///   kinds:                     # a cell of a row that says what its values are
  ///     target: [目標値]
  ///     actual: [実績値]
  ///     rate: [達成率]
  ///   directions: {up: [⇧, 上昇], down: [⇩, 下降]}
  /// ```
  public struct IndicatorTableColumns: Sendable, Hashable, Codable {
    public var baseline: [String] = []
    public var direction: [String] = []
    /// Years down: the column of fiscal years (年度); the values stand under the kind columns.
    public var year: [String] = []
    public var kinds: [String: [String]] = [:]
    public var directions: [String: [String]] = [:]

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      baseline = try container.decodeIfPresent([String].self, forKey: .baseline) ?? []
      year = try container.decodeIfPresent([String].self, forKey: .year) ?? []
      direction = try container.decodeIfPresent([String].self, forKey: .direction) ?? []
      kinds = try container.decodeIfPresent([String: [String]].self, forKey: .kinds) ?? [:]
      directions =
        try container.decodeIfPresent([String: [String]].self, forKey: .directions) ?? [:]
    }

    enum CodingKeys: String, CodingKey {
      case baseline, direction, year, kinds, directions
    }

    var problem: String? {
      if !year.isEmpty && kinds.isEmpty {
        return "year: a table whose years run down needs kinds, the columns of its values "
          + "(actual: [実績値])"
      }
      for kind in kinds.keys.sorted() where Observation.Kind(rawValue: kind) == nil {
        return "kinds: '\(kind)' is not a kind of value; the kinds are "
          + Observation.Kind.allCases.map(\.rawValue).joined(separator: ", ")
      }
      for direction in directions.keys.sorted()
      where Indicator.Direction(rawValue: direction) == nil {
        return "directions: '\(direction)' is not a direction; use up or down"
      }
      return nil
    }
  }
}
