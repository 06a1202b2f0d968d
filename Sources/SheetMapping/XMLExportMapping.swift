import SourceReaders
import Yams

/// A mapping for an XML export: which documents it is for, and how their nodes are laid out as
/// the rows and cells a sheet mapping reads.
///
/// The XML side says, with XPath, which nodes are records and which paths or attributes fill
/// which cells; the sheet mapping (`reads-as`, or the one that recognizes the rows) then gives
/// the cells their canonical meaning, as it does for text and spreadsheet sources.
public struct XMLExportMapping: Sendable, Hashable {
  /// The mapping's id.
  public var id: String
  /// What the layout is, in a line.
  public var description: String
  /// XPath expressions that must each select something (or be true) in an export of this layout.
  public var recognize: [String]
  /// The sheet mapping that reads the rows; when `nil`, the one that recognizes them.
  public var readsAs: String?
  /// The rows and where their cells come from.
  public var layout: XMLLayout

  /// Whether `export` is of this layout.
  public func matches(_ export: XMLExport) throws(SourceReadError) -> Bool {
    let xpath = try XMLExport.XPath(export, namespaces: layout.namespaces)
    for expression in recognize {
      switch try xpath.evaluate(expression) {
      case .nodes(let nodes) where nodes.isEmpty: return false
      case .text(let text) where text.isEmpty || text == "false": return false
      default: continue
      }
    }
    return true
  }

  static let allowedKeys: [String: Set<String>] = [
    "": ["id", "format", "description", "recognize", "namespaces", "reads-as", "rows"]
  ]

  /// Decodes a file whose `format` is `xml-export`.
  static func decode(_ node: Node, file: String) throws(MappingError) -> XMLExportMapping {
    func problem(_ text: String) -> MappingError { .invalidMapping(file: file, problem: text) }
    guard let id = node["id"]?.string, !id.isEmpty else { throw problem("id: must not be empty") }
    let recognize = node["recognize"]?.sequence?.compactMap(\.string) ?? []
    if recognize.isEmpty {
      throw problem("recognize: list at least one XPath that an export of this layout matches")
    }
    var namespaces: [String: String] = [:]
    if let declared = node["namespaces"] {
      guard let pairs = declared.mapping else {
        throw problem("namespaces: a mapping of prefix to namespace URI")
      }
      for (prefix, uri) in pairs {
        guard let prefix = prefix.string, let uri = uri.string else {
          throw problem("namespaces: a mapping of prefix to namespace URI")
        }
        namespaces[prefix] = uri
      }
    }
    guard let rows = node["rows"]?.sequence, !rows.isEmpty else {
      throw problem("rows: list the rows the export is laid out as")
    }
    return XMLExportMapping(
      id: id, description: node["description"]?.string ?? "", recognize: recognize,
      readsAs: node["reads-as"]?.string,
      layout: XMLLayout(
        namespaces: namespaces, rows: try rowTemplates(rows, path: "rows", file: file)))
  }

  private static func rowTemplates(_ nodes: Node.Sequence, path: String, file: String)
    throws(MappingError) -> [XMLRowTemplate]
  {
    var templates: [XMLRowTemplate] = []
    for (index, node) in nodes.enumerated() {
      let here = "\(path)[\(index)]"
      func problem(_ text: String) -> MappingError {
        .invalidMapping(file: file, problem: "\(here): \(text)")
      }
      if let cells = node.sequence {
        templates.append(
          .row(
            try cells.enumerated().map { column, cell throws(MappingError) in
              try cellTemplate(cell, path: "\(here)[\(column)]", file: file)
            }))
        continue
      }
      guard let mapping = node.mapping else {
        throw problem("a row is a list of cells, or a mapping with 'each' or 'cells'")
      }
      let keys = Set(mapping.keys.compactMap(\.string))
      if let select = node["each"]?.string {
        let known: Set<String> = ["each", "row-number", "rows"]
        if let unknown = keys.subtracting(known).sorted().first {
          throw problem("unknown key '\(unknown)'; known here: each, row-number, rows")
        }
        guard let nested = node["rows"]?.sequence, !nested.isEmpty else {
          throw problem("'each' needs 'rows': what each selected node is laid out as")
        }
        templates.append(
          .each(
            select: select, rowNumber: node["row-number"]?.string,
            rows: try rowTemplates(nested, path: here + ".rows", file: file)))
      } else if let select = node["cells"]?.string {
        let known: Set<String> = ["cells", "column", "value"]
        if let unknown = keys.subtracting(known).sorted().first {
          throw problem("unknown key '\(unknown)'; known here: cells, column, value")
        }
        templates.append(
          .cells(select: select, column: node["column"]?.string, value: node["value"]?.string))
      } else {
        throw problem("a row mapping needs 'each' (records) or 'cells' (a row of nodes)")
      }
    }
    return templates
  }

  private static func cellTemplate(_ node: Node, path: String, file: String)
    throws(MappingError) -> XMLCellTemplate
  {
    if let text = node.string { return .text(text) }
    if let expression = node["value"]?.string, node.mapping?.count == 1 {
      return .value(expression)
    }
    if let expression = node["values"]?.string, node.mapping?.count == 1 {
      return .values(expression)
    }
    throw .invalidMapping(
      file: file,
      problem: "\(path): a cell is text (a label of the form), {value: XPATH} or {values: XPATH}")
  }
}
