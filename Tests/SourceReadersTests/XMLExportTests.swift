import LibXML2
import TestSupport
import Testing

@testable import SourceReaders

struct XMLExportTests {
  static func parse(_ text: String, encoding: TextEncoding? = nil) throws -> XMLExport {
    try XMLExport.parse(Array(text.utf8), fileName: "x.xml", encoding: encoding)
  }

  static func refusal(_ bytes: [UInt8]) -> String {
    do {
      _ = try XMLExport.parse(bytes, fileName: "hostile.xml")
      return "accepted"
    } catch {
      return error.description
    }
  }

  // MARK: - Hostile input: a clear error, no crash, nothing read from outside

  @Test("an external entity is refused before libxml2 sees it, naming the DOCTYPE's line")
  func externalEntity() {
    let text = """
      <?xml version="1.0"?>
      <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
      <r>&x;</r>
      """
    let message = Self.refusal(Array(text.utf8))
    #expect(message.hasPrefix("hostile.xml: line 2: the document declares a DOCTYPE"))
    #expect(!message.contains("root:"))
  }

  @Test("billion laughs (nested entity expansion) is refused")
  func billionLaughs() {
    var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n"
    for level in 1...9 {
      text +=
        "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
    }
    text += "]>\n<lolz>&lol9;</lolz>\n"
    #expect(Self.refusal(Array(text.utf8)).contains("line 2: the document declares a DOCTYPE"))
  }

  @Test("a DOCTYPE after a comment and a BOM is found too")
  func doctypeAfterComment() {
    let text =
      "\u{FEFF}<?xml version=\"1.0\"?>\n<!-- a\ncomment -->\n<!DOCTYPE r SYSTEM \"http://example.invalid/r.dtd\">\n<r/>"
    #expect(Self.refusal(Array(text.utf8)).contains("line 4: the document declares a DOCTYPE"))
  }

  @Test("elements nested 100 000 deep are refused by libxml2's depth limit")
  func deepNesting() {
    let bytes =
      Array(String(repeating: "<a>", count: 100_000).utf8)
      + Array(String(repeating: "</a>", count: 100_000).utf8)
    let message = Self.refusal(bytes)
    #expect(message.contains("not well-formed XML: Excessive depth"))
    #expect(message.contains("nested deeper than 256"))
  }

  @Test("a 100 MB text node is refused, with its cause, not the errors that follow it")
  func hugeTextNode() {
    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 100 * 1024 * 1024 + 7)
    bytes.replaceSubrange(0..<3, with: Array("<r>".utf8))
    bytes.replaceSubrange((bytes.count - 4)..., with: Array("</r>".utf8))
    let message = Self.refusal(bytes)
    #expect(message.hasPrefix("hostile.xml: line 1: not well-formed XML"))
    #expect(message.contains("a text node over 10 MB is refused"))
  }

  @Test("not well-formed XML names the line")
  func malformed() {
    let message = Self.refusal(Array("<r>\n<a>\n</b>\n</r>".utf8))
    #expect(message.hasPrefix("hostile.xml: line 3: not well-formed XML"))
  }

  // MARK: - Encodings

  @Test("the prolog's Shift_JIS is honoured (as CP932, so ① reads)")
  func shiftJIS() throws {
    // <r n="①">項目</r>, in CP932 bytes.
    let bytes =
      Array("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<r n=\"".utf8) + [0x87, 0x40]
      + Array("\">".utf8) + [0x8D, 0x80, 0x96, 0xDA] + Array("</r>\n".utf8)
    let export = try XMLExport.parse(bytes, fileName: "s.xml")
    #expect(export.encoding == .cp932)
    #expect(try Self.strings(export, "string(/r/@n)") == ["①"])
    #expect(try Self.strings(export, "/r") == ["項目"])
    #expect(export.root.name == "r")
  }

  @Test("an encoding gyosei does not read is an error saying what to do")
  func unknownEncoding() {
    let message = Self.refusal(Array("<?xml version=\"1.0\" encoding=\"KOI8-R\"?><r/>".utf8))
    #expect(message.contains("declares encoding \"KOI8-R\""))
    #expect(message.contains("--encoding"))
  }

  @Test("UTF-16 with a BOM; no declaration means UTF-8")
  func utf16AndDefault() throws {
    let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><r>令和</r>"
    let bytes = CorpusExamples.utf16LittleEndianWithBOM(text)
    let export = try XMLExport.parse(bytes, fileName: "u.xml")
    #expect(export.encoding == .utf16LittleEndian)
    #expect(try Self.strings(export, "string(/r)") == ["令和"])
    #expect(try Self.parse("<r>令和</r>").encoding == .utf8)
  }

  // MARK: - XPath

  static func strings(_ export: XMLExport, _ expression: String) throws -> [String] {
    switch try export.evaluate(expression, namespaces: [:]) {
    case .nodes(let nodes): return nodes.map(\.text)
    case .text(let text): return [text]
    }
  }

  @Test(
    "absolute paths to Japanese names work (libxml2 2.9 needs child:: after the root's slash)",
    arguments: [
      ("/重点/@年", "/child::重点/@年"), ("concat(/重点/@年, '/年')", "concat(/child::重点/@年, '/年')"),
      ("//目標", "//目標"), ("a/b", "a/b"), ("\"/重点\"", "\"/重点\""),
    ])
  func portable(expression: String, rewritten: String) throws {
    #expect(XPathEvaluator.portable(expression) == rewritten)
    let export = try Self.parse("<重点 年=\"R7\"><目標>a</目標></重点>")
    _ = try export.evaluate(expression, namespaces: [:])
  }

  @Test("an invalid XPath is an error naming the expression")
  func invalidXPath() throws {
    let export = try Self.parse("<r/>")
    let error = #expect(throws: SourceReadError.self) {
      try export.evaluate("r[", namespaces: [:])
    }
    #expect(error?.message.contains("r[ is not valid XPath 1.0") == true)
  }
}
