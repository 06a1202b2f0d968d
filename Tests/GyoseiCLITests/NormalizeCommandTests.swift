import Foundation
import TestSupport
import Testing

struct NormalizeCommandTests {
  @Test("standard input is folded and written back, line ends kept")
  func stdin() throws {
    let result = try CommandRunner.run(
      ["normalize"], input: Array("R7～11年度　（１）　ｶﾞｲﾄﾞ　4－9\nコーディネーター\n".utf8))
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput == "R7~11年度 (1) ガイド 4-9\nコーディネーター\n")
  }

  @Test("a real sheet is folded in full, and the result is stable")
  func realSheet() throws {
    let sheet = "Corpus/sheets/ueda-objective-sheet-2025-kenko-kodomo-mirai.txt"
    let once = try CommandRunner.run(["normalize", sheet])
    #expect(once.status == 0)
    #expect(once.standardOutput.contains("人生100年時代を見据えた"))
    #expect(!once.standardOutput.contains("１００"))
    let twice = try CommandRunner.run(["normalize"], input: Array(once.standardOutput.utf8))
    #expect(twice.standardOutput == once.standardOutput)
  }

  @Test("--explain lists each change with line, column and rule")
  func explain() throws {
    let result = try CommandRunner.run(
      ["normalize", "--explain"], input: Array("a\n受診率１０％\n".utf8))
    #expect(
      result.standardOutput == """
        <stdin>:2:4: '１' -> '1' (fullwidth-ascii)
        <stdin>:2:5: '０' -> '0' (fullwidth-ascii)
        <stdin>:2:6: '％' -> '%' (fullwidth-ascii)

        """)
  }

  @Test("--explain gives the right column at the end of a long line")
  func explainLongLine() throws {
    let line = String(repeating: "受診率１０％（８月末）・", count: 2_000)
    let result = try CommandRunner.run(
      ["normalize", "--explain"], input: Array((line + "\n").utf8))
    let lines = result.standardOutput.split(separator: "\n")
    #expect(lines.count == 12_000)
    #expect(lines.last == "<stdin>:1:23999: '）' -> ')' (fullwidth-ascii)")
  }

  @Test("--json gives one object per line with list items and the OCR repairs")
  func json() throws {
    let result = try CommandRunner.run(
      ["normalize", "--json"],
      input: Array("(1) 通年 (2) 年度末 (3) ア (7) 8月末 (4) 12月末 (ウ) 12月末\n\n".utf8))
    #expect(result.status == 0)
    let lines = result.standardOutput.split(separator: "\n")
    #expect(lines.count == 1)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    let findings = try #require(object["findings"] as? [[String: Any]])
    #expect(
      findings.compactMap { $0["code"] as? String } == [
        "marker.ocr-repaired", "marker.ocr-repaired",
      ])
    #expect(findings.compactMap { $0["original"] as? String } == ["(7)", "(4)"])
    #expect((object["items"] as? [Any])?.count == 3)
  }

  @Test("--json carries dates placed by --fiscal-year and quantities with units")
  func datesAndQuantities() throws {
    let result = try CommandRunner.run(
      ["normalize", "--json", "--fiscal-year", "2025"],
      input: Array("(2) ８月７日開催 参加者数：716人 延べ3,000人 平成30～34年度\n".utf8))
    #expect(result.status == 0, "\(result.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    let dates = try #require(object["dates"] as? [[String: Any]])
    #expect(dates.compactMap { $0["iso"] as? String } == ["2025-08-07", "FY2018..FY2022"])
    #expect(dates.compactMap { $0["raw"] as? String } == ["８月７日", "平成30～34年度"])
    let warnings = try #require(dates.last?["warnings"] as? [[String: Any]])
    #expect(warnings.compactMap { $0["code"] as? String } == ["era.past-end"])
    let quantities = try #require(object["quantities"] as? [[String: Any]])
    #expect(quantities.compactMap { $0["raw"] as? String } == ["716人", "延べ3,000人"])
    #expect(quantities.compactMap { $0["unit"] as? String } == ["person", "person"])
  }

  @Test("--fiscal-year outside 1868…2200 is a usage error")
  func badFiscalYear() throws {
    #expect(try CommandRunner.run(["normalize", "--json", "--fiscal-year", "7"]).status == 2)
  }

  @Test("invalid UTF-8 is an error naming the byte offset, and no text is written")
  func invalidUTF8() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).txt")
    try Data([0x61, 0x62, 0xFF, 0x63, 0x0A]).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try CommandRunner.run(["normalize", file.path])
    #expect(result.status == 1)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.contains("invalid UTF-8 at byte offset 2"))
    let lossy = try CommandRunner.run(["normalize", "--lossy", file.path])
    #expect(lossy.status == 0)
    #expect(lossy.standardOutput == "ab\u{FFFD}c\n")
    #expect(lossy.standardError.contains("byte offset 2 replaced with U+FFFD"))
  }

  @Test(
    "edge inputs do not crash",
    arguments: [
      ([UInt8](), ""), (Array("\u{3099}".utf8), "\u{3099}"), (Array("ｶﾞ".utf8), "ガ"),
    ])
  func edges(input: [UInt8], expected: String) throws {
    let result = try CommandRunner.run(["normalize"], input: input)
    #expect(result.status == 0)
    #expect(result.standardOutput == expected)
  }

  @Test("a 10 MB line streams through")
  func longLine() throws {
    let line = String(repeating: "ｶﾞｲﾄﾞ１２３　", count: 10_000_000 / 30)
    let result = try CommandRunner.run(["normalize"], input: Array(line.utf8))
    #expect(result.status == 0)
    #expect(result.standardOutput.hasPrefix("ガイド123 ガイド"))
    #expect(result.standardOutput.utf8.count < line.utf8.count)
  }

  @Test("--explain with --json is a usage error")
  func conflicting() throws {
    #expect(try CommandRunner.run(["normalize", "--explain", "--json"]).status == 2)
  }
}
