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
      case .text(let text):
        // A text may come in several events (around an entity): joined here.
        if let last = found.last, !last.hasPrefix("<") {
          found[found.count - 1] = last + text.string
        } else {
          found.append(text.string)
        }
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

  @Test("references read back: in text and in attributes, `&` included")
  func references() throws {
    let found = try Self.events(
      #"<si a="x &amp; y &#38;#38; &lt;"><t>R&amp;D &#x5E02; &lt;1&gt;</t></si>"#)
    #expect(found == ["<si a=x & y &#38; <>", "<t>", "R&D 市 <1>", "</t>", "</si>"])
  }

  @Test("names and values as bytes: compared, matched, read as integers")
  func bytes() throws {
    var seen: [String] = []
    try XMLStream.read(
      Array(#"<row r="12" s="-3" x="1a" big="99999999999999999999"><c/></row>"#.utf8),
      fileName: "t.xml"
    ) { event in
      guard case .start(let name, let attributes) = event else { return }
      switch name {
      case "row":
        seen.append(
          "row \(attributes.integer("r") ?? 0) \(attributes.integer("s") ?? 0) "
            + "\(attributes.integer("x") == nil) \(attributes.integer("big") == nil) "
            + "\(attributes["missing"] == nil)")
      case "c": seen.append("c")
      default: seen.append("other")
      }
    }
    #expect(seen == ["row 12 -3 true true true", "c"])
  }

  @Test("an error the visitor throws stops the reading and comes back as it was")
  func visitorError() {
    struct Stop: Error {}
    var starts = 0
    #expect(throws: Stop.self) {
      try XMLStream.read(Array("<a><b/><b/><b/></a>".utf8), fileName: "t.xml") { event in
        if case .start = event { starts += 1 }
        if starts == 2 { throw Stop() }
      }
    }
    #expect(starts == 2)
  }

  @Test("a DOCTYPE is refused before reading; a broken document names its line")
  func refusals() {
    #expect {
      try Self.events("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>")
    } throws: { ($0 as? XMLParseError)?.kind == .doctype }
    #expect {
      try Self.events("<a>\n<b>\n</a>")
    } throws: { ($0 as? XMLParseError)?.line == 3 }
    #expect {
      try Self.events("<a>&undeclared;</a>")
    } throws: { ($0 as? XMLParseError)?.kind == .notWellFormed }
  }
}
