import Foundation
import TestSupport
import Testing

/// `kill -9` in the middle of work: what is on disk afterwards is the old state or the new one,
/// never half of either.
@Suite("kill -9")
struct KillTests {
  /// Starts gyosei, kills it with SIGKILL after `delay` seconds (if it is still running).
  static func killed(_ arguments: [String], after delay: Double) throws -> Int32 {
    let process = CommandRunner.process(arguments)
    try process.run()
    Thread.sleep(forTimeInterval: delay)
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return process.terminationStatus
  }

  @Test("convert killed at any moment leaves no output file but whole, expected ones")
  func convert() throws {
    let sheets = [
      "Corpus/sheets/ueda-reform-action-program-2022.txt",
      "Corpus/sheets/tomakomai-policy-evaluation-2020.txt",
      "Corpus/sheets/yonago-objective-list-2024.txt",
    ]
    for delay in [0.2, 0.5, 0.9, 1.4] {
      let out = try CommandRunner.scratchDirectory()
      defer { try? FileManager.default.removeItem(at: out) }
      _ = try Self.killed(
        ["convert"] + sheets + ["--out", out.path, "--format", "both"], after: delay)
      for name in try FileManager.default.contentsOfDirectory(atPath: out.path)
      where !name.hasPrefix(".") {
        let written = try Data(contentsOf: out.appendingPathComponent(name))
        let expected = try Data(
          contentsOf: CorpusExamples.root.appendingPathComponent("Corpus/expected/\(name)"))
        #expect(written == expected, "\(name) is not whole after a kill at \(delay) s")
      }
    }
  }

  @Test("load killed at any moment leaves the store whole: the old documents, all or none new")
  func load() throws {
    let directory = try CommandRunner.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = directory.appendingPathComponent("store.sqlite").path
    let first = try CommandRunner.run([
      "load", "Corpus/expected/yonago-objective-list-2024.json", "--db", store,
    ])
    try #require(first.status == 0, "\(first.standardError)")
    for delay in [0.3, 0.8, 1.5, 2.5] {
      _ = try Self.killed(
        [
          "load", "Corpus/expected/ofunato-project-evaluation-2025.json",
          "Corpus/expected/ueda-reform-action-program-2022.json", "--db", store,
        ], after: delay)
      let report = try CommandRunner.run(["compare", "--db", store, "--format", "md"])
      #expect(report.status == 0, "after a kill at \(delay) s: \(report.standardError)")
      let text = report.standardOutput
      #expect(text.contains("312029-objective-sheet-2024"), "the old document is gone")
      // The two new documents come in one transaction: both or neither.
      #expect(
        text.contains("032034-project-evaluation-2025")
          == text.contains("202037-reform-action-program-2022"),
        "half a load after a kill at \(delay) s")
    }
  }
}
