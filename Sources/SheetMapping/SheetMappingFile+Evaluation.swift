extension SheetMappingFile {
  /// How a policy evaluation (施策評価表) is laid out: its title line, the words that open its
  /// headings, and the labels of each part of a 施策's form.
  ///
  /// The hierarchy is read from headings: `第1 …` opens a goal, `1 …` a policy (in the contents
  /// at the top) or a 主要施策 (inside a 基本施策), `基本施策01 …` a 基本施策.
  public struct EvaluationSpec: Sendable, Hashable, Codable {
    /// The form's name (`施策評価表`): the title line, repeated at the top of each page.
    public var title: String
    /// The word before a goal's number (`第`).
    public var goalPrefix: String
    /// The word before a 基本施策's number (`基本施策`).
    public var basicMeasurePrefix: String
    /// Endings that make a word of the 担当部・課 cell a department (`部`); other words are its
    /// sections.
    public var departmentSuffixes: [String]
    /// The labels of the form.
    public var labels: Labels

    enum CodingKeys: String, CodingKey {
      case title
      case goalPrefix = "goal-prefix"
      case basicMeasurePrefix = "basic-measure-prefix"
      case departmentSuffixes = "department-suffixes"
      case labels
    }

    /// Each label with its variants.
    public struct Labels: Sendable, Hashable, Codable {
      /// 現況と課題: the paragraphs after it.
      public var situation: [String]
      /// 基本目標: the paragraphs after it.
      public var basicGoal: [String]
      /// 関連する個別計画: one plan per line after it.
      public var relatedPlans: [String]
      /// 主要施策: the numbered headings after it.
      public var majorMeasures: [String]
      /// 施策番号: starts a 施策; the cell after it is the description, the line below the number.
      public var measure: [String]
      /// 担当部・課.
      public var organizations: [String]
      /// 反映区分: a letter and its label in brackets.
      public var reflection: [String]
      /// 具体的な取組, with the fiscal year it reports on in brackets.
      public var activities: [String]
      /// 評価指標: the header of the indicator table.
      public var indicators: [String]
      /// The indicator table's name column.
      public var indicatorName: [String]
      /// The indicator table's unit column; the columns after it are fiscal years.
      public var indicatorUnit: [String]
      /// 今後の取組の方向性.
      public var direction: [String]
      /// Printed text with no content (the SDGs box's captions); claimed, never a field.
      public var formText: [String]

      enum CodingKeys: String, CodingKey {
        case situation
        case basicGoal = "basic-goal"
        case relatedPlans = "related-plans"
        case majorMeasures = "major-measures"
        case measure
        case organizations
        case reflection
        case activities
        case indicators
        case indicatorName = "indicator-name"
        case indicatorUnit = "indicator-unit"
        case direction
        case formText = "form-text"
      }
    }
  }
}
