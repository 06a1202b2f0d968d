/// Strings written as JSON: the one writer of JSON strings every gyosei JSON output uses
/// (canonical documents, JSON Lines, the validation and SARIF reports).
///
/// UTF-8 with every non-ASCII character as it is (Japanese stays readable); `"` and `\`
/// escaped; line feed, carriage return, tab, backspace and form feed as their short escapes;
/// other control characters as `\u00XX`.
public enum JSONStringWriter {
  /// Appends `text` as a quoted JSON string to `output`.
  public static func append(_ text: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
      case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
      case 0x0A: output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
      case 0x0D: output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
      case 0x09: output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
      case 0x08: output += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
      case 0x0C: output += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
      case 0x00..<0x20:
        output += "\\u00".utf8
        output.append(hexDigit(byte >> 4))
        output.append(hexDigit(byte & 0x0F))
      default: output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
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
