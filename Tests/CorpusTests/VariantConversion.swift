import Emitters
import GyoseiModel
import SheetMapping
import SourceReaders
import TestSupport

/// Converts a file of Corpus/variants as `gyosei convert` does: XML exports through the layout
/// that recognizes them, tab and comma tables by their extension, anything else as text
/// extracted from PDFs; then the sheet mapping, with the installed repairs.
enum VariantConversion {
  static func convert(_ file: String) throws -> Document {
    let bytes = try CorpusExamples.file("Corpus/variants/\(file)")
    let sha256 = SHA256Digest.hex(bytes)
    let catalog = try MappingCatalog(files: try CorpusExamples.mappingFiles())
    if file.hasSuffix(".xml") {
      let export = try XMLExport.parse(bytes, fileName: file)
      let layout = try catalog.recognize(export)
      let table = try XMLTableReader.read(export, layout: layout.layout)
      return try SheetMapper.map(
        table, sha256: sha256, format: .xmlExport,
        mapping: try catalog.sheetMapping(for: table, layout: layout), repairs: catalog.repairs,
        layout: layout.id
      ).document
    }
    let table: SourceTable
    let format: SourceFormat
    if let separator = TabTableReader.Separator(fileName: file) {
      table = try TabTableReader.read(bytes, fileName: file, separator: separator)
      format = separator == .tab ? .tabTable : .csvTable
    } else {
      table = try PDFTextReader.read(bytes, fileName: file)
      format = .pdfText
    }
    return try SheetMapper.map(
      table, sha256: sha256, format: format, mapping: try catalog.recognize(table),
      repairs: catalog.repairs
    ).document
  }

  /// The canonical document expected of the sheet a variant was written from.
  static func expected(_ file: String) throws -> Document {
    try CanonicalDecoder.decode(
      try CorpusExamples.file("Corpus/expected/\(file.prefix { $0 != "." }).json"))
  }
}
