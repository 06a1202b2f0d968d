/// Why the width folder changed a character; stable names for reports.
public enum WidthRule: String, Sendable, Hashable, CaseIterable, Codable {
  /// Full-width ASCII (！ to ～) became ASCII: `１００％` → `100%`.
  case fullwidthASCII = "fullwidth-ascii"
  /// Half-width katakana became full-width, voiced marks composed: `ｶﾞ` → `ガ`.
  case halfwidthKatakana = "halfwidth-katakana"
  /// The ideographic space U+3000 became an ASCII space.
  case ideographicSpace = "ideographic-space"
  /// The wave dash 〜 (U+301C) became the range mark `~`.
  case waveDash = "wave-dash"
  /// A dash or long-vowel mark between digits, or a dash before a digit, became `-`: `4－9` → `4-9`.
  case dashInNumber = "dash-in-number"
  /// A dash right after katakana became the long-vowel mark: `コ－ド` → `コード`.
  case dashAsLongVowel = "dash-as-long-vowel"
}
