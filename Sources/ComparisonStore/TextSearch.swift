/// Whether a text holds a word: the one substring test of the store's theme and concept rules.
///
/// Foundation's `contains` on two strings is a `range(of:)`, which bridges both to NSString and
/// folds every grapheme cluster; run for every keyword of every theme on every record, it was a
/// tenth of `load`. The texts compare as UTF-8 bytes instead. Where either holds a combining
/// mark (か and a separate ゛ are the same text as が, and が does not contain か), bytes may
/// differ where the texts do not: there, and only there, the comparison is by characters.
///
/// A text is prepared once (its bytes, whether it holds a combining mark) and searched for every
/// word of the rules: a record's text is tested against every theme's keywords.
struct TextSearch {
  let text: String
  private let bytes: [UInt8]
  private let hasCombiningMark: Bool

  init(_ text: String) {
    self.text = text
    bytes = Array(text.utf8)
    hasCombiningMark = Self.hasCombiningMark(text)
  }

  /// Whether the text holds `word`.
  func contains(_ word: String) -> Bool {
    if hasCombiningMark || Self.hasCombiningMark(word) {
      return Self.characters(of: text, contain: Array(word))
    }
    var word = word
    return bytes.withUnsafeBufferPointer { haystack in
      word.withUTF8 { needle in Self.contains(haystack, needle) }
    }
  }

  /// Whether `text` holds `word`, for a text searched once.
  static func contains(_ text: String, _ word: String) -> Bool {
    TextSearch(text).contains(word)
  }

  /// Whether `bytes` hold `needle` (a first-byte scan, then a comparison: the words are short).
  static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    guard let first = needle.first else { return true }
    guard needle.count <= bytes.count else { return false }
    var start = 0
    let last = bytes.count - needle.count
    while start <= last {
      if bytes[start] == first {
        var offset = 1
        while offset < needle.count && bytes[start + offset] == needle[offset] { offset += 1 }
        if offset == needle.count { return true }
      }
      start += 1
    }
    return false
  }

  private static func hasCombiningMark(_ text: String) -> Bool {
    text.unicodeScalars.contains {
      $0.value >= 0x300 && $0.properties.canonicalCombiningClass != .notReordered
    }
  }

  /// The search by characters (canonical equivalence), for texts with combining marks.
  private static func characters(of text: String, contain word: [Character]) -> Bool {
    guard !word.isEmpty else { return true }
    let characters = Array(text)
    guard word.count <= characters.count else { return false }
    for start in 0...(characters.count - word.count)
    where characters[start..<start + word.count].elementsEqual(word) {
      return true
    }
    return false
  }
}
