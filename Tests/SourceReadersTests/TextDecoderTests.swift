import TestSupport
import Testing

@testable import SourceReaders

/// Encodings: names, detection, decoding, errors with offsets, and `lossy` replacements.
struct TextDecoderTests {
  @Test(
    "encoding names as users write them",
    arguments: [
      ("utf-8", TextEncoding.utf8), ("UTF8", .utf8), ("utf-16le", .utf16LittleEndian),
      ("UTF-16BE", .utf16BigEndian), ("Shift_JIS", .cp932), ("sjis", .cp932), ("CP932", .cp932),
      ("windows-31j", .cp932), ("EUC-JP", .eucJP), ("eucjp-ms", .eucJP),
    ])
  func names(name: String, encoding: TextEncoding) {
    #expect(TextEncoding(name: name) == encoding)
  }

  @Test("an unknown name is nil")
  func unknownName() {
    #expect(TextEncoding(name: "latin1") == nil)
  }

  /// Each variant in Corpus/variants holds the text of its sheet in Corpus/sheets.
  static let variants: [(file: String, sheet: String, encoding: TextEncoding)] = [
    ("ueda-objective-sheet-2024-fukushi.cp932", "ueda-objective-sheet-2024-fukushi", .cp932),
    ("ueda-objective-sheet-2024-fukushi.eucjp", "ueda-objective-sheet-2024-fukushi", .eucJP),
    (
      "ueda-objective-sheet-2024-fukushi.utf16le", "ueda-objective-sheet-2024-fukushi",
      .utf16LittleEndian
    ),
    ("tomakomai-policy-evaluation-2020.cp932", "tomakomai-policy-evaluation-2020", .cp932),
    (
      "tomakomai-policy-evaluation-2020.utf16be", "tomakomai-policy-evaluation-2020",
      .utf16BigEndian
    ),
  ]

  @Test(
    "the corpus's variants are detected and decode to their sheet's text",
    arguments: variants.indices)
  func variant(index: Int) throws {
    let variant = Self.variants[index]
    let bytes = try CorpusExamples.file("Corpus/variants/\(variant.file).txt")
    let original = try CorpusExamples.file("Corpus/sheets/\(variant.sheet).txt")
    let decoded = try TextDecoder.decode(bytes, fileName: variant.file)
    #expect(decoded.encoding == variant.encoding)
    #expect(decoded.detected)
    #expect(decoded.text == original)
    let named = try TextDecoder.decode(bytes, encoding: variant.encoding, fileName: variant.file)
    #expect(named.text == original && !named.detected)
  }

  @Test(
    "single characters in each encoding",
    arguments: [
      ([0x87, 0x40, 0x81, 0x60, 0xB1, 0x5C], TextEncoding.cp932, "①～ｱ\\"),
      ([0xAD, 0xA1, 0xA1, 0xC1, 0x8E, 0xB1, 0x8F, 0xB0, 0xA1], .eucJP, "①～ｱ丂"),
      ([0xFF, 0xFE, 0x41, 0x00, 0x3D, 0xD8, 0x00, 0xDE], .utf16LittleEndian, "A😀"),
      ([0x00, 0x41, 0x30, 0x42], .utf16BigEndian, "Aあ"),
      ([0xEF, 0xBB, 0xBF, 0xE3, 0x81, 0x82], .utf8, "あ"),
    ] as [([UInt8], TextEncoding, String)])
  func characters(bytes: [UInt8], encoding: TextEncoding, text: String) throws {
    let decoded = try TextDecoder.decode(bytes, encoding: encoding, fileName: "c.txt")
    #expect(String(decoding: decoded.text, as: UTF8.self) == text)
  }

  @Test("a byte that does not decode in the named encoding names its offset and the encoding")
  func strictError() {
    #expect {
      _ = try TextDecoder.decode(
        Array("令和".utf8) + [0x0A, 0xFF], encoding: .utf8, fileName: "u.txt")
    } throws: { error in
      guard let error = error as? SourceReadError else { return false }
      return error.offset == 7 && error.message.hasPrefix("0xFF does not decode as UTF-8;")
        && error.message.contains("--lossy")
    }
    #expect {
      _ = try TextDecoder.decode([0x41, 0x82, 0x20, 0x41], encoding: .cp932, fileName: "s.txt")
    } throws: { error in
      (error as? SourceReadError)?.offset == 1
        && (error as? SourceReadError)?.message.hasPrefix("0x82 does not decode as CP932") == true
    }
  }

  @Test("Shift_JIS with one bad pair is reported at that pair, not at the first non-UTF-8 byte")
  func brokenShiftJIS() {
    // 令和7年度 重点目標管理シート in CP932, then 0x82 0x20 (a lead byte without its trail).
    let text: [UInt8] = [
      151, 223, 152, 97, 55, 148, 78, 147, 120, 32, 143, 100, 147, 95, 150, 218, 149, 87, 138,
      199, 151, 157, 131, 86, 129, 91, 131, 103,
    ]
    let bytes = text + [0x82, 0x20] + text
    #expect {
      _ = try TextDecoder.decode(bytes, fileName: "s.txt")
    } throws: { error in
      guard let error = error as? SourceReadError else { return false }
      return error.offset == text.count && error.message.contains("CP932 at byte 28")
    }
  }

  @Test("UTF-8 with one broken byte is reported as broken UTF-8, not read as Shift_JIS")
  func brokenUTF8() {
    let text = Array("令和7年度 重点目標管理シート\t健康こども未来部\n".utf8)
    let bytes = text + [0xFF] + text
    #expect {
      _ = try TextDecoder.decode(bytes, fileName: "b.txt")
    } throws: { error in
      guard let error = error as? SourceReadError else { return false }
      return error.offset == text.count
        && error.message.hasPrefix("0xFF does not decode as UTF-8 (detected);")
    }
    let lossy = try? TextDecoder.decode(bytes, lossy: true, fileName: "b.txt")
    #expect(lossy?.encoding == .utf8 && lossy?.replacements.map(\.offset) == [text.count])
  }

  @Test("lossy: each sequence that does not decode becomes U+FFFD and is listed with its offset")
  func lossy() throws {
    let utf8 = try TextDecoder.decode(
      [0x61, 0xE3, 0x81, 0x62, 0xFF], encoding: .utf8, lossy: true, fileName: "l.txt")
    #expect(String(decoding: utf8.text, as: UTF8.self) == "a\u{FFFD}b\u{FFFD}")
    #expect(utf8.replacements.map(\.offset) == [1, 4])
    #expect(utf8.replacements.map(\.bytes) == [[0xE3, 0x81], [0xFF]])
    let sjis = try TextDecoder.decode(
      [0x82, 0xA0, 0x85, 0x40, 0x41], encoding: .cp932, lossy: true, fileName: "l.txt")
    #expect(String(decoding: sjis.text, as: UTF8.self) == "あ\u{FFFD}A")
    #expect(sjis.replacements.map(\.offset) == [2])
    let utf16 = try TextDecoder.decode(
      [0x41, 0x00, 0x00, 0xDC], encoding: .utf16LittleEndian, lossy: true, fileName: "l.txt")
    #expect(String(decoding: utf16.text, as: UTF8.self) == "A\u{FFFD}")
  }

  @Test("replacements land in the table at their line and cell")
  func replacementsInTable() throws {
    let bytes = Array("a\tb\n".utf8) + [0x63, 0x09, 0x82, 0xA0, 0xFF, 0x0A]
    let table = try PDFTextReader.read(bytes, fileName: "t.txt", encoding: .cp932, lossy: true)
    #expect(table.rows[1].cells.map(\.text) == ["c", "あ\u{FFFD}"])
    #expect(table.replacements == [ByteReplacement(offset: 8, bytes: [0xFF], line: 2, cell: 2)])
    #expect(table.replacements[0].hex == "0xFF")
  }
}
