/// A repair made while reading a quantity, with a stable code and the original text.
public struct QuantityWarning: Sendable, Hashable, Codable {
  /// The stable codes.
  public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
    /// `20, 083`: a space after a thousands separator, read as 20,083.
    case splitSeparator = "quantity.split-separator"
    /// A unit column names a unit gyosei does not know; it is kept as written.
    case unknownUnit = "quantity.unknown-unit"
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
