import Foundation
import TestSupport
import Testing

/// `convert --jobs N`: the same outputs, byte for byte, and the same messages in input order,
/// whatever the number of jobs; a failing input in the middle fails alone.
struct ParallelConvertTests {
  static func files(_ directory: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
      files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
    }
    return files
  }

  @Test("one job and four give the same files and the same messages, in input order")
  func sameAsSerial() throws {
    let scratch = try ValidateCommandTests.scratchDirectory("jobs")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let broken = scratch.appendingPathComponent("broken.tsv")
    try Data("施策番号\t指標名\n".utf8).write(to: broken)
    let sheets = try FileManager.default.contentsOfDirectory(
      atPath: CorpusExamples.path("Corpus/sheets")
    ).filter { $0.hasSuffix(".txt") }.sorted().map { "Corpus/sheets/\($0)" }
    let inputs = Array(sheets.prefix(3)) + [broken.path] + Array(sheets.dropFirst(3))
    var runs: [(out: String, err: String, files: [String: Data])] = []
    for jobs in ["1", "4"] {
      let out = scratch.appendingPathComponent("out-\(jobs)")
      let result = try CommandRunner.run(
        ["convert", "--jobs", jobs, "--format", "both", "--out", out.path] + inputs)
      #expect(result.status == 1, "\(result.standardError)")
      runs.append(
        (
          result.standardOutput.replacingOccurrences(of: out.path, with: "OUT"),
          result.standardError, try Self.files(out)
        ))
    }
    #expect(runs[0].out == runs[1].out)
    #expect(runs[0].err == runs[1].err)
    #expect(runs[0].files == runs[1].files)
    #expect(runs[0].files.count == 2 * sheets.count)
    #expect(runs[1].err.contains("\(broken.path): error:"))
    #expect(runs[1].err.contains("\(sheets.count) of \(sheets.count + 1) converted, 1 failed"))
    let lines = runs[1].out.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
    #expect(lines == sheets)
  }

  @Test("--jobs takes a positive count")
  func badCount() throws {
    let result = try CommandRunner.run(["convert", "--jobs", "0", "--out", "/tmp/x", "a.txt"])
    #expect(result.status == 2 && result.standardError.contains("--jobs"))
  }
}
