import Foundation
import GyoseiModel
import TestSupport
import Testing

@testable import Validation

struct DocumentValidatorTests {
  static let validator: DocumentValidator? = DocumentValidator()

  func validate(_ bytes: [UInt8], file: String = "doc") throws -> [ValidationIssue] {
    try #require(Self.validator).validate(bytes, file: file)
  }

  func validate(_ text: String) throws -> [ValidationIssue] {
    try validate(Array(text.utf8))
  }

  @Test(
    "every example validates, as JSON and as XML",
    arguments: CorpusExamples.names, ["json", "xml"])
  func examplesAreValid(name: String, form: String) throws {
    let issues = try validate(try CorpusExamples.bytes(name, form), file: "\(name).\(form)")
    #expect(issues.isEmpty, "\(issues.map(\.formatted))")
  }

  @Test(
    "each broken JSON document is rejected at the right place",
    arguments: [
      ("missing-field", "/objectives/0", "missing required key 'title'"),
      ("wrong-type", "/objectives/0/priority", "expected integer, got string \"1位\""),
      ("code-202038", "/municipality/code", "check digit 8, expected 7"),
      ("fiscal-year-text", "/fiscalYear", "expected integer, got string \"令和7年度\""),
      ("unknown-key", "/comment", "unknown key 'comment'"),
      ("family-mismatch", "/objectives", "not allowed"),
    ])
  func brokenJSON(name: String, pointer: String, message: String) throws {
    let issues = try validate(try CorpusExamples.broken(name, "json"))
    #expect(
      issues.contains { $0.pointer?.text == pointer && $0.message.contains(message) },
      "\(issues.map(\.formatted))")
    #expect(issues.allSatisfy { $0.severity == .error })
  }

  @Test(
    "each broken XML document is rejected at the right line",
    arguments: [
      ("missing-field", 27, "Expected is ( title )"),
      ("wrong-type", 26, "'1位' is not a valid value"),
      ("code-202038", 10, "check digit 8, expected 7"),
      ("fiscal-year-text", 12, "'令和7年度' is not a valid value"),
      ("unknown-key", 13, "Element 'comment': This element is not expected"),
    ])
  func brokenXML(name: String, line: Int, message: String) throws {
    let issues = try validate(try CorpusExamples.broken(name, "xml"))
    #expect(
      issues.contains { $0.line == line && $0.message.contains(message) },
      "\(issues.map(\.formatted))")
  }

  @Test("an error past line 65,535 of a canonical XML document is reported at its true line")
  func bigLines() throws {
    var text = String(
      decoding: try CorpusExamples.bytes("ueda-objective-sheet-2025", "xml"), as: UTF8.self)
    let marker = "  <title>"
    let found = try #require(text.range(of: marker))
    let before = text[..<found.lowerBound].filter { $0 == "\n" }.count
    let padding = 77_032 - before
    text.replaceSubrange(
      found, with: String(repeating: "\n", count: padding) + "  <comment/>\n" + marker)
    let issues = try validate(Array(text.utf8))
    #expect(issues.map(\.line) == [77_033], "\(issues.map(\.formatted))")
    #expect(issues.first?.message.contains("'comment'") == true)
  }

  @Test(
    "an empty objective title is refused by both schemas (issue #18)", arguments: ["json", "xml"])
  func emptyTitle(form: String) throws {
    let text = String(
      decoding: try CorpusExamples.bytes("ueda-objective-sheet-2025", form), as: UTF8.self)
    let title = "人生100年時代を見据えた子どもや若い世代からの健康づくりの推進"
    let issues = try validate(text.replacingOccurrences(of: title, with: ""))
    #expect(!issues.isEmpty && issues.allSatisfy { $0.severity == .error })
    #expect(issues.contains { $0.code.hasPrefix("schema.") }, "\(issues.map(\.formatted))")
  }

  @Test("a wrong check digit is one error, the precise one", arguments: ["json", "xml"])
  func oneCodeError(form: String) throws {
    let issues = try validate(try CorpusExamples.broken("code-202038", form))
    #expect(issues.map(\.code) == ["municipality.check-digit"])
    #expect(issues.first?.message == "municipality code '202038' has check digit 8, expected 7")
  }

  @Test(
    "a code that is not six digits of a prefecture is municipality.code",
    arguments: ["992037", "20203"])
  func codeShape(code: String) throws {
    let text = String(
      decoding: try CorpusExamples.bytes("ueda-objective-sheet-2025", "json"), as: UTF8.self
    )
    .replacingOccurrences(of: "\"202037\"", with: "\"\(code)\"")
    let issues = try validate(text)
    #expect(issues.map(\.code) == ["municipality.code"], "\(issues.map(\.formatted))")
  }

  @Test(
    "in XML too, a code that is not six digits of a prefecture is municipality.code",
    arguments: ["992037", "20203", "2020370"])
  func codeShapeXML(code: String) throws {
    let text = String(
      decoding: try CorpusExamples.bytes("ueda-objective-sheet-2025", "xml"), as: UTF8.self
    )
    .replacingOccurrences(of: "<code>202037</code>", with: "<code>\(code)</code>")
    let issues = try validate(text)
    #expect(issues.map(\.code).contains("municipality.code"), "\(issues.map(\.formatted))")
    #expect(!issues.map(\.code).contains("municipality.check-digit"))
  }

  @Test("gyosei's own XSD asks for six digits; the published one keeps the exact pattern")
  func internalSchema() throws {
    let published = try #require(PublishedSchema.xsd(version: SchemaVersion.current))
    let own = XMLSchemaValidator.withSimpleMunicipalityCode(published)
    #expect(own.count < published.count - 30_000)
    let text = String(decoding: own, as: UTF8.self)
    #expect(text.contains("<xs:simpleType name=\"MunicipalityCode\">"))
    #expect(text.contains("<xs:pattern value=\"[0-9]{6}\"/>"))
    #expect(XMLSchemaValidator.withSimpleMunicipalityCode(Array("<a/>".utf8)) == Array("<a/>".utf8))
  }

  @Test("positions: a JSON Pointer is found at its line in JSON and in XML")
  func positions() throws {
    let validator = try #require(Self.validator)
    for form in ["json", "xml"] {
      let bytes = try CorpusExamples.bytes("ueda-objective-sheet-2025", form)
      let (issues, positions) = validator.inspect(bytes, file: "doc.\(form)")
      #expect(issues.isEmpty)
      let lines = String(decoding: bytes, as: UTF8.self).split(
        separator: "\n", omittingEmptySubsequences: false)
      let line = try #require(
        positions.position(of: JSONPointer(parsing: "/objectives/0/actions/1/title") ?? .root)?.line
      )
      #expect(lines[line - 1].contains(form == "json" ? "\"title\":" : "<title>"), "\(form)")
      let fiscalYear = try #require(
        positions.position(of: JSONPointer(parsing: "/fiscalYear") ?? .root)?.line)
      #expect(lines[fiscalYear - 1].contains("2025"))
      // A pointer past what exists gives its nearest existing ancestor.
      let missing = try #require(
        positions.position(of: JSONPointer(parsing: "/objectives/0/actions/99") ?? .root)?.line)
      #expect(lines[missing - 1].contains(form == "json" ? "\"actions\"" : "<actions>"))
    }
  }

  @Test("the 37 KB code pattern is not quoted back at the user")
  func shortPatternMessages() throws {
    let issues = try validate(try CorpusExamples.broken("code-202038", "xml"))
    #expect(issues.allSatisfy { $0.message.count < 300 })
    #expect(issues.allSatisfy { !$0.message.contains("{urn:") })
  }

  @Test(
    "JSON that lenient parsers accept is refused",
    arguments: [
      (#"{"a": 1, "a": 2}"#, "duplicate key 'a'"),
      (#"{"a": [1, 2,]}"#, "expected a value"),
      (#"{"a": NaN}"#, "expected a value"),
      ("// comment\n{}", "expected a value"),
      (#"{"a": 01}"#, "may not start with 0"),
      (#"{"a": "\ud800"}"#, "lone surrogate"),
      ("", "unexpected end of input"),
      (#"{"a": 1} x"#, "unexpected text after"),
    ])
  func strictJSON(text: String, message: String) throws {
    let issues = try validate(text)
    #expect(issues.count == 1)
    #expect(issues.first?.code == "json.syntax")
    #expect(issues.first?.message.contains(message) == true, "\(issues.map(\.formatted))")
  }

  @Test("a syntax error names its line and column")
  func syntaxPosition() throws {
    let issues = try validate("{\n  \"a\": 1,\n  \"b\" 2\n}")
    #expect(issues.first?.line == 3)
    #expect(issues.first?.column == 7)
  }

  @Test("invalid UTF-8 and deep nesting are errors, not crashes")
  func hostileJSON() throws {
    let invalidUTF8: [UInt8] = Array(#"{"a": ""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8)
    #expect(try validate(invalidUTF8).first?.message.contains("invalid UTF-8") == true)
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(try validate(deep).first?.message.contains("nesting deeper") == true)
  }

  @Test("a DOCTYPE is refused before anything is expanded")
  func externalEntity() throws {
    let hostile = """
      <?xml version="1.0"?>
      <!DOCTYPE document [<!ENTITY x SYSTEM "file:///etc/passwd">]>
      <document xmlns="urn:x-gyosei:document:1.0"><schemaVersion>&x;</schemaVersion></document>
      """
    let issues = try validate(hostile)
    #expect(issues.map(\.code) == ["xml.doctype"])
    #expect(issues.first?.line == 2)
    #expect(!issues.contains { $0.message.contains("root:") })
  }

  @Test("billion laughs is refused")
  func billionLaughs() throws {
    var entities = "<!ENTITY a0 \"lol\">"
    for level in 1...9 {
      let previous = "&a\(level - 1);"
      entities += "<!ENTITY a\(level) \"\(String(repeating: previous, count: 10))\">"
    }
    let hostile =
      "<?xml version=\"1.0\"?><!DOCTYPE document [\(entities)]>"
      + "<document xmlns=\"urn:x-gyosei:document:1.0\">&a9;</document>"
    #expect(try validate(hostile).map(\.code) == ["xml.doctype"])
  }

  @Test("XML that is not well-formed, or nested 100 000 deep, is an error with a line")
  func malformedXML() throws {
    let issues = try validate("<?xml version=\"1.0\"?>\n<document>\n<a></b>\n</document>")
    #expect(issues.first?.code == "xml.not-well-formed")
    #expect(issues.first?.line == 3)
    let deep = String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
    #expect(try validate(deep).first?.code == "xml.not-well-formed")
  }

  @Test("an XML document with another family's body is named")
  func xmlFamilyMismatch() throws {
    let xml = String(
      decoding: try CorpusExamples.bytes("ueda-objective-sheet-2025", "xml"), as: UTF8.self
    ).replacingOccurrences(
      of: "<family>objective-sheet</family>", with: "<family>policy-evaluation</family>")
    let issues = try validate(xml)
    #expect(issues.map(\.code) == ["document.family-body"])
  }

  @Test("a UTF-8 BOM before JSON is accepted")
  func byteOrderMark() throws {
    let bytes =
      [0xEF, 0xBB, 0xBF] + (try CorpusExamples.bytes("ueda-objective-sheet-2025", "json"))
    #expect(try validate(bytes).isEmpty)
  }
}
