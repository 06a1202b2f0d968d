import EraDates
import GyoseiModel
import JapaneseWidth
import SourceReaders

/// Reads an indicator table (評価指標一覧): a title line with the fiscal year, a header row, and
/// a row per indicator with its 施策番号, name, unit and a value per fiscal-year column.
///
/// Columns are found by their headers, so their order does not matter; year columns are the
/// headers EraDates reads as one fiscal year (平成30年度, 令和元年度, R2年度, H30年度). A row
/// whose 施策番号 is empty continues the 施策 above it (a merged cell, as spreadsheets export
/// them), with a warning.
struct IndicatorTableReader {
  private let spec: SheetMappingFile.IndicatorTableSpec
  private let table: SourceTable
  private let measureKeys: [LabelKey]
  private let nameKeys: [LabelKey]
  private let unitKeys: [LabelKey]

  private var columns: (measure: Int, name: Int, unit: Int, years: [(Int, Int)])?
  private var titleCell: (cell: SourceCell, text: String, year: Int, yearText: String)?
  private var sets: [IndicatorSet] = []
  private var previousMeasure: SourceCell?
  private var warnings: [ConversionWarning] = []
  private var unmapped: [SourceCell] = []
  private var labelCells: [SourceCell] = []
  private var provenance: [ProvenanceEntry] = []

  init(spec: SheetMappingFile.IndicatorTableSpec, table: SourceTable) {
    self.spec = spec
    self.table = table
    measureKeys = spec.columns.measure.map(LabelKey.init(_:))
    nameKeys = spec.columns.name.map(LabelKey.init(_:))
    unitKeys = spec.columns.unit.map(LabelKey.init(_:))
  }

  mutating func read() throws(MappingError) -> SheetReading {
    for row in table.rows where !row.nonEmptyCells.isEmpty {
      if columns == nil {
        if !readHeader(row) { readBeforeHeader(row) }
      } else {
        readIndicatorRow(row)
      }
    }
    guard let columns else {
      throw .incomplete(
        line: nil,
        problem: "no header row names the 施策番号, 指標名 and 単位 columns ("
          + [spec.columns.measure, spec.columns.name, spec.columns.unit].map {
            $0.joined(separator: "/")
          }.joined(separator: ", ") + ")")
    }
    var fiscalYear: (year: Int, text: String?)
    if let titleCell {
      fiscalYear = (titleCell.year, titleCell.yearText)
      provenance.insert(
        ProvenanceEntry(
          pointer: .root / "fiscalYear", position: titleCell.cell.position,
          raw: titleCell.cell.raw), at: 0)
      provenance.insert(
        ProvenanceEntry(
          pointer: .root / "title", position: titleCell.cell.position,
          raw: titleCell.cell.raw), at: 0)
    } else if let last = columns.years.map(\.1).max() {
      fiscalYear = (last, nil)
      warnings.append(
        ConversionWarning(
          .tableFiscalYearAssumed,
          message: "no title line names the table's fiscal year; the last year column "
            + "(\(last)) is taken"))
    } else {
      throw .incomplete(
        line: nil, problem: "the table names no fiscal year: neither a title line nor year columns")
    }
    return SheetReading(
      title: titleCell?.text, fiscalYear: fiscalYear.year, fiscalYearText: fiscalYear.text,
      department: nil, body: .indicators(sets), warnings: warnings,
      unmapped: unmapped.map { UnmappedCell(position: $0.position, text: $0.raw) },
      provenance: provenance, labelCells: labelCells)
  }

  private static func matches(_ cell: SourceCell, _ keys: [LabelKey]) -> Bool {
    let key = LabelKey(cell.text)
    return keys.contains { key.isLabel($0) }
  }

  /// Takes `row` as the header when it names the three columns.
  private mutating func readHeader(_ row: SourceRow) -> Bool {
    let cells = row.nonEmptyCells
    guard let measure = cells.first(where: { Self.matches($0, measureKeys) }),
      let name = cells.first(where: { Self.matches($0, nameKeys) }),
      let unit = cells.first(where: { Self.matches($0, unitKeys) })
    else { return false }
    var years: [(Int, Int)] = []
    for cell in cells where cell != measure && cell != name && cell != unit {
      if let year = IndicatorValues.fiscalYear(cell) {
        years.append((cell.index, year))
        labelCells.append(cell)
      } else {
        unmapped.append(cell)
      }
    }
    labelCells += [measure, name, unit]
    columns = (measure.index, name.index, unit.index, years)
    return true
  }

  /// Above the header: the title line (the first cell naming a fiscal year, and the mapping's
  /// title words if it has them); anything else is unmapped.
  private mutating func readBeforeHeader(_ row: SourceRow) {
    for cell in row.nonEmptyCells {
      let folded = JapaneseWidth.fold(cell.text)
      if titleCell == nil, spec.title.map({ LabelKey(folded).contains(LabelKey($0)) }) ?? true,
        let year = EraDates.extract(folded).first(where: { $0.kind == .fiscalYear }),
        let start = year.fiscalYearStart
      {
        titleCell = (cell, JapaneseWidth.trimmed(folded), start, year.raw)
      } else {
        unmapped.append(cell)
      }
    }
  }

  private mutating func readIndicatorRow(_ row: SourceRow) {
    guard let columns else { return }
    func cell(_ index: Int) -> SourceCell? {
      row.cells.first { $0.index == index && !$0.isEmpty }
    }
    var used: Set<Int> = []
    guard let nameCell = cell(columns.name) else {
      unmapped += row.nonEmptyCells
      return
    }
    let measureCell: SourceCell
    if let written = cell(columns.measure) {
      measureCell = written
    } else if let previous = previousMeasure {
      measureCell = previous
      warnings.append(
        ConversionWarning(
          .indicatorMeasureCarried,
          message: "no 施策番号 in this row (a merged cell?); the indicator is taken as "
            + "\(JapaneseWidth.fold(previous.text))'s, from the row above",
          at: SourcePosition(line: row.line, cell: columns.measure)))
    } else {
      warnings.append(
        ConversionWarning(
          .indicatorMeasureMissing,
          message: "an indicator without a 施策番号 and none above it; kept as unmapped",
          at: SourcePosition(line: row.line, cell: nameCell.index), original: nameCell.text))
      unmapped += row.nonEmptyCells
      return
    }
    let code = JapaneseWidth.trimmed(JapaneseWidth.fold(measureCell.text))
    guard code.utf8.count == 7, code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
      warnings.append(
        ConversionWarning(
          .indicatorMeasureInvalid,
          message: "施策番号 \(code) is not seven digits; the row is kept as unmapped",
          at: measureCell.position, original: measureCell.text))
      unmapped += row.nonEmptyCells
      return
    }
    previousMeasure = measureCell
    used.insert(measureCell.index)
    used.insert(nameCell.index)
    let setIndex: Int
    if let existing = sets.firstIndex(where: { $0.measure == code }) {
      setIndex = existing
    } else {
      setIndex = sets.count
      sets.append(IndicatorSet(measure: code))
      trace(.root / "indicatorSets" / setIndex / "measure", measureCell)
    }
    let pointer =
      JSONPointer.root / "indicatorSets" / setIndex / "indicators" / sets[setIndex].indicators.count
    let unitCell = cell(columns.unit)
    let unit = unitCell.map { JapaneseWidth.trimmed(JapaneseWidth.fold($0.text)) }
    var indicator = Indicator(
      name: JapaneseWidth.trimmed(JapaneseWidth.fold(nameCell.text)), unit: unit)
    trace(pointer / "name", nameCell)
    if let unitCell {
      used.insert(unitCell.index)
      trace(pointer / "unit", unitCell)
    }
    for (column, year) in columns.years {
      guard let valueCell = cell(column) else { continue }
      used.insert(column)
      let read = IndicatorValues.observation(valueCell, fiscalYear: year, unit: unit)
      for warning in read.warnings {
        warnings.append(
          ConversionWarning(
            DiagnosticCode(warning.code), message: warning.message, at: valueCell.position,
            original: warning.original))
      }
      trace(pointer / "observations" / indicator.observations.count, valueCell)
      indicator.observations.append(read.observation)
    }
    sets[setIndex].indicators.append(indicator)
    unmapped += row.nonEmptyCells.filter { !used.contains($0.index) }
  }

  private mutating func trace(_ pointer: JSONPointer, _ cell: SourceCell) {
    provenance.append(
      ProvenanceEntry(pointer: pointer, position: cell.position, raw: cell.raw))
  }
}
