import LibXML2

/// An element of a parsed canonical XML document: its name, child elements and text.
final class XMLElementTree {
  let name: String
  let line: Int
  var children: [XMLElementTree] = []
  var text = ""

  init(name: String, line: Int) {
    self.name = name
    self.line = line
  }

  /// Parses canonical XML into a tree, with libxml2 under gyosei's one safety policy (see
  /// `XMLTree`): a DOCTYPE, and with it any entity declaration, is refused.
  static func parse(_ bytes: [UInt8]) throws -> XMLElementTree {
    let tree: XMLTree
    do {
      tree = try XMLTree.parse(bytes, fileName: "document.xml")
    } catch {
      if error.kind == .doctype {
        throw EmitterError(
          pointer: "",
          message: "line \(error.line): entity declarations are not allowed in a canonical document"
        )
      }
      throw EmitterError(
        pointer: "", message: "line \(error.line): XML is not well-formed: \(error.message)")
    }
    guard let root = tree.root else {
      throw EmitterError(pointer: "", message: "line 1: XML is not well-formed: no root element")
    }
    return build(root)
  }

  private static func build(_ node: XMLNode) -> XMLElementTree {
    let element = XMLElementTree(name: node.name, line: node.line)
    element.children = node.elements.map(build)
    element.text = node.ownText
    return element
  }
}
