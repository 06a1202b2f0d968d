import GyoseiModel
import TextEscaping

/// Writes canonical JSON.
///
/// Members in model order, two-space indent, UTF-8 with Japanese unescaped, a final newline.
/// The same document always gives the same bytes.
public enum JSONEmitter {
  /// The canonical JSON bytes of a document.
  public static func emit(_ document: Document) throws -> [UInt8] {
    try emit(value: document)
  }

  /// The canonical JSON bytes of a document already encoded: the same bytes as
  /// `emit(_:)` gives for the document.
  public static func emit(_ tree: CanonicalTree) throws -> [UInt8] {
    var writer = JSONWriter()
    try writer.write(tree.root, indent: 0)
    writer.output.append(UInt8(ascii: "\n"))
    return writer.output
  }

  /// The canonical JSON bytes of any encodable value (a report, a part of a document).
  public static func emit<T: Encodable>(value: T) throws -> [UInt8] {
    var writer = JSONWriter()
    try writer.write(NodeEncoder.encode(value), indent: 0)
    writer.output.append(UInt8(ascii: "\n"))
    return writer.output
  }

  /// The same JSON on one line, without white space, ending in a newline: one record of a
  /// JSON Lines stream.
  public static func emitLine<T: Encodable>(value: T) throws -> [UInt8] {
    var writer = JSONWriter(compact: true)
    try writer.write(NodeEncoder.encode(value), indent: 0)
    writer.output.append(UInt8(ascii: "\n"))
    return writer.output
  }
}

private struct JSONWriter {
  var output: [UInt8] = []
  var compact = false
  /// The members and indices down to the node being written, for a message about a number
  /// that cannot be written (a pointer string per node would cost more than the writing).
  var path: [String] = []

  mutating func write(_ node: CanonicalNode, indent: Int) throws {
    switch node {
    case .object(let members):
      if members.isEmpty {
        append("{}")
        return
      }
      append(compact ? "{" : "{\n")
      for (index, member) in members.enumerated() {
        pad(indent + 1)
        writeString(member.key)
        append(compact ? ":" : ": ")
        path.append(member.key)
        try write(member.value, indent: indent + 1)
        path.removeLast()
        separate(last: index + 1 == members.count)
      }
      pad(indent)
      append("}")
    case .array(let elements):
      if elements.isEmpty {
        append("[]")
        return
      }
      append(compact ? "[" : "[\n")
      for (index, element) in elements.enumerated() {
        pad(indent + 1)
        path.append(String(index))
        try write(element, indent: indent + 1)
        path.removeLast()
        separate(last: index + 1 == elements.count)
      }
      pad(indent)
      append("]")
    case .string(let text): writeString(text)
    case .integer(let value): append(String(value))
    case .number(let value):
      append(
        try NumberFormatting.canonical(
          value, pointer: path.map { "/" + $0 }.joined()))
    case .bool(let value): append(value ? "true" : "false")
    case .null: append("null")
    }
  }

  mutating func append(_ text: String) { output.append(contentsOf: text.utf8) }

  mutating func pad(_ indent: Int) {
    guard !compact else { return }
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
  }

  mutating func separate(last: Bool) {
    if compact {
      if !last { append(",") }
    } else {
      append(last ? "\n" : ",\n")
    }
  }

  mutating func writeString(_ text: String) {
    JSONStringWriter.append(text, to: &output)
  }
}
