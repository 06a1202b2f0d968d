/// Finds words that PDF extraction wrote twice in a row (`されるされる`, `医療医療`, `してして`).
///
/// Japanese doubles some words on purpose (`いきいき`, `生き生き`, names such as `アムアム`), so
/// only two kinds of doubling are reported: a run of two or more kanji, and one of the verb
/// endings and particles that are never doubled in prose. The text is not changed: the caller
/// records a warning and keeps what was written.
enum DuplicatedWords {
  /// A doubled word and where it starts, in unicode scalars.
  struct Finding: Hashable, Sendable {
    var word: String
    var scalarOffset: Int
  }

  private static let functionWords: Set<String> = [
    "して", "される", "された", "されて", "する", "した", "します", "しました", "ます", "です",
    "ている", "ており", "ため", "こと", "など", "から", "まで", "ので", "により", "による",
  ]

  static func find(in text: String) -> [Finding] {
    let scalars = Array(text.unicodeScalars)
    var findings: [Finding] = []
    var index = 0
    while index < scalars.count {
      var matched = 0
      for length in stride(from: min(8, (scalars.count - index) / 2), through: 2, by: -1) {
        guard scalars[index..<index + length] == scalars[index + length..<index + 2 * length]
        else { continue }
        let word = String(String.UnicodeScalarView(scalars[index..<index + length]))
        if isReportable(word, scalars[index..<index + length]) {
          findings.append(Finding(word: word, scalarOffset: index))
          matched = 2 * length
        }
        break
      }
      index += max(matched, 1)
    }
    return findings
  }

  private static func isReportable(_ word: String, _ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
    if functionWords.contains(word) { return true }
    return scalars.allSatisfy(isKanji)
  }

  private static func isKanji(_ scalar: Unicode.Scalar) -> Bool {
    (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
  }
}
