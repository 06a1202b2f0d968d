import SourceReaders
import Yams

/// The mapping files gyosei knows, and the choice of one for a source table.
///
/// The catalog takes the files' text, not paths: reading files is the command line's business.
public struct MappingCatalog: Sendable {
  /// The layout mappings, ordered by id, each decoded when first used (see `MappingSlot`).
  private var slots: [MappingSlot]
  /// The XML export layouts (files with `format: xml-export`), ordered by id.
  public private(set) var xmlExports: [XMLExportMapping]
  /// The character variants and city lexicons of the repair files (those with `variants` or
  /// `lexicons` instead of an `id`), merged; settable, since they belong to no layout.
  public var repairs: TextRepairs
  /// The form words of the vocabulary files (`draft-vocabulary:`), merged, for
  /// `MappingDraft`; conversion does not use them.
  public private(set) var vocabulary = DraftVocabulary()

  /// What recognition reads of each layout mapping, ordered by id.
  public var heads: [MappingHead] { slots.map(\.head) }

  /// Every layout mapping, decoded (those not yet used are decoded now).
  public var mappings: [SheetMappingFile] {
    get throws(MappingError) { try slots.map { slot throws(MappingError) in try slot.mapping() } }
  }

  /// Decodes mapping files given as (file name, YAML text) pairs.
  ///
  /// - Parameter deferring: the names of files known to decode (the built-in ones), whose
  ///   layout mappings are read only as far as their heads until they are used.
  public init(files: [(name: String, text: String)], deferring: Set<String> = [])
    throws(MappingError)
  {
    var slots: [MappingSlot] = []
    var xmlExports: [XMLExportMapping] = []
    var repairs = TextRepairs()
    var vocabulary = DraftVocabulary()
    for file in files {
      let deferred = deferring.contains(file.name)
      switch try Self.decode(file.text, file: file.name, headOnly: deferred) {
      case .head(let head):
        slots.append(MappingSlot(deferred: head, text: file.text, file: file.name))
      case .entry(.mapping(let mapping)): slots.append(MappingSlot(mapping, file: file.name))
      case .entry(.xmlExport(let mapping)): xmlExports.append(mapping)
      case .entry(.repairs(let more)): repairs = try repairs.merged(with: more, file: file.name)
      case .entry(.draftVocabulary(let more)): vocabulary = vocabulary.merged(with: more)
      case .entry(.comparison): continue
      }
    }
    self.repairs = repairs
    self.vocabulary = vocabulary
    slots.sort { $0.head.id < $1.head.id }
    xmlExports.sort { $0.id < $1.id }
    let ids = (slots.map(\.head.id) + xmlExports.map(\.id)).sorted()
    for (previous, next) in zip(ids, ids.dropFirst()) where previous == next {
      throw .invalidMapping(file: next, problem: "two mapping files have the id '\(next)'")
    }
    self.slots = slots
    self.xmlExports = xmlExports
  }

  /// This catalog with `other`'s layouts added, each replacing one of this catalog's with the
  /// same id (an edited copy of an installed file); the repairs stay this catalog's.
  public func overlaid(with other: MappingCatalog) -> MappingCatalog {
    let replaced = Set(other.slots.map(\.head.id) + other.xmlExports.map(\.id))
    var catalog = self
    catalog.slots = (slots.filter { !replaced.contains($0.head.id) } + other.slots)
      .sorted { $0.head.id < $1.head.id }
    catalog.xmlExports = (xmlExports.filter { !replaced.contains($0.id) } + other.xmlExports)
      .sorted { $0.id < $1.id }
    catalog.vocabulary = vocabulary.merged(with: other.vocabulary)
    return catalog
  }

  /// The XML export layout with `id`, if there is one.
  public func xmlExport(id: String) -> XMLExportMapping? {
    xmlExports.first { $0.id == id }
  }

  /// The XML export layout whose recognition expressions all match `export`.
  public func recognize(_ export: XMLExport) throws(MappingError) -> XMLExportMapping {
    for mapping in xmlExports {
      do {
        if try mapping.matches(export) { return mapping }
      } catch {
        throw .invalidMapping(file: mapping.id, problem: error.message)
      }
    }
    let root = export.root
    throw .unrecognizedExport(
      root: root.namespace.map { "{\($0)}\(root.name)" } ?? root.name,
      available: xmlExports.map(\.id))
  }

  /// The sheet mapping that reads the rows of an export laid out by `layout`: the one it names,
  /// or the one that recognizes the rows.
  public func sheetMapping(for table: SourceTable, layout: XMLExportMapping)
    throws(MappingError) -> SheetMappingFile
  {
    if let id = layout.readsAs { return try mapping(id: id) }
    return try recognize(table)
  }

  /// The mapping with `id`.
  public func mapping(id: String) throws(MappingError) -> SheetMappingFile {
    guard let slot = slots.first(where: { $0.head.id == id }) else {
      throw .unknownMapping(id: id, available: slots.map(\.head.id))
    }
    return try slot.mapping()
  }

  /// The mapping whose recognition labels all occur in `table`; otherwise an error naming the
  /// closest mapping and the labels it missed.
  ///
  /// When several match, the one with the most labels is the most specific and wins: a policy
  /// evaluation holds the three headers of an indicator table, and more.
  public func recognize(_ table: SourceTable) throws(MappingError) -> SheetMappingFile {
    // Every cell's key in one buffer, separated by a byte no key holds: each label is then
    // one search of the buffer rather than one per cell.
    let keys = LabelKey.keyBuffer(of: table.cells.map(\.text))
    var best: (mapping: MappingHead, found: Int, missing: [String])?
    var matched: MappingSlot?
    for slot in slots {
      let mapping = slot.head
      var found = 0
      var missing: [String] = []
      for label in mapping.recognize {
        var key = LabelKey(label).text
        let occurs =
          !key.isEmpty
          && key.withUTF8 { needle in
            keys.withUnsafeBufferPointer { ByteSearch.contains($0, needle) }
          }
        if occurs { found += 1 } else { missing.append(label) }
      }
      if missing.isEmpty {
        if mapping.recognize.count > matched?.head.recognize.count ?? 0 { matched = slot }
        continue
      }
      let share = Double(found) / Double(max(mapping.recognize.count, 1))
      let bestShare = best.map { Double($0.found) / Double(max($0.mapping.recognize.count, 1)) }
      if bestShare == nil || share > bestShare ?? 0 { best = (mapping, found, missing) }
    }
    if let matched { return try matched.mapping() }
    throw .unrecognized(
      closest: best?.mapping.id, family: best?.mapping.family.rawValue, found: best?.found ?? 0,
      missing: best?.missing ?? [])
  }

  /// What a file of `Mappings/` holds.
  public enum Entry: Sendable {
    case mapping(SheetMappingFile)
    case xmlExport(XMLExportMapping)
    case repairs(TextRepairs)
    /// The form words `gyosei mappings draft` looks for (`draft-vocabulary:`).
    case draftVocabulary(DraftVocabulary)
    /// A comparison catalog (themes, indicator concepts), which `gyosei load` reads and
    /// conversion does not.
    case comparison(ComparisonCatalogKind)
  }

  /// The two comparison catalogs a mappings directory holds beside its layouts.
  public enum ComparisonCatalogKind: Sendable {
    /// Theme rules (`themes:`).
    case themes
    /// Comparable indicators (`concepts:`).
    case concepts
  }

  /// One mapping or repair file, checked for keys it does not know before it is decoded: a
  /// misspelt key must not silently mean "not set".
  public static func decode(_ text: String, file: String) throws(MappingError) -> Entry {
    switch try decode(text, file: file, headOnly: false) {
    case .entry(let entry): return entry
    case .head(let head):
      return .mapping(try MappingSlot(deferred: head, text: text, file: file).mapping())
    }
  }

  /// What `decode` reads of a file: a layout mapping may be read only as far as its head.
  private enum Reading {
    case entry(Entry)
    case head(MappingHead)
  }

  /// - Parameter headOnly: for a layout mapping, read its head only (the file is known to
  ///   decode); should even that fail, the whole file is decoded for the error.
  private static func decode(_ text: String, file: String, headOnly: Bool)
    throws(MappingError) -> Reading
  {
    var root: Node?
    do {
      root = try YAMLChecks.compose(text)
      guard let node = root else {
        throw MappingError.invalidMapping(file: file, problem: "the file is empty")
      }
      if let problem = YAMLChecks.aliasExpansionProblem(in: node) {
        throw MappingError.invalidMapping(file: file, problem: problem)
      }
      if node["format"]?.string == "xml-export" {
        if let problem = YAMLChecks.unknownKey(
          in: node, path: "", allowed: XMLExportMapping.allowedKeys)
        {
          throw MappingError.invalidMapping(file: file, problem: problem)
        }
        return .entry(.xmlExport(try XMLExportMapping.decode(node, file: file)))
      }
      if node["id"] == nil, node["themes"] != nil {
        return .entry(.comparison(.themes))
      }
      if node["id"] == nil, node["concepts"] != nil {
        return .entry(.comparison(.concepts))
      }
      if node["id"] == nil, let words = node["draft-vocabulary"] {
        if let problem = YAMLChecks.unknownKey(
          in: node, path: "", allowed: ["": ["draft-vocabulary"]])
        {
          throw MappingError.invalidMapping(file: file, problem: problem)
        }
        return .entry(.draftVocabulary(try DraftVocabulary.decode(words, file: file)))
      }
      let isRepairs =
        node["id"] == nil && (node["variants"] != nil || node["lexicons"] != nil)
      if headOnly, !isRepairs, let head = try? YAMLDecoder().decode(MappingHead.self, from: node) {
        return .head(head)
      }
      if let problem = YAMLChecks.unknownKey(
        in: node, path: "", allowed: isRepairs ? repairKeys : allowedKeys)
      {
        throw MappingError.invalidMapping(file: file, problem: problem)
      }
      if isRepairs {
        let repairs = try YAMLDecoder().decode(TextRepairs.self, from: node)
        if let problem = repairs.problem {
          throw MappingError.invalidMapping(file: file, problem: problem)
        }
        return .entry(.repairs(repairs))
      }
      let mapping = try YAMLDecoder().decode(SheetMappingFile.self, from: node)
      if let problem = mapping.problem {
        throw MappingError.invalidMapping(
          file: file, problem: YAMLChecks.placed(problem, in: node))
      }
      return .entry(.mapping(mapping))
    } catch let error as MappingError {
      throw error
    } catch let error as DecodingError {
      throw .invalidMapping(file: file, problem: YAMLChecks.describe(error, in: root))
    } catch {
      throw .invalidMapping(file: file, problem: "not valid YAML: \(error)")
    }
  }

  private static let allowedKeys: [String: Set<String>] = [
    "": [
      "id", "family", "description", "municipality", "recognize", "sheet", "fields", "actions",
      "lines", "records", "evaluation", "program", "indicator-table", "project-table",
    ],
    "project-table": [
      "sheet", "code-scheme", "fiscal-year", "columns", "plan", "indicators", "years",
      "assessments", "directions", "details", "form-text",
    ],
    "project-table.fiscal-year": ["column", "era", "fixed"],
    "project-table.columns": Set(SheetMappingFile.ProjectField.allCases.map(\.rawValue)),
    "project-table.plan[]": ["level", "code", "name"],
    "project-table.indicators[]": ["kind", "label", "name", "unit", "value"],
    "project-table.years": [
      "first", "offsets", "fiscal-years", "kinds", "unit", "funding", "project-cost", "staff",
      "hours", "personnel-cost", "total-cost",
    ],
    "project-table.assessments[]": ["viewpoint", "grade", "reasoning"],
    "project-table.directions[]": ["label", "column"],
    "indicator-table": [
      "title", "columns", "code", "baseline", "direction", "year", "kinds", "directions",
    ],
    "indicator-table.columns": ["measure", "name", "unit"],
    "municipality": ["name", "prefecture", "code"],
    "sheet": ["title", "title-line", "contents", "contents-entry", "fiscal-year"],
    "sheet.fiscal-year": ["line", "file-name", "fixed"],
    "fields[]": ["field", "labels", "plan", "value"],
    "actions": ["columns", "number"],
    "actions.columns[]": ["field", "labels"],
    "lines[]": ["role", "pattern"],
    "records": ["columns"],
    "records.columns[]": ["field", "labels", "header"],
    "evaluation": [
      "title", "title-line", "fiscal-year", "headings", "code", "code-place", "reflection",
      "grade", "department-suffixes", "labels", "indicator-table",
    ],
    "evaluation.fiscal-year": ["line", "file-name", "fixed"],
    "evaluation.headings[]": ["level", "pattern", "in"],
    "evaluation.labels": [
      "situation", "basic-goal", "related-plans", "major-measures", "measure", "description",
      "organizations", "reflection", "grade", "activities", "sub-measures", "indicators",
      "indicator-name", "indicator-unit", "direction", "remarks", "form-text",
    ],
    "evaluation.indicator-table": ["baseline", "direction", "year", "kinds", "directions"],
    "program": [
      "title", "title-line", "fiscal-year", "contents", "department-suffixes", "none",
      "page-number", "categories", "lines", "item-table", "labels", "plan-positions",
    ],
    "program.categories[]": ["level", "pattern"],
    "program.lines[]": ["role", "pattern", "entry"],
    "program.item-table": ["columns"],
    "program.item-table.columns[]": ["field", "labels", "header"],
    "program.labels": [
      "number", "title", "contents-sections", "contents-page", "overview", "category",
      "organizations", "results-so-far", "means", "five-year-goal", "years", "year-plan",
      "year-result", "form-text",
    ],
    "program.plan-positions[]": ["plan", "labels"],
  ]

  private static let repairKeys: [String: Set<String>] = [
    "": ["variants", "lexicons"],
    "lexicons[]": ["municipality", "suspicious"],
    "lexicons[].suspicious[]": ["word", "likely"],
  ]

}

extension SheetMappingFile {
  /// What is wrong with a decoded mapping that its types cannot say, or nil.
  var problem: String? {
    if id.isEmpty { return "id: must not be empty" }
    if recognize.isEmpty { return "recognize: list at least one label" }
    switch family {
    case .objectiveSheet: return objectiveSheetProblem
    case .policyEvaluation:
      guard let evaluation else {
        return "evaluation: a policy-evaluation mapping needs this section"
      }
      return evaluation.problem
        ?? evaluation.indicatorTable?.problem.map {
          "evaluation.indicator-table.\($0)"
        }
    case .reformActionProgram:
      guard let program else {
        return "program: a reform-action-program mapping needs this section"
      }
      return program.problem
    case .indicatorTable:
      guard let columns = indicatorTable?.columns else {
        return "indicator-table: an indicator-table mapping needs this section"
      }
      for (name, labels) in [("measure", columns.measure), ("name", columns.name)]
      where labels.isEmpty {
        return "indicator-table.columns.\(name): list at least one label"
      }
      return indicatorTable?.values?.problem.map { "indicator-table.\($0)" }
    case .projectEvaluation:
      guard let projectTable else {
        return "project-table: a project-evaluation mapping needs this section"
      }
      return projectTable.problem.map { "project-table.\($0)" }
    }
  }

  private var objectiveSheetProblem: String? {
    if (sheet.title ?? "").isEmpty && sheet.titleLine == nil && sheet.fiscalYear == nil {
      return "sheet: give the title line (title or title-line), or where the fiscal year is "
        + "found (fiscal-year)"
    }
    if let pattern = sheet.titleLine, !pattern.declares("year"), sheet.fiscalYear == nil {
      return "sheet.title-line: the pattern needs a capture (?<year>…), or give sheet.fiscal-year"
    }
    if let problem = sheet.fiscalYear?.problem { return "sheet.fiscal-year: \(problem)" }
    if sheet.contents != nil {
      guard let entry = sheet.contentsEntry else {
        return "sheet.contents-entry: a pattern for the contents' entries, with (?<number>…) and "
          + "(?<title>…) captures, is needed with sheet.contents"
      }
      for capture in ["number", "title"] where !entry.declares(capture) {
        return "sheet.contents-entry: the pattern needs a capture (?<\(capture)>…)"
      }
    }
    for (index, rule) in lines.enumerated() {
      if let problem = rule.problem { return "lines[\(index)]: \(problem)" }
      if rule.role == .department && !rule.pattern.declares("department")
        && !rule.pattern.declares("section")
      {
        return "lines[\(index)]: a department line's pattern needs (?<department>…) or "
          + "(?<section>…)"
      }
    }
    if let records {
      for (index, column) in records.columns.enumerated() {
        if let problem = column.problem { return "records.columns[\(index)]: \(problem)" }
      }
      if !records.columns.contains(where: { $0.field == .objective }) {
        return "records.columns: an objective column (the title) is needed"
      }
    }
    if let number = actions.number, !number.declares("marker") {
      return "actions.number: the pattern needs a capture (?<marker>…)"
    }
    for (index, field) in fields.enumerated() {
      if let value = field.value, !value.declares("value") {
        return "fields[\(index)].value: the pattern needs a capture (?<value>…)"
      }
    }
    let formStyle = !fields.isEmpty
    guard formStyle else {
      if lines.isEmpty && records == nil {
        return "an objective-sheet mapping reads objectives by fields (a form per objective), "
          + "lines (a list) or records (a table)"
      }
      return nil
    }
    if !fields.contains(where: { $0.field == .objective }) {
      return "fields: an objective field is needed, its label starts each sheet"
    }
    for (index, field) in fields.enumerated() {
      if field.labels.isEmpty { return "fields[\(index)].labels: list at least one label" }
      if field.field == .planPosition && (field.plan ?? "").isEmpty {
        return "fields[\(index)].plan: a plan-position field names its plan"
      }
    }
    let roles = Set(actions.columns.map(\.field))
    for role in [ColumnRole.title, .schedule] where !roles.contains(role) && !roles.isEmpty {
      return "actions.columns: a '\(role.rawValue)' column is needed"
    }
    return nil
  }
}
