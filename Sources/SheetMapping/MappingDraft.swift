import GyoseiModel
import JapaneseWidth
import SourceReaders

/// A first mapping for a sheet that no mapping recognizes: what `gyosei mappings draft` reads
/// of the sheet, and writes as a commented mapping file (`yaml`).
///
/// It finds the cells that print a field's form word (`DraftVocabulary`), the header rows of
/// tables, the title line and where the fiscal year is, the numbered headings that repeat and
/// the bulleted lists, each with its line and cell; it picks the family the sheet resembles
/// most. What it finds is the sheet's own text: nothing of any one city is in this code.
public struct MappingDraft: Sendable {
  /// A cell read as naming a field.
  public struct Label: Sendable, Hashable {
    public var place: DraftVocabulary.Place
    public var field: String
    /// The label as the mapping lists it: the cell's label key up to its explanation.
    public var label: String
    /// For a header cell that carries a fiscal year: the pattern that matches it, whatever
    /// the year.
    public var header: String?
    /// Whether the cell is the word (after its marker and explanation), not a longer text
    /// that ends with it.
    public var exact: Bool
    /// The cell.
    public var line: Int
    public var cell: Int
    public var text: String
  }

  /// A row whose cells name two or more columns of a table.
  public struct HeaderRow: Sendable, Hashable {
    public var place: DraftVocabulary.Place
    public var line: Int
    public var cells: [String]
    public var columns: [Label]
    /// The rows under it, up to the next empty row or single cell, that have text in its
    /// first named column.
    public var records: Int
  }

  /// Lines of one cell that start the same way and go on with a number or code, then a
  /// title: headings that repeat.
  public struct Heading: Sendable, Hashable {
    public var pattern: String
    public var lines: [Int]
    public var example: String
    /// Whether the pattern captures a `code` (a letter and digits) rather than a `number`.
    public var isCode: Bool
  }

  /// A line that names the sheet, and the pattern written for it.
  public struct TitleLine: Sendable, Hashable {
    public var pattern: String
    public var line: Int
    public var text: String
    /// The words of the title (the line without its fiscal year).
    public var title: String
    public var hasYear: Bool
  }

  /// Where the draft says the fiscal year is.
  public enum FiscalYear: Sendable, Hashable {
    /// The title line's `year` capture.
    case titleLine
    /// A line of the file: the pattern, and the line it was found on.
    case line(pattern: String, line: Int, text: String)
    /// The file's name.
    case fileName(pattern: String)
    /// Declared on the command line.
    case fixed(Int)
    /// Nowhere the draft could find.
    case unknown
  }

  /// Bulleted lines (objectives of a list) and the headings above runs of them.
  public struct BulletList: Sendable, Hashable {
    public var bullet: Unicode.Scalar
    public var lines: [Int]
    public var headings: [Int]
  }

  public var fileName: String
  public var family: DocumentFamily
  /// Each family's score, highest first (ties in family order).
  public var scores: [(family: DocumentFamily, score: Int)]
  public var titleLine: TitleLine?
  public var fiscalYear: FiscalYear
  /// The labelled cells (places `fields`, `labels`, `indicator-table`): the first cell of each
  /// field and label text.
  public var labels: [Label]
  public var headerRows: [HeaderRow]
  public var headings: [Heading]
  public var bulletList: BulletList?
  /// The first cell after a grade label, when it is a short code (Bb): the grade pattern
  /// written for it.
  public var gradeCell: (line: Int, cell: Int, text: String, pattern: String)?
  /// Family words of the chosen family that occur in the sheet, as the vocabulary writes them.
  public var familyWords: [String]

  /// Reads a sheet.
  ///
  /// - Parameters:
  ///   - family: the family to draft, when the caller knows it; else the one the sheet
  ///     resembles most.
  ///   - fiscalYear: the fiscal year, when the caller knows it and the sheet does not say.
  public init(
    _ table: SourceTable, vocabulary: DraftVocabulary, family: DocumentFamily? = nil,
    fiscalYear: Int? = nil
  ) {
    fileName = table.fileName
    let cells = table.rows.map { row in row.nonEmptyCells.map(DraftCell.init) }
    let reading = Reading(cells: cells, lines: table.rows.map(\.line), vocabulary: vocabulary)
    scores = DocumentFamily.allCases.map { ($0, reading.score(of: $0)) }
      .enumerated().sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }
      .map { (family: $0.element.0, score: $0.element.1) }
    // The family the sheet resembles most, even one no draft is written for (the draft then
    // says so), else the first family a draft is written for.
    let chosen = family ?? scores.first { $0.score > 0 }?.family
    self.family = chosen ?? .objectiveSheet
    let drafted = chosen ?? .objectiveSheet
    let places = Set(DraftVocabulary.Place.allCases.filter { $0.family == drafted })
    // A labelled sheet's field has one label: the first equal to a word, else the first.
    let found = reading.labels.filter { places.contains($0.place) }
    labels = found.filter { label in
      guard label.place == .fields else { return true }
      let same = found.filter { $0.place == .fields && $0.field == label.field }
      return label == (same.first(where: \.exact) ?? same.first)
    }
    headerRows = reading.headerRows.filter { places.contains($0.place) }
    headings = reading.headings
    bulletList = reading.bulletList
    gradeCell = reading.gradeCell(
      after: labels.filter { $0.place == .labels && $0.field == "grade" })
    let words = reading.familyWords[drafted] ?? []
    familyWords = words
    titleLine = reading.titleLine(familyWords: words)
    if titleLine?.hasYear == true {
      self.fiscalYear = .titleLine
    } else if let fiscalYear {
      self.fiscalYear = .fixed(fiscalYear)
    } else {
      self.fiscalYear = reading.fiscalYearLine() ?? Self.fileNameYear(table.fileName) ?? .unknown
    }
  }

  /// The file-name source when the name holds a four-digit year.
  private static func fileNameYear(_ name: String) -> FiscalYear? {
    let scalars = Array(name.unicodeScalars)
    var index = 0
    while index + 4 <= scalars.count {
      let run = scalars[index..<index + 4]
      let isYear =
        run.allSatisfy { ("0"..."9").contains($0) } && (run.first == "1" || run.first == "2")
        && (index == 0 || !("0"..."9").contains(scalars[index - 1]))
        && (index + 4 == scalars.count || !("0"..."9").contains(scalars[index + 4]))
      if isYear { return .fileName(pattern: "(?<year>(19|20)[0-9]{2})") }
      index += 1
    }
    return nil
  }
}

/// A non-empty cell as the draft reads it.
struct DraftCell {
  let line: Int
  let index: Int
  let text: String
  /// Width folded and trimmed, as patterns see it.
  let folded: [Unicode.Scalar]
  /// As labels are compared (`LabelKey`).
  let key: [Unicode.Scalar]

  /// The key without its leading list marker and its trailing explanation (the field's word
  /// is compared with this), and the label the mapping lists (the key up to its explanation).
  let core: (word: [Unicode.Scalar], label: [Unicode.Scalar])
  /// The fiscal year the text names, if it names one.
  let year: DraftText.Year?
  let isSentence: Bool

  init(_ cell: SourceCell) {
    line = cell.line
    index = cell.index
    text = cell.text
    let folded = JapaneseWidth.trimmed(JapaneseWidth.fold(cell.text))
    self.folded = Array(folded.unicodeScalars)
    key = Array(LabelKey(folded: folded).text.unicodeScalars)
    let end = DraftText.explanationStart(key)
    let label = Array(key[..<end])
    let marker = DraftText.markerLength(label)
    core = (marker < label.count ? Array(label[marker...]) : label, label)
    year = DraftText.year(in: self.folded)
    isSentence = DraftText.isSentence(self.folded)
  }
}
