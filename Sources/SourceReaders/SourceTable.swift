/// What a reader makes of a source file: rows of cells with their positions.
///
/// It knows nothing of sheet families; the mappings give it meaning.
public struct SourceTable: Sendable, Hashable {
  /// The most rows a sheet holds (Excel's limit, 1,048,576): a row numbered past it is an
  /// error, not a table of a billion empty lines.
  public static let maximumRows = 1_048_576
  /// The most columns a sheet holds (Excel's limit, XFD = 16,384).
  public static let maximumColumns = 16_384

  /// The file's name, without its directory.
  public var fileName: String
  /// The encoding the bytes were decoded with.
  public var encoding: String
  /// Every line of the file, blank ones included, so line numbers stay true.
  public var rows: [SourceRow]

  /// The workbook sheet the table was read from, for workbooks.
  public var sheet: String?
  /// Workbooks: the rows and columns the sheet hides (their cells are read like the others).
  public var hiddenRows: [Int] = []
  public var hiddenColumns: [Int] = []
  /// Workbooks: the merged ranges; each one's value is its top-left cell's.
  public var mergedRanges: [CellRange] = []

  /// Byte sequences that did not decode and were replaced with U+FFFD (only when asked to).
  public var replacements: [ByteReplacement]
  /// Tables: quoted fields that run over line breaks through text that looks like rows of the
  /// table (a stray `"` that swallowed the rows after it into one cell).
  public var swallowingQuotes: [SwallowingQuote] = []

  /// A quoted field that holds what look like rows.
  public struct SwallowingQuote: Sendable, Hashable {
    /// The row and column of the cell the quote opened.
    public var row: Int
    public var column: Int
    /// The physical line of the file where the quote opened.
    public var line: Int
    /// The line breaks inside the field, and how many of the lines after them hold separators
    /// as a row does.
    public var lineBreaks: Int
    public var rowLikeLines: Int
  }

  public init(
    fileName: String, encoding: String, rows: [SourceRow], replacements: [ByteReplacement] = []
  ) {
    self.fileName = fileName
    self.encoding = encoding
    self.rows = rows
    self.replacements = replacements
  }

  /// Every non-empty cell, in reading order.
  public var cells: [SourceCell] { rows.flatMap(\.nonEmptyCells) }
}

/// A rectangle of cells, by 1-based rows and columns (`B2:D3` is rows 2–3, columns 2–4).
public struct CellRange: Sendable, Hashable {
  public var rows: ClosedRange<Int>
  public var columns: ClosedRange<Int>

  public init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
    self.rows = rows
    self.columns = columns
  }
}

/// A byte sequence of a source that did not decode, where it was, and where its U+FFFD is.
public struct ByteReplacement: Sendable, Hashable {
  /// The byte offset in the file.
  public var offset: Int
  /// The bytes as the file has them.
  public var bytes: [UInt8]
  /// The line and cell now holding U+FFFD in its place.
  public var line: Int
  public var cell: Int

  public init(offset: Int, bytes: [UInt8], line: Int, cell: Int) {
    self.offset = offset
    self.bytes = bytes
    self.line = line
    self.cell = cell
  }

  /// The bytes in hex, `0x93 0xFF`.
  public var hex: String {
    bytes.map(hexByte).joined(separator: " ")
  }
}
