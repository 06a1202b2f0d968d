import GyoseiModel
import Testing

@testable import Emitters

struct EscapingTests {
  static func document(title: String) throws -> Document {
    Document(
      id: "escape-test", family: .reformActionProgram, title: title,
      municipality: Municipality(name: "上田市", code: try #require(MunicipalityCode("202037"))),
      fiscalYear: 2022,
      source: SourceInfo(
        fileName: "x.txt", sha256: String(repeating: "a", count: 64), format: .pdfText,
        encoding: "UTF-8"),
      categories: [], items: [])
  }

  @Test(
    "awkward text survives JSON and XML unchanged",
    arguments: [
      "quote \" backslash \\ slash /",
      "line\nbreak, carriage\r\nreturn, tab\there",
      "<ul style=\"list-style-type: none\"> & </ul>",
      "全角１００％ ①⑯ ㋐ 〇○ ～〜",
      "emoji 🏯 and 𠮷",
      "  leading and trailing spaces  ",
      "",
    ])
  func roundTrips(title: String) throws {
    let document = try Self.document(title: title)
    let json = try JSONEmitter.emit(document)
    let xml = try XMLEmitter.emit(document)
    #expect(try CanonicalDecoder.decodeJSON(json).title == title)
    #expect(try CanonicalDecoder.decodeXML(xml).title == title)
  }

  @Test("Japanese is written as UTF-8, not escaped")
  func unescapedJapanese() throws {
    let json = String(
      decoding: try JSONEmitter.emit(try Self.document(title: "上田市")), as: UTF8.self)
    #expect(json.contains("\"title\": \"上田市\""))
    #expect(!json.contains("\\u"))
  }

  @Test("a control character XML 1.0 cannot hold is an error naming where it is")
  func controlCharacter() throws {
    let document = try Self.document(title: "bell \u{07}")
    #expect(throws: EmitterError(pointer: "/title", message: "U+7 cannot be written in XML 1.0")) {
      try XMLEmitter.emit(document)
    }
    let json = String(decoding: try JSONEmitter.emit(document), as: UTF8.self)
    #expect(json.contains("bell \\u0007"))
  }
}
