/// The pieces of cell text a mapping draft reads.
///
/// Fiscal years, leading list markers, trailing explanations, and the pattern that matches a
/// text literally; all work on unicode scalars of width-folded text.
enum DraftText {
  /// A fiscal year found in a text: where it is (scalar offsets) and the pattern a mapping
  /// matches it with.
  struct Year: Equatable {
    var range: Range<Int>
    var pattern: String
  }

  private static let digits: ClosedRange<Unicode.Scalar> = "0"..."9"

  /// The first fiscal year in `scalars`: 令和6年度, 平成27年度, 令和元年度, R2年度, H30年度,
  /// 2024年度, and a range of two (令和元年度~令和4年度), which a mapping reads as its last year.
  static func year(in scalars: [Unicode.Scalar]) -> Year? {
    var index = 0
    while index < scalars.count {
      if let (end, pattern) = singleYear(scalars, at: index) {
        var range = index..<end
        var pattern = pattern
        if end < scalars.count, scalars[end] == "~" || scalars[end] == "-",
          let (last, second) = singleYear(scalars, at: end + 1)
        {
          range = index..<last
          pattern += "~" + second
        }
        return Year(range: range, pattern: pattern)
      }
      index += 1
    }
    return nil
  }

  /// The eras a year is written in, and the pattern a mapping matches them with.
  private static let eras: [([Unicode.Scalar], String)] = [
    (["令", "和"], "(令和|平成)"), (["平", "成"], "(令和|平成)"), (["昭", "和"], "(昭和|平成)"),
  ]

  /// A year that starts at `start`: where it ends and its pattern.
  private static func singleYear(_ scalars: [Unicode.Scalar], at start: Int) -> (Int, String)? {
    func digitsEnd(from index: Int, most: Int) -> Int {
      var end = index
      while end < scalars.count, end - index < most, digits.contains(scalars[end]) { end += 1 }
      return end
    }
    func ending(_ index: Int) -> Int? {
      guard index < scalars.count, scalars[index] == "年" else { return nil }
      return index + 1 < scalars.count && scalars[index + 1] == "度" ? index + 2 : nil
    }
    guard start < scalars.count else { return nil }
    let first = scalars[start]
    for (name, pattern) in eras where name[0] == first {
      guard start + 2 < scalars.count, scalars[start + 1] == name[1] else { continue }
      let numberEnd =
        scalars[start + 2] == "元" ? start + 3 : digitsEnd(from: start + 2, most: 2)
      guard numberEnd > start + 2, let end = ending(numberEnd) else { return nil }
      return (end, pattern + "\\S+?年度")
    }
    if first == "R" || first == "H" {
      let numberEnd = digitsEnd(from: start + 1, most: 2)
      guard numberEnd > start + 1, let end = ending(numberEnd) else { return nil }
      return (end, "[RH][0-9]+年度")
    }
    if first == "1" || first == "2", start == 0 || !digits.contains(scalars[start - 1]) {
      let numberEnd = digitsEnd(from: start, most: 4)
      guard numberEnd == start + 4, let end = ending(numberEnd) else { return nil }
      return (end, "(19|20)[0-9]{2}年度")
    }
    return nil
  }

  /// The markers a printed label may open with (ア, (1), ①, 1., ■) and that a field's word
  /// follows: the scalars they take at the start of a label key, 0 when there is none.
  static func markerLength(_ key: [Unicode.Scalar]) -> Int {
    guard let first = key.first else { return 0 }
    let value = first.value
    if (0x2460...0x2473).contains(value) || (0x3251...0x325F).contains(value)
      || (0x32B1...0x32BF).contains(value) || (0x32D0...0x32FE).contains(value)
      || "■□●○◆◇・-".unicodeScalars.contains(first)
    {
      return 1
    }
    if first == "(", key.count > 2 {
      var end = 1
      while end < key.count, end < 4, key[end] != ")" { end += 1 }
      return end < key.count && key[end] == ")" && end > 1 ? end + 1 : 0
    }
    if digits.contains(first) {
      var end = 0
      while end < key.count, digits.contains(key[end]) { end += 1 }
      return end < key.count && ".)、".unicodeScalars.contains(key[end]) ? end + 1 : 0
    }
    // A single katakana of the marker series (ア イ ウ … ト) before text that is not katakana.
    if (0x30A2...0x30C8).contains(value), key.count > 1, !(0x30A0...0x30FF).contains(key[1].value) {
      return 1
    }
    return 0
  }

  /// Where a label key's explanation starts: its first bracket or colon after the first scalar,
  /// else its end.
  static func explanationStart(_ key: [Unicode.Scalar]) -> Int {
    var index = 1
    while index < key.count {
      if "([【〈「:".unicodeScalars.contains(key[index]) { return index }
      index += 1
    }
    return key.count
  }

  /// Whether a scalar is a control, format or line-separating character: never written as
  /// it is into a mapping file (YAML would fold or refuse it).
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned:
      return true
    default:
      return false
    }
  }

  /// A pattern that matches `text` as it is written: the regular expression's operators
  /// escaped, each run of white space as `\s*`, a control character by its code (`\x{85}`).
  static func literal(_ text: some Sequence<Unicode.Scalar>) -> String {
    var pattern = ""
    var inSpace = false
    for scalar in text {
      if scalar.properties.isWhitespace {
        if !inSpace { pattern += "\\s*" }
        inSpace = true
        continue
      }
      inSpace = false
      if isControl(scalar) {
        pattern += "\\x{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        continue
      }
      if "\\^$.|?*+()[]{}".unicodeScalars.contains(scalar) { pattern += "\\" }
      pattern.unicodeScalars.append(scalar)
    }
    return pattern
  }

  /// `text` as a YAML scalar: single-quoted, or double-quoted with escapes when it holds a
  /// control or line-separating character.
  static func quoted(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { isControl($0) || $0 == "\n" || $0 == "\r" })
    else {
      var quoted = "'"
      for scalar in text.unicodeScalars {
        if scalar == "'" { quoted += "''" } else { quoted.unicodeScalars.append(scalar) }
      }
      return quoted + "'"
    }
    var quoted = "\""
    for scalar in text.unicodeScalars {
      if scalar == "\"" || scalar == "\\" {
        quoted += "\\"
        quoted.unicodeScalars.append(scalar)
      } else if isControl(scalar) || scalar == "\n" || scalar == "\r" || scalar == "\t" {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        quoted += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
      } else {
        quoted.unicodeScalars.append(scalar)
      }
    }
    return quoted + "\""
  }

  /// Text for a comment of a mapping file: on one line, control characters as spaces.
  static func commentText(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { isControl($0) || $0.properties.isWhitespace ? " " : $0 }))
  }

  /// Whether the text reads as a sentence rather than a label or heading.
  static func isSentence(_ scalars: [Unicode.Scalar]) -> Bool {
    scalars.contains("。")
  }
}
