import GyoseiModel
import TextEscaping

/// Writes canonical XML: one namespace, elements in model order, two-space indent, UTF-8.
///
/// Objects become elements named by their keys; arrays become a container element whose
/// entries are named by `XMLElementNames`; `null` is an absent element. Text is escaped so
/// that reading it back gives the same string, carriage returns included.
public enum XMLEmitter {
  /// The canonical XML bytes of a document.
  public static func emit(_ document: Document) throws -> [UInt8] {
    try emit(CanonicalTree(document))
  }

  /// The canonical XML bytes of a document already encoded.
  public static func emit(_ tree: CanonicalTree) throws -> [UInt8] {
    var writer = XMLWriter()
    writer.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    guard case .object(let members) = tree.root else {
      throw EmitterError(pointer: "", message: "a document must encode as an object")
    }
    writer.append("<document xmlns=\"\(SchemaVersion.xmlNamespace)\">\n")
    for member in members {
      try writer.write(member.value, name: member.key, indent: 1, pointer: "/" + member.key)
    }
    writer.append("</document>\n")
    return writer.output
  }
}

private struct XMLWriter {
  var output: [UInt8] = []

  mutating func write(_ node: CanonicalNode, name: String, indent: Int, pointer: String) throws {
    switch node {
    case .null:
      return
    case .object(let members):
      pad(indent)
      if members.isEmpty {
        append("<\(name)/>\n")
        return
      }
      append("<\(name)>\n")
      for member in members {
        try write(
          member.value, name: member.key, indent: indent + 1, pointer: pointer + "/" + member.key)
      }
      pad(indent)
      append("</\(name)>\n")
    case .array(let elements):
      pad(indent)
      if elements.isEmpty {
        append("<\(name)/>\n")
        return
      }
      append("<\(name)>\n")
      let entryName = XMLElementNames.entry(of: name)
      for (index, element) in elements.enumerated() {
        try write(element, name: entryName, indent: indent + 1, pointer: pointer + "/\(index)")
      }
      pad(indent)
      append("</\(name)>\n")
    case .string(let text):
      pad(indent)
      append("<\(name)>")
      try writeText(text, pointer: pointer)
      append("</\(name)>\n")
    case .integer(let value):
      pad(indent)
      append("<\(name)>\(value)</\(name)>\n")
    case .number(let value):
      pad(indent)
      append("<\(name)>\(try NumberFormatting.canonical(value, pointer: pointer))</\(name)>\n")
    case .bool(let value):
      pad(indent)
      append("<\(name)>\(value)</\(name)>\n")
    }
  }

  mutating func append(_ text: String) { output.append(contentsOf: text.utf8) }

  mutating func pad(_ indent: Int) {
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
  }

  mutating func writeText(_ text: String, pointer: String) throws {
    if let forbidden = MarkupEscaping.append(text, to: &output, quotes: false, forbidden: .reject) {
      throw EmitterError(
        pointer: pointer,
        message:
          "U+\(String(forbidden.value, radix: 16, uppercase: true)) cannot be written in XML 1.0")
    }
  }
}
