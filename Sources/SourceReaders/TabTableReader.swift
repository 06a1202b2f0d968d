/// Reads tables exported from spreadsheets: tab-separated text (Excel's "Unicode text", in
/// UTF-16LE) and comma-separated values, in any encoding `TextDecoder` knows.
///
/// Fields follow Excel's quoting: a field that starts with `"` runs to the next lone `"`, and
/// may hold separators, line breaks and doubled quotes (`""` is one `"`). Rows end with LF,
/// CRLF or CR; rows may be ragged and end in empty columns. A row is a record, not a physical
/// line: `line` is the row number and `index` the column, as a spreadsheet shows them.
public enum TabTableReader {
  /// What separates fields.
  public enum Separator: Sendable, Hashable {
    case tab
    case comma

    var byte: UInt8 { self == .tab ? 0x09 : 0x2C }

    /// The separator a file's extension names: tab for `.tsv` and `.tab`, comma for `.csv`;
    /// `nil` for any other file.
    public init?(fileName: String) {
      switch fileName.split(separator: ".").last?.lowercased() {
      case "tsv", "tab": self = .tab
      case "csv": self = .comma
      default: return nil
      }
    }
  }

  /// Reads a file's bytes, in `encoding` or the one detected.
  ///
  /// A quoted field left open at the end of the file is an error naming the row, column and
  /// line where it opened. Bytes that do not decode are an error unless `lossy` (see
  /// `PDFTextReader.read`).
  public static func read(
    _ bytes: [UInt8], fileName: String, separator: Separator, encoding: TextEncoding? = nil,
    lossy: Bool = false
  ) throws(SourceReadError) -> SourceTable {
    let decoded = try TextDecoder.decode(
      bytes, encoding: encoding, lossy: lossy, fileName: fileName)
    var parser = FieldParser(text: decoded.text, separator: separator.byte)
    var pending = decoded.replacements[...]
    var replacements: [ByteReplacement] = []
    var rows: [SourceRow] = []
    var swallowing: [SourceTable.SwallowingQuote] = []
    var width = 0
    while let fields = try parser.nextRow(fileName: fileName) {
      let rowNumber = rows.count + 1
      width = max(width, fields.count)
      var cells: [SourceCell] = []
      for (index, field) in fields.enumerated() {
        // A line inside a quoted cell with half a row's separators (two at least) is most
        // likely a row that a stray quote swallowed; a cell's own text seldom holds that many.
        let rowLike = field.separatorsPerLaterLine.count { $0 >= max(2, (width - 1) / 2) }
        if let openedAt = field.openedAt, rowLike > 0 {
          swallowing.append(
            SourceTable.SwallowingQuote(
              row: rowNumber, column: index + 1, line: openedAt, lineBreaks: field.lineBreaks,
              rowLikeLines: rowLike))
        }
        while let next = pending.first, next.textOffset < field.end {
          replacements.append(
            ByteReplacement(
              offset: next.offset, bytes: next.bytes, line: rowNumber, cell: index + 1))
          pending = pending.dropFirst()
        }
        let raw = String(decoding: field.content, as: UTF8.self)
        let (text, blocks) = CellContent.parse(raw)
        cells.append(
          SourceCell(line: rowNumber, index: index + 1, raw: raw, text: text, blocks: blocks))
      }
      rows.append(SourceRow(line: rowNumber, cells: cells))
    }
    var table = SourceTable(
      fileName: fileName, encoding: decoded.encoding.rawValue, rows: rows,
      replacements: replacements)
    table.swallowingQuotes = swallowing
    return table
  }

  /// One field: its content with the quoting undone, and where it ends in the decoded text.
  struct Field {
    var content: [UInt8]
    var end: Int
    /// For a quoted field: the physical line it opened on, its line breaks, and for each line
    /// after a break the separators it holds.
    var openedAt: Int?
    var lineBreaks = 0
    var separatorsPerLaterLine: [Int] = []
  }

  /// Splits decoded UTF-8 into rows of fields, byte by byte.
  struct FieldParser {
    let text: [UInt8]
    let separator: UInt8
    private var position = 0
    private var physicalLine = 1

    init(text: [UInt8], separator: UInt8) {
      self.text = text
      self.separator = separator
    }

    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    /// The next row's fields, or `nil` at the end of the text.
    mutating func nextRow(fileName: String) throws(SourceReadError) -> [Field]? {
      guard position < text.count else { return nil }
      var fields: [Field] = []
      while true {
        fields.append(try nextField(fileName: fileName, column: fields.count + 1))
        guard position < text.count else { return fields }
        let byte = text[position]
        position += 1
        if byte == separator { continue }
        // A line end: CRLF, LF or CR.
        if byte == Self.carriageReturn, position < text.count, text[position] == Self.lineFeed {
          position += 1
        }
        physicalLine += 1
        return fields
      }
    }

    private mutating func nextField(fileName: String, column: Int) throws(SourceReadError)
      -> Field
    {
      var content: [UInt8] = []
      var field = Field(content: [], end: 0)
      if position < text.count, text[position] == Self.quote {
        let openedAt = physicalLine
        field.openedAt = openedAt
        position += 1
        while true {
          guard position < text.count else {
            throw SourceReadError(
              file: fileName,
              message: "line \(openedAt), column \(column): a quoted field opens here and "
                + "is never closed; a field that starts with \" must end with \" (write a \" "
                + "inside a field as \"\")")
          }
          let byte = text[position]
          position += 1
          if byte == Self.quote {
            if position < text.count, text[position] == Self.quote {
              content.append(Self.quote)
              position += 1
              continue
            }
            break
          }
          if byte == Self.lineFeed || (byte == Self.carriageReturn && !nextIs(Self.lineFeed)) {
            physicalLine += 1
            field.lineBreaks += 1
            field.separatorsPerLaterLine.append(0)
          } else if byte == separator, field.lineBreaks > 0 {
            field.separatorsPerLaterLine[field.lineBreaks - 1] += 1
          }
          content.append(byte)
        }
      }
      // Unquoted text, or what follows a closing quote (kept as written, as Excel does).
      while position < text.count {
        let byte = text[position]
        if byte == separator || byte == Self.lineFeed || byte == Self.carriageReturn { break }
        content.append(byte)
        position += 1
      }
      field.content = content
      field.end = position
      return field
    }

    private func nextIs(_ byte: UInt8) -> Bool {
      position < text.count && text[position] == byte
    }
  }
}
