import Foundation
import TestSupport
import Testing

@testable import SourceReaders

struct PDFTextReaderTests {
  static let sheets: [(name: String, lines: Int)] = [
    ("tomakomai-policy-evaluation-2020", 1370), ("ueda-objective-sheet-2024-fukushi", 73),
    ("ueda-objective-sheet-2024-shimin-machizukuri", 104),
    ("ueda-objective-sheet-2025-kenko-kodomo-mirai", 96), ("ueda-reform-action-program-2022", 1211),
  ]

  static func table(_ name: String) throws -> SourceTable {
    try PDFTextReader.read(
      try CorpusExamples.file("Corpus/sheets/\(name).txt"), fileName: "\(name).txt")
  }

  @Test(
    "every real sheet reads, one row per line, and no tag survives into text", arguments: sheets)
  func corpus(sheet: (name: String, lines: Int)) throws {
    let table = try Self.table(sheet.name)
    #expect(table.rows.count == sheet.lines)
    #expect(table.rows.enumerated().allSatisfy { $0.element.line == $0.offset + 1 })
    for cell in table.cells {
      #expect(!cell.text.contains("<ul") && !cell.text.contains("<p>") && !cell.text.contains("</"))
      #expect(
        !cell.text.contains("<td>") && !cell.text.contains("<ol"), "\(cell.line):\(cell.index)")
    }
  }

  @Test("empty cells keep their positions (000 line 21)")
  func positions() throws {
    let row = try Self.table("ueda-objective-sheet-2025-kenko-kodomo-mirai").rows[20]
    #expect(row.line == 21)
    #expect(row.cells.map(\.index) == Array(1...row.cells.count))
    #expect(row.cells[0].text == "重点目標")
    #expect(row.cells[1].isEmpty)
    #expect(row.cells[2].text == "人生１００年時代を見据えた子どもや若い世代からの健康づくりの推進")
    #expect(row.cells[2].line == 21 && row.cells[2].index == 3)
    #expect(row.nonEmptyCells.map(\.text).contains("健康こども未来部"))
  }

  @Test("a table inside a cell becomes rows of cells (004 line 792)")
  func table() throws {
    let cell = try Self.table("ueda-reform-action-program-2022").rows[791].cells[1]
    #expect(
      cell.blocks == [
        .table(rows: [
          ["総務部", "行政管理課"], ["健康こども未来部", "健康推進課"], ["農林部", "農政課"],
          ["武石地域自治センター", "武石産業建設課"], ["教育委員会事務局", "真田地域教育事務所"],
        ])
      ])
    #expect(cell.text.hasPrefix("総務部 行政管理課 健康こども未来部"))
  }

  @Test("a paragraph followed by unclosed lists (002 line 1146)")
  func paragraphAndLists() throws {
    let cell = try Self.table("tomakomai-policy-evaluation-2020").rows[1145].cells[1]
    #expect(cell.blocks.count == 3)
    #expect(cell.blocks.first == .paragraph("●青少年の対象：小1～高3の年齢までの児童生徒等"))
    if case .list(let ordered, let items) = cell.blocks[1] {
      #expect(ordered)
      #expect(items.first?.hasPrefix("少年指導センター指導員による巡回") == true)
    } else {
      Issue.record("expected an ordered list, got \(cell.blocks[1])")
    }
    if case .list(let ordered, _) = cell.blocks[2] { #expect(!ordered) }
  }

  @Test("an unclosed list without <li> is split into its sentences (001 line 21)")
  func sentences() throws {
    let cell = try Self.table("ueda-objective-sheet-2024-fukushi").rows[20].cells[1]
    guard case .list(false, let items) = cell.blocks.first else {
      Issue.record("expected a list, got \(cell.blocks)")
      return
    }
    #expect(items.count >= 2)
    #expect(items.first == "新型コロナウイルス感染症や物価高騰などの要因による経済・雇用情勢の悪化・不安定さが長期化しています。")
  }

  @Test(
    "the converters' tags never reach the text; other markup-like text stays",
    arguments: [
      ("a <b> 2<3", "a <b> 2<3"), ("<li>x", "x"), ("x <br> y", "x y"), ("<P>段落</P>", "段落"),
      ("<td>a</td> b", "a b"), ("<ulx>", "<ulx>"),
    ])
  func tags(raw: String, text: String) {
    #expect(HTMLRemnants.parse(raw).text == text)
  }

  @Test("CRLF line ends and a BOM are read; a last line without a newline counts")
  func lineEnds() throws {
    let table = try PDFTextReader.read(
      [0xEF, 0xBB, 0xBF] + Array("a\tb\r\n\r\nc".utf8), fileName: "x.txt")
    #expect(table.rows.map { $0.cells.map(\.text) } == [["a", "b"], [""], ["c"]])
  }

  @Test("bytes that decode in no encoding are an error naming the file, offset and what to do")
  func invalid() {
    #expect(
      throws: SourceReadError(
        file: "x.txt", offset: 4,
        message:
          "the file is not UTF-8 (byte 0x82 cannot start a character), nor UTF-16, CP932 or "
          + "EUC-JP throughout (each stops: UTF-8 at byte 4, CP932 at byte 4, EUC-JP at byte 4; "
          + "the byte offset is where UTF-8, which reads furthest, stops); name its encoding with "
          + "--encoding (\(TextEncoding.acceptedNames)), or pass --lossy to replace the bytes "
          + "that do not decode (each replacement is a warning)"
      )
    ) {
      try PDFTextReader.read(Array("abc\t".utf8) + [0x82, 0x20], fileName: "x.txt")
    }
  }

  @Test("a Shift_JIS file is read as CP932, and the encoding is recorded")
  func shiftJIS() throws {
    let table = try PDFTextReader.read(Array("abc\t".utf8) + [0x82, 0xA0], fileName: "x.txt")
    #expect(table.encoding == "CP932")
    #expect(table.rows[0].cells.map(\.text) == ["abc", "あ"])
  }

  @Test("an empty file is an empty table")
  func empty() throws {
    #expect(try PDFTextReader.read([], fileName: "e.txt").rows.isEmpty)
  }
}
