/// Reads text extracted from PDFs: one row per line, cells split on tabs, HTML remnants turned
/// into structure.
///
/// Cell counts vary from line to line and cells shift: the reader keeps every cell where it is,
/// empty ones included, and leaves their meaning to the mappings.
public enum PDFTextReader {
  /// Reads UTF-8 bytes (a BOM is allowed).
  ///
  /// Bytes that are not UTF-8 are an error naming their offset.
  public static func read(_ bytes: [UInt8], fileName: String) throws(SourceReadError) -> SourceTable
  {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    var check = UTF8Check()
    if let failure = check.check(body) ?? check.finish() {
      let offset = failure.offset + (bytes.count - body.count)
      throw SourceReadError(
        file: fileName, offset: offset,
        message:
          "not UTF-8 (\(failure.reason)); convert the file to UTF-8 first, for example with "
          + "`iconv -f CP932 -t UTF-8` for Shift_JIS")
    }
    var rows: [SourceRow] = []
    var lineNumber = 0
    var lines = body.split(separator: 0x0A, omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    for line in lines {
      lineNumber += 1
      var content = line
      if content.last == 0x0D { content = content.dropLast() }
      let cells = content.split(separator: 0x09, omittingEmptySubsequences: false).enumerated().map
      {
        index, bytes in
        let raw = String(decoding: bytes, as: UTF8.self)
        let (text, blocks) = HTMLRemnants.parse(raw)
        return SourceCell(line: lineNumber, index: index + 1, raw: raw, text: text, blocks: blocks)
      }
      rows.append(SourceRow(line: lineNumber, cells: cells))
    }
    return SourceTable(fileName: fileName, encoding: "UTF-8", rows: rows)
  }
}
