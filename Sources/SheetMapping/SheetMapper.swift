import GyoseiModel
import SourceReaders

/// A canonical document made from a source table, and how much of the table it accounts for.
public struct MappingResult: Sendable {
  public var document: Document
  public var report: MappingReport
}

/// What a family's reader makes of a table: the document's parts and every cell accounted for.
struct SheetReading {
  /// A family's body.
  enum Body {
    case objectives([Objective])
    case evaluation(goals: [PolicyGoal], measures: [Measure])
    case program(categories: [ProgramCategory], items: [ReformItem], progress: ProgressSummary?)
    case indicators([IndicatorSet])
    case projects([Project])
  }

  var title: String?
  var fiscalYear: Int
  var fiscalYearText: String?
  var department: String?
  var body: Body
  var warnings: [ConversionWarning]
  var unmapped: [UnmappedCell]
  var provenance: [ProvenanceEntry]
  /// Cells that are the form's own printed text (labels, headers, separators).
  var labelCells: [SourceCell]
  /// Whether the text may come from a PDF extraction (whose artefacts are warned about);
  /// false for layouts that only spreadsheets hold.
  var textMayBeExtracted = true
}

/// Maps a source table to a canonical document with a mapping file.
public enum SheetMapper {
  /// Maps `table`, whose bytes have the SHA-256 `sha256`, with `mapping`.
  ///
  /// Every non-empty cell ends in a canonical field (traced in `provenance`), is one of the form's
  /// own labels, or is kept in `unmapped`; repairs and guesses are `warnings`.
  ///
  /// `repairs` are applied first: variant characters are replaced and the city's doubtful words
  /// flagged, each with a warning. `layout` names the XML export layout the table was laid out
  /// by, if any; the document's source records it before the sheet mapping's id.
  public static func map(
    _ table: SourceTable, sha256: String, format: SourceFormat, mapping: SheetMappingFile,
    repairs: TextRepairs = TextRepairs(), layout: String? = nil
  ) throws(MappingError) -> MappingResult {
    let repaired = TextRepairer(repairs, municipality: mapping.municipality.code).repair(table)
    let table = repaired.table
    var output: SheetReading
    switch mapping.family {
    case .objectiveSheet:
      var reader = ObjectiveSheetReader(mapping: mapping, table: table)
      reader.readRows()
      output = try reader.build()
    case .policyEvaluation:
      guard let spec = mapping.evaluation else {
        throw .invalidMapping(file: mapping.id, problem: "evaluation: section missing")
      }
      var reader = PolicyEvaluationReader(spec: spec, mappingID: mapping.id, table: table)
      output = try reader.read()
    case .reformActionProgram:
      guard let spec = mapping.program else {
        throw .invalidMapping(file: mapping.id, problem: "program: section missing")
      }
      var reader = ReformProgramReader(
        spec: spec, table: table, municipality: mapping.municipality.name)
      output = try reader.read()
    case .indicatorTable:
      guard let spec = mapping.indicatorTable else {
        throw .invalidMapping(file: mapping.id, problem: "indicator-table: section missing")
      }
      var reader = IndicatorTableReader(spec: spec, table: table)
      output = try reader.read()
    case .projectEvaluation:
      guard let spec = mapping.projectTable else {
        throw .invalidMapping(file: mapping.id, problem: "project-table: section missing")
      }
      var reader = ProjectTableReader(spec: spec, table: table)
      output = try reader.read()
    }
    output.warnings += repaired.warnings
    output.warnings += hiddenCellWarnings(table)
    output.warnings += swallowingQuoteWarnings(table)
    for replacement in table.replacements {
      output.warnings.append(
        ConversionWarning(
          .encodingReplaced,
          message: "\(replacement.hex) at byte offset \(replacement.offset) does not decode as "
            + "\(table.encoding); replaced with U+FFFD",
          at: SourcePosition(line: replacement.line, cell: replacement.cell),
          original: replacement.hex))
    }

    let claimed = Set(
      output.provenance.map(\.position) + output.unmapped.map(\.position)
        + output.labelCells.map(\.position))
    for cell in table.cells where !claimed.contains(cell.position) {
      output.unmapped.append(UnmappedCell(position: cell.position, text: cell.raw))
    }
    output.unmapped.sort { $0.position < $1.position }
    // Words written twice are a PDF extraction's artefact (and stay so in a table made from
    // the extracted text); in a workbook, or a table the city keeps as one, they are its own
    // words (一人一人, ますます).
    if format != .xlsxWorkbook && output.textMayBeExtracted {
      output.warnings += duplicatedWordWarnings(table, skipping: output.labelCells)
    }
    output.warnings = stableSorted(output.warnings)

    let document = Document(
      id: "\(mapping.municipality.code.digits)-\(mapping.family.rawValue)-\(output.fiscalYear)-"
        + String(sha256.prefix(12)),
      family: mapping.family, title: output.title,
      municipality: Municipality(
        name: mapping.municipality.name, prefecture: mapping.municipality.prefecture,
        code: mapping.municipality.code),
      fiscalYear: output.fiscalYear, fiscalYearText: output.fiscalYearText,
      organization: output.department.map { Organization(department: $0) },
      source: SourceInfo(
        fileName: table.fileName, sha256: sha256, format: format, encoding: table.encoding,
        mapping: layout.map { "\($0)/\(mapping.id)" } ?? mapping.id, sheet: table.sheet),
      warnings: output.warnings, unmapped: output.unmapped, provenance: output.provenance)
    var body = document
    switch output.body {
    case .objectives(let objectives): body.objectives = objectives
    case .evaluation(let goals, let measures):
      body.goals = goals
      body.measures = measures
    case .program(let categories, let items, let progress):
      body.categories = categories
      body.items = items
      body.progress = progress
    case .indicators(let sets): body.indicatorSets = sets
    case .projects(let projects): body.projects = projects
    }
    return MappingResult(document: body, report: report(table, body))
  }

  /// Counts the cells and characters that ended in fields, in `unmapped`, and nowhere.
  static func report(_ table: SourceTable, _ document: Document) -> MappingReport {
    let unmapped = Set(document.unmapped.map(\.position))
    var report = MappingReport()
    for cell in table.cells {
      let characters = cell.text.unicodeScalars.count
      report.cellsRead += 1
      report.characters += characters
      if unmapped.contains(cell.position) {
        report.cellsUnmapped += 1
        report.charactersUnmapped += characters
      } else {
        report.cellsMapped += 1
        report.charactersMapped += characters
      }
    }
    return report
  }

  /// A quoted field that swallowed what look like rows: the rows inside became one cell, so
  /// records may be missing, and the user is told where the quote opened.
  private static func swallowingQuoteWarnings(_ table: SourceTable) -> [ConversionWarning] {
    table.swallowingQuotes.map { quote in
      let cell = table.rows.first { $0.line == quote.row }?.cells.first { $0.index == quote.column }
      return ConversionWarning(
        .tableQuoteSpansRows,
        message: "a quoted field opens at line \(quote.line) of the file (row \(quote.row), column "
          + "\(quote.column)) and runs over \(quote.lineBreaks) line breaks, \(quote.rowLikeLines) "
          + "of them followed by what looks like a row: if a \" is not closed there, the rows "
          + "after it became one cell; close it (a \" inside a field is written \"\")",
        at: SourcePosition(line: quote.row, cell: quote.column),
        original: String((cell?.raw ?? "").prefix(200)))
    }
  }

  /// A warning for each hidden row and column of a workbook that holds cells: hidden is not
  /// deleted, so they are read, and said to be.
  private static func hiddenCellWarnings(_ table: SourceTable) -> [ConversionWarning] {
    var warnings: [ConversionWarning] = []
    let hiddenRows = Set(table.hiddenRows)
    for row in table.rows where hiddenRows.contains(row.line) {
      let cells = row.nonEmptyCells
      guard let first = cells.first else { continue }
      warnings.append(
        ConversionWarning(
          .sheetHiddenCells,
          message: "row \(row.line) is hidden in the workbook; its \(cells.count) cells were read "
            + "like the others",
          at: first.position, original: first.raw))
    }
    for column in Set(table.hiddenColumns).sorted() {
      let cells = table.rows.compactMap { row in
        row.cells.first { $0.index == column && !$0.isEmpty }
      }
      guard let first = cells.first else { continue }
      warnings.append(
        ConversionWarning(
          .sheetHiddenCells,
          message: "column \(column) is hidden in the workbook; its \(cells.count) cells were "
            + "read like the others",
          at: first.position, original: first.raw))
    }
    return warnings
  }

  private static func duplicatedWordWarnings(_ table: SourceTable, skipping labels: [SourceCell])
    -> [ConversionWarning]
  {
    let labelPositions = Set(labels.map(\.position))
    var warnings: [ConversionWarning] = []
    for cell in table.cells where !labelPositions.contains(cell.position) {
      for finding in DuplicatedWords.find(in: cell.text) {
        warnings.append(
          ConversionWarning(
            .textDuplicatedWord,
            message: "「\(finding.word)」 is written twice in a row, probably by the PDF "
              + "conversion; the text is kept as written",
            at: cell.position, original: finding.word + finding.word))
      }
    }
    return warnings
  }

  /// Warnings in source order (line, then cell), keeping the order of those at one place.
  private static func stableSorted(_ warnings: [ConversionWarning]) -> [ConversionWarning] {
    warnings.enumerated().sorted { left, right in
      let l = (left.element.position?.line ?? 0, left.element.position?.cell ?? 0, left.offset)
      let r = (right.element.position?.line ?? 0, right.element.position?.cell ?? 0, right.offset)
      return l < r
    }.map(\.element)
  }
}
