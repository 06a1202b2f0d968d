import Foundation
import GyoseiModel
import TestSupport
import Testing

@Suite("gyosei validate and gyosei check")
struct ValidateCommandTests {
  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// A new, empty directory for one test; the test removes it.
  static func scratchDirectory(_ purpose: String) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "gyosei-\(purpose)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  static func issues(_ report: [String: Any]) -> [[String: Any]] {
    ((report["documents"] as? [[String: Any]]) ?? []).flatMap {
      ($0["issues"] as? [[String: Any]]) ?? []
    }
  }

  static let brokenRules =
    (try? FileManager.default.contentsOfDirectory(
      atPath: CorpusExamples.path("Corpus/broken/rules")
    ).filter { $0.hasSuffix(".json") }.sorted()) ?? []

  @Test("each rule is broken by a document of Corpus/broken/rules, found with the real reading")
  func brokenRulesExist() {
    let codes = Set(Self.brokenRules.map { String($0.dropLast(5).split(separator: "--")[0]) })
    // Every rule of the registry but the municipality-code rules (the schemas refuse a broken
    // code before any rule runs).
    let rules = DiagnosticCode.rules.map(\.rawValue).filter { !$0.hasPrefix("municipality.") }
    #expect(codes == Set(rules))
  }

  @Test(
    "validate reports the rule a broken document breaks; --strict fails it", arguments: brokenRules)
  func brokenRule(file: String) throws {
    let code = String(file.dropLast(5).split(separator: "--")[0])
    let path = "Corpus/broken/rules/\(file)"
    let result = try CommandRunner.run(["validate", "--format", "json", path])
    let found = Self.issues(try Self.json(result.standardOutput)).filter {
      $0["code"] as? String == code && !(($0["pointer"] as? String) ?? "").hasPrefix("/warnings/")
    }
    // The evaluation the indicator documents start from has one indicator without unit already
    // (line 1327, 個々のケースに合った適切な対応).
    let before = code == "indicator.unit-missing" ? 1 : 0
    #expect(found.count == before + 1, "\(result.standardOutput.prefix(2000))")
    let severity = try #require(found.first?["severity"] as? String)
    #expect(result.status == (severity == "error" ? 1 : 0))
    #expect(try CommandRunner.run(["validate", "--strict", path]).status == 1)
  }

  @Test("the expected corpus has warnings, no error; --strict fails it; a rules file quiets it")
  func corpusSeverities() throws {
    let plain = try CommandRunner.run(["validate", "Corpus/expected"])
    #expect(plain.status == 0, "\(plain.standardError)")
    #expect(plain.standardError.contains("0 errors"))
    #expect(try CommandRunner.run(["validate", "--strict", "Corpus/expected"]).status == 1)
    let directory = try Self.scratchDirectory("rules")
    defer { try? FileManager.default.removeItem(at: directory) }
    let rules = directory.appendingPathComponent("rules.yaml")
    try Data(
      """
      rules:
        indicator.unit-missing: off
        era.past-end: info
        marker.skipped: info
        marker.duplicate: info
        indicator.value-not-numeric: info
      conversion-warnings: info
      """.utf8
    ).write(to: rules)
    let quiet = try CommandRunner.run(
      ["validate", "--strict", "--rules", rules.path, "Corpus/expected"])
    #expect(quiet.status == 0, "\(quiet.standardOutput.prefix(1000))")
    #expect(!quiet.standardOutput.contains("indicator.unit-missing"))
    #expect(quiet.standardOutput.contains("info lexicon.suspicious-word"))
    try Data("rules:\n  schema.xsd: off\n".utf8).write(to: rules)
    let refused = try CommandRunner.run(["validate", "--rules", rules.path, "Corpus/expected"])
    #expect(refused.status == 2)
    #expect(refused.standardError.contains("rules.yaml: rules: 'schema.xsd'"))
  }

  @Test("--source converts in memory and places issues at the source's line and cell")
  func source() throws {
    let sheet = "Corpus/sheets/ueda-objective-sheet-2024-shimin-machizukuri.txt"
    let result = try CommandRunner.run(["validate", "--source", "--format", "github", sheet])
    #expect(result.status == 0, "\(result.standardError)")
    let lines = result.standardOutput.split(separator: "\n")
    #expect(lines.count == 10)
    #expect(
      lines.contains {
        $0.hasPrefix("::warning file=\(sheet),line=61,col=3,title=marker.skipped::(3) follows (1)")
      }, "\(lines)")
    let strict = try CommandRunner.run(["validate", "--source", "--strict", sheet])
    #expect(strict.status == 1)
    #expect(strict.standardOutput.contains("\(sheet):61:3: error marker.skipped: (3) follows (1)"))
  }

  @Test("--source: a canonical document among the sheets is checked from its own bytes")
  func sourceCanonical() throws {
    let directory = try Self.scratchDirectory("source-canonical")
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = String(
      decoding: try CorpusExamples.file("Corpus/expected/ueda-objective-sheet-2024-fukushi.json"),
      as: UTF8.self
    ).replacingOccurrences(
      of: "{\n  \"schemaVersion\"", with: "{\n  \"comment\": 1,\n  \"schemaVersion\"")
    let file = directory.appendingPathComponent("with-comment.json")
    try Data(text.utf8).write(to: file)
    let result = try CommandRunner.run(["validate", "--source", "--format", "json", file.path])
    #expect(result.status == 1)
    let codes = Self.issues(try Self.json(result.standardOutput)).map { $0["code"] as? String }
    #expect(codes == ["schema.json"])
  }

  @Test("--source: a sheet that does not convert is an error of its own, exit 1")
  func sourceFailure() throws {
    let directory = try Self.scratchDirectory("source")
    defer { try? FileManager.default.removeItem(at: directory) }
    let sheet = directory.appendingPathComponent("unknown.tsv")
    try Data("見出し\t値\n何か\t1\n".utf8).write(to: sheet)
    let result = try CommandRunner.run(["validate", "--source", "--format", "json", sheet.path])
    #expect(result.status == 1)
    let issues = Self.issues(try Self.json(result.standardOutput))
    #expect(issues.map { $0["code"] as? String } == ["conversion.failed"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["unknown.tsv"])
  }

  @Test("two sources under one id: id.duplicate; a document's JSON and XML, or an edit: not")
  func duplicateIDs() throws {
    let directory = try Self.scratchDirectory("ids")
    defer { try? FileManager.default.removeItem(at: directory) }
    let name = "ueda-objective-sheet-2024-fukushi"
    for form in ["json", "xml"] {
      try Data(try CorpusExamples.file("Corpus/expected/\(name).\(form)")).write(
        to: directory.appendingPathComponent("a.\(form)"))
    }
    #expect(try CommandRunner.run(["validate", directory.path]).status == 0)
    let text = String(
      decoding: try CorpusExamples.file("Corpus/expected/\(name).json"), as: UTF8.self
    )
    .replacingOccurrences(of: "\"title\": \"", with: "\"title\": \"改 ")
    try Data(text.utf8).write(to: directory.appendingPathComponent("b.json"))
    #expect(try CommandRunner.run(["validate", directory.path]).status == 0)
    let document = try Self.json(text)
    let sha256 = try #require((document["source"] as? [String: Any])?["sha256"] as? String)
    let other = text.replacingOccurrences(of: sha256, with: String(sha256.reversed()))
    try Data(other.utf8).write(to: directory.appendingPathComponent("c.json"))
    let result = try CommandRunner.run(["validate", "--format", "json", directory.path])
    #expect(result.status == 1)
    let duplicates = Self.issues(try Self.json(result.standardOutput)).filter {
      $0["code"] as? String == "id.duplicate"
    }
    #expect(duplicates.count == 1)
    #expect((duplicates.first?["file"] as? String)?.hasSuffix("c.json") == true)
  }

  @Test("--output writes the report to a file; usage errors exit 2")
  func outputAndUsage() throws {
    let directory = try Self.scratchDirectory("out")
    defer { try? FileManager.default.removeItem(at: directory) }
    let report = directory.appendingPathComponent("report.sarif")
    let result = try CommandRunner.run([
      "validate", "--format", "sarif", "--output", report.path,
      "Corpus/broken/rules/date.invalid.json",
    ])
    #expect(result.status == 1)
    #expect(result.standardOutput.isEmpty)
    let sarif = try Self.json(String(decoding: try Data(contentsOf: report), as: UTF8.self))
    #expect(sarif["version"] as? String == "2.1.0")
    #expect(try CommandRunner.run(["validate", "no-such-file.json"]).status == 2)
    #expect(try CommandRunner.run(["validate", "--format", "yaml", "Corpus/expected"]).status == 2)
    #expect(try CommandRunner.run(["validate"]).status == 2)
  }

  @Test("check: a corpus that matches passes; a changed expected file fails, naming the line")
  func check() throws {
    let corpus = try Self.scratchDirectory("check")
    defer { try? FileManager.default.removeItem(at: corpus) }
    let name = "ueda-objective-sheet-2024-fukushi"
    for group in ["sheets", "expected"] {
      try FileManager.default.createDirectory(
        at: corpus.appendingPathComponent(group), withIntermediateDirectories: true)
    }
    try Data(try CorpusExamples.file("Corpus/sheets/\(name).txt")).write(
      to: corpus.appendingPathComponent("sheets/\(name).txt"))
    for form in ["json", "xml"] {
      try Data(try CorpusExamples.file("Corpus/expected/\(name).\(form)")).write(
        to: corpus.appendingPathComponent("expected/\(name).\(form)"))
    }
    let out = corpus.appendingPathComponent("out")
    let passing = try CommandRunner.run(["check", corpus.path, "--out", out.path])
    #expect(passing.status == 0, "\(passing.standardOutput)")
    #expect(passing.standardOutput.contains("marker.zero-as-bullet 5"))
    #expect(
      try Data(contentsOf: out.appendingPathComponent("sheets/\(name).xml"))
        == Data(try CorpusExamples.file("Corpus/expected/\(name).xml")))
    let expectedJSON = corpus.appendingPathComponent("expected/\(name).json")
    let text = String(decoding: try Data(contentsOf: expectedJSON), as: UTF8.self)
      .replacingOccurrences(of: "\"fiscalYear\": 2024", with: "\"fiscalYear\": 2023")
    try Data(text.utf8).write(to: expectedJSON)
    try FileManager.default.removeItem(at: corpus.appendingPathComponent("expected/\(name).xml"))
    let failing = try CommandRunner.run(["check", corpus.path])
    #expect(failing.status == 1)
    #expect(failing.standardOutput.contains("json: differs from"))
    #expect(failing.standardOutput.contains("at line 11"))
    #expect(failing.standardOutput.contains("xml: no expected file"))
  }
}
