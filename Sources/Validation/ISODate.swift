/// The ISO 8601 forms canonical periods use: `2025-02-28`, `2025-02`, `2025`, `FY2025`, and
/// ranges of them joined by `..`.
enum ISODate {
  /// Why a value is not a real date, in English and in Japanese; `nil` when it is one.
  static func problem(_ value: String) -> (english: String, japanese: String)? {
    let parts = value.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
    if parts.count > 2 {
      return ("'\(value)' is not an ISO date or range", "「\(value)」はISO形式の日付・期間ではありません")
    }
    for part in parts {
      if let problem = problem(ofSingle: part, in: value) { return problem }
    }
    if parts.count == 2, isAfter(parts[0], parts[1]) {
      return (
        "'\(value)' starts after it ends", "「\(value)」は開始が終了より後です"
      )
    }
    return nil
  }

  /// `lhs` begins after `rhs` ends, comparing their common precision (`2025-03` is not after
  /// `2025-03-31`).
  static func isAfter(_ lhs: String, _ rhs: String) -> Bool {
    let left = lhs.hasPrefix("FY") ? String(lhs.dropFirst(2)) : lhs
    let right = rhs.hasPrefix("FY") ? String(rhs.dropFirst(2)) : rhs
    let length = min(left.count, right.count)
    return left.prefix(length) > right.prefix(length)
  }

  private static func problem(ofSingle value: String, in whole: String) -> (
    english: String, japanese: String
  )? {
    let notISO = (
      "'\(whole)' is not an ISO date (YYYY-MM-DD, YYYY-MM, YYYY or FYYYYY)",
      "「\(whole)」はISO形式の日付（YYYY-MM-DD、YYYY-MM、YYYY、FYYYYY）ではありません"
    )
    let body = value.hasPrefix("FY") ? value.dropFirst(2) : Substring(value)
    let fields = body.split(separator: "-", omittingEmptySubsequences: false)
    let lengths = fields.map(\.count)
    guard [[4], [4, 2], [4, 2, 2]].contains(lengths),
      !value.hasPrefix("FY") || lengths == [4],
      fields.allSatisfy({ $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } })
    else { return notISO }
    let numbers = fields.compactMap { Int($0) }
    if numbers.count >= 2, !(1...12).contains(numbers[1]) {
      return ("'\(value)' has no month \(numbers[1])", "「\(value)」の月 \(numbers[1]) は存在しません")
    }
    if numbers.count == 3 {
      let days = daysInMonth(year: numbers[0], month: numbers[1])
      if !(1...days).contains(numbers[2]) {
        return (
          "'\(value)' does not exist: \(numbers[1])月 has \(days) days",
          "「\(value)」は実在しません（\(numbers[1])月は\(days)日まで）"
        )
      }
    }
    return nil
  }

  private static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
