import GyoseiModel
import JapaneseWidth

/// Splits a cell that names departments and sections (`福祉部 介護福祉課 健康こども部 健康支援課`)
/// into its words and tells departments from sections by their endings, as the mapping lists them.
struct OrganizationWords {
  let departmentSuffixes: [String]

  /// The words of a folded cell, split at spaces; a bracket that opens a word explains the word
  /// before it (`施設所管課 (個別施設計画…)`) and stays with it.
  static func words(_ folded: String) -> [String] {
    var words: [String] = []
    for part in folded.unicodeScalars.split(whereSeparator: JapaneseWidth.isSpace) {
      let word = String(String.UnicodeScalarView(part))
      if word.hasPrefix("("), let last = words.popLast() {
        words.append(last + word)
      } else {
        words.append(word)
      }
    }
    return words
  }

  /// Whether `word` names a department (部局).
  func isDepartment(_ word: String) -> Bool {
    departmentSuffixes.contains { word.hasSuffix($0) }
  }

  /// Each department with the sections written after it; sections before any department belong
  /// to an organization without one.
  func organizations(_ folded: String) -> [Organization] {
    var result: [Organization] = []
    for word in Self.words(folded) {
      if isDepartment(word) {
        result.append(Organization(department: word))
      } else if result.isEmpty {
        result.append(Organization(sections: [word]))
      } else {
        result[result.count - 1].sections.append(word)
      }
    }
    return result
  }
}
