import EraDates
import GyoseiModel
import JapaneseWidth
import Quantities
import SourceReaders

/// Reads a policy evaluation into its hierarchy (goals, policies, 基本施策, 主要施策) and its
/// evaluated measures, following the mapping's headings, code pattern and labels.
///
/// Rows are classified by their first cell: a lone line is a heading (by the mapping's
/// patterns), a section label, the title line, or the content of the part the last label
/// opened; a row starting with a form label (施策番号, 担当部・課, 評価指標, …) is read label by
/// label, each label switching the field its following cells feed. So missing separator rows,
/// missing captions and blank lines change nothing. Every level of the hierarchy is optional:
/// a measure starts at its label or at a heading of level `measure`.
struct PolicyEvaluationReader {
  private let spec: SheetMappingFile.EvaluationSpec
  private let mappingID: String
  private let table: SourceTable
  private let keys: Keys
  private let organizationWords: OrganizationWords

  private var titlePlan: (cell: SourceCell, text: String)?
  private var titleCells: [SourceCell] = []
  private var fiscalYear: (year: Int, text: String?, cell: SourceCell?)?
  private var goals: [PolicyGoal] = []
  private var measures: [Measure] = []
  /// The measure the form's fields go to (a part, 個別施策, does not take them).
  private var current: Int?
  /// The named parts of each measure's code, by measure index, for checking against headings.
  private var codeParts: [Int: (captures: [String: String], cell: SourceCell)] = [:]
  /// Where the current 基本施策 sits: goal, policy and basic-measure indices.
  private var place: (goal: Int, policy: Int, basic: Int)?
  /// Whether a 基本施策's own section has begun (the contents list is over).
  private var inBody = false
  private var part = Part.front
  private var currentMajor: Int?
  /// The rows of the indicator table being read, and the number of indicators its measure had
  /// before it.
  private var indicatorRows: IndicatorRows?
  private var indicatorBase = 0
  /// The line of each measure's start, for errors.
  private var measureLines: [Int: Int] = [:]
  /// The pieces of each remark, by measure and remark index, read into lists at the end.
  private var remarkPieces: [Int: [Int: [FieldPiece]]] = [:]

  private var warnings: [ConversionWarning] = []
  private var provenance: [ProvenanceEntry] = []
  private var unmapped: [SourceCell] = []
  private var labelCells: [SourceCell] = []

  private enum Part: Equatable {
    case front, situation, basicGoal, relatedPlans, majorMeasures, measureCode, measureForm
    case description, grade, subMeasures, indicatorHeader, indicators
    case remark(Int)

    /// Parts whose lines are content, never headings.
    var holdsText: Bool {
      switch self {
      case .situation, .basicGoal, .relatedPlans, .description, .remark: return true
      default: return false
      }
    }
  }

  private enum Field {
    case description, organizations, reflection, activities, direction
  }

  private struct Keys {
    var title: LabelKey?
    var situation: [LabelKey]
    var basicGoal: [LabelKey]
    var relatedPlans: [LabelKey]
    var majorMeasures: [LabelKey]
    var measure: [LabelKey]
    var description: [LabelKey]
    var organizations: [LabelKey]
    var reflection: [LabelKey]
    var grade: [LabelKey]
    var activities: [LabelKey]
    var subMeasures: [LabelKey]
    var indicators: [LabelKey]
    var indicatorName: [LabelKey]
    var indicatorUnit: [LabelKey]
    var direction: [LabelKey]
    var remarks: [LabelKey]
    var formText: [LabelKey]
  }

  init(spec: SheetMappingFile.EvaluationSpec, mappingID: String, table: SourceTable) {
    self.spec = spec
    self.mappingID = mappingID
    self.table = table
    let labels = spec.labels
    func keys(_ list: [String]) -> [LabelKey] { list.map(LabelKey.init(_:)) }
    self.keys = Keys(
      title: spec.title.map(LabelKey.init(_:)), situation: keys(labels.situation),
      basicGoal: keys(labels.basicGoal), relatedPlans: keys(labels.relatedPlans),
      majorMeasures: keys(labels.majorMeasures), measure: keys(labels.measure),
      description: keys(labels.description), organizations: keys(labels.organizations),
      reflection: keys(labels.reflection), grade: keys(labels.grade),
      activities: keys(labels.activities), subMeasures: keys(labels.subMeasures),
      indicators: keys(labels.indicators), indicatorName: keys(labels.indicatorName),
      indicatorUnit: keys(labels.indicatorUnit), direction: keys(labels.direction),
      remarks: keys(labels.remarks), formText: keys(labels.formText))
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

  /// The text after a label and a colon in the same cell (`主管課:防災危機管理室`), or nil.
  private static func inlineValue(_ cell: SourceCell, _ labels: [LabelKey]) -> String? {
    guard let rest = LabelKey.text(of: JapaneseWidth.fold(cell.text), after: labels),
      let first = rest.unicodeScalars.first, first == ":" || first == "："
    else { return nil }
    let value = JapaneseWidth.trimmed(
      String(String.UnicodeScalarView(rest.unicodeScalars.dropFirst())))
    return value.isEmpty ? nil : value
  }

  private mutating func readRow(_ row: SourceRow, cells: [SourceCell], first: SourceCell) {
    let folded = JapaneseWidth.fold(first.text)
    let key = LabelKey(folded: folded)
    if cells.allSatisfy({ Self.isSeparator($0.text) }) || Self.matches(key, keys.formText) {
      labelCells += cells
      return
    }
    if cells.count == 1, let title = keys.title, key == title {
      if titleCells.isEmpty { titleCells.append(first) } else { labelCells.append(first) }
      return
    }
    if part == .indicatorHeader {
      if readIndicatorHeader(row, label: nil) { return }
      part = .measureForm
    }
    if part == .indicators && !isFormLabel(key)
      && (row.cells.first?.isEmpty ?? false || cells.count >= 3)
    {
      readIndicatorRow(row)
      return
    }
    if part == .subMeasures, row.cells.first?.isEmpty ?? false, cells.count >= 2 {
      readSubMeasure(cells)
      return
    }
    if part == .grade, readGrade(cells) { return }
    if opensFormRow(first, key, cellCount: cells.count) {
      readFormRow(row, cells: cells)
      return
    }
    if cells.count == 1 {
      readLone(first, key: key, folded: folded)
      return
    }
    unmapped += cells
  }

  /// Whether a row starting with `cell` is a row of a measure's form (label, value, …).
  ///
  /// An indicator label opens a form row only with its header in the same row; alone, it
  /// announces the header on the next row.
  private func opensFormRow(_ cell: SourceCell, _ key: LabelKey, cellCount: Int) -> Bool {
    Self.matches(key, keys.measure) || Self.matches(key, keys.organizations)
      || Self.matches(key, keys.activities) || Self.matches(key, keys.direction)
      || (Self.matches(key, keys.indicators) && cellCount > 1)
      || Self.matches(key, keys.subMeasures) || Self.matches(key, keys.reflection)
      || Self.inlineValue(cell, keys.organizations) != nil
  }

  /// Whether `key` is any label that ends an indicator table.
  private func isFormLabel(_ key: LabelKey) -> Bool {
    for labels in [
      keys.measure, keys.organizations, keys.activities, keys.direction, keys.indicators,
      keys.situation, keys.majorMeasures, keys.description, keys.grade, keys.subMeasures,
      keys.remarks,
    ] where Self.matches(key, labels) {
      return true
    }
    return false
  }

  /// A cell of dashes only: the separator row under a table's header.
  private static func isSeparator(_ text: String) -> Bool {
    !text.isEmpty && text.unicodeScalars.allSatisfy { $0 == "-" || $0 == "ー" || $0 == "—" }
  }

  private mutating func readLone(_ cell: SourceCell, key: LabelKey, folded: String) {
    // The labels of a section: each opens the part the lines after it fill.
    var sectionLabels: [([LabelKey], Part)] = [
      (keys.situation, .situation), (keys.basicGoal, .basicGoal),
      (keys.relatedPlans, .relatedPlans), (keys.majorMeasures, .majorMeasures),
    ]
    if current != nil {
      sectionLabels += [
        (keys.description, .description), (keys.grade, .grade), (keys.subMeasures, .subMeasures),
        (keys.indicators, .indicatorHeader),
      ]
    }
    if let opened = sectionLabels.first(where: { Self.matches(key, $0.0) }) {
      labelCells.append(cell)
      part = opened.1
      return
    }
    if let measure = current,
      let index = spec.labels.remarks.indices.first(where: { key.isLabel(keys.remarks[$0]) })
    {
      labelCells.append(cell)
      var remarks = measures[measure].remarks ?? []
      remarks.append(Remark(prompt: spec.labels.remarks[index]))
      measures[measure].remarks = remarks
      part = .remark(remarks.count - 1)
      return
    }
    let text = JapaneseWidth.trimmed(folded)
    if !part.holdsText, readHeading(cell, text: text) { return }
    if fiscalYear == nil, goals.isEmpty, let pattern = spec.titleLine,
      let match = pattern.wholeMatch(text)
    {
      let yearText = match["year"]
      if let yearText, let year = FiscalYearSource.fiscalYear(yearText) {
        fiscalYear = (year, yearText, cell)
      }
      titlePlan = (cell, match["plan"] ?? text)
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
      if let index = current, measures[index].code.isEmpty, readCode(text, cell: cell, of: index) {
        part = .measureForm
        return
      }
    case .description:
      guard let index = current else { break }
      measures[index].description = measures[index].description.map { $0 + "\n" + text } ?? text
      trace(.root / "measures" / index / "description", cell)
      return
    case .grade:
      if readGrade([cell]) { return }
    case .remark(let number):
      guard let index = current else { break }
      remarkPieces[index, default: [:]][number, default: []].append(FieldPiece(cell))
      return
    default:
      break
    }
    unmapped.append(cell)
  }

  /// Reads a heading by the mapping's patterns; false when no pattern takes the line.
  private mutating func readHeading(_ cell: SourceCell, text: String) -> Bool {
    for rule in spec.headings {
      if let scope = rule.scope, (scope == .body) != inBody { continue }
      guard let match = rule.pattern.wholeMatch(text) else { continue }
      let number = match["number"] ?? ""
      let title = match["title"] ?? ""
      switch rule.level {
      case .goal:
        goals.append(PolicyGoal(number: number, title: title))
        trace(.root / "goals" / (goals.count - 1) / "title", cell)
        part = .front
        return true
      case .policy:
        guard !goals.isEmpty else { continue }
        let goal = goals.count - 1
        goals[goal].policies.append(Policy(number: number, title: title))
        trace(
          .root / "goals" / goal / "policies" / (goals[goal].policies.count - 1) / "title", cell)
        return true
      case .basicMeasure:
        openBasicMeasure(cell, number: number, title: title)
        return true
      case .majorMeasure:
        guard place != nil else { continue }
        openMajorMeasure(cell, number: number, title: title)
        return true
      case .measure:
        guard let code = match["code"] else { continue }
        startMeasure(at: cell)
        let index = measures.count - 1
        measures[index].code = code
        measures[index].codeScheme = mappingID
        trace(.root / "measures" / index / "code", cell)
        if !title.isEmpty {
          measures[index].title = title
          trace(.root / "measures" / index / "title", cell)
        }
        part = .measureForm
        return true
      }
    }
    return false
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

  // MARK: - A measure's form

  private mutating func readFormRow(_ row: SourceRow, cells: [SourceCell]) {
    var field: Field?
    part = .measureForm
    var index = 0
    while index < cells.count {
      let cell = cells[index]
      index += 1
      let key = LabelKey(cell.text)
      if Self.matches(key, keys.measure) {
        startMeasure(at: cell)
        labelCells.append(cell)
        if spec.codePlace == .right, index < cells.count,
          readCode(
            JapaneseWidth.trimmed(JapaneseWidth.fold(cells[index].text)), cell: cells[index],
            of: measures.count - 1)
        {
          index += 1
        } else {
          part = .measureCode
        }
        field = .description
      } else if let value = Self.inlineValue(cell, keys.organizations) {
        field = .organizations
        fill(.organizations, with: cell, text: value)
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
        if let current { measures[current].activitiesFiscalYear = year }
      } else if Self.matches(key, keys.direction) {
        labelCells.append(cell)
        field = .direction
      } else if Self.matches(key, keys.indicators) {
        _ = readIndicatorHeader(row, label: cell)
        return
      } else if Self.matches(key, keys.subMeasures) {
        labelCells.append(cell)
        part = .subMeasures
        readSubMeasure(Array(cells[index...]))
        return
      } else if let field, current != nil {
        fill(field, with: cell)
      } else {
        unmapped.append(cell)
      }
    }
  }

  /// Starts a measure under the current headings.
  private mutating func startMeasure(at cell: SourceCell) {
    let basic = place.map {
      goals[$0.goal].policies[$0.policy].basicMeasures[$0.basic]
    }
    let major = currentMajor.flatMap { index in basic.map { $0.majorMeasures[index].number } }
    measures.append(Measure(code: "", basicMeasure: basic?.number, majorMeasure: major))
    current = measures.count - 1
    measureLines[measures.count - 1] = cell.line
    part = .measureCode
    indicatorRows = nil
  }

  /// Reads a measure's code from its cell by the mapping's pattern; false when it does not
  /// match.
  private mutating func readCode(_ text: String, cell: SourceCell, of index: Int) -> Bool {
    guard let pattern = spec.code, let match = pattern.wholeMatch(text) else { return false }
    measures[index].code = match["code"] ?? text
    measures[index].codeScheme = mappingID
    codeParts[index] = (match.captures, cell)
    trace(.root / "measures" / index / "code", cell)
    return true
  }

  /// A row of parts of the current measure (個別施策): a code, then a title.
  private mutating func readSubMeasure(_ cells: [SourceCell]) {
    guard let parent = current, let codeCell = cells.first else {
      unmapped += cells
      return
    }
    let code = JapaneseWidth.trimmed(JapaneseWidth.fold(codeCell.text))
    let titleCells = cells.dropFirst()
    var measure = Measure(
      code: code, parent: measures[parent].code.isEmpty ? nil : measures[parent].code,
      basicMeasure: measures[parent].basicMeasure, majorMeasure: measures[parent].majorMeasure)
    let title = JapaneseWidth.trimmed(
      titleCells.map { JapaneseWidth.fold($0.text) }.joined(separator: " "))
    if !title.isEmpty { measure.title = title }
    measures.append(measure)
    let index = measures.count - 1
    measureLines[index] = codeCell.line
    trace(.root / "measures" / index / "code", codeCell)
    for cell in titleCells { trace(.root / "measures" / index / "title", cell) }
  }

  /// A grade row (`Bb  目標をほぼ達成しており…`): the grade by the mapping's pattern, the rest
  /// its text; false when the first cell is no grade.
  private mutating func readGrade(_ cells: [SourceCell]) -> Bool {
    guard let index = current, let pattern = spec.grade, let first = cells.first,
      let match = pattern.wholeMatch(JapaneseWidth.trimmed(JapaneseWidth.fold(first.text))),
      let grade = match["grade"]
    else { return false }
    let rest = cells.dropFirst().map { JapaneseWidth.trimmed(JapaneseWidth.fold($0.text)) }
    let text = match["text"] ?? (rest.isEmpty ? nil : rest.joined(separator: " "))
    measures[index].grade = Grade(grade: grade, text: text)
    trace(.root / "measures" / index / "grade", first)
    for cell in cells.dropFirst() { trace(.root / "measures" / index / "grade", cell) }
    part = .measureForm
    return true
  }

  private mutating func fill(_ field: Field, with cell: SourceCell, text: String? = nil) {
    guard let index = current else {
      unmapped.append(cell)
      return
    }
    let pointer = JSONPointer.root / "measures" / index
    let folded = text ?? JapaneseWidth.fold(cell.text)
    switch field {
    case .description:
      measures[index].description = measures[index].description.map { $0 + " " + folded } ?? folded
      trace(pointer / "description", cell)
    case .organizations:
      measures[index].organizations += organizationWords.organizations(folded)
      trace(pointer / "organizations", cell)
    case .reflection:
      let trimmed = JapaneseWidth.trimmed(folded)
      if let pattern = spec.reflection, let match = pattern.wholeMatch(trimmed),
        let value = match["value"]
      {
        measures[index].reflection = value
        measures[index].reflectionLabel = match["label"]
      } else {
        measures[index].reflection = trimmed
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

  /// Reads the indicator table's header from `row`; false when the row names no name column.
  private mutating func readIndicatorHeader(_ row: SourceRow, label: SourceCell?) -> Bool {
    let header = IndicatorHeader.read(
      row, name: keys.indicatorName, unit: keys.indicatorUnit, columns: spec.indicatorTable,
      skipping: label.map { [$0] } ?? [])
    guard let header, header.unit != nil || keys.indicatorUnit.isEmpty else {
      guard let label else { return false }
      labelCells.append(label)
      if let header { labelCells += header.labelCells }
      unmapped += header?.unknownCells ?? row.nonEmptyCells.filter { $0 != label }
      warn(
        .indicatorHeaderIncomplete,
        "the indicator table's header names no "
          + (header == nil ? "指標名" : "単位") + " column; its rows are kept as unmapped", label,
        label.text)
      indicatorRows = nil
      part = .indicators
      return true
    }
    if let label { labelCells.append(label) }
    labelCells += header.labelCells
    unmapped += header.unknownCells
    if let warning = header.bareYearWarning { warnings.append(warning) }
    indicatorRows = IndicatorRows(
      header: header, columns: spec.indicatorTable, realignsShiftedRows: true)
    indicatorBase = current.map { measures[$0].indicators.count } ?? 0
    part = .indicators
    return true
  }

  private mutating func readIndicatorRow(_ row: SourceRow) {
    guard var rows = indicatorRows, let measureIndex = current else {
      unmapped += row.nonEmptyCells
      return
    }
    let outcome = rows.read(row)
    let drained = rows.drain()
    indicatorRows = rows
    let pointer = JSONPointer.root / "measures" / measureIndex / "indicators"
    if case .note(let note, let nameCell) = outcome {
      // 「検討中のため設定できません。」: a note where the indicators would be.
      measures[measureIndex].indicatorNote =
        measures[measureIndex].indicatorNote.map { $0 + "\n" + note } ?? note
      trace(.root / "measures" / measureIndex / "indicatorNote", nameCell)
    }
    measures[measureIndex].indicators.removeSubrange(indicatorBase...)
    measures[measureIndex].indicators += rows.indicators
    for trace in drained.traces {
      self.trace(pointer / (indicatorBase + trace.indicator) / trace.pointer, trace.cell)
    }
    warnings += drained.warnings
    unmapped += drained.unmapped
    labelCells += drained.labelCells
  }

  // MARK: - The document

  private mutating func finish() throws(MappingError) -> SheetReading {
    if fiscalYear == nil, let found = spec.fiscalYear?.find(in: table) {
      fiscalYear = (found.year, found.text, found.cell)
    }
    guard let fiscalYear else {
      throw .incomplete(
        line: nil,
        problem: "no line naming the fiscal year was found ("
          + (spec.titleLine.map { "evaluation.title-line \($0.source)" }
            ?? "evaluation.fiscal-year")
          + ")" + FiscalYearSource.advice(key: "evaluation.fiscal-year"))
    }
    guard !measures.isEmpty else {
      let start =
        spec.labels.measure.first.map { "a row labelled \($0)" }
        ?? spec.headings.first(where: { $0.level == .measure }).map {
          "a heading matching \($0.pattern.source)"
        } ?? "a measure"
      throw .incomplete(line: nil, problem: "no measure (\(start)) was found")
    }
    for (index, measure) in measures.enumerated() where measure.code.isEmpty {
      throw .incomplete(
        line: measureLines[index],
        problem: "the measure at line \(measureLines[index] ?? 0) has no code matching "
          + "evaluation.code \(spec.code?.source ?? "") "
          + (spec.codePlace == .below ? "on the line below its label" : "beside its label"))
    }
    for (measure, remarks) in remarkPieces.sorted(by: { $0.key < $1.key }) {
      for (number, pieces) in remarks.sorted(by: { $0.key < $1.key }) {
        guard measures[measure].remarks?.indices.contains(number) ?? false else { continue }
        let items = ListReading(pieces).items(extracting: .none, into: &warnings)
        measures[measure].remarks?[number].items = items
        for piece in pieces {
          trace(.root / "measures" / measure / "remarks" / number / "items", piece.cell)
        }
      }
    }
    checkCodes()
    if let cell = fiscalYear.cell {
      provenance.insert(
        ProvenanceEntry(pointer: .root / "fiscalYear", position: cell.position, raw: cell.raw),
        at: 0)
    }
    var titleEntries: [ProvenanceEntry] = []
    if let titlePlan {
      titleEntries.append(
        ProvenanceEntry(
          pointer: .root / "title", position: titlePlan.cell.position, raw: titlePlan.cell.raw))
    }
    titleEntries += titleCells.map {
      ProvenanceEntry(pointer: .root / "title", position: $0.position, raw: $0.raw)
    }
    provenance.insert(contentsOf: titleEntries, at: 0)
    let titleParts =
      (titlePlan.map { [$0.text] } ?? [])
      + titleCells.map {
        JapaneseWidth.fold($0.text)
      }
    return SheetReading(
      title: titleParts.isEmpty ? nil : titleParts.joined(separator: " "),
      fiscalYear: fiscalYear.year, fiscalYearText: fiscalYear.text,
      department: nil, body: .evaluation(goals: goals, measures: measures), warnings: warnings,
      unmapped: unmapped.map { UnmappedCell(position: $0.position, text: $0.raw) },
      provenance: provenance, labelCells: labelCells)
  }

  /// Checks each measure's code against the headings above it.
  ///
  /// The code pattern's named captures say what to compare: `goal`, `policy`, `basic`
  /// (基本施策), `major` (主要施策) and `sequence` (the measure's place under its 主要施策). A
  /// disagreement is a warning; both stay as written.
  private mutating func checkCodes() {
    var sequence: [String: Int] = [:]
    for (index, measure) in measures.enumerated() where measure.parent == nil {
      let group = (measure.basicMeasure ?? "") + "/" + (measure.majorMeasure ?? "")
      sequence[group, default: 0] += 1
      guard let (captures, cell) = codeParts[index] else { continue }
      var owner: (goal: String, policy: String)?
      for goal in goals {
        for policy in goal.policies
        where policy.basicMeasures.contains(where: { $0.number == measure.basicMeasure }) {
          owner = (goal.number, policy.number)
        }
      }
      let expected: [(name: String, label: String, value: String?)] = [
        ("goal", "goal", owner?.goal), ("policy", "policy", owner?.policy),
        ("basic", "基本施策", measure.basicMeasure), ("major", "主要施策", measure.majorMeasure),
        ("sequence", "施策", String(sequence[group] ?? 0)),
      ]
      var problems: [String] = []
      for (name, label, want) in expected {
        guard let have = captures[name] else { continue }
        if Int(want ?? "?") != Int(have) {
          problems.append("\(label) \(have) where the headings say \(want ?? "?")")
        }
      }
      guard !problems.isEmpty else { continue }
      warnings.append(
        ConversionWarning(
          .measureCodeMismatch,
          message: "施策番号 \(measure.code): " + problems.joined(separator: "; "),
          at: cell.position, original: measure.code))
    }
  }
}
