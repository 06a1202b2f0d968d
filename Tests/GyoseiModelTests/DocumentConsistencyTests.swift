import Testing

@testable import GyoseiModel

struct DocumentConsistencyTests {
  static let source = SourceInfo(
    fileName: "000_be2b7c3dea443e35.txt", sha256: String(repeating: "0", count: 64),
    format: .pdfText, encoding: "UTF-8")

  static func ueda() throws -> Municipality {
    Municipality(name: "上田市", prefecture: "長野県", code: try #require(MunicipalityCode("202037")))
  }

  @Test("a document whose body matches its family has no consistency problems")
  func consistent() throws {
    let document = Document(
      id: "x", family: .objectiveSheet, municipality: try Self.ueda(), fiscalYear: 2025,
      source: Self.source, objectives: [])
    #expect(document.consistencyProblems.isEmpty)
    #expect(document.schemaVersion == SchemaVersion.current)
  }

  @Test(
    "a body of another family is named, and a missing body too",
    arguments: [
      (DocumentFamily.policyEvaluation, ["/objectives", "/goals", "/measures"]),
      (DocumentFamily.reformActionProgram, ["/objectives", "/categories", "/items"]),
    ])
  func mismatched(family: DocumentFamily, pointers: [String]) throws {
    let document = Document(
      id: "x", family: family, municipality: try Self.ueda(), fiscalYear: 2025, source: Self.source,
      objectives: [])
    #expect(Set(document.consistencyProblems.map(\.pointer)) == Set(pointers))
  }

  @Test("each family names its body keys in document order")
  func bodyKeys() {
    #expect(Document.bodyKeys(of: .objectiveSheet) == ["objectives"])
    #expect(Document.bodyKeys(of: .policyEvaluation) == ["goals", "measures"])
    #expect(Document.bodyKeys(of: .reformActionProgram) == ["categories", "items"])
  }
}

struct JSONPointerTests {
  @Test(
    "tokens escape and unescape as RFC 6901 says",
    arguments: [
      ("a/b", "a~1b"), ("m~n", "m~0n"), ("~/", "~0~1"), ("objectives", "objectives"), ("", ""),
    ])
  func escaping(token: String, escaped: String) {
    #expect(JSONPointer.escape(token) == escaped)
    #expect(JSONPointer.unescape(escaped) == token)
  }

  @Test("a path becomes a pointer, and a pointer its path again")
  func pointer() throws {
    let built = JSONPointer.root / "objectives" / 0 / "a/b"
    #expect(built.text == "/objectives/0/a~1b")
    #expect(JSONPointer(tokens: ["objectives", "0", "a/b"]) == built)
    #expect(built.tokens == ["objectives", "0", "a/b"])
    #expect(built.index(at: 1) == 0 && built.index(at: 0) == nil)
    #expect(built.parent == .root / "objectives" / 0)
    #expect(JSONPointer.root.parent == nil && JSONPointer.root.text.isEmpty)
    #expect(try #require(JSONPointer(parsing: "/m~0n/~1")).tokens == ["m~n", "/"])
    #expect(JSONPointer(parsing: "objectives") == nil && JSONPointer(parsing: "/a~2") == nil)
    #expect(built.isWithin(.root / "objectives") && !built.isWithin(.root / "objective"))
    let item = JSONPointer.root / "items" / 3
    let year = JSONPointer.root / "years" / 0
    #expect(item / year == JSONPointer(tokens: ["items", "3", "years", "0"]))
  }

  @Test(
    "JSON is told from XML by the first significant byte",
    arguments: [
      ("{}", CanonicalForm.json), ("  \n<document/>", .xml), ("\u{FEFF}<?xml?>", .xml), ("", .json),
    ])
  func form(text: String, form: CanonicalForm) {
    #expect(CanonicalForm.detect(Array(text.utf8)) == form)
  }
}
