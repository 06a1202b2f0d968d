import SourceReaders
import TestSupport
import Testing

@testable import SheetMapping

struct XMLExportMappingTests {
  static func decode(_ rows: String) throws -> XMLExportMapping {
    let text = """
      id: x
      format: xml-export
      recognize: [/r]
      rows:
      \(rows)
      """
    let catalog = try MappingCatalog(files: [("x.yaml", text)])
    return try #require(catalog.xmlExports.first)
  }

  @Test("rows, records, cells and the three kinds of cell decode")
  func decodes() throws {
    let mapping = try Self.decode(
      """
        - [ラベル, {value: "@a"}, {values: b}]
        - each: /r/c
          row-number: "@n"
          rows:
            - cells: d
              column: "@i"
              value: e
      """)
    #expect(
      mapping.layout.rows == [
        .row([.text("ラベル"), .value("@a"), .values("b")]),
        .each(
          select: "/r/c", rowNumber: "@n", rows: [.cells(select: "d", column: "@i", value: "e")]),
      ])
  }

  @Test(
    "a mistake in the layout names where it is and what is allowed",
    arguments: [
      ("  - [a, {vale: b}]", "rows[0][1]: a cell is text"),
      (
        "  - each: /r\n    row: [a]",
        "rows[0]: unknown key 'row'; known here: each, row-number, rows"
      ),
      ("  - each: /r", "rows[0]: 'each' needs 'rows'"),
      ("  - {select: /r}", "rows[0]: a row mapping needs 'each' (records) or 'cells'"),
      ("  - cells: d\n    colum: x", "rows[0]: unknown key 'colum'"),
    ])
  func mistakes(rows: String, problem: String) {
    #expect {
      try Self.decode(rows)
    } throws: {
      ($0 as? MappingError)?.description.contains(problem) == true
    }
  }

  @Test("an unknown top-level key is refused")
  func unknownKey() {
    let text = "id: x\nformat: xml-export\nrecognize: [/r]\nread-as: y\nrows: [[a]]\n"
    #expect {
      try MappingCatalog(files: [("x.yaml", text)])
    } throws: {
      ($0 as? MappingError)?.description.contains("unknown key 'read-as'") == true
    }
  }

  @Test("an export no layout matches names its root element and the layouts tried")
  func unrecognized() throws {
    let catalog = try MappingCatalog(files: try CorpusExamples.mappingFiles())
    let export = try XMLExport.parse(Array("<謎/>".utf8), fileName: "n.xml")
    #expect {
      try catalog.recognize(export)
    } throws: {
      let text = ($0 as? MappingError)?.description ?? ""
      return text.contains("root element 謎") && text.contains("excel-xml-spreadsheet")
    }
  }

  @Test("a policy evaluation is recognized as one, not as the indicator table it contains")
  func mostSpecific() throws {
    let catalog = try MappingCatalog(files: try CorpusExamples.mappingFiles())
    let table = try PDFTextReader.read(
      try CorpusExamples.file("Corpus/sheets/tomakomai-policy-evaluation-2020.txt"),
      fileName: "t.txt")
    #expect(try catalog.recognize(table).id == "tomakomai-policy-evaluation")
  }
}
