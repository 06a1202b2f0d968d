/// A category of a reform program (`(1) …改革`, `ア …`), with its sub-categories.
public struct ProgramCategory: Hashable, Sendable, Codable {
  /// The number or marker as printed (`(1)`, `ア`), or the place the mapping numbered it by.
  public var number: String
  /// The title.
  public var title: String
  /// The number of items the category declares (`……20項目`).
  public var declaredItemCount: Int?
  /// How far the category's items have come, when the report says so.
  public var progress: ProgressSummary?
  /// The sub-categories.
  public var categories: [ProgramCategory]

  public init(
    number: String, title: String, declaredItemCount: Int? = nil,
    progress: ProgressSummary? = nil, categories: [ProgramCategory] = []
  ) {
    self.number = number
    self.title = title
    self.declaredItemCount = declaredItemCount
    self.progress = progress
    self.categories = categories
  }
}
