/// A 全国地方公共団体コード: five digits and a check digit, kept as text so leading zeros survive.
///
/// The check digit is computed from the first five digits with the weights 6, 5, 4, 3, 2:
/// `(11 - sum % 11) % 10`. 上田市 is `202037`, 苫小牧市 is `012131`.
public struct MunicipalityCode: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The six digits, leading zero included.
  public let digits: String

  /// Creates a code from six ASCII digits whose last digit is the correct check digit.
  ///
  /// Returns `nil` for anything else: wrong length, non-digits, or a wrong check digit.
  public init?(_ text: String) {
    guard Self.validationProblem(text) == nil else { return nil }
    digits = text
  }

  public var description: String { digits }

  /// The prefecture part of the code (`20` for 長野県, `01` for 北海道).
  public var prefectureDigits: Substring { digits.prefix(2) }

  /// Why a text is not a valid code.
  public struct Problem: Hashable, Sendable {
    /// What is wrong.
    public enum Kind: Hashable, Sendable {
      /// Not six ASCII digits.
      case notSixDigits
      /// The first two digits are not a prefecture, 01 to 47.
      case prefecture
      /// The sixth digit is not the check digit of the first five.
      case checkDigit
    }

    /// What is wrong.
    public var kind: Kind
    /// What is wrong, for a person, with what was expected.
    public var message: String
  }

  /// Says why `text` is not a valid code, or returns `nil` when it is one.
  public static func validationProblem(_ text: String) -> String? {
    problem(text)?.message
  }

  /// Why `text` is not a valid code, or `nil` when it is one.
  public static func problem(_ text: String) -> Problem? {
    let scalars = Array(text.unicodeScalars)
    guard scalars.count == 6, scalars.allSatisfy({ $0.value >= 48 && $0.value <= 57 }) else {
      return Problem(
        kind: .notSixDigits, message: "a municipality code is six ASCII digits, got '\(text)'")
    }
    let values = scalars.map { Int($0.value - 48) }
    let prefecture = values[0] * 10 + values[1]
    guard (1...47).contains(prefecture) else {
      return Problem(
        kind: .prefecture,
        message: "municipality code '\(text)' starts with prefecture \(values[0])\(values[1]), "
          + "expected 01 to 47")
    }
    let expected = checkDigit(values[0..<5])
    guard values[5] == expected else {
      return Problem(
        kind: .checkDigit,
        message:
          "municipality code '\(text)' has check digit \(values[5]), expected \(expected)")
    }
    return nil
  }

  /// The check digit for the first five digits of a code.
  public static func checkDigit<C: Collection>(_ firstFive: C) -> Int where C.Element == Int {
    let weights = [6, 5, 4, 3, 2]
    var sum = 0
    for (digit, weight) in zip(firstFive, weights) { sum += digit * weight }
    return (11 - sum % 11) % 10
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    if let problem = Self.validationProblem(text) {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: problem)
    }
    digits = text
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(digits)
  }
}
