import EraDates
import GyoseiModel
import JapaneseWidth
import ListMarkers
import SourceReaders

/// Reads a reform program (行財政改革大綱 アクションプログラム) or a report of its progress: its
/// cover or title line, its table of contents (categories with declared item counts, then one
/// row per item) and one page per item, or, in a report without pages, its category headings,
/// item lines, item tables and progress lines, all as the mapping describes them.
///
/// The contents and the pages are read separately and then compared: a count, title, category or
/// section list on which they disagree is a warning naming both, and the page's version is kept
/// (the page is the item's own record; the contents' text stays in the warning and the
/// provenance).
struct ReformProgramReader {
  private let spec: SheetMappingFile.ProgramSpec
  private let table: SourceTable
  private let keys: Keys
  private let organizationWords: OrganizationWords
  private let municipalityKey: LabelKey

  private var titleCells: [SourceCell] = []
  /// The title a title-line pattern captured.
  private var titleText: String?
  private var fiscalYear: (year: Int, text: String?, cell: SourceCell?)?
  /// Items read from a report's lines and tables, with the cells of each field.
  private var reportItems:
    [(item: ReformItem, traces: [(pointer: JSONPointer, cell: SourceCell)])] = []
  private var progress = ProgressSummary()
  private var progressCells: [(pointer: JSONPointer, cell: SourceCell)] = []
  /// The fiscal year each category's items report on, by the category's pointer.
  private var categoryYears: [JSONPointer: Int] = [:]
  private var itemTable: RecordTable<SheetMappingFile.ProgramSpec.ItemField>?
  /// The first row of an item table with cells but no title.
  private var untitledItemLine: Int?
  private var inContents = false
  private var categories: [ProgramCategory] = []
  private var categoryCells: [JSONPointer: SourceCell] = [:]
  private var contentsColumns: ContentsColumns?
  private var contents: [ContentsEntry] = []
  private var pages: [Page] = []
  private var field: Field?
  private var yearColumns: (plan: Int, result: Int)?
  /// The category of the last `(2) …` heading between pages.
  private var lastPageCategoryHeading: Int?

  private var warnings: [ConversionWarning] = []
  private var provenance: [ProvenanceEntry] = []
  private var unmapped: [SourceCell] = []
  private var labelCells: [SourceCell] = []

  private struct Keys {
    var title: [LabelKey]
    var fiscalYear: LabelKey?
    var contents: LabelKey?
    var number: [LabelKey]
    var itemTitle: [LabelKey]
    var contentsSections: [LabelKey]
    var contentsPage: [LabelKey]
    var fields: [(Field, [LabelKey])]
    var years: [LabelKey]
    var yearPlan: [LabelKey]
    var yearResult: [LabelKey]
    var none: Set<LabelKey>
  }

  private enum Field: Equatable {
    case overview, category, organizations, resultsSoFar, means, fiveYearGoal
    case planPosition(String)
    case formText
  }

  private struct ContentsColumns {
    var number: Int
    var local: Int?
    var title: Int
    var sections: Int?
    var page: Int?
  }

  /// A row of the contents.
  private struct ContentsEntry {
    var number: Int
    var localNumber: Int?
    var title: String
    var sections: [String]
    var page: Int?
    var categoryPath: [String]
    var cells: [(pointer: JSONPointer, cell: SourceCell)]
  }

  /// An item as its page gives it, with the cells each field came from.
  private struct Page {
    var item: ReformItem
    var numberCell: SourceCell
    var titleCell: SourceCell
    var traces: [(pointer: JSONPointer, cell: SourceCell)] = []
  }

  /// A reader for `table` laid out as `spec` says, published by `municipality` (whose name on
  /// the cover, 上 田 市, is traced to the document's municipality).
  init(spec: SheetMappingFile.ProgramSpec, table: SourceTable, municipality: String) {
    self.spec = spec
    municipalityKey = LabelKey(municipality)
    self.table = table
    let labels = spec.labels
    func keys(_ list: [String]) -> [LabelKey] { list.map(LabelKey.init(_:)) }
    var fields: [(Field, [LabelKey])] = [
      (.overview, keys(labels.overview)), (.category, keys(labels.category)),
      (.organizations, keys(labels.organizations)), (.resultsSoFar, keys(labels.resultsSoFar)),
      (.means, keys(labels.means)), (.fiveYearGoal, keys(labels.fiveYearGoal)),
      (.formText, keys(labels.formText)),
    ]
    for position in spec.planPositions {
      fields.append((.planPosition(position.plan), keys(position.labels)))
    }
    self.keys = Keys(
      title: keys(spec.title), fiscalYear: spec.fiscalYearWords.map(LabelKey.init(_:)),
      contents: spec.contents.map(LabelKey.init(_:)), number: keys(labels.number),
      itemTitle: keys(labels.title), contentsSections: keys(labels.contentsSections),
      contentsPage: keys(labels.contentsPage), fields: fields, years: keys(labels.years),
      yearPlan: keys(labels.yearPlan), yearResult: keys(labels.yearResult),
      none: Set(spec.none.map(LabelKey.init(_:))))
    organizationWords = OrganizationWords(departmentSuffixes: spec.departmentSuffixes)
    itemTable = spec.itemTable.map { RecordTable(columns: $0.columns, titleField: .title) }
  }

  private static func matches(_ key: LabelKey, _ labels: [LabelKey]) -> Bool {
    labels.contains { key.isLabel($0) }
  }

  private mutating func trace(_ pointer: JSONPointer, _ cell: SourceCell) {
    provenance.append(
      ProvenanceEntry(pointer: pointer, position: cell.position, raw: cell.raw))
  }

  private mutating func warn(
    _ code: DiagnosticCode, _ message: String, _ cell: SourceCell?, _ original: String?
  ) {
    warnings.append(
      ConversionWarning(
        code, message: message, at: cell?.position, original: original))
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

  private mutating func readRow(_ row: SourceRow, cells: [SourceCell], first: SourceCell) {
    let folded = JapaneseWidth.fold(first.text)
    let key = LabelKey(folded: folded)
    if Self.matches(key, keys.number) {
      if row.cells.count > 1, let pattern = spec.pageNumber,
        let match = pattern.wholeMatch(
          JapaneseWidth.trimmed(JapaneseWidth.fold(row.cells[1].text))),
        let number = match["number"].flatMap({ Int($0) })
      {
        startPage(row, number: number)
      } else {
        readContentsHeader(row)
      }
      return
    }
    if !pages.isEmpty {
      readPageRow(row, cells: cells, first: first, folded: folded, key: key)
      return
    }
    if inContents {
      readContentsRow(row, cells: cells, folded: folded)
      return
    }
    if readItemTableRow(row) { return }
    if cells.count == 1 {
      readLone(first, key: key)
    } else {
      unmapped += cells
    }
  }

  /// A line before the contents, or of a report without pages: the cover's title and fiscal
  /// year, the contents heading, a category heading, an item or a progress line.
  private mutating func readLone(_ cell: SourceCell, key: LabelKey) {
    let text = JapaneseWidth.trimmed(JapaneseWidth.fold(cell.text))
    if let contents = keys.contents, key == contents {
      labelCells.append(cell)
      inContents = true
      return
    }
    if key == municipalityKey {
      trace(.root / "municipality" / "name", cell)
      return
    }
    if titleCells.isEmpty, let pattern = spec.titleLine, let match = pattern.wholeMatch(text) {
      titleCells.append(cell)
      titleText = match["title"] ?? text
      if let yearText = match["year"], let year = FiscalYearSource.fiscalYear(yearText) {
        fiscalYear = (year, yearText, cell)
      }
      return
    }
    if fiscalYear == nil, spec.titleLine == nil, keys.title.contains(where: key.contains) {
      titleCells.append(cell)
      return
    }
    if fiscalYear == nil, let words = keys.fiscalYear, key.text.hasSuffix(words.text),
      let year = EraDates.extract(JapaneseWidth.fold(cell.text)).first,
      let start = year.fiscalYearStart
    {
      fiscalYear = (start, year.raw, cell)
      return
    }
    if let (role, match) = spec.lines.firstMatch(text) {
      itemTable?.close()
      readReportLine(role, match, cell: cell, text: text)
      return
    }
    if spec.contents == nil, let heading = categoryHeading(text) {
      itemTable?.close()
      openReportCategory(cell, heading: heading)
      return
    }
    unmapped.append(cell)
  }

  // MARK: - Categories

  /// A category heading by the mapping's rules: its level, number (when printed), title, the
  /// items it declares and the fiscal year it names.
  private struct CategoryHeading {
    var level: Int
    var number: String?
    var title: String
    var count: Int?
    var year: Int?
  }

  private func categoryHeading(_ text: String) -> CategoryHeading? {
    for rule in spec.categories {
      guard let match = rule.pattern.wholeMatch(text), let title = match["title"], !title.isEmpty
      else { continue }
      return CategoryHeading(
        level: rule.level, number: match["number"], title: title,
        count: match["count"].flatMap { Int($0) },
        year: match["year"].flatMap(FiscalYearSource.fiscalYear))
    }
    return nil
  }

  /// Opens a category of a report without contents: a new top category, or a sub-category of
  /// the last one; a category printed without a number is numbered by its place.
  private mutating func openReportCategory(_ cell: SourceCell, heading: CategoryHeading) {
    let isTop = heading.level == 1 || categories.isEmpty
    let place = isTop ? categories.count + 1 : (categories.last?.categories.count ?? 0) + 1
    let number = heading.number ?? String(place)
    if heading.number == nil {
      warn(
        .categoryNumberedByPlace,
        "the category 「\(heading.title)」 has no number; it is numbered \(number) by its place",
        cell, heading.title)
    }
    let category = ProgramCategory(
      number: number, title: heading.title, declaredItemCount: heading.count)
    let pointer: JSONPointer
    if isTop {
      categories.append(category)
      pointer = JSONPointer.root / "categories" / (categories.count - 1)
    } else {
      let top = categories.count - 1
      categories[top].categories.append(category)
      pointer =
        JSONPointer.root / "categories" / top / "categories"
        / (categories[top].categories.count - 1)
    }
    categoryCells[pointer] = cell
    if let year = heading.year { categoryYears[pointer] = year }
    trace(pointer, cell)
  }

  /// The pointer of the category the items read now belong to, the deepest open one.
  private var currentCategoryPointer: JSONPointer? {
    guard !categories.isEmpty else { return nil }
    let top = JSONPointer.root / "categories" / (categories.count - 1)
    guard let subs = categories.last?.categories, !subs.isEmpty else { return top }
    return top / "categories" / (subs.count - 1)
  }

  /// The fiscal year the current category (or its parent) names.
  private var currentCategoryYear: Int? {
    guard let pointer = currentCategoryPointer else { return nil }
    return categoryYears[pointer] ?? pointer.parent?.parent.flatMap { categoryYears[$0] }
  }

  // MARK: - A report's lines and tables

  private mutating func readReportLine(
    _ role: SheetMappingFile.ProgramLineRole, _ match: LinePattern.Match, cell: SourceCell,
    text: String
  ) {
    let target = currentCategoryPointer
    switch role {
    case .progress:
      var used = false
      for (name, _) in [("items", 0), ("evaluated", 1), ("excluded", 2)] {
        guard let value = match[name].flatMap({ Int($0) }) else { continue }
        used = true
        updateProgress(at: target, name: name, value: value, cell: cell)
      }
      if !used { unmapped.append(cell) }
    case .grade:
      guard let count = match["count"].flatMap({ Int($0) }), let grade = match["grade"] else {
        unmapped.append(cell)
        return
      }
      addGrade(
        GradeCount(
          grade: grade, label: match["label"], count: count,
          percent: match["percent"].flatMap { Double($0) }), at: target, cell: cell)
    case .grades:
      let entries =
        spec.lines.first { $0.role == .grades && $0.pattern.wholeMatch(text) != nil }?
        .entry?.allMatches(text) ?? []
      var added = false
      for entry in entries {
        guard let grade = entry["grade"], let count = entry["count"].flatMap({ Int($0) }) else {
          continue
        }
        addGrade(
          GradeCount(
            grade: grade, label: entry["label"], count: count,
            percent: entry["percent"].flatMap { Double($0) }), at: target, cell: cell)
        added = true
      }
      if !added { unmapped.append(cell) }
    case .item:
      guard let title = match["title"] else {
        unmapped.append(cell)
        return
      }
      var item = ReformItem(title: title)
      var traces: [(pointer: JSONPointer, cell: SourceCell)] = [(.root / "title", cell)]
      if let number = match["number"].flatMap({ Int($0) }) {
        item.number = number
        traces.append((.root / "number", cell))
      }
      if let code = match["code"] {
        item.code = code
        traces.append((.root / "code", cell))
      }
      if let category = match["category"] {
        item.categoryPath = [category]
        traces.append((.root / "categoryPath", cell))
      } else {
        item.categoryPath = currentCategoryPath
      }
      if let sections = match["sections"] {
        item.sections = OrganizationWords.words(sections)
        traces.append((.root / "sections", cell))
      }
      if let departments = match["departments"] {
        item.departments = OrganizationWords.words(departments)
        traces.append((.root / "departments", cell))
      }
      reportItems.append((item, traces))
    }
  }

  private mutating func updateProgress(
    at category: JSONPointer?, name: String, value: Int, cell: SourceCell
  ) {
    guard let category, let (top, sub) = categoryIndices(category) else {
      switch name {
      case "items": progress.items = value
      case "evaluated": progress.evaluated = value
      default: progress.excluded = value
      }
      progressCells.append((.root / "progress" / name, cell))
      return
    }
    func apply(_ target: inout ProgramCategory) {
      var summary = target.progress ?? ProgressSummary()
      switch name {
      case "items": target.declaredItemCount = value
      case "evaluated": summary.evaluated = value
      default: summary.excluded = value
      }
      if !summary.isEmpty { target.progress = summary }
    }
    if let sub { apply(&categories[top].categories[sub]) } else { apply(&categories[top]) }
    trace(category / (name == "items" ? "declaredItemCount" : "progress"), cell)
  }

  private mutating func addGrade(_ grade: GradeCount, at category: JSONPointer?, cell: SourceCell) {
    guard let category, let (top, sub) = categoryIndices(category) else {
      progress.grades.append(grade)
      progressCells.append((.root / "progress" / "grades" / (progress.grades.count - 1), cell))
      return
    }
    func apply(_ target: inout ProgramCategory) -> Int {
      var summary = target.progress ?? ProgressSummary()
      summary.grades.append(grade)
      target.progress = summary
      return summary.grades.count - 1
    }
    let index =
      sub.map { apply(&categories[top].categories[$0]) } ?? apply(&categories[top])
    trace(category / "progress" / "grades" / index, cell)
  }

  private func categoryIndices(_ pointer: JSONPointer) -> (top: Int, sub: Int?)? {
    guard let top = pointer.index(at: 1) else { return nil }
    return (top, pointer.index(at: 3))
  }

  /// A row of an item table: its header, or one item; false when the row is neither.
  private mutating func readItemTableRow(_ row: SourceRow) -> Bool {
    guard itemTable != nil else { return false }
    let cells = row.nonEmptyCells
    if cells.count == 1, itemTable?.header != nil {
      // A line of its own that is a heading or a report line ends the table.
      let text = JapaneseWidth.trimmed(JapaneseWidth.fold(cells[0].text))
      if categoryHeading(text) != nil || spec.lines.firstMatch(text) != nil {
        itemTable?.close()
        return false
      }
    }
    let fields: [SheetMappingFile.ProgramSpec.ItemField: [SourceCell]]
    let outside: [SourceCell]
    switch itemTable?.read(row) {
    case .header(let labels, let unknown)?:
      labelCells += labels
      unmapped += unknown
      return true
    case .record(let recordFields, let recordOutside)?:
      (fields, outside) = (recordFields, recordOutside)
    case .untitled?:
      // An item without a title: an error at the end rather than a row silently unmapped.
      if untitledItemLine == nil { untitledItemLine = row.line }
      return false
    case .other?, nil:
      return false
    }
    let titles = fields[.title] ?? []
    unmapped += outside
    var item = ReformItem(
      title: titles.map { JapaneseWidth.trimmed(JapaneseWidth.fold($0.text)) }
        .joined(separator: " "))
    item.categoryPath = currentCategoryPath
    var traces: [(pointer: JSONPointer, cell: SourceCell)] = []
    let year = currentCategoryYear
    for (field, cells) in fields.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
      let text = cells.map { JapaneseWidth.trimmed(JapaneseWidth.fold($0.text)) }
        .joined(separator: " ")
      let name: JSONPointer
      switch field {
      case .title: name = .root / "title"
      case .number:
        guard let number = Int(text) else {
          unmapped += cells
          continue
        }
        item.number = number
        name = .root / "number"
      case .code:
        item.code = text
        name = .root / "code"
      case .departments:
        item.departments = OrganizationWords.words(text)
        name = .root / "departments"
      case .sections:
        item.sections = OrganizationWords.words(text)
        name = .root / "sections"
      case .overview:
        item.overview = text
        name = .root / "overview"
      case .result, .plan:
        guard let year else {
          if field == .result {
            item.resultsSoFar = text
            name = .root / "resultsSoFar"
          } else {
            item.means = text
            name = .root / "means"
          }
          break
        }
        if item.years.isEmpty { item.years.append(ReformYear(fiscalYear: year)) }
        if field == .result { item.years[0].result = text } else { item.years[0].plan = text }
        name = .root / "years" / 0 / (field == .result ? "result" : "plan")
      }
      for cell in cells { traces.append((name, cell)) }
    }
    reportItems.append((item, traces))
    return true
  }

  private mutating func readContentsHeader(_ row: SourceRow) {
    var columns = ContentsColumns(number: 0, title: -1)
    for (column, cell) in row.cells.enumerated() where !cell.isEmpty {
      let key = LabelKey(cell.text)
      if Self.matches(key, keys.number) {
        columns.number = column
      } else if Self.matches(key, keys.itemTitle) {
        columns.title = column
      } else if Self.matches(key, keys.contentsSections) {
        columns.sections = column
      } else if Self.matches(key, keys.contentsPage) {
        columns.page = column
      } else {
        unmapped.append(cell)
        continue
      }
      labelCells.append(cell)
    }
    if columns.title > columns.number + 1 { columns.local = columns.number + 1 }
    contentsColumns = columns.title >= 0 ? columns : nil
  }

  private mutating func readContentsRow(_ row: SourceRow, cells: [SourceCell], folded: String) {
    if cells.count == 1, let heading = categoryHeading(JapaneseWidth.trimmed(folded)),
      let number = heading.number
    {
      let category = ProgramCategory(
        number: number, title: heading.title, declaredItemCount: heading.count)
      if heading.level == 1 {
        categories.append(category)
        let pointer = JSONPointer.root / "categories" / (categories.count - 1)
        categoryCells[pointer] = cells[0]
        trace(pointer, cells[0])
      } else if !categories.isEmpty {
        categories[categories.count - 1].categories.append(category)
        let top = categories.count - 1
        let pointer =
          JSONPointer.root / "categories" / top / "categories"
          / (categories[top].categories.count - 1)
        categoryCells[pointer] = cells[0]
        trace(pointer, cells[0])
      } else {
        unmapped += cells
      }
      return
    }
    guard let columns = contentsColumns,
      columns.number < row.cells.count,
      let number = Int(JapaneseWidth.fold(row.cells[columns.number].text))
    else {
      unmapped += cells
      return
    }
    func cell(_ column: Int?) -> SourceCell? {
      guard let column, column < row.cells.count, !row.cells[column].isEmpty else { return nil }
      return row.cells[column]
    }
    var entry = ContentsEntry(
      number: number, title: "", sections: [], categoryPath: currentCategoryPath, cells: [])
    var used: Set<Int> = []
    entry.cells.append((.root / "number", row.cells[columns.number]))
    used.insert(columns.number)
    if let local = cell(columns.local) {
      entry.localNumber = Int(JapaneseWidth.fold(local.text))
      entry.cells.append((.root / "localNumber", local))
      used.insert(local.index - 1)
    }
    if let title = cell(columns.title) {
      entry.title = JapaneseWidth.fold(title.text)
      entry.cells.append((.root / "title", title))
      used.insert(title.index - 1)
    }
    if let sections = cell(columns.sections) {
      entry.sections = OrganizationWords.words(JapaneseWidth.fold(sections.text))
      entry.cells.append((.root / "sections", sections))
      used.insert(sections.index - 1)
    }
    if let page = cell(columns.page) {
      entry.page = Int(JapaneseWidth.fold(page.text))
      entry.cells.append((.root / "page", page))
      used.insert(page.index - 1)
    }
    contents.append(entry)
    unmapped += cells.filter { !used.contains($0.index - 1) }
  }

  private var currentCategoryPath: [String] {
    guard let last = categories.last else { return [] }
    return [last.number] + (last.categories.last.map { [$0.number] } ?? [])
  }

  // MARK: - Item pages

  private mutating func startPage(_ row: SourceRow, number: Int) {
    inContents = false
    field = nil
    yearColumns = nil
    labelCells.append(row.cells[0])
    let numberCell = row.cells[1]
    var fragments: [(text: String, cell: SourceCell)] = []
    var titleCell = numberCell
    for cell in row.cells.dropFirst(2) where !cell.isEmpty {
      let folded = JapaneseWidth.fold(cell.text)
      let key = LabelKey(folded: folded)
      if fragments.isEmpty, titleCell == numberCell,
        let label = keys.itemTitle.first(where: { key.text.hasPrefix($0.text) })
      {
        titleCell = cell
        if let rest = LabelKey.text(of: folded, after: [label]), !rest.isEmpty {
          fragments.append((rest, cell))
        } else {
          labelCells.append(cell)
        }
        continue
      }
      fragments.append((folded, cell))
    }
    let title = assembleTitle(fragments, number: number)
    var page = Page(
      item: ReformItem(number: number, title: title), numberCell: numberCell,
      titleCell: fragments.first?.cell ?? titleCell)
    page.traces.append((.root / "number", numberCell))
    for fragment in fragments { page.traces.append((.root / "title", fragment.cell)) }
    pages.append(page)
  }

  /// The title from the cells after 取組項目名: cells the PDF swapped are put back in reading
  /// order, a sub-item marker written twice is written once, and a misread marker (`(工)` for
  /// `(エ)`) is repaired against the previous item's; each with a warning.
  private mutating func assembleTitle(_ fragments: [(text: String, cell: SourceCell)], number: Int)
    -> String
  {
    guard !fragments.isEmpty else { return "" }
    var ordered = fragments
    if fragments.count > 1, Self.leadingMarker(fragments[0].text) != nil,
      let plain = fragments.firstIndex(where: { Self.leadingMarker($0.text) == nil })
    {
      ordered =
        [fragments[plain]] + fragments.enumerated().filter { $0.offset != plain }.map(\.element)
      warn(
        .itemTitleCellsSwapped,
        "No.\(number): the title's cells are in the wrong order (the sub-item marker comes "
          + "first); read as 「\(ordered.map(\.text).joined(separator: " "))」", fragments[0].cell,
        fragments.map(\.text).joined(separator: " | "))
    }
    var title = ordered.map(\.text).joined(separator: " ")
    if let marker = Self.leadingMarker(title) {
      let rest = JapaneseWidth.trimmed(
        String(title.unicodeScalars.dropFirst(marker.unicodeScalars.count)))
      if rest.contains(marker) {
        warn(
          .itemTitleMarkerRepeated,
          "No.\(number): the title starts with \(marker), which it repeats later; the first is "
            + "dropped", ordered[0].cell, title)
        title = rest
      }
    }
    let context = pages.last.flatMap { Self.lastParenthesizedMarker($0.item.title) }
    let parse = ListMarkers.parse(title, context: context.map { [$0] } ?? [])
    for finding in parse.findings where finding.code == .ocrRepaired {
      warn(
        DiagnosticCode(finding.code), "No.\(number): " + finding.message, ordered[0].cell,
        finding.original)
    }
    var repaired = title
    for node in Self.flatten(parse.items) {
      guard let marker = node.marker, marker.written != marker.text else { continue }
      repaired = repaired.replacingFirst(marker.written, with: marker.text)
    }
    return repaired
  }

  private static func flatten(_ nodes: [ListNode]) -> [ListNode] {
    nodes.flatMap { [$0] + flatten($0.items) }
  }

  /// `(イ)` at the start of a title fragment.
  static func leadingMarker(_ text: String) -> String? {
    let scalars = Array(text.unicodeScalars)
    guard scalars.count >= 3, scalars[0] == "(", scalars[2] == ")" else { return nil }
    return String(String.UnicodeScalarView(scalars[0...2]))
  }

  /// The last `(ウ)` in a title, as the list context of the next item's title.
  private static func lastParenthesizedMarker(_ title: String) -> ListMarker? {
    let nodes = flatten(ListMarkers.parse(title).items)
    return nodes.last { $0.marker?.kind == .parenthesizedKatakana }?.marker
  }

  private mutating func readPageRow(
    _ row: SourceRow, cells: [SourceCell], first: SourceCell, folded: String, key: LabelKey
  ) {
    let index = pages.count - 1
    if Self.matches(key, keys.years) {
      labelCells.append(first)
      var plan: Int?
      var result: Int?
      for (column, cell) in row.cells.enumerated() where !cell.isEmpty && cell != first {
        let cellKey = LabelKey(cell.text)
        if keys.yearResult.contains(where: cellKey.contains) {
          result = column
        } else if keys.yearPlan.contains(where: cellKey.contains) {
          plan = column
        } else {
          unmapped.append(cell)
          continue
        }
        labelCells.append(cell)
      }
      if let plan, let result { yearColumns = (plan, result) }
      field = nil
      return
    }
    if let yearColumns, first.index == 1,
      let year = EraDates.parse(folded), year.kind == .fiscalYear,
      let fiscalYear = year.fiscalYearStart
    {
      readYearRow(row, fiscalYear: fiscalYear, columns: yearColumns, page: index)
      return
    }
    if let match = keys.fields.first(where: { Self.matches(key, $0.1) }) {
      labelCells.append(first)
      field = match.0
      fill(match.0, cells.filter { $0 != first }, page: index)
      return
    }
    if cells.count == 1, let heading = categoryHeading(JapaneseWidth.trimmed(folded)),
      let number = heading.number
    {
      readPageCategoryHeading(first, heading: (number, heading.title, heading.level == 1))
      return
    }
    if field == .organizations {
      fill(.organizations, cells, page: index)
      return
    }
    unmapped += cells
  }

  private mutating func readPageCategoryHeading(
    _ cell: SourceCell, heading: (number: String, title: String, isTop: Bool)
  ) {
    field = nil
    let isTop = heading.isTop
    var pointer: JSONPointer?
    var listed: String?
    if isTop, let index = categories.firstIndex(where: { $0.number == heading.number }) {
      pointer = .root / "categories" / index
      listed = categories[index].title
    } else if !isTop, let parent = pages.last?.item.categoryPath.first,
      let top = categories.firstIndex(where: { $0.number == parent })
    {
      // A sub-category heading between pages belongs to the category of the page before it,
      // unless a category heading came in between.
      let parentIndex = lastPageCategoryHeading ?? top
      if let sub = categories[parentIndex].categories.firstIndex(where: {
        $0.number == heading.number
      }) {
        pointer = .root / "categories" / parentIndex / "categories" / sub
        listed = categories[parentIndex].categories[sub].title
      }
    }
    guard let pointer, let listed else {
      warn(
        .contentsMissing,
        "the heading 「\(heading.number) \(heading.title)」 is not in the "
          + "contents", cell, cell.text)
      unmapped.append(cell)
      return
    }
    if isTop { lastPageCategoryHeading = pointer.index(at: 1) }
    if LabelKey(listed) != LabelKey(heading.title) {
      warn(
        .contentsTitleMismatch,
        "the contents call \(heading.number) 「\(listed)」, the heading on the pages "
          + "「\(heading.title)」; the contents' title is kept", cell, cell.text)
    }
    trace(pointer, cell)
  }

  private mutating func fill(_ field: Field, _ cells: [SourceCell], page index: Int) {
    guard !cells.isEmpty else { return }
    let folded = cells.map { JapaneseWidth.fold($0.text) }
    let joined = folded.joined(separator: " ")
    func traceAll(_ name: String) {
      for cell in cells { pages[index].traces.append((.root / name, cell)) }
    }
    switch field {
    case .overview:
      pages[index].item.overview = joined
      traceAll("overview")
    case .resultsSoFar:
      pages[index].item.resultsSoFar = joined
      traceAll("resultsSoFar")
    case .means:
      pages[index].item.means = joined
      traceAll("means")
    case .fiveYearGoal:
      pages[index].item.fiveYearGoal = joined
      traceAll("fiveYearGoal")
    case .planPosition(let plan):
      guard !keys.none.contains(LabelKey(folded: joined)) else {
        labelCells += cells
        return
      }
      let positions = PlanPositionReader.positions(plan: plan, text: joined)
      for position in positions where !PlanPositionReader.isRegular(position.path) {
        warn(
          .planPathIrregular,
          "No.\(pages[index].item.number ?? 0): the plan position "
            + "\(position.path.joined(separator: " ")) does not run 編・章・節; kept as written",
          cells.first, position.path.joined(separator: " "))
      }
      pages[index].item.planPositions += positions
      traceAll("planPositions")
    case .category:
      pages[index].item.categoryPath = Self.categoryPath(joined, categories: categories)
      traceAll("categoryPath")
    case .organizations:
      addOrganizations(cells, page: index)
    case .formText:
      unmapped += cells
    }
  }

  /// `(1) 将来を見据えた… ア ICTの活用による…` as `["(1)", "ア"]`: the path of the place the
  /// cell names, read as a plan position is.
  ///
  /// A sub-category's number written against its category's (`(1)ア`) belongs to the path too:
  /// after the category's number, a sub-category number the category has is looked for.
  static func categoryPath(_ folded: String, categories: [ProgramCategory]) -> [String] {
    var path = PlanPositionReader.positions(plan: "", text: folded).first?.path ?? []
    guard path.count == 1, let top = categories.first(where: { $0.number == path[0] }) else {
      return path
    }
    let text = JapaneseWidth.trimmed(folded)
    guard text.hasPrefix(path[0]) else { return path }
    let rest = JapaneseWidth.trimmed(
      String(text.unicodeScalars.dropFirst(path[0].unicodeScalars.count)))
    if let sub = top.categories.first(where: { rest.hasPrefix($0.number) }) {
      path.append(sub.number)
    }
    return path
  }

  /// Adds an item's departments and sections.
  ///
  /// They come as a cell of departments and one of sections, one cell with both (told apart by
  /// the mapping's department endings), or a `<table>` of department and section pairs. Rows
  /// repeating what is already there add nothing but their provenance.
  private mutating func addOrganizations(_ cells: [SourceCell], page index: Int) {
    var departments: [String] = []
    var sections: [String] = []
    // Two cells are departments then sections; one cell, or a table followed by its own cells
    // laid flat, are told apart by the words' endings.
    let hasTable = cells.contains { $0.blocks.contains(where: Self.isTable) }
    for (position, cell) in cells.enumerated() {
      var tableRows: [[String]] = []
      for case .table(let rows) in cell.blocks { tableRows += rows }
      if !tableRows.isEmpty {
        for row in tableRows {
          let words = row.map { JapaneseWidth.fold($0) }
          if let first = words.first { departments.append(first) }
          sections += words.dropFirst()
        }
        continue
      }
      let words = OrganizationWords.words(JapaneseWidth.fold(cell.text))
      if cells.count != 2 || hasTable {
        departments += words.filter(organizationWords.isDepartment)
        sections += words.filter { !organizationWords.isDepartment($0) }
      } else if position == 0 {
        departments += words
      } else {
        sections += words
      }
    }
    for department in departments where !pages[index].item.departments.contains(department) {
      pages[index].item.departments.append(department)
    }
    for section in sections where !pages[index].item.sections.contains(section) {
      pages[index].item.sections.append(section)
    }
    for (position, cell) in cells.enumerated() {
      let name =
        cells.count != 2 || hasTable
        ? "organizations" : position == 0 ? "departments" : "sections"
      if name == "organizations" {
        pages[index].traces.append((.root / "departments", cell))
        pages[index].traces.append((.root / "sections", cell))
      } else {
        pages[index].traces.append((.root / name, cell))
      }
    }
  }

  private static func isTable(_ block: CellBlock) -> Bool {
    if case .table = block { return true }
    return false
  }

  private mutating func readYearRow(
    _ row: SourceRow, fiscalYear: Int, columns: (plan: Int, result: Int), page index: Int
  ) {
    labelCells.append(row.cells[0])
    func cell(_ column: Int) -> SourceCell? {
      column < row.cells.count && !row.cells[column].isEmpty ? row.cells[column] : nil
    }
    var year = ReformYear(fiscalYear: fiscalYear)
    let yearIndex = pages[index].item.years.count
    if let plan = cell(columns.plan) {
      year.plan = JapaneseWidth.fold(plan.text)
      pages[index].traces.append((.root / "years" / yearIndex / "plan", plan))
    }
    let results = row.cells.dropFirst(columns.result).filter { !$0.isEmpty }
    if !results.isEmpty {
      year.result = results.map { JapaneseWidth.fold($0.text) }.joined(separator: " ")
      for cell in results {
        pages[index].traces.append((.root / "years" / yearIndex / "result", cell))
      }
      if results.count > 1 || results.first?.index != columns.result + 1 {
        warn(
          .yearResultSpansCells,
          "the result of No.\(pages[index].item.number ?? 0) for FY\(fiscalYear) spans "
            + "\(results.count) cells; they are joined", results.first,
          results.map(\.text).joined(separator: " | "))
      }
    }
    let used = Set([0, columns.plan]).union(results.map { $0.index - 1 })
    unmapped += row.cells.enumerated().filter { !$0.element.isEmpty && !used.contains($0.offset) }
      .map(\.element)
    pages[index].item.years.append(year)
  }

  // MARK: - Cross-checks and the document

  private mutating func finish() throws(MappingError) -> SheetReading {
    if let line = untitledItemLine {
      throw .incomplete(
        line: line,
        problem: "the item table's row at line \(line) has no title (nothing under "
          + (spec.itemTable?.columns.first { $0.field == .title }?.labels.joined(separator: "/")
            ?? "the title column")
          + "); a document may not hold an item without one")
    }
    if fiscalYear == nil, let found = spec.fiscalYear?.find(in: table) {
      fiscalYear = (found.year, found.text, found.cell)
    }
    guard let fiscalYear else {
      let shape =
        spec.fiscalYearWords.map { "a cover line such as 令和4年度末\($0)" }
        ?? spec.titleLine.map { "a title line matching \($0.source)" }
        ?? "the line program.fiscal-year looks for"
      throw .incomplete(
        line: nil,
        problem: "no fiscal year was found (\(shape))"
          + FiscalYearSource.advice(key: "program.fiscal-year"))
    }
    guard !pages.isEmpty || !reportItems.isEmpty else {
      throw .incomplete(
        line: nil,
        problem: "no item was found (an item page 'No. <number> "
          + "\(spec.labels.title.first ?? "")', an item line or an item-table row)")
    }
    var items: [ReformItem] = []
    let contentsByNumber = Dictionary(contents.map { ($0.number, $0) }) { first, _ in first }
    for page in pages {
      var item = page.item
      let pointer = JSONPointer.root / "items" / items.count
      if let number = item.number, let entry = contentsByNumber[number] {
        compare(page, with: entry)
        item.localNumber = entry.localNumber
        item.page = entry.page
        if item.categoryPath.isEmpty { item.categoryPath = entry.categoryPath }
        for (name, cell) in entry.cells { trace(pointer / name, cell) }
      } else if spec.contents != nil {
        warn(
          .contentsMissing, "No.\(item.number ?? 0) has a page but is not in the contents",
          page.numberCell, page.item.title)
      }
      for (name, cell) in page.traces { trace(pointer / name, cell) }
      items.append(item)
    }
    let paged = Set(pages.compactMap(\.item.number))
    for entry in contents where !paged.contains(entry.number) {
      // The contents list an item whose page is missing: the item is kept from the contents.
      let pointer = JSONPointer.root / "items" / items.count
      items.append(
        ReformItem(
          number: entry.number, localNumber: entry.localNumber, title: entry.title,
          categoryPath: entry.categoryPath, page: entry.page, sections: entry.sections))
      for (name, cell) in entry.cells { trace(pointer / name, cell) }
      warn(
        .itemPageMissing,
        "No.\(entry.number) is in the contents but has no page; it is kept from the contents",
        entry.cells.first?.cell, entry.title)
    }
    for (item, traces) in reportItems {
      let pointer = JSONPointer.root / "items" / items.count
      for (name, cell) in traces { trace(pointer / name, cell) }
      items.append(item)
    }
    if !contents.isEmpty { checkCounts(items) }
    for (pointer, cell) in progressCells { trace(pointer, cell) }

    var head: [ProvenanceEntry] = []
    if let cell = fiscalYear.cell {
      head.append(
        ProvenanceEntry(pointer: .root / "fiscalYear", position: cell.position, raw: cell.raw))
    }
    head.insert(
      contentsOf: titleCells.map {
        ProvenanceEntry(pointer: .root / "title", position: $0.position, raw: $0.raw)
      }, at: 0)
    provenance.insert(contentsOf: head, at: 0)
    let title = titleText ?? titleCells.map { JapaneseWidth.fold($0.text) }.joined(separator: " ")
    return SheetReading(
      title: title.isEmpty ? nil : title, fiscalYear: fiscalYear.year,
      fiscalYearText: fiscalYear.text, department: nil,
      body: .program(
        categories: categories, items: items, progress: progress.isEmpty ? nil : progress),
      warnings: warnings,
      unmapped: unmapped.map { UnmappedCell(position: $0.position, text: $0.raw) },
      provenance: provenance, labelCells: labelCells)
  }

  /// Warnings for each way the contents and the page disagree about one item.
  private mutating func compare(_ page: Page, with entry: ContentsEntry) {
    let item = page.item
    let titleCell = entry.cells.first { $0.pointer == .root / "title" }?.cell
    if LabelKey(item.title) != LabelKey(entry.title) {
      warn(
        .contentsTitleMismatch,
        "the contents and the item page give No.\(item.number ?? 0) different titles; the page's "
          + "「\(item.title)」 is kept", page.titleCell, entry.title)
    }
    if !item.categoryPath.isEmpty && item.categoryPath != entry.categoryPath {
      warn(
        .contentsCategoryMismatch,
        "the contents list No.\(item.number ?? 0) under \(entry.categoryPath.joined(separator: " ")), "
          + "its page under \(item.categoryPath.joined(separator: " ")); the page's is kept",
        page.numberCell, entry.categoryPath.joined(separator: " "))
    }
    let pageSections = Set(item.sections.map { LabelKey($0) })
    let listed = Set(entry.sections.map { LabelKey($0) })
    if !entry.sections.isEmpty && pageSections != listed {
      let onlyListed = entry.sections.filter { !pageSections.contains(LabelKey($0)) }
      let onlyPage = item.sections.filter { !listed.contains(LabelKey($0)) }
      var parts: [String] = []
      if !onlyListed.isEmpty {
        parts.append("only the contents name " + onlyListed.joined(separator: " "))
      }
      if !onlyPage.isEmpty {
        parts.append("only the page names " + onlyPage.joined(separator: " "))
      }
      warn(
        .contentsSectionsMismatch,
        "No.\(item.number ?? 0): the contents and the page name different sections (\(parts.joined(separator: "; "))); "
          + "the page's are kept",
        entry.cells.first { $0.pointer == .root / "sections" }?.cell ?? titleCell,
        entry.sections.joined(separator: " "))
    }
  }

  /// The declared counts (……20項目, （5項目）) against the items found.
  private mutating func checkCounts(_ items: [ReformItem]) {
    for (top, category) in categories.enumerated() {
      let pointer = JSONPointer.root / "categories" / top
      check(category, path: [category.number], pointer: pointer, items: items)
      for (sub, child) in category.categories.enumerated() {
        check(
          child, path: [category.number, child.number], pointer: pointer / "categories" / sub,
          items: items)
      }
    }
  }

  private mutating func check(
    _ category: ProgramCategory, path: [String], pointer: JSONPointer, items: [ReformItem]
  ) {
    guard let declared = category.declaredItemCount else { return }
    let listed = contents.filter { Array($0.categoryPath.prefix(path.count)) == path }.count
    let found = items.filter { Array($0.categoryPath.prefix(path.count)) == path }.count
    guard declared != listed || declared != found else { return }
    warn(
      .contentsCountMismatch,
      "\(path.joined(separator: " ")) \(category.title) declares \(declared) items; the contents "
        + "list \(listed) and the pages have \(found)", categoryCells[pointer], String(declared))
  }
}

extension String {
  /// The string with the first occurrence of `target` replaced.
  fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = firstRange(of: target) else { return self }
    var result = self
    result.replaceSubrange(range, with: replacement)
    return result
  }
}
