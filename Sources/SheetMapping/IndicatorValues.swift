import EraDates
import GyoseiModel
import JapaneseWidth
import Quantities
import SourceReaders

/// What the two readers of indicator tables share: the fiscal year of a column header and the
/// observation of a value cell.
enum IndicatorValues {
  /// The fiscal year a header cell names (H30年度, 令和元年度, R2年度), if it names exactly one.
  static func fiscalYear(_ cell: SourceCell) -> Int? {
    guard let year = EraDates.parse(JapaneseWidth.fold(cell.text)), year.kind == .fiscalYear
    else { return nil }
    return year.fiscalYearStart
  }

  /// A value cell read with the indicator's unit: the number, or null for text such as 維持
  /// or `-`, with the cell's text width-folded, and what reading it doubted.
  static func observation(_ cell: SourceCell, fiscalYear: Int, unit: String?) -> (
    observation: Observation, warnings: [QuantityWarning]
  ) {
    let finding = Quantities.parse(cell.text, unit: unit)
    return (
      Observation(
        fiscalYear: fiscalYear, value: finding.value,
        raw: JapaneseWidth.fold(JapaneseWidth.trimmed(cell.text))),
      finding.warnings
    )
  }
}

/// The columns of an indicator table's header row, by position in the row.
struct IndicatorHeader {
  var name: Int
  var unit: Int?
  var baseline: Int?
  var direction: Int?
  /// The 施策番号 column, in a table of several measures' indicators.
  var measure: Int?
  /// Each fiscal-year column with its year and the number its header writes (23 in H23), for
  /// reading a baseline's era-less year.
  var years: [(column: Int, fiscalYear: Int, written: Int?)]
  /// The header's cells the table takes as its own.
  var labelCells: [SourceCell]
  /// The header's cells that name nothing.
  var unknownCells: [SourceCell]

  /// The columns of `row` as `labels` name them; nil when it names no indicator column.
  static func read(
    _ row: SourceRow, name: [LabelKey], unit: [LabelKey], measure: [LabelKey] = [],
    columns: SheetMappingFile.IndicatorTableColumns?, skipping: Set<SourceCell> = []
  ) -> IndicatorHeader? {
    let baseline = (columns?.baseline ?? []).map(LabelKey.init(_:))
    let direction = (columns?.direction ?? []).map(LabelKey.init(_:))
    func matches(_ key: LabelKey, _ labels: [LabelKey]) -> Bool {
      labels.contains { key.isLabel($0) }
    }
    var header = IndicatorHeader(
      name: -1, years: [], labelCells: [], unknownCells: [])
    for (column, cell) in row.cells.enumerated() where !cell.isEmpty && !skipping.contains(cell) {
      let key = LabelKey(cell.text)
      if header.name < 0, matches(key, name) {
        header.name = column
      } else if header.unit == nil, matches(key, unit) {
        header.unit = column
      } else if header.measure == nil, matches(key, measure) {
        header.measure = column
      } else if header.baseline == nil, matches(key, baseline) {
        header.baseline = column
      } else if header.direction == nil, matches(key, direction) {
        header.direction = column
      } else if let year = IndicatorValues.fiscalYear(cell) {
        let digits = cell.text.unicodeScalars.filter { ("0"..."9").contains($0) }
        header.years.append((column, year, Int(String(String.UnicodeScalarView(digits)))))
      } else {
        header.unknownCells.append(cell)
        continue
      }
      header.labelCells.append(cell)
    }
    return header.name >= 0 ? header : nil
  }
}

/// One data row of an indicator table, its cells sorted by the header's columns.
struct IndicatorRow {
  var name: SourceCell?
  var unit: SourceCell?
  var baseline: SourceCell?
  var direction: SourceCell?
  var measure: SourceCell?
  /// The cell that says what the row's values are (目標値), with the kind it names.
  var kind: (kind: Observation.Kind, cell: SourceCell)?
  var values: [(fiscalYear: Int, written: Int?, cell: SourceCell)]
  /// The row's cells under no column.
  var outside: [SourceCell]

  /// Reads `row` under `header`; `shift` moves every column (a row that lost a leading cell).
  static func read(
    _ row: SourceRow, header: IndicatorHeader, shift: Int = 0,
    kinds: [(Observation.Kind, [LabelKey])]
  ) -> IndicatorRow {
    func cell(_ column: Int?) -> SourceCell? {
      guard let column else { return nil }
      let index = column + shift
      guard index >= 0, index < row.cells.count, !row.cells[index].isEmpty else { return nil }
      return row.cells[index]
    }
    var result = IndicatorRow(
      name: cell(header.name), unit: cell(header.unit), baseline: cell(header.baseline),
      direction: cell(header.direction), measure: cell(header.measure), kind: nil, values: [],
      outside: [])
    for year in header.years {
      if let value = cell(year.column) {
        result.values.append((year.fiscalYear, year.written, value))
      }
    }
    let used = Set(
      ([result.name, result.unit, result.baseline, result.direction, result.measure]
        .compactMap { $0 } + result.values.map(\.cell)).map(\.index))
    for cell in row.nonEmptyCells where !used.contains(cell.index) {
      let key = LabelKey(cell.text)
      if result.kind == nil,
        let kind = kinds.first(where: { $0.1.contains { key.isLabel($0) } })?.0
      {
        result.kind = (kind, cell)
      } else {
        result.outside.append(cell)
      }
    }
    return result
  }
}

extension IndicatorValues {
  /// The kinds of an indicator table's rows as label keys, in the mapping's order.
  static func kindKeys(_ columns: SheetMappingFile.IndicatorTableColumns?) -> [(
    Observation.Kind, [LabelKey]
  )] {
    (columns?.kinds ?? [:]).sorted { $0.key < $1.key }.compactMap { name, labels in
      Observation.Kind(rawValue: name).map { ($0, labels.map(LabelKey.init(_:))) }
    }
  }

  /// The direction a cell's mark names.
  static func direction(_ cell: SourceCell, _ columns: SheetMappingFile.IndicatorTableColumns?)
    -> Indicator.Direction?
  {
    let key = LabelKey(cell.text)
    for (name, marks) in (columns?.directions ?? [:]).sorted(by: { $0.key < $1.key })
    where marks.contains(where: { LabelKey($0) == key }) {
      return Indicator.Direction(rawValue: name)
    }
    return nil
  }

  /// A baseline cell (`36.8% (21 年度)`): the value and the fiscal year of its period.
  ///
  /// A period that names its era or a four-digit year is read as it is; a bare year (21 年度) is
  /// read in the numbering of the table's year columns (H23 is FY2011, so 21 is FY2009), which
  /// is a guess and says so.
  static func baseline(
    _ cell: SourceCell, header: IndicatorHeader, unit: String?
  ) -> (observation: Observation?, unitText: String?, warnings: [ConversionWarning]) {
    let folded = JapaneseWidth.trimmed(JapaneseWidth.fold(cell.text))
    let scalars = folded.unicodeScalars
    var valueText = folded
    var periodText: String?
    if let open = scalars.lastIndex(of: "("), scalars.last == ")" {
      valueText = JapaneseWidth.trimmed(String(String.UnicodeScalarView(scalars[..<open])))
      periodText = String(
        String.UnicodeScalarView(scalars[scalars.index(after: open)...].dropLast()))
    }
    let quantity = Quantities.parse(valueText, unit: unit)
    var warnings: [ConversionWarning] = []
    guard let periodText else {
      warnings.append(
        ConversionWarning(
          .indicatorBaselineYearMissing,
          message: "the baseline \(folded) names no period; it is kept in the indicator's name "
            + "row only", at: cell.position, original: folded))
      return (nil, quantity.unitText, warnings)
    }
    var year: Int?
    var bare = Substring(
      String(
        String.UnicodeScalarView(periodText.unicodeScalars.filter { !JapaneseWidth.isSpace($0) })))
    if bare.hasSuffix("年度") { bare = bare.dropLast(2) }
    let bareNumber = bare.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } ? Int(bare) : nil
    if let bareNumber, bareNumber >= 1868 {
      year = bareNumber
    } else if let bareNumber, let reference = header.years.first, let written = reference.written {
      year = reference.fiscalYear - (written - bareNumber)
      warnings.append(
        ConversionWarning(
          .indicatorBaselineEraAssumed,
          message: "the baseline's period \(periodText) names no era; read in the era of the "
            + "table's year columns as fiscal year \(year ?? 0)",
          at: cell.position, original: periodText))
    } else if let finding = EraDates.extract(periodText).first {
      year = finding.fiscalYearStart
    }
    guard let year else {
      warnings.append(
        ConversionWarning(
          .indicatorBaselineYearMissing,
          message: "the baseline's period \(periodText) is not a fiscal year gyosei reads",
          at: cell.position, original: periodText))
      return (nil, quantity.unitText, warnings)
    }
    return (
      Observation(fiscalYear: year, kind: .baseline, value: quantity.value, raw: folded),
      quantity.unitText, warnings
    )
  }
}
