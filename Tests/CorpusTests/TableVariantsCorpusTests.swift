import Emitters
import GyoseiModel
import SheetMapping
import SourceReaders
import TestSupport
import Testing

/// The real sheets as spreadsheet exports (Corpus/variants, written by
/// scripts/generate-table-variants.py): each converts to its sheet's canonical body.
///
/// Only what records the source as written may differ: `id`, `source`, the raw text in the
/// provenance and in `unmapped`, and the original text a warning quotes. Every position (row and
/// column) is the same, since the export keeps the sheet's rows and columns.
@Suite("corpus: spreadsheet exports")
struct TableVariantsCorpusTests {
  static let variants: [(file: String, separator: TabTableReader.Separator, encoding: String)] = [
    ("ueda-objective-sheet-2024-fukushi.utf8.tsv", .tab, "UTF-8"),
    ("ueda-objective-sheet-2024-shimin-machizukuri.utf8bom.csv", .comma, "UTF-8"),
    ("ueda-objective-sheet-2025-kenko-kodomo-mirai.cp932.tsv", .tab, "CP932"),
    ("tomakomai-policy-evaluation-2020.cp932.csv", .comma, "CP932"),
    ("ueda-reform-action-program-2022.utf16le.tsv", .tab, "UTF-16LE"),
  ]

  @Test("each export converts to its sheet's canonical body", arguments: variants.indices)
  func sameBody(index: Int) throws {
    let variant = Self.variants[index]
    let document = try VariantConversion.convert(variant.file)
    #expect(document.source.encoding == variant.encoding)
    #expect(document.source.format == (variant.separator == .tab ? .tabTable : .csvTable))
    let expected = try VariantConversion.expected(variant.file)
    // Full-width digits in every seventh row: the source as written does differ.
    #expect(document.provenance.map(\.raw) != expected.provenance.map(\.raw))
    #expect(Self.body(document) == Self.body(expected))
  }

  /// The document without what records the source as written.
  static func body(_ document: Document) -> Document {
    var body = document
    body.id = ""
    body.source = SourceInfo(fileName: "", sha256: "", format: .pdfText, encoding: "")
    body.provenance = body.provenance.map {
      ProvenanceEntry(pointer: $0.pointer, position: $0.position, raw: "")
    }
    body.unmapped = body.unmapped.map { UnmappedCell(position: $0.position, text: "") }
    body.warnings = body.warnings.map {
      var warning = $0
      warning.original = nil
      return warning
    }
    return body
  }
}
