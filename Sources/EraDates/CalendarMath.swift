/// Gregorian arithmetic and ISO text, without Foundation.
enum CalendarMath {
  static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  static func isValid(year: Int, month: Int, day: Int) -> Bool {
    (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year)
  }

  static func dayBefore(_ date: (year: Int, month: Int, day: Int)) -> (
    year: Int, month: Int, day: Int
  ) {
    if date.day > 1 { return (date.year, date.month, date.day - 1) }
    if date.month > 1 {
      return (date.year, date.month - 1, daysIn(month: date.month - 1, year: date.year))
    }
    return (date.year - 1, 12, 31)
  }

  static func compare(
    _ a: (year: Int, month: Int, day: Int), _ b: (year: Int, month: Int, day: Int)
  ) -> Int {
    if a.year != b.year { return a.year < b.year ? -1 : 1 }
    if a.month != b.month { return a.month < b.month ? -1 : 1 }
    if a.day != b.day { return a.day < b.day ? -1 : 1 }
    return 0
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }

  static func isoYear(_ year: Int) -> String { pad(year, 4) }
  static func isoMonth(_ year: Int, _ month: Int) -> String { pad(year, 4) + "-" + pad(month, 2) }
  static func isoDate(_ year: Int, _ month: Int, _ day: Int) -> String {
    isoMonth(year, month) + "-" + pad(day, 2)
  }

  /// The calendar year of a month in fiscal year `fiscalYear` (April–March).
  static func year(ofMonth month: Int, inFiscalYear fiscalYear: Int) -> Int {
    month >= 4 ? fiscalYear : fiscalYear + 1
  }

  /// The fiscal year a day belongs to.
  static func fiscalYear(year: Int, month: Int) -> Int { month >= 4 ? year : year - 1 }
}
