import CLibXML2

/// A node of a parsed document: an element, an attribute or text.
///
/// A node keeps its document alive, so it can be held after the tree it came from is out of
/// scope. Nothing outside this module sees libxml2's pointers.
public struct XMLNode: @unchecked Sendable {
  let pointer: xmlNodePtr
  /// The document the node belongs to (keeps it alive).
  public let tree: XMLTree

  init(_ pointer: xmlNodePtr, in tree: XMLTree) {
    self.pointer = pointer
    self.tree = tree
  }

  /// What kind of node it is.
  public enum Kind: Sendable, Hashable {
    case element
    case attribute
    case text
    case other
  }

  public var kind: Kind {
    switch pointer.pointee.type {
    case XML_ELEMENT_NODE: return .element
    case XML_ATTRIBUTE_NODE: return .attribute
    case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: return .text
    default: return .other
    }
  }

  /// The local name of an element or attribute (without its prefix).
  public var name: String {
    pointer.pointee.name.map { String(cString: $0) } ?? ""
  }

  /// The namespace URI of an element or attribute, if it has one.
  public var namespace: String? {
    pointer.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
  }

  /// The source line (of an attribute: its element's), past 65,535 too.
  public var line: Int {
    if pointer.pointee.type == XML_ATTRIBUTE_NODE, let parent = pointer.pointee.parent {
      return trueLine(parent)
    }
    return trueLine(pointer)
  }

  /// The value of an element's attribute of this local name (in any namespace), or nil.
  public func attribute(_ name: String) -> String? {
    guard pointer.pointee.type == XML_ELEMENT_NODE else { return nil }
    var attribute = pointer.pointee.properties
    while let current = attribute {
      if let attributeName = current.pointee.name, String(cString: attributeName) == name {
        var bytes: [UInt8] = []
        var child = current.pointee.children
        while let text = child {
          if let content = text.pointee.content {
            let count = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
            bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: count))
          }
          child = text.pointee.next
        }
        return String(decoding: bytes, as: UTF8.self)
      }
      attribute = current.pointee.next
    }
    return nil
  }

  /// The child elements, in document order.
  public var elements: [XMLNode] {
    var result: [XMLNode] = []
    var child = pointer.pointee.children
    while let node = child {
      if node.pointee.type == XML_ELEMENT_NODE { result.append(XMLNode(node, in: tree)) }
      child = node.pointee.next
    }
    return result
  }

  /// The text of the node: its own for text and attributes, its descendants' for an element.
  ///
  /// Entity references are never followed (none can be declared).
  public var text: String {
    var bytes: [UInt8] = []
    Self.collectText(pointer, into: &bytes, deep: true)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The text of an element's own text children, without its child elements' text.
  public var ownText: String {
    var bytes: [UInt8] = []
    Self.collectText(pointer, into: &bytes, deep: false)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Walks the element tree below this node (this node first), depth first, handing each
  /// element with its depth.
  public func walkElements(_ visit: (XMLNode, Int) throws -> Void) rethrows {
    try Self.walk(pointer, depth: 0, tree: tree, visit)
  }

  private static func walk(
    _ node: xmlNodePtr, depth: Int, tree: XMLTree, _ visit: (XMLNode, Int) throws -> Void
  ) rethrows {
    guard node.pointee.type == XML_ELEMENT_NODE else { return }
    try visit(XMLNode(node, in: tree), depth)
    var child = node.pointee.children
    while let current = child {
      try walk(current, depth: depth + 1, tree: tree, visit)
      child = current.pointee.next
    }
  }

  private static func collectText(_ node: xmlNodePtr, into bytes: inout [UInt8], deep: Bool) {
    switch node.pointee.type {
    case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
      appendContent(node, to: &bytes)
    case XML_ELEMENT_NODE, XML_ATTRIBUTE_NODE, XML_DOCUMENT_NODE:
      var child = node.pointee.children
      while let current = child {
        let type = current.pointee.type
        if deep {
          collectText(current, into: &bytes, deep: true)
        } else if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
          appendContent(current, to: &bytes)
        }
        child = current.pointee.next
      }
    default:
      break
    }
  }

  private static func appendContent(_ node: xmlNodePtr, to bytes: inout [UInt8]) {
    guard let content = node.pointee.content else { return }
    let count = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
    bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: count))
  }
}
