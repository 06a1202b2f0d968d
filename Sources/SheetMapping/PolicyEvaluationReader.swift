import EraDates
import GyoseiModel
import JapaneseWidth
import Quantities
import SourceReaders

/// Reads a policy evaluation (施策評価表) into goals, policies, 基本施策 and 施策.
///
/// The file opens with its title and a contents list (`第1 …` goal, `1 …` policy,
/// `基本施策01 …`); each 基本施策 then has its section (現況と課題, 基本目標, 関連する個別計画,
/// 主要施策) followed by its 施策, each under the heading of its 主要施策 (`1 健康づくりの推進`)
/// and each a small form: 施策番号 with the description, the number on the line below, 担当部・課
/// and 反映区分, 具体的な取組, the indicator table, 今後の取組の方向性. Rows are classified by their
/// first cell, so missing separator rows, missing SDGs captions and blank lines change nothing.
struct PolicyEvaluationReader {
  private let spec: SheetMappingFile.EvaluationSpec
  private let table: SourceTable
  private let keys: Keys
  private let organizationWords: OrganizationWords

  private var titlePlan: (cell: SourceCell, text: String)?
  private var titleCells: [SourceCell] = []
  private var fiscalYear: (year: Int, text: String, cell: SourceCell)?
  private var goals: [PolicyGoal] = []
  private var measures: [Measure] = []
  /// Where the current 基本施策 sits: goal, policy and basic-measure indices.
  private var place: (goal: Int, policy: Int, basic: Int)?
  /// Whether a 基本施策's own section has begun (the contents list is over).
  private var inBody = false
  private var part = Part.front
  private var currentMajor: Int?
  private var indicatorColumns: IndicatorColumns?
  /// The line of each 施策's 施策番号 label, for errors.
  private var measureLines: [Int] = []

  private var warnings: [ConversionWarning] = []
  private var provenance: [ProvenanceEntry] = []
  private var unmapped: [SourceCell] = []
  private var labelCells: [SourceCell] = []

  private enum Part {
    case front, situation, basicGoal, relatedPlans, majorMeasures, measureCode, measureForm
    case indicators
  }

  private enum Field {
    case description, organizations, reflection, activities, direction
  }

  private struct IndicatorColumns {
    var name: Int
    var unit: Int
    var years: [(column: Int, fiscalYear: Int)]
  }

  private struct Keys {
    var title: LabelKey
    var situation: [LabelKey]
    var basicGoal: [LabelKey]
    var relatedPlans: [LabelKey]
    var majorMeasures: [LabelKey]
    var measure: [LabelKey]
    var organizations: [LabelKey]
    var reflection: [LabelKey]
    var activities: [LabelKey]
    var indicators: [LabelKey]
    var indicatorName: [LabelKey]
    var indicatorUnit: [LabelKey]
    var direction: [LabelKey]
    var formText: [LabelKey]
  }

  init(spec: SheetMappingFile.EvaluationSpec, table: SourceTable) {
    self.spec = spec
    self.table = table
    let labels = spec.labels
    func keys(_ list: [String]) -> [LabelKey] { list.map(LabelKey.init(_:)) }
    self.keys = Keys(
      title: LabelKey(spec.title), situation: keys(labels.situation),
      basicGoal: keys(labels.basicGoal), relatedPlans: keys(labels.relatedPlans),
      majorMeasures: keys(labels.majorMeasures), measure: keys(labels.measure),
      organizations: keys(labels.organizations), reflection: keys(labels.reflection),
      activities: keys(labels.activities), indicators: keys(labels.indicators),
      indicatorName: keys(labels.indicatorName), indicatorUnit: keys(labels.indicatorUnit),
      direction: keys(labels.direction), formText: keys(labels.formText))
    organizationWords = OrganizationWords(departmentSuffixes: spec.departmentSuffixes)
  }

  // MARK: - Reading rows

  mutating func read() throws(MappingError) -> SheetReading {
    for row in table.rows {
      let cells = row.nonEmptyCells
      guard let first = cells.first else { continue }
      readRow(row, cells: cells, first: first)
    }
    return try finish()
  }

  private static func matches(_ key: LabelKey, _ labels: [LabelKey]) -> Bool {
    labels.contains { key.isLabel($0) }
  }

  private mutating func readRow(_ row: SourceRow, cells: [SourceCell], first: SourceCell) {
    let folded = JapaneseWidth.fold(first.text)
    let key = LabelKey(folded: folded)
    if cells.allSatisfy({ Self.isSeparator($0.text) }) || Self.matches(key, keys.formText) {
      labelCells += cells
      return
    }
    if cells.count == 1 && key == keys.title {
      if titleCells.isEmpty { titleCells.append(first) } else { labelCells.append(first) }
      return
    }
    if part == .indicators && !Self.isFormLabel(key, keys)
      && (row.cells.first?.isEmpty ?? false || cells.count >= 3)
    {
      readIndicatorRow(row)
      return
    }
    if Self.opensFormRow(key, keys) {
      readFormRow(row, cells: cells)
      return
    }
    if cells.count == 1 {
      readLone(first, key: key, folded: folded)
      return
    }
    unmapped += cells
  }

  /// Whether a row starting with `key` is a row of a 施策's form (label, value, label, value).
  private static func opensFormRow(_ key: LabelKey, _ keys: Keys) -> Bool {
    matches(key, keys.measure) || matches(key, keys.organizations)
      || matches(key, keys.activities) || matches(key, keys.direction)
      || matches(key, keys.indicators)
  }

  /// Whether `key` is any label that ends an indicator table.
  private static func isFormLabel(_ key: LabelKey, _ keys: Keys) -> Bool {
    opensFormRow(key, keys) || matches(key, keys.situation) || matches(key, keys.majorMeasures)
  }

  /// A cell of dashes only: the separator row under a table's header.
  private static func isSeparator(_ text: String) -> Bool {
    !text.isEmpty && text.unicodeScalars.allSatisfy { $0 == "-" || $0 == "ー" || $0 == "—" }
  }

  private mutating func readLone(_ cell: SourceCell, key: LabelKey, folded: String) {
    // The labels of a 基本施策's section: each opens the part the lines after it fill.
    let sectionLabels: [([LabelKey], Part)] = [
      (keys.situation, .situation), (keys.basicGoal, .basicGoal),
      (keys.relatedPlans, .relatedPlans), (keys.majorMeasures, .majorMeasures),
    ]
    if let opened = sectionLabels.first(where: { Self.matches(key, $0.0) }) {
      labelCells.append(cell)
      part = opened.1
      return
    }
    if let heading = Self.heading(folded, prefix: spec.basicMeasurePrefix) {
      openBasicMeasure(cell, number: heading.number, title: heading.title)
      return
    }
    if !inBody, let heading = Self.heading(folded, prefix: spec.goalPrefix) {
      goals.append(PolicyGoal(number: heading.number, title: heading.title))
      trace(.root / "goals" / (goals.count - 1) / "title", cell)
      part = .front
      return
    }
    if let heading = Self.heading(folded, prefix: "") {
      if !inBody, !goals.isEmpty {
        goals[goals.count - 1].policies.append(Policy(number: heading.number, title: heading.title))
        let goal = goals.count - 1
        trace(
          .root / "goals" / goal / "policies" / (goals[goal].policies.count - 1) / "title", cell)
        return
      }
      if inBody, part != .situation, part != .basicGoal, part != .relatedPlans {
        openMajorMeasure(cell, number: heading.number, title: heading.title)
        return
      }
    }
    if fiscalYear == nil, goals.isEmpty,
      let year = EraDates.extract(folded).first(where: { $0.kind == .fiscalYear }),
      let start = year.fiscalYearStart
    {
      fiscalYear = (start, year.raw, cell)
      let plan = folded.unicodeScalars.prefix { $0 != "(" }
      titlePlan = (cell, JapaneseWidth.trimmed(String(String.UnicodeScalarView(plan))))
      return
    }
    switch part {
    case .situation:
      guard let place else { break }
      let pointer = basicPointer(place) / "situation"
      let count = goals[place.goal].policies[place.policy].basicMeasures[place.basic].situation
        .count
      goals[place.goal].policies[place.policy].basicMeasures[place.basic].situation.append(
        ListItem(level: 1, text: folded))
      trace(pointer / count, cell)
      return
    case .basicGoal:
      guard let place else { break }
      let existing = goals[place.goal].policies[place.policy].basicMeasures[place.basic].basicGoal
      goals[place.goal].policies[place.policy].basicMeasures[place.basic].basicGoal =
        existing.map { $0 + "\n" + folded } ?? folded
      trace(basicPointer(place) / "basicGoal", cell)
      return
    case .relatedPlans:
      guard let place else { break }
      let plan = relatedPlan(cell)
      let count =
        goals[place.goal].policies[place.policy].basicMeasures[place.basic].relatedPlans.count
      goals[place.goal].policies[place.policy].basicMeasures[place.basic].relatedPlans.append(plan)
      trace(basicPointer(place) / "relatedPlans" / count, cell)
      return
    case .measureCode:
      if Self.isMeasureCode(folded), !measures.isEmpty, measures[measures.count - 1].code.isEmpty {
        measures[measures.count - 1].code = folded
        trace(.root / "measures" / (measures.count - 1) / "code", cell)
        part = .measureForm
        return
      }
    default:
      break
    }
    unmapped.append(cell)
  }

  /// `基本施策01 保健予防対策の充実` with prefix `基本施策`, `第1 共に…` with `第`, `1 健康な…`
  /// with no prefix: the number (ASCII digits after folding) and the title after a space.
  static func heading(_ folded: String, prefix: String) -> (number: String, title: String)? {
    guard folded.hasPrefix(prefix) else { return nil }
    let rest = folded.unicodeScalars.dropFirst(prefix.unicodeScalars.count)
    let digits = rest.prefix { ("0"..."9").contains($0) }
    guard !digits.isEmpty, digits.count <= 3 else { return nil }
    let after = rest.dropFirst(digits.count)
    guard let space = after.first, JapaneseWidth.isSpace(space) else { return nil }
    let title = JapaneseWidth.trimmed(String(String.UnicodeScalarView(after)))
    guard !title.isEmpty else { return nil }
    return (String(String.UnicodeScalarView(digits)), title)
  }

  private static func isMeasureCode(_ text: String) -> Bool {
    text.unicodeScalars.count == 7 && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
  }

  private func basicPointer(_ place: (goal: Int, policy: Int, basic: Int)) -> JSONPointer {
    .root / "goals" / place.goal / "policies" / place.policy / "basicMeasures" / place.basic
  }

  private mutating func trace(_ pointer: JSONPointer, _ cell: SourceCell) {
    provenance.append(
      ProvenanceEntry(pointer: pointer, position: cell.position, raw: cell.raw))
  }

  private mutating func warn(
    _ code: DiagnosticCode, _ message: String, _ cell: SourceCell, _ original: String
  ) {
    warnings.append(
      ConversionWarning(
        code, message: message, at: cell.position, original: original))
  }

  // MARK: - Headings

  private mutating func openBasicMeasure(_ cell: SourceCell, number: String, title: String) {
    var listed: (goal: Int, policy: Int, basic: Int)?
    for (g, goal) in goals.enumerated() {
      for (p, policy) in goal.policies.enumerated() {
        if let b = policy.basicMeasures.firstIndex(where: { $0.number == number }) {
          listed = (g, p, b)
        }
      }
    }
    guard !goals.isEmpty, !goals[goals.count - 1].policies.isEmpty else {
      unmapped.append(cell)
      return
    }
    let opened: (goal: Int, policy: Int, basic: Int)
    if let listed {
      // The section of a 基本施策 the contents list.
      let listedTitle = goals[listed.goal].policies[listed.policy].basicMeasures[listed.basic].title
      if LabelKey(listedTitle) != LabelKey(title) {
        warn(
          .contentsTitleMismatch,
          "the contents call 基本施策\(number) 「\(listedTitle)」, its section 「\(title)」; the "
            + "contents' title is kept", cell, cell.text)
      }
      opened = listed
    } else {
      let g = goals.count - 1
      let p = goals[g].policies.count - 1
      goals[g].policies[p].basicMeasures.append(BasicMeasure(number: number, title: title))
      opened = (g, p, goals[g].policies[p].basicMeasures.count - 1)
      if !inBody {
        // An entry of the contents.
        trace(basicPointer(opened) / "title", cell)
        return
      }
      warn(
        .contentsMissing,
        "基本施策\(number) has a section but is not in the contents; it is placed under the "
          + "last policy of the contents", cell, cell.text)
    }
    inBody = true
    place = opened
    part = .front
    currentMajor = nil
    trace(basicPointer(opened) / "title", cell)
  }

  private mutating func openMajorMeasure(_ cell: SourceCell, number: String, title: String) {
    guard let place else {
      unmapped.append(cell)
      return
    }
    let pointer = basicPointer(place) / "majorMeasures"
    let majors = goals[place.goal].policies[place.policy].basicMeasures[place.basic].majorMeasures
    if let index = majors.firstIndex(where: { $0.number == number }) {
      if LabelKey(majors[index].title) != LabelKey(title) {
        warn(
          .headingTitleMismatch,
          "主要施策\(number) was first headed 「\(majors[index].title)」, here 「\(title)」; the "
            + "first is kept", cell, cell.text)
      }
      currentMajor = index
      trace(pointer / index / "title", cell)
    } else {
      goals[place.goal].policies[place.policy].basicMeasures[place.basic].majorMeasures.append(
        MajorMeasure(number: number, title: title))
      currentMajor = majors.count
      trace(pointer / majors.count / "title", cell)
    }
    part = .majorMeasures
  }

  // MARK: - Related plans

  /// `- ・ 苫小牧市健康増進計画（平成30～34年度（2018～2022年度））`: the name, and the period
  /// of the bracket that states one; the Western years in the inner bracket must agree.
  private mutating func relatedPlan(_ cell: SourceCell) -> RelatedPlan {
    var text = Substring(cell.text).unicodeScalars
    while let first = text.first, first == "-" || first == "・" || JapaneseWidth.isSpace(first) {
      text = text.dropFirst()
    }
    let original = String(String.UnicodeScalarView(text))
    let findings = EraDates.extract(original)
    let folded = JapaneseWidth.fold(original)
    guard let period = findings.first,
      let open = folded.unicodeScalars.firstIndex(of: "(")
    else {
      return RelatedPlan(name: folded)
    }
    for warning in period.warnings {
      warn(DiagnosticCode(warning.code), warning.message, cell, warning.original)
    }
    for other in findings.dropFirst()
    where other.fiscalYearStart != period.fiscalYearStart
      || other.fiscalYearEnd != period.fiscalYearEnd
    {
      warn(
        .planPeriodMismatch,
        "\(period.raw) and \(other.raw) name different years; \(period.raw) is kept", cell,
        original)
    }
    let name = JapaneseWidth.trimmed(
      String(String.UnicodeScalarView(folded.unicodeScalars[..<open])))
    return RelatedPlan(name: name, period: ListReading.period(period))
  }

  // MARK: - A 施策's form

  private mutating func readFormRow(_ row: SourceRow, cells: [SourceCell]) {
    var field: Field?
    part = .measureForm
    for cell in cells {
      let key = LabelKey(cell.text)
      if Self.matches(key, keys.measure) {
        startMeasure(cell)
        field = .description
      } else if Self.matches(key, keys.organizations) {
        labelCells.append(cell)
        field = .organizations
      } else if Self.matches(key, keys.reflection) {
        labelCells.append(cell)
        field = .reflection
      } else if Self.matches(key, keys.activities) {
        labelCells.append(cell)
        field = .activities
        let year = EraDates.extract(JapaneseWidth.fold(cell.text))
          .first { $0.kind == .fiscalYear }?.fiscalYearStart
        if !measures.isEmpty { measures[measures.count - 1].activitiesFiscalYear = year }
      } else if Self.matches(key, keys.direction) {
        labelCells.append(cell)
        field = .direction
      } else if Self.matches(key, keys.indicators) {
        readIndicatorHeader(row, label: cell)
        return
      } else if let field, !measures.isEmpty {
        fill(field, with: cell)
      } else {
        unmapped.append(cell)
      }
    }
  }

  private mutating func startMeasure(_ cell: SourceCell) {
    labelCells.append(cell)
    let basic = place.map {
      goals[$0.goal].policies[$0.policy].basicMeasures[$0.basic]
    }
    let major = currentMajor.flatMap { index in basic.map { $0.majorMeasures[index].number } }
    measures.append(
      Measure(
        code: "", basicMeasure: basic?.number ?? "", majorMeasure: major ?? "", description: "",
        reflection: ""))
    measureLines.append(cell.line)
    part = .measureCode
    indicatorColumns = nil
  }

  private mutating func fill(_ field: Field, with cell: SourceCell) {
    let index = measures.count - 1
    let pointer = JSONPointer.root / "measures" / index
    let folded = JapaneseWidth.fold(cell.text)
    switch field {
    case .description:
      measures[index].description =
        measures[index].description.isEmpty ? folded : measures[index].description + " " + folded
      trace(pointer / "description", cell)
    case .organizations:
      measures[index].organizations += organizationWords.organizations(folded)
      trace(pointer / "organizations", cell)
    case .reflection:
      let letter = folded.unicodeScalars.prefix { $0 != "(" }
      measures[index].reflection = JapaneseWidth.trimmed(String(String.UnicodeScalarView(letter)))
      if let open = folded.unicodeScalars.firstIndex(of: "(") {
        var label = folded.unicodeScalars[folded.unicodeScalars.index(after: open)...]
        if label.last == ")" { label = label.dropLast() }
        measures[index].reflectionLabel = JapaneseWidth.trimmed(
          String(String.UnicodeScalarView(label)))
      }
      trace(pointer / "reflection", cell)
    case .activities:
      var itemWarnings: [ConversionWarning] = []
      let items = ListReading([FieldPiece(cell)]).items(
        extracting: .periodsAndQuantities(fiscalYear: fiscalYear?.year ?? 0), into: &itemWarnings)
      warnings += itemWarnings
      measures[index].activities += items
      trace(pointer / "activities", cell)
    case .direction:
      measures[index].direction = measures[index].direction.map { $0 + "\n" + folded } ?? folded
      trace(pointer / "direction", cell)
    }
  }

  // MARK: - Indicators

  private mutating func readIndicatorHeader(_ row: SourceRow, label: SourceCell) {
    labelCells.append(label)
    var name: Int?
    var unit: Int?
    var years: [(column: Int, fiscalYear: Int)] = []
    for (column, cell) in row.cells.enumerated() where !cell.isEmpty && cell != label {
      let key = LabelKey(cell.text)
      if Self.matches(key, keys.indicatorName) {
        name = column
      } else if Self.matches(key, keys.indicatorUnit) {
        unit = column
      } else if let start = IndicatorValues.fiscalYear(cell) {
        years.append((column, start))
      } else {
        unmapped.append(cell)
        continue
      }
      labelCells.append(cell)
    }
    guard let name, let unit else {
      warn(
        .indicatorHeaderIncomplete,
        "the indicator table's header names no "
          + (name == nil ? "指標名" : "単位") + " column; its rows are kept as unmapped", label,
        label.text)
      indicatorColumns = nil
      part = .indicators
      return
    }
    indicatorColumns = IndicatorColumns(name: name, unit: unit, years: years)
    part = .indicators
  }

  private mutating func readIndicatorRow(_ row: SourceRow) {
    guard let columns = indicatorColumns, !measures.isEmpty else {
      unmapped += row.nonEmptyCells
      return
    }
    var shift = 0
    if let first = row.cells.first, !first.isEmpty, columns.name > 0 {
      // The row lost its leading empty cell: every value sits one column to the left.
      shift = -1
      warn(
        .indicatorRowShifted,
        "the indicator row starts in the first column, not under 指標名; read one column to the "
          + "right", first, first.text)
    }
    func cell(_ column: Int) -> SourceCell? {
      let index = column + shift
      guard index >= 0, index < row.cells.count, !row.cells[index].isEmpty else { return nil }
      return row.cells[index]
    }
    let measureIndex = measures.count - 1
    let pointer = JSONPointer.root / "measures" / measureIndex
    var used: Set<Int> = []
    guard let nameCell = cell(columns.name) else {
      unmapped += row.nonEmptyCells
      return
    }
    used.insert(nameCell.index)
    let unitCell = cell(columns.unit)
    let yearCells = columns.years.compactMap { year in cell(year.column).map { (year, $0) } }
    if unitCell == nil && yearCells.isEmpty {
      // 「検討中のため設定できません。」: a note where the indicators would be.
      let note = JapaneseWidth.fold(nameCell.text)
      measures[measureIndex].indicatorNote =
        measures[measureIndex].indicatorNote.map { $0 + "\n" + note } ?? note
      trace(pointer / "indicatorNote", nameCell)
    } else {
      let index = measures[measureIndex].indicators.count
      let unit = unitCell.map { JapaneseWidth.fold($0.text) }
      var indicator = Indicator(name: JapaneseWidth.fold(nameCell.text), unit: unit)
      trace(pointer / "indicators" / index / "name", nameCell)
      if let unitCell {
        used.insert(unitCell.index)
        trace(pointer / "indicators" / index / "unit", unitCell)
      }
      for (year, valueCell) in yearCells {
        used.insert(valueCell.index)
        let read = IndicatorValues.observation(
          valueCell, fiscalYear: year.fiscalYear, unit: unit)
        for warning in read.warnings {
          warn(DiagnosticCode(warning.code), warning.message, valueCell, warning.original)
        }
        trace(
          pointer / "indicators" / index / "observations" / indicator.observations.count, valueCell)
        indicator.observations.append(read.observation)
      }
      measures[measureIndex].indicators.append(indicator)
    }
    unmapped += row.nonEmptyCells.filter { !used.contains($0.index) }
  }

  // MARK: - The document

  private mutating func finish() throws(MappingError) -> SheetReading {
    guard let fiscalYear, let titlePlan else {
      throw .incomplete(
        line: nil,
        problem: "no title line with the fiscal year (such as 第6次基本計画 (令和2年度実施状況)) "
          + "was found before the contents")
    }
    guard !measures.isEmpty else {
      throw .incomplete(
        line: nil,
        problem: "no 施策 (a row labelled \(spec.labels.measure.first ?? "施策番号")) was found")
    }
    for (index, measure) in measures.enumerated() where measure.code.isEmpty {
      throw .incomplete(
        line: measureLines[index],
        problem: "the 施策 has no 施策番号 (7 digits on the line below the label)")
    }
    checkCodes()
    provenance.insert(
      ProvenanceEntry(
        pointer: .root / "fiscalYear", position: fiscalYear.cell.position,
        raw: fiscalYear.cell.raw), at: 0)
    var titleEntries = [
      ProvenanceEntry(
        pointer: .root / "title", position: titlePlan.cell.position,
        raw: titlePlan.cell.raw)
    ]
    titleEntries += titleCells.map {
      ProvenanceEntry(pointer: .root / "title", position: $0.position, raw: $0.raw)
    }
    provenance.insert(contentsOf: titleEntries, at: 0)
    let title = ([titlePlan.text] + titleCells.map { JapaneseWidth.fold($0.text) })
      .joined(separator: " ")
    return SheetReading(
      title: title, fiscalYear: fiscalYear.year, fiscalYearText: fiscalYear.text,
      department: nil, body: .evaluation(goals: goals, measures: measures), warnings: warnings,
      unmapped: unmapped.map { UnmappedCell(position: $0.position, text: $0.raw) },
      provenance: provenance, labelCells: labelCells)
  }

  /// Checks each 施策番号 against the headings above it.
  ///
  /// The number spells its place: 2110111 is goal 1, policy 1, 基本施策01, 主要施策1, the
  /// first 施策 under it (the leading digit is the plan's 節). A disagreement with the headings
  /// is a warning; both stay as written.
  private mutating func checkCodes() {
    var sequence: [String: Int] = [:]
    var codeCells: [Int: ProvenanceEntry] = [:]
    for entry in provenance where entry.pointer.last == "code" {
      if let index = entry.pointer.index(at: 1) { codeCells[index] = entry }
    }
    for (index, measure) in measures.enumerated() {
      let group = measure.basicMeasure + "/" + measure.majorMeasure
      sequence[group, default: 0] += 1
      var owner: (goal: String, policy: String)?
      for goal in goals {
        for policy in goal.policies
        where policy.basicMeasures.contains(where: { $0.number == measure.basicMeasure }) {
          owner = (goal.number, policy.number)
        }
      }
      let expected = [
        ("goal", owner?.goal ?? "?"), ("policy", owner?.policy ?? "?"),
        ("基本施策", measure.basicMeasure), ("主要施策", measure.majorMeasure),
        ("施策", String(sequence[group] ?? 0)),
      ]
      let digits = Array(measure.code.unicodeScalars.dropFirst()).map { String($0) }
      guard digits.count == 6 else { continue }
      let written = [digits[0], digits[1], digits[2] + digits[3], digits[4], digits[5]]
      var problems: [String] = []
      for ((name, want), have) in zip(expected, written)
      where Int(want) != Int(have) {
        problems.append("\(name) \(have) where the headings say \(want)")
      }
      guard !problems.isEmpty, let entry = codeCells[index] else { continue }
      warnings.append(
        ConversionWarning(
          .measureCodeMismatch,
          message: "施策番号 \(measure.code): " + problems.joined(separator: "; "),
          at: entry.position, original: measure.code))
    }
  }
}
