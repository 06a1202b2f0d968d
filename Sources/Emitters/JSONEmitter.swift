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
    // Sized first: a 20 MB document grown by doubling holds its last two buffers at once.
    writer.output.reserveCapacity(JSONWriter.size(of: tree.root, indent: 0) + 1)
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

  /// Writes `node`; a number that cannot be written is an error whose pointer is filled in on
  /// the way back up, so the members' names cost nothing while all goes well.
  mutating func write(_ node: CanonicalNode, indent: Int) throws(EmitterError) {
    switch node {
    case .object(let members):
      if members.isEmpty {
        append(Self.emptyObject)
        return
      }
      output.append(UInt8(ascii: "{"))
      newline()
      for (index, member) in members.enumerated() {
        pad(indent + 1)
        writeString(member.key)
        append(compact ? Self.colon : Self.colonSpace)
        do {
          try write(member.value, indent: indent + 1)
        } catch {
          throw error.within(member.key)
        }
        separate(last: index + 1 == members.count)
      }
      pad(indent)
      output.append(UInt8(ascii: "}"))
    case .array(let elements):
      if elements.isEmpty {
        append(Self.emptyArray)
        return
      }
      output.append(UInt8(ascii: "["))
      newline()
      for (index, element) in elements.enumerated() {
        pad(indent + 1)
        do {
          try write(element, indent: indent + 1)
        } catch {
          throw error.within(String(index))
        }
        separate(last: index + 1 == elements.count)
      }
      pad(indent)
      output.append(UInt8(ascii: "]"))
    case .string(let text): writeString(text)
    case .integer(let value): writeInteger(value)
    case .number(let value):
      let text = try NumberFormatting.canonical(value, pointer: "")
      output.append(contentsOf: text.utf8)
    case .bool(let value): append(value ? Self.trueLiteral : Self.falseLiteral)
    case .null: append(Self.nullLiteral)
    }
  }

  /// The bytes `write` gives for `node`, but for escapes (a string counts its bytes and its
  /// quotes) and numbers (counted at their longest): a capacity, not an exact size.
  static func size(of node: CanonicalNode, indent: Int) -> Int {
    switch node {
    case .object(let members):
      guard !members.isEmpty else { return 2 }
      // "{\n", then per member: padding, key, ": ", value, ",\n"; then padding and "}".
      var total = 2 + 2 * indent + 1
      for member in members {
        total += 2 * (indent + 1) + member.key.utf8.count + 2 + 2 + 2
        total += size(of: member.value, indent: indent + 1)
      }
      return total
    case .array(let elements):
      guard !elements.isEmpty else { return 2 }
      var total = 2 + 2 * indent + 1
      for element in elements {
        total += 2 * (indent + 1) + 2 + size(of: element, indent: indent + 1)
      }
      return total
    case .string(let text): return text.utf8.count + 2
    case .integer: return 20
    case .number: return 24
    case .bool: return 5
    case .null: return 4
    }
  }

  static let emptyObject: [UInt8] = Array("{}".utf8)
  static let emptyArray: [UInt8] = Array("[]".utf8)
  static let colon: [UInt8] = [UInt8(ascii: ":")]
  static let colonSpace: [UInt8] = Array(": ".utf8)
  static let trueLiteral: [UInt8] = Array("true".utf8)
  static let falseLiteral: [UInt8] = Array("false".utf8)
  static let nullLiteral: [UInt8] = Array("null".utf8)
  static let spaces: [UInt8] = Array(repeating: UInt8(ascii: " "), count: 64)

  mutating func append(_ bytes: [UInt8]) { output.append(contentsOf: bytes) }

  mutating func newline() {
    if !compact { output.append(UInt8(ascii: "\n")) }
  }

  mutating func pad(_ indent: Int) {
    guard !compact else { return }
    var remaining = indent * 2
    while remaining > 0 {
      let run = min(remaining, Self.spaces.count)
      output.append(contentsOf: Self.spaces[0..<run])
      remaining -= run
    }
  }

  mutating func separate(last: Bool) {
    if !last { output.append(UInt8(ascii: ",")) }
    newline()
  }

  /// An integer's decimal digits, written without a string in between.
  mutating func writeInteger(_ value: Int64) {
    if value < 0 { output.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, filled from the end
    withUnsafeMutableBytes(of: &digits) { buffer in
      var index = buffer.count
      repeat {
        index -= 1
        buffer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      output.append(contentsOf: buffer[index...])
    }
  }

  mutating func writeString(_ text: String) {
    JSONStringWriter.append(text, to: &output)
  }
}
