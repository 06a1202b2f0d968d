import ComparisonStore
import Foundation
import TextEscaping
import ZIPFoundation

/// The store's tables written for a spreadsheet or a data frame: CSV (one file per table) or
/// one Excel workbook (a sheet per table).
///
/// Numbers stay numbers: an integer or a whole value prints without a decimal point (`13788`,
/// not `13788.0`), any other in the shortest form that reads back as the stored value
/// (`28.3`); the text the sheet had (`28.30`, `1,200千円`) is in the row's `raw` column where
/// the table has one. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab
/// or a carriage return first) is prefixed with `'` in CSV; in a workbook it is a string cell,
/// which Excel never runs.
public enum TableExport {
  /// A CSV table: UTF-8, a header row, fields quoted when they hold a comma, a quote or a line
  /// break.
  ///
  /// For Excel (`excel`), a byte order mark and CRLF line ends, which it needs to read UTF-8
  /// and line ends as a Japanese Windows writes them.
  public static func csv(_ table: ExportTable, excel: Bool) -> [UInt8] {
    var out: [UInt8] = excel ? [0xEF, 0xBB, 0xBF] : []
    let end: [UInt8] = excel ? [0x0D, 0x0A] : [0x0A]
    out += Array(table.columns.map(CSVReport.cell).joined(separator: ",").utf8)
    out += end
    for row in table.rows {
      out += Array(row.map(csvField).joined(separator: ",").utf8)
      out += end
    }
    return out
  }

  private static func csvField(_ value: ExportTable.Value) -> String {
    switch value {
    case .null: return ""
    case .integer(let number): return String(number)
    case .real(let number): return ReportText.number(number)
    case .text(let text): return CSVReport.cell(text)
    }
  }

  /// Why a workbook cannot be written.
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// The most rows a sheet holds (the header included), and characters a cell holds.
  public static let maximumRows = 1_048_576
  public static let maximumCellCharacters = 32_767

  /// An Excel workbook (.xlsx) with one sheet per table.
  ///
  /// The header row bold and frozen, text as inline strings, numbers as numbers. The same
  /// tables give the same bytes.
  public static func workbook(_ tables: [ExportTable]) throws -> [UInt8] {
    for table in tables where table.rows.count + 1 > maximumRows {
      throw Failure(
        description: "the table \(table.name) has \(table.rows.count) rows; an Excel sheet holds "
          + "\(maximumRows - 1) below its header: export it as CSV (--format csv)")
    }
    var parts: [(path: String, bytes: [UInt8])] = [
      ("[Content_Types].xml", contentTypes(count: tables.count)),
      ("_rels/.rels", Array(packageRelations.utf8)),
      ("xl/workbook.xml", workbookPart(tables)),
      ("xl/_rels/workbook.xml.rels", workbookRelations(count: tables.count)),
      ("xl/styles.xml", Array(styles.utf8)),
    ]
    for (index, table) in tables.enumerated() {
      parts.append(("xl/worksheets/sheet\(index + 1).xml", try sheet(table)))
    }
    do {
      let archive = try Archive(accessMode: .create)
      for part in parts {
        let data = Data(part.bytes)
        try archive.addEntry(
          with: part.path, type: .file, uncompressedSize: Int64(data.count),
          modificationDate: fixedDate, compressionMethod: .deflate
        ) { position, size in
          data.subdata(in: Int(position)..<Int(position) + size)
        }
      }
      guard let bytes = archive.data else {
        throw Failure(description: "the workbook's archive cannot be made")
      }
      return [UInt8](bytes)
    } catch let failure as Failure {
      throw failure
    } catch {
      throw Failure(description: "the workbook's archive cannot be written (\(error))")
    }
  }

  /// Every part's date: a workbook of the same tables is the same bytes whenever it is made.
  private static let fixedDate = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01

  /// The column letters of a 1-based column (1 is A, 27 is AA).
  public static func columnLetters(_ column: Int) -> String {
    var column = column
    var letters: [UInt8] = []
    while column > 0 {
      column -= 1
      letters.insert(UInt8(ascii: "A") + UInt8(column % 26), at: 0)
      column /= 26
    }
    return String(decoding: letters, as: UTF8.self)
  }

  private static func sheet(_ table: ExportTable) throws -> [UInt8] {
    var out = Array(
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
      <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" \
      activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>
      """.utf8)
    let letters = (0..<max(table.columns.count, 1)).map { columnLetters($0 + 1) }
    func row(_ number: Int, _ values: [ExportTable.Value], style: String) throws {
      out += Array("<row r=\"\(number)\">".utf8)
      for (index, value) in values.enumerated() {
        let reference = "\(letters[index])\(number)"
        switch value {
        case .null:
          continue
        case .integer(let integer):
          out += Array("<c r=\"\(reference)\"\(style)><v>\(integer)</v></c>".utf8)
        case .real(let real):
          out += Array("<c r=\"\(reference)\"\(style)><v>\(ReportText.number(real))</v></c>".utf8)
        case .text(let text):
          guard text.utf16.count <= maximumCellCharacters else {
            throw Failure(
              description: "the table \(table.name) has a text of \(text.utf16.count) "
                + "characters at \(reference); an Excel cell holds \(maximumCellCharacters): "
                + "export it as CSV (--format csv)")
          }
          out += Array(
            "<c r=\"\(reference)\"\(style) t=\"inlineStr\"><is><t xml:space=\"preserve\">".utf8)
          MarkupEscaping.append(text, to: &out, quotes: false, forbidden: .replace)
          out += Array("</t></is></c>".utf8)
        }
      }
      out += Array("</row>".utf8)
    }
    try row(1, table.columns.map { .text($0) }, style: " s=\"1\"")
    for (index, values) in table.rows.enumerated() {
      try row(index + 2, values, style: "")
    }
    out += Array("</sheetData></worksheet>".utf8)
    return out
  }

  private static func contentTypes(count: Int) -> [UInt8] {
    let sheets = (0..<count).map { index in
      "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/"
        + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }.joined()
    return Array(
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
      <Default Extension="xml" ContentType="application/xml"/>\
      <Override PartName="/xl/workbook.xml" \
      ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
      <Override PartName="/xl/styles.xml" \
      ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
      \(sheets)</Types>
      """.utf8)
  }

  private static let packageRelations = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" \
    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
    Target="xl/workbook.xml"/></Relationships>
    """

  private static func workbookPart(_ tables: [ExportTable]) -> [UInt8] {
    let sheets = tables.enumerated().map { index, table in
      "<sheet name=\"\(MarkupEscaping.escaped(String(table.name.prefix(31))))\" "
        + "sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
    }.joined()
    return Array(
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
      xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
      <sheets>\(sheets)</sheets></workbook>
      """.utf8)
  }

  private static func workbookRelations(count: Int) -> [UInt8] {
    var relations = (0..<count).map { index in
      "<Relationship Id=\"rId\(index + 1)\" "
        + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
        + "Target=\"worksheets/sheet\(index + 1).xml\"/>"
    }
    relations.append(
      "<Relationship Id=\"rId\(count + 1)\" "
        + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
        + "Target=\"styles.xml\"/>")
    return Array(
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      \(relations.joined())</Relationships>
      """.utf8)
  }

  /// Two cell formats: the default, and bold for the header row.
  private static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
    <fonts count="2"><font><sz val="11"/><name val="Yu Gothic"/></font>\
    <font><b/><sz val="11"/><name val="Yu Gothic"/></font></fonts>\
    <fills count="2"><fill><patternFill patternType="none"/></fill>\
    <fill><patternFill patternType="gray125"/></fill></fills>\
    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
    </styleSheet>
    """
}
