import TestSupport
import Testing

@testable import SourceReaders

struct TabTableReaderTests {
  static func read(_ text: String, _ separator: TabTableReader.Separator = .tab) throws
    -> SourceTable
  {
    try TabTableReader.read(Array(text.utf8), fileName: "t.tsv", separator: separator)
  }

  static func raws(_ table: SourceTable) -> [[String]] {
    table.rows.map { $0.cells.map(\.raw) }
  }

  @Test(
    "Excel's quoting: separators, line breaks and doubled quotes inside quoted fields",
    arguments: [
      ("a\tb\r\nc\td\r\n", TabTableReader.Separator.tab, [["a", "b"], ["c", "d"]]),
      ("\"x\ty\"\tz\n", .tab, [["x\ty", "z"]]),
      ("\"line1\r\nline2\"\tz\r\n", .tab, [["line1\r\nline2", "z"]]),
      ("\"say \"\"はい\"\"\",2\n", .comma, [["say \"はい\"", "2"]]),
      ("a,,\r\n,b\r\n", .comma, [["a", "", ""], ["", "b"]]),
      ("last row without a line end", .tab, [["last row without a line end"]]),
      ("a\n\nb\n", .tab, [["a"], [""], ["b"]]),
      ("a\rb\r", .tab, [["a"], ["b"]]),
      // After a closing quote, text is kept as written (Excel does the same).
      ("\"ab\"c\td\n", .tab, [["abc", "d"]]),
      ("\"\"\t\n", .tab, [["", ""]]),
    ])
  func quoting(text: String, separator: TabTableReader.Separator, rows: [[String]]) throws {
    #expect(Self.raws(try Self.read(text, separator)) == rows)
  }

  @Test("rows and columns are the positions, whatever the physical lines")
  func positions() throws {
    let table = try Self.read("h1\th2\n\"two\nlines\"\tx\ny\t\t\tz\n")
    #expect(table.rows.map(\.line) == [1, 2, 3])
    let last = table.rows[2].cells
    #expect(last.map(\.index) == [1, 2, 3, 4])
    #expect(last[3].line == 3 && last[3].raw == "z")
    #expect(table.rows[1].cells[0].text == "two lines")
  }

  @Test("a line break in a cell separates blocks; tab-separated lines are a table")
  func blocks() throws {
    let table = try Self.read("\"総務部\t行政管理課\n農林部\t農政課\nまとめ\"\n")
    let cell = table.rows[0].cells[0]
    #expect(
      cell.blocks == [.table(rows: [["総務部", "行政管理課"], ["農林部", "農政課"]]), .text("まとめ")])
    #expect(cell.text == "総務部 行政管理課 農林部 農政課 まとめ")
    let html = try Self.read("<p>一つ目</p> <p>二つ目</p>\n").rows[0].cells[0]
    let lines = try Self.read("\"一つ目\n二つ目\"\n").rows[0].cells[0]
    #expect(html.text == lines.text)
  }

  @Test("a stray quote that swallows rows is found where it opened; a cell's own lines are not")
  func swallowingQuote() throws {
    let stray = try Self.read(
      "番号,事業名,予算,担当\n1,\"市民の声を聞く,100,企画課\n2,道路補修,200,建設課\n3,\"公園\",300,公園課\n",
      .comma)
    #expect(
      stray.swallowingQuotes == [
        SourceTable.SwallowingQuote(row: 2, column: 2, line: 2, lineBreaks: 2, rowLikeLines: 1)
      ])
    #expect(stray.rows.count == 2)
    let lines = try Self.read(
      "番号,概要,予算\n1,\"一行目、二つ目\n二行目（3,089千円）\",100\n", .comma)
    #expect(lines.swallowingQuotes.isEmpty)
  }

  @Test("a quote left open is an error naming the line and column where it opened")
  func unterminated() throws {
    let error = #expect(throws: SourceReadError.self) {
      try Self.read("a\tb\nc\t\"open\nnever closed\n")
    }
    #expect(error?.description.contains("line 2, column 2") == true)
    #expect(error?.description.contains("never closed") == true)
  }

  @Test("UTF-16LE with BOM (Excel's Unicode text) and CP932 CSV are detected")
  func encodings() throws {
    let text = "施策番号\t指標名\r\n2110111\t受診率\r\n"
    let utf16 = CorpusExamples.utf16LittleEndianWithBOM(text)
    let table = try TabTableReader.read(utf16, fileName: "u.txt", separator: .tab)
    #expect(table.encoding == "UTF-16LE")
    #expect(Self.raws(table) == [["施策番号", "指標名"], ["2110111", "受診率"]])
    let cp932 = try CorpusExamples.file(
      "Corpus/variants/tomakomai-policy-evaluation-2020.cp932.csv")
    let csv = try TabTableReader.read(cp932, fileName: "t.csv", separator: .comma)
    #expect(csv.encoding == "CP932")
    #expect(csv.rows.count == 1370)
  }

  @Test("a replaced byte is placed at its row and column")
  func lossy() throws {
    let bytes: [UInt8] = Array("a\t\"b\nc\"\td".utf8) + [0xFF] + Array("\n".utf8)
    let table = try TabTableReader.read(
      bytes, fileName: "t.tsv", separator: .tab, encoding: .utf8, lossy: true)
    #expect(table.replacements.map { [$0.line, $0.cell, $0.offset] } == [[1, 3, 9]])
  }

  @Test("the separator follows the extension")
  func separatorByName() {
    #expect(TabTableReader.Separator(fileName: "a.CSV") == .comma)
    #expect(TabTableReader.Separator(fileName: "a.tsv") == .tab)
    #expect(TabTableReader.Separator(fileName: "a.TAB") == .tab)
    #expect(TabTableReader.Separator(fileName: "unicode-text.txt") == nil)
  }
}
