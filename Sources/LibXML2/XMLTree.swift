import CLibXML2

/// A parsed XML document, read by libxml2 under one safety policy.
///
/// This file is the only place that sets up libxml2's parser. The policy: no network access,
/// no entity substitution, no DTD loading, and a document that declares a DOCTYPE at all is
/// refused before libxml2 reads it (entity declarations are how XML parsers are attacked:
/// external entities, expansion bombs). libxml2's own limits stay on (elements nested deeper
/// than 256, text nodes over 10 MB), line numbers past 65,535 are kept, and a document over
/// 2 GB (libxml2 counts in 32 bits) is refused. Errors are collected per parse, never through
/// a process-wide handler, so parses on several threads do not mix their messages.
public final class XMLTree: @unchecked Sendable {
  /// The name the document was parsed under, for messages.
  public let fileName: String
  let document: xmlDocPtr

  private init(fileName: String, document: xmlDocPtr) {
    self.fileName = fileName
    self.document = document
  }

  deinit { xmlFreeDoc(document) }

  /// The largest document libxml2 can be handed (its lengths are 32-bit).
  public static let maximumBytes = Int(Int32.max)

  /// Parses UTF-8 XML (a declaration in the prolog may name another encoding libxml2 knows,
  /// when `encoding` is `nil`).
  ///
  /// - Parameters:
  ///   - bytes: the document.
  ///   - fileName: the name errors are reported under.
  ///   - encoding: the encoding to read the bytes in, overriding the prolog (`"UTF-8"` for
  ///     text that has already been decoded).
  public static func parse(_ bytes: [UInt8], fileName: String, encoding: String? = nil)
    throws(XMLParseError) -> XMLTree
  {
    try admit(bytes)
    guard let parser = xmlNewParserCtxt() else {
      throw XMLParseError(
        kind: .resources, line: 1, column: 1, message: "libxml2 could not start a parser")
    }
    defer { xmlFreeParserCtxt(parser) }
    let collector = XMLDiagnostics.Collector()
    // Errors go to this parse's collector: libxml2 hands a SAX2 context's structured errors to
    // `sax.serror` with the context's `userData`, which is the context itself, whose `_private`
    // holds the collector.
    parser.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
    parser.pointee.sax.pointee.serror = collectParserError
    parser.pointee.sax.pointee.startElementNs = startElementKeepingLine
    let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        xmlCtxtReadMemory(
          parser, chars.baseAddress, Int32(chars.count), fileName, encoding, parseOptions)
      }
    }
    let wellFormed = parser.pointee.wellFormed != 0
    guard let parsed, wellFormed else {
      if let parsed { xmlFreeDoc(parsed) }
      let first = collector.diagnostics.first
      let message = first?.message ?? "not well-formed"
      throw XMLParseError(
        kind: XMLParseError.Kind(libxml2Message: message), line: max(first?.line ?? 1, 1),
        column: first?.column ?? 0, message: message)
    }
    if parsed.pointee.intSubset != nil || parsed.pointee.extSubset != nil {
      xmlFreeDoc(parsed)
      throw XMLParseError(
        kind: .doctype, line: 1, column: 1, message: "the document declares a DOCTYPE")
    }
    return XMLTree(fileName: fileName, document: parsed)
  }

  /// The root element.
  public var root: XMLNode? {
    xmlDocGetRootElement(document).map { XMLNode($0, in: self) }
  }

  /// The parser options of the policy, for trees and streams alike: no network, messages kept
  /// for the caller (never printed), CDATA as text, true line numbers past 65,535.
  static let parseOptions = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
      | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)

  /// What the policy refuses before libxml2 sees a byte (a DOCTYPE, a document past libxml2's
  /// 32-bit lengths); then libxml2's one-time setup.
  static func admit(_ bytes: [UInt8]) throws(XMLParseError) {
    if let line = doctypeLine(bytes) {
      throw XMLParseError(
        kind: .doctype, line: line, column: 1, message: "the document declares a DOCTYPE")
    }
    guard bytes.count <= maximumBytes else {
      throw XMLParseError(
        kind: .tooLarge, line: 1, column: 1,
        message: "the document is \(bytes.count) bytes; at most \(maximumBytes) can be parsed")
    }
    LibXML2Setup.initialize()
  }

  /// The line of a `<!DOCTYPE` before the root element, or `nil`.
  ///
  /// Read before libxml2 sees the bytes, so no entity is ever declared, let alone expanded.
  public static func doctypeLine(_ bytes: [UInt8]) -> Int? {
    let line = bytes.withUnsafeBufferPointer { gyosei_doctype_line($0.baseAddress, $0.count) }
    return line > 0 ? Int(line) : nil
  }
}

/// libxml2's process-wide setup, done once (Swift runs a global's initializer exactly once).
enum LibXML2Setup {
  private static let initialized: Bool = {
    xmlInitParser()
    return true
  }()

  static func initialize() { _ = initialized }
}

/// The start-element handler that keeps each element's true line.
///
/// libxml2 2.9 stores an element's line in 16 bits (65,535 for every later line) and then
/// guesses it from a neighbouring text node, a line off for an empty element. This handler does what libxml2's does, then keeps the element's true line in its `_private`
/// field, which libxml2 leaves to applications; `XMLNode.line` and the schema errors read it.
private let startElementKeepingLine: startElementNsSAX2Func = {
  context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted,
  attributes in
  xmlSAX2StartElementNs(
    context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted,
    attributes)
  guard let context else { return }
  let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
  guard let node = parser.pointee.node, let input = parser.pointee.input,
    input.pointee.line >= 65535
  else { return }
  node.pointee._private = UnsafeMutableRawPointer(bitPattern: Int(input.pointee.line))
}

/// The true line of a node, past 65,535 too.
func trueLine(_ node: xmlNodePtr) -> Int {
  if node.pointee.type == XML_ELEMENT_NODE, node.pointee.line == 65535,
    let kept = node.pointee._private
  {
    return Int(bitPattern: kept)
  }
  return Int(xmlGetLineNo(node))
}

private let collectParserError: xmlStructuredErrorFunc = { context, error in
  guard let context, let error else { return }
  let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
  guard let collector = parser.pointee._private else { return }
  Unmanaged<XMLDiagnostics.Collector>.fromOpaque(collector).takeUnretainedValue().add(error)
}
