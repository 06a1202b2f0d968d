import GyoseiModel
import JapaneseWidth
import SourceReaders

/// The rows of one indicator table under its header, read into indicators: the one reading of
/// indicator tables that policy evaluations and indicator tables share, in every orientation.
///
/// - Years across (a column per fiscal year): a row per indicator, or, with
///   a kind cell (目標値, 実績値, 達成率), a row per kind of value, the rows under the first
///   continuing its indicator.
/// - Years down (a 年度 column): a row per fiscal year, its values under columns headed by the
///   kinds (目標値, 実績値); a row with no name continues the indicator above.
///
/// A baseline column (基準値 with its period) adds a baseline observation; a direction column
/// (⇧ ⇩) the indicator's direction. What each row gives besides the indicators — traces by
/// pointers relative to an indicator (`/name`, `/observations/3`), warnings, unmapped and label
/// cells — the owner takes after the row (`drain()`), so that its output keeps the file's order.
struct IndicatorRows {
  let header: IndicatorHeader
  private let columns: SheetMappingFile.IndicatorTableColumns?
  private let kinds: [(Observation.Kind, [LabelKey])]
  /// Rows that lost their leading empty cell are read one column to the right (PDF text of a
  /// table without kind cells).
  private let realignsShiftedRows: Bool

  private(set) var indicators: [Indicator] = []
  private var pending = Drained()
  /// The indicator the last row read or continued.
  private(set) var current: Int?
  private var warnedBareYear = false

  init(
    header: IndicatorHeader, columns: SheetMappingFile.IndicatorTableColumns?,
    realignsShiftedRows: Bool = false
  ) {
    self.header = header
    self.columns = columns
    kinds = IndicatorValues.kindKeys(columns)
    self.realignsShiftedRows = realignsShiftedRows && kinds.isEmpty
  }

  /// What the rows read since the last drain gave besides indicators.
  struct Drained {
    /// Cells by indicator and pointer relative to it.
    var traces: [(indicator: Int, pointer: JSONPointer, cell: SourceCell)] = []
    var warnings: [ConversionWarning] = []
    var unmapped: [SourceCell] = []
    var labelCells: [SourceCell] = []
  }

  /// Hands over what the rows read since the last call gave besides indicators.
  mutating func drain() -> Drained {
    defer { pending = Drained() }
    return pending
  }

  /// What a row was.
  enum Outcome: Equatable {
    /// A new indicator, at this index.
    case indicator(Int)
    /// More values of the indicator at this index.
    case continued(Int)
    /// A name with nothing else (「検討中のため設定できません。」): a note, not an indicator.
    case note(String, SourceCell)
    /// Nothing an indicator takes; its cells are unmapped.
    case unread
  }

  /// Reads one row.
  mutating func read(_ row: SourceRow) -> Outcome {
    var shift = 0
    if realignsShiftedRows, let first = row.cells.first, !first.isEmpty, header.name > 0 {
      shift = -1
      pending.warnings.append(
        ConversionWarning(
          .indicatorRowShifted,
          message: "the indicator row starts in the first column, not under 指標名; read one "
            + "column to the right", at: first.position, original: first.text))
    }
    let read = IndicatorRow.read(row, header: header, shift: shift, kinds: kinds)
    pending.unmapped += read.outside
    if let kind = read.kind { pending.labelCells.append(kind.cell) }
    guard let nameCell = read.name else {
      // A row of a kind cell or a year continues the indicator above it.
      guard let indicator = current,
        read.kind != nil || (read.year != nil && !read.kindValues.isEmpty)
      else {
        pending.unmapped +=
          [read.unit, read.baseline, read.direction, read.year].compactMap { $0 }
          + read.values.map(\.cell) + read.kindValues.map(\.cell)
        if let kind = read.kind {
          pending.labelCells.removeAll { $0 == kind.cell }
          pending.unmapped.append(kind.cell)
        }
        return .unread
      }
      addValues(read, to: indicator)
      return .continued(indicator)
    }
    let name = JapaneseWidth.trimmed(JapaneseWidth.fold(nameCell.text))
    if header.yearColumn != nil, let index = current, indicators[index].name == name {
      // Years down: the name repeated on each year's row.
      pending.traces.append((index, .root / "name", nameCell))
      addValues(read, to: index)
      return .continued(index)
    }
    if read.unit == nil && read.values.isEmpty && read.baseline == nil && read.kindValues.isEmpty {
      return .note(JapaneseWidth.fold(nameCell.text), nameCell)
    }
    let index = indicators.count
    var indicator = Indicator(name: name, unit: read.unit.map { JapaneseWidth.fold($0.text) })
    var cells: [(pointer: JSONPointer, cell: SourceCell)] = [(.root / "name", nameCell)]
    if let unitCell = read.unit { cells.append((.root / "unit", unitCell)) }
    if let directionCell = read.direction {
      if let direction = IndicatorValues.direction(directionCell, columns) {
        indicator.direction = direction
        cells.append((.root / "direction", directionCell))
      } else {
        pending.unmapped.append(directionCell)
      }
    }
    if let baselineCell = read.baseline {
      // An era-less baseline year is read in the numbering of the first year column, or of the
      // row's own 年度 where the years run down.
      var reference = header.years.first.map { ($0.fiscalYear, $0.written) }
      if reference == nil, let yearCell = read.year, let year = IndicatorValues.columnYear(yearCell)
      {
        reference = (year.fiscalYear, IndicatorValues.writtenNumber(yearCell))
      }
      let baseline = IndicatorValues.baseline(
        baselineCell, reference: reference, unit: indicator.unit)
      pending.warnings += baseline.warnings
      if indicator.unit == nil, let unitText = baseline.unitText {
        indicator.unit = unitText
        pending.warnings.append(
          ConversionWarning(
            .indicatorUnitFromBaseline,
            message: "the indicator table has no unit column; the unit \(unitText) is read "
              + "from the baseline", at: baselineCell.position,
            original: JapaneseWidth.fold(baselineCell.text)))
        cells.append((.root / "unit", baselineCell))
      }
      if let observation = baseline.observation {
        cells.append((.root / "observations" / indicator.observations.count, baselineCell))
        indicator.observations.append(observation)
      } else {
        pending.unmapped.append(baselineCell)
      }
    }
    indicators.append(indicator)
    pending.traces += cells.map { (index, $0.pointer, $0.cell) }
    current = index
    addValues(read, to: index)
    return .indicator(index)
  }

  /// Takes back the indicator the last row made (its owner refused it, and takes the row's
  /// cells as unmapped); the indicator before it is the current one again.
  mutating func discardLast() {
    guard !indicators.isEmpty else { return }
    indicators.removeLast()
    pending.traces.removeAll { $0.indicator == indicators.count }
    current = indicators.isEmpty ? nil : indicators.count - 1
  }

  /// Adds a row's values to an indicator: across, each of the row's kind (actual when it has
  /// none); down, each of its column's kind in the row's year.
  private mutating func addValues(_ read: IndicatorRow, to index: Int) {
    var values: [(kind: Observation.Kind, fiscalYear: Int, cell: SourceCell, year: SourceCell?)] =
      []
    let rowKind = read.kind?.kind ?? .actual
    values += read.values.map { (rowKind, $0.fiscalYear, $0.cell, nil) }
    if !read.kindValues.isEmpty {
      if let yearCell = read.year, let year = IndicatorValues.columnYear(yearCell) {
        values += read.kindValues.map { ($0.kind, year.fiscalYear, $0.cell, yearCell) }
        if year.bare && !warnedBareYear {
          warnedBareYear = true
          pending.warnings.append(
            ConversionWarning(
              .indicatorYearHeaderAssumed,
              message:
                "the 年度 column writes years without 年度 (\(JapaneseWidth.fold(yearCell.text))); "
                + "read as fiscal years", at: yearCell.position,
              original: JapaneseWidth.fold(yearCell.text)))
        }
      } else {
        let cell = read.year ?? read.kindValues[0].cell
        pending.warnings.append(
          ConversionWarning(
            .indicatorRowUnread,
            message: "the row's 年度 cell names no fiscal year; its values are kept as unmapped",
            at: cell.position, original: read.year.map { JapaneseWidth.fold($0.text) }))
        pending.unmapped += read.kindValues.map(\.cell) + (read.year.map { [$0] } ?? [])
      }
    }
    for value in values {
      let unit = value.kind == .rate ? nil : indicators[index].unit
      var observed = IndicatorValues.observation(
        value.cell, fiscalYear: value.fiscalYear, unit: unit)
      observed.observation.kind = value.kind
      for warning in observed.warnings {
        pending.warnings.append(
          ConversionWarning(
            DiagnosticCode(warning.code), message: warning.message, at: value.cell.position,
            original: warning.original))
      }
      let pointer = JSONPointer.root / "observations" / indicators[index].observations.count
      pending.traces.append((index, pointer, value.cell))
      if let yearCell = value.year {
        pending.traces.append((index, pointer / "fiscalYear", yearCell))
      }
      indicators[index].observations.append(observed.observation)
    }
  }
}
