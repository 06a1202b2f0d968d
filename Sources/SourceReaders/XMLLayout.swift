import LibXML2

/// How an XML export is laid out as the rows and cells a sheet mapping reads.
///
/// It says which nodes are records, and which paths or attributes fill which cells; a mapping
/// file writes it.
public struct XMLLayout: Sendable, Hashable {
  /// Namespace prefixes the XPath expressions use, and their URIs.
  public var namespaces: [String: String]
  /// The rows, in order.
  public var rows: [XMLRowTemplate]

  public init(namespaces: [String: String] = [:], rows: [XMLRowTemplate]) {
    self.namespaces = namespaces
    self.rows = rows
  }
}

/// One entry of a layout's rows.
public indirect enum XMLRowTemplate: Sendable, Hashable {
  /// A row with these cells, in column order.
  case row([XMLCellTemplate])
  /// For each node `select` picks (a record), its rows, with the node as the context of their
  /// XPath. `rowNumber`, evaluated on the node, numbers its first row (a spreadsheet's
  /// `ss:Index`); rows without a number follow the previous one.
  case each(select: String, rowNumber: String?, rows: [XMLRowTemplate])
  /// A row whose cells are the nodes `select` picks: each in the column `column` gives (or the
  /// one after the previous cell), holding the text of `value` (or of the node itself).
  case cells(select: String, column: String?, value: String?)
}

/// One cell of a row template.
public enum XMLCellTemplate: Sendable, Hashable {
  /// Text of the form itself, such as a label.
  case text(String)
  /// The text an XPath gives; several nodes are lines of one cell.
  case value(String)
  /// One cell per node an XPath picks, in document order.
  case values(String)
}

/// Lays an XML export out as a table, following a layout.
///
/// Positions: once a layout numbers its records (`rowNumber`), each row's line is the number
/// its record gives, or the previous row's plus one, so a spreadsheet saved as XML keeps its
/// rows; otherwise a row's line is the source line of the first node it takes a value from (of
/// its record when it takes none), so provenance points into the XML file. Columns are the
/// cells' places in the row.
public enum XMLTableReader {
  public static func read(_ export: XMLExport, layout: XMLLayout) throws(SourceReadError)
    -> SourceTable
  {
    var builder = Builder(
      xpath: try XMLExport.XPath(export, namespaces: layout.namespaces),
      fileName: export.fileName)
    try builder.emit(layout.rows, context: nil, rowNumber: nil)
    return SourceTable(
      fileName: export.fileName, encoding: export.encoding.rawValue, rows: builder.rows)
  }

  private struct Builder {
    let xpath: XMLExport.XPath
    let fileName: String
    var rows: [SourceRow] = []
    /// Whether rows are numbered by the layout rather than placed at XML lines.
    var numbered = false

    mutating func emit(
      _ templates: [XMLRowTemplate], context: XMLNode?, rowNumber: Int?
    ) throws(SourceReadError) {
      var pendingNumber = rowNumber
      for template in templates {
        switch template {
        case .row(let cells):
          var values: [(raw: String, line: Int?)] = []
          for cell in cells {
            values += try evaluate(cell, context: context)
          }
          try append(values, context: context, number: pendingNumber)
          pendingNumber = nil
        case .cells(let select, let column, let value):
          var values: [(raw: String, line: Int?)] = []
          for node in try xpath.nodes(select, at: context) {
            if let column, let place = Int(try text(of: column, at: node)), place > values.count {
              guard place <= SourceTable.maximumColumns else {
                throw SourceReadError(
                  file: fileName,
                  message:
                    "line \(node.line): a cell is placed in column \(place) (\(column)); a sheet "
                    + "has at most \(SourceTable.maximumColumns) columns (Excel's XFD). Check the "
                    + "export, or the column path of the mapping's layout")
              }
              values += Array(repeating: ("", nil), count: place - 1 - values.count)
            }
            if let value {
              values.append(try textAndLine(of: value, at: node))
            } else {
              values.append((node.text, node.line))
            }
          }
          try append(values, context: context, number: pendingNumber)
          pendingNumber = nil
        case .each(let select, let numberPath, let nested):
          for node in try xpath.nodes(select, at: context) {
            var number: Int?
            if let numberPath {
              numbered = true
              number = Int(try text(of: numberPath, at: node)).flatMap { $0 > 0 ? $0 : nil }
            }
            try emit(nested, context: node, rowNumber: number)
          }
        }
      }
    }

    private mutating func append(
      _ values: [(raw: String, line: Int?)], context: XMLNode?, number: Int?
    ) throws(SourceReadError) {
      let previous = rows.last?.line ?? 0
      let line =
        numbered
        ? number ?? previous + 1
        : values.lazy.compactMap(\.line).first ?? context.map(\.line) ?? previous + 1
      // One check for a row numbered past the limit and for the row after the last one: a
      // row past it is refused before its line is counted from (which would overflow).
      if numbered && line > SourceTable.maximumRows {
        let at = values.lazy.compactMap(\.line).first ?? context?.line ?? 0
        throw SourceReadError(
          file: fileName,
          message:
            "line \(at): a record is numbered row \(line)"
            + (number == nil ? " (the row after \(previous))" : "") + "; a sheet has at most "
            + "\(SourceTable.maximumRows) rows (Excel's limit). Check the export's row numbers")
      }
      let cells = values.enumerated().map { index, value in
        let (text, blocks) = CellContent.parse(value.raw)
        return SourceCell(line: line, index: index + 1, raw: value.raw, text: text, blocks: blocks)
      }
      rows.append(SourceRow(line: line, cells: cells))
    }

    private func evaluate(_ cell: XMLCellTemplate, context: XMLNode?) throws(SourceReadError)
      -> [(raw: String, line: Int?)]
    {
      switch cell {
      case .text(let text):
        return [(text, nil)]
      case .value(let expression):
        return [try textAndLine(of: expression, at: context)]
      case .values(let expression):
        return try xpath.nodes(expression, at: context).map {
          ($0.text, $0.line)
        }
      }
    }

    private func textAndLine(of expression: String, at context: XMLNode?)
      throws(SourceReadError) -> (raw: String, line: Int?)
    {
      switch try xpath.evaluate(expression, at: context) {
      case .nodes(let nodes):
        return (nodes.map(\.text).joined(separator: "\n"), nodes.first.map(\.line))
      case .text(let text):
        return (text, nil)
      }
    }

    private func text(of expression: String, at context: XMLNode?) throws(SourceReadError)
      -> String
    {
      try textAndLine(of: expression, at: context).raw
    }
  }
}
