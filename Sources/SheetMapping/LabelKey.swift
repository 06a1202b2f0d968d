import JapaneseWidth

/// The form of a label or cell text used to compare labels: width folded, every space removed.
///
/// PDF extraction breaks labels at line ends (`総合計画における 位置付け`, `現況・ 課題`) and
/// mixes full- and half-width brackets; neither may decide whether a label matches.
struct LabelKey: Hashable, Sendable {
  let text: String

  init(_ source: String) {
    var result = String.UnicodeScalarView()
    for scalar in JapaneseWidth.fold(source).unicodeScalars where !JapaneseWidth.isSpace(scalar) {
      // 〇 (the kanji zero) stands in for the bullet ○ in some departments' forms.
      result.append(scalar == "〇" ? "○" : scalar)
    }
    text = String(result)
  }

  /// Whether a cell with this key is the label `label`: equal, or the label followed by an
  /// explanation in brackets (`期間・期限(いつ・いつまでに)`).
  func isLabel(_ label: LabelKey) -> Bool {
    guard text.hasPrefix(label.text) else { return false }
    let rest = text.unicodeScalars.dropFirst(label.text.unicodeScalars.count)
    guard let next = rest.first else { return true }
    return next == "(" || next == "[" || next == "【" || next == "〈"
  }

  /// Whether the label occurs anywhere in this key.
  func contains(_ label: LabelKey) -> Bool {
    text.contains(label.text)
  }
}
