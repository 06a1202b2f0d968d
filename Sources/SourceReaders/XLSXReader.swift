import Foundation
import LibXML2
import ZIPFoundation

/// Reads one sheet of an Excel workbook (.xlsx: Office Open XML in a ZIP archive) into a table:
/// a row per sheet row that has cells, each cell at its column (A is 1), holding what Excel
/// shows for it.
///
/// - Strings (shared and inline, rich-text runs joined), numbers in the shortest form that reads
///   back as the stored double (`75.6` for a stored `75.599999999999994`, `3089` for `3089.0`),
///   booleans (`TRUE`, `FALSE`), errors (`#N/A`), and the cached value of a formula (a formula is
///   never evaluated; one without a cached value is empty).
/// - A number in a date format is the ISO date (`2025-04-01`, with the time where it has one),
///   in the workbook's 1900 or 1904 date system.
/// - A merged range's value is its top-left cell's, as Excel keeps it; the other cells are empty,
///   and the ranges are listed (`SourceTable.mergedRanges`).
/// - Hidden rows and columns are read like the others, and listed (`hiddenRows`,
///   `hiddenColumns`), so a mapping's reader can say so.
///
/// The archive is read with limits, so a damaged file or a ZIP bomb is an error rather than a
/// crash or a full memory: each part at most `maximumPartBytes` expanded, and at most
/// `maximumRatio` times its compressed size.
public enum XLSXReader {
  /// The most bytes one part of the workbook may expand to.
  public static let maximumPartBytes = 512 * 1024 * 1024
  /// The most a part may expand relative to its compressed size (text compresses 5–20 times).
  public static let maximumRatio = 1000

  /// The names of the workbook's sheets, in order.
  public static func sheetNames(_ bytes: [UInt8], fileName: String) throws(SourceReadError)
    -> [String]
  {
    let workbook = try Workbook(bytes, fileName: fileName)
    return workbook.sheets.map(\.name)
  }

  /// Reads the sheet named `sheet` (the first sheet when nil).
  public static func read(_ bytes: [UInt8], fileName: String, sheet: String? = nil)
    throws(SourceReadError) -> SourceTable
  {
    try read(bytes, fileName: fileName, choosing: { _ in sheet })
  }

  /// Reads the sheet `choose` names, given the workbook's sheet names (the first sheet when it
  /// names none).
  public static func read(
    _ bytes: [UInt8], fileName: String, choosing choose: ([String]) -> String?
  ) throws(SourceReadError) -> SourceTable {
    let workbook = try Workbook(bytes, fileName: fileName)
    let sheet = choose(workbook.sheets.map(\.name))
    guard
      let chosen = sheet.map({ name in workbook.sheets.first { $0.name == name } })
        ?? workbook.sheets.first
    else {
      let names = workbook.sheets.map { "「\($0.name)」" }.joined(separator: ", ")
      throw SourceReadError(
        file: fileName,
        message: sheet.map { "the workbook has no sheet named 「\($0)」; its sheets: \(names)" }
          ?? "the workbook has no sheet")
    }
    return try workbook.table(of: chosen)
  }

  /// The parts of a workbook needed to read its sheets.
  struct Workbook {
    let fileName: String
    let archive: Archive
    let sheets: [(name: String, path: String)]
    let sharedStrings: [String]
    /// For each cell style index, whether it formats numbers as dates.
    let dateStyles: [Bool]
    let date1904: Bool

    init(_ bytes: [UInt8], fileName: String) throws(SourceReadError) {
      self.fileName = fileName
      if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        throw SourceReadError(
          file: fileName,
          message: "an OLE2 file: an old binary Excel workbook (.xls) or one encrypted with a "
            + "password; gyosei reads .xlsx: save it in Excel as .xlsx (without a password) or "
            + "as CSV")
      }
      guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
        throw SourceReadError(
          file: fileName,
          message: "not a ZIP archive, so not an .xlsx workbook; save it in Excel as .xlsx or "
            + "as CSV")
      }
      if let problem = ZIPBounds.problem(bytes) {
        throw SourceReadError(
          file: fileName,
          message: "the ZIP archive is damaged or truncated (\(problem)); save the workbook "
            + "again as .xlsx or as CSV")
      }
      let archive: Archive
      do {
        archive = try Self.openArchive(bytes)
      } catch {
        throw SourceReadError(
          file: fileName,
          message: "the ZIP archive is damaged or truncated (its directory cannot be read); "
            + "save the workbook again as .xlsx or as CSV")
      }
      self.archive = archive
      guard let workbookXML = try Self.part("xl/workbook.xml", in: archive, fileName: fileName)
      else {
        throw SourceReadError(
          file: fileName,
          message: "a ZIP archive without xl/workbook.xml: not an Excel workbook")
      }
      let workbook = try Self.parse(workbookXML, part: "xl/workbook.xml", fileName: fileName)
      var relations: XMLNode?
      if let bytes = try Self.part("xl/_rels/workbook.xml.rels", in: archive, fileName: fileName) {
        relations = try Self.parse(bytes, part: "xl/_rels/workbook.xml.rels", fileName: fileName)
      }
      var targets: [String: String] = [:]
      relations?.walkElements { node, _ in
        if node.name == "Relationship", let id = node.attribute("Id"),
          let target = node.attribute("Target")
        {
          targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
      }
      var sheets: [(String, String)] = []
      var date1904 = false
      workbook.walkElements { node, _ in
        if node.name == "sheet", let name = node.attribute("name"),
          let id = node.attribute("id"), let target = targets[id]
        {
          sheets.append((name, target))
        } else if node.name == "workbookPr" {
          date1904 = ["1", "true"].contains(node.attribute("date1904") ?? "")
        }
      }
      self.sheets = sheets
      self.date1904 = date1904
      var strings: [String] = []
      if let shared = try Self.part("xl/sharedStrings.xml", in: archive, fileName: fileName) {
        // Streamed: a workbook's strings can run to megabytes. An item's text is its <t>, or
        // its rich-text runs' <t> joined; phonetic guides (<rPh>) are not text of the cell.
        var current: [UInt8] = []
        var inText = false
        var phonetic = 0
        try Self.stream(shared, part: "xl/sharedStrings.xml", fileName: fileName) { event in
          switch event {
          case .start(let name, _):
            switch name {
            case "si": current.removeAll(keepingCapacity: true)
            case "rPh": phonetic += 1
            case "t" where phonetic == 0: inText = true
            default: break
            }
          case .end(let name):
            switch name {
            case "t": inText = false
            case "rPh": phonetic -= 1
            case "si": strings.append(String(decoding: current, as: UTF8.self))
            default: break
            }
          case .text(let text):
            if inText { current.append(contentsOf: text.buffer) }
          }
        }
      }
      sharedStrings = strings
      var dates: [Bool] = []
      if let styles = try Self.part("xl/styles.xml", in: archive, fileName: fileName) {
        let root = try Self.parse(styles, part: "xl/styles.xml", fileName: fileName)
        var custom: [Int: Bool] = [:]
        root.walkElements { node, _ in
          if node.name == "numFmt", let id = node.attribute("numFmtId").flatMap({ Int($0) }) {
            custom[id] = Self.isDateFormat(node.attribute("formatCode") ?? "")
          }
        }
        for section in root.elements where section.name == "cellXfs" {
          for format in section.elements where format.name == "xf" {
            let id = format.attribute("numFmtId").flatMap { Int($0) } ?? 0
            dates.append(custom[id] ?? Self.builtInDateFormats.contains(id))
          }
        }
      }
      dateStyles = dates
    }

    /// The built-in number formats that show dates and times (ECMA-376 18.8.30, with the
    /// Japanese ones: 和暦 27–36 and 50–58).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47)
      .union(50...58)

    /// Whether a custom number format shows a date or time: a y, d, h or s outside quotes,
    /// brackets and escapes (`yyyy/m/d`, `ggge"年"m"月"d"日"`, `h:mm`).
    static func isDateFormat(_ code: String) -> Bool {
      var inQuotes = false
      var inBrackets = false
      var escaped = false
      for character in code.lowercased() {
        if escaped {
          escaped = false
          continue
        }
        switch character {
        case "\\": escaped = true
        case "\"": inQuotes.toggle()
        case "[": inBrackets = true
        case "]": inBrackets = false
        case "y", "d", "h", "s":
          if !inQuotes && !inBrackets { return true }
        default: continue
        }
      }
      return false
    }

    /// A part's bytes, or nil when the archive has no such part; expanded within the limits.
    static func part(_ path: String, in archive: Archive, fileName: String)
      throws(SourceReadError) -> [UInt8]?
    {
      guard let entry = archive[path] else { return nil }
      let declared = entry.uncompressedSize
      let compressed = max(entry.compressedSize, 1)
      if declared > UInt64(maximumPartBytes) || declared / compressed > UInt64(maximumRatio) {
        throw bomb(path, size: declared, compressed: compressed, fileName: fileName)
      }
      var bytes: [UInt8] = []
      bytes.reserveCapacity(Int(declared))
      do {
        _ = try archive.extract(entry, skipCRC32: false) { chunk in
          bytes.append(contentsOf: chunk)
          if bytes.count > maximumPartBytes || UInt64(bytes.count) > declared {
            throw PartTooLarge()
          }
        }
      } catch is PartTooLarge {
        throw bomb(path, size: UInt64(bytes.count), compressed: compressed, fileName: fileName)
      } catch {
        throw SourceReadError(
          file: fileName,
          message: "the part \(path) of the workbook cannot be read (the file is damaged or "
            + "truncated); save the workbook again as .xlsx or as CSV")
      }
      return bytes
    }

    struct PartTooLarge: Error {}

    static func bomb(_ path: String, size: UInt64, compressed: UInt64, fileName: String)
      -> SourceReadError
    {
      SourceReadError(
        file: fileName,
        message: "refused: the part \(path) expands to \(size) bytes from \(compressed) "
          + "(more than \(maximumPartBytes) bytes, or \(maximumRatio) times its size), as a "
          + "ZIP bomb does; if the workbook is genuine, save its sheet as CSV")
    }

    static func parse(_ bytes: [UInt8], part: String, fileName: String) throws(SourceReadError)
      -> XMLNode
    {
      do {
        guard let root = try XMLTree.parse(bytes, fileName: fileName + "!" + part).root else {
          throw SourceReadError(file: fileName, message: "the part \(part) is empty")
        }
        return root
      } catch let error as SourceReadError {
        throw error
      } catch {
        throw SourceReadError(
          file: fileName, message: "the part \(part) is not well-formed XML: \(error)")
      }
    }

    /// The archive of the workbook's bytes.
    ///
    /// ZIPFoundation's reader of an archive in memory traps when a damaged entry makes it seek
    /// past the end (found by fuzzing: `Range requires lowerBound <= upperBound`); its reader of
    /// a file gets a short read and throws. So the bytes go to a temporary file, which is
    /// unlinked as soon as the archive holds it open.
    static func openArchive(_ bytes: [UInt8]) throws -> Archive {
      let url = FileManager.default.temporaryDirectory.appendingPathComponent(
        "gyosei-workbook-\(UUID().uuidString).zip")
      try Data(bytes).write(to: url)
      defer { try? FileManager.default.removeItem(at: url) }
      return try Archive(url: url, accessMode: .read)
    }

    /// Reads a part as a stream of events; a part that is not well-formed is an error naming it.
    static func stream(
      _ bytes: [UInt8], part: String, fileName: String, _ visit: (XMLStream.Event) -> Void
    ) throws(SourceReadError) {
      do {
        try XMLStream.read(bytes, fileName: fileName + "!" + part, visit)
      } catch {
        throw SourceReadError(
          file: fileName, message: "the part \(part) is not well-formed XML: \(error)")
      }
    }

    /// The table of one sheet, read as a stream: a row per <row> with cells, each cell at its
    /// column.
    func table(of sheet: (name: String, path: String)) throws(SourceReadError) -> SourceTable {
      guard let bytes = try Self.part(sheet.path, in: archive, fileName: fileName) else {
        throw SourceReadError(
          file: fileName,
          message: "the sheet 「\(sheet.name)」 names the part \(sheet.path), which is missing")
      }
      var rows: [SourceRow] = []
      var rowNumber = 0
      var values: [(column: Int, text: String)] = []
      var column = 0
      var cell: (type: CellType, style: Int?) = (.number, nil)
      var cached: [UInt8]?
      var inline: [UInt8]?
      var collecting = false  // inside a <v>, or a <t> of an inline string
      var phonetic = 0
      var collected: [UInt8] = []
      var hiddenRows: [Int] = []
      var hiddenColumns: [Int] = []
      var merged: [CellRange] = []
      try Self.stream(bytes, part: sheet.path, fileName: fileName) { event in
        switch event {
        case .start(let name, let attributes):
          switch name {
          case "c":
            column = attributes.bytes("r").flatMap(Self.column(ofReference:)) ?? column + 1
            cell = (attributes.bytes("t").map(CellType.init) ?? .number, attributes.integer("s"))
            cached = nil
            inline = nil
          case "v":
            collecting = true
            collected.removeAll(keepingCapacity: true)
          case "row":
            rowNumber = attributes.integer("r") ?? rowNumber + 1
            if Self.isTrue(attributes["hidden"]) { hiddenRows.append(rowNumber) }
            values = []
            column = 0
          case "col":
            if Self.isTrue(attributes["hidden"]), let first = attributes.integer("min"),
              let last = attributes.integer("max"), first >= 1, first <= last, last <= 16_384
            {
              hiddenColumns += Array(first...last)
            }
          case "mergeCell":
            if let range = attributes["ref"].flatMap(Self.range(ofReference:)) {
              merged.append(range)
            }
          case "is":
            inline = []
          case "rPh":
            phonetic += 1
          case "t" where inline != nil && phonetic == 0:
            collecting = true
            collected.removeAll(keepingCapacity: true)
          default:
            break
          }
        case .text(let text):
          if collecting { collected.append(contentsOf: text.buffer) }
        case .end(let name):
          switch name {
          case "v":
            cached = collected
            collecting = false
          case "t" where collecting && inline != nil:
            inline?.append(contentsOf: collected)
            collecting = false
          case "rPh":
            phonetic -= 1
          case "c":
            let text = value(type: cell.type, style: cell.style, cached: cached, inline: inline)
            if !text.isEmpty { values.append((column, text)) }
          case "row":
            if let row = Self.row(rowNumber, values) { rows.append(row) }
          default:
            break
          }
        }
      }
      var table = SourceTable(fileName: fileName, encoding: "UTF-8", rows: rows)
      table.sheet = sheet.name
      table.hiddenRows = hiddenRows
      table.hiddenColumns = hiddenColumns
      table.mergedRanges = merged
      return table
    }

    /// A row of the table: its cells from column A to its last value, dense.
    static func row(_ number: Int, _ values: [(column: Int, text: String)]) -> SourceRow? {
      guard let last = values.map(\.column).max() else { return nil }
      var texts = [String](repeating: "", count: last)
      for value in values { texts[value.column - 1] = value.text }
      let cells = texts.enumerated().map { offset, text in
        let (clean, blocks) = text.isEmpty ? ("", []) : CellContent.parse(text)
        return SourceCell(line: number, index: offset + 1, raw: text, text: clean, blocks: blocks)
      }
      return SourceRow(line: number, cells: cells)
    }

    /// A cell's type (`t`): how its value is stored.
    enum CellType {
      case sharedString, inlineString, boolean, string, error, number

      init(_ bytes: XMLStream.Bytes) {
        switch bytes {
        case "s": self = .sharedString
        case "inlineStr": self = .inlineString
        case "b": self = .boolean
        case "str": self = .string
        case "e": self = .error
        default: self = .number
        }
      }
    }

    /// What Excel shows in a cell of this type and style, as text.
    func value(type: CellType, style: Int?, cached: [UInt8]?, inline: [UInt8]?) -> String {
      switch type {
      case .sharedString:
        guard let cached else { return "" }
        guard let index = Self.integer(cached), sharedStrings.indices.contains(index) else {
          return String(decoding: cached, as: UTF8.self)
        }
        return sharedStrings[index]
      case .inlineString:
        return String(decoding: inline ?? cached ?? [], as: UTF8.self)
      case .boolean:
        guard let cached else { return "" }
        return cached == [UInt8(ascii: "1")]
          ? "TRUE"
          : cached == [UInt8(ascii: "0")] ? "FALSE" : String(decoding: cached, as: UTF8.self)
      case .string, .error:
        return String(decoding: cached ?? [], as: UTF8.self)
      case .number:
        guard let cached else { return "" }
        let stored = String(decoding: cached, as: UTF8.self)
        if let style, dateStyles.indices.contains(style), dateStyles[style],
          let serial = Double(stored)
        {
          return Self.isoDate(serial: serial, date1904: date1904) ?? stored
        }
        // Most stored numbers are whole and already in their shortest form (`0`, `3089`).
        return Self.isPlainWholeNumber(cached) ? stored : Self.shortest(stored)
      }
    }

    /// Digits read as a decimal integer, or nil.
    static func integer(_ bytes: [UInt8]) -> Int? {
      bytes.withUnsafeBufferPointer { XMLStream.Bytes(buffer: $0).integer }
    }

    /// Whether stored digits are a whole number as `shortest` writes it: at most 15 digits, no
    /// sign, no leading zero.
    static func isPlainWholeNumber(_ bytes: [UInt8]) -> Bool {
      guard !bytes.isEmpty, bytes.count <= 15, bytes[0] != UInt8(ascii: "0") || bytes.count == 1
      else { return false }
      return bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// A stored number in its shortest form that reads back as the same double.
    ///
    /// Excel stores 17 significant digits (`75.599999999999994`) and shows `75.6`; a whole
    /// number has no decimal point. Text that is not a finite number is kept as stored.
    static func shortest(_ stored: String) -> String {
      guard let value = Double(stored), value.isFinite else { return stored }
      if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
      return "\(value)"
    }

    static func isTrue(_ value: String?) -> Bool { value == "1" || value == "true" }

    /// The rows and columns of a range reference (`B2:D3`; a single cell `B2` is its own range).
    static func range(ofReference reference: String) -> CellRange? {
      let corners = reference.split(separator: ":").map(String.init)
      guard corners.count == 1 || corners.count == 2 else { return nil }
      var rows: [Int] = []
      var columns: [Int] = []
      for corner in corners {
        guard let column = column(ofReference: corner),
          let row = Int(corner.drop { ("A"..."Z").contains($0) }), row >= 1
        else { return nil }
        rows.append(row)
        columns.append(column)
      }
      guard let firstRow = rows.min(), let lastRow = rows.max(), let firstColumn = columns.min(),
        let lastColumn = columns.max()
      else { return nil }
      return CellRange(rows: firstRow...lastRow, columns: firstColumn...lastColumn)
    }

    /// The column number of an A1 reference (`H3` is 8).
    static func column(ofReference reference: String) -> Int? {
      var reference = reference
      return reference.withUTF8 { column(ofReference: XMLStream.Bytes(buffer: $0)) }
    }

    /// The column number of an A1 reference's bytes.
    static func column(ofReference reference: XMLStream.Bytes) -> Int? {
      var column = 0
      for byte in reference.buffer {
        guard byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") else { break }
        column = column * 26 + Int(byte - 64)
        if column > 16_384 { return nil }  // past XFD, Excel's last column
      }
      return column > 0 ? column : nil
    }

    /// A date serial as an ISO date (with the time when it has a fraction of a day), in the
    /// 1900 date system (day 1 is 1900-01-01, and Excel's day 60 is the 1900-02-29 that never
    /// was) or the 1904 one (day 0 is 1904-01-02 … 0 is 1904-01-01).
    static func isoDate(serial: Double, date1904: Bool) -> String? {
      guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
      var days = Int(serial.rounded(.down))
      let seconds = Int(((serial - Double(days)) * 86_400).rounded())
      if date1904 {
        days += 1462  // 1904-01-01 as a 1900-system serial
      } else if days == 60 {
        return nil  // 1900-02-29 does not exist
      }
      // Days since 1899-12-31 in the 1900 system, skipping the phantom leap day.
      let civil = days < 60 ? days : days - 1
      // 1899-12-31 is day 693_595 of the proleptic Gregorian count from 0001-01-01 (day 1).
      let (year, month, day) = Self.civilDate(fromDayNumber: 693_595 + civil)
      var text = String(format: "%04d-%02d-%02d", year, month, day)
      if seconds > 0 && seconds < 86_400 {
        text += String(format: "T%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
      }
      return text
    }

    /// The year, month and day of a day number counted from 0001-01-01 as day 1.
    static func civilDate(fromDayNumber number: Int) -> (Int, Int, Int) {
      // Howard Hinnant's days-from-civil inverse, from 1970-01-01 = 719_163.
      let z = number - 719_163 + 719_468
      let era = (z >= 0 ? z : z - 146_096) / 146_097
      let dayOfEra = z - era * 146_097
      let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
      let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
      let monthPrime = (5 * dayOfYear + 2) / 153
      let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
      let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
      let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
      return (year, month, day)
    }
  }
}
