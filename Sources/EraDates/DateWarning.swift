/// A guess or a doubt about a date, with a stable code and the original text.
public struct DateWarning: Sendable, Hashable, Codable {
  /// The stable codes.
  public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
    /// An era year past the era's end (平成34年度), read arithmetically.
    case pastEnd = "era.past-end"
    /// A date before its era began (令和元年4月1日).
    case beforeStart = "era.before-start"
    /// A date that does not exist (2月30日).
    case invalid = "date.invalid"
    /// A month or day without a year, and no fiscal year to place it in.
    case needsFiscalYear = "date.needs-fiscal-year"
  }

  public var code: Code
  public var message: String
  public var original: String

  public init(code: Code, message: String, original: String) {
    self.code = code
    self.message = message
    self.original = original
  }
}
