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

  /// The number a year cell writes (23 in H23年度), for reading a baseline's era-less year.
  static func writtenNumber(_ cell: SourceCell) -> Int? {
    let digits = JapaneseWidth.fold(cell.text).unicodeScalars.filter { ("0"..."9").contains($0) }
    return Int(String(String.UnicodeScalarView(digits)))
  }

  /// The fiscal year a year column's header, or a cell of a 年度 column, names: one fiscal year
  /// (H30年度, 令和元年度), or, `bare`, a year written without 年度 (H23, R2, 令和2, 2020), which
  /// in a table's year columns is read as a fiscal year — a guess.
  static func columnYear(_ cell: SourceCell) -> (fiscalYear: Int, bare: Bool)? {
    if let year = fiscalYear(cell) { return (year, false) }
    let folded = JapaneseWidth.trimmed(JapaneseWidth.fold(cell.text))
    guard let last = folded.unicodeScalars.last, ("0"..."9").contains(last),
      let first = folded.unicodeScalars.first
    else { return nil }
    if ("0"..."9").contains(first) {
      guard folded.utf8.count == 4, let year = Int(folded), (1868...2200).contains(year) else {
        return nil
      }
      return (year, true)
    }
    guard let year = EraDates.parse(folded + "年度"), year.kind == .fiscalYear,
      let start = year.fiscalYearStart
    else { return nil }
    return (start, true)
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
  /// The 年度 column of a table whose years run down.
  var yearColumn: Int?
  /// The columns of a table whose years run down, each holding values of one kind.
  var kindColumns: [(column: Int, kind: Observation.Kind)] = []
  /// Each fiscal-year column with its year and the number its header writes (23 in H23), for
  /// reading a baseline's era-less year.
  var years: [(column: Int, fiscalYear: Int, written: Int?)]
  /// The year columns whose headers write no 年度 (H23), read as fiscal years.
  var bareYearCells: [(cell: SourceCell, fiscalYear: Int)] = []
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
    let year = (columns?.year ?? []).map(LabelKey.init(_:))
    let kinds = IndicatorValues.kindKeys(columns)
    var kindCells: [(column: Int, kind: Observation.Kind, cell: SourceCell)] = []
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
      } else if header.yearColumn == nil, matches(key, year) {
        header.yearColumn = column
      } else if let kind = kinds.first(where: { matches(key, $0.1) })?.0 {
        kindCells.append((column, kind, cell))
        continue
      } else if let year = IndicatorValues.columnYear(cell) {
        header.years.append((column, year.fiscalYear, IndicatorValues.writtenNumber(cell)))
        if year.bare { header.bareYearCells.append((cell, year.fiscalYear)) }
      } else {
        header.unknownCells.append(cell)
        continue
      }
      header.labelCells.append(cell)
    }
    // Kind columns (目標値, 実績値) hold values only where the years run down a 年度 column.
    if header.yearColumn != nil {
      header.kindColumns = kindCells.map { ($0.column, $0.kind) }
      header.labelCells += kindCells.map(\.cell)
    } else {
      header.unknownCells += kindCells.map(\.cell)
    }
    return header.name >= 0 ? header : nil
  }

  /// The warning that the header's year columns write no 年度 and were read as fiscal years,
  /// if they do.
  var bareYearWarning: ConversionWarning? {
    guard let first = bareYearCells.first, let last = bareYearCells.last else { return nil }
    let texts = bareYearCells.map { JapaneseWidth.fold($0.cell.text) }
    let written = texts.count > 1 ? "\(texts[0]) … \(texts[texts.count - 1])" : texts[0]
    let read =
      texts.count > 1 ? "\(first.fiscalYear)–\(last.fiscalYear)" : "\(first.fiscalYear)"
    return ConversionWarning(
      .indicatorYearHeaderAssumed,
      message: "the year columns \(written) write no 年度; read as fiscal years \(read)",
      at: first.cell.position, original: texts.joined(separator: " "))
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
  /// Years down: the row's 年度 cell, and its values under the kind columns.
  var year: SourceCell?
  var kindValues: [(kind: Observation.Kind, cell: SourceCell)] = []
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
    result.year = cell(header.yearColumn)
    for column in header.kindColumns {
      if let value = cell(column.column) { result.kindValues.append((column.kind, value)) }
    }
    let used = Set(
      ([result.name, result.unit, result.baseline, result.direction, result.measure, result.year]
        .compactMap { $0 } + result.values.map(\.cell) + result.kindValues.map(\.cell)).map(\.index)
    )
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
    _ cell: SourceCell, reference: (fiscalYear: Int, written: Int?)?, unit: String?
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
    } else if let bareNumber, let reference, let written = reference.written,
      bareNumber <= written
    {
      // A larger number than the first column's belongs to an earlier era, which the columns
      // do not tell; it is left unread below rather than guessed.
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
