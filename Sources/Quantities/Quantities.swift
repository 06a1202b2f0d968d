import JapaneseWidth

/// Finds the quantities of administrative text and reads indicator cells.
///
/// Numbers with thousands separators (1,200; １，２００; the OCR form `20, 083`), decimals, kanji
/// numerals (三万五千, 十二) and 億/万/千 scaling (1億1,500万円 = 115,000,000 yen; 9,650千円 =
/// 9,650,000 yen); units as codes (円 千円 万円 → JPY, % → percent, 人 名 → person, 回 → times,
/// か所 → place …); qualifiers (以上, 延べ, 年3回, 1回/月, 前年度比); ratios (3割 = 30 per cent).
/// A cell that is not a number (維持, -, 検討中のため設定できません) stays text: its value is
/// `nil`, never zero.
public enum Quantities {
  /// Every quantity in a sentence, in order, with its byte offset.
  ///
  /// Only numbers with a unit (or a 万/億 scale) count: dates, list markers (1), ordinals
  /// (第1子), era years (R1) and bare numbers are left alone.
  public static func extract(_ text: String) -> [QuantityFinding] {
    var text = text
    text.makeContiguousUTF8()
    return text.utf8.withContiguousStorageIfAvailable { extract(utf8: $0) } ?? []
  }

  /// Reads a whole cell (an indicator value, a target) as one quantity.
  ///
  /// - Parameter unit: the text of a separate 単位 column, used when the cell has no unit.
  public static func parse(_ cell: String, unit unitColumn: String? = nil) -> QuantityFinding {
    let trimmed = JapaneseWidth.trimmed(cell)
    var finding = QuantityFinding(raw: trimmed, length: trimmed.utf8.count)
    var text = trimmed
    text.makeContiguousUTF8()
    text.utf8.withContiguousStorageIfAvailable { bytes in
      var reader = QuantityReader(cursor: FoldedCursor(bytes: bytes, position: 0))
      for (word, qualifier) in QuantityReader.prefixes where reader.cursor.take(word) {
        reader.qualifiers.append(qualifier)
      }
      if reader.cursor.take("複数回") {
        // 年複数回: several times a year, no number.
        reader.qualifiers.append("several")
        reader.readSuffixes()
        guard reader.cursor.position == bytes.count else { return }
        let times = UnitTable.units.first { $0.text == "回" }
        finding.unit = times?.code
        finding.unitText = times?.text
        finding.qualifiers = reader.qualifiers
        return
      }
      guard let (value, unit) = reader.readNumberAndUnit(requireUnit: false) else { return }
      reader.readSuffixes()
      guard reader.cursor.position == bytes.count else { return }
      finding.value = value.isFinite ? value : nil
      finding.unit = unit?.code
      finding.unitText = unit?.text
      finding.qualifiers = reader.qualifiers
      finding.warnings = reader.warnings
      if !value.isFinite { finding.warnings.append(.outOfRange(trimmed)) }
    }
    if finding.unit == nil, let unitColumn = unitColumn.map(JapaneseWidth.trimmed),
      !unitColumn.isEmpty
    {
      finding.unitText = unitColumn
      if let unit = UnitTable.unit(named: unitColumn) {
        finding.unit = unit.code
        if let value = finding.value { finding.value = value * unit.scale }
      } else {
        finding.warnings.append(
          QuantityWarning(
            code: .unknownUnit, message: "the unit '\(unitColumn)' is not one gyosei knows",
            original: unitColumn))
      }
    }
    return finding
  }

  /// Every quantity in UTF-8 bytes, in order.
  public static func extract(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [QuantityFinding] {
    var results: [QuantityFinding] = []
    // Triggers outside ASCII: full-width digits (EF), kanji numerals and 複 (E4 E5 E7 E8).
    FoldedCursor.scan(
      bytes, decodesLead: { $0 == 0xEF || $0 == 0xE4 || $0 == 0xE5 || $0 == 0xE7 || $0 == 0xE8 }
    ) { index, scalar, _ in
      guard isTrigger(scalar) else { return nil }
      let previous = index > 0 ? FoldedCursor.previousScalar(bytes, before: index) : nil
      guard let finding = read(at: index, previous: previous, bytes: bytes) else { return nil }
      results.append(finding)
      return finding.offset + finding.length
    }
    return results
  }

  @inline(__always)
  static func isTrigger(_ scalar: UInt32) -> Bool {
    (scalar >= 0x30 && scalar <= 0x39) || scalar == 0x8907  // 複
      || KanjiNumeral.digit(scalar) != nil || scalar == 0x5341  // 十
  }

  private static func read(
    at index: Int, previous: UInt32?, bytes: UnsafeBufferPointer<UInt8>
  ) -> QuantityFinding? {
    if let previous {
      let isDigit = previous >= 0x30 && previous <= 0x39
      let isLetter = (previous | 0x20) >= 0x61 && (previous | 0x20) <= 0x7A
      // Inside a number, after an era letter (R1) or 第 (an ordinal), after / (a date).
      if isDigit || isLetter || previous == 0x2E || previous == 0x2C || previous == 0x2F
        || previous == 0x7B2C || KanjiNumeral.isNumeral(previous)
      {
        return nil
      }
    }
    var reader = QuantityReader(cursor: FoldedCursor(bytes: bytes, position: index))
    var value: Double?
    var unit: UnitTable.Unit?
    if reader.cursor.take("複数回") {
      unit = UnitTable.units.first { $0.text == "回" }
      reader.qualifiers.append("several")
    } else {
      guard let (read, readUnit) = reader.readNumberAndUnit(requireUnit: true) else { return nil }
      value = read
      unit = readUnit
    }
    if unit == nil, let next = reader.cursor.peek(), next == 0x29, previous == 0x28 {
      return nil  // (1): a list marker
    }
    if reader.cursor.peek() == 0x76EE { return nil }  // 3回目, 2人目: ordinals
    if unit?.code == "day" && previous == 0x6708 { return nil }  // 8月7日 is a date
    if unit == nil, let next = reader.cursor.peek(), next == 0x5E74 || next == 0x6708 {
      return nil  // 1万年, 2千万月: not quantities
    }
    reader.readSuffixes()
    var start = index
    var prefixQualifiers: [String] = []
    for (word, qualifier) in QuantityReader.prefixes where precedes(word, at: start, in: bytes) {
      let wordStart = start - word.utf8CodeUnitCount
      if word.utf8CodeUnitCount == 3, wordStart > 0 {
        // 年 月 週 約: a qualifier only when no number stands before them (2025年3回).
        let before = FoldedCursor.previousScalar(bytes, before: wordStart)
        if (before >= 0x30 && before <= 0x39) || KanjiNumeral.isNumeral(before) { continue }
      }
      prefixQualifiers.append(qualifier)
      start = wordStart
      break
    }
    let end = reader.cursor.position
    let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    return QuantityFinding(
      raw: raw, value: value.flatMap { $0.isFinite ? $0 : nil }, unit: unit?.code,
      unitText: unit?.text, qualifiers: prefixQualifiers + reader.qualifiers, offset: start,
      length: end - start,
      warnings: reader.warnings + (value.map(\.isFinite) == false ? [.outOfRange(raw)] : []))
  }

  private static func precedes(
    _ word: StaticString, at index: Int, in bytes: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    let length = word.utf8CodeUnitCount
    guard index >= length else { return false }
    let start = word.utf8Start
    for offset in 0..<length where bytes[index - length + offset] != start[offset] { return false }
    return true
  }
}
