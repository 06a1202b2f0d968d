import Testing

@testable import JapaneseWidth

struct KanjiNumeralTests {
  @Test(
    "kanji numerals, positional and with multipliers",
    arguments: [
      ("二〇二五", 2025), ("一九八九", 1989), ("十二", 12), ("十", 10), ("百十", 110), ("千百", 1100),
      ("三万五千", 35_000), ("二万二千八百六十七", 22_867), ("一万千", 11_000), ("二千万", 20_000_000),
      ("一億千五百万", 115_000_000), ("十八億四千二百六十万五千四百七十八", 1_842_605_478), ("二", 2),
      ("万", 10_000),
    ])
  func value(text: String, expected: Int) {
    #expect(KanjiNumeral.value(of: text.unicodeScalars.map(\.value)) == expected)
  }

  @Test("text that is not a numeral", arguments: ["", "二つ", "十分"])
  func notNumerals(text: String) {
    #expect(KanjiNumeral.value(of: text.unicodeScalars.map(\.value)) == nil)
  }
}
