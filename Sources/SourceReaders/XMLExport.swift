import LibXML2

/// An XML export of a legacy system, parsed so that nothing in it can reach out.
///
/// Parsing follows gyosei's one libxml2 policy (`XMLTree`): no network, no entity
/// substitution, no DTD, a DOCTYPE refused, elements nested deeper than 256 and text nodes
/// over 10 MB refused, errors collected per parse.
///
/// The encoding the prolog declares is honoured through `TextDecoder` (so a file that says
/// Shift_JIS is read as CP932, as Japanese Windows writes it); a byte order mark or
/// `encoding` given by the user overrides it.
public final class XMLExport: Sendable {
  /// The file's name, without its directory.
  public let fileName: String
  /// The encoding the bytes were decoded with.
  public let encoding: TextEncoding
  /// The parsed document.
  public let tree: XMLTree

  private init(fileName: String, encoding: TextEncoding, tree: XMLTree) {
    self.fileName = fileName
    self.encoding = encoding
    self.tree = tree
  }

  /// Parses an export's bytes; every refusal names the file, the line and what to do.
  public static func parse(
    _ bytes: [UInt8], fileName: String, encoding given: TextEncoding? = nil
  ) throws(SourceReadError) -> XMLExport {
    var encoding = given
    if given == nil { encoding = try declaredEncoding(bytes, fileName: fileName) }
    let decoded = try TextDecoder.decode(bytes, encoding: encoding, fileName: fileName)
    do {
      let tree = try XMLTree.parse(decoded.text, fileName: fileName, encoding: "UTF-8")
      return XMLExport(fileName: fileName, encoding: decoded.encoding, tree: tree)
    } catch {
      throw SourceReadError(file: fileName, message: Self.refusal(error))
    }
  }

  private static func refusal(_ error: XMLParseError) -> String {
    switch error.kind {
    case .doctype:
      return "line \(error.line): the document declares a DOCTYPE; gyosei reads XML exports "
        + "without DTDs or entity declarations (they can read local files or expand without "
        + "end). Export the data without a DOCTYPE"
    case .tooDeep:
      return "line \(error.line): not well-formed XML: \(error.message) "
        + "(elements nested deeper than 256 are refused)"
    case .hugeText:
      return "line \(error.line): not well-formed XML: \(error.message) "
        + "(a text node over 10 MB is refused)"
    case .tooLarge:
      return "\(error.message); split the export into smaller files"
    case .notWellFormed, .resources:
      return "line \(error.line): not well-formed XML: \(error.message)"
    }
  }

  /// The root element's local name and namespace.
  public var root: (name: String, namespace: String?) {
    guard let element = tree.root else { return ("", nil) }
    return (element.name, element.namespace)
  }

  /// Evaluates XPath on this export with one set of namespace prefixes (see `XPathEvaluator`),
  /// with errors that name the mapping's expression.
  public final class XPath {
    private let export: XMLExport
    private let evaluator: XPathEvaluator

    public init(_ export: XMLExport, namespaces: [String: String]) throws(SourceReadError) {
      do {
        evaluator = try XPathEvaluator(export.tree, namespaces: namespaces)
      } catch {
        throw SourceReadError(file: export.fileName, message: "libxml2 could not start XPath")
      }
      self.export = export
    }

    /// Evaluates `expression` with `node` (the root when `nil`) as its context node.
    public func evaluate(_ expression: String, at node: XMLNode? = nil)
      throws(SourceReadError) -> XPathValue
    {
      do {
        return try evaluator.evaluate(expression, at: node)
      } catch {
        throw SourceReadError(
          file: export.fileName,
          message: "the mapping's XPath \(expression) is not valid XPath 1.0 "
            + "(or uses a namespace prefix the mapping does not declare)")
      }
    }

    /// The nodes `expression` selects; anything but a node set is an error naming it.
    public func nodes(_ expression: String, at node: XMLNode? = nil) throws(SourceReadError)
      -> [XMLNode]
    {
      switch try evaluate(expression, at: node) {
      case .nodes(let nodes): return nodes
      case .text:
        throw SourceReadError(
          file: export.fileName, message: "the mapping's XPath \(expression) must select nodes")
      }
    }
  }

  /// Evaluates `expression` once (to evaluate many, make one `XPath`).
  public func evaluate(_ expression: String, namespaces: [String: String])
    throws(SourceReadError) -> XPathValue
  {
    try XPath(self, namespaces: namespaces).evaluate(expression)
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
}
