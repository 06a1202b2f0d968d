import Foundation
import GyoseiModel
import LibXML2
import Testing

@testable import Validation

/// Each report format is read back with a parser of its kind, never by matching strings.
struct ReportFormatTests {
  /// Two documents: one with an error (traced to its source), a warning and a note; one valid.
  static let report = ValidationReport(
    entries: [
      ValidationReport.Entry(
        file: "out/上田市 2025.json", documentID: "202037-objective-sheet-2025-abc",
        family: "objective-sheet",
        issues: [
          ValidationIssue(
            file: "out/上田市 2025.json", line: 120, column: 15,
            pointer: JSONPointer(parsing: "/objectives/0/actions/1/midTermReport/1/periods/0"),
            severity: .error,
            code: "date.invalid", message: "'2月30日': iso \"2026-02-30\" does not exist & <more>",
            messageJapanese: "「2月30日」は実在しません",
            source: SourceLocation(file: "ueda-2025.txt", line: 28, cell: 5)),
          ValidationIssue(
            file: "out/上田市 2025.json", line: 300, column: 9, pointer: .root / "warnings" / 0,
            severity: .warning, code: "marker.ocr-repaired",
            message: "(7) read as (ア): the sequence continues there,\nsee 100%",
            messageJapanese: "変換時の警告: (7) read as (ア)",
            source: SourceLocation(file: "ueda-2025.txt", line: 46, cell: 2)),
          ValidationIssue(
            file: "out/上田市 2025.json", line: 5, column: 3, pointer: .root / "fiscalYear",
            severity: .info, code: "fiscal-year.inconsistent", message: "a note"),
        ]),
      ValidationReport.Entry(
        file: "out/b.xml", documentID: "012131-policy-evaluation-2020-x",
        family: "policy-evaluation", issues: []),
    ], toolVersion: "gyosei test")

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test("text: a line per issue, location: severity code: message [context]")
  func text() throws {
    let lines = ReportFormat.text.render(Self.report).split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    let fields = lines.map { line -> [String] in
      let parts = line.split(separator: ": ", maxSplits: 2).map(String.init)
      return parts
    }
    #expect(fields[0][0] == "ueda-2025.txt:28:5")
    #expect(fields[0][1] == "error date.invalid")
    #expect(
      fields[0][2].hasSuffix(
        "[out/上田市 2025.json /objectives/0/actions/1/midTermReport/1/periods/0]"))
    #expect(fields[1][2].contains("continues there, see 100%"), "line breaks become spaces")
    #expect(fields[2][0] == "out/上田市 2025.json:5:3")
    #expect(fields[2][1] == "info fiscal-year.inconsistent")
    let japanese = ReportFormat.text.render(Self.report, japanese: true)
    #expect(japanese.contains("error date.invalid: 「2月30日」は実在しません"))
  }

  @Test("json: valid, counts, and each issue with pointer and source position; Japanese as is")
  func json() throws {
    let text = ReportFormat.json.render(Self.report)
    #expect(text.contains("上田市"), "Japanese is written unescaped")
    let root = try Self.json(text)
    #expect(root["valid"] as? Bool == false)
    let counts = try #require(root["counts"] as? [String: Int])
    #expect(counts == ["documents": 2, "error": 1, "warning": 1, "info": 1])
    let documents = try #require(root["documents"] as? [[String: Any]])
    #expect(documents.map { $0["valid"] as? Bool } == [false, true])
    let issues = try #require(documents[0]["issues"] as? [[String: Any]])
    #expect(
      issues.map { $0["code"] as? String } == [
        "date.invalid", "marker.ocr-repaired", "fiscal-year.inconsistent",
      ])
    #expect(issues[0]["pointer"] as? String == "/objectives/0/actions/1/midTermReport/1/periods/0")
    #expect(
      issues[0]["message"] as? String == "'2月30日': iso \"2026-02-30\" does not exist & <more>")
    #expect(issues[0]["messageJa"] as? String == "「2月30日」は実在しません")
    let source = try #require(issues[0]["source"] as? [String: Any])
    #expect(source["file"] as? String == "ueda-2025.txt")
    #expect(source["line"] as? Int == 28 && source["cell"] as? Int == 5)
    #expect(issues[2]["source"] is NSNull)
  }

  @Test("junit: a test case per document, a failure per error, the rest in system-out")
  func junit() throws {
    let text = ReportFormat.junit.render(Self.report)
    let tree = try XMLTree.parse(Array(text.utf8), fileName: "junit.xml")
    let xpath = try XPathEvaluator(tree)
    func strings(_ expression: String) throws -> [String] {
      switch try xpath.evaluate(expression) {
      case .nodes(let nodes): return nodes.map(\.text)
      case .text(let text): return [text]
      }
    }
    #expect(try strings("/testsuites/testsuite/@tests") == ["2"])
    #expect(try strings("/testsuites/testsuite/@failures") == ["1"])
    #expect(try strings("//testcase/@name") == ["out/上田市 2025.json", "out/b.xml"])
    #expect(try strings("//testcase[1]/failure/@type") == ["date.invalid"])
    #expect(
      try strings("//testcase[1]/failure/@message")
        == ["'2月30日': iso \"2026-02-30\" does not exist & <more>"])
    let output = try strings("//testcase[1]/system-out").first
    #expect(output?.contains("warning marker.ocr-repaired") == true)
    #expect(try strings("//testcase[2]/*").isEmpty)
  }

  /// A workflow command read back: the command, its properties and its message, unescaped.
  static func command(_ line: String) throws -> (String, [String: String], String) {
    func unescape(_ text: String) -> String {
      text.replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%0D", with: "\r")
        .replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ",")
        .replacingOccurrences(of: "%25", with: "%")
    }
    #expect(line.hasPrefix("::"))
    let body = line.dropFirst(2)
    let end = try #require(body.range(of: "::"))
    let head = body[..<end.lowerBound]
    let message = unescape(String(body[end.upperBound...]))
    let space = head.firstIndex(of: " ") ?? head.endIndex
    var properties: [String: String] = [:]
    for pair in head[space...].dropFirst().split(separator: ",") {
      let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
      properties[parts[0]] = unescape(parts[1])
    }
    return (String(head[..<space]), properties, message)
  }

  @Test("github: a workflow command per issue, escaped as the runner reads it")
  func github() throws {
    let lines = ReportFormat.github.render(Self.report).split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    let commands = try lines.map(Self.command)
    #expect(commands.map(\.0) == ["error", "warning", "notice"])
    #expect(
      commands[0].1 == [
        "file": "out/上田市 2025.json", "line": "120", "col": "15", "title": "date.invalid",
      ])
    #expect(
      commands[0].2.hasPrefix(
        "'2月30日': iso \"2026-02-30\" does not exist & <more> (source ueda-2025.txt:28:5)"))
    #expect(commands[1].2.contains("continues there,\nsee 100% (source"))
  }

  @Test("sarif: 2.1.0, rules, results with physical, logical and related locations")
  func sarif() throws {
    let root = try Self.json(ReportFormat.sarif.render(Self.report))
    #expect(root["version"] as? String == "2.1.0")
    let run = try #require((root["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "gyosei")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    let ids = rules.compactMap { $0["id"] as? String }
    #expect(ids.starts(with: DiagnosticCode.rules.map(\.rawValue)))
    #expect(ids.contains("marker.ocr-repaired"), "a carried warning's code gets a descriptor")
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.map { $0["level"] as? String } == ["error", "warning", "note"])
    for result in results {
      let index = try #require(result["ruleIndex"] as? Int)
      #expect(ids[index] == result["ruleId"] as? String)
    }
    let location = try #require((results[0]["locations"] as? [[String: Any]])?.first)
    let physical = try #require(location["physicalLocation"] as? [String: Any])
    let artifact = try #require(physical["artifactLocation"] as? [String: Any])
    #expect(artifact["uri"] as? String == "out/%E4%B8%8A%E7%94%B0%E5%B8%82%202025.json")
    #expect(URL(string: try #require(artifact["uri"] as? String)) != nil)
    let region = try #require(physical["region"] as? [String: Any])
    #expect(region["startLine"] as? Int == 120 && region["startColumn"] as? Int == 15)
    let logical = try #require((location["logicalLocations"] as? [[String: Any]])?.first)
    #expect(
      logical["fullyQualifiedName"] as? String
        == "/objectives/0/actions/1/midTermReport/1/periods/0")
    let related = try #require((results[0]["relatedLocations"] as? [[String: Any]])?.first)
    let relatedRegion = try #require(
      (related["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])
    #expect(relatedRegion["startLine"] as? Int == 28)
    #expect(results[2]["relatedLocations"] == nil)
  }
}
