import EraDates
import GyoseiModel
import JapaneseWidth
import ListMarkers
import SourceReaders

/// Reads a file of objectives into a document, following a mapping.
///
/// Objectives come in three shapes, each described by the mapping: forms (重点目標管理シート,
/// `fields` and `actions`: a sheet per objective, its rows found by their labels), lists
/// (`lines`: a line per objective under department headings) and tables (`records`: a row per
/// objective under a header row). One pass over the rows sorts each into the file's title lines
/// and contents list, a sheet's rows, list lines and table rows; every cell it takes is
/// recorded, and the cells nothing takes become `unmapped`.
struct ObjectiveSheetReader {
  private let mapping: SheetMappingFile
  private let table: SourceTable
  private let fieldKeys: [[LabelKey]]
  private let columnKeys: [(role: SheetMappingFile.ColumnRole, keys: [LabelKey])]
  private let titleKey: LabelKey?
  private let contentsKey: LabelKey?
  /// The objectives table, with the header its rows are read under.
  private var records: RecordTable<SheetMappingFile.RecordField>?
  /// The heading that names the department of the list objectives after it.
  private var heading: (organization: Organization, cell: SourceCell, used: Bool)?

  private(set) var warnings: [ConversionWarning] = []
  private var labelCells: [SourceCell] = []
  private var unmappedCells: [SourceCell] = []
  private var titleLines: [TitleLine] = []
  private var contents: [ContentsEntry] = []
  private var inContents = false
  private var preamble: [SourceCell] = []
  private var sheets: [SheetDraft] = []

  private struct TitleLine {
    var cell: SourceCell
    var text: String
    var fiscalYear: Int
    var fiscalYearText: String?
  }

  private struct ContentsEntry {
    var cell: SourceCell
    var number: Int
    var title: String
  }

  private struct ActionDraft {
    var number: Int
    var marker: FieldPiece?
    var unnumbered: Bool
    var line: Int
    var pieces: [SheetMappingFile.ColumnRole: [FieldPiece]] = [:]
  }

  private struct SheetDraft {
    var line: Int
    /// A list line's or a table row's objective: no form around it.
    var isEntry = false
    var number: [FieldPiece] = []
    var title: [FieldPiece] = []
    /// The department and section a heading above a list entry names, with its cell.
    var heading: (organization: Organization, cell: SourceCell)?
    var section: [FieldPiece] = []
    var targets: [FieldPiece] = []
    var finalReport: [FieldPiece] = []
    var department: [FieldPiece] = []
    var priority: [FieldPiece] = []
    var plans: [(plan: String, pieces: [FieldPiece])] = []
    var situation: [FieldPiece] = []
    var purpose: [FieldPiece] = []
    var remarks: [(field: Int, pieces: [FieldPiece])] = []
    var filled: Set<Int> = []
    var lastField: Int?
    var columns: [Int: SheetMappingFile.ColumnRole]?
    var actions: [ActionDraft] = []
  }

  init(mapping: SheetMappingFile, table: SourceTable) {
    self.mapping = mapping
    self.table = table
    fieldKeys = mapping.fields.map { $0.labels.map(LabelKey.init(_:)) }
    columnKeys = mapping.actions.columns.map { ($0.field, $0.labels.map(LabelKey.init(_:))) }
    titleKey = mapping.sheet.title.flatMap { $0.isEmpty ? nil : LabelKey($0) }
    contentsKey = mapping.sheet.contents.map(LabelKey.init(_:))
    records = mapping.records.map { RecordTable(columns: $0.columns, titleField: .objective) }
  }

  // MARK: - Reading rows

  /// A non-empty cell of the row being read, folded and keyed once.
  private struct RowCell {
    var piece: FieldPiece
    var key: LabelKey
    var cell: SourceCell { piece.cell }

    init(_ cell: SourceCell) {
      piece = FieldPiece(cell)
      key = LabelKey(folded: piece.text)
    }
  }

  /// Sorts every row; call once.
  mutating func readRows() {
    for row in table.rows {
      let cells = row.nonEmptyCells.map(RowCell.init)
      guard let first = cells.first else { continue }
      if cells.count == 1 && readLone(first) { continue }
      if readRecordRow(row) { continue }
      if let columns = actionColumns(cells) {
        if sheets.isEmpty {
          unmappedCells += cells.map(\.cell)
        } else {
          labelCells += cells.filter { columns[$0.cell.index] != nil }.map(\.cell)
          unmappedCells += cells.filter { columns[$0.cell.index] == nil }.map(\.cell)
          sheets[sheets.count - 1].columns = columns
        }
        continue
      }
      if fieldIndex(first.key) != nil {
        readFieldRow(cells, startingWith: nil)
        continue
      }
      if sheets.last?.columns != nil, readActionRow(row, cells) { continue }
      if let field = inferredField() {
        let spec = mapping.fields[field]
        warnings.append(
          ConversionWarning(
            .rowLabelInferred,
            message: "a row without a label; read as \(spec.labels[0]), the next row of the form",
            at: first.cell.position, original: Self.excerpt(first.cell.text)))
        readFieldRow(cells, startingWith: field)
        continue
      }
      unmappedCells += cells.map(\.cell)
    }
  }

  /// Reads a row with one filled cell.
  ///
  /// It is the title line, the contents list, or text before the first sheet; false when it is
  /// none of these.
  private mutating func readLone(_ lone: RowCell) -> Bool {
    let (cell, key, folded) = (lone.cell, lone.key, lone.piece.text)
    if let title = titleLine(cell, key: key, folded: folded) {
      titleLines.append(title)
      inContents = false
      records?.close()
      return true
    }
    if let contentsKey, sheets.isEmpty,
      let year = EraDates.extract(folded).first(where: { $0.kind == .fiscalYear }),
      key.text == LabelKey(year.raw).text + contentsKey.text
    {
      labelCells.append(cell)
      inContents = true
      return true
    }
    if inContents, sheets.isEmpty, let pattern = mapping.sheet.contentsEntry,
      let match = pattern.wholeMatch(JapaneseWidth.trimmed(folded)),
      let number = match["number"].flatMap({ Int($0) }), let title = match["title"]
    {
      contents.append(ContentsEntry(cell: cell, number: number, title: title))
      return true
    }
    if let (role, match) = mapping.lines.firstMatch(JapaneseWidth.trimmed(folded)) {
      records?.close()
      readListLine(role, match, cell: cell)
      return true
    }
    if sheets.isEmpty && titleLines.isEmpty {
      preamble.append(cell)
      return true
    }
    return false
  }

  /// The title line `cell` is, if it is one: by the mapping's pattern, or as the fiscal year
  /// followed by the title words.
  private func titleLine(_ cell: SourceCell, key: LabelKey, folded: String) -> TitleLine? {
    let text = JapaneseWidth.trimmed(folded)
    if let pattern = mapping.sheet.titleLine {
      guard let match = pattern.wholeMatch(text) else { return nil }
      let yearText = match["year"]
      let year = yearText.flatMap(FiscalYearSource.fiscalYear)
      guard year != nil || (yearText == nil && mapping.sheet.fiscalYear != nil) else {
        return nil
      }
      return TitleLine(
        cell: cell, text: match["title"] ?? text, fiscalYear: year ?? 0,
        fiscalYearText: yearText)
    }
    guard let titleKey,
      let year = EraDates.extract(folded).first(where: { $0.kind == .fiscalYear }),
      let fiscalYear = year.fiscalYearStart, key.text == LabelKey(year.raw).text + titleKey.text
    else { return nil }
    return TitleLine(cell: cell, text: folded, fiscalYear: fiscalYear, fiscalYearText: year.raw)
  }

  /// A line of a list of objectives: a heading naming the department of the lines after it, or
  /// one objective.
  private mutating func readListLine(
    _ role: SheetMappingFile.ObjectiveLineRole, _ match: LinePattern.Match, cell: SourceCell
  ) {
    switch role {
    case .department:
      if let previous = heading, !previous.used { unmappedCells.append(previous.cell) }
      let sections = match["section"].map { [$0] } ?? []
      heading = (Organization(department: match["department"], sections: sections), cell, false)
    case .objective:
      var draft = SheetDraft(line: cell.line, isEntry: true)
      draft.title = [FieldPiece(cell, text: match["title"] ?? "")]
      if let number = match["number"] { draft.number = [FieldPiece(cell, text: number)] }
      if let priority = match["priority"] { draft.priority = [FieldPiece(cell, text: priority)] }
      if let current = heading {
        draft.heading = (current.organization, current.cell)
        heading?.used = true
      }
      sheets.append(draft)
    }
  }

  /// A row of the objectives table: its header, or one objective; false when the mapping has
  /// no table or the row is neither.
  private mutating func readRecordRow(_ row: SourceRow) -> Bool {
    var fields: [SheetMappingFile.RecordField: [SourceCell]] = [:]
    var outside: [SourceCell] = []
    switch records?.read(row) {
    case .header(let labels, let unknown)?:
      labelCells += labels
      unmappedCells += unknown
      return true
    case .record(let recordFields, let recordOutside)?,
      // An objective without a title: an error at the end, naming its line.
      .untitled(let recordFields, let recordOutside)?:
      (fields, outside) = (recordFields, recordOutside)
    case .other?, nil:
      return false
    }
    unmappedCells += outside
    var draft = SheetDraft(line: row.line, isEntry: true)
    for (field, cells) in fields {
      let pieces = cells.map(FieldPiece.init)
      switch field {
      case .number: draft.number += pieces
      case .priority: draft.priority += pieces
      case .objective: draft.title += pieces
      case .department: draft.department += pieces
      case .section: draft.section += pieces
      case .situation: draft.situation += pieces
      case .purpose: draft.purpose += pieces
      case .targets: draft.targets += pieces
      case .finalReport: draft.finalReport += pieces
      }
    }
    sheets.append(draft)
    return true
  }

  private func fieldIndex(_ key: LabelKey) -> Int? {
    fieldKeys.indices.first { index in
      if mapping.fields[index].field == .remark {
        return fieldKeys[index].contains { key.text.hasPrefix($0.text) }
      }
      return fieldKeys[index].contains { key.isLabel($0) }
    }
  }

  /// The action table's header: at least two cells name columns.
  private func actionColumns(_ cells: [RowCell]) -> [Int: SheetMappingFile.ColumnRole]? {
    var columns: [Int: SheetMappingFile.ColumnRole] = [:]
    for rowCell in cells {
      if let role = columnKeys.first(where: { $0.keys.contains { rowCell.key.isLabel($0) } })?.role
      {
        columns[rowCell.cell.index] = role
      }
    }
    return columns.count >= 2 ? columns : nil
  }

  /// The field an unlabeled row of a sheet's header part stands for: the next one in the form's
  /// order that the sheet has not filled.
  private func inferredField() -> Int? {
    guard let sheet = sheets.last, sheet.columns == nil, let last = sheet.lastField else {
      return nil
    }
    for index in (last + 1)..<mapping.fields.count where !sheet.filled.contains(index) {
      switch mapping.fields[index].field {
      case .objective, .formText, .remark: continue
      default: return index
      }
    }
    return nil
  }

  /// A row of labels and values: each label switches the field the cells after it feed.
  private mutating func readFieldRow(_ cells: [RowCell], startingWith inferred: Int?) {
    var current = inferred
    if let inferred, !sheets.isEmpty {
      sheets[sheets.count - 1].filled.insert(inferred)
      sheets[sheets.count - 1].lastField = inferred
    }
    for rowCell in cells {
      let cell = rowCell.cell
      if let field = fieldIndex(rowCell.key) {
        current = field
        if mapping.fields[field].field == .objective {
          sheets.append(SheetDraft(line: cell.line))
        }
        if sheets.isEmpty {
          unmappedCells.append(cell)
        } else {
          labelCells.append(cell)
          sheets[sheets.count - 1].filled.insert(field)
          sheets[sheets.count - 1].lastField = field
          if mapping.fields[field].field == .remark,
            let rest = LabelKey.text(of: rowCell.piece.text, after: fieldKeys[field])
          {
            addRemark(FieldPiece(cell, text: rest), field: field)
          }
        }
        continue
      }
      guard let field = current, !sheets.isEmpty else {
        unmappedCells.append(cell)
        continue
      }
      let piece = rowCell.piece
      let spec = mapping.fields[field]
      let last = sheets.count - 1
      switch spec.field {
      case .objective: sheets[last].title.append(piece)
      case .department: sheets[last].department.append(piece)
      case .priority: sheets[last].priority.append(piece)
      case .situation: sheets[last].situation.append(piece)
      case .purpose: sheets[last].purpose.append(piece)
      case .formText: unmappedCells.append(cell)
      case .remark: addRemark(piece, field: field)
      case .planPosition:
        let plan = spec.plan ?? spec.labels[0]
        if let group = sheets[last].plans.firstIndex(where: { $0.plan == plan }) {
          sheets[last].plans[group].pieces.append(piece)
        } else {
          sheets[last].plans.append((plan, [piece]))
        }
      }
    }
  }

  private mutating func addRemark(_ piece: FieldPiece, field: Int) {
    let last = sheets.count - 1
    if let group = sheets[last].remarks.firstIndex(where: { $0.field == field }) {
      sheets[last].remarks[group].pieces.append(piece)
    } else {
      sheets[last].remarks.append((field, [piece]))
    }
  }

  /// Reads a row of the action table.
  ///
  /// It is a new action (numbered or not) or, when its first cell is empty, the continuation of
  /// the one above; false when the row is none of these.
  private mutating func readActionRow(_ row: SourceRow, _ cells: [RowCell]) -> Bool {
    let last = sheets.count - 1
    guard let columns = sheets[last].columns else { return false }
    let valueStart = columns.filter { $0.value != .title }.keys.min() ?? Int.max
    guard let leading = row.cells.first, !leading.isEmpty else {
      guard !sheets[last].actions.isEmpty else { return false }
      for cell in cells { place(cell, columns: columns, valueStart: valueStart) }
      return true
    }
    let (first, folded) = (cells[0].cell, cells[0].piece.text)
    var remaining = cells
    var action: ActionDraft
    if let circled = actionNumber(folded) {
      action = ActionDraft(
        number: circled.number, marker: FieldPiece(first, text: circled.marker),
        unnumbered: false, line: first.line)
      remaining.removeFirst()
      if !circled.rest.isEmpty {
        action.pieces[.title, default: []].append(FieldPiece(first, text: circled.rest))
      }
    } else {
      let number = (sheets[last].actions.last?.number ?? 0) + 1
      action = ActionDraft(number: number, marker: nil, unnumbered: true, line: first.line)
      warnings.append(
        ConversionWarning(
          .actionUnnumbered,
          message: "an action item without a number (①, ②, …); numbered \(number) by its place"
            + " in the table",
          at: first.position, original: Self.excerpt(first.text)))
    }
    sheets[last].actions.append(action)
    for cell in remaining { place(cell, columns: columns, valueStart: valueStart) }
    return true
  }

  /// Adds a cell of an action row to the last action, by its column.
  private mutating func place(
    _ rowCell: RowCell, columns: [Int: SheetMappingFile.ColumnRole], valueStart: Int
  ) {
    let cell = rowCell.cell
    let last = sheets.count - 1
    let role: SheetMappingFile.ColumnRole
    if cell.index < valueStart {
      role = .title
    } else if let column = columns[cell.index] {
      role = column
    } else {
      warnings.append(
        ConversionWarning(
          .actionCellOutsideColumns,
          message: "a cell under no column header of the action table; kept as unmapped",
          at: cell.position, original: Self.excerpt(cell.text)))
      unmappedCells.append(cell)
      return
    }
    let action = sheets[last].actions.count - 1
    sheets[last].actions[action].pieces[role, default: []].append(rowCell.piece)
  }

  /// The number an action row starts with: by the mapping's pattern (its `marker` capture, read
  /// as ListMarkers reads markers), or a circled number.
  private func actionNumber(_ text: String) -> (number: Int, marker: String, rest: String)? {
    guard let pattern = mapping.actions.number else { return Self.leadingCircledNumber(text) }
    let trimmed = JapaneseWidth.trimmed(text)
    guard let match = pattern.firstMatch(trimmed), trimmed.hasPrefix(match.matched),
      let marker = match["marker"], let number = Self.ordinal(of: marker)
    else { return nil }
    return (number, marker, match.rest)
  }

  /// The ordinal a marker stands for: ① is 1, (3) is 3, ア is 1.
  static func ordinal(of marker: String) -> Int? {
    let scalars = Array(marker.unicodeScalars)
    if scalars.count == 1, let circled = ListMarker.circledNumber(scalars[0]) { return circled }
    let digits = scalars.filter { ("0"..."9").contains($0) }
    if !digits.isEmpty { return Int(String(String.UnicodeScalarView(digits))) }
    if let kana = scalars.first(where: { ListMarker.katakanaOrdinal($0) != nil }) {
      return ListMarker.katakanaOrdinal(kana)
    }
    return nil
  }

  /// A circled number at the start of `text` (`①`, `① 〇 自立支援…`): its value, the marker and
  /// the text after it.
  static func leadingCircledNumber(_ text: String) -> (number: Int, marker: String, rest: String)? {
    var scalars = Substring(text).unicodeScalars.drop { JapaneseWidth.isSpace($0) }
    guard let first = scalars.first, let number = ListMarker.circledNumber(first) else {
      return nil
    }
    scalars = scalars.dropFirst()
    if let next = scalars.first, ListMarker.circledNumber(next) != nil { return nil }
    let rest = JapaneseWidth.trimmed(String(String.UnicodeScalarView(scalars)))
    return (number, String(first), rest)
  }

  /// The start of a long text, for a warning's `original`.
  static func excerpt(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard scalars.count > 40 else { return text }
    return String(String.UnicodeScalarView(scalars.prefix(40))) + "…"
  }

  // MARK: - Building the document

  /// Builds the objectives from the rows read.
  func build() throws(MappingError) -> SheetReading {
    var warnings = self.warnings
    var provenance: [ProvenanceEntry] = []
    var unmapped = unmappedCells
    if let heading, !heading.used { unmapped.append(heading.cell) }
    let titleLine = titleLines.first
    let year: (value: Int, text: String?, cell: SourceCell?)
    if let titleLine, titleLine.fiscalYearText != nil {
      year = (titleLine.fiscalYear, titleLine.fiscalYearText, titleLine.cell)
    } else if let found = mapping.sheet.fiscalYear?.find(in: table) {
      year = (found.year, found.text, found.cell)
    } else {
      let shape =
        mapping.sheet.titleLine?.source
        ?? "<fiscal year> \(mapping.sheet.title ?? "")"
      throw .incomplete(
        line: nil,
        problem: "no title line (\(shape)) naming the fiscal year was found"
          + (mapping.sheet.fiscalYear == nil
            ? ""
            : ", nor the fiscal year the mapping's "
              + "sheet.fiscal-year looks for")
          + "; the fiscal year cannot be known"
          + FiscalYearSource.advice(key: "sheet.fiscal-year"))
    }
    guard !sheets.isEmpty else {
      let what =
        mapping.fields.first.map { "a row labelled \($0.labels[0])" }
        ?? (mapping.records != nil ? "a row of the objectives table" : "a line of the list")
      throw .incomplete(line: nil, problem: "no objective is in this file (\(what))")
    }
    func trace(_ pointer: JSONPointer, _ piece: FieldPiece) {
      provenance.append(
        ProvenanceEntry(
          pointer: pointer, position: piece.cell.position, raw: piece.cell.raw))
    }
    func trace(_ pointer: JSONPointer, _ cell: SourceCell) {
      provenance.append(ProvenanceEntry(pointer: pointer, position: cell.position, raw: cell.raw))
    }

    for line in titleLines {
      trace(.root / "title", line.cell)
      if let titleLine, titleLine.fiscalYearText != nil, line.fiscalYear != titleLine.fiscalYear {
        warnings.append(
          ConversionWarning(
            .sheetFiscalYearDiffers,
            message: "this sheet's title names fiscal year \(line.fiscalYear), the file's first "
              + "names \(titleLine.fiscalYear); the document keeps \(titleLine.fiscalYear)",
            at: line.cell.position, original: line.text))
      }
    }
    if let cell = year.cell, let text = year.text {
      provenance.append(
        ProvenanceEntry(pointer: .root / "fiscalYear", position: cell.position, raw: text))
    }

    var department: String?
    var objectives: [Objective] = []
    for (index, sheet) in sheets.enumerated() {
      let base = JSONPointer.root / "objectives" / index
      let title = Self.joined(sheet.title)
      guard !title.isEmpty else {
        let emptyCell = sheet.title.first.map { "line \($0.cell.line), cell \($0.cell.index)" }
        throw .incomplete(
          line: sheet.line,
          problem: "the objective at line \(sheet.line) has no title"
            + (emptyCell.map { " (\($0) is empty)" } ?? "")
            + "; a document may not hold an objective without one")
      }
      var objective = Objective(title: title)
      for piece in sheet.title { trace(base / "title", piece) }
      if sheet.isEntry {
        readEntry(
          sheet, into: &objective, base: base, fiscalYear: year.value, warnings: &warnings,
          unmapped: &unmapped, trace: trace)
        objectives.append(objective)
        continue
      }
      if let priority = priority(of: sheet.priority), priority > 0 {
        objective.priority = priority
        for piece in sheet.priority { trace(base / "priority", piece) }
      } else {
        objective.priority = index + 1
        unmapped += sheet.priority.map(\.cell)
        warnings.append(
          ConversionWarning(
            .objectivePriorityMissing,
            message: "no priority (such as 1位) for this objective; its place in the file, "
              + "\(index + 1), is used",
            at: SourcePosition(line: sheet.line),
            original: sheet.priority.isEmpty ? nil : Self.joined(sheet.priority)))
      }

      let sheetDepartment = Self.joined(sheet.department)
      if !sheetDepartment.isEmpty {
        if department == nil { department = sheetDepartment }
        for piece in sheet.department { trace(.root / "organization" / "department", piece) }
        if LabelKey(sheetDepartment) != LabelKey(department ?? "") {
          warnings.append(
            ConversionWarning(
              .organizationDepartmentDiffers,
              message:
                "this sheet names another department than the first sheet (\(department ?? ""))",
              at: sheet.department[0].cell.position,
              original: sheetDepartment))
        }
      }

      // Each cell on its own: forms that list sections in one cell and their items in the next
      // (`(1) … (2) …` | `ア … エ …`) do not say which item belongs to which section.
      for group in sheet.plans {
        for piece in group.pieces {
          let positions = PlanPositionReader.positions(plan: group.plan, text: piece.text)
          if positions.isEmpty {
            unmapped.append(piece.cell)
            continue
          }
          for offset in positions.indices {
            trace(base / "planPositions" / (objective.planPositions.count + offset), piece)
          }
          objective.planPositions += positions
        }
      }

      objective.situation = ListReading(sheet.situation).items(extracting: .none, into: &warnings)
      for piece in sheet.situation { trace(base / "situation", piece) }
      objective.purpose = ListReading(sheet.purpose).items(extracting: .none, into: &warnings)
      for piece in sheet.purpose { trace(base / "purpose", piece) }

      for (number, group) in sheet.remarks.enumerated() {
        let items = ListReading(group.pieces).items(extracting: .none, into: &warnings)
        objective.remarks =
          (objective.remarks ?? []) + [
            Remark(prompt: mapping.fields[group.field].labels[0], items: items)
          ]
        for piece in group.pieces { trace(base / "remarks" / number, piece) }
      }

      for (number, draft) in sheet.actions.enumerated() {
        let pointer = base / "actions" / number
        objective.actions.append(
          action(draft, fiscalYear: year.value, pointer: pointer, warnings: &warnings))
        if let marker = draft.marker { trace(pointer / "marker", marker) }
        for (role, field) in Self.columnFields {
          for piece in draft.pieces[role] ?? [] { trace(pointer / field, piece) }
        }
      }
      objectives.append(objective)
    }

    checkContents(objectives, provenance: &provenance, unmapped: &unmapped, warnings: &warnings)
    for cell in preamble {
      if let department, Self.departmentKey(cell.text) == Self.departmentKey(department) {
        provenance.append(
          ProvenanceEntry(
            pointer: .root / "organization" / "department", position: cell.position, raw: cell.raw))
      } else {
        unmapped.append(cell)
      }
    }
    return SheetReading(
      title: titleLine?.text, fiscalYear: year.value, fiscalYearText: year.text,
      department: department, body: .objectives(objectives),
      warnings: warnings,
      unmapped: unmapped.map { UnmappedCell(position: $0.position, text: $0.raw) },
      provenance: provenance, labelCells: labelCells)
  }

  /// The priority a sheet's priority cells give: by the priority field's value pattern, or
  /// their leading number.
  private func priority(of pieces: [FieldPiece]) -> Int? {
    let text = Self.joined(pieces)
    if let pattern = mapping.fields.first(where: { $0.field == .priority })?.value {
      return pattern.firstMatch(text)?["value"].flatMap { Int($0) }
    }
    return Self.leadingNumber(text)
  }

  /// The fields of an objective read from a list line or a table row.
  private func readEntry(
    _ entry: SheetDraft, into objective: inout Objective, base: JSONPointer, fiscalYear: Int,
    warnings: inout [ConversionWarning], unmapped: inout [SourceCell],
    trace: (JSONPointer, FieldPiece) -> Void
  ) {
    for (pieces, key) in [(entry.number, "number"), (entry.priority, "priority")] {
      guard !pieces.isEmpty else { continue }
      guard let value = Self.leadingNumber(Self.joined(pieces)), value > 0 else {
        unmapped += pieces.map(\.cell)
        continue
      }
      if key == "number" { objective.number = value } else { objective.priority = value }
      for piece in pieces { trace(base / key, piece) }
    }
    var organization = entry.heading?.organization ?? Organization()
    if let heading = entry.heading {
      let piece = FieldPiece(heading.cell)
      if heading.organization.department != nil {
        trace(base / "organization" / "department", piece)
      }
      if !heading.organization.sections.isEmpty {
        trace(base / "organization" / "sections", piece)
      }
    }
    let department = Self.joined(entry.department)
    if !department.isEmpty {
      organization.department = department
      for piece in entry.department { trace(base / "organization" / "department", piece) }
    }
    for piece in entry.section {
      organization.sections.append(JapaneseWidth.trimmed(piece.text))
      trace(base / "organization" / "sections", piece)
    }
    if organization.department != nil || !organization.sections.isEmpty {
      objective.organization = organization
    }
    objective.situation = ListReading(entry.situation).items(extracting: .none, into: &warnings)
    for piece in entry.situation { trace(base / "situation", piece) }
    objective.purpose = ListReading(entry.purpose).items(extracting: .none, into: &warnings)
    for piece in entry.purpose { trace(base / "purpose", piece) }
    if !entry.targets.isEmpty {
      objective.targets = ListReading(entry.targets).items(
        extracting: .periodsAndQuantities(fiscalYear: fiscalYear), into: &warnings)
      for piece in entry.targets { trace(base / "targets", piece) }
    }
    if !entry.finalReport.isEmpty {
      objective.finalReport = ListReading(entry.finalReport).items(
        extracting: .periodsAndQuantities(fiscalYear: fiscalYear), into: &warnings)
      for piece in entry.finalReport { trace(base / "finalReport", piece) }
    }
  }

  /// Which action field each column's pieces are traced to (the title column feeds both the
  /// title and the items, and is traced as the items).
  private static let columnFields: [(SheetMappingFile.ColumnRole, String)] = [
    (.title, "items"), (.schedule, "schedule"), (.targets, "targets"),
    (.midTermReport, "midTermReport"), (.finalReport, "finalReport"),
  ]

  private func action(
    _ draft: ActionDraft, fiscalYear: Int, pointer: JSONPointer,
    warnings: inout [ConversionWarning]
  ) -> Action {
    let titleReading = ListReading(draft.pieces[.title] ?? [])
    var nodes = titleReading.parse(into: &warnings)
    var title = ""
    if let first = nodes.first, first.marker == nil || first.marker?.kind == .bullet {
      title = first.text
      nodes = first.items + nodes.dropFirst()
    }
    var result = Action(
      number: draft.number, marker: draft.marker?.text, title: title,
      items: titleReading.listItems(nodes, level: 1, extracting: .none, into: &warnings))
    result.schedule = ListReading(draft.pieces[.schedule] ?? []).items(
      extracting: .periods(fiscalYear: fiscalYear), into: &warnings)
    result.targets = ListReading(draft.pieces[.targets] ?? []).items(
      extracting: .periodsAndQuantities(fiscalYear: fiscalYear), into: &warnings)
    result.midTermReport = ListReading(draft.pieces[.midTermReport] ?? []).items(
      extracting: .periodsAndQuantities(fiscalYear: fiscalYear), into: &warnings)
    result.finalReport = ListReading(draft.pieces[.finalReport] ?? []).items(
      extracting: .periodsAndQuantities(fiscalYear: fiscalYear), into: &warnings)
    if draft.pieces.values.allSatisfy({ $0.isEmpty }) {
      warnings.append(
        ConversionWarning(
          .actionEmpty,
          message: "action item \(draft.marker?.text ?? String(draft.number)) has a number but "
            + "every cell of its row is empty; kept as an empty item",
          at: SourcePosition(line: draft.line, cell: draft.marker?.cell.index),
          original: draft.marker?.text))
    }
    return result
  }

  /// Checks the file's list of objectives against the sheets, by number and title.
  private func checkContents(
    _ objectives: [Objective], provenance: inout [ProvenanceEntry],
    unmapped: inout [SourceCell], warnings: inout [ConversionWarning]
  ) {
    for entry in contents {
      let index = objectives.indices.first { objectives[$0].key(place: $0 + 1) == entry.number }
      if let index, LabelKey(objectives[index].title) == LabelKey(entry.title) {
        provenance.append(
          ProvenanceEntry(
            pointer: .root / "objectives" / index / "title", position: entry.cell.position,
            raw: entry.cell.raw))
      } else {
        unmapped.append(entry.cell)
        warnings.append(
          ConversionWarning(
            .contentsMismatch,
            message: index == nil
              ? "the list of objectives names objective \(entry.number), but no sheet has that priority"
              : "the list of objectives gives objective \(entry.number) another title than its sheet",
            at: entry.cell.position, original: entry.title))
      }
    }
    if !contents.isEmpty && contents.count != objectives.count {
      warnings.append(
        ConversionWarning(
          .contentsCountMismatch,
          message:
            "the list of objectives has \(contents.count) entries, the file \(objectives.count) sheets",
          at: SourcePosition(line: contents[0].cell.line)))
    }
  }

  private static func joined(_ pieces: [FieldPiece]) -> String {
    JapaneseWidth.trimmed(pieces.map(\.text).joined(separator: " "))
  }

  private static func leadingNumber(_ text: String) -> Int? {
    let digits = text.unicodeScalars.drop { JapaneseWidth.isSpace($0) }.prefix {
      ("0"..."9").contains($0)
    }
    return Int(String(String.UnicodeScalarView(digits)))
  }

  private static func departmentKey(_ text: String) -> String {
    String(String.UnicodeScalarView(LabelKey(text).text.unicodeScalars.filter { $0 != "・" }))
  }
}
