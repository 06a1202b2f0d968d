import ComparisonStore
import SourceReaders
import Testing

@testable import ComparisonReports

/// Tables written as CSV and as a workbook, read back: numbers as numbers, text guarded, the
/// same bytes every time.
struct TableExportTests {
  static let table = ExportTable(
    name: "observations",
    columns: ["municipality_code", "name", "value", "count", "note"],
    rows: [
      [.text("012131"), .text("がん検診受診率"), .real(10.3), .integer(7), .null],
      [.text("032034"), .text("=SUM(A1)"), .real(13788), .integer(-2), .text("a,\"b\"\nc")],
      [.text("032034"), .text("-3"), .real(-0.5), .null, .text("  spaced  ")],
    ])

  @Test("CSV: a header, numbers without binary noise, text quoted and guarded")
  func csv() {
    let text = String(decoding: TableExport.csv(Self.table, excel: false), as: UTF8.self)
    #expect(
      text == """
        municipality_code,name,value,count,note
        012131,がん検診受診率,10.3,7,
        032034,'=SUM(A1),13788,-2,"a,""b""
        c"
        032034,'-3,-0.5,,  spaced  \n
        """)
  }

  @Test("CSV for Excel: a byte order mark and CRLF")
  func excel() {
    let bytes = TableExport.csv(Self.table, excel: true)
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
    #expect(text.hasPrefix("municipality_code,name,value,count,note\r\n012131,"))
  }

  @Test("a workbook: a sheet per table, values as written, read back by the reader of .xlsx")
  func workbook() throws {
    let other = ExportTable(name: "documents", columns: ["id"], rows: [[.text("x")]])
    let bytes = try TableExport.workbook([Self.table, other])
    #expect(try XLSXReader.sheetNames(bytes, fileName: "t.xlsx") == ["observations", "documents"])
    let sheet = try XLSXReader.read(bytes, fileName: "t.xlsx", sheet: "observations")
    let rows = sheet.rows.map { row in row.cells.map { $0.raw } }
    #expect(rows[0] == ["municipality_code", "name", "value", "count", "note"])
    #expect(rows[1] == ["012131", "がん検診受診率", "10.3", "7"])
    #expect(rows[2] == ["032034", "=SUM(A1)", "13788", "-2", "a,\"b\"\nc"])
    #expect(rows[3] == ["032034", "-3", "-0.5", "", "  spaced  "])
    #expect(try TableExport.workbook([Self.table, other]) == bytes)
  }

  @Test(
    "column letters", arguments: [(1, "A"), (26, "Z"), (27, "AA"), (52, "AZ"), (16_384, "XFD")])
  func letters(column: Int, letters: String) {
    #expect(TableExport.columnLetters(column) == letters)
  }
}
