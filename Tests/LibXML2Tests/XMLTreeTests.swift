import Foundation
import Testing

@testable import LibXML2

/// The one parser policy: what is refused, where errors are placed, and that each parse keeps
/// its own errors.
struct XMLTreeTests {
  static func refusal(_ text: String) -> XMLParseError? {
    do {
      _ = try XMLTree.parse(Array(text.utf8), fileName: "t.xml")
      return nil
    } catch {
      return error
    }
  }

  @Test(
    "a DOCTYPE is found in the prolog only",
    arguments: [
      ("<?xml version=\"1.0\"?>\n<!DOCTYPE d>\n<d/>", 2),
      ("\u{FEFF}<!-- c\n -->\n<!DOCTYPE d [<!ENTITY x \"y\">]><d/>", 3),
      ("<d><![CDATA[<!DOCTYPE d>]]></d>", nil),
      ("<d>&lt;!DOCTYPE</d>", nil),
      ("", nil),
    ])
  func doctypeScan(text: String, line: Int?) {
    #expect(XMLTree.doctypeLine(Array(text.utf8)) == line)
  }

  @Test("an external entity is refused before libxml2 reads it")
  func externalEntity() {
    let error = Self.refusal(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<r>&x;</r>"
    )
    #expect(error?.kind == .doctype)
    #expect(error?.line == 2)
  }

  @Test("nesting deeper than 256 is refused as too deep, with its line")
  func depth() {
    let text = String(repeating: "<a>\n", count: 300) + String(repeating: "</a>", count: 300)
    let error = Self.refusal(text)
    #expect(error?.kind == .tooDeep)
    #expect((error?.line ?? 0) > 250)
  }

  @Test("an error past line 65,535 is reported at its true line")
  func bigLines() throws {
    let text = "<r>" + String(repeating: "\n", count: 77_033) + "<b></c></r>"
    let error = try #require(Self.refusal(text))
    #expect(error.kind == .notWellFormed)
    #expect(error.line == 77_034)
    let tree = try XMLTree.parse(
      Array(("<r>" + String(repeating: "\n", count: 70_000) + "<b/></r>").utf8), fileName: "t")
    #expect(tree.root?.elements.first?.line == 70_001)
  }

  @Test("parses on several threads each keep their own first error")
  func concurrentErrors() async {
    let lines = await withTaskGroup(of: Int.self) { group in
      for depth in 1...16 {
        group.addTask {
          let text = String(repeating: "<a>\n", count: depth) + "</b>"
          return Self.refusal(text)?.line ?? -1
        }
      }
      var found: [Int] = []
      for await line in group { found.append(line) }
      return found.sorted()
    }
    #expect(lines == Array(2...17))
  }

  @Test("text, own text, names, namespaces and lines of nodes")
  func nodes() throws {
    let tree = try XMLTree.parse(
      Array("<r xmlns=\"urn:x\">a<b>令和</b>&amp;<![CDATA[<c>]]>\n<d x=\"1\"/></r>".utf8),
      fileName: "n.xml")
    let root = try #require(tree.root)
    #expect(root.name == "r" && root.namespace == "urn:x")
    #expect(root.text == "a令和&<c>\n")
    #expect(root.ownText == "a&<c>\n")
    #expect(root.elements.map(\.name) == ["b", "d"])
    #expect(root.elements[1].line == 2)
  }
}

struct XPathTests {
  static func strings(_ xml: String, _ expression: String) throws -> [String] {
    let tree = try XMLTree.parse(Array(xml.utf8), fileName: "x.xml")
    switch try XPathEvaluator(tree).evaluate(expression) {
    case .nodes(let nodes): return nodes.map(\.text)
    case .text(let text): return [text]
    }
  }

  @Test(
    "node sets, strings, numbers and booleans",
    arguments: [
      ("/r/a", ["1", "2"]), ("string(/r/a[2])", ["2"]), ("count(/r/a)", ["2"]),
      ("sum(/r/a) div 4", ["0.75"]), ("1e300", ["1e+300"]), ("count(/r/a) = 2", ["true"]),
      ("/r/@年", ["R7"]), ("/重点/x", []),
    ])
  func values(expression: String, expected: [String]) throws {
    #expect(try Self.strings("<r 年=\"R7\"><a>1</a><a>2</a></r>", expression) == expected)
  }

  @Test("an absolute path to a Japanese name compiles (libxml2 2.9 needs child::)")
  func japanesePath() throws {
    #expect(try Self.strings("<重点 年=\"R7\"><目標>a</目標></重点>", "/重点/目標") == ["a"])
    #expect(XPathEvaluator.portable("concat(/重点/@年, '/年')") == "concat(/child::重点/@年, '/年')")
  }

  @Test("an invalid expression is an error naming it, not a message on standard error")
  func invalid() throws {
    let error = #expect(throws: XPathError.self) { try Self.strings("<r/>", "r[") }
    #expect(error?.expression == "r[")
    #expect(error?.description.contains("is not valid XPath 1.0") == true)
  }
}

struct XMLSchemaTests {
  static let schema = Array(
    """
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:element name="r"><xs:complexType><xs:sequence>
        <xs:element name="n" type="xs:int" maxOccurs="unbounded"/>
      </xs:sequence></xs:complexType></xs:element>
    </xs:schema>
    """.utf8)

  @Test("every violation with its line, each validation with its own errors")
  func violations() throws {
    let schema = try XMLSchema(Self.schema)
    let bad = try XMLTree.parse(Array("<r>\n<n>1</n>\n<n>x</n>\n<m/></r>".utf8), fileName: "b")
    let diagnostics = schema.validate(bad)
    #expect(diagnostics.map(\.line) == [3, 4])
    #expect(diagnostics[0].message.contains("'x' is not a valid value"))
    let good = try XMLTree.parse(Array("<r><n>1</n></r>".utf8), fileName: "g")
    #expect(schema.validate(good).isEmpty)
  }

  @Test("a schema that does not compile says where")
  func compileError() {
    let error = #expect(throws: XMLSchema.CompileError.self) {
      try XMLSchema(
        Array(
          "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:bogus/></xs:schema>".utf8))
    }
    #expect(error?.description.hasPrefix("the XSD does not compile: line 1") == true)
  }
}
