import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

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

  /// Parses canonical XML into a tree.
  ///
  /// DTDs and external entities are refused: canonical
  /// documents have neither.
  static func parse(_ bytes: [UInt8]) throws -> XMLElementTree {
    let builder = TreeBuilder()
    let parser = XMLParser(data: Data(bytes))
    parser.shouldResolveExternalEntities = false
    parser.shouldProcessNamespaces = true
    parser.delegate = builder
    let succeeded = parser.parse()
    if let refusal = builder.refusal {
      throw EmitterError(pointer: "", message: refusal)
    }
    guard succeeded, let root = builder.root else {
      let line = parser.lineNumber
      let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "not well-formed"
      throw EmitterError(pointer: "", message: "line \(line): XML is not well-formed: \(reason)")
    }
    return root
  }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
  var root: XMLElementTree?
  var stack: [XMLElementTree] = []
  var refusal: String?

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    let element = XMLElementTree(name: elementName, line: parser.lineNumber)
    if let parent = stack.last {
      parent.children.append(element)
    } else {
      root = element
    }
    stack.append(element)
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    stack.removeLast()
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    stack.last?.text += string
  }

  func parser(_ parser: XMLParser, foundCDATA cdataBlock: Data) {
    stack.last?.text += String(decoding: cdataBlock, as: UTF8.self)
  }

  func parser(
    _ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?
  ) {
    refuse(parser, "entity declarations are not allowed in a canonical document")
  }

  func parser(
    _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?,
    systemID: String?
  ) {
    refuse(parser, "entity declarations are not allowed in a canonical document")
  }

  private func refuse(_ parser: XMLParser, _ message: String) {
    if refusal == nil { refusal = "line \(parser.lineNumber): \(message)" }
    parser.abortParsing()
  }
}
