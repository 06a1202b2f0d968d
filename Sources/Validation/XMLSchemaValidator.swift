import CLibXML2
import Foundation
import GyoseiModel

/// Validates XML documents against an XSD with libxml2.
///
/// Documents are parsed without network access, without entity substitution and without
/// loading DTDs; a document that declares a DOCTYPE at all is refused before validation, since
/// canonical documents never have one and entities are the usual way to attack a parser.
final class XMLSchemaValidator {
  /// Why an XSD cannot be used.
  struct SchemaError: Error, CustomStringConvertible {
    var description: String
  }

  private let schema: xmlSchemaPtr

  init(schemaBytes: [UInt8]) throws {
    LibXML2.initialize()
    let collector = ErrorCollector()
    let parsed: xmlSchemaPtr? = schemaBytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        guard let context = xmlSchemaNewMemParserCtxt(chars.baseAddress, Int32(chars.count)) else {
          return nil
        }
        defer { xmlSchemaFreeParserCtxt(context) }
        xmlSchemaSetParserStructuredErrors(
          context, collectStructuredError, Unmanaged.passUnretained(collector).toOpaque())
        return xmlSchemaParse(context)
      }
    }
    guard let parsed else {
      let detail = collector.errors.first.map { "line \($0.line): \($0.message)" } ?? "unknown"
      throw SchemaError(description: "the XSD does not compile: \(detail)")
    }
    schema = parsed
  }

  deinit { xmlSchemaFree(schema) }

  /// A parsed document and what was found in it.
  struct Outcome {
    var issues: [ValidationIssue]
    /// The code of `/document/municipality/code`, when the document has one.
    var municipalityCode: (text: String, line: Int)?
    /// The family and the body elements present, for the checks XSD cannot express.
    var family: String?
    var bodyElements: [String]
    /// The elements with their lines, for locating values by JSON Pointer.
    var elements: CanonicalPositions.Element?
  }

  /// - Parameter positions: keep the element tree with lines in the outcome.
  func validate(_ bytes: [UInt8], file: String, positions: Bool = false) -> Outcome {
    var outcome = Outcome(
      issues: [], municipalityCode: nil, family: nil, bodyElements: [], elements: nil)
    if let line = Self.doctypeLine(bytes) {
      outcome.issues.append(
        ValidationIssue(
          file: file, line: line, column: 1, code: "xml.doctype",
          message:
            "a DOCTYPE (and with it any entity declaration) is not allowed in a canonical document; "
            + "remove it"))
      return outcome
    }
    guard let parser = xmlNewParserCtxt() else {
      outcome.issues.append(
        ValidationIssue(file: file, code: "io.memory", message: "libxml2 could not start a parser"))
      return outcome
    }
    defer { xmlFreeParserCtxt(parser) }
    let options = Int32(
      XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_NOCDATA.rawValue)
    let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        xmlCtxtReadMemory(parser, chars.baseAddress, Int32(chars.count), file, nil, options)
      }
    }
    guard let document else {
      let error = xmlCtxtGetLastError(parser)
      let line = error.map { Int($0.pointee.line) } ?? 0
      let column = error.map { Int($0.pointee.int2) } ?? 0
      let message = error.flatMap { $0.pointee.message }.map { String(cString: $0) } ?? "unknown"
      outcome.issues.append(
        ValidationIssue(
          file: file, line: max(line, 1), column: column, code: "xml.not-well-formed",
          message: "not well-formed XML: \(trimmed(message))"))
      return outcome
    }
    defer { xmlFreeDoc(document) }
    if document.pointee.intSubset != nil || document.pointee.extSubset != nil {
      outcome.issues.append(
        ValidationIssue(
          file: file, line: 1, column: 1, code: "xml.doctype",
          message: "a DOCTYPE is not allowed in a canonical document; remove it"))
      return outcome
    }
    let collector = ErrorCollector()
    guard let context = xmlSchemaNewValidCtxt(schema) else {
      outcome.issues.append(
        ValidationIssue(
          file: file, code: "io.memory", message: "libxml2 could not start a validator"))
      return outcome
    }
    defer { xmlSchemaFreeValidCtxt(context) }
    xmlSchemaSetValidStructuredErrors(
      context, collectStructuredError, Unmanaged.passUnretained(collector).toOpaque())
    let result = xmlSchemaValidateDoc(context, document)
    for error in collector.errors {
      outcome.issues.append(
        ValidationIssue(
          file: file, line: max(error.line, 1), column: error.column, code: "schema.xsd",
          message: abbreviatedPatterns(error.message)))
    }
    if result != 0 && collector.errors.isEmpty {
      outcome.issues.append(
        ValidationIssue(
          file: file, line: 1, column: 0, code: "schema.xsd",
          message: "libxml2 could not validate the document (internal error \(result))"))
    }
    inspect(document, into: &outcome)
    if positions, let root = xmlDocGetRootElement(document) {
      outcome.elements = elementLines(root)
    }
    return outcome
  }

  /// Reads the family, the body elements and the municipality code from the tree.
  private func inspect(_ document: xmlDocPtr, into outcome: inout Outcome) {
    guard let root = xmlDocGetRootElement(document) else { return }
    var child = root.pointee.children
    while let node = child {
      defer { child = node.pointee.next }
      guard node.pointee.type == XML_ELEMENT_NODE else { continue }
      let name = String(cString: node.pointee.name)
      switch name {
      case "family":
        outcome.family = textContent(node)
      case _ where Self.bodyKeys.contains(name):
        outcome.bodyElements.append(name)
      case "municipality":
        var part = node.pointee.children
        while let codeNode = part {
          defer { part = codeNode.pointee.next }
          if codeNode.pointee.type == XML_ELEMENT_NODE,
            String(cString: codeNode.pointee.name) == "code"
          {
            outcome.municipalityCode = (textContent(codeNode), Int(xmlGetLineNo(codeNode)))
          }
        }
      default:
        break
      }
    }
  }

  /// Every family's body elements.
  private static let bodyKeys = Set(DocumentFamily.allCases.flatMap(Document.bodyKeys(of:)))

  /// The element tree with the line of each element.
  private func elementLines(_ node: xmlNodePtr) -> CanonicalPositions.Element {
    var element = CanonicalPositions.Element(
      name: String(cString: node.pointee.name), line: Int(xmlGetLineNo(node)), children: [])
    var child = node.pointee.children
    while let part = child {
      defer { child = part.pointee.next }
      if part.pointee.type == XML_ELEMENT_NODE { element.children.append(elementLines(part)) }
    }
    return element
  }

  private func textContent(_ node: xmlNodePtr) -> String {
    var text = ""
    var child = node.pointee.children
    while let part = child {
      defer { child = part.pointee.next }
      if part.pointee.type == XML_TEXT_NODE, let content = part.pointee.content {
        text += String(cString: content)
      }
    }
    return text
  }

  /// The line of a `<!DOCTYPE` in the prolog (before the root element), or `nil`.
  ///
  /// Checked before libxml2 parses anything, so no entity is ever declared, let alone expanded.
  static func doctypeLine(_ bytes: [UInt8]) -> Int? {
    let line = bytes.withUnsafeBufferPointer { gyosei_doctype_line($0.baseAddress, $0.count) }
    return line > 0 ? Int(line) : nil
  }
}

/// One libxml2 error, copied out of the library's structure.
struct LibXML2Error {
  var line: Int
  var column: Int
  var message: String
}

/// Receives libxml2's structured errors through the `void *` context of its callbacks.
final class ErrorCollector {
  var errors: [LibXML2Error] = []
}

private let collectStructuredError: xmlStructuredErrorFunc = { context, error in
  guard let context, let error else { return }
  let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
  let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
  collector.errors.append(
    LibXML2Error(line: Int(error.pointee.line), column: Int(error.pointee.int2), message: message))
}

private func trimmed(_ message: String) -> String {
  message.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// Shortens libxml2's messages: element names lose the `{namespace}` prefix (there is one
/// namespace), and a failed pattern is not quoted in full (the municipality-code pattern is
/// 37 KB long).
private func abbreviatedPatterns(_ message: String) -> String {
  let text = trimmed(message).replacingOccurrences(of: "{\(SchemaVersion.xmlNamespace)}", with: "")
  guard let start = text.range(of: "by the pattern '"),
    let end = text.range(of: "'.", options: .backwards), start.upperBound < end.lowerBound,
    text.distance(from: start.upperBound, to: end.lowerBound) > 80
  else { return text }
  return String(text[..<start.lowerBound]) + "by the schema's pattern."
}

/// libxml2's process-wide setup, done once.
enum LibXML2 {
  private static let initialized: Bool = {
    xmlInitParser()
    return true
  }()

  static func initialize() { _ = initialized }
}
