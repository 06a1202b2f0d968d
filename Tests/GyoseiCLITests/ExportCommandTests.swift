import Foundation
import TestSupport
import Testing

@Suite("gyosei export")
struct ExportCommandTests {
  static let expected = CorpusExamples.sheets.map { "Corpus/expected/\($0).json" }

  @Test("from documents or from their store: the same CSV files; a workbook of the same tables")
  func endToEnd() throws {
    let directory = try CommandRunner.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let direct = directory.appendingPathComponent("direct").path
    let export = try CommandRunner.run(["export"] + Self.expected + ["--out", direct])
    #expect(export.status == 0, "\(export.standardError)")
    #expect(export.standardOutput.contains("observations.csv: "))
    let db = directory.appendingPathComponent("gyosei.sqlite").path
    let load = try CommandRunner.run(["load"] + Self.expected + ["--db", db])
    #expect(load.status == 0, "\(load.standardError)")
    let stored = directory.appendingPathComponent("stored").path
    let again = try CommandRunner.run(["export", "--db", db, "--out", stored, "--excel"])
    #expect(again.status == 0, "\(again.standardError)")
    for table in ["documents", "records", "observations", "warnings"] {
      let plain = try Data(contentsOf: URL(fileURLWithPath: "\(direct)/\(table).csv"))
      let forExcel = try Data(contentsOf: URL(fileURLWithPath: "\(stored)/\(table).csv"))
      // The same rows; for Excel with a byte order mark and CRLF.
      let converted = String(decoding: forExcel.dropFirst(3), as: UTF8.self)
        .replacingOccurrences(of: "\r\n", with: "\n")
      #expect(converted == String(decoding: plain, as: UTF8.self), "\(table)")
    }
    let observations = String(
      decoding: try Data(contentsOf: URL(fileURLWithPath: "\(direct)/observations.csv")),
      as: UTF8.self)
    #expect(
      observations.contains(
        ",measure,2110111,0,がん検診受診率(胃・肺・大腸・子宮・乳がん検診の平均),%,2018,actual,10.3,10.3,"))
    #expect(observations.contains("tomakomai-policy-evaluation-2020.txt,67,4\n"))
    let workbook = directory.appendingPathComponent("tables.xlsx").path
    let xlsx = try CommandRunner.run([
      "export", "--db", db, "--format", "xlsx", "--out", workbook, "--table", "documents",
      "--table", "observations",
    ])
    #expect(xlsx.status == 0, "\(xlsx.standardError)")
    #expect(xlsx.standardOutput.contains("documents 10 rows, observations "))
    let bytes = try Data(contentsOf: URL(fileURLWithPath: workbook))
    #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
  }

  @Test(
    "usage errors say what to give",
    arguments: [
      (["export", "--out", "x"], "give a store (--db FILE) or canonical documents"),
      (["export", "--db", "a.sqlite", "b.json", "--out", "x"], "not both"),
      (["export", "--db", "a.sqlite", "--format", "xlsx", "--out", "x"], "must end in .xlsx"),
      (
        ["export", "--db", "a.sqlite", "--format", "xlsx", "--excel", "--out", "x.xlsx"],
        "--excel is for CSV"
      ),
      (["export", "--db", "missing.sqlite", "--out", "x"], "no such store"),
    ])
  func usage(arguments: [String], message: String) throws {
    let result = try CommandRunner.run(arguments)
    #expect(result.status == 2)
    #expect(result.standardError.contains(message), "\(result.standardError)")
  }

  @Test("a document that fails its check: the file and its error, and nothing exported")
  func invalidDocument() throws {
    let directory = try CommandRunner.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("out").path
    let result = try CommandRunner.run(["export", "Corpus/broken/missing-field.json", "--out", out])
    #expect(result.status == 1)
    #expect(result.standardError.contains("Corpus/broken/missing-field.json: /objectives/0: error"))
    #expect(result.standardError.contains("error: nothing exported; fix or leave out"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test("an unknown table is an error listing the tables; nothing is written")
  func unknownTable() throws {
    let directory = try CommandRunner.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("out").path
    let result = try CommandRunner.run(
      ["export", Self.expected[0], "--out", out, "--table", "observation"])
    #expect(result.status == 1)
    #expect(result.standardError.contains("there is no table observation to export"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}
