import CLibXML2

/// What an XPath expression gives: nodes, or a string, number or boolean as text.
public enum XPathValue: Sendable {
  case nodes([XMLNode])
  case text(String)
}

/// Why an XPath expression cannot be used.
public struct XPathError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The expression as written.
  public var expression: String
  /// libxml2's message, when it gave one.
  public var message: String?

  public var description: String {
    "the XPath \(expression) is not valid XPath 1.0"
      + (message.map { " (\($0))" } ?? "")
  }
}

/// Evaluates XPath 1.0 on one document with one set of namespace prefixes: one libxml2
/// context for all evaluations, each expression compiled once, and errors kept, never printed.
public final class XPathEvaluator {
  private let tree: XMLTree
  private let context: xmlXPathContextPtr
  private let collector = XMLDiagnostics.Collector()
  private var compiled: [String: xmlXPathCompExprPtr] = [:]

  /// - Parameter namespaces: prefix → URI, for the prefixes the expressions use.
  public init(_ tree: XMLTree, namespaces: [String: String] = [:]) throws(XPathError) {
    guard let context = xmlXPathNewContext(tree.document) else {
      throw XPathError(expression: "", message: "libxml2 could not start XPath")
    }
    for (prefix, uri) in namespaces.sorted(by: { $0.key < $1.key }) {
      _ = xmlXPathRegisterNs(context, prefix, uri)
    }
    context.pointee.userData = Unmanaged.passUnretained(collector).toOpaque()
    context.pointee.error = XMLDiagnostics.collect
    self.tree = tree
    self.context = context
  }

  deinit {
    for expression in compiled.values { xmlXPathFreeCompExpr(expression) }
    xmlXPathFreeContext(context)
  }

  /// Evaluates `expression` with `node` (the root element when `nil`) as its context node.
  public func evaluate(_ expression: String, at node: XMLNode? = nil) throws(XPathError)
    -> XPathValue
  {
    collector.diagnostics.removeAll()
    let program: xmlXPathCompExprPtr
    if let known = compiled[expression] {
      program = known
    } else {
      guard let made = xmlXPathCtxtCompile(context, Self.portable(expression)) else {
        throw XPathError(expression: expression, message: collector.diagnostics.first?.message)
      }
      compiled[expression] = made
      program = made
    }
    context.pointee.node = node?.pointer ?? xmlDocGetRootElement(tree.document)
    guard let result = xmlXPathCompiledEval(program, context) else {
      throw XPathError(expression: expression, message: collector.diagnostics.first?.message)
    }
    defer { xmlXPathFreeObject(result) }
    switch result.pointee.type {
    case XPATH_NODESET:
      guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0 else {
        return .nodes([])
      }
      return .nodes(
        (0..<Int(set.pointee.nodeNr)).compactMap { index in
          set.pointee.nodeTab[index].map { XMLNode($0, in: tree) }
        })
    case XPATH_STRING:
      return .text(result.pointee.stringval.map { String(cString: $0) } ?? "")
    case XPATH_NUMBER:
      let number = result.pointee.floatval
      if number.isNaN { return .text("") }
      if number == number.rounded(), abs(number) < 1e15 { return .text(String(Int64(number))) }
      return .text(String(number))
    case XPATH_BOOLEAN:
      return .text(result.pointee.boolval != 0 ? "true" : "false")
    default:
      return .nodes([])
    }
  }

  /// The expression with `/` before a non-ASCII name written `/child::`.
  ///
  /// libxml2 2.9 compiles an absolute path such as `/重点目標管理/@年度` as `/` followed by an
  /// error: after the root's slash it only accepts an ASCII letter. `/child::重点目標管理` means
  /// the same and compiles; inside string literals nothing is changed.
  public static func portable(_ expression: String) -> String {
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
}
