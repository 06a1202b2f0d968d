import Foundation
import TestSupport
import Testing
import ZIPFoundation

@testable import SourceReaders

/// 大船渡市's real workbook, each value checked against openpyxl's reading of the same cell.
@Suite("XLSXReader")
struct XLSXReaderTests {
  static let path = "Corpus/workbooks/ofunato-project-evaluation-2025.xlsx"

  static func cell(_ table: SourceTable, _ reference: String) -> String? {
    let letters = reference.prefix { $0.isLetter }
    guard let row = Int(reference.dropFirst(letters.count)),
      let column = XLSXReader.Workbook.column(ofReference: String(letters))
    else { return nil }
    return table.rows.first { $0.line == row }?.cells.first { $0.index == column }?.raw
  }

  @Test("the real workbook: its sheet, rows and cells as openpyxl reads them")
  func ofunato() throws {
    let bytes = try CorpusExamples.file(Self.path)
    #expect(try XLSXReader.sheetNames(bytes, fileName: "o.xlsx") == ["データ集計マクロ用シート"])
    let table = try XLSXReader.read(bytes, fileName: "o.xlsx")
    #expect(table.cells.count == 70_153)
    #expect(table.rows.filter { $0.line >= 3 }.count == 407)
    let header = try #require(table.rows.first { $0.line == 2 })
    #expect(header.nonEmptyCells.count == 208 && header.cells.count == 210)
    let expected: [(String, String)] = [
      ("C2", "No."), ("D2", "作成\n年"), ("H2", "事務事業ID"), ("L2", "政策番号\n一の位"),
      ("C3", "1"), ("H3", "0086"), ("I3", "不法投棄対策事業"), ("K3", "0"),
      ("AF3", "01\n01"), ("AK3", "Ｅ\u{3000}一般"), ("CK5", "42.9"), ("C409", "409"),
      ("H409", "0573"),
    ]
    for (reference, value) in expected {
      #expect(Self.cell(table, reference) == value, "\(reference)")
    }
    // Column B holds a COUNTIF formula whose cached value is "": no cell.
    #expect(Self.cell(table, "B3") == "")
  }

  @Test("a sheet by name, and a name the workbook lacks listed with the ones it has")
  func sheetByName() throws {
    let bytes = try CorpusExamples.file(Self.path)
    #expect(try XLSXReader.read(bytes, fileName: "o.xlsx", sheet: "データ集計マクロ用シート").rows.count > 400)
    #expect {
      try XLSXReader.read(bytes, fileName: "o.xlsx", sheet: "Sheet1")
    } throws: {
      ($0 as? SourceReadError)?.message
        == "the workbook has no sheet named 「Sheet1」; its sheets: 「データ集計マクロ用シート」"
    }
  }

  static func refusal(_ bytes: [UInt8]) -> String? {
    do {
      _ = try XLSXReader.read(bytes, fileName: "x.xlsx")
      return nil
    } catch {
      return error.message
    }
  }

  @Test("an old .xls or an encrypted workbook, a file that is no ZIP, a truncated workbook")
  func badFiles() throws {
    let ole2: [UInt8] =
      [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
    #expect(Self.refusal(ole2)?.contains("save it in Excel as .xlsx (without a password)") == true)
    #expect(Self.refusal(Array("No,事務事業名\n".utf8))?.hasPrefix("not a ZIP archive") == true)
    let real = try CorpusExamples.file(Self.path)
    #expect(Self.refusal(Array(real.prefix(real.count / 2)))?.contains("truncated") == true)
  }

  @Test("a ZIP without a workbook, and a part that expands a thousandfold (a ZIP bomb)")
  func notAWorkbookAndBomb() throws {
    let plain = try Archive(accessMode: .create)
    let text = Data("hello".utf8)
    try plain.addEntry(
      with: "readme.txt", type: .file, uncompressedSize: Int64(text.count),
      provider: { position, size in text.subdata(in: Int(position)..<Int(position) + size) })
    let plainBytes = [UInt8](try #require(plain.data))
    #expect(Self.refusal(plainBytes)?.contains("without xl/workbook.xml") == true)

    let bomb = try Archive(accessMode: .create)
    let zeros = Data(count: 64 * 1024 * 1024)
    try bomb.addEntry(
      with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(zeros.count),
      compressionMethod: .deflate,
      provider: { position, size in zeros.subdata(in: Int(position)..<Int(position) + size) })
    let bombBytes = [UInt8](try #require(bomb.data))
    #expect(bombBytes.count < 1_000_000)
    #expect(Self.refusal(bombBytes)?.hasPrefix("refused: the part xl/workbook.xml expands") == true)
  }

  @Test(
    "date serials in the 1900 and 1904 systems",
    arguments: [
      (1.0, false, "1900-01-01"), (59.0, false, "1900-02-28"), (61.0, false, "1900-03-01"),
      (45748.0, false, "2025-04-01"), (45748.5, false, "2025-04-01T12:00:00"),
      (0.0, true, "1904-01-01"), (44286.0, true, "2025-04-01"),
    ])
  func dates(serial: Double, date1904: Bool, iso: String) {
    #expect(XLSXReader.Workbook.isoDate(serial: serial, date1904: date1904) == iso)
  }

  @Test(
    "number formats that show dates",
    arguments: [
      ("yyyy/m/d", true), ("ggge\"年\"m\"月\"d\"日\"", true), ("h:mm", true), ("#,##0", false),
      ("General", false), ("0.0%", false), ("[$-411]#,##0", false), ("\"d\"0", false), ("@", false),
    ])
  func dateFormats(code: String, isDate: Bool) {
    #expect(XLSXReader.Workbook.isDateFormat(code) == isDate, "\(code)")
  }

  /// A workbook of one sheet named S whose worksheet part is `sheet` (its XML inside
  /// <worksheet>), with `styles` (the XML inside <styleSheet>) when given.
  static func workbook(_ sheet: String, styles: String? = nil) throws -> [UInt8] {
    let archive = try Archive(accessMode: .create)
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let parts =
      [
        (
          "xl/workbook.xml",
          "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relations)\"><sheets>"
            + "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
        ),
        (
          "xl/_rels/workbook.xml.rels",
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
        ),
        ("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"\(main)\">\(sheet)</worksheet>"),
      ]
      + (styles.map { [("xl/styles.xml", "<styleSheet xmlns=\"\(main)\">\($0)</styleSheet>")] }
        ?? [])
    for (path, text) in parts {
      let data = Data(text.utf8)
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
        provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }
    return [UInt8](try #require(archive.data))
  }

  @Test("numbers in the shortest form that reads back as the stored double, as Excel shows them")
  func shortestNumbers() throws {
    let table = try XLSXReader.read(
      try Self.workbook(
        "<sheetData><row r=\"1\"><c r=\"A1\"><v>75.599999999999994</v></c>"
          + "<c r=\"B1\"><v>3089</v></c><c r=\"C1\"><v>2.9805352798053526E-2</v></c>"
          + "<c r=\"D1\"><v>-5.0999999999999996</v></c><c r=\"E1\" t=\"str\"><v>1.50</v></c>"
          + "</row></sheetData>"),
      fileName: "n.xlsx")
    #expect(table.cells.map(\.raw) == ["75.6", "3089", "0.029805352798053526", "-5.1", "1.50"])
  }

  @Test("a number in a date format is its ISO date, a whole serial too; other styles stay numbers")
  func dateCells() throws {
    // Style 1 is the built-in m/d/yyyy (14), style 2 a custom 和暦 format, style 3 #,##0.
    let styles =
      "<numFmts count=\"1\"><numFmt numFmtId=\"176\" formatCode=\"ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/></numFmts>"
      + "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"176\"/>"
      + "<xf numFmtId=\"3\"/></cellXfs>"
    let table = try XLSXReader.read(
      try Self.workbook(
        "<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>45383</v></c>"
          + "<c r=\"B1\" s=\"2\"><v>45748.5</v></c><c r=\"C1\" s=\"3\"><v>45383</v></c>"
          + "<c r=\"D1\"><v>45383</v></c></row></sheetData>",
        styles: styles),
      fileName: "d.xlsx")
    #expect(table.cells.map(\.raw) == ["2024-04-01", "2025-04-01T12:00:00", "45383", "45383"])
  }

  @Test("hidden rows and columns are read and listed; merged ranges are listed")
  func hiddenAndMerged() throws {
    let table = try XLSXReader.read(
      try Self.workbook(
        "<cols><col min=\"2\" max=\"3\" hidden=\"1\"/><col min=\"4\" max=\"4\"/></cols>"
          + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>見出し</t></is></c></row>"
          + "<row r=\"2\" hidden=\"1\"><c r=\"B2\"><v>5</v></c></row></sheetData>"
          + "<mergeCells count=\"1\"><mergeCell ref=\"A1:C1\"/></mergeCells>"),
      fileName: "h.xlsx")
    #expect(table.hiddenRows == [2] && table.hiddenColumns == [2, 3])
    #expect(table.mergedRanges == [CellRange(rows: 1...1, columns: 1...3)])
    #expect(table.cells.map(\.raw) == ["見出し", "5"])
  }

  @Test("a cell reference past Excel's last column does not overflow; the cell takes the next")
  func hugeReference() throws {
    let table = try XLSXReader.read(
      try Self.workbook(
        "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>"
          + "<c r=\"ZZZZZZZZZZZZZZZZZZZZ1\"><v>2</v></c></row></sheetData>"),
      fileName: "z.xlsx")
    #expect(table.cells.map(\.index) == [1, 2])
  }
}
