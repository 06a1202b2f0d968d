/// The styles of list marker Japanese official documents use.
///
/// Each style is one list level wherever it appears; which level depends on the order in which
/// styles appear in a cell (as a rule ① over (1) over ア over (ア)).
public enum MarkerKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// ① … ⑳ ㉑ … ㊿.
  case circledNumber = "circled-number"
  /// (1) （１） ⑴ … ⒇.
  case parenthesizedNumber = "parenthesized-number"
  /// A bare number heading a line: `1 `.
  case number
  /// A bare katakana: `ア `.
  case katakana
  /// (ア) （ア）.
  case parenthesizedKatakana = "parenthesized-katakana"
  /// ㋐ … ㋾.
  case circledKatakana = "circled-katakana"
  /// ・ ○ 〇 ● ◎ ■ □ ◆ ◇: unordered; each symbol is its own style. `※` is not one: it marks a
  /// note on the text before it, and stays in that text.
  case bullet
}
