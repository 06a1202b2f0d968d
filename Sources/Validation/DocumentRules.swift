import GyoseiModel

/// One thing a semantic rule found, or one conversion warning a document carries.
public struct RuleFinding: Hashable, Sendable {
  /// The stable code (a carried warning's may be one this build does not know).
  public var code: String
  /// The value concerned.
  public var pointer: JSONPointer
  /// What is wrong, in English.
  public var message: String
  /// What is wrong, in Japanese.
  public var messageJapanese: String
  /// Where the value was read from, when the document records it.
  public var source: SourcePosition?
  /// The finding is a conversion warning the document carries.
  public var carried: Bool
}

/// The semantic rules (`DiagnosticCode.rules`), applied to a canonical document.
///
/// The rules read the model only; what they need to know about era dates and units comes from
/// a `JapaneseTextReading`. Conversion warnings the document carries are findings too, and a
/// rule that finds the same fact (same code, same source position) as a carried warning is
/// reported once, as the warning with the rule's pointer.
public struct DocumentRules: Sendable {
  /// The years before the document's own that indicator values may be for.
  public static let observationYears = 9
  /// The fiscal years a document may be about: from the Local Autonomy Act on.
  public static let plausibleFiscalYears = 1947...2099

  private let reading: any JapaneseTextReading

  public init(reading: any JapaneseTextReading) {
    self.reading = reading
  }

  /// Every finding, rules first in document order, then carried warnings not found again.
  public func findings(in document: Document) -> [RuleFinding] {
    var check = RuleCheck(document: document, reading: reading)
    check.run()
    return check.merged()
  }

  /// The findings as issues of `file`, with the severity `configuration` gives each code
  /// (codes turned off are left out).
  ///
  /// - Parameters:
  ///   - sourceFile: the source's path when it was read in this run; otherwise the file name
  ///     the document records.
  ///   - locate: the line and column of a JSON Pointer in `file`, when `file` is a canonical
  ///     document.
  public func issues(
    in document: Document, file: String, sourceFile: String? = nil,
    configuration: RuleConfiguration,
    locate: (JSONPointer) -> (line: Int, column: Int)? = { _ in nil }
  ) -> [ValidationIssue] {
    findings(in: document).compactMap { finding in
      guard let severity = configuration.severity(of: finding.code, carried: finding.carried)
      else { return nil }
      let position = locate(finding.pointer)
      return ValidationIssue(
        file: file, line: position?.line, column: position?.column, pointer: finding.pointer,
        severity: severity, code: finding.code, message: finding.message,
        messageJapanese: finding.messageJapanese,
        source: finding.source.map {
          SourceLocation(
            file: sourceFile ?? document.source.fileName, line: $0.line, cell: $0.cell)
        })
    }
  }
}

/// One run of the rules over one document.
private struct RuleCheck {
  let document: Document
  let reading: any JapaneseTextReading
  var found: [RuleFinding] = []
  private let provenance: ProvenanceIndex

  init(document: Document, reading: any JapaneseTextReading) {
    self.document = document
    self.reading = reading
    provenance = ProvenanceIndex(document.provenance)
  }

  /// The source position of a pointer: its own provenance, or its nearest ancestor's.
  func source(of pointer: JSONPointer) -> SourcePosition? {
    provenance.entry(for: pointer)?.position
  }

  /// Records a finding; the same code at the same pointer is recorded once.
  mutating func report(
    _ code: DiagnosticCode, at pointer: JSONPointer, _ message: String, _ japanese: String
  ) {
    guard !found.contains(where: { $0.code == code.rawValue && $0.pointer == pointer }) else {
      return
    }
    found.append(
      RuleFinding(
        code: code.rawValue, pointer: pointer, message: message, messageJapanese: japanese,
        source: source(of: pointer), carried: false))
  }

  mutating func run() {
    checkFiscalYear()
    walkPeriods()
    walkLists()
    checkIndicators()
    checkDuplicates()
    checkActionTargets()
    checkProjects()
  }

  /// The rules' findings, then the carried warnings; a rule finding with the code and source
  /// position of a carried warning is folded into it.
  func merged() -> [RuleFinding] {
    var carried = document.warnings.enumerated().map { index, warning in
      RuleFinding(
        code: warning.code, pointer: .root / "warnings" / index, message: warning.message,
        messageJapanese: "変換時の警告: "
          + (warning.original.map { "「\($0)」 " } ?? "") + warning.message,
        source: warning.position, carried: true)
    }
    var folded = Array(repeating: false, count: carried.count)
    var result: [RuleFinding] = []
    for finding in found {
      if let source = finding.source,
        let index = carried.indices.first(where: {
          !folded[$0] && carried[$0].code == finding.code && carried[$0].source == source
        })
      {
        folded[index] = true
        carried[index].pointer = finding.pointer
        continue
      }
      result.append(finding)
    }
    return result + carried
  }

  // MARK: projects

  /// A project's yearly costs add up (funding sources to 事業費計, 事業費計 and 人件費 to the
  /// total), and an indicator with numbers for values has no value that is not one.
  mutating func checkProjects() {
    func close(_ left: Double, _ right: Double) -> Bool {
      abs(left - right) <= 0.000_001 * max(1, abs(left), abs(right))
    }
    func figure(_ value: Double) -> String {
      value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
    for (index, project) in (document.projects ?? []).enumerated() {
      let pointer = JSONPointer.root / "projects" / index
      for (number, cost) in project.costs.enumerated() {
        let costPointer = pointer / "costs" / number
        let funding = cost.funding.compactMap(\.value)
        if let total = cost.projectCost?.value, !funding.isEmpty,
          funding.count == cost.funding.count
        {
          let sum = funding.reduce(0, +)
          if !close(sum, total) {
            report(
              .costFundingSum, at: costPointer / "projectCost",
              "project \(project.code), fiscal year \(cost.fiscalYear): the funding sources add "
                + "up to \(figure(sum)) \(cost.unit), but 事業費計 (A) is \(figure(total))",
              "事務事業 \(project.code) の \(cost.fiscalYear) 年度: 財源内訳の合計 \(figure(sum))"
                + "\(cost.unit) が事業費計（A）\(figure(total)) と一致しません")
          }
        }
        if let projectCost = cost.projectCost?.value,
          let personnel = cost.personnelCost?.value, let total = cost.totalCost?.value,
          !close(projectCost + personnel, total)
        {
          report(
            .costTotalMismatch, at: costPointer / "totalCost",
            "project \(project.code), fiscal year \(cost.fiscalYear): 事業費計 (A) "
              + "\(figure(projectCost)) + 人件費計 (B) \(figure(personnel)) is "
              + "\(figure(projectCost + personnel)), but トータルコスト is \(figure(total))",
            "事務事業 \(project.code) の \(cost.fiscalYear) 年度: 事業費計（A）と人件費計（B）の和 "
              + "\(figure(projectCost + personnel)) がトータルコスト \(figure(total)) と一致しません")
        }
      }
      for (number, indicator) in project.indicators.enumerated()
      where indicator.observations.contains(where: { $0.value != nil }) {
        // A dash alone (-, －, ―) is the form's way of saying the year has no value.
        for (offset, observation) in indicator.observations.enumerated()
        where observation.value == nil && !Self.isDash(observation.raw) {
          report(
            .indicatorValueNotNumeric,
            at: pointer / "indicators" / number / "observations" / offset,
            "project \(project.code): indicator 「\(indicator.name)」 has numbers for values, "
              + "but its value of fiscal year \(observation.fiscalYear) is 「\(observation.raw)」",
            "事務事業 \(project.code) の指標「\(indicator.name)」は数値ですが、"
              + "\(observation.fiscalYear) 年度の値が「\(observation.raw)」です")
        }
      }
    }
  }

  static func isDash(_ text: String) -> Bool {
    let scalars = text.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" }
    return !scalars.isEmpty && scalars.allSatisfy { "-－―ー‐−–—".unicodeScalars.contains($0) }
  }

  // MARK: fiscal year

  mutating func checkFiscalYear() {
    let year = document.fiscalYear
    if !DocumentRules.plausibleFiscalYears.contains(year) {
      report(
        .fiscalYearImplausible, at: .root / "fiscalYear",
        "fiscal year \(year) is not plausible: expected 1947 to 2099",
        "年度 \(year) は妥当な範囲（1947〜2099年度）の外です")
    }
    if let text = document.fiscalYearText {
      if let named = reading.fiscalYear(of: text), named != year {
        report(
          .fiscalYearTextMismatch, at: .root / "fiscalYearText",
          "the fiscal year is \(year) but its text '\(text)' names \(named)",
          "年度は \(year) ですが、表記「\(text)」は \(named) 年度です")
      }
      checkDates(in: text, at: .root / "fiscalYearText")
    }
    switch document.family {
    case .policyEvaluation:
      for (index, measure) in (document.measures ?? []).enumerated() {
        if let activities = measure.activitiesFiscalYear, activities != year {
          report(
            .fiscalYearInconsistent, at: .root / "measures" / index / "activitiesFiscalYear",
            "施策 \(measure.code) reports the activities of fiscal year \(activities) in a "
              + "document about \(year)",
            "施策 \(measure.code) の取組は \(activities) 年度のもので、文書の年度 \(year) と異なります")
        }
      }
      checkLatestObservation()
    case .indicatorTable:
      checkLatestObservation()
    case .reformActionProgram:
      let years = (document.items ?? []).flatMap(\.years).map(\.fiscalYear)
      if let first = years.min(), let last = years.max(), !(first...last).contains(year) {
        report(
          .fiscalYearInconsistent, at: .root / "fiscalYear",
          "fiscal year \(year) lies outside the program's years \(first) to \(last)",
          "年度 \(year) が計画期間（\(first)〜\(last)年度）の外です")
      }
    case .objectiveSheet, .projectEvaluation:
      break
    }
  }

  /// An evaluation reports on its own year: some indicator has a value for it.
  mutating func checkLatestObservation() {
    let years = indicatorGroups.flatMap { $0.indicators.flatMap(\.observations) }
      .filter { $0.kind == .actual }.map(\.fiscalYear)
    if let latest = years.max(), latest < document.fiscalYear {
      report(
        .fiscalYearInconsistent, at: .root / "fiscalYear",
        "no indicator has a value for fiscal year \(document.fiscalYear); the latest is \(latest)",
        "\(document.fiscalYear) 年度の指標の値がありません（最新は \(latest) 年度）")
    }
  }

  // MARK: periods

  mutating func walkPeriods() {
    forEachList { list, pointer in
      for (index, item) in list.enumerated() {
        for (number, period) in (item.periods ?? []).enumerated() {
          checkPeriod(period, at: pointer / index / "periods" / number)
        }
      }
    }
    for (goal, policy, basic, measure) in basicMeasures {
      for (index, plan) in measure.relatedPlans.enumerated() {
        if let period = plan.period {
          checkPeriod(
            period,
            at: Self.basicMeasurePointer(goal, policy, basic) / "relatedPlans" / index / "period")
        }
      }
    }
  }

  mutating func checkPeriod(_ period: Period, at pointer: JSONPointer) {
    let values = [("iso", period.iso), ("start", period.start), ("end", period.end)]
    if let (key, problem) = values.lazy.compactMap({ key, value in
      value.flatMap { ISODate.problem($0) }.map { (key, $0) }
    }).first {
      report(
        .dateInvalid, at: pointer, "'\(period.raw)': \(key) \(problem.english)",
        "「\(period.raw)」: \(key) \(problem.japanese)")
    }
    if let start = period.start, let end = period.end, ISODate.isAfter(start, end) {
      report(
        .dateInvalid, at: pointer, "'\(period.raw)' starts (\(start)) after it ends (\(end))",
        "「\(period.raw)」の開始（\(start)）が終了（\(end)）より後です")
    }
    if let start = period.fiscalYearStart, let end = period.fiscalYearEnd, start > end {
      report(
        .dateInvalid, at: pointer,
        "'\(period.raw)' starts in fiscal year \(start), after its end \(end)",
        "「\(period.raw)」の開始年度 \(start) が終了年度 \(end) より後です")
    }
    checkDates(in: period.raw, at: pointer)
  }

  /// Reads a text's dates again, as conversion did, for the era and calendar problems.
  mutating func checkDates(in text: String, at pointer: JSONPointer) {
    for problem in reading.dateProblems(in: text, fiscalYear: document.fiscalYear) {
      let japanese: String
      switch problem.code {
      case .eraPastEnd: japanese = "「\(problem.original)」は元号の終わった後の年です"
      case .eraBeforeStart: japanese = "「\(problem.original)」は元号の始まる前の日付です"
      default: japanese = "「\(problem.original)」は実在しない日付です"
      }
      report(problem.code, at: pointer, problem.message, japanese)
    }
  }

  // MARK: lists

  /// Calls `body` with every list of items in the document and its pointer.
  func forEachList(_ body: (_ list: [ListItem], _ pointer: JSONPointer) -> Void) {
    func visit(_ list: [ListItem], _ pointer: JSONPointer) {
      body(list, pointer)
      for (index, item) in list.enumerated() {
        if let items = item.items { visit(items, pointer / index / "items") }
      }
    }
    for (index, objective) in (document.objectives ?? []).enumerated() {
      let base = JSONPointer.root / "objectives" / index
      visit(objective.situation, base / "situation")
      visit(objective.purpose, base / "purpose")
      for (number, action) in objective.actions.enumerated() {
        let pointer = base / "actions" / number
        visit(action.items, pointer / "items")
        visit(action.schedule, pointer / "schedule")
        visit(action.targets, pointer / "targets")
        visit(action.midTermReport, pointer / "midTermReport")
        visit(action.finalReport, pointer / "finalReport")
      }
      for (number, remark) in (objective.remarks ?? []).enumerated() {
        visit(remark.items, base / "remarks" / number / "items")
      }
    }
    for (goal, policy, basic, measure) in basicMeasures {
      visit(measure.situation, Self.basicMeasurePointer(goal, policy, basic) / "situation")
    }
    for (index, measure) in (document.measures ?? []).enumerated() {
      visit(measure.activities, .root / "measures" / index / "activities")
    }
  }

  static func basicMeasurePointer(_ goal: Int, _ policy: Int, _ basic: Int) -> JSONPointer {
    .root / "goals" / goal / "policies" / policy / "basicMeasures" / basic
  }

  var basicMeasures: [(Int, Int, Int, BasicMeasure)] {
    var result: [(Int, Int, Int, BasicMeasure)] = []
    for (goal, policyGoal) in (document.goals ?? []).enumerated() {
      for (policy, entry) in policyGoal.policies.enumerated() {
        for (basic, measure) in entry.basicMeasures.enumerated() {
          result.append((goal, policy, basic, measure))
        }
      }
    }
    return result
  }

  /// One numbered entry of a list: an item with an ordinal, or an action.
  struct NumberedEntry {
    var number: Int
    var pointer: JSONPointer
    var marker: String
  }

  mutating func walkLists() {
    var sequences: [[NumberedEntry]] = []
    forEachList { list, pointer in
      sequences.append(
        list.enumerated().compactMap { index, item in
          item.ordinal.map {
            NumberedEntry(
              number: $0, pointer: pointer / index, marker: item.marker ?? "\($0)")
          }
        })
    }
    for (index, objective) in (document.objectives ?? []).enumerated() {
      sequences.append(
        objective.actions.enumerated().map { number, action in
          NumberedEntry(
            number: action.number, pointer: .root / "objectives" / index / "actions" / number,
            marker: action.marker ?? "\(action.number)")
        })
    }
    for entries in sequences { checkSequence(entries) }
  }

  /// A numbered sequence starts at 1, and each number is the one before plus one.
  ///
  /// A number lower than the one before starts a new sequence and is not judged.
  mutating func checkSequence(_ entries: [NumberedEntry]) {
    var previous: NumberedEntry?
    for entry in entries {
      let marker = entry.marker
      if let before = previous {
        let missing = entry.number - before.number - 1
        if missing == -1 {
          report(
            .markerDuplicate, at: entry.pointer, "\(marker) repeats the marker before it",
            "\(marker) が直前の番号と重複しています")
        } else if missing > 0 {
          report(
            .markerSkipped, at: entry.pointer,
            "\(marker) follows \(before.marker): \(missing) number"
              + (missing == 1 ? " is" : "s are") + " missing",
            "\(before.marker) の次が \(marker) で、番号が飛んでいます")
        }
      } else if entry.number > 1 {
        report(
          .markerSkipped, at: entry.pointer, "the list starts at \(marker)",
          "箇条が \(marker) から始まっています")
      }
      previous = entry
    }
  }

  // MARK: indicators

  var indicatorGroups: [(pointer: JSONPointer, indicators: [Indicator])] {
    var groups: [(pointer: JSONPointer, indicators: [Indicator])] = []
    for (index, measure) in (document.measures ?? []).enumerated() {
      groups.append((JSONPointer.root / "measures" / index / "indicators", measure.indicators))
    }
    for (index, set) in (document.indicatorSets ?? []).enumerated() {
      groups.append((JSONPointer.root / "indicatorSets" / index / "indicators", set.indicators))
    }
    return groups
  }

  mutating func checkIndicators() {
    let year = document.fiscalYear
    let range = (year - DocumentRules.observationYears)...year
    for (base, indicators) in indicatorGroups {
      for (index, indicator) in indicators.enumerated() {
        let pointer = base / index
        let unit = indicator.unit.flatMap { $0.isEmpty ? nil : $0 }
        if unit == nil {
          report(
            .indicatorUnitMissing, at: pointer, "indicator '\(indicator.name)' has no unit",
            "指標「\(indicator.name)」に単位がありません")
        }
        let unitCode = unit.flatMap { reading.unitCode(ofUnit: $0) }
        for (number, observation) in indicator.observations.enumerated() {
          let at = pointer / "observations" / number
          // Actual values (and rates) report on the past; targets may lie ahead and a
          // baseline further back.
          let reported = observation.kind == .actual || observation.kind == .rate
          if reported && !range.contains(observation.fiscalYear) {
            report(
              .observationOutOfRange, at: at,
              "indicator '\(indicator.name)' has a value for fiscal year "
                + "\(observation.fiscalYear), outside \(range.lowerBound) to \(year)",
              "指標「\(indicator.name)」の \(observation.fiscalYear) 年度の値は範囲"
                + "（\(range.lowerBound)〜\(year)年度）の外です")
          }
          // A rate is a share, whatever the indicator's unit.
          if observation.kind != .rate, let unit, let unitCode,
            let written = reading.unitCode(ofValue: observation.raw), written != unitCode
          {
            report(
              .indicatorUnitMismatch, at: at,
              "'\(observation.raw)' is not in the indicator's unit \(unit)",
              "「\(observation.raw)」の単位が指標の単位（\(unit)）と異なります")
          }
        }
      }
    }
  }

  // MARK: duplicates

  mutating func checkDuplicates() {
    func unique(
      _ values: [(value: String, pointer: JSONPointer)], _ what: String, _ japanese: String
    ) {
      var first: [String: JSONPointer] = [:]
      for (value, pointer) in values {
        if let earlier = first[value] {
          report(
            .idDuplicate, at: pointer, "\(what) \(value) appears again (first at \(earlier))",
            "\(japanese) \(value) が重複しています（最初は \(earlier)）")
        } else {
          first[value] = pointer
        }
      }
    }
    unique(
      (document.measures ?? []).enumerated().map { ($1.code, .root / "measures" / $0 / "code") },
      "施策番号", "施策番号")
    unique(
      (document.projects ?? []).enumerated().map {
        ($1.code, .root / "projects" / $0 / "code")
      },
      "project code", "事務事業コード")
    unique(
      (document.indicatorSets ?? []).enumerated().map {
        ($1.measure, .root / "indicatorSets" / $0 / "measure")
      },
      "施策番号", "施策番号")
    unique(
      (document.items ?? []).enumerated().compactMap { index, item in
        item.number.map { (String($0), JSONPointer.root / "items" / index / "number") }
      },
      "item number", "項目番号")
    unique(
      (document.items ?? []).enumerated().compactMap { index, item in
        item.code.map { ($0, JSONPointer.root / "items" / index / "code") }
      },
      "item code", "項目番号")
    unique(
      (document.objectives ?? []).enumerated().compactMap { index, objective in
        objective.priority.map {
          (String($0), JSONPointer.root / "objectives" / index / "priority")
        }
      }, "priority", "優先順位")
    unique(
      (document.objectives ?? []).enumerated().compactMap { index, objective in
        objective.number.map { (String($0), JSONPointer.root / "objectives" / index / "number") }
      }, "objective number", "番号")
    func categories(_ list: [ProgramCategory], _ pointer: JSONPointer) {
      unique(
        list.enumerated().map { ($1.number, pointer / $0 / "number") }, "category number",
        "区分番号")
      for (index, category) in list.enumerated() {
        categories(category.categories, pointer / index / "categories")
      }
    }
    categories(document.categories ?? [], .root / "categories")
    let goals = document.goals ?? []
    unique(
      goals.enumerated().map { ($1.number, .root / "goals" / $0 / "number") }, "goal number",
      "目標番号")
    for (goal, entry) in goals.enumerated() {
      unique(
        entry.policies.enumerated().map {
          ($1.number, .root / "goals" / goal / "policies" / $0 / "number")
        },
        "policy number", "政策番号")
    }
    unique(
      basicMeasures.map { ($3.number, Self.basicMeasurePointer($0, $1, $2) / "number") },
      "基本施策 number", "基本施策番号")
  }

  // MARK: actions

  mutating func checkActionTargets() {
    func all(_ list: [ListItem]) -> [ListItem] {
      list.flatMap { [$0] + all($0.items ?? []) }
    }
    for (index, objective) in (document.objectives ?? []).enumerated() {
      for (number, action) in objective.actions.enumerated() {
        let targets = all(action.targets)
        let numeric = targets.contains { item in
          (item.quantities ?? []).contains { $0.value != nil }
        }
        let dated = (targets + all(action.schedule)).contains { !($0.periods ?? []).isEmpty }
        if numeric && !dated {
          report(
            .actionTargetWithoutPeriod,
            at: .root / "objectives" / index / "actions" / number / "targets",
            "action \(action.marker ?? String(action.number)) has a numeric target but no "
              + "period in its targets or schedule",
            "取組 \(action.marker ?? String(action.number)) に数値目標がありますが、目標にも"
              + "スケジュールにも期間がありません")
        }
      }
    }
  }
}
