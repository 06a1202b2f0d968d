/// How far a program's items have come: how many there are, how many were evaluated, and how
/// many got each grade.
public struct ProgressSummary: Hashable, Sendable, Codable {
  /// How many items there are in all.
  public var items: Int?
  /// How many items were evaluated.
  public var evaluated: Int?
  /// How many items were not evaluated (対象外・未評価).
  public var excluded: Int?
  /// How many items got each grade.
  public var grades: [GradeCount]

  public init(
    items: Int? = nil, evaluated: Int? = nil, excluded: Int? = nil, grades: [GradeCount] = []
  ) {
    self.items = items
    self.evaluated = evaluated
    self.excluded = excluded
    self.grades = grades
  }

  /// Whether the summary says nothing.
  public var isEmpty: Bool {
    items == nil && evaluated == nil && excluded == nil && grades.isEmpty
  }
}

/// How many items got one grade.
public struct GradeCount: Hashable, Sendable, Codable {
  /// The grade (S, A, B, C).
  public var grade: String
  /// What the grade means (特に良好に進捗).
  public var label: String?
  /// How many items got it.
  public var count: Int
  /// Their share as printed, in percent.
  public var percent: Double?

  public init(grade: String, label: String? = nil, count: Int, percent: Double? = nil) {
    self.grade = grade
    self.label = label
    self.count = count
    self.percent = percent
  }
}
