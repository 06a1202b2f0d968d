import JapaneseWidth

/// Reads one quantity at a position: qualifiers before the number (約 延べ 年 月 毎月 週
/// 前年度比), the number (1,200 · 28.30 · 20, 083 · 1億1,500万 · 2千万 · 三万五千), the unit, and
/// qualifiers after it (以上 以下 未満 超 程度 前後, /月 /年).
struct QuantityReader {
  var cursor: FoldedCursor
  var warnings: [QuantityWarning] = []
  var qualifiers: [String] = []

  init(cursor: FoldedCursor) {
    self.cursor = cursor
  }

  static let prefixes: [(word: StaticString, qualifier: String)] = [
    ("前年度比", "compared-to-previous-year"), ("延べ", "cumulative"), ("毎月", "per-month"),
    ("約", "about"), ("年", "per-year"), ("月", "per-month"), ("週", "per-week"),
  ]

  static let suffixes: [(word: StaticString, qualifier: String)] = [
    ("以上", "at-least"), ("以下", "at-most"), ("未満", "less-than"), ("程度", "about"),
    ("前後", "about"), ("超", "more-than"), ("/月", "per-month"), ("/年", "per-year"),
    ("/日", "per-day"), ("/週", "per-week"),
  ]

  /// The value and the unit read at the cursor, or `nil` when there is no number here.
  mutating func readNumberAndUnit(requireUnit: Bool) -> (value: Double, unit: UnitTable.Unit?)? {
    var total = 0.0
    guard var current = readNumber() else { return nil }
    while true {
      if let unit = readUnit() { return (total + current * unit.scale, unit) }
      // PDF text often spaces the unit off its number (253 箇所): one space is read through.
      if cursor.peek() == 0x20 {
        let beforeSpace = cursor
        cursor.advance()
        if let unit = readUnit() { return (total + current * unit.scale, unit) }
        cursor = beforeSpace
      }
      if cursor.take("億") {
        total += current * 1e8
        current = readNumber() ?? 0
        continue
      }
      if cursor.take("万") {
        total += current * 1e4
        current = readNumber() ?? 0
        continue
      }
      var probe = cursor
      if probe.take("千"), probe.peek() != 0x5186 {  // 千 as a multiplier, not 千円
        cursor = probe
        current *= 1000
        continue
      }
      return requireUnit && total == 0 ? nil : (total + current, nil)
    }
  }

  /// Digits with thousands separators and a decimal part, or a kanji numeral of two or more
  /// characters.
  mutating func readNumber() -> Double? {
    guard let first = cursor.peek() else { return nil }
    if first >= 0x30 && first <= 0x39 { return readDigits() }
    var scalars: [UInt32] = []
    var probe = cursor
    while let next = probe.peek(),
      KanjiNumeral.digit(next) != nil || next == 0x5341
        || next == 0x767E  // 十 百 (千 万 億 are read by the caller, as with digits)
    {
      scalars.append(next)
      probe.advance()
    }
    guard scalars.count >= 2 || (scalars.count == 1 && isMultiplierNext(probe)),
      let value = KanjiNumeral.value(of: scalars)
    else { return nil }
    cursor = probe
    return Double(value)
  }

  private func isMultiplierNext(_ probe: FoldedCursor) -> Bool {
    guard let next = probe.peek() else { return false }
    return next == 0x4E07 || next == 0x5104 || next == 0x5343  // 万 億 千
  }

  private mutating func readDigits() -> Double? {
    let numberStart = cursor.position
    var splitSeparator = false
    var value = 0.0
    var digits = 0
    while let next = cursor.peek(), next >= 0x30, next <= 0x39 {
      value = value * 10 + Double(next - 0x30)
      digits += 1
      cursor.advance()
    }
    guard digits > 0 else { return nil }
    // Thousands groups: ",ddd", or the OCR form ", ddd".
    while cursor.peek() == 0x2C {
      var probe = cursor
      probe.advance()
      let spaced = probe.peek() == 0x20
      if spaced { probe.advance() }
      var group = 0.0
      var groupDigits = 0
      while groupDigits < 4, let next = probe.peek(), next >= 0x30, next <= 0x39 {
        group = group * 10 + Double(next - 0x30)
        groupDigits += 1
        probe.advance()
      }
      guard groupDigits == 3 else { break }
      cursor = probe
      value = value * 1000 + group
      splitSeparator = splitSeparator || spaced
    }
    if splitSeparator {
      let written = String(
        decoding: UnsafeBufferPointer(rebasing: cursor.bytes[numberStart..<cursor.position]),
        as: UTF8.self)
      warnings.append(
        QuantityWarning(
          code: .splitSeparator,
          message: "\(written): a space after the thousands separator, read as one number",
          original: written))
    }
    var probe = cursor
    if probe.take("."), let next = probe.peek(), next >= 0x30, next <= 0x39 {
      var scale = 0.1
      while let digit = probe.peek(), digit >= 0x30, digit <= 0x39 {
        value += Double(digit - 0x30) * scale
        scale /= 10
        probe.advance()
      }
      cursor = probe
      // Round away binary noise: 28.30 is 28.3, not 28.299999….
      value = (value * 1e9).rounded() / 1e9
    }
    return value
  }

  mutating func readUnit() -> UnitTable.Unit? {
    for unit in UnitTable.units where cursor.take(scalars: unit.scalars) {
      return unit
    }
    return nil
  }

  mutating func readSuffixes() {
    var found = true
    while found {
      found = false
      for (word, qualifier) in Self.suffixes where cursor.take(word) {
        qualifiers.append(qualifier)
        found = true
      }
    }
  }
}
