import Foundation
import TestSupport
import Testing

/// Several `gyosei load`s into one store at once: each waits for the one writing (a busy timeout
/// and an immediate transaction) instead of failing with "database is locked".
@Suite("concurrent loads")
struct ConcurrentLoadTests {
  @Test("six loads of different documents at once all land, and the store is whole")
  func severalLoads() throws {
    let scratch = try CommandRunner.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let store = scratch.appendingPathComponent("store.sqlite").path
    // Six loads started at once on a new store: they meet at its creation (the migrations) and
    // at their writes.
    let batches = [
      ["Corpus/expected/nagasaki-policy-evaluation-2015.json"],
      ["Corpus/expected/ueda-reform-action-program-2022.json"],
      ["Corpus/expected/tomakomai-policy-evaluation-2020.json"],
      ["Corpus/expected/yonago-objective-list-2024.json"],
      ["Corpus/expected/kizugawa-reform-progress-2020.json"],
      ["Corpus/expected/soma-objective-table-2024.json"],
    ]
    // Every process started before any is waited for: all six run at once.
    var running: [(Process, URL)] = []
    for (index, batch) in batches.enumerated() {
      let errors = scratch.appendingPathComponent("err-\(index)")
      _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
      let process = CommandRunner.process(["load"] + batch + ["--db", store])
      process.standardError = try FileHandle(forWritingTo: errors)
      try process.run()
      running.append((process, errors))
    }
    var statuses: [(Int32, String)] = []
    for (process, errors) in running {
      process.waitUntilExit()
      statuses.append(
        (process.terminationStatus, String(decoding: try Data(contentsOf: errors), as: UTF8.self)))
    }
    for (status, errors) in statuses {
      #expect(status == 0, "\(errors)")
      #expect(!errors.contains("locked"), "\(errors)")
    }
    // Every document of both loads is in the store (the report lists each by its id).
    let check = try CommandRunner.run(["compare", "--db", store, "--format", "md"])
    #expect(check.status == 0, "\(check.standardError)")
    let documents = check.standardOutput.split(separator: "\n").filter {
      $0.contains("-20") && $0.hasPrefix("| ")
    }
    for id in [
      "422011-policy-evaluation-2015", "202037-reform-action-program-2022",
      "012131-policy-evaluation-2020", "312029-objective-sheet-2024",
      "262145-reform-action-program-2020", "072095-objective-sheet-2024",
    ] {
      #expect(documents.contains { $0.contains(id) }, "\(id) is not in the store")
    }
  }
}
