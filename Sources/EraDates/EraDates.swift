import JapaneseWidth

/// Finds and resolves the dates of administrative documents: era years (令和7年度, R2年度,
/// 令和元年, 令和二年), Gregorian years, fiscal-year ranges (令和3～5年度, R7～11年度), dates in
/// 年月日 and `.` `/` `-` forms (R02.06.23), months and days placed in the document's fiscal year
/// (8/17, 8月末, 4～9月, 10～3月), and named periods (通年, 年度末, 上半期 …).
///
/// It reads the original text through a per-scalar fold, so full-width digits need no prior
/// normalization and every finding keeps the original text and its byte offset. Every guess is a
/// warning: an era year past the era's end, a date before its era began, a day that does not
/// exist, a month with no fiscal year to place it in.
public enum EraDates {
  /// Every date form in `text`, in order.
  ///
  /// - Parameter fiscalYear: the document's fiscal year, which places months and days that
  ///   have no year (January to March fall in the next calendar year).
  public static func extract(_ text: String, fiscalYear: Int? = nil) -> [DateFinding] {
    var text = text
    text.makeContiguousUTF8()
    return text.utf8.withContiguousStorageIfAvailable {
      extract(utf8: $0, fiscalYear: fiscalYear)
    } ?? []
  }

  /// The whole of `text` (trimmed) read as one date form, or `nil` when it is not exactly one.
  public static func parse(_ text: String, fiscalYear: Int? = nil) -> DateFinding? {
    let trimmed = JapaneseWidth.trimmed(text)
    let found = extract(trimmed, fiscalYear: fiscalYear)
    guard found.count == 1, let only = found.first, only.offset == 0,
      only.length == trimmed.utf8.count
    else { return nil }
    return only
  }

  /// Every date form in UTF-8 bytes, in order.
  public static func extract(
    utf8 bytes: UnsafeBufferPointer<UInt8>, fiscalYear: Int? = nil
  ) -> [DateFinding] {
    var results: [DateFinding] = []
    // Triggers outside ASCII have the three-byte leads E4 E5 E6 (kanji), E9 (通 随) and EF
    // (full-width digits and letters).
    FoldedCursor.scan(
      bytes, decodesLead: { $0 == 0xE4 || $0 == 0xE5 || $0 == 0xE6 || $0 == 0xE9 || $0 == 0xEF }
    ) { index, scalar, _ in
      let previous = index > 0 ? FoldedCursor.previousScalar(bytes, before: index) : nil
      guard isTrigger(scalar, previous: previous) else { return nil }
      var grammar = DateGrammar(
        cursor: FoldedCursor(bytes: bytes, position: index), fiscalYear: fiscalYear)
      guard var finding = grammar.read(previous: previous), grammar.cursor.position > index else {
        return nil
      }
      let end = grammar.cursor.position
      let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
      finding.raw = raw
      finding.offset = index
      finding.length = end - index
      for warning in finding.warnings.indices { finding.warnings[warning].original = raw }
      results.append(finding)
      return end
    }
    return results
  }

  /// Whether a date form may start at this scalar.
  @inline(__always)
  static func isTrigger(_ scalar: UInt32, previous: UInt32?) -> Bool {
    switch scalar {
    case 0x30...0x39:
      guard let previous else { return true }
      return !(previous >= 0x30 && previous <= 0x39) && previous != 0x2E && previous != 0x2C
    case 0x52, 0x48, 0x53, 0x54, 0x4D:  // R H S T M
      return true
    case 0x4EE4, 0x5E73, 0x662D, 0x5927, 0x660E:  // 令 平 昭 大 明
      return true
    case 0x5E74, 0x4ECA, 0x901A, 0x968F, 0x4E0A, 0x4E0B, 0x6BCE:  // 年 今 通 随 上 下 毎
      return true
    case 0x4E00, 0x4E8C:  // 一 二 (一九八九年, 二〇二五年)
      return true
    default:
      return false
    }
  }
}
