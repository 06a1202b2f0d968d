/// The form a source file came in.
public enum SourceFormat: String, Codable, Sendable, CaseIterable {
  /// Text extracted from a PDF, cells separated by tabs.
  case pdfText = "pdf-text"
  /// A tab-separated table exported from a spreadsheet.
  case tabTable = "tab-table"
  /// A comma-separated table exported from a spreadsheet.
  case csvTable = "csv-table"
  /// An XML export of a legacy system.
  case xmlExport = "xml-export"
  /// A sheet of an Excel workbook (.xlsx).
  case xlsxWorkbook = "xlsx-workbook"
  /// A canonical gyosei document in JSON.
  case canonicalJSON = "canonical-json"
  /// A canonical gyosei document in XML.
  case canonicalXML = "canonical-xml"
}
