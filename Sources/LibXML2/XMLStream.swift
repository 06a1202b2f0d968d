import CLibXML2

/// Reads a document as a stream of events, without building its tree: for parts too large to
/// hold as a DOM (a worksheet of 50 MB), in constant memory beyond the bytes themselves.
///
/// The policy is `XMLTree`'s: no network, no entity substitution, a DOCTYPE refused before
/// reading, errors collected for this read only.
public enum XMLStream {
  /// What the reader meets, in document order.
  public enum Event {
    /// An element starts: its local name and its attributes by local name. An empty element
    /// (`<c/>`) is a start followed at once by its end.
    case start(name: String, attributes: Attributes)
    /// An element ends.
    case end(name: String)
    /// Character data inside the current element.
    case text(String)
  }

  /// An element's attributes by local name, in document order: a few pairs, searched in order
  /// (cheaper than hashing them, for the millions of cells of a large sheet).
  public struct Attributes: Sendable {
    public private(set) var pairs: [(key: String, value: String)] = []

    public subscript(name: String) -> String? {
      pairs.first { $0.key == name }?.value
    }

    mutating func set(_ key: String, _ value: String) {
      if let index = pairs.firstIndex(where: { $0.key == key }) {
        pairs[index].value = value
      } else {
        pairs.append((key, value))
      }
    }
  }

  /// Reads `bytes`, handing each event to `visit`; an error names the line where the document
  /// stops being well-formed.
  public static func read(
    _ bytes: [UInt8], fileName: String, _ visit: (Event) throws -> Void
  ) throws -> Void {
    if let line = XMLTree.doctypeLine(bytes) {
      throw XMLParseError(
        kind: .doctype, line: line, column: 1, message: "the document declares a DOCTYPE")
    }
    guard bytes.count <= XMLTree.maximumBytes else {
      throw XMLParseError(
        kind: .tooLarge, line: 1, column: 1,
        message: "the document is \(bytes.count) bytes; at most \(XMLTree.maximumBytes) can be read"
      )
    }
    LibXML2Setup.initialize()
    let options = Int32(
      XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)
    try bytes.withUnsafeBufferPointer { buffer in
      try buffer.withMemoryRebound(to: CChar.self) { chars in
        guard
          let reader = xmlReaderForMemory(
            chars.baseAddress, Int32(chars.count), fileName, nil, options)
        else {
          throw XMLParseError(
            kind: .resources, line: 1, column: 1, message: "libxml2 could not start a reader")
        }
        defer { xmlFreeTextReader(reader) }
        while true {
          let status = xmlTextReaderRead(reader)
          if status == 0 { break }
          guard status == 1 else {
            let line = Int(xmlTextReaderGetParserLineNumber(reader))
            let message =
              xmlGetLastError().flatMap { $0.pointee.message }.map { String(cString: $0) }?
              .trimmingTrailingNewlines ?? "not well-formed"
            throw XMLParseError(
              kind: XMLParseError.Kind(libxml2Message: message), line: max(line, 1),
              column: Int(xmlTextReaderGetParserColumnNumber(reader)), message: message)
          }
          switch xmlTextReaderNodeType(reader) {
          case 1:  // element
            let name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
            var attributes = Attributes()
            if xmlTextReaderHasAttributes(reader) == 1 {
              while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                // Namespace declarations (xmlns, xmlns:x) are not attributes of the element.
                if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
                if let key = xmlTextReaderConstLocalName(reader),
                  let value = xmlTextReaderConstValue(reader)
                {
                  attributes.set(String(cString: key), String(cString: value))
                }
              }
              xmlTextReaderMoveToElement(reader)
            }
            let empty = xmlTextReaderIsEmptyElement(reader) == 1
            try visit(.start(name: name, attributes: attributes))
            if empty { try visit(.end(name: name)) }
          case 15:  // end of element
            let name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
            try visit(.end(name: name))
          case 3, 4, 13, 14:  // text, CDATA, whitespace
            if let value = xmlTextReaderConstValue(reader) {
              try visit(.text(String(cString: value)))
            }
          case 10:  // a DOCTYPE the prolog scan did not see
            throw XMLParseError(
              kind: .doctype, line: Int(xmlTextReaderGetParserLineNumber(reader)), column: 1,
              message: "the document declares a DOCTYPE")
          default:
            continue
          }
        }
      }
    }
  }
}

extension String {
  fileprivate var trimmingTrailingNewlines: String {
    var text = self
    while text.last == "\n" { text.removeLast() }
    return text
  }
}
