import JapaneseWidth

/// The form of a label or cell text used to compare labels: width folded, every space removed.
///
/// PDF extraction breaks labels at line ends (`総合計画における 位置付け`, `現況・ 課題`) and
/// mixes full- and half-width brackets; neither may decide whether a label matches.
struct LabelKey: Hashable, Sendable {
  let text: String

  init(_ source: String) {
    self.init(folded: JapaneseWidth.fold(source))
  }

  /// The key of text that is already width folded.
  init(folded: String) {
    var result = String.UnicodeScalarView()
    for scalar in folded.unicodeScalars {
      if let kept = Self.keyScalar(scalar) { result.append(kept) }
    }
    text = String(result)
  }

  /// What a folded scalar becomes in a key: nothing for a space, ○ for 〇 (the kanji zero stands
  /// in for the bullet in some departments' forms), itself otherwise.
  static func keyScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    if JapaneseWidth.isSpace(scalar) { return nil }
    return scalar == "〇" ? "○" : scalar
  }

  /// Whether a cell with this key is the label `label`: equal, or the label followed by an
  /// explanation in brackets (`期間・期限(いつ・いつまでに)`).
  func isLabel(_ label: LabelKey) -> Bool {
    guard text.hasPrefix(label.text) else { return false }
    let rest = text.unicodeScalars.dropFirst(label.text.unicodeScalars.count)
    guard let next = rest.first else { return true }
    return next == "(" || next == "[" || next == "【" || next == "〈"
  }

  /// Whether the label occurs anywhere in this key (by bytes: `ByteSearch`).
  func contains(_ label: LabelKey) -> Bool {
    var haystack = text
    var needle = label.text
    return haystack.withUTF8 { bytes in
      needle.withUTF8 { pattern in ByteSearch.contains(bytes, pattern) }
    }
  }

  /// The text of a cell (folded) after the prompt that opens it, compared as label keys compare,
  /// or nil when nothing follows.
  static func text(of text: String, after labels: [LabelKey]) -> String? {
    let scalars = Array(text.unicodeScalars)
    for label in labels {
      var index = 0
      var matched = true
      for expected in label.text.unicodeScalars {
        while index < scalars.count && LabelKey.keyScalar(scalars[index]) == nil { index += 1 }
        guard index < scalars.count, LabelKey.keyScalar(scalars[index]) == expected else {
          matched = false
          break
        }
        index += 1
      }
      guard matched else { continue }
      let rest = JapaneseWidth.trimmed(String(String.UnicodeScalarView(scalars[index...])))
      return rest.isEmpty ? nil : rest
    }
    return nil
  }
}
