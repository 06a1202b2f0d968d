/// Reads a cell's raw text into its plain text and blocks, whatever form the cell came from.
///
/// HTML remnants are read as `HTMLRemnants` reads them. Spreadsheet and XML cells also break
/// lines: each line is then read on its own, and consecutive lines holding tabs (a table pasted
/// into one cell) are one table block, a row per line.
enum CellContent {
  static func parse(_ raw: String) -> (text: String, blocks: [CellBlock]) {
    switch shape(of: raw) {
    case .plain: return (raw, raw.isEmpty ? [] : [.text(raw)])
    case .oneLine: return HTMLRemnants.parse(raw)
    case .lines: break
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

  /// What a cell's text needs, found in one pass over its bytes.
  ///
  /// Nothing (most cells: no white space to collapse, no markup, one line), the reading of one
  /// line, or a split into lines.
  private enum Shape {
    case plain
    case oneLine
    case lines
  }

  private static func shape(of raw: String) -> Shape {
    var raw = raw
    return raw.withUTF8 { bytes in
      var shape = Shape.plain
      for byte in bytes {
        switch byte {
        case 0x0A, 0x0D: return .lines
        case 0x20, 0x09, UInt8(ascii: "<"): shape = .oneLine
        default: continue
        }
      }
      return shape
    }
  }
}
