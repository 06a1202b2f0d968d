import Emitters
import GyoseiModel
import SheetMapping
import SourceReaders
import TestSupport
import Testing

/// The real sheets as XML exports (Corpus/variants, written by scripts/generate-xml-variants.py),
/// read through the layouts of Mappings/: each converts to its sheet's canonical body.
@Suite("corpus: XML exports")
struct XMLVariantsCorpusTests {
  @Test(
    "an Excel XML spreadsheet converts to its sheet's body, at the sheet's rows and columns",
    arguments: [
      "ueda-objective-sheet-2024-shimin-machizukuri.spreadsheet.xml",
      "ueda-reform-action-program-2022.spreadsheet.xml",
    ])
  func spreadsheet(file: String) throws {
    let document = try VariantConversion.convert(file)
    #expect(document.source.format == .xmlExport)
    #expect(document.source.mapping?.hasPrefix("excel-xml-spreadsheet/ueda-") == true)
    let expected = try VariantConversion.expected(file)
    #expect(TableVariantsCorpusTests.body(document) == TableVariantsCorpusTests.body(expected))
  }

  @Test("the objective records (Shift_JIS) convert to the sheet's body; provenance is XML lines")
  func objectiveRecords() throws {
    let file = "ueda-objective-sheet-2025-kenko-kodomo-mirai.records.sjis.xml"
    let document = try VariantConversion.convert(file)
    #expect(document.source.encoding == "CP932")
    #expect(document.source.mapping == "ueda-objective-records-xml/ueda-objective-sheet")
    let expected = try VariantConversion.expected(file)
    var body = TableVariantsCorpusTests.body(document)
    var expectedBody = TableVariantsCorpusTests.body(expected)
    // The same repairs and doubts, said the same way, at lines of the XML file.
    #expect(
      document.warnings.map { [$0.code, $0.message, $0.original ?? ""] }
        == expected.warnings.map { [$0.code, $0.message, $0.original ?? ""] })
    #expect(document.warnings.first?.position?.line == 65)  // <項目> of the objective with されるされる
    // Every value is traced; the sheet's contents lines have no counterpart in the export.
    #expect(
      Set(document.provenance.map(\.pointer)).isSubset(of: expected.provenance.map(\.pointer)))
    #expect(document.provenance.allSatisfy { $0.position.line > 1 })
    body.provenance = []
    expectedBody.provenance = []
    body.warnings = []
    expectedBody.warnings = []
    #expect(body == expectedBody)
  }

  @Test("canonical XML is an input too: it converts to the same document")
  func canonicalXML() throws {
    let bytes = try CorpusExamples.file("Corpus/expected/ueda-objective-sheet-2024-fukushi.xml")
    let export = try XMLExport.parse(bytes, fileName: "c.xml")
    #expect(export.root.namespace == SchemaVersion.xmlNamespace)
    let document = try CanonicalDecoder.decode(bytes)
    #expect(try XMLEmitter.emit(document) == bytes)
  }
}
