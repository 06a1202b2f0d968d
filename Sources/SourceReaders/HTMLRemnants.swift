/// Turns the HTML a PDF-to-text conversion left in a cell into structure.
///
/// Only the elements such conversions write are tags here (ul ol li p table tr td br, any case,
/// with any attributes); any other `<` is text. Tags never reach the output text.
enum HTMLRemnants {
  private enum Tag: Equatable {
    case open(String)
    case close(String)
  }

  private static let known: Set<String> = ["ul", "ol", "li", "p", "table", "tr", "td", "th", "br"]

  /// The cell's text without tags, and its blocks.
  static func parse(_ raw: String) -> (text: String, blocks: [CellBlock]) {
    guard
      raw.utf8.withContiguousStorageIfAvailable({ $0.contains(UInt8(ascii: "<")) })
        ?? raw.utf8.contains(UInt8(ascii: "<"))
    else {
      let text = collapse(raw)
      return (text, text.isEmpty ? [] : [.text(text)])
    }
    var builder = BlockBuilder()
    var rest = Substring(raw)
    while let open = rest.firstIndex(of: "<") {
      builder.append(text: rest[..<open])
      guard let close = rest[open...].firstIndex(of: ">"), let tag = tag(rest[open...close]) else {
        builder.append(text: rest[open...open])
        rest = rest[rest.index(after: open)...]
        continue
      }
      builder.handle(tag)
      rest = rest[rest.index(after: close)...]
    }
    builder.append(text: rest)
    builder.finishAll()
    let text = builder.blocks.map(plainText).filter { !$0.isEmpty }.joined(separator: " ")
    return (text, builder.blocks)
  }

  private static func tag(_ markup: Substring) -> Tag? {
    var inner = markup.dropFirst().dropLast()
    let closing = inner.first == "/"
    if closing { inner = inner.dropFirst() }
    let name = inner.prefix { $0.isLetter }.lowercased()
    guard known.contains(name) else { return nil }
    let after = inner.dropFirst(name.count)
    guard after.isEmpty || after.first == " " || after.first == "/" else { return nil }
    return closing ? .close(name) : .open(name)
  }

  static func plainText(_ block: CellBlock) -> String {
    switch block {
    case .text(let text), .paragraph(let text): return text
    case .list(_, let items): return items.joined(separator: " ")
    case .table(let rows): return rows.map { $0.joined(separator: " ") }.joined(separator: " ")
    }
  }

  /// Runs of white space (U+3000 included) become one space; ends are trimmed.
  static func collapse(_ text: some StringProtocol) -> String {
    // Most cells have no white space to collapse: taken as they are.
    if !text.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }) {
      return String(text)
    }
    var result = ""
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" {
        pendingSpace = !result.isEmpty
      } else {
        if pendingSpace { result.append(" ") }
        pendingSpace = false
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Collects blocks as tags open and close.
  private struct BlockBuilder {
    enum Mode {
      case text
      case paragraph
      case list(ordered: Bool, items: [String], sawItems: Bool)
      case table(rows: [[String]], row: [String])
    }

    var blocks: [CellBlock] = []
    var mode: Mode = .text
    var buffer = ""

    mutating func append(text: Substring) { buffer += text }

    mutating func handle(_ tag: Tag) {
      switch (tag, mode) {
      case (.open("li"), .list(let ordered, var items, _)):
        items += pendingListItems(sawItems: true)
        mode = .list(ordered: ordered, items: items, sawItems: true)
      case (.close("li"), .list(let ordered, var items, _)):
        items += pendingListItems(sawItems: true)
        mode = .list(ordered: ordered, items: items, sawItems: true)
      case (.open("td"), .table), (.open("th"), .table), (.open("tr"), .table):
        buffer = ""
      case (.close("td"), .table(let rows, var row)), (.close("th"), .table(let rows, var row)):
        row.append(collapse(buffer))
        buffer = ""
        mode = .table(rows: rows, row: row)
      case (.close("tr"), .table(var rows, let row)):
        if !row.isEmpty { rows.append(row) }
        buffer = ""
        mode = .table(rows: rows, row: [])
      case (.close("table"), .table):
        finish()
      case (.close("p"), .paragraph), (.close("ul"), .list), (.close("ol"), .list):
        finish()
      case (.open("br"), _):
        buffer += " "
      case (.open("p"), _):
        finish()
        mode = .paragraph
      case (.open("ul"), _), (.open("ol"), _):
        finish()
        mode = .list(ordered: tag == .open("ol"), items: [], sawItems: false)
      case (.open("table"), _):
        finish()
        mode = .table(rows: [], row: [])
      default:
        buffer += " "  // a stray closing tag: a word boundary, nothing more
      }
    }

    /// The list text collected since the last boundary: one item per <li>, else its sentences.
    mutating func pendingListItems(sawItems: Bool) -> [String] {
      defer { buffer = "" }
      let text = collapse(buffer)
      guard !text.isEmpty else { return [] }
      if sawItems { return [text] }
      return sentences(text)
    }

    mutating func finish() {
      switch mode {
      case .text:
        let text = collapse(buffer)
        if !text.isEmpty { blocks.append(.text(text)) }
      case .paragraph:
        let text = collapse(buffer)
        if !text.isEmpty { blocks.append(.paragraph(text)) }
      case .list(let ordered, var items, let sawItems):
        items += pendingListItems(sawItems: sawItems)
        if !items.isEmpty { blocks.append(.list(ordered: ordered, items: items)) }
      case .table(var rows, let row):
        if !row.isEmpty { rows.append(row) }
        let rest = collapse(buffer)
        if !rest.isEmpty { rows.append([rest]) }
        if !rows.isEmpty { blocks.append(.table(rows: rows)) }
      }
      buffer = ""
      mode = .text
    }

    mutating func finishAll() { finish() }

    /// Splits after 。 where a space follows: the item boundary of the unclosed lists.
    func sentences(_ text: String) -> [String] {
      var items: [String] = []
      var current = ""
      var previousWasFullStop = false
      for scalar in text.unicodeScalars {
        if scalar == " " && previousWasFullStop {
          items.append(current)
          current = ""
          previousWasFullStop = false
          continue
        }
        current.unicodeScalars.append(scalar)
        previousWasFullStop = scalar == "。"
      }
      if !current.isEmpty { items.append(current) }
      return items
    }
  }
}
