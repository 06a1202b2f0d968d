import Foundation
import GyoseiModel
import LibXML2

/// Validates canonical XML documents against an XSD.
///
/// Documents are parsed under gyosei's one libxml2 policy (`XMLTree`): no network access, no
/// entity substitution, no DTD loading; a document that declares a DOCTYPE at all is refused
/// before validation, since canonical documents never have one.
final class XMLSchemaValidator: Sendable {
  /// The compiled schema of each readable version, compiled when a document of that version is
  /// first validated.
  ///
  /// The published XSD's municipality-code pattern (an alternation of every code with a valid
  /// check digit, 37 k characters) takes libxml2 a quarter of a second to compile; gyosei checks
  /// the check digit itself (`MunicipalityCode.problem`, reported as `municipality.check-digit`),
  /// so its own copy of the schema asks the XSD for six digits only.
  private let schemas = SchemaCache<XMLSchema> { version in
    guard let bytes = PublishedSchema.xsd(version: version) else { return nil }
    return try? XMLSchema(XMLSchemaValidator.withSimpleMunicipalityCode(bytes))
  }

  /// The XSD with the value of the first pattern after the MunicipalityCode type's declaration
  /// replaced by `[0-9]{6}`; unchanged when it has none.
  static func withSimpleMunicipalityCode(_ xsd: [UInt8]) -> [UInt8] {
    let opening = Array("<xs:pattern value=\"".utf8)
    guard let type = xsd.firstRange(of: Array("<xs:simpleType name=\"MunicipalityCode\">".utf8)),
      let pattern = xsd[type.upperBound...].firstRange(of: opening),
      let end = xsd[pattern.upperBound...].firstIndex(of: UInt8(ascii: "\""))
    else { return xsd }
    return Array(xsd[..<pattern.upperBound]) + Array("[0-9]{6}".utf8) + Array(xsd[end...])
  }

  init() {}

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
    let tree: XMLTree
    do {
      tree = try XMLTree.parse(bytes, fileName: file)
    } catch {
      switch error.kind {
      case .doctype:
        outcome.issues.append(
          ValidationIssue(
            file: file, line: error.line, column: 1, code: .xmlDoctype,
            message:
              "a DOCTYPE (and with it any entity declaration) is not allowed in a canonical "
              + "document; remove it"))
      case .resources:
        outcome.issues.append(ValidationIssue(file: file, code: .ioMemory, message: error.message))
      default:
        outcome.issues.append(
          ValidationIssue(
            file: file, line: error.line, column: error.column, code: .xmlNotWellFormed,
            message: "not well-formed XML: \(error.message)"))
      }
      return outcome
    }
    guard let root = tree.root else { return outcome }
    let namespace = root.namespace ?? ""
    guard let version = SchemaVersion.version(ofNamespace: namespace),
      let schema = schemas.value(for: version)
    else {
      outcome.issues.append(
        ValidationIssue(
          file: file, line: root.line, column: 1, code: .schemaXSD,
          message: "the root element is in namespace '\(namespace)', not one of gyosei's ("
            + SchemaVersion.readable.map(SchemaVersion.namespace(of:)).joined(separator: ", ")
            + ")"))
      return outcome
    }
    for error in schema.validate(tree) {
      outcome.issues.append(
        ValidationIssue(
          file: file, line: max(error.line, 1), column: error.column, code: .schemaXSD,
          message: abbreviatedPatterns(error.message, namespace: namespace)))
    }
    inspect(root, into: &outcome)
    if positions { outcome.elements = elementLines(root) }
    return outcome
  }

  /// Reads the family, the body elements and the municipality code from the tree.
  private func inspect(_ root: XMLNode, into outcome: inout Outcome) {
    for node in root.elements {
      let name = node.name
      switch name {
      case "family":
        outcome.family = node.ownText
      case _ where Self.bodyKeys.contains(name):
        outcome.bodyElements.append(name)
      case "municipality":
        for part in node.elements where part.name == "code" {
          outcome.municipalityCode = (part.ownText, part.line)
        }
      default:
        break
      }
    }
  }

  /// Every family's body elements.
  private static let bodyKeys = Set(DocumentFamily.allCases.flatMap(Document.bodyKeys(of:)))

  /// The element tree with the line of each element.
  private func elementLines(_ node: XMLNode) -> CanonicalPositions.Element {
    CanonicalPositions.Element(
      name: node.name, line: node.line, children: node.elements.map(elementLines))
  }
}

/// Shortens libxml2's messages: element names lose the `{namespace}` prefix (there is one
/// namespace), and a failed pattern is not quoted in full (the municipality-code pattern is
/// 37 KB long).
private func abbreviatedPatterns(_ message: String, namespace: String) -> String {
  let text = message.replacingAll("{\(namespace)}", with: "")
  let opening = Array("by the pattern '".utf8)
  let closing = Array("'.".utf8)
  let bytes = Array(text.utf8)
  guard let start = bytes.firstRange(of: opening)?.upperBound,
    let end = bytes.lastRange(of: closing)?.lowerBound, end - start > 80
  else { return text }
  return String(decoding: bytes[..<(start - opening.count)], as: UTF8.self)
    + "by the schema's pattern."
}

extension String {
  /// The string with every occurrence of `target` replaced, compared as UTF-8 bytes.
  func replacingAll(_ target: String, with replacement: String) -> String {
    let bytes = Array(utf8)
    let needle = Array(target.utf8)
    guard !needle.isEmpty else { return self }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == needle[0], bytes.count - index >= needle.count,
        bytes[index..<index + needle.count].elementsEqual(needle)
      {
        output += replacement.utf8
        index += needle.count
      } else {
        output.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: output, as: UTF8.self)
  }
}

extension Array where Element == UInt8 {
  /// The last range where `needle` occurs.
  func lastRange(of needle: [UInt8]) -> Range<Int>? {
    guard !needle.isEmpty, needle.count <= count else { return nil }
    var start = count - needle.count
    while start >= 0 {
      if self[start..<start + needle.count].elementsEqual(needle) {
        return start..<start + needle.count
      }
      start -= 1
    }
    return nil
  }
}

/// Values made once per key, on first use, and shared by every thread.
final class SchemaCache<Value: Sendable>: @unchecked Sendable {
  private let make: @Sendable (String) -> Value?
  private let lock = NSLock()
  private var values: [String: Value?] = [:]

  init(_ make: @escaping @Sendable (String) -> Value?) {
    self.make = make
  }

  func value(for key: String) -> Value? {
    lock.lock()
    defer { lock.unlock() }
    if let known = values[key] { return known }
    let value = make(key)
    values[key] = value
    return value
  }
}
