/// A Japanese era (元号) with its exact first day and, if it has ended, its last year.
public struct Era: Sendable, Hashable {
  /// The full name: 令和.
  public let name: String
  /// The one-kanji abbreviation: 令.
  public let kanji: Unicode.Scalar
  /// The letter: R.
  public let letter: Unicode.Scalar
  /// The first day, Gregorian.
  public let start: (year: Int, month: Int, day: Int)
  /// The last year of the era (平成 31), or `nil` for the current era.
  public let lastYear: Int?

  /// The scalars of the full name.
  let nameScalars: [UInt32]

  init(
    name: String, kanji: Unicode.Scalar, letter: Unicode.Scalar,
    start: (year: Int, month: Int, day: Int), lastYear: Int?
  ) {
    self.name = name
    self.kanji = kanji
    self.letter = letter
    self.start = start
    self.lastYear = lastYear
    self.nameScalars = name.unicodeScalars.map(\.value)
  }

  public static func == (lhs: Era, rhs: Era) -> Bool { lhs.name == rhs.name }
  public func hash(into hasher: inout Hasher) { hasher.combine(name) }

  /// 明治 (from 1868-10-23; dates before 明治6年 were lunisolar and are read as Gregorian),
  /// 大正, 昭和, 平成, 令和.
  public static let all: [Era] = [
    Era(name: "明治", kanji: "明", letter: "M", start: (1868, 10, 23), lastYear: 45),
    Era(name: "大正", kanji: "大", letter: "T", start: (1912, 7, 30), lastYear: 15),
    Era(name: "昭和", kanji: "昭", letter: "S", start: (1926, 12, 25), lastYear: 64),
    Era(name: "平成", kanji: "平", letter: "H", start: (1989, 1, 8), lastYear: 31),
    Era(name: "令和", kanji: "令", letter: "R", start: (2019, 5, 1), lastYear: nil),
  ]

  /// The Gregorian year of the era's year `number` (元年 is 1), counted on past the era's end.
  public func gregorianYear(_ number: Int) -> Int { start.year + number - 1 }

  /// The last day of the era, or `nil` for the current era.
  public var end: (year: Int, month: Int, day: Int)? {
    guard let index = Self.all.firstIndex(of: self), index + 1 < Self.all.count else { return nil }
    let next = Self.all[index + 1].start
    return CalendarMath.dayBefore(next)
  }
}
