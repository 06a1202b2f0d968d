import Foundation
import LibXML2
import ZIPFoundation

/// Reads one sheet of an Excel workbook (.xlsx: Office Open XML in a ZIP archive) into a table:
/// a row per sheet row that has cells, each cell at its column (A is 1), holding what Excel
/// shows for it.
///
/// - Strings (shared and inline, rich-text runs joined), numbers as Excel stored them (`1234.5`),
///   booleans (`TRUE`, `FALSE`), errors (`#N/A`), and the cached value of a formula (a formula is
///   never evaluated; one without a cached value is empty).
/// - A number in a date format is the ISO date (`2025-04-01`, with the time where it has one),
///   in the workbook's 1900 or 1904 date system.
/// - A merged range's value is its top-left cell's, as Excel keeps it; the other cells are empty.
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
    let workbook = try Workbook(bytes, fileName: fileName)
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
      let archive: Archive
      do {
        archive = try Archive(data: Data(bytes), accessMode: .read)
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
        let root = try Self.parse(shared, part: "xl/sharedStrings.xml", fileName: fileName)
        for item in root.elements where item.name == "si" {
          strings.append(Self.stringItem(item))
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

    /// A shared or inline string: its text, or its rich-text runs' texts joined (phonetic
    /// guides, `rPh`, are not text of the cell).
    static func stringItem(_ item: XMLNode) -> String {
      var text = ""
      for child in item.elements {
        switch child.name {
        case "t": text += child.text
        case "r": text += child.elements.filter { $0.name == "t" }.map(\.text).joined()
        default: continue
        }
      }
      return text
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

    /// The table of one sheet.
    func table(of sheet: (name: String, path: String)) throws(SourceReadError) -> SourceTable {
      guard let bytes = try Self.part(sheet.path, in: archive, fileName: fileName) else {
        throw SourceReadError(
          file: fileName,
          message: "the sheet 「\(sheet.name)」 names the part \(sheet.path), which is missing")
      }
      let root = try Self.parse(bytes, part: sheet.path, fileName: fileName)
      var rows: [SourceRow] = []
      for data in root.elements where data.name == "sheetData" {
        var previousRow = 0
        for row in data.elements where row.name == "row" {
          let number = row.attribute("r").flatMap { Int($0) } ?? previousRow + 1
          previousRow = number
          var values: [(column: Int, text: String)] = []
          var previousColumn = 0
          for cell in row.elements where cell.name == "c" {
            let column =
              cell.attribute("r").flatMap(Self.column(ofReference:)) ?? previousColumn + 1
            previousColumn = column
            let text = value(of: cell)
            if !text.isEmpty { values.append((column, text)) }
          }
          guard let last = values.last?.column else { continue }
          var cells: [SourceCell] = []
          cells.reserveCapacity(last)
          var next = values.makeIterator()
          var pending = next.next()
          for column in 1...last {
            var text = ""
            if let value = pending, value.column == column {
              text = value.text
              pending = next.next()
            }
            let (clean, blocks) = CellContent.parse(text)
            cells.append(
              SourceCell(line: number, index: column, raw: text, text: clean, blocks: blocks))
          }
          rows.append(SourceRow(line: number, cells: cells))
        }
      }
      return SourceTable(fileName: fileName, encoding: "UTF-8", rows: rows)
    }

    /// What Excel shows in a cell, as text.
    func value(of cell: XMLNode) -> String {
      let type = cell.attribute("t") ?? "n"
      var cached: String?
      var inline: String?
      for child in cell.elements {
        switch child.name {
        case "v": cached = child.text
        case "is": inline = Self.stringItem(child)
        default: continue
        }
      }
      switch type {
      case "s":
        guard let index = cached.flatMap({ Int($0) }), sharedStrings.indices.contains(index)
        else { return cached ?? "" }
        return sharedStrings[index]
      case "inlineStr": return inline ?? cached ?? ""
      case "b": return cached == "1" ? "TRUE" : cached == "0" ? "FALSE" : cached ?? ""
      case "str", "e": return cached ?? ""
      default:
        guard let cached else { return "" }
        if let style = cell.attribute("s").flatMap({ Int($0) }), dateStyles.indices.contains(style),
          dateStyles[style], let serial = Double(cached)
        {
          return Self.isoDate(serial: serial, date1904: date1904) ?? cached
        }
        return cached
      }
    }

    /// The column number of an A1 reference (`H3` is 8).
    static func column(ofReference reference: String) -> Int? {
      var column = 0
      for scalar in reference.unicodeScalars {
        guard ("A"..."Z").contains(scalar) else { break }
        column = column * 26 + Int(scalar.value - 64)
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
