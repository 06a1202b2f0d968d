import GyoseiModel
import SourceReaders

/// A canonical document made from a source table, and how much of the table it accounts for.
public struct MappingResult: Sendable {
  public var document: Document
  public var report: MappingReport
}

/// Maps a source table to a canonical document with a mapping file.
public enum SheetMapper {
  /// Maps `table`, whose bytes have the SHA-256 `sha256`, with `mapping`.
  ///
  /// Every non-empty cell ends in a canonical field (traced in `provenance`), is one of the form's
  /// own labels, or is kept in `unmapped`; repairs and guesses are `warnings`.
  public static func map(
    _ table: SourceTable, sha256: String, format: SourceFormat, mapping: SheetMappingFile
  ) throws(MappingError) -> MappingResult {
    guard mapping.family == .objectiveSheet else {
      throw .incomplete(
        line: nil,
        problem: "mapping \(mapping.id) is of family \(mapping.family.rawValue), which gyosei "
          + "cannot read from sheets yet")
    }
    var reader = ObjectiveSheetReader(mapping: mapping, table: table)
    reader.readRows()
    var output = try reader.build()

    let claimed = Set(
      output.provenance.map { SourcePosition(line: $0.line, cell: $0.cell) }
        + output.unmapped.map { SourcePosition(line: $0.line, cell: $0.cell) }
        + output.labelCells.map { SourcePosition(line: $0.line, cell: $0.index) })
    for cell in table.cells
    where !claimed.contains(SourcePosition(line: cell.line, cell: cell.index)) {
      output.unmapped.append(UnmappedCell(line: cell.line, cell: cell.index, text: cell.raw))
    }
    output.unmapped.sort { ($0.line, $0.cell ?? 0) < ($1.line, $1.cell ?? 0) }
    output.warnings += duplicatedWordWarnings(table, skipping: output.labelCells)
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
        mapping: mapping.id),
      objectives: output.objectives, warnings: output.warnings, unmapped: output.unmapped,
      provenance: output.provenance)
    return MappingResult(document: document, report: report(table, document))
  }

  /// Counts the cells and characters that ended in fields, in `unmapped`, and nowhere.
  static func report(_ table: SourceTable, _ document: Document) -> MappingReport {
    let unmapped = Set(document.unmapped.map { SourcePosition(line: $0.line, cell: $0.cell) })
    var report = MappingReport()
    for cell in table.cells {
      let characters = cell.text.unicodeScalars.count
      report.cellsRead += 1
      report.characters += characters
      if unmapped.contains(SourcePosition(line: cell.line, cell: cell.index)) {
        report.cellsUnmapped += 1
        report.charactersUnmapped += characters
      } else {
        report.cellsMapped += 1
        report.charactersMapped += characters
      }
    }
    return report
  }

  private static func duplicatedWordWarnings(_ table: SourceTable, skipping labels: [SourceCell])
    -> [ConversionWarning]
  {
    let labelPositions = Set(labels.map { SourcePosition(line: $0.line, cell: $0.index) })
    var warnings: [ConversionWarning] = []
    for cell in table.cells
    where !labelPositions.contains(SourcePosition(line: cell.line, cell: cell.index)) {
      for finding in DuplicatedWords.find(in: cell.text) {
        warnings.append(
          ConversionWarning(
            code: "text.duplicated-word",
            message: "「\(finding.word)」 is written twice in a row, probably by the PDF "
              + "conversion; the text is kept as written",
            line: cell.line, cell: cell.index, original: finding.word + finding.word))
      }
    }
    return warnings
  }

  /// Warnings in source order (line, then cell), keeping the order of those at one place.
  private static func stableSorted(_ warnings: [ConversionWarning]) -> [ConversionWarning] {
    warnings.enumerated().sorted { left, right in
      let l = (left.element.line ?? 0, left.element.cell ?? 0, left.offset)
      let r = (right.element.line ?? 0, right.element.cell ?? 0, right.offset)
      return l < r
    }.map(\.element)
  }
}
