/// An evaluated measure of a policy evaluation (a 施策, a 基本施策), or a part of
/// one (個別施策, with `parent`).
public struct Measure: Hashable, Sendable, Codable {
  /// The code as printed (2110111, E1, E1-1): any text the sheet uses.
  public var code: String
  /// The mapping whose code pattern read the code (and can tell what its digits mean).
  public var codeScheme: String?
  /// The title, when the sheet gives the measure one apart from its description.
  public var title: String?
  /// The code of the measure this one is a part of.
  public var parent: String?
  /// The number of the 基本施策 it belongs to, when the sheet has that level.
  public var basicMeasure: String?
  /// The number of the 主要施策 it belongs to, when the sheet has that level.
  public var majorMeasure: String?
  /// What the measure is (the text beside 施策番号; 施策の目的).
  public var description: String?
  /// The departments and sections in charge.
  public var organizations: [Organization]
  /// 反映区分: how the evaluation is reflected (a letter such as A).
  public var reflection: String?
  /// The label the sheet gives the reflection (拡充).
  public var reflectionLabel: String?
  /// The grade of the evaluation, with its text (Bb 目標をほぼ達成しており…).
  public var grade: Grade?
  /// The fiscal year the activities are of.
  public var activitiesFiscalYear: Int?
  /// 具体的な取組: the activities of the year.
  public var activities: [ListItem]
  /// The indicators.
  public var indicators: [Indicator]
  /// What the sheet says where indicators would be (検討中のため設定できません。).
  public var indicatorNote: String?
  /// 今後の取組の方向性.
  public var direction: String?
  /// Sections of the evaluation under their printed headings (評価結果の妥当性, 意見).
  public var remarks: [Remark]?

  public init(
    code: String, codeScheme: String? = nil, title: String? = nil, parent: String? = nil,
    basicMeasure: String? = nil, majorMeasure: String? = nil, description: String? = nil,
    organizations: [Organization] = [], reflection: String? = nil,
    reflectionLabel: String? = nil, grade: Grade? = nil, activitiesFiscalYear: Int? = nil,
    activities: [ListItem] = [], indicators: [Indicator] = [], indicatorNote: String? = nil,
    direction: String? = nil, remarks: [Remark]? = nil
  ) {
    self.code = code
    self.codeScheme = codeScheme
    self.title = title
    self.parent = parent
    self.basicMeasure = basicMeasure
    self.majorMeasure = majorMeasure
    self.description = description
    self.organizations = organizations
    self.reflection = reflection
    self.reflectionLabel = reflectionLabel
    self.grade = grade
    self.activitiesFiscalYear = activitiesFiscalYear
    self.activities = activities
    self.indicators = indicators
    self.indicatorNote = indicatorNote
    self.direction = direction
    self.remarks = remarks
  }
}
