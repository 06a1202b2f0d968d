/// A category of a reform action program: (1) 将来を見据えた… with sub-categories ア, イ, ….
public struct ProgramCategory: Hashable, Sendable, Codable {
  /// The marker as written after width folding: `(1)`, `ア`.
  public var number: String
  /// The title.
  public var title: String
  /// The item count the table of contents declares (……20項目, （5項目）).
  public var declaredItemCount: Int?
  /// Sub-categories.
  public var categories: [ProgramCategory]

  public init(
    number: String, title: String, declaredItemCount: Int? = nil,
    categories: [ProgramCategory] = []
  ) {
    self.number = number
    self.title = title
    self.declaredItemCount = declaredItemCount
    self.categories = categories
  }
}
