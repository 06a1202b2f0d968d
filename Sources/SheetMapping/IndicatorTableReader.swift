import EraDates
import GyoseiModel
import JapaneseWidth
import SourceReaders

/// Reads an indicator table (評価指標一覧): a title line with the fiscal year, a header row, and
/// the indicators of several measures, each row naming its measure's code.
///
/// Columns are found by their headers, so their order does not matter; the rows are read by
/// `IndicatorRows` in whichever orientation the header shows (year columns across, or a 年度
/// column down). A row whose measure code is empty continues the measure above it (a merged
/// cell, as spreadsheets export them), with a warning; a code the mapping's `code` pattern
/// refuses leaves its row unmapped, with a warning.
struct IndicatorTableReader {
  private let spec: SheetMappingFile.IndicatorTableSpec
  private let table: SourceTable
  private let measureKeys: [LabelKey]
  private let nameKeys: [LabelKey]
  private let unitKeys: [LabelKey]

  private var rows: IndicatorRows?
  private var titleCell: (cell: SourceCell, text: String, year: Int, yearText: String)?
  /// Each indicator read, with the measure code and cell it belongs to.
  private var owners: [(code: String, cell: SourceCell)] = []
  private var previousMeasure: SourceCell?
  /// What the rows traced, by indicator, grouped under the measures at the end.
  private var indicatorTraces: [(indicator: Int, pointer: JSONPointer, cell: SourceCell)] = []
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
      if rows == nil {
        if !readHeader(row) { readBeforeHeader(row) }
      } else {
        readIndicatorRow(row)
      }
    }
    guard let rows else {
      throw .incomplete(
        line: nil,
        problem: "no header row names the "
          + ([spec.columns.measure, spec.columns.name]
          + (spec.columns.unit.isEmpty ? [] : [spec.columns.unit]))
          .map { $0.joined(separator: "/") }.joined(separator: ", ") + " columns")
    }
    guard !rows.indicators.isEmpty else {
      throw .incomplete(
        line: nil,
        problem: "the table has a header but no row yields an indicator (each needs a "
          + "\(spec.columns.measure.joined(separator: "/")), a "
          + "\(spec.columns.name.joined(separator: "/")) and values)")
    }
    var fiscalYear: (year: Int, text: String?)
    let years =
      rows.header.years.map(\.fiscalYear)
      + rows.indicators.flatMap {
        $0.observations.filter { $0.kind != .baseline }.map(\.fiscalYear)
      }
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
    } else if let last = years.max() {
      fiscalYear = (last, nil)
      warnings.append(
        ConversionWarning(
          .tableFiscalYearAssumed,
          message: "no title line names the table's fiscal year; the last year column "
            + "(\(last)) is taken"))
    } else {
      throw .incomplete(
        line: nil,
        problem: "the table names no fiscal year: neither a title line nor year columns; "
          + "expected a title line such as 令和2年度 施策評価 評価指標一覧, or year columns "
          + "headed R2年度 or 令和2年度")
    }
    // The indicators, grouped by measure in the order the measures first appear.
    var sets: [IndicatorSet] = []
    var traces: [[(pointer: JSONPointer, cell: SourceCell)]] = Array(
      repeating: [], count: rows.indicators.count)
    for trace in indicatorTraces { traces[trace.indicator].append((trace.pointer, trace.cell)) }
    for (index, indicator) in rows.indicators.enumerated() {
      let owner = owners[index]
      let setIndex: Int
      if let existing = sets.firstIndex(where: { $0.measure == owner.code }) {
        setIndex = existing
      } else {
        setIndex = sets.count
        sets.append(IndicatorSet(measure: owner.code))
        trace(.root / "indicatorSets" / setIndex / "measure", owner.cell)
      }
      let pointer =
        JSONPointer.root / "indicatorSets" / setIndex / "indicators"
        / sets[setIndex].indicators.count
      for (relative, cell) in traces[index] { trace(pointer / relative, cell) }
      sets[setIndex].indicators.append(indicator)
    }
    return SheetReading(
      title: titleCell?.text, fiscalYear: fiscalYear.year, fiscalYearText: fiscalYear.text,
      department: nil, body: .indicators(sets), warnings: warnings,
      unmapped: unmapped.map { UnmappedCell(position: $0.position, text: $0.raw) },
      provenance: provenance, labelCells: labelCells)
  }

  /// Takes `row` as the header when it names the measure and name columns (and the unit
  /// column, where the mapping names one).
  private mutating func readHeader(_ row: SourceRow) -> Bool {
    guard
      let header = IndicatorHeader.read(
        row, name: nameKeys, unit: unitKeys, measure: measureKeys, columns: spec.values),
      header.measure != nil, header.unit != nil || unitKeys.isEmpty
    else { return false }
    labelCells += header.labelCells
    unmapped += header.unknownCells
    if let warning = header.bareYearWarning { warnings.append(warning) }
    rows = IndicatorRows(header: header, columns: spec.values)
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
    guard var rows, let measureColumn = rows.header.measure else { return }
    func take(_ drained: IndicatorRows.Drained) {
      indicatorTraces += drained.traces
      warnings += drained.warnings
      unmapped += drained.unmapped
      labelCells += drained.labelCells
    }
    defer {
      take(rows.drain())
      self.rows = rows
    }
    let written =
      measureColumn < row.cells.count && !row.cells[measureColumn].isEmpty
      ? row.cells[measureColumn] : nil
    let outcome = rows.read(row)
    let drained = rows.drain()
    // A refused row's values are not read: the warnings about them go with it.
    let rowWarnings = warnings.count..<(warnings.count + drained.warnings.count)
    take(drained)
    switch outcome {
    case .unread:
      if let written { unmapped.append(written) }
      return
    case .note(let text, let cell):
      warnings.append(
        ConversionWarning(
          .indicatorRowUnread,
          message: "a row with a name and no values is no indicator; kept as unmapped",
          at: cell.position, original: text))
      let taken = Set(drained.unmapped + drained.labelCells)
      unmapped += row.nonEmptyCells.filter { !taken.contains($0) }
      return
    case .continued(let index):
      // More values of the indicator above, which has its measure already.
      if let written {
        if JapaneseWidth.trimmed(JapaneseWidth.fold(written.text)) == owners[index].code {
          labelCells.append(written)
        } else {
          unmapped.append(written)
        }
      }
      return
    case .indicator:
      break
    }
    let measureCell: SourceCell
    if let written {
      measureCell = written
    } else if let previous = previousMeasure {
      measureCell = previous
      warnings.append(
        ConversionWarning(
          .indicatorMeasureCarried,
          message: "no \(spec.columns.measure[0]) in this row (a merged cell?); the indicator "
            + "is taken as \(JapaneseWidth.fold(previous.text))'s, from the row above",
          at: SourcePosition(line: row.line, cell: measureColumn + 1)))
    } else {
      warnings.append(
        ConversionWarning(
          .indicatorMeasureMissing,
          message: "an indicator without a \(spec.columns.measure[0]) and none above it; kept "
            + "as unmapped", at: SourcePosition(line: row.line, cell: measureColumn + 1),
          original: rows.indicators.last?.name))
      warnings.removeSubrange(rowWarnings)
      discard(row, from: &rows)
      return
    }
    let code = JapaneseWidth.trimmed(JapaneseWidth.fold(measureCell.text))
    if let pattern = spec.code, pattern.wholeMatch(code) == nil {
      warnings.append(
        ConversionWarning(
          .indicatorMeasureInvalid,
          message: "\(spec.columns.measure[0]) \(code) does not match the mapping's code "
            + "pattern \(pattern.source); the row is kept as unmapped",
          at: measureCell.position, original: measureCell.text))
      warnings.removeSubrange(rowWarnings)
      discard(row, from: &rows)
      return
    }
    previousMeasure = measureCell
    owners.append((code, measureCell))
  }

  /// Takes back the indicator `row` made: all its cells are unmapped.
  private mutating func discard(_ row: SourceRow, from rows: inout IndicatorRows) {
    let index = rows.indicators.count - 1
    rows.discardLast()
    indicatorTraces.removeAll { $0.indicator == index }
    let cells = Set(row.nonEmptyCells)
    labelCells.removeAll { cells.contains($0) }
    unmapped.removeAll { cells.contains($0) }
    unmapped += row.nonEmptyCells
  }

  private mutating func trace(_ pointer: JSONPointer, _ cell: SourceCell) {
    provenance.append(
      ProvenanceEntry(pointer: pointer, position: cell.position, raw: cell.raw))
  }
}
