import EraDates
import GyoseiModel
import JapaneseWidth
import SourceReaders

/// A rule of a mapping's `lines`: a line whose text matches `pattern` plays `role` in the
/// layout, and the pattern's named captures give the role its values.
///
/// A line is a row with one non-empty cell (a heading, a list entry, a title); its text is
/// width folded and trimmed before it is matched. The first rule that matches wins.
public struct LineRule<Role: LineRole>: Sendable, Hashable, Codable {
  public var role: Role
  public var pattern: LinePattern
  /// For roles that read several entries from one line: the pattern matched once per entry.
  public var entry: LinePattern?

  public init(role: Role, pattern: LinePattern, entry: LinePattern? = nil) {
    self.role = role
    self.pattern = pattern
    self.entry = entry
  }

  /// What is wrong with the rule that its types cannot say: a capture its role needs that the
  /// pattern does not declare.
  var problem: String? {
    for capture in role.requiredCaptures.sorted() where !pattern.declares(capture) {
      return "the pattern of role '\(role.rawValue)' needs a capture (?<\(capture)>…): "
        + pattern.source
    }
    return nil
  }
}

/// The roles a family's lines can play, with the captures each needs.
public protocol LineRole: RawRepresentable<String>, Sendable, Hashable, Codable, CaseIterable {
  /// The captures a pattern of this role must declare.
  var requiredCaptures: Set<String> { get }
}

extension Array {
  /// The first rule whose pattern matches the whole of `text`, with its match.
  func firstMatch<Role>(_ text: String) -> (role: Role, match: LinePattern.Match)?
  where Element == LineRule<Role> {
    for rule in self {
      if let match = rule.pattern.wholeMatch(text) { return (rule.role, match) }
    }
    return nil
  }
}

/// Where a document's fiscal year is found when no title line names it.
///
/// ```yaml
/// fiscal-year: {line: '^(?<year>令和元年度~令和4年度)の合計削減額'}   # a line of the file
/// fiscal-year: {file-name: '(?<year>20[0-9]{2})'}                    # the file's name
/// fiscal-year: {fixed: 2024}
/// ```
///
/// A `year` capture is read by EraDates (令和4年度, R4, 2022年度, 2022); a range gives its last
/// year, the year the document reports on.
public struct FiscalYearSource: Sendable, Hashable, Codable {
  public var line: LinePattern?
  public var fileName: LinePattern?
  public var fixed: Int?

  enum CodingKeys: String, CodingKey {
    case line
    case fileName = "file-name"
    case fixed
  }

  /// What to do when a document's fiscal year is nowhere: the end of the error, naming the
  /// mapping's key (`sheet.fiscal-year`) with an example of each source.
  static func advice(key: String) -> String {
    "; add the line to the file, or say in the mapping where the year is: \(key): "
      + "{line: '^(?<year>令和\\S+年度)'}, {file-name: '(?<year>20[0-9]{2})'} or {fixed: 2024} "
      + "(Mappings/README.md)"
  }

  var problem: String? {
    let given = [line != nil, fileName != nil, fixed != nil].filter { $0 }.count
    if given != 1 { return "give exactly one of line, file-name and fixed" }
    for pattern in [line, fileName].compactMap({ $0 }) where !pattern.declares("year") {
      return "the pattern needs a capture (?<year>…): \(pattern.source)"
    }
    if let fixed, !(1868...2200).contains(fixed) {
      return "fixed: \(fixed) is not a fiscal year (1868–2200)"
    }
    return nil
  }

  /// The fiscal year the source names, with its text, and the cell it comes from.
  func find(in table: SourceTable) -> (year: Int, text: String?, cell: SourceCell?)? {
    if let fixed { return (fixed, nil, nil) }
    if let fileName {
      guard let match = fileName.firstMatch(table.fileName), let text = match["year"],
        let year = Self.fiscalYear(text)
      else { return nil }
      return (year, nil, nil)
    }
    guard let line else { return nil }
    for row in table.rows {
      let cells = row.nonEmptyCells
      for cell in cells {
        let folded = JapaneseWidth.trimmed(JapaneseWidth.fold(cell.text))
        if let match = line.firstMatch(folded), let text = match["year"],
          let year = Self.fiscalYear(text)
        {
          return (year, text, cell)
        }
      }
    }
    return nil
  }

  /// The fiscal year a text names: its own, or a range's last; a bare four-digit year too.
  static func fiscalYear(_ text: String) -> Int? {
    let folded = JapaneseWidth.fold(text)
    if let finding = EraDates.extract(folded).first,
      let year = finding.fiscalYearEnd ?? finding.fiscalYearStart
    {
      return year
    }
    if folded.utf8.count == 4, let year = Int(folded), (1868...2200).contains(year) { return year }
    return nil
  }
}

/// A column of a record table: the field it fills, found by its header text (labels, or a
/// pattern the header cell matches).
public struct RecordColumnSpec<Field: Sendable & Hashable & Codable & RawRepresentable<String>>:
  Sendable, Hashable, Codable
{
  public var field: Field
  public var labels: [String]
  public var header: LinePattern?

  enum CodingKeys: String, CodingKey {
    case field, labels, header
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    field = try container.decode(Field.self, forKey: .field)
    labels = try container.decodeIfPresent([String].self, forKey: .labels) ?? []
    header = try container.decodeIfPresent(LinePattern.self, forKey: .header)
  }

  /// Whether a header cell names this column.
  func names(_ cell: SourceCell) -> Bool {
    let key = LabelKey(cell.text)
    if labels.contains(where: { key.isLabel(LabelKey($0)) }) { return true }
    guard let header else { return false }
    return header.firstMatch(JapaneseWidth.trimmed(JapaneseWidth.fold(cell.text))) != nil
  }

  var problem: String? {
    labels.isEmpty && header == nil
      ? "the column of field '\(field.rawValue)' needs labels or a header pattern" : nil
  }
}

/// A table with one record per row under a header row that names its columns.
struct RecordTable<Field: Sendable & Hashable & Codable & RawRepresentable<String>> {
  let columns: [RecordColumnSpec<Field>]
  /// The field a record cannot be without (its title).
  let titleField: Field
  /// The header the rows below are read under, once one was found.
  private(set) var header: [Int: Field]?

  init(columns: [RecordColumnSpec<Field>], titleField: Field) {
    self.columns = columns
    self.titleField = titleField
  }

  /// What a row of the table is.
  enum Row {
    /// A header row: the cells that name columns, and the others.
    case header(labels: [SourceCell], unknown: [SourceCell])
    /// A record: its cells by field, and the cells under no column.
    case record(fields: [Field: [SourceCell]], outside: [SourceCell])
    /// Cells under two columns or more but none under the title: a record without its title,
    /// which the reader reports rather than leaving the row unmapped.
    case untitled(fields: [Field: [SourceCell]], outside: [SourceCell])
    /// No row of the table (no header yet, or nothing under the title).
    case other
  }

  /// Reads a row: a header (at least two cells name columns) starts or renews the table.
  mutating func read(_ row: SourceRow) -> Row {
    var found: [Int: Field] = [:]
    for cell in row.nonEmptyCells {
      if let column = columns.first(where: { $0.names(cell) }) { found[cell.index] = column.field }
    }
    if found.count >= min(2, columns.count) {
      header = found
      let cells = row.nonEmptyCells
      return .header(
        labels: cells.filter { found[$0.index] != nil },
        unknown: cells.filter { found[$0.index] == nil })
    }
    guard let header else { return .other }
    var fields: [Field: [SourceCell]] = [:]
    var outside: [SourceCell] = []
    for cell in row.nonEmptyCells {
      if let field = header[cell.index] {
        fields[field, default: []].append(cell)
      } else {
        outside.append(cell)
      }
    }
    guard fields[titleField]?.isEmpty == false else {
      return fields.count >= 2 ? .untitled(fields: fields, outside: outside) : .other
    }
    return .record(fields: fields, outside: outside)
  }

  /// Ends the table: rows are no records until the next header.
  mutating func close() { header = nil }
}
