import GyoseiModel
import SourceReaders

/// Which reader a source file needs: told by its extension, and for XML by its root element.
enum SheetInput {
  /// A canonical gyosei document (JSON, or XML in gyosei's namespace).
  case canonical
  /// An XML export of another system, parsed.
  case xmlExport(XMLExport)
  /// Text extracted from a PDF, or a spreadsheet export.
  case table

  /// The kind of input `file` is.
  ///
  /// XML is parsed here, safely (see `XMLExport`), to see its root element.
  static func kind(_ file: String, bytes: [UInt8], encoding: TextEncoding?) throws -> SheetInput {
    switch file.split(separator: ".").last?.lowercased() {
    case "json": return .canonical
    case "xml":
      let name = file.split(separator: "/").last.map(String.init) ?? file
      let export = try XMLExport.parse(bytes, fileName: name, encoding: encoding)
      return export.root.namespace == SchemaVersion.xmlNamespace ? .canonical : .xmlExport(export)
    default: return .table
    }
  }

  /// Every extension `convert` reads: sheets and canonical documents.
  static let extensions: Set<String> = ["json", "xml", "txt", "tsv", "tab", "csv"]

  /// The form a file's extension names: `.tsv`/`.tab` tab tables, `.csv` comma tables,
  /// anything else text extracted from PDFs.
  static func format(of fileName: String) -> SourceFormat {
    switch fileName.split(separator: ".").last?.lowercased() {
    case "tsv", "tab": return .tabTable
    case "csv": return .csvTable
    default: return .pdfText
    }
  }

  /// Reads a sheet's bytes into a table, as `format` (by default, what its extension names).
  static func read(
    _ bytes: [UInt8], fileName: String, as format: SourceFormat? = nil, encoding: TextEncoding?,
    lossy: Bool
  ) throws(SourceReadError) -> (table: SourceTable, format: SourceFormat) {
    switch format ?? Self.format(of: fileName) {
    case .tabTable:
      let table = try TabTableReader.read(
        bytes, fileName: fileName, separator: .tab, encoding: encoding, lossy: lossy)
      return (table, .tabTable)
    case .csvTable:
      let table = try TabTableReader.read(
        bytes, fileName: fileName, separator: .comma, encoding: encoding, lossy: lossy)
      return (table, .csvTable)
    default:
      let table = try PDFTextReader.read(
        bytes, fileName: fileName, encoding: encoding, lossy: lossy)
      return (table, .pdfText)
    }
  }
}
