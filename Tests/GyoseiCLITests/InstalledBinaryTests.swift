import Foundation
import TestSupport
import Testing

/// The executable copied away from the checkout, as an installation puts it: the mappings are
/// built into it, and a `Mappings/` where it runs overlays them file by file.
@Suite("an installed gyosei")
struct InstalledBinaryTests {
  /// Runs the copy of gyosei at `binary` in `directory`, without $GYOSEI_MAPPINGS.
  static func run(_ binary: URL, _ arguments: [String], in directory: URL) throws -> (
    status: Int32, output: String, errors: String
  ) {
    let out = directory.appendingPathComponent(".out")
    let err = directory.appendingPathComponent(".err")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.filter {
      $0.key != "GYOSEI_MAPPINGS"
    }
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: try Data(contentsOf: out), as: UTF8.self),
      String(decoding: try Data(contentsOf: err), as: UTF8.self)
    )
  }

  @Test("converts with its built-in mappings anywhere, and a local Mappings/ overlays them")
  func builtInMappings() throws {
    let scratch = try CommandRunner.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let bin = scratch.appendingPathComponent("bin")
    let work = scratch.appendingPathComponent("work")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    let binary = bin.appendingPathComponent("gyosei")
    try FileManager.default.copyItem(at: CommandRunner.executable, to: binary)
    let sheet = "yonago-objective-list-2024"
    try FileManager.default.copyItem(
      at: CorpusExamples.root.appendingPathComponent("Corpus/sheets/\(sheet).txt"),
      to: work.appendingPathComponent("\(sheet).txt"))

    let convert = try Self.run(
      binary, ["convert", "\(sheet).txt", "--out", "out", "--format", "json"], in: work)
    #expect(convert.status == 0, "\(convert.errors)")
    let written = try Data(contentsOf: work.appendingPathComponent("out/\(sheet).json"))
    let expected = try Data(
      contentsOf: CorpusExamples.root.appendingPathComponent("Corpus/expected/\(sheet).json"))
    #expect(written == expected)
    let listed = try Self.run(binary, ["mappings"], in: work)
    #expect(listed.status == 0)
    #expect(
      listed.output.split(separator: "\n").contains {
        $0.hasPrefix("yonago-objective-list ") && $0.contains(" built in ")
      })

    // A Mappings/ of the working directory replaces the built-in file of the same name.
    let local = work.appendingPathComponent("Mappings")
    try FileManager.default.createDirectory(at: local, withIntermediateDirectories: true)
    let original = try String(
      contentsOf: CorpusExamples.root.appendingPathComponent("Mappings/yonago-objective-list.yaml"),
      encoding: .utf8)
    try original.replacingOccurrences(
      of: "\ndescription: ", with: "\ndescription: (local copy) "
    ).write(
      to: local.appendingPathComponent("yonago-objective-list.yaml"), atomically: true,
      encoding: .utf8)
    let overlaid = try Self.run(binary, ["mappings"], in: work)
    let line = overlaid.output.split(separator: "\n").first {
      $0.hasPrefix("yonago-objective-list ")
    }
    #expect(line?.contains(" Mappings ") == true, "\(overlaid.output)")
    #expect(line?.contains("(local copy)") == true)
    #expect(
      overlaid.output.split(separator: "\n").contains {
        $0.hasPrefix("ueda-objective-sheet ") && $0.contains(" built in ")
      })
  }
}
