/// Reads a cell's raw text into its plain text and blocks, whatever form the cell came from.
///
/// HTML remnants are read as `HTMLRemnants` reads them. Spreadsheet and XML cells also break
/// lines: each line is then read on its own, and consecutive lines holding tabs (a table pasted
/// into one cell) are one table block, a row per line.
enum CellContent {
  static func parse(_ raw: String) -> (text: String, blocks: [CellBlock]) {
    guard raw.utf8.contains(0x0A) || raw.utf8.contains(0x0D) else {
      return HTMLRemnants.parse(raw)
    }
    var blocks: [CellBlock] = []
    var tableRows: [[String]] = []
    func flushTable() {
      if !tableRows.isEmpty { blocks.append(.table(rows: tableRows)) }
      tableRows = []
    }
    // Split on the line-break bytes, not on characters: a line break is always a character
    // of its own, so the lines are the same, without the grapheme walk.
    let utf8 = raw.utf8
    let lines = utf8.split(omittingEmptySubsequences: true) { $0 == 0x0A || $0 == 0x0D }.map {
      Substring(utf8[$0.startIndex..<$0.endIndex])
    }
    for line in lines {
      if line.utf8.contains(0x09) {
        let row = line.split(separator: "\t", omittingEmptySubsequences: false).map {
          HTMLRemnants.collapse($0)
        }
        if row.contains(where: { !$0.isEmpty }) { tableRows.append(row) }
        continue
      }
      flushTable()
      blocks += HTMLRemnants.parse(String(line)).blocks
    }
    flushTable()
    let text = blocks.map(HTMLRemnants.plainText).filter { !$0.isEmpty }.joined(separator: " ")
    return (text, blocks)
  }
}
