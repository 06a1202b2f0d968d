/// A repair made while reading a quantity, with a stable code and the original text.
public struct QuantityWarning: Sendable, Hashable, Codable {
  /// The stable codes.
  public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
    /// `20, 083`: a space after a thousands separator, read as 20,083.
    case splitSeparator = "quantity.split-separator"
    /// A unit column names a unit gyosei does not know; it is kept as written.
    case unknownUnit = "quantity.unknown-unit"
    /// A number too large for a double (hundreds of digits): kept as text, without a value.
    case outOfRange = "quantity.out-of-range"
  }

  public var code: Code
  public var message: String
  public var original: String

  /// The warning for a number no double holds.
  static func outOfRange(_ raw: String) -> QuantityWarning {
    let shown = raw.utf8.count > 40 ? String(raw.prefix(40)) + "…" : raw
    return QuantityWarning(
      code: .outOfRange,
      message: "\(shown): the number is too large to be a value; kept as written, without one",
      original: raw)
  }

  public init(code: Code, message: String, original: String) {
    self.code = code
    self.message = message
    self.original = original
  }
}
