import GyoseiModel
import JapaneseWidth
import SourceReaders

/// Reads a project table (事務事業評価 kept as a workbook or CSV): a header row naming the
/// columns, then one project per row.
///
/// The mapping names every column by its header (`ProjectColumns` finds them once, when the
/// header row is read); the repeated yearly blocks are found by the header that opens each.
/// Every cell of a project row ends in a field (traced in the provenance) or, when no column
/// of the mapping claims it, in `unmapped`. A row with cells but no code or no name is an error
/// naming its line: a project the table cannot identify is not a project to drop silently.
struct ProjectTableReader {
  private let spec: SheetMappingFile.ProjectTableSpec
  private let table: SourceTable

  private var warnings: [ConversionWarning] = []
  private var labelCells: [SourceCell] = []
  private var provenance: [ProvenanceEntry] = []

  init(spec: SheetMappingFile.ProjectTableSpec, table: SourceTable) {
    self.spec = spec
    self.table = table
  }

  mutating func read() throws(MappingError) -> SheetReading {
    guard let headerIndex = table.rows.firstIndex(where: { ProjectColumns.isHeader($0, spec) })
    else {
      throw .incomplete(
        line: nil,
        problem: "no row holds the headers \(ProjectColumns.quoted(spec.columns[.code] ?? "")) "
          + "and \(ProjectColumns.quoted(spec.columns[.name] ?? "")) that start the project "
          + "table; is this the right sheet and mapping?")
    }
    let header = table.rows[headerIndex]
    let columns = try ProjectColumns(header: header, spec: spec)
    labelCells = header.nonEmptyCells
    let formText = spec.formText.map(LabelKey.init(_:))
    for row in table.rows[..<headerIndex] {
      labelCells += row.nonEmptyCells.filter { cell in
        let key = LabelKey(cell.text)
        return formText.contains { key == $0 || key.isLabel($0) }
      }
    }

    var rowYears: [(row: SourceRow, year: Int?, cell: SourceCell?)] = []
    for row in table.rows[(headerIndex + 1)...] where !row.nonEmptyCells.isEmpty {
      let cell = columns.fiscalYear.flatMap { row.cell(at: $0) }
      rowYears.append((row, cell.flatMap { fiscalYear(of: $0.text) }, cell))
    }
    guard !rowYears.isEmpty else {
      throw .incomplete(line: header.line, problem: "the project table has a header but no rows")
    }
    let year = try documentYear(rowYears, header: header, columns: columns)

    var projects: [Project] = []
    for (row, rowYear, yearCell) in rowYears {
      let pointer = JSONPointer.root / "projects" / projects.count
      if let yearCell {
        // The row's year is what its yearly blocks are counted from.
        trace(pointer / "costs", yearCell)
        if let rowYear, rowYear != year {
          warnings.append(
            ConversionWarning(
              .sheetFiscalYearDiffers,
              message: "this row is of fiscal year \(rowYear), the table's is \(year); its "
                + "yearly blocks are counted from its own year",
              at: yearCell.position, original: yearCell.raw))
        }
      }
      projects.append(
        try project(row, columns: columns, fiscalYear: rowYear ?? year, pointer: pointer))
    }
    return SheetReading(
      title: nil, fiscalYear: year, fiscalYearText: nil, department: nil,
      body: .projects(projects), warnings: warnings, unmapped: [], provenance: provenance,
      labelCells: labelCells, textMayBeExtracted: false)
  }

  /// The table's fiscal year: the year most rows name (the earliest among equals), or the
  /// mapping's fixed year.
  private mutating func documentYear(
    _ rows: [(row: SourceRow, year: Int?, cell: SourceCell?)], header: SourceRow,
    columns: ProjectColumns
  ) throws(MappingError) -> Int {
    if let fixed = spec.fiscalYear.fixed { return fixed }
    var counts: [Int: Int] = [:]
    for row in rows { if let year = row.year { counts[year, default: 0] += 1 } }
    guard let year = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key else {
      throw .incomplete(
        line: rows.first?.row.line,
        problem: "no row's \(ProjectColumns.quoted(spec.fiscalYear.column ?? "")) column "
          + "reads as a fiscal year (a year such as 令和7年度 or 2025, or a number in the era "
          + "the mapping's fiscal-year.era names)")
    }
    if let first = rows.first(where: { $0.year == year })?.cell {
      provenance.append(
        ProvenanceEntry(pointer: .root / "fiscalYear", position: first.position, raw: first.raw))
    }
    return year
  }

  /// The fiscal year a cell names: its own text, or a bare number in the mapping's era.
  private func fiscalYear(of text: String) -> Int? {
    let folded = JapaneseWidth.trimmed(JapaneseWidth.fold(text))
    if let era = spec.fiscalYear.era, !folded.isEmpty,
      folded.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) })
    {
      return FiscalYearSource.fiscalYear(era + folded + "年度")
    }
    return FiscalYearSource.fiscalYear(folded)
  }

  // MARK: one project

  private mutating func project(
    _ row: SourceRow, columns: ProjectColumns, fiscalYear: Int, pointer: JSONPointer
  ) throws(MappingError) -> Project {
    func text(_ field: SheetMappingFile.ProjectField) -> SourceCell? {
      columns.fields[field].flatMap { row.cell(at: $0) }
    }
    guard let codeCell = text(.code) else {
      throw .incomplete(
        line: row.line,
        problem: "this row has cells but no \(ProjectColumns.quoted(spec.columns[.code] ?? "")) "
          + "(column \(ProjectColumns.letters(columns.fields[.code] ?? 0))); give the project "
          + "its code, or delete the row")
    }
    guard let nameCell = text(.name) else {
      throw .incomplete(
        line: row.line,
        problem: "project \(codeCell.text) has no "
          + "\(ProjectColumns.quoted(spec.columns[.name] ?? "")) (column "
          + "\(ProjectColumns.letters(columns.fields[.name] ?? 0))); give its name")
    }
    var project = Project(
      code: folded(codeCell), codeScheme: spec.codeScheme, name: folded(nameCell))
    trace(pointer / "code", codeCell)
    trace(pointer / "name", nameCell)

    for (index, level) in columns.plan.enumerated() {
      let codeCells = level.code.compactMap { row.cell(at: $0) }
      let nameCell = level.name.flatMap { row.cell(at: $0) }
      guard !codeCells.isEmpty || nameCell != nil else { continue }
      let levelPointer = pointer / "planLevels" / project.planLevels.count
      for cell in codeCells { trace(levelPointer / "code", cell) }
      if let nameCell { trace(levelPointer / "name", nameCell) }
      project.planLevels.append(
        PlanLevel(
          level: spec.plan[index].level,
          code: codeCells.isEmpty ? nil : codeCells.map(folded).joined(),
          name: nameCell.map(folded)))
    }

    let department = text(.department)
    let section = text(.section)
    if department != nil || section != nil {
      project.organization = Organization(
        department: department.map(folded), sections: section.map { [folded($0)] } ?? [])
      if let department { trace(pointer / "organization" / "department", department) }
      if let section { trace(pointer / "organization" / "sections" / 0, section) }
    }
    project.legalBasis = take(text(.legalBasis), pointer / "legalBasis")
    project.category = take(text(.category), pointer / "category")
    project.overview = take(text(.overview), pointer / "overview")

    var period = ProjectPeriod()
    period.kind = take(text(.periodKind), pointer / "period" / "kind")
    period.start = take(text(.periodStart), pointer / "period" / "start")
    period.end = take(text(.periodEnd), pointer / "period" / "end")
    period.fiscalYearStart = period.start.flatMap(FiscalYearSource.fiscalYear)
    period.fiscalYearEnd = period.end.flatMap(FiscalYearSource.fiscalYear)
    if period != ProjectPeriod() { project.period = period }

    var logic = ProjectLogic()
    logic.previousActivities = take(
      text(.previousActivities), pointer / "logic" / "previousActivities")
    logic.plannedActivities = take(
      text(.plannedActivities), pointer / "logic" / "plannedActivities")
    logic.target = take(text(.target), pointer / "logic" / "target")
    logic.intent = take(text(.intent), pointer / "logic" / "intent")
    logic.result = take(text(.result), pointer / "logic" / "result")
    if !logic.isEmpty { project.logic = logic }

    let blocks = columns.blocks.map { block in
      (block: block, fiscalYear: fiscalYear + block.offset, yearWritten: block.fiscalYear)
    }
    for (index, indicator) in columns.indicators.enumerated() {
      let definition = spec.indicators[index]
      let nameCell = row.cell(at: indicator.name)
      let unitCell = indicator.unit.flatMap { row.cell(at: $0) }
      var values: [(cell: SourceCell, year: Int, kind: ProjectCost.Kind)] = []
      for entry in blocks {
        guard let column = indicator.values[safe: entry.block.index] ?? nil,
          let cell = row.cell(at: column)
        else { continue }
        values.append((cell, entry.yearWritten ?? entry.fiscalYear, entry.block.kind))
      }
      guard let nameCell else {
        if let first = values.first?.cell ?? unitCell {
          warnings.append(
            ConversionWarning(
              .projectIndicatorUnnamed,
              message: "indicator \(definition.label ?? definition.name) of project "
                + "\(project.code) has no name but \(values.count) values; they are kept as "
                + "unmapped",
              at: first.position, original: first.raw))
        }
        continue
      }
      let indicatorPointer = pointer / "indicators" / project.indicators.count
      trace(indicatorPointer / "name", nameCell)
      if let unitCell { trace(indicatorPointer / "unit", unitCell) }
      var observations: [Observation] = []
      for value in values {
        trace(indicatorPointer / "observations" / observations.count, value.cell)
        observations.append(
          Observation(
            fiscalYear: value.year, kind: value.kind == .plan ? .target : .actual,
            value: Self.number(value.cell.text), raw: value.cell.raw))
      }
      project.indicators.append(
        ProjectIndicator(
          kind: definition.kind, label: definition.label, name: folded(nameCell),
          unit: unitCell.map(folded), observations: observations))
    }

    for entry in blocks {
      let costPointer = pointer / "costs" / project.costs.count
      var cost = ProjectCost(
        fiscalYear: entry.yearWritten ?? entry.fiscalYear, kind: entry.block.kind,
        unit: spec.years?.unit ?? "")
      var any = false
      func amount(_ column: Int?, _ path: JSONPointer, source: String? = nil) -> CostAmount? {
        guard let cell = column.flatMap({ row.cell(at: $0) }) else { return nil }
        any = true
        trace(path, cell)
        let value = Self.number(cell.text)
        if value == nil && !Self.isDash(cell.text) {
          warnings.append(
            ConversionWarning(
              .costValueNotNumeric,
              message: "the cost \(source ?? path.description) of project \(project.code) in "
                + "fiscal year \(cost.fiscalYear) is not a number; kept as written",
              at: cell.position, original: cell.raw))
        }
        return CostAmount(source: source, value: value, raw: cell.raw)
      }
      for (offset, column) in entry.block.funding.enumerated() {
        let source = spec.years?.funding[offset] ?? ""
        if let funded = amount(
          column, costPointer / "funding" / cost.funding.count, source: source)
        {
          cost.funding.append(funded)
        }
      }
      cost.projectCost = amount(entry.block.projectCost, costPointer / "projectCost")
      cost.staff = amount(entry.block.staff, costPointer / "staff")
      cost.hours = amount(entry.block.hours, costPointer / "hours")
      cost.personnelCost = amount(entry.block.personnelCost, costPointer / "personnelCost")
      cost.totalCost = amount(entry.block.totalCost, costPointer / "totalCost")
      if any { project.costs.append(cost) }
    }

    for (index, assessment) in columns.assessments.enumerated() {
      let grade = assessment.grade.flatMap { row.cell(at: $0) }
      let reasoning = assessment.reasoning.flatMap { row.cell(at: $0) }
      guard grade != nil || reasoning != nil else { continue }
      let assessmentPointer = pointer / "assessments" / project.assessments.count
      project.assessments.append(
        Assessment(
          viewpoint: spec.assessments[index].viewpoint,
          grade: take(grade, assessmentPointer / "grade"),
          reasoning: take(reasoning, assessmentPointer / "reasoning")))
    }
    for (index, column) in columns.directions.enumerated() {
      guard let cell = row.cell(at: column) else { continue }
      trace(pointer / "directions" / project.directions.count / "text", cell)
      project.directions.append(
        ProjectDirection(label: spec.directions[index].label, text: folded(cell)))
    }
    for detail in columns.details {
      guard let cell = row.cell(at: detail.column) else { continue }
      trace(pointer / "details" / project.details.count / "text", cell)
      project.details.append(ProjectDetail(label: detail.label, text: folded(cell)))
    }
    return project
  }

  /// A cell's text, width folded and trimmed; the cell is traced to `pointer`.
  private mutating func take(_ cell: SourceCell?, _ pointer: JSONPointer) -> String? {
    guard let cell else { return nil }
    trace(pointer, cell)
    return folded(cell)
  }

  private mutating func trace(_ pointer: JSONPointer, _ cell: SourceCell) {
    provenance.append(ProvenanceEntry(pointer: pointer, position: cell.position, raw: cell.raw))
  }

  /// A cell's text as written, width folded and trimmed, its line breaks kept (a workbook
  /// cell's paragraphs are the city's own).
  private func folded(_ cell: SourceCell) -> String {
    var text = JapaneseWidth.trimmed(JapaneseWidth.fold(cell.raw))
    // On the contiguous bytes: the generic search of a UTF8View costs ten times as much.
    if text.utf8.withContiguousStorageIfAvailable({ $0.contains(13) }) ?? text.utf8.contains(13) {
      text = String(
        String.UnicodeScalarView(
          text.replacing("\r\n", with: "\n").unicodeScalars.map { $0 == "\r" ? "\n" : $0 }))
    }
    return text
  }

  /// Whether a cell holds a dash alone (`-`, `－`, `―`): nothing to report, the form's way of
  /// saying no amount.
  static func isDash(_ text: String) -> Bool {
    let folded = JapaneseWidth.trimmed(JapaneseWidth.fold(text))
    return !folded.isEmpty
      && folded.unicodeScalars.allSatisfy { "-―ー‐−–—".unicodeScalars.contains($0) }
  }

  /// The number a cell holds: digits with separators (`1,200`), a sign, or the △ and ▲ that
  /// Japanese accounts write for minus; nil for anything else (`-`, text).
  static func number(_ text: String) -> Double? {
    var scalars = String.UnicodeScalarView()
    var negative = false
    for scalar in JapaneseWidth.trimmed(JapaneseWidth.fold(text)).unicodeScalars {
      if scalar == "," { continue }
      if (scalar == "△" || scalar == "▲") && scalars.isEmpty && !negative {
        negative = true
        continue
      }
      scalars.append(scalar)
    }
    let digits = String(scalars)
    guard let first = digits.unicodeScalars.first,
      ("0"..."9").contains(first) || first == "-" || first == "+" || first == ".",
      digits.unicodeScalars.allSatisfy({
        ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E"
      }),
      let value = Double(digits), value.isFinite
    else { return nil }
    return negative ? -value : value
  }
}

extension SourceRow {
  /// The cell at a 1-based column, if it holds more than white space (a cell of spaces alone
  /// is left to `unmapped`).
  func cell(at column: Int) -> SourceCell? {
    let cell: SourceCell?
    if column >= 1, column <= cells.count, cells[column - 1].index == column {
      cell = cells[column - 1]
    } else {
      cell = cells.first { $0.index == column }
    }
    guard let cell, Self.holdsText(cell.text) else { return nil }
    return cell
  }

  /// Whether text is more than white space once width folded.
  ///
  /// Most cells start with a byte that settles it: printable ASCII, or the lead byte of a kanji (U+4E00–U+9FFF), neither of
  /// which folds to a space; the rest are folded and trimmed.
  static func holdsText(_ text: String) -> Bool {
    guard let first = text.utf8.first else { return false }
    if (0x21...0x7E).contains(first) || (0xE4...0xE9).contains(first) { return true }
    return !JapaneseWidth.trimmed(JapaneseWidth.fold(text)).isEmpty
  }
}

extension Array {
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
