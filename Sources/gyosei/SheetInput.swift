import GyoseiModel
import SourceReaders

/// Which reader a source file needs, told by its extension.
enum SheetInput {
  /// Every extension `convert` reads: sheets and canonical documents.
  static let extensions: Set<String> = ["json", "xml", "txt", "tsv", "tab", "csv"]

  /// Reads a sheet's bytes into a table, with the reader its extension names.
  static func read(
    _ bytes: [UInt8], fileName: String, encoding: TextEncoding?, lossy: Bool
  ) throws(SourceReadError) -> (table: SourceTable, format: SourceFormat) {
    switch fileName.split(separator: ".").last?.lowercased() {
    case "tsv", "tab":
      let table = try TabTableReader.read(
        bytes, fileName: fileName, separator: .tab, encoding: encoding, lossy: lossy)
      return (table, .tabTable)
    case "csv":
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
