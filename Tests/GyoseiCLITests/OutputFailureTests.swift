import Foundation
import TestSupport
import Testing

/// Standard output that will not take the output: a full disk (/dev/full) and a closed pipe.
///
/// gyosei says so on standard error and exits 2, instead of trapping or dying of SIGPIPE.
@Suite("output failures")
struct OutputFailureTests {
  /// Runs gyosei with its standard output on `output`; the exit status and standard error.
  static func run(_ arguments: [String], output: FileHandle) throws -> (Int32, String) {
    let errors = FileManager.default.temporaryDirectory.appendingPathComponent(
      "gyosei-err-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errors) }
    let process = CommandRunner.process(arguments)
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: errors)
    try process.run()
    process.waitUntilExit()
    let text = String(decoding: try Data(contentsOf: errors), as: UTF8.self)
    return (process.terminationStatus, text)
  }

  static let commands: [[String]] = [
    ["--help"],
    ["schema", "xsd"],
    ["validate", "--list-codes"],
    ["normalize", "Corpus/sheets/tomakomai-policy-evaluation-2020.txt"],
    ["normalize", "--json", "Corpus/sheets/ueda-reform-action-program-2022.txt"],
    [
      "convert", "Corpus/sheets/yonago-objective-list-2024.txt", "--out",
      NSTemporaryDirectory() + "gyosei-full-disk",
    ],
  ]

  @Test("a full disk: exit 2, and a message saying so", arguments: commands)
  func fullDisk(arguments: [String]) throws {
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let (status, errors) = try Self.run(arguments, output: full)
    #expect(status == 2, "\(errors)")
    #expect(
      errors.contains("cannot write to standard output: no space left on device"), "\(errors)")
  }

  @Test("a closed pipe (… | head that has stopped reading): exit 2, not killed by SIGPIPE")
  func closedPipe() throws {
    let pipe = Pipe()
    try pipe.fileHandleForReading.close()
    let (status, errors) = try Self.run(
      ["normalize", "Corpus/sheets/tomakomai-policy-evaluation-2020.txt"],
      output: pipe.fileHandleForWriting)
    #expect(status == 2, "\(errors)")
    #expect(errors.contains("the pipe was closed"))
  }
}
