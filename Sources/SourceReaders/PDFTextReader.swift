/// Reads text extracted from PDFs: one row per line, cells split on tabs, HTML remnants turned
/// into structure.
///
/// Cell counts vary from line to line and cells shift: the reader keeps every cell where it is,
/// empty ones included, and leaves their meaning to the mappings.
public enum PDFTextReader {
  /// Reads a file's bytes, in `encoding` or the one detected (see `TextDecoder`).
  ///
  /// Bytes that do not decode are an error naming their offset and the encoding, unless
  /// `lossy`: then each becomes U+FFFD and is listed in the table's `replacements`.
  public static func read(
    _ bytes: [UInt8], fileName: String, encoding: TextEncoding? = nil, lossy: Bool = false
  ) throws(SourceReadError) -> SourceTable {
    let decoded = try TextDecoder.decode(
      bytes, encoding: encoding, lossy: lossy, fileName: fileName)
    let body = decoded.text[...]
    var pending = decoded.replacements[...]
    var replacements: [ByteReplacement] = []
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
        while let next = pending.first, next.textOffset < bytes.endIndex {
          replacements.append(
            ByteReplacement(
              offset: next.offset, bytes: next.bytes, line: lineNumber, cell: index + 1))
          pending = pending.dropFirst()
        }
        let raw = String(decoding: bytes, as: UTF8.self)
        let (text, blocks) = CellContent.parse(raw)
        return SourceCell(line: lineNumber, index: index + 1, raw: raw, text: text, blocks: blocks)
      }
      rows.append(SourceRow(line: lineNumber, cells: cells))
    }
    return SourceTable(
      fileName: fileName, encoding: decoded.encoding.rawValue, rows: rows,
      replacements: replacements)
  }
}
