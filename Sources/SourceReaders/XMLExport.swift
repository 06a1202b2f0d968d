import CLibXML2

/// An XML export of a legacy system, parsed with libxml2 so that nothing in it can reach out.
///
/// The parse never touches the network, never substitutes entities and never loads a DTD; a
/// document that declares a DOCTYPE at all is refused, since entity declarations are how XML
/// parsers are attacked (external entities, expansion bombs). libxml2's own limits stay on:
/// elements nested deeper than 256 and text nodes over 10 MB are errors, not hours of work.
///
/// The encoding the prolog declares is honoured through `TextDecoder` (so a file that says
/// Shift_JIS is read as CP932, as Japanese Windows writes it); a byte order mark or
/// `encoding` given by the user overrides it.
public final class XMLExport {
  /// The file's name, without its directory.
  public let fileName: String
  /// The encoding the bytes were decoded with.
  public let encoding: TextEncoding
  private let document: xmlDocPtr

  private init(fileName: String, encoding: TextEncoding, document: xmlDocPtr) {
    self.fileName = fileName
    self.encoding = encoding
    self.document = document
  }

  deinit { xmlFreeDoc(document) }

  /// Parses an export's bytes; every refusal names the file, the line and what to do.
  public static func parse(
    _ bytes: [UInt8], fileName: String, encoding given: TextEncoding? = nil
  ) throws(SourceReadError) -> XMLExport {
    var encoding = given
    if given == nil { encoding = try declaredEncoding(bytes, fileName: fileName) }
    let decoded = try TextDecoder.decode(bytes, encoding: encoding, fileName: fileName)
    if let line = doctypeLine(decoded.text) {
      throw SourceReadError(
        file: fileName,
        message: "line \(line): the document declares a DOCTYPE; gyosei reads XML exports "
          + "without DTDs or entity declarations (they can read local files or expand without "
          + "end). Export the data without a DOCTYPE")
    }
    xmlInitParser()
    guard let parser = xmlNewParserCtxt() else {
      throw SourceReadError(file: fileName, message: "libxml2 could not start a parser")
    }
    defer { xmlFreeParserCtxt(parser) }
    let options = Int32(
      XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)
    // Every error goes to the collector (libxml2 would print some, such as a huge text node's);
    // the first one is the cause, those after it follow from it.
    let collector = ErrorCollector()
    xmlSetStructuredErrorFunc(Unmanaged.passUnretained(collector).toOpaque(), Self.collectError)
    defer { xmlSetStructuredErrorFunc(nil, nil) }
    let parsed: xmlDocPtr? = decoded.text.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        xmlCtxtReadMemory(parser, chars.baseAddress, Int32(chars.count), fileName, "UTF-8", options)
      }
    }
    guard let parsed else {
      let line = collector.first?.line ?? 0
      let message = collector.first?.message ?? "unknown"
      throw SourceReadError(
        file: fileName,
        message: "line \(max(line, 1)): not well-formed XML: \(trimmed(message))"
          + Self.advice(message))
    }
    if parsed.pointee.intSubset != nil || parsed.pointee.extSubset != nil {
      xmlFreeDoc(parsed)
      throw SourceReadError(
        file: fileName,
        message: "the document declares a DOCTYPE; export the data without a DOCTYPE")
    }
    return XMLExport(fileName: fileName, encoding: decoded.encoding, document: parsed)
  }

  /// The first error libxml2 reports, copied out of its structure.
  private final class ErrorCollector {
    var first: (line: Int, message: String)?
  }

  private static let collectError: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
    guard collector.first == nil else { return }
    let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
    collector.first = (Int(error.pointee.line), message)
  }

  private static func advice(_ message: String) -> String {
    if message.contains("Excessive depth") {
      return " (elements nested deeper than 256 are refused)"
    }
    if message.contains("huge text node") || message.contains("Huge input lookup") {
      return " (a text node over 10 MB is refused)"
    }
    return ""
  }

  /// The root element's local name and namespace.
  public var root: (name: String, namespace: String?) {
    guard let element = xmlDocGetRootElement(document) else { return ("", nil) }
    return (
      Self.string(element.pointee.name), element.pointee.ns.map { Self.string($0.pointee.href) }
    )
  }

  /// What an XPath expression gives: nodes, or a string, number or boolean.
  public enum XPathValue {
    case nodes([xmlNodePtr])
    case text(String)
  }

  /// Evaluates `expression` once, with `context` (the root when `nil`) as its context node.
  ///
  /// To evaluate many expressions, make one `XPathEvaluator`: it keeps its context and compiles
  /// each expression once.
  public func evaluate(
    _ expression: String, at context: xmlNodePtr? = nil, namespaces: [String: String]
  ) throws(SourceReadError) -> XPathValue {
    try XPathEvaluator(self, namespaces: namespaces).evaluate(expression, at: context)
  }

  /// The nodes `expression` selects, evaluated once (see `evaluate`).
  public func nodes(
    _ expression: String, at context: xmlNodePtr? = nil, namespaces: [String: String]
  ) throws(SourceReadError) -> [xmlNodePtr] {
    try XPathEvaluator(self, namespaces: namespaces).nodes(expression, at: context)
  }

  /// Evaluates XPath on one export with one set of namespace prefixes: one libxml2 context for
  /// all its evaluations, and each expression compiled once.
  public final class XPathEvaluator {
    private let export: XMLExport
    private let context: xmlXPathContextPtr
    private var compiled: [String: xmlXPathCompExprPtr] = [:]

    public init(_ export: XMLExport, namespaces: [String: String]) throws(SourceReadError) {
      guard let context = xmlXPathNewContext(export.document) else {
        throw SourceReadError(file: export.fileName, message: "libxml2 could not start XPath")
      }
      for (prefix, uri) in namespaces.sorted(by: { $0.key < $1.key }) {
        _ = xmlXPathRegisterNs(context, prefix, uri)
      }
      context.pointee.error = { _, _ in }  // errors are reported by the caller, not printed
      self.export = export
      self.context = context
    }

    deinit {
      for expression in compiled.values { xmlXPathFreeCompExpr(expression) }
      xmlXPathFreeContext(context)
    }

    /// Evaluates `expression` with `node` (the root when `nil`) as its context node.
    public func evaluate(_ expression: String, at node: xmlNodePtr? = nil)
      throws(SourceReadError) -> XPathValue
    {
      let invalid = SourceReadError(
        file: export.fileName,
        message: "the mapping's XPath \(expression) is not valid XPath 1.0 "
          + "(or uses a namespace prefix the mapping does not declare)")
      let program: xmlXPathCompExprPtr
      if let known = compiled[expression] {
        program = known
      } else {
        guard let made = xmlXPathCtxtCompile(context, XMLExport.portable(expression)) else {
          throw invalid
        }
        compiled[expression] = made
        program = made
      }
      context.pointee.node = node ?? xmlDocGetRootElement(export.document)
      guard let result = xmlXPathCompiledEval(program, context) else { throw invalid }
      defer { xmlXPathFreeObject(result) }
      switch result.pointee.type {
      case XPATH_NODESET:
        guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0 else {
          return .nodes([])
        }
        return .nodes((0..<Int(set.pointee.nodeNr)).compactMap { set.pointee.nodeTab[$0] })
      case XPATH_STRING:
        return .text(XMLExport.string(result.pointee.stringval))
      case XPATH_NUMBER:
        let number = result.pointee.floatval
        if number.isNaN { return .text("") }
        return .text(number == number.rounded() ? String(Int(number)) : String(number))
      case XPATH_BOOLEAN:
        return .text(result.pointee.boolval != 0 ? "true" : "false")
      default:
        return .nodes([])
      }
    }

    /// The nodes `expression` selects; anything but a node set is an error naming it.
    public func nodes(_ expression: String, at node: xmlNodePtr? = nil) throws(SourceReadError)
      -> [xmlNodePtr]
    {
      switch try evaluate(expression, at: node) {
      case .nodes(let nodes): return nodes
      case .text:
        throw SourceReadError(
          file: export.fileName, message: "the mapping's XPath \(expression) must select nodes")
      }
    }
  }

  /// The expression with `/` before a non-ASCII name written `/child::`.
  ///
  /// libxml2 2.9 compiles an absolute path such as `/重点目標管理/@年度` as `/` followed by an
  /// error: after the root's slash it only accepts an ASCII letter. `/child::重点目標管理` means
  /// the same and compiles; inside string literals nothing is changed.
  static func portable(_ expression: String) -> String {
    var result = ""
    var quote: Unicode.Scalar?
    var previous: Unicode.Scalar?
    var scalars = expression.unicodeScalars.makeIterator()
    var next = scalars.next()
    while let scalar = next {
      next = scalars.next()
      result.unicodeScalars.append(scalar)
      if let open = quote {
        if scalar == open { quote = nil }
      } else if scalar == "\"" || scalar == "'" {
        quote = scalar
      } else if scalar == "/", previous != "/", let following = next, following.value >= 0x80 {
        result += "child::"
      }
      previous = scalar
    }
    return result
  }

  /// The source line of a node (of an attribute: its element's).
  public static func line(_ node: xmlNodePtr) -> Int {
    if node.pointee.type == XML_ATTRIBUTE_NODE, let parent = node.pointee.parent {
      return Int(xmlGetLineNo(parent))
    }
    return Int(xmlGetLineNo(node))
  }

  /// A node's text: its own for text and attributes, its descendants' text for elements.
  ///
  /// Entity references are never followed (none can be declared anyway).
  public static func text(_ node: xmlNodePtr) -> String {
    var bytes: [UInt8] = []
    func collect(_ node: xmlNodePtr) {
      switch node.pointee.type {
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = node.pointee.content {
          var pointer = content
          while pointer.pointee != 0 {
            bytes.append(pointer.pointee)
            pointer += 1
          }
        }
      case XML_ELEMENT_NODE, XML_ATTRIBUTE_NODE, XML_DOCUMENT_NODE:
        var child = node.pointee.children
        while let current = child {
          collect(current)
          child = current.pointee.next
        }
      default:
        break
      }
    }
    collect(node)
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
  }

  private static func string(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
  }

  private static func trimmed(_ message: String) -> String {
    var text = Substring(message)
    while let last = text.last, last.isWhitespace { text = text.dropLast() }
    return String(text)
  }

  /// The encoding a byte order mark or the prolog names; UTF-8 when neither does.
  static func declaredEncoding(_ bytes: [UInt8], fileName: String) throws(SourceReadError)
    -> TextEncoding?
  {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
      || bytes.starts(with: [0x3C, 0x00]) || bytes.starts(with: [0x00, 0x3C])
    {
      return nil  // UTF-16: the decoder tells which from the BOM or the NULs
    }
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    guard bytes[start...].starts(with: Array("<?xml".utf8)) else { return .utf8 }
    start += 5
    let end = bytes[start...].prefix(400).firstIndex(of: UInt8(ascii: ">")) ?? start
    let prolog = Array(bytes[start..<end])
    let key = Array("encoding".utf8)
    guard
      let found = prolog.indices.first(where: { prolog[$0...].starts(with: key) })
    else { return .utf8 }
    let rest = String(decoding: prolog[(found + key.count)...], as: UTF8.self).drop {
      $0 == " " || $0 == "="
    }
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return .utf8 }
    let name = String(rest.dropFirst().prefix { $0 != quote })
    guard let encoding = TextEncoding(name: name) else {
      throw SourceReadError(
        file: fileName,
        message: "line 1: the prolog declares encoding \"\(name)\", which gyosei does not read "
          + "(it reads \(TextEncoding.acceptedNames)); convert the file, or name the encoding "
          + "its bytes are really in with --encoding")
    }
    return encoding
  }

  /// The line of a `<!DOCTYPE` before the root element, or `nil`.
  static func doctypeLine(_ text: [UInt8]) -> Int? {
    let line = text.withUnsafeBufferPointer { gyosei_doctype_line($0.baseAddress, $0.count) }
    return line > 0 ? Int(line) : nil
  }
}
