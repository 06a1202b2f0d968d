import GyoseiModel

/// One thing a semantic rule found, or one conversion warning a document carries.
public struct RuleFinding: Hashable, Sendable {
  /// The stable code.
  public var code: String
  /// The JSON Pointer of the value concerned.
  public var pointer: String
  /// What is wrong, in English.
  public var message: String
  /// What is wrong, in Japanese.
  public var messageJapanese: String
  /// Where the value was read from, when the document records it.
  public var source: SourcePosition?
  /// The finding is a conversion warning the document carries.
  public var carried: Bool
}

/// The semantic rules of `ValidationRule.all`, applied to a canonical document.
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
    configuration: RuleConfiguration, locate: (String) -> (line: Int, column: Int)? = { _ in nil }
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
  private let provenance: [String: SourcePosition]

  init(document: Document, reading: any JapaneseTextReading) {
    self.document = document
    self.reading = reading
    var provenance: [String: SourcePosition] = [:]
    for entry in document.provenance where provenance[entry.pointer] == nil {
      provenance[entry.pointer] = SourcePosition(line: entry.line, cell: entry.cell)
    }
    self.provenance = provenance
  }

  /// The source position of a pointer: its own provenance, or its nearest ancestor's.
  func source(of pointer: String) -> SourcePosition? {
    var path = Substring(pointer)
    while true {
      if let position = provenance[String(path)] { return position }
      guard let slash = path.lastIndex(of: "/") else { return nil }
      path = path[..<slash]
    }
  }

  /// Records a finding; the same code at the same pointer is recorded once.
  mutating func report(_ code: String, at pointer: String, _ message: String, _ japanese: String) {
    guard !found.contains(where: { $0.code == code && $0.pointer == pointer }) else { return }
    found.append(
      RuleFinding(
        code: code, pointer: pointer, message: message, messageJapanese: japanese,
        source: source(of: pointer), carried: false))
  }

  mutating func run() {
    checkFiscalYear()
    walkPeriods()
    walkLists()
    checkIndicators()
    checkDuplicates()
    checkActionTargets()
  }

  /// The rules' findings, then the carried warnings; a rule finding with the code and source
  /// position of a carried warning is folded into it.
  func merged() -> [RuleFinding] {
    var carried = document.warnings.enumerated().map { index, warning in
      RuleFinding(
        code: warning.code, pointer: "/warnings/\(index)", message: warning.message,
        messageJapanese: "変換時の警告: "
          + (warning.original.map { "「\($0)」 " } ?? "") + warning.message,
        source: warning.line.map { SourcePosition(line: $0, cell: warning.cell) }, carried: true)
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

  // MARK: fiscal year

  mutating func checkFiscalYear() {
    let year = document.fiscalYear
    if !DocumentRules.plausibleFiscalYears.contains(year) {
      report(
        "fiscal-year.implausible", at: "/fiscalYear",
        "fiscal year \(year) is not plausible: expected 1947 to 2099",
        "年度 \(year) は妥当な範囲（1947〜2099年度）の外です")
    }
    if let text = document.fiscalYearText {
      if let named = reading.fiscalYear(of: text), named != year {
        report(
          "fiscal-year.text-mismatch", at: "/fiscalYearText",
          "the fiscal year is \(year) but its text '\(text)' names \(named)",
          "年度は \(year) ですが、表記「\(text)」は \(named) 年度です")
      }
      checkDates(in: text, at: "/fiscalYearText")
    }
    switch document.family {
    case .policyEvaluation:
      for (index, measure) in (document.measures ?? []).enumerated() {
        if let activities = measure.activitiesFiscalYear, activities != year {
          report(
            "fiscal-year.inconsistent", at: "/measures/\(index)/activitiesFiscalYear",
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
          "fiscal-year.inconsistent", at: "/fiscalYear",
          "fiscal year \(year) lies outside the program's years \(first) to \(last)",
          "年度 \(year) が計画期間（\(first)〜\(last)年度）の外です")
      }
    case .objectiveSheet:
      break
    }
  }

  /// An evaluation reports on its own year: some indicator has a value for it.
  mutating func checkLatestObservation() {
    let years = indicatorGroups.flatMap { $0.indicators.flatMap(\.observations) }.map(\.fiscalYear)
    if let latest = years.max(), latest < document.fiscalYear {
      report(
        "fiscal-year.inconsistent", at: "/fiscalYear",
        "no indicator has a value for fiscal year \(document.fiscalYear); the latest is \(latest)",
        "\(document.fiscalYear) 年度の指標の値がありません（最新は \(latest) 年度）")
    }
  }

  // MARK: periods

  mutating func walkPeriods() {
    forEachList { list, pointer in
      for (index, item) in list.enumerated() {
        for (number, period) in (item.periods ?? []).enumerated() {
          checkPeriod(period, at: "\(pointer)/\(index)/periods/\(number)")
        }
      }
    }
    for (goal, policy, basic, measure) in basicMeasures {
      for (index, plan) in measure.relatedPlans.enumerated() {
        if let period = plan.period {
          checkPeriod(
            period,
            at: "/goals/\(goal)/policies/\(policy)/basicMeasures/\(basic)/relatedPlans/\(index)"
              + "/period")
        }
      }
    }
  }

  mutating func checkPeriod(_ period: Period, at pointer: String) {
    let values = [("iso", period.iso), ("start", period.start), ("end", period.end)]
    if let (key, problem) = values.lazy.compactMap({ key, value in
      value.flatMap { ISODate.problem($0) }.map { (key, $0) }
    }).first {
      report(
        "date.invalid", at: pointer, "'\(period.raw)': \(key) \(problem.english)",
        "「\(period.raw)」: \(key) \(problem.japanese)")
    }
    if let start = period.start, let end = period.end, ISODate.isAfter(start, end) {
      report(
        "date.invalid", at: pointer, "'\(period.raw)' starts (\(start)) after it ends (\(end))",
        "「\(period.raw)」の開始（\(start)）が終了（\(end)）より後です")
    }
    if let start = period.fiscalYearStart, let end = period.fiscalYearEnd, start > end {
      report(
        "date.invalid", at: pointer,
        "'\(period.raw)' starts in fiscal year \(start), after its end \(end)",
        "「\(period.raw)」の開始年度 \(start) が終了年度 \(end) より後です")
    }
    checkDates(in: period.raw, at: pointer)
  }

  /// Reads a text's dates again, as conversion did, for the era and calendar problems.
  mutating func checkDates(in text: String, at pointer: String) {
    for problem in reading.dateProblems(in: text, fiscalYear: document.fiscalYear) {
      let japanese: String
      switch problem.code {
      case "era.past-end": japanese = "「\(problem.original)」は元号の終わった後の年です"
      case "era.before-start": japanese = "「\(problem.original)」は元号の始まる前の日付です"
      default: japanese = "「\(problem.original)」は実在しない日付です"
      }
      report(problem.code, at: pointer, problem.message, japanese)
    }
  }

  // MARK: lists

  /// Calls `body` with every list of items in the document and its pointer.
  func forEachList(_ body: (_ list: [ListItem], _ pointer: String) -> Void) {
    func visit(_ list: [ListItem], _ pointer: String) {
      body(list, pointer)
      for (index, item) in list.enumerated() {
        if let items = item.items { visit(items, "\(pointer)/\(index)/items") }
      }
    }
    for (index, objective) in (document.objectives ?? []).enumerated() {
      let base = "/objectives/\(index)"
      visit(objective.situation, "\(base)/situation")
      visit(objective.purpose, "\(base)/purpose")
      for (number, action) in objective.actions.enumerated() {
        let pointer = "\(base)/actions/\(number)"
        visit(action.items, "\(pointer)/items")
        visit(action.schedule, "\(pointer)/schedule")
        visit(action.targets, "\(pointer)/targets")
        visit(action.midTermReport, "\(pointer)/midTermReport")
        visit(action.finalReport, "\(pointer)/finalReport")
      }
      for (number, remark) in (objective.remarks ?? []).enumerated() {
        visit(remark.items, "\(base)/remarks/\(number)/items")
      }
    }
    for (goal, policy, basic, measure) in basicMeasures {
      visit(
        measure.situation,
        "/goals/\(goal)/policies/\(policy)/basicMeasures/\(basic)/situation")
    }
    for (index, measure) in (document.measures ?? []).enumerated() {
      visit(measure.activities, "/measures/\(index)/activities")
    }
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
    var pointer: String
    var marker: String
  }

  mutating func walkLists() {
    var sequences: [[NumberedEntry]] = []
    forEachList { list, pointer in
      sequences.append(
        list.enumerated().compactMap { index, item in
          item.ordinal.map {
            NumberedEntry(
              number: $0, pointer: "\(pointer)/\(index)", marker: item.marker ?? "\($0)")
          }
        })
    }
    for (index, objective) in (document.objectives ?? []).enumerated() {
      sequences.append(
        objective.actions.enumerated().map { number, action in
          NumberedEntry(
            number: action.number, pointer: "/objectives/\(index)/actions/\(number)",
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
            "marker.duplicate", at: entry.pointer, "\(marker) repeats the marker before it",
            "\(marker) が直前の番号と重複しています")
        } else if missing > 0 {
          report(
            "marker.skipped", at: entry.pointer,
            "\(marker) follows \(before.marker): \(missing) number"
              + (missing == 1 ? " is" : "s are") + " missing",
            "\(before.marker) の次が \(marker) で、番号が飛んでいます")
        }
      } else if entry.number > 1 {
        report(
          "marker.skipped", at: entry.pointer, "the list starts at \(marker)",
          "箇条が \(marker) から始まっています")
      }
      previous = entry
    }
  }

  // MARK: indicators

  var indicatorGroups: [(pointer: String, indicators: [Indicator])] {
    (document.measures ?? []).enumerated().map { ("/measures/\($0)/indicators", $1.indicators) }
      + (document.indicatorSets ?? []).enumerated().map {
        ("/indicatorSets/\($0)/indicators", $1.indicators)
      }
  }

  mutating func checkIndicators() {
    let year = document.fiscalYear
    let range = (year - DocumentRules.observationYears)...year
    for (base, indicators) in indicatorGroups {
      for (index, indicator) in indicators.enumerated() {
        let pointer = "\(base)/\(index)"
        let unit = indicator.unit.flatMap { $0.isEmpty ? nil : $0 }
        if unit == nil {
          report(
            "indicator.unit-missing", at: pointer, "indicator '\(indicator.name)' has no unit",
            "指標「\(indicator.name)」に単位がありません")
        }
        let unitCode = unit.flatMap { reading.unitCode(ofUnit: $0) }
        for (number, observation) in indicator.observations.enumerated() {
          let at = "\(pointer)/observations/\(number)"
          if !range.contains(observation.fiscalYear) {
            report(
              "observation.out-of-range", at: at,
              "indicator '\(indicator.name)' has a value for fiscal year "
                + "\(observation.fiscalYear), outside \(range.lowerBound) to \(year)",
              "指標「\(indicator.name)」の \(observation.fiscalYear) 年度の値は範囲"
                + "（\(range.lowerBound)〜\(year)年度）の外です")
          }
          if let unit, let unitCode, let written = reading.unitCode(ofValue: observation.raw),
            written != unitCode
          {
            report(
              "indicator.unit-mismatch", at: at,
              "'\(observation.raw)' is not in the indicator's unit \(unit)",
              "「\(observation.raw)」の単位が指標の単位（\(unit)）と異なります")
          }
        }
      }
    }
  }

  // MARK: duplicates

  mutating func checkDuplicates() {
    func unique(_ values: [(value: String, pointer: String)], _ what: String, _ japanese: String) {
      var first: [String: String] = [:]
      for (value, pointer) in values {
        if let earlier = first[value] {
          report(
            "id.duplicate", at: pointer, "\(what) \(value) appears again (first at \(earlier))",
            "\(japanese) \(value) が重複しています（最初は \(earlier)）")
        } else {
          first[value] = pointer
        }
      }
    }
    unique(
      (document.measures ?? []).enumerated().map { ($1.code, "/measures/\($0)/code") },
      "施策番号", "施策番号")
    unique(
      (document.indicatorSets ?? []).enumerated().map {
        ($1.measure, "/indicatorSets/\($0)/measure")
      },
      "施策番号", "施策番号")
    unique(
      (document.items ?? []).enumerated().map { (String($1.number), "/items/\($0)/number") },
      "item number", "項目番号")
    unique(
      (document.objectives ?? []).enumerated().map {
        (String($1.priority), "/objectives/\($0)/priority")
      }, "priority", "優先順位")
    func categories(_ list: [ProgramCategory], _ pointer: String) {
      unique(
        list.enumerated().map { ($1.number, "\(pointer)/\($0)/number") }, "category number",
        "区分番号")
      for (index, category) in list.enumerated() {
        categories(category.categories, "\(pointer)/\(index)/categories")
      }
    }
    categories(document.categories ?? [], "/categories")
    let goals = document.goals ?? []
    unique(goals.enumerated().map { ($1.number, "/goals/\($0)/number") }, "goal number", "目標番号")
    for (goal, entry) in goals.enumerated() {
      unique(
        entry.policies.enumerated().map { ($1.number, "/goals/\(goal)/policies/\($0)/number") },
        "policy number", "政策番号")
    }
    unique(
      basicMeasures.map { ($3.number, "/goals/\($0)/policies/\($1)/basicMeasures/\($2)/number") },
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
            "action.target-without-period", at: "/objectives/\(index)/actions/\(number)/targets",
            "action \(action.marker ?? String(action.number)) has a numeric target but no "
              + "period in its targets or schedule",
            "取組 \(action.marker ?? String(action.number)) に数値目標がありますが、目標にも"
              + "スケジュールにも期間がありません")
        }
      }
    }
  }
}
