import JapaneseWidth

/// The forms of dates in administrative documents, read at one position of the text.
///
/// Every form resolves to a `DateFinding` whose `raw`, `offset` and `length` the caller fills.
struct DateGrammar {
  var cursor: FoldedCursor
  let fiscalYear: Int?
  var warnings: [DateWarning] = []

  init(cursor: FoldedCursor, fiscalYear: Int?) {
    self.cursor = cursor
    self.fiscalYear = fiscalYear
  }

  /// Reads one date form at the cursor, or returns `nil` (the cursor is then meaningless).
  mutating func read(previous: UInt32?) -> DateFinding? {
    guard let first = cursor.peek() else { return nil }
    if first >= 0x30 && first <= 0x39 {
      if let year = readGregorianYear() { return readAfterYear(era: nil, number: year, year: year) }
      if let previous, previous >= 0x30 && previous <= 0x39 { return nil }
      return readMonthForms()
    }
    if Self.namedFirstScalars.contains(first), let named = readNamed() { return named }
    if let era = readEra(previous: previous) { return readEraYear(era) }
    if first == 0x4E00 || first == 0x4E8C, let year = readGregorianYear() {
      return readAfterYear(era: nil, number: year, year: year)
    }
    return nil
  }

  // MARK: Named periods

  private static let namedPeriods: [(text: String, name: String)] = [
    ("年度末まで", "until-fiscal-year-end"), ("年度末", "fiscal-year-end"),
    ("年度当初", "fiscal-year-start"), ("年度内", "within-fiscal-year"),
    ("年度中", "within-fiscal-year"), ("今年度", "this-fiscal-year"), ("通年", "throughout-year"),
    ("随時", "as-needed"), ("年内", "until-year-end"), ("上半期", "first-half"),
    ("下半期", "second-half"), ("毎月", "monthly"),
  ]

  private static let namedScalars: [(scalars: [UInt32], name: String)] = namedPeriods.map {
    ($0.text.unicodeScalars.map(\.value), $0.name)
  }

  /// The first scalars of the named periods: 年 今 通 随 上 下 毎.
  static let namedFirstScalars: Set<UInt32> = Set(namedScalars.compactMap(\.scalars.first))

  private mutating func readNamed() -> DateFinding? {
    for (scalars, name) in Self.namedScalars where cursor.take(scalars: scalars) {
      return named(name)
    }
    return nil
  }

  private func named(_ name: String) -> DateFinding {
    var finding = DateFinding(kind: .named, raw: "", name: name)
    guard let fy = fiscalYear else { return finding }
    finding.fiscalYearStart = fy
    finding.fiscalYearEnd = fy
    switch name {
    case "fiscal-year-end", "until-fiscal-year-end":
      finding.end = CalendarMath.isoDate(fy + 1, 3, 31)
      if name == "fiscal-year-end" { finding.start = finding.end }
      finding.iso = finding.end
    case "fiscal-year-start":
      finding.start = CalendarMath.isoMonth(fy, 4)
      finding.iso = finding.start
    case "until-year-end":
      finding.end = CalendarMath.isoDate(fy, 12, 31)
      finding.iso = finding.end
    case "first-half":
      finding.start = CalendarMath.isoMonth(fy, 4)
      finding.end = CalendarMath.isoMonth(fy, 9)
      finding.iso = "\(finding.start ?? "")..\(finding.end ?? "")"
    case "second-half":
      finding.start = CalendarMath.isoMonth(fy, 10)
      finding.end = CalendarMath.isoMonth(fy + 1, 3)
      finding.iso = "\(finding.start ?? "")..\(finding.end ?? "")"
    case "this-fiscal-year":
      finding.kind = .fiscalYear
      finding.name = nil
      finding.iso = "FY\(fy)"
    default:
      finding.iso = "FY\(fy)"
    }
    return finding
  }

  // MARK: Eras

  /// 令和 平成 昭和 大正 明治, their one-kanji forms and letters R H S T M (before a digit).
  private mutating func readEra(previous: UInt32?) -> Era? {
    guard let first = cursor.peek(), let second = cursor.peek(1) else { return nil }
    for era in Era.all where first == era.kanji.value && second == era.nameScalars[1] {
      cursor.advance()
      cursor.advance()
      return era
    }
    let digitFollows = (second >= 0x30 && second <= 0x39)
    for era in Era.all {
      if first == era.kanji.value && (digitFollows || second == 0x5143) {  // 元
        cursor.advance()
        return era
      }
      if first == era.letter.value && digitFollows {
        if let previous, previous < 0x80, Unicode.Scalar(previous)?.properties.isAlphabetic == true
        {
          return nil  // part of a word: "VER2"
        }
        cursor.advance()
        return era
      }
    }
    return nil
  }

  private mutating func readEraNumber() -> Int? {
    if cursor.take("元") { return 1 }
    if let (number, _) = cursor.number() { return number }
    return cursor.kanjiNumber()
  }

  private mutating func readEraYear(_ era: Era) -> DateFinding? {
    guard let number = readEraNumber(), number >= 1 else { return nil }
    return readAfterYear(era: era, number: number, year: era.gregorianYear(number))
  }

  /// A four-digit Gregorian year (1868–2200), in digits or kanji (二〇二五).
  private mutating func readGregorianYear() -> Int? {
    var probe = cursor
    if let (value, digits) = probe.number(maximum: 4), digits == 4, (1868...2200).contains(value) {
      cursor = probe
      return value
    }
    probe = cursor
    var scalars: [UInt32] = []
    while let next = probe.peek(), KanjiNumeral.digit(next) != nil, scalars.count < 4 {
      scalars.append(next)
      probe.advance()
    }
    guard scalars.count == 4, probe.peek() == 0x5E74 else { return nil }  // 年
    let value = scalars.reduce(0) { $0 * 10 + (KanjiNumeral.digit($1) ?? 0) }
    guard (1868...2200).contains(value) else { return nil }
    cursor = probe
    return value
  }

  // MARK: After a year

  private mutating func readAfterYear(era: Era?, number: Int, year: Int) -> DateFinding? {
    checkEraYear(era, number)
    var lastYear: Int?
    var probe = cursor
    if probe.take("~") {
      var secondEra = era
      if let named = Era.all.first(where: { probe.take(scalars: $0.nameScalars) }) {
        secondEra = named
      }
      if let letterEra = Era.all.first(where: { probe.peek() == $0.letter.value }),
        let next = probe.peek(1), next >= 0x30, next <= 0x39
      {
        probe.advance()
        secondEra = letterEra
      }
      if let secondEra, let (second, _) = probe.number() {
        lastYear = secondEra.gregorianYear(second)
        cursor = probe
        checkEraYear(secondEra, second)
      } else if era == nil, let (second, digits) = probe.number(maximum: 4), digits == 4 {
        lastYear = second
        cursor = probe
      }
    }
    if cursor.take("年度") { return fiscalYearForms(year, lastYear) }
    if cursor.take("年") {
      if lastYear == nil, let month = readMonthAfterYear(era: era, year: year) { return month }
      return yearForms(year, lastYear)
    }
    guard lastYear == nil else { return nil }
    // Separated forms: R02.06.23, R7/8/7, 2025-08-07, R6.12月.
    for separator: UInt32 in [0x2E, 0x2F, 0x2D] where cursor.take(scalar: separator) {
      guard let (month, _) = cursor.number() else { return nil }
      if cursor.take("月") { return dateForms(era: era, year: year, month: month, day: nil) }
      guard cursor.take(scalar: separator), let (day, _) = cursor.number() else {
        return nil
      }
      return dateForms(era: era, year: year, month: month, day: day)
    }
    return nil
  }

  private mutating func fiscalYearForms(_ first: Int, _ last: Int?) -> DateFinding? {
    if let last {
      _ = cursor.take("まで")
      return DateFinding(
        kind: .fiscalYearRange, raw: "", iso: "FY\(first)..FY\(last)", fiscalYearStart: first,
        fiscalYearEnd: last, warnings: warnings)
    }
    var probe = cursor
    if probe.take("~") {
      // 令和3年度～令和5年度, 2018年度～2022年度.
      let era = Era.all.first { probe.take(scalars: $0.nameScalars) }
      if let (second, digits) = probe.number(maximum: 4), probe.take("年度") {
        let last = era?.gregorianYear(second) ?? (digits == 4 ? second : nil)
        if let last {
          if let era { checkEraYear(era, second) }
          cursor = probe
          return fiscalYearForms(first, last)
        }
      }
    }
    if cursor.take("末") {
      _ = cursor.take("まで")
      let end = CalendarMath.isoDate(first + 1, 3, 31)
      return DateFinding(
        kind: .date, raw: "", iso: end, start: end, end: end, fiscalYearStart: first,
        fiscalYearEnd: first, warnings: warnings)
    }
    if cursor.take("当初") {
      let start = CalendarMath.isoMonth(first, 4)
      return DateFinding(
        kind: .month, raw: "", iso: start, start: start, end: start, fiscalYearStart: first,
        fiscalYearEnd: first, warnings: warnings)
    }
    probe = cursor
    if let (month, _) = probe.number(), probe.take("月"), (1...12).contains(month) {
      cursor = probe
      let year = CalendarMath.year(ofMonth: month, inFiscalYear: first)
      let iso = CalendarMath.isoMonth(year, month)
      return DateFinding(
        kind: .month, raw: "", iso: iso, start: iso, end: iso, fiscalYearStart: first,
        fiscalYearEnd: first, warnings: warnings)
    }
    _ = cursor.take("まで") || cursor.take("内") || cursor.take("中")
    return DateFinding(
      kind: .fiscalYear, raw: "", iso: "FY\(first)", fiscalYearStart: first, fiscalYearEnd: first,
      warnings: warnings)
  }

  private func yearForms(_ first: Int, _ last: Int?) -> DateFinding {
    if let last {
      return DateFinding(
        kind: .yearRange, raw: "",
        iso: "\(CalendarMath.isoYear(first))..\(CalendarMath.isoYear(last))",
        start: CalendarMath.isoYear(first), end: CalendarMath.isoYear(last), warnings: warnings)
    }
    let iso = CalendarMath.isoYear(first)
    return DateFinding(kind: .year, raw: "", iso: iso, start: iso, end: iso, warnings: warnings)
  }

  /// `…年8月`, `…年8月7日`, `…年8月末`, after a calendar year.
  private mutating func readMonthAfterYear(era: Era?, year: Int) -> DateFinding? {
    var probe = cursor
    guard let (month, _) = probe.number(), probe.take("月") else { return nil }
    cursor = probe
    if let (day, _) = probe.number(), probe.take("日") {
      cursor = probe
      return dateForms(era: era, year: year, month: month, day: day)
    }
    if cursor.take("末") {
      skipAsOf()
      return dateForms(
        era: era, year: year, month: month,
        day: (1...12).contains(month) ? CalendarMath.daysIn(month: month, year: year) : 31)
    }
    return dateForms(era: era, year: year, month: month, day: nil)
  }

  // MARK: Months and days without a year

  private mutating func readMonthForms() -> DateFinding? {
    guard let (month, _) = cursor.number() else { return nil }
    if cursor.take("月") {
      var probe = cursor
      if let (day, _) = probe.number(), probe.take("日") {
        cursor = probe
        return contextDate(month: month, day: day)
      }
      if cursor.take("末") {
        skipAsOf()
        return contextDate(month: month, day: nil, endOfMonth: true)
      }
      probe = cursor
      if probe.take("~"), let (second, _) = probe.number(), probe.take("月") {
        cursor = probe
        return contextMonthRange(month, second)
      }
      return contextDate(month: month, day: nil)
    }
    if cursor.take("~") {
      guard let (second, _) = cursor.number(), cursor.take("月") else { return nil }
      return contextMonthRange(month, second)
    }
    if cursor.take("/") {
      guard let (day, _) = cursor.number(), (1...12).contains(month), (1...31).contains(day) else {
        return nil
      }
      if let next = cursor.peek(), next == 0x2F || (next >= 0x30 && next <= 0x39) { return nil }
      return contextDate(month: month, day: day)
    }
    return nil
  }

  /// 現在 時点 まで after a date are part of it ("as of").
  private mutating func skipAsOf() {
    _ = cursor.take("現在") || cursor.take("時点") || cursor.take("まで")
  }

  private mutating func contextDate(month: Int, day: Int?, endOfMonth: Bool = false) -> DateFinding?
  {
    guard (1...12).contains(month) else { return nil }
    guard let fy = fiscalYear else {
      warnings.append(
        DateWarning(
          code: .needsFiscalYear,
          message: "a month without a year needs the document's fiscal year to be placed",
          original: ""))
      return DateFinding(
        kind: day == nil && !endOfMonth ? .month : .date, raw: "", warnings: warnings)
    }
    let year = CalendarMath.year(ofMonth: month, inFiscalYear: fy)
    let resolvedDay = endOfMonth ? CalendarMath.daysIn(month: month, year: year) : day
    return dateForms(era: nil, year: year, month: month, day: resolvedDay)
  }

  private mutating func contextMonthRange(_ first: Int, _ last: Int) -> DateFinding? {
    guard (1...12).contains(first), (1...12).contains(last) else { return nil }
    guard let fy = fiscalYear else {
      warnings.append(
        DateWarning(
          code: .needsFiscalYear,
          message: "a month range without a year needs the document's fiscal year to be placed",
          original: ""))
      return DateFinding(kind: .monthRange, raw: "", warnings: warnings)
    }
    let start = CalendarMath.isoMonth(CalendarMath.year(ofMonth: first, inFiscalYear: fy), first)
    let end = CalendarMath.isoMonth(CalendarMath.year(ofMonth: last, inFiscalYear: fy), last)
    return DateFinding(
      kind: .monthRange, raw: "", iso: "\(start)..\(end)", start: start, end: end,
      fiscalYearStart: fy, fiscalYearEnd: fy, warnings: warnings)
  }

  // MARK: Checks

  /// 31st, 2nd, 64th: an era's last year in English.
  static func ordinal(_ number: Int) -> String {
    let suffix: String
    switch (number % 10, number % 100) {
    case (_, 11...13): suffix = "th"
    case (1, _): suffix = "st"
    case (2, _): suffix = "nd"
    case (3, _): suffix = "rd"
    default: suffix = "th"
    }
    return "\(number)\(suffix)"
  }

  private mutating func checkEraYear(_ era: Era?, _ number: Int) {
    guard let era, let last = era.lastYear, number > last else { return }
    warnings.append(
      DateWarning(
        code: .pastEnd,
        message:
          "\(era.name) ended in its \(Self.ordinal(last)) year; \(era.name)\(number) is read arithmetically as "
          + "\(era.gregorianYear(number))",
        original: ""))
  }

  private mutating func dateForms(era: Era?, year: Int, month: Int, day: Int?) -> DateFinding? {
    guard let day else {
      guard (1...12).contains(month) else { return invalid("month \(month) does not exist") }
      if let era, CalendarMath.compare((year, month, 31), era.start) < 0 {
        beforeStart(era)
      }
      let iso = CalendarMath.isoMonth(year, month)
      let fy = CalendarMath.fiscalYear(year: year, month: month)
      return DateFinding(
        kind: .month, raw: "", iso: iso, start: iso, end: iso, fiscalYearStart: fy,
        fiscalYearEnd: fy, warnings: warnings)
    }
    guard CalendarMath.isValid(year: year, month: month, day: day) else {
      return invalid("\(month)月\(day)日 does not exist in \(year)")
    }
    if let era {
      if CalendarMath.compare((year, month, day), era.start) < 0 { beforeStart(era) }
      if let end = era.end, CalendarMath.compare((year, month, day), end) > 0,
        !warnings.contains(where: { $0.code == .pastEnd })
      {
        warnings.append(
          DateWarning(
            code: .pastEnd,
            message:
              "\(era.name) ended on \(CalendarMath.isoDate(end.year, end.month, end.day)); "
              + "the date is read arithmetically",
            original: ""))
      }
    }
    let iso = CalendarMath.isoDate(year, month, day)
    let fy = CalendarMath.fiscalYear(year: year, month: month)
    return DateFinding(
      kind: .date, raw: "", iso: iso, start: iso, end: iso, fiscalYearStart: fy,
      fiscalYearEnd: fy, warnings: warnings)
  }

  private mutating func beforeStart(_ era: Era) {
    warnings.append(
      DateWarning(
        code: .beforeStart,
        message:
          "\(era.name) began on \(CalendarMath.isoDate(era.start.year, era.start.month, era.start.day)); "
          + "the date is read arithmetically",
        original: ""))
  }

  private mutating func invalid(_ reason: String) -> DateFinding {
    warnings.append(DateWarning(code: .invalid, message: reason, original: ""))
    return DateFinding(kind: .date, raw: "", warnings: warnings)
  }
}
