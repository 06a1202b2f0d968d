import Foundation
import TestSupport
import Testing

@Suite("gyosei load and gyosei compare")
struct CompareCommandTests {
  static let expected = CorpusExamples.sheets.map { "Corpus/expected/\($0).json" }

  @Test("the corpus loads and compares in three formats; 特定健診受診率 shows both cities")
  func endToEnd() throws {
    let directory = try ValidateCommandTests.scratchDirectory("compare")
    defer { try? FileManager.default.removeItem(at: directory) }
    let db = directory.appendingPathComponent("gyosei.sqlite").path
    let load = try CommandRunner.run(["load"] + Self.expected + ["--db", db])
    #expect(load.status == 0, "\(load.standardError)")
    #expect(
      load.standardOutput.contains(
        "the store holds 10 document(s), 257 records (1 without a theme)")
    )
    for format in ["md", "csv", "html"] {
      let out = directory.appendingPathComponent("report.\(format)").path
      let compare = try CommandRunner.run(
        ["compare", "--db", db, "--cities", "202037,012131", "--out", out])
      #expect(compare.status == 0, "\(compare.standardError)")
      let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
      let text = String(decoding: bytes, as: UTF8.self)
      #expect(text.contains("特定健診受診率"))
      #expect(text.contains("上田市") && text.contains("苫小牧市"))
      #expect(text.contains("32.7") && text.contains("13.6"))
    }
    // --theme narrows the report to one theme; --format overrides the extension.
    let one = try CommandRunner.run([
      "compare", "--db", db, "--cities", "012131,202037", "--theme", "social-security",
      "--format", "md",
    ])
    #expect(one.status == 0)
    #expect(one.standardOutput.contains("## 国保・社会保障"))
    #expect(!one.standardOutput.contains("## 健康づくり"))
    #expect(one.standardOutput.hasPrefix("# 自治体比較 苫小牧市 × 上田市"))
  }

  @Test("the same sheet from another source replaces the stored one, and says so")
  func sameSheet() throws {
    let directory = try ValidateCommandTests.scratchDirectory("same-sheet")
    defer { try? FileManager.default.removeItem(at: directory) }
    let files = [
      "Corpus/expected/ueda-reform-action-program-2022.json",
      "Corpus/expected/variants/ueda-reform-action-program-2022.spreadsheet.xml.json",
    ]
    let db = directory.appendingPathComponent("one.sqlite").path
    let load = try CommandRunner.run(["load"] + files + ["--db", db])
    #expect(load.status == 0, "\(load.standardError)")
    #expect(
      load.standardOutput.contains(
        "(replaces 202037-reform-action-program-2022-b6c736d526ce, the same sheet read from "
          + "another source; --keep-both keeps both)"))
    #expect(load.standardOutput.contains("the store holds 1 document(s), 61 records"))
    let both = directory.appendingPathComponent("both.sqlite").path
    let kept = try CommandRunner.run(["load"] + files + ["--db", both, "--keep-both"])
    #expect(kept.status == 0, "\(kept.standardError)")
    #expect(kept.standardOutput.contains("the store holds 2 document(s), 122 records"))
  }

  @Test("loading again replaces; an invalid document loads nothing; the store stays as it was")
  func replaceAndRefuse() throws {
    let directory = try ValidateCommandTests.scratchDirectory("load")
    defer { try? FileManager.default.removeItem(at: directory) }
    let db = directory.appendingPathComponent("gyosei.sqlite").path
    _ = try CommandRunner.run(["load", Self.expected[0], "--db", db])
    let again = try CommandRunner.run(["load", Self.expected[0], Self.expected[1], "--db", db])
    #expect(again.status == 0)
    #expect(again.standardOutput.contains("(replaces 202037-objective-sheet-2024-9f8495b90d39)"))
    #expect(again.standardOutput.contains("the store holds 2 document(s)"))
    let before = try Data(contentsOf: URL(fileURLWithPath: db))
    let broken = try CommandRunner.run([
      "load", Self.expected[2], "Corpus/broken/missing-field.json", "--db", db,
    ])
    #expect(broken.status == 1)
    #expect(broken.standardError.contains("Corpus/broken/missing-field.json: /objectives/0: error"))
    #expect(broken.standardError.contains("nothing loaded"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
  }

  @Test("mistakes are named: a missing store, an unknown city or theme, a misspelt catalog key")
  func mistakes() throws {
    let directory = try ValidateCommandTests.scratchDirectory("mistakes")
    defer { try? FileManager.default.removeItem(at: directory) }
    let db = directory.appendingPathComponent("gyosei.sqlite").path
    let missing = try CommandRunner.run(["compare", "--db", db])
    #expect(missing.status == 2)
    #expect(missing.standardError.contains("no such store"))
    _ = try CommandRunner.run(["load", Self.expected[0], "--db", db])
    let city = try CommandRunner.run(["compare", "--db", db, "--cities", "131016"])
    #expect(city.status == 1)
    #expect(city.standardError.contains("no document of municipality 131016"))
    let theme = try CommandRunner.run(["compare", "--db", db, "--theme", "sports"])
    #expect(theme.status == 1)
    #expect(theme.standardError.contains("no theme 'sports'"))
    let themes = directory.appendingPathComponent("themes.yaml")
    try Data(
      "themes:\n  - id: health\n    ja: 健康\n    en: Health\n    plan-position: []\n".utf8
    ).write(to: themes)
    let misspelt = try CommandRunner.run(["load", "--db", db, "--themes", themes.path])
    #expect(misspelt.status == 2)
    #expect(misspelt.standardError.contains("unknown key 'themes[].plan-position'"))
  }
}
