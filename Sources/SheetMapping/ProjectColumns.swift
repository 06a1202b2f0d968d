import GyoseiModel
import SourceReaders

/// The columns of a project table, found once in its header row: each name of the mapping
/// resolved to one column, and the yearly blocks with the columns inside each.
///
/// A name matches a header as labels do (`LabelKey`: equal, or followed by an explanation in
/// brackets); with a `…`, the header starts with what comes before it and ends with what comes
/// after (`この事務事業の目的は…`, `⑤活動指標…ア:名称`). The project's own columns are looked for
/// outside the yearly blocks, the cost and value columns inside each block; a name that fits
/// no column, or several, is an error naming the header's line and what to write instead.
struct ProjectColumns {
  /// One yearly block: which it is, its year, and its columns.
  struct Block {
    var index: Int
    /// The block's fiscal year relative to the table's (when declared by offsets).
    var offset: Int
    /// The block's fiscal year (when declared as years).
    var fiscalYear: Int?
    var kind: ProjectCost.Kind
    var funding: [Int?]
    var projectCost: Int?
    var staff: Int?
    var hours: Int?
    var personnelCost: Int?
    var totalCost: Int?
  }

  struct IndicatorColumns {
    var name: Int
    var unit: Int?
    /// The value column of each block.
    var values: [Int?]
  }

  struct AssessmentColumns {
    var grade: Int?
    var reasoning: Int?
  }

  private(set) var fields: [SheetMappingFile.ProjectField: Int] = [:]
  private(set) var fiscalYear: Int?
  private(set) var plan: [(code: [Int], name: Int?)] = []
  private(set) var indicators: [IndicatorColumns] = []
  private(set) var blocks: [Block] = []
  private(set) var assessments: [AssessmentColumns] = []
  private(set) var directions: [Int] = []
  private(set) var details: [(label: String, column: Int)] = []

  private let headers: [(column: Int, key: LabelKey, cell: SourceCell)]
  private let line: Int
  private var spans: [Range<Int>] = []

  /// Whether a row is the table's header: it names the code and the name columns.
  static func isHeader(_ row: SourceRow, _ spec: SheetMappingFile.ProjectTableSpec) -> Bool {
    guard let code = spec.columns[.code], let name = spec.columns[.name] else { return false }
    let keys = row.nonEmptyCells.map { LabelKey($0.text) }
    return keys.contains { matches($0, code) } && keys.contains { matches($0, name) }
  }

  init(header: SourceRow, spec: SheetMappingFile.ProjectTableSpec) throws(MappingError) {
    headers = header.nonEmptyCells.map { ($0.index, LabelKey($0.text), $0) }
    line = header.line
    if let years = spec.years { try findBlocks(years) }
    for field in SheetMappingFile.ProjectField.allCases {
      guard let label = spec.columns[field] else { continue }
      fields[field] = try find(label, for: "columns.\(field.rawValue)")
    }
    if let column = spec.fiscalYear.column {
      fiscalYear = try find(column, for: "fiscal-year.column")
    }
    for (index, level) in spec.plan.enumerated() {
      var codes: [Int] = []
      for label in level.code { codes.append(try find(label, for: "plan[\(index)].code")) }
      plan.append(
        (
          codes,
          try level.name.map { label throws(MappingError) in
            try find(label, for: "plan[\(index)].name")
          }
        ))
    }
    for (index, indicator) in spec.indicators.enumerated() {
      let what = "indicators[\(index)]"
      var values: [Int?] = []
      if let value = indicator.value {
        for block in spans.indices {
          values.append(try find(value, for: "\(what).value", in: block))
        }
      }
      indicators.append(
        IndicatorColumns(
          name: try find(indicator.name, for: "\(what).name"),
          unit: try indicator.unit.map { label throws(MappingError) in
            try find(label, for: "\(what).unit")
          },
          values: values))
    }
    for (index, assessment) in spec.assessments.enumerated() {
      let what = "assessments[\(index)]"
      assessments.append(
        AssessmentColumns(
          grade: try assessment.grade.map { label throws(MappingError) in
            try find(label, for: "\(what).grade")
          },
          reasoning: try assessment.reasoning.map { label throws(MappingError) in
            try find(label, for: "\(what).reasoning")
          }))
    }
    for (index, direction) in spec.directions.enumerated() {
      directions.append(try find(direction.column, for: "directions[\(index)].column"))
    }
    for (index, label) in spec.details.enumerated() {
      let column = try find(label, for: "details[\(index)]")
      details.append((headers.first { $0.column == column }?.key.text ?? label, column))
    }
  }

  /// The yearly blocks: each opens with a column headed `years.first`, and runs to the next
  /// (the last as wide as the one before it).
  private mutating func findBlocks(_ years: SheetMappingFile.YearBlocksSpec)
    throws(MappingError)
  {
    let first = LabelKey(years.first)
    let starts = headers.filter { $0.key == first }.map(\.column)
    guard starts.count == years.count else {
      throw .incomplete(
        line: line,
        problem: "the mapping declares \(years.count) yearly blocks opening with "
          + "\(Self.quoted(years.first)), but the header row has \(starts.count) such "
          + "columns"
          + (starts.isEmpty ? "" : " (\(starts.map(Self.letters).joined(separator: ", ")))")
          + "; correct years.offsets (or years.fiscal-years) or years.first")
    }
    let width =
      starts.count > 1 ? starts[1] - starts[0] : (headers.last?.column ?? starts[0]) + 1 - starts[0]
    for (index, start) in starts.enumerated() {
      let end = index + 1 < starts.count ? starts[index + 1] : start + width
      spans.append(start..<end)
    }
    for index in spans.indices {
      let what = "years"
      var block = Block(
        index: index, offset: years.offsets?[index] ?? 0,
        fiscalYear: years.fiscalYears.flatMap { FiscalYearSource.fiscalYear($0[index]) },
        kind: years.kinds?[index] ?? .actual, funding: [])
      for label in years.funding {
        block.funding.append(try find(label, for: "\(what).funding", in: index))
      }
      func optional(_ label: String?, _ key: String) throws(MappingError) -> Int? {
        guard let label else { return nil }
        return try find(label, for: "\(what).\(key)", in: index)
      }
      block.projectCost = try optional(years.projectCost, "project-cost")
      block.staff = try optional(years.staff, "staff")
      block.hours = try optional(years.hours, "hours")
      block.personnelCost = try optional(years.personnelCost, "personnel-cost")
      block.totalCost = try optional(years.totalCost, "total-cost")
      blocks.append(block)
    }
  }

  /// The one column `label` names: outside the blocks, or inside block `block`.
  private func find(_ label: String, for key: String, in block: Int? = nil)
    throws(MappingError) -> Int
  {
    let candidates = headers.filter { header in
      let inside =
        block.map { spans[$0].contains(header.column) }
        ?? !spans.contains { $0.contains(header.column) }
      return inside && Self.matches(header.key, label)
    }
    let place =
      block.map { "the yearly block \($0 + 1) (columns \(Self.range(spans[$0])))" }
      ?? "the header row"
    if candidates.count == 1 { return candidates[0].column }
    let exact = candidates.filter { $0.key == LabelKey(label) }
    if exact.count == 1 { return exact[0].column }
    if candidates.isEmpty {
      let near = Self.near(label, headers.map(\.cell))
      throw .incomplete(
        line: line,
        problem: "\(key): \(place) has no column headed \(Self.quoted(label))"
          + (near.isEmpty ? "" : "; headers that come close: " + near.joined(separator: ", "))
          + ". Write the header as the sheet prints it, or its start and end around … "
          + "(⑤活動指標…ア:名称)")
    }
    throw .incomplete(
      line: line,
      problem: "\(key): \(Self.quoted(label)) names \(candidates.count) columns of \(place) ("
        + candidates.map { "\(Self.letters($0.column)) \(Self.quoted($0.key.text))" }
        .joined(separator: ", ") + "); write more of the header")
  }

  /// Whether a header key is the column a mapping's name names.
  static func matches(_ key: LabelKey, _ label: String) -> Bool {
    if let ellipsis = label.firstIndex(of: "…") {
      let start = LabelKey(String(label[..<ellipsis])).text
      let end = LabelKey(String(label[label.index(after: ellipsis)...])).text
      return key.text.unicodeScalars.count >= start.unicodeScalars.count + end.unicodeScalars.count
        && key.text.hasPrefix(start) && key.text.hasSuffix(end)
    }
    let wanted = LabelKey(label)
    return key == wanted || key.isLabel(wanted)
  }

  /// Headers that share the start of `label` (its first three characters, as keys compare).
  static func near(_ label: String, _ cells: [SourceCell]) -> [String] {
    let start = String(LabelKey(label).text.unicodeScalars.prefix(3))
    guard !start.isEmpty else { return [] }
    return cells.filter { LabelKey($0.text).text.hasPrefix(start) }.prefix(5).map {
      "\(letters($0.index)) \(quoted(LabelKey($0.text).text))"
    }
  }

  static func quoted(_ label: String) -> String { "「\(label)」" }

  /// A column's letters, as a spreadsheet names it (8 is H, 28 is AB).
  static func letters(_ column: Int) -> String {
    var number = column
    var scalars: [Unicode.Scalar] = []
    while number > 0 {
      let remainder = (number - 1) % 26
      scalars.insert(Unicode.Scalar(UInt8(65 + remainder)), at: 0)
      number = (number - 1) / 26
    }
    return String(String.UnicodeScalarView(scalars))
  }

  static func range(_ span: Range<Int>) -> String {
    "\(letters(span.lowerBound))–\(letters(span.upperBound - 1))"
  }
}
