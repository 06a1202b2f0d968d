/// A grade an evaluation gives (Bb, A–D, S/A/B/C), with the text that explains it.
public struct Grade: Hashable, Sendable, Codable {
  /// The grade as printed.
  public var grade: String
  /// What the grade means, as the sheet says it.
  public var text: String?

  public init(grade: String, text: String? = nil) {
    self.grade = grade
    self.text = text
  }
}
