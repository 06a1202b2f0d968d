import Foundation
import GyoseiModel
import TestSupport
import Testing

@testable import Validation

/// A reading that knows only the texts these tests use, so each rule is judged on its own.
struct StubReading: JapaneseTextReading {
  func dateProblems(in text: String, fiscalYear: Int) -> [TextProblem] {
    if text.contains("令和元年4月") {
      return [TextProblem(code: .eraBeforeStart, message: "before 令和", original: text)]
    }
    if text.contains("平成34") {
      return [TextProblem(code: .eraPastEnd, message: "past 平成", original: text)]
    }
    return []
  }

  func fiscalYear(of text: String) -> Int? {
    ["令和2年度": 2020, "令和4年度末": 2022, "令和6年度": 2024, "令和7年度": 2025][text]
  }

  func unitCode(ofValue text: String) -> String? {
    if text.hasSuffix("%") { return "percent" }
    if text.hasSuffix("人") { return "person" }
    return nil
  }

  func unitCode(ofUnit text: String) -> String? {
    ["%": "percent", "人": "person", "回": "times", "件": "case"][text]
  }
}

struct DocumentRulesTests {
  static let rules = DocumentRules(reading: StubReading())

  static func expected(_ name: String) throws -> Document {
    try JSONDecoder().decode(
      Document.self, from: Data(try CorpusExamples.file("Corpus/expected/\(name).json")))
  }

  /// The findings of the rules proper (not carried warnings).
  static func ruleFindings(_ document: Document) -> [RuleFinding] {
    rules.findings(in: document).filter { !$0.carried }
  }

  @Test(
    "the real corpus breaks no rule: only its carried warnings, and 002's one indicator without unit",
    arguments: CorpusExamples.sheets)
  func corpusIsClean(name: String) throws {
    let document = try Self.expected(name)
    let findings = Self.rules.findings(in: document)
    #expect(findings.count { $0.carried } == document.warnings.count)
    let proper = findings.filter { !$0.carried }.map { "\($0.code) \($0.pointer)" }
    if name == "tomakomai-policy-evaluation-2020" {
      // Line 1327: 個々のケースに合った適切な対応 has an empty 単位 cell and 維持 for values.
      #expect(proper == ["indicator.unit-missing /measures/55/indicators/1"])
    } else {
      #expect(proper.isEmpty)
    }
  }

  @Test("a rule finding the fact a carried warning records is reported once, at its pointer")
  func carriedWarningsAbsorbRuleFindings() throws {
    let document = try Self.expected("ueda-objective-sheet-2024-shimin-machizukuri")
    let findings = Self.rules.findings(in: document)
    #expect(findings.count == document.warnings.count)
    let skipped = findings.filter { $0.code == "marker.skipped" }
    #expect(skipped.count == 6)
    #expect(skipped.allSatisfy { $0.carried && !$0.pointer.isWithin(.root / "warnings") })
    #expect(
      skipped.map(\.pointer.text).contains("/objectives/3/actions/0/schedule/1"),
      "(3) follows (1) at line 61, cell 3")
    #expect(
      findings.first { $0.code == "marker.duplicate" }?.pointer.text
        == "/objectives/2/actions/0/items/5"
    )
  }

  /// A change to a real document, and the finding it must cause.
  struct Breakage: Sendable, CustomTestStringConvertible {
    var name: String
    var document: String
    var change: @Sendable (inout Document) -> Void
    var code: String
    var pointer: String
    var testDescription: String { name }
  }

  static let objectives = "ueda-objective-sheet-2025-kenko-kodomo-mirai"
  static let evaluation = "tomakomai-policy-evaluation-2020"
  static let program = "ueda-reform-action-program-2022"
  static let periodPointer = "/objectives/0/actions/1/midTermReport/1/periods/0"

  static func setPeriod(_ document: inout Document, raw: String, iso: String) {
    document.objectives?[0].actions[1].midTermReport[1].periods?[0].raw = raw
    document.objectives?[0].actions[1].midTermReport[1].periods?[0].iso = iso
    document.objectives?[0].actions[1].midTermReport[1].periods?[0].start = iso
    document.objectives?[0].actions[1].midTermReport[1].periods?[0].end = iso
  }

  static let breakages: [Breakage] = [
    Breakage(
      name: "fiscal year 1900", document: objectives,
      change: {
        $0.fiscalYear = 1900
        $0.fiscalYearText = nil
      }, code: "fiscal-year.implausible", pointer: "/fiscalYear"),
    Breakage(
      name: "令和6年度 on a 2025 sheet", document: objectives,
      change: { $0.fiscalYearText = "令和6年度" }, code: "fiscal-year.text-mismatch",
      pointer: "/fiscalYearText"),
    Breakage(
      name: "a 施策's activities of 2019 in a 2020 evaluation", document: evaluation,
      change: { $0.measures?[0].activitiesFiscalYear = 2019 }, code: "fiscal-year.inconsistent",
      pointer: "/measures/0/activitiesFiscalYear"),
    Breakage(
      name: "a program about 2030 planned for 2021 to 2025", document: program,
      change: {
        $0.fiscalYear = 2030
        $0.fiscalYearText = nil
      }, code: "fiscal-year.inconsistent", pointer: "/fiscalYear"),
    Breakage(
      name: "no indicator value for the document's year", document: evaluation,
      change: { document in
        document.measures = document.measures?.map { measure in
          var measure = measure
          for index in measure.indicators.indices {
            measure.indicators[index].observations.removeAll { $0.fiscalYear == 2020 }
          }
          return measure
        }
      }, code: "fiscal-year.inconsistent", pointer: "/fiscalYear"),
    Breakage(
      name: "2月30日", document: objectives,
      change: { setPeriod(&$0, raw: "2月30日", iso: "2026-02-30") }, code: "date.invalid",
      pointer: periodPointer),
    Breakage(
      name: "a period that ends before it starts", document: objectives,
      change: { $0.objectives?[0].actions[1].midTermReport[1].periods?[0].end = "2025-08-01" },
      code: "date.invalid", pointer: periodPointer),
    Breakage(
      name: "令和元年4月1日", document: objectives,
      change: { setPeriod(&$0, raw: "令和元年4月1日", iso: "2019-04-01") },
      code: "era.before-start", pointer: periodPointer),
    Breakage(
      name: "平成34年4月1日", document: objectives,
      change: { setPeriod(&$0, raw: "平成34年4月1日", iso: "2022-04-01") }, code: "era.past-end",
      pointer: periodPointer),
    Breakage(
      name: "a value of 2021 in a 2020 evaluation", document: evaluation,
      change: { $0.measures?[0].indicators[0].observations[0].fiscalYear = 2021 },
      code: "observation.out-of-range", pointer: "/measures/0/indicators/0/observations/0"),
    Breakage(
      name: "a value of 2010 in a 2020 evaluation", document: evaluation,
      change: { $0.measures?[0].indicators[0].observations[0].fiscalYear = 2010 },
      code: "observation.out-of-range", pointer: "/measures/0/indicators/0/observations/0"),
    Breakage(
      name: "an indicator without unit", document: evaluation,
      change: { $0.measures?[0].indicators[0].unit = nil }, code: "indicator.unit-missing",
      pointer: "/measures/0/indicators/0"),
    Breakage(
      name: "10.3人 for a % indicator", document: evaluation,
      change: { $0.measures?[0].indicators[0].observations[0].raw = "10.3人" },
      code: "indicator.unit-mismatch", pointer: "/measures/0/indicators/0/observations/0"),
    Breakage(
      name: "a 施策番号 twice", document: evaluation,
      change: { document in
        let code = document.measures?[0].code ?? ""
        document.measures?[1].code = code
      }, code: "id.duplicate",
      pointer: "/measures/1/code"),
    Breakage(
      name: "an item number twice", document: program,
      change: { $0.items?[2].number = 2 }, code: "id.duplicate", pointer: "/items/2/number"),
    Breakage(
      name: "a priority twice", document: objectives,
      change: { document in
        let priority = document.objectives?[0].priority ?? 0
        document.objectives?[1].priority = priority
      },
      code: "id.duplicate",
      pointer: "/objectives/1/priority"),
    Breakage(
      name: "(1) … (4) (6)", document: objectives,
      change: { $0.objectives?[0].actions[0].items[4].ordinal = 6 }, code: "marker.skipped",
      pointer: "/objectives/0/actions/0/items/4"),
    Breakage(
      name: "a list starting at (2)", document: objectives,
      change: { $0.objectives?[0].actions[0].items.removeFirst() }, code: "marker.skipped",
      pointer: "/objectives/0/actions/0/items/0"),
    Breakage(
      name: "actions ① ③", document: objectives,
      change: { $0.objectives?[0].actions.remove(at: 1) }, code: "marker.skipped",
      pointer: "/objectives/0/actions/1"),
    Breakage(
      name: "(1) … (4) (4)", document: objectives,
      change: { $0.objectives?[0].actions[0].items[4].ordinal = 4 }, code: "marker.duplicate",
      pointer: "/objectives/0/actions/0/items/4"),
    Breakage(
      name: "実施率 46% with no period anywhere", document: objectives,
      change: { document in
        guard var action = document.objectives?[3].actions[0] else { return }
        for index in action.schedule.indices { action.schedule[index].periods = nil }
        for index in action.targets.indices { action.targets[index].periods = nil }
        document.objectives?[3].actions[0] = action
      }, code: "action.target-without-period", pointer: "/objectives/3/actions/0/targets"),
  ]

  @Test("each rule finds the document that breaks it, at the value", arguments: breakages)
  func breakage(_ breakage: Breakage) throws {
    let original = try Self.expected(breakage.document)
    var document = original
    breakage.change(&document)
    let before = Self.ruleFindings(original).map { "\($0.code) \($0.pointer)" }
    let after = Self.ruleFindings(document).map { "\($0.code) \($0.pointer)" }
    let new = after.filter { !before.contains($0) }
    #expect(new == ["\(breakage.code) \(breakage.pointer)"])
  }

  @Test("a rule's finding carries the source position of its value, or its nearest ancestor's")
  func sourcePositions() throws {
    var document = try Self.expected(Self.evaluation)
    let code = document.measures?[0].code ?? ""
    document.measures?[1].code = code
    let finding = try #require(Self.ruleFindings(document).first { $0.code == "id.duplicate" })
    #expect(finding.source == SourcePosition(line: 78, cell: 1))
    let issues = Self.rules.issues(
      in: document, file: "out/a.json", configuration: RuleConfiguration())
    let issue = try #require(issues.first { $0.code == "id.duplicate" })
    #expect(
      issue.source
        == SourceLocation(file: "tomakomai-policy-evaluation-2020.txt", line: 78, cell: 1))
    #expect(issue.severity == .error)
    #expect(issue.messageJapanese?.contains("施策番号 2110111 が重複") == true)
  }

  @Test(
    "ISO values: real dates, months, years, fiscal years and ranges",
    arguments: [
      ("2024-02-29", true), ("2025-02-29", false), ("2025-02-28", true), ("1900-02-29", false),
      ("2000-02-29", true), ("2025-04-31", false), ("2025-13", false), ("2025-00", false),
      ("FY2025", true), ("FY2025-04", false), ("2025", true), ("25-04-01", false),
      ("2025-04..2026-03", true), ("2026-03..2025-04", false), ("FY2018..FY2022", true),
      ("2025-04-01..2025-04-30..2025-05-01", false), ("２０２５", false),
    ])
  func isoValues(value: String, valid: Bool) {
    #expect((ISODate.problem(value) == nil) == valid)
  }
}
