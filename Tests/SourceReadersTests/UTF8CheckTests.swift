import Testing

@testable import SourceReaders

struct UTF8CheckTests {
  @Test(
    "repair replaces each maximal invalid subpart with one U+FFFD",
    arguments: [
      ([0x61, 0xFF, 0x62], "a\u{FFFD}b", [1]),
      ([0x61, 0xE3, 0x81, 0x62], "a\u{FFFD}b", [1]),  // a truncated あ, then b
      ([0xE3, 0x81], "\u{FFFD}", [0]),  // the input ends inside a character
      ([0xED, 0xA0, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}", [0, 1, 2]),  // a surrogate: ED then two
      ([0xC0, 0xAF], "\u{FFFD}\u{FFFD}", [0, 1]),  // an overlong form
      ([0xE3, 0x81, 0x82, 0xF0, 0x9F, 0x8F, 0xAF], "あ🏯", []),
      ([], "", []),
    ] as [([UInt8], String, [Int])])
  func repair(bytes: [UInt8], text: String, replaced: [Int]) {
    let result = UTF8Check.repair(bytes)
    #expect(result.text == text)
    #expect(result.replaced == replaced)
  }

  @Test("the checker names the first bad byte across chunks")
  func chunks() {
    var check = UTF8Check()
    #expect(check.check([0x61, 0xE3]) == nil)
    #expect(check.check([0x81]) == nil)
    #expect(check.check([0x41])?.offset == 3)
  }
}
