/// One 施策 of a policy evaluation, with its evaluation for the year and its indicators.
public struct Measure: Hashable, Sendable, Codable {
  /// The 7-digit 施策番号, as text (2110111).
  public var code: String
  /// The number of the 基本施策 it belongs to (`01`).
  public var basicMeasure: String
  /// The number of the 主要施策 it belongs to (`1`).
  public var majorMeasure: String
  /// What the measure does.
  public var description: String
  /// 担当部・課; several departments are possible.
  public var organizations: [Organization]
  /// 反映区分, the letter (`A`, `B`).
  public var reflection: String
  /// The label of the 反映区分, for example 趣旨に沿って措置したもの.
  public var reflectionLabel: String?
  /// The fiscal year the 具体的な取組 report on.
  public var activitiesFiscalYear: Int?
  /// 具体的な取組.
  public var activities: [ListItem]
  /// 評価指標.
  public var indicators: [Indicator]
  /// A note that stands where indicators would, such as 「検討中のため設定できません。」.
  public var indicatorNote: String?
  /// 今後の取組の方向性.
  public var direction: String?

  public init(
    code: String, basicMeasure: String, majorMeasure: String, description: String,
    organizations: [Organization] = [], reflection: String, reflectionLabel: String? = nil,
    activitiesFiscalYear: Int? = nil, activities: [ListItem] = [], indicators: [Indicator] = [],
    indicatorNote: String? = nil, direction: String? = nil
  ) {
    self.code = code
    self.basicMeasure = basicMeasure
    self.majorMeasure = majorMeasure
    self.description = description
    self.organizations = organizations
    self.reflection = reflection
    self.reflectionLabel = reflectionLabel
    self.activitiesFiscalYear = activitiesFiscalYear
    self.activities = activities
    self.indicators = indicators
    self.indicatorNote = indicatorNote
    self.direction = direction
  }
}
