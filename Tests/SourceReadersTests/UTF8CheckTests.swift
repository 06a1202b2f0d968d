import TestSupport
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

  /// The offset of the first failure when `bytes` are checked in chunks of `size`.
  static func failure(_ bytes: [UInt8], chunk size: Int) -> Int? {
    var check = UTF8Check()
    var start = 0
    while start < bytes.count {
      if let failure = check.check(Array(bytes[start..<min(start + size, bytes.count)])) {
        return failure.offset
      }
      start += size
    }
    return check.finish()?.offset
  }

  @Test(
    "a real sheet, whole or broken, gives the same verdict in chunks of any size",
    arguments: [1, 2, 3, 5, 7, 64, 4096, 65_536])
  func realSheetInChunks(size: Int) throws {
    let whole = try CorpusExamples.file("Corpus/sheets/tomakomai-policy-evaluation-2020.txt")
    var end = 20_000
    while whole[end] & 0xC0 == 0x80 { end += 1 }  // a character boundary
    let sheet = Array(whole[..<end])
    #expect(Self.failure(sheet, chunk: size) == nil)
    // A lead byte without its continuation, a stray continuation, an overlong form, a cut end.
    for (offset, bad) in [(9_001, [0xE3, 0x41]), (12_345, [0x81]), (15_000, [0xC0, 0xAF])] {
      var broken = sheet
      // At a character boundary: after an ASCII byte or a character's last byte.
      var at = offset
      while broken[at] & 0xC0 == 0x80 { at += 1 }
      broken.insert(contentsOf: bad.map(UInt8.init), at: at)
      let expected = bad == [0xE3, 0x41] ? at + 1 : at
      #expect(Self.failure(broken, chunk: size) == expected, "\(bad) at \(at)")
    }
    #expect(Self.failure(sheet + [0xE3, 0x81], chunk: size) == sheet.count)
  }
}
