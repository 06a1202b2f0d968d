import Foundation
import TestSupport
import Testing

/// Inputs that once crashed gyosei or left a half-written output, each kept as its minimal file
/// under `Tests/GyoseiCLITests/Regressions/`: they must now fail with one clear line and exit 1
/// (a bad input) or 2 (I/O), never a signal.
@Suite("regressions")
struct RegressionTests {
  /// (file under Regressions/, what the message must say).
  static let inputs: [(String, String)] = [
    // Issue #21: ss:Index="9223372036854775807" then a row without an index overflowed
    // (SIGILL in XMLTableReader.Builder.append).
    ("excel-xml-row-index-max.xml", "line 4: a record is numbered row 9223372036854775807"),
    // Issue #21: <Cell ss:Index="50000000"> allocated 50 M empty cells (59 s, 4.3 GB).
    ("excel-xml-cell-index-huge.xml", "line 4: a cell is placed in column 50000000"),
    // Found by Fuzz/run.sh: a directory record pointing past the end trapped inside
    // ZIPFoundation's in-memory reader (Range requires lowerBound <= upperBound).
    (
      "xlsx-directory-past-the-end.xlsx",
      "the ZIP archive is damaged or truncated (the archive's directory lies outside the file"
    ),
  ]

  @Test("a hostile input fails with a clear line, exit 1, and writes nothing", arguments: inputs)
  func hostileInput(file: String, message: String) throws {
    let out = try CommandRunner.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try CommandRunner.run([
      "convert", "Tests/GyoseiCLITests/Regressions/\(file)", "--out", out.path,
    ])
    #expect(result.status == 1, "\(result.standardError)")
    #expect(result.standardError.contains(message), "\(result.standardError)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
  }

  @Test("normalize --json of a 309-digit number: a finding on its line, and the stream goes on")
  func hugeNumber() throws {
    let result = try CommandRunner.run([
      "normalize", "--json", "Tests/GyoseiCLITests/Regressions/normalize-309-digit-number.txt",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let lines = result.standardOutput.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.first?.contains("quantity.out-of-range") == true)
    #expect(lines.last?.contains("\"value\":1200000") == true)
  }

  @Test("a YAML alias bomb (10^6 values from 60 aliases) is refused before it expands")
  func aliasBomb() throws {
    let bomb = "Tests/GyoseiCLITests/Regressions/yaml-alias-bomb.yaml"
    let rules = try CommandRunner.run([
      "validate", "Corpus/expected/yonago-objective-list-2024.json", "--rules", bomb,
    ])
    #expect(rules.status == 2, "\(rules.standardError)")
    #expect(rules.standardError.contains("once its aliases (*name) are expanded"))
    let mappings = try CommandRunner.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: mappings) }
    try FileManager.default.copyItem(
      at: CorpusExamples.root.appendingPathComponent(bomb),
      to: mappings.appendingPathComponent("bomb.yaml"))
    let listed = try CommandRunner.run(["mappings", "--mappings", mappings.path])
    #expect(listed.status == 1, "\(listed.standardError)")
    #expect(
      (listed.standardOutput + listed.standardError).contains(
        "once its aliases (*name) are expanded"))
  }

  @Test("--format both where the XML cannot be put: neither form is left, exit 2, plain words")
  func bothOrNeither() throws {
    let out = try CommandRunner.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    // A directory where the XML would go: the JSON is written and renamed first, then the XML's
    // rename fails, and the JSON must go too.
    try FileManager.default.createDirectory(
      at: out.appendingPathComponent("yonago-objective-list-2024.xml"),
      withIntermediateDirectories: false)
    let result = try CommandRunner.run([
      "convert", "Corpus/sheets/yonago-objective-list-2024.txt", "--out", out.path,
      "--format", "both",
    ])
    #expect(result.status == 2, "\(result.standardError)")
    #expect(result.standardError.contains("cannot write "), "\(result.standardError)")
    #expect(!result.standardError.contains("NSCocoaErrorDomain"))
    let left = try FileManager.default.contentsOfDirectory(atPath: out.path)
    #expect(left == ["yonago-objective-list-2024.xml"], "\(left)")
  }

  @Test("a report into a directory that does not exist: exit 2, the directory named")
  func missingDirectory() throws {
    let result = try CommandRunner.run([
      "validate", "Corpus/expected/yonago-objective-list-2024.json", "--output",
      "/nonexistent-gyosei/report.txt",
    ])
    #expect(result.status == 2, "\(result.standardError)")
    #expect(
      result.standardError.contains(
        "cannot write /nonexistent-gyosei/report.txt: the directory /nonexistent-gyosei does not "
          + "exist"), "\(result.standardError)")
    #expect(!result.standardError.contains("NSCocoaErrorDomain"))
  }

  @Test("a full disk (a 64 KB tmpfs, where the machine lets the tests mount one): neither form")
  func fullDisk() throws {
    let mountPoint = try CommandRunner.scratchDirectory()
    defer { try? FileManager.default.removeItem(at: mountPoint) }
    let mount = Process()
    mount.executableURL = URL(fileURLWithPath: "/bin/mount")
    mount.arguments = ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint.path]
    mount.standardError = FileHandle.nullDevice
    guard (try? mount.run()) != nil else { return }
    mount.waitUntilExit()
    guard mount.terminationStatus == 0 else { return }  // not root: nothing to mount here
    defer {
      let unmount = Process()
      unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
      unmount.arguments = [mountPoint.path]
      try? unmount.run()
      unmount.waitUntilExit()
    }
    let result = try CommandRunner.run([
      "convert", "Corpus/sheets/ueda-reform-action-program-2022.txt", "--out", mountPoint.path,
      "--format", "both",
    ])
    #expect(result.status == 2, "\(result.standardError)")
    #expect(result.standardError.contains("no space left on device"), "\(result.standardError)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: mountPoint.path).isEmpty)
  }
}
