/// A 主要施策 under a 基本施策, for example 1 健康づくりの推進.
public struct MajorMeasure: Hashable, Sendable, Codable {
  /// The number as written.
  public var number: String
  /// The title.
  public var title: String

  public init(number: String, title: String) {
    self.number = number
    self.title = title
  }
}
