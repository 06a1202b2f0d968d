import Foundation
import TestSupport
import Testing

/// `gyosei mappings draft`, as a city's engineer runs it: the draft written, tried, and then
/// used by `convert --mapping`.
struct MappingsDraftCommandTests {
  static func directory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("gyosei-draft-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  @Test("a sheet of another city: the draft is written, converts it, and convert uses it")
  func draftThenConvert() throws {
    let directory = try Self.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // Its directory is made, as convert makes its --out.
    let draft = directory.appendingPathComponent("mappings/soma.yaml").path
    let result = try CommandRunner.run([
      "mappings", "draft", "Corpus/sheets/soma-reform-results-2022.txt", "--name", "相馬市",
      "--code", "072095", "--prefecture", "福島県", "--out", draft,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.contains("drafted as the family reform-action-program"))
    #expect(
      result.standardError.contains(
        "tried: converts to a document with 2 categories, 14 items; 0 warnings, 4 unmapped cells"))
    #expect(result.standardError.contains("the document is valid"))
    let text = try String(contentsOfFile: draft, encoding: .utf8)
    #expect(text.contains("# line 12 cell 1: 主な取り組み内容"))
    #expect(text.contains("- {field: result, labels: ['削減額', '増加額']}"))
    let out = directory.appendingPathComponent("out").path
    let converted = try CommandRunner.run([
      "convert", "Corpus/sheets/soma-reform-results-2022.txt", "--mapping", draft, "--out", out,
      "--report", "-q",
    ])
    #expect(converted.status == 0, "\(converted.standardError)")
    #expect(
      converted.standardOutput.contains("draft-soma-reform-results-2022: 2 categories, 14 items"))
  }

  @Test("without --out the draft goes to standard output; the summary to standard error")
  func standardOutput() throws {
    let result = try CommandRunner.run([
      "mappings", "draft", "Corpus/sheets/soma-objective-table-2024.txt", "--name", "相馬市",
      "--code", "072095", "--id", "soma-draft",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("id: 'soma-draft'\nfamily: objective-sheet\n"))
    #expect(result.standardOutput.contains("- {field: targets, header: '^(令和|平成)\\S+?年度目標$'}"))
    #expect(!result.standardError.contains("id:"))
  }

  @Test("a sheet of a family no draft is written for: written, what is missing said, exit 1")
  func notFound() throws {
    let directory = try Self.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let draft = directory.appendingPathComponent("ofunato.yaml").path
    let result = try CommandRunner.run([
      "mappings", "draft", "Corpus/workbooks/ofunato-project-evaluation-2025.xlsx", "--name",
      "大船渡市", "--code", "032034", "-o", draft,
    ])
    #expect(result.status == 1)
    #expect(result.standardError.contains("drafted as the family project-evaluation"))
    #expect(
      result.standardError.contains(
        "not found: the sheet resembles a project-evaluation, and gyosei drafts objective-sheet"))
    #expect(result.standardError.contains("the draft does not load yet"))
    #expect(FileManager.default.fileExists(atPath: draft))
  }

  @Test(
    "usage: a wrong check digit, a family no draft is written for, a canonical document, no file",
    arguments: [
      (["--code", "072096"], "check digit 6, expected 5"),
      (["--code", "072095", "--family", "project-evaluation"], "gyosei drafts objective-sheet"),
      (["--code", "072095", "--fiscal-year", "20"], "not a fiscal year"),
    ])
  func usage(arguments: [String], message: String) throws {
    let result = try CommandRunner.run(
      ["mappings", "draft", "Corpus/sheets/soma-objective-table-2024.txt", "--name", "相馬市"]
        + arguments)
    #expect(result.status == 2)
    #expect(result.standardError.contains(message), "\(result.standardError)")
  }

  @Test("usage: an --out whose directory cannot be made says so, and writes nothing")
  func outInTheWay() throws {
    let directory = try Self.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("a-file")
    try Data("x".utf8).write(to: file)
    let result = try CommandRunner.run([
      "mappings", "draft", "Corpus/sheets/soma-objective-table-2024.txt", "--name", "相馬市",
      "--code", "072095", "--out", file.appendingPathComponent("draft.yaml").path,
    ])
    #expect(result.status == 2)
    #expect(result.standardError.contains("cannot make the directory"))
    #expect(!result.standardError.contains("NSCocoaErrorDomain"))
  }

  @Test("usage: a canonical document or a missing file is not a sheet to draft from")
  func notASheet() throws {
    for (file, message) in [
      ("Corpus/expected/soma-objective-table-2024.json", "canonical gyosei document"),
      ("no/such/sheet.txt", "no/such/sheet.txt: no such file"),
    ] {
      let result = try CommandRunner.run([
        "mappings", "draft", file, "--name", "相馬市", "--code", "072095",
      ])
      #expect(result.status == 2)
      #expect(result.standardError.contains(message), "\(result.standardError)")
      #expect(result.standardOutput.isEmpty)
    }
  }
}
