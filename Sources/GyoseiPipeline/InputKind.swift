import GyoseiModel
import SourceReaders

/// Which reader a source file needs: told by its extension, and for XML by its root element.
public enum InputKind: Sendable {
  /// A canonical gyosei document (JSON, or XML in gyosei's namespace).
  case canonical
  /// An XML export of another system, parsed.
  case xmlExport(XMLExport)
  /// Text extracted from a PDF, or a spreadsheet export.
  case table

  /// The kind of input `file` is.
  ///
  /// XML is parsed here, safely (see `XMLExport`), to see its root element.
  public static func of(_ file: String, bytes: [UInt8], encoding: TextEncoding?)
    throws(SourceReadError) -> InputKind
  {
    switch file.split(separator: ".").last?.lowercased() {
    case "json": return .canonical
    case "xml":
      let export = try XMLExport.parse(
        bytes, fileName: InputFiles.fileName(file), encoding: encoding)
      return export.root.namespace == SchemaVersion.xmlNamespace ? .canonical : .xmlExport(export)
    default: return .table
    }
  }

  /// Every extension `convert` reads: sheets and canonical documents.
  public static let extensions: Set<String> = [
    "json", "xml", "txt", "tsv", "tab", "csv", "xlsx", "xlsm", "xls",
  ]

  /// The extensions of Excel workbooks (an .xls is refused with what to do).
  public static let workbookExtensions: Set<String> = ["xlsx", "xlsm", "xls"]

  /// The extensions of canonical documents.
  public static let canonicalExtensions: Set<String> = ["json", "xml"]

  /// Reads a sheet's bytes into a table: as `format` when given, otherwise as its extension
  /// says (tab or comma tables, see `TabTableReader.Separator`; any other file is text
  /// extracted from PDFs).
  static func read(
    _ bytes: [UInt8], fileName: String, as format: SourceFormat? = nil, encoding: TextEncoding?,
    lossy: Bool, sheet: ([String]) -> String? = { _ in nil }
  ) throws(SourceReadError) -> (table: SourceTable, format: SourceFormat) {
    let fileExtension = fileName.split(separator: ".").last.map { $0.lowercased() } ?? ""
    if format == .xlsxWorkbook || (format == nil && workbookExtensions.contains(fileExtension)) {
      return (try XLSXReader.read(bytes, fileName: fileName, choosing: sheet), .xlsxWorkbook)
    }
    let separator: TabTableReader.Separator?
    switch format {
    case .tabTable?: separator = .tab
    case .csvTable?: separator = .comma
    case nil: separator = TabTableReader.Separator(fileName: fileName)
    default: separator = nil
    }
    guard let separator else {
      let table = try PDFTextReader.read(
        bytes, fileName: fileName, encoding: encoding, lossy: lossy)
      return (table, .pdfText)
    }
    let table = try TabTableReader.read(
      bytes, fileName: fileName, separator: separator, encoding: encoding, lossy: lossy)
    return (table, separator == .tab ? .tabTable : .csvTable)
  }
}
