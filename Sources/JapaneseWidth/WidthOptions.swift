/// What the width folder does besides folding full-width ASCII, which it always does.
///
/// The defaults are gyosei's documented policy:
/// - U+3000 becomes an ASCII space;
/// - half-width katakana becomes full-width with voiced marks composed;
/// - the tildes ～ and 〜 become `~`, gyosei's single range mark (`R7～11年度` → `R7~11年度`);
/// - dashes and the long-vowel mark between digits, and dashes before a digit, become `-`
///   (`4－9` → `4-9`); a dash right after katakana becomes ー (`コ－ド` → `コード`); anywhere else
///   ー stays (`コーディネーター`), and so do ― and — in prose.
///
/// Circled and parenthesized numbers (① ⑯ ⑴), circled katakana (㋐) and the two circles
/// 〇 (U+3007) and ○ (U+25CB) are never touched: they are list markers.
public struct WidthOptions: Sendable, Hashable {
  /// Fold U+3000 to an ASCII space.
  public var foldIdeographicSpace: Bool
  /// Fold half-width katakana to full-width.
  public var foldHalfwidthKatakana: Bool
  /// Fold the wave dash 〜 to `~` (the full-width tilde ～ is full-width ASCII and always folds).
  public var foldWaveDash: Bool
  /// Apply the dash rules inside numbers and after katakana.
  public var contextualDashes: Bool

  public init(
    foldIdeographicSpace: Bool = true, foldHalfwidthKatakana: Bool = true,
    foldWaveDash: Bool = true, contextualDashes: Bool = true
  ) {
    self.foldIdeographicSpace = foldIdeographicSpace
    self.foldHalfwidthKatakana = foldHalfwidthKatakana
    self.foldWaveDash = foldWaveDash
    self.contextualDashes = contextualDashes
  }

  /// gyosei's default policy.
  public static let standard = WidthOptions()
}
