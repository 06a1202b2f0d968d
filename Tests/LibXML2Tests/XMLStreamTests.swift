import Testing

@testable import LibXML2

struct XMLStreamTests {
  static func events(_ text: String) throws -> [String] {
    var found: [String] = []
    try XMLStream.read(Array(text.utf8), fileName: "t.xml") { event in
      switch event {
      case .start(let name, let attributes):
        found.append(
          "<\(name)"
            + attributes.pairs.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
            + ">")
      case .end(let name): found.append("</\(name)>")
      case .text(let text): found.append(text)
      }
    }
    return found
  }

  @Test("events in document order: an empty element starts and ends, attributes by local name")
  func events() throws {
    let found = try Self.events(
      #"<sheetData xmlns:x="urn:x"><row r="3"><c r="H3" t="s" x:y="1"><v>12</v></c><c r="I3"/></row></sheetData>"#
    )
    #expect(
      found == [
        "<sheetData>", "<row r=3>", "<c r=H3 t=s y=1>", "<v>", "12", "</v>", "</c>", "<c r=I3>",
        "</c>", "</row>", "</sheetData>",
      ])
  }

  @Test("a DOCTYPE is refused before reading; a broken document names its line")
  func refusals() {
    #expect {
      try Self.events("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>")
    } throws: { ($0 as? XMLParseError)?.kind == .doctype }
    #expect {
      try Self.events("<a>\n<b>\n</a>")
    } throws: { ($0 as? XMLParseError)?.line == 3 }
  }
}
