/// Strings written as JSON: the one writer of JSON strings every gyosei JSON output uses
/// (canonical documents, JSON Lines, the validation and SARIF reports).
///
/// UTF-8 with every non-ASCII character as it is (Japanese stays readable); `"` and `\`
/// escaped; line feed, carriage return, tab, backspace and form feed as their short escapes;
/// other control characters as `\u00XX`.
public enum JSONStringWriter {
  /// Appends `text` as a quoted JSON string to `output`.
  public static func append(_ text: String, to output: inout [UInt8]) {
    var text = text
    text.withUTF8 { append(utf8: $0, to: &output) }
  }

  /// Appends UTF-8 bytes as a quoted JSON string to `output`: runs that need no escape are
  /// copied whole.
  public static func append(utf8 bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    var runStart = 0
    for index in 0..<bytes.count {
      let byte = bytes[index]
      guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
        continue
      }
      if runStart < index {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
      }
      appendEscape(of: byte, to: &output)
      runStart = index + 1
    }
    if runStart < bytes.count {
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
    output.append(UInt8(ascii: "\""))
  }

  private static func appendEscape(of byte: UInt8, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\\"))
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
    case 0x0A: output.append(UInt8(ascii: "n"))
    case 0x0D: output.append(UInt8(ascii: "r"))
    case 0x09: output.append(UInt8(ascii: "t"))
    case 0x08: output.append(UInt8(ascii: "b"))
    case 0x0C: output.append(UInt8(ascii: "f"))
    default:
      output += "u00".utf8
      output.append(hexDigit(byte >> 4))
      output.append(hexDigit(byte & 0x0F))
    }
  }

  /// `text` as a quoted JSON string.
  public static func quoted(_ text: String) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(text.utf8.count + 2)
    append(text, to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
  }
}
