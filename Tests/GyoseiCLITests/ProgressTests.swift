import Foundation
import TestSupport
import Testing

/// The progress of `convert`, `check`, `validate` and `load` on standard error, and the end
/// summaries that name failed files and count warnings by code.
struct ProgressTests {
  /// Runs `gyosei` on a pseudo-terminal (util-linux `script`), which merges standard output
  /// and error as a terminal shows them.
  func onTerminal(_ arguments: [String]) throws -> String {
    let scratch = try CommandRunner.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("typescript")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    let command = ([CommandRunner.executable.path] + arguments).map { "'\($0)'" }
      .joined(separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qec", command, "/dev/null"]
    process.currentDirectoryURL = CorpusExamples.root
    process.environment = ProcessInfo.processInfo.environment.merging(["TERM": "xterm"]) { $1 }
    process.environment?["GYOSEI_PROGRESS_SECONDS"] = nil
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
  }

  let sheets = [
    "Corpus/sheets/yonago-objective-list-2024.txt", "Corpus/sheets/soma-objective-table-2024.txt",
  ]

  @Test("convert on a terminal: a bar of files, megabytes and rate, erased before each line")
  func barOnTerminal() throws {
    let out = try CommandRunner.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let shown = try onTerminal(["convert"] + sheets + ["--out", out.path, "--jobs", "1"])
    #expect(shown.contains("\r\u{1B}[Kconvert [##########----------] 1/2  "), "\(shown)")
    #expect(shown.contains(" MB"))
    // The bar is erased before the second file's line and not drawn after the last.
    #expect(shown.contains("\r\u{1B}[K" + sheets[1] + " -> "))
    #expect(!shown.contains("2/2"))
    #expect(shown.contains("gyosei convert: 2 of 2 converted"))
  }

  @Test("--quiet shows no bar on a terminal, and the results as ever")
  func quietOnTerminal() throws {
    let out = try CommandRunner.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let shown = try onTerminal(["convert"] + sheets + ["--out", out.path, "--quiet"])
    #expect(!shown.contains("convert ["))
    #expect(!shown.contains("\u{1B}"))
    #expect(shown.contains(sheets[0] + " -> "))
  }

  @Test("in a log: no line for a short run, a plain line per interval with GYOSEI_PROGRESS_SECONDS")
  func linesInLog() throws {
    let out = try CommandRunner.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let plain = try CommandRunner.run(["convert"] + sheets + ["--out", out.path])
    #expect(plain.status == 0)
    #expect(!plain.standardError.contains("files"), "\(plain.standardError)")
    let every = try CommandRunner.run(
      ["validate", "Corpus/examples"], environment: ["GYOSEI_PROGRESS_SECONDS": "0"])
    #expect(every.standardError.contains("gyosei validate: 1 of 12 files, "))
    #expect(every.standardError.contains("gyosei validate: 11 of 12 files, "))
    #expect(!every.standardError.contains("\u{1B}"))
    let quiet = try CommandRunner.run(
      ["validate", "Corpus/examples", "-q"], environment: ["GYOSEI_PROGRESS_SECONDS": "0"])
    #expect(!quiet.standardError.contains(" of 12 files"))
  }

  @Test("load shows its two passes: the check of every file, then the load")
  func loadPasses() throws {
    let scratch = try CommandRunner.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let result = try CommandRunner.run(
      [
        "load", "Corpus/expected/yonago-objective-list-2024.json",
        "Corpus/expected/soma-objective-table-2024.json", "--db",
        scratch.appendingPathComponent("store.sqlite").path,
      ], environment: ["GYOSEI_PROGRESS_SECONDS": "0"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains("gyosei load: checking: 1 of 2 files"))
    #expect(result.standardError.contains("gyosei load: 1 of 2 files"))
  }

  @Test("the end summary names the files that failed and counts the warnings by code")
  func summary() throws {
    let out = try CommandRunner.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try CommandRunner.run(
      [
        "convert", "Corpus/sheets/ueda-reform-action-program-2022.txt",
        "Corpus/broken/missing-field.json",
        "--out", out.path,
      ])
    #expect(result.status == 1)
    #expect(
      result.standardError.contains(
        "gyosei convert: 1 of 2 converted, 1 failed: Corpus/broken/missing-field.json"))
    // 上田市's reform program: its 77 warnings by code, the most frequent first.
    let line = result.standardError.split(separator: "\n").first {
      $0.hasPrefix("gyosei convert: warnings by code: ")
    }
    #expect(line?.contains("lexicon.suspicious-word ") == true, "\(result.standardError)")
    let counts = (line ?? "").dropFirst("gyosei convert: warnings by code: ".count)
      .split(separator: ",").compactMap { Int($0.split(separator: " ").last ?? "") }
    #expect(counts.reduce(0, +) == 77)
    #expect(counts == counts.sorted(by: >))
    let invalid = try CommandRunner.run(["validate", "Corpus/broken/missing-field.json"])
    #expect(invalid.standardError.contains("; invalid: Corpus/broken/missing-field.json"))
  }
}
