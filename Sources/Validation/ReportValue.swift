/// A JSON value for the JSON and SARIF reports, written with members in the order given, two
/// spaces of indentation, and text unescaped beyond what JSON requires (Japanese stays
/// readable).
enum ReportValue {
  case string(String)
  case int(Int)
  case bool(Bool)
  case null
  case array([ReportValue])
  case object([(String, ReportValue)])

  /// An optional string, or `null`.
  static func optional(_ text: String?) -> ReportValue { text.map(ReportValue.string) ?? .null }

  /// An optional integer, or `null`.
  static func optional(_ number: Int?) -> ReportValue { number.map(ReportValue.int) ?? .null }

  /// The JSON text, ending with a line break.
  var rendered: String {
    var output = ""
    write(into: &output, indent: "")
    return output + "\n"
  }

  private func write(into output: inout String, indent: String) {
    switch self {
    case .string(let text): Self.writeString(text, into: &output)
    case .int(let number): output += String(number)
    case .bool(let flag): output += flag ? "true" : "false"
    case .null: output += "null"
    case .array(let values):
      guard !values.isEmpty else {
        output += "[]"
        return
      }
      output += "[\n"
      for (index, value) in values.enumerated() {
        output += indent + "  "
        value.write(into: &output, indent: indent + "  ")
        output += index == values.count - 1 ? "\n" : ",\n"
      }
      output += indent + "]"
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}"
        return
      }
      output += "{\n"
      for (index, (key, value)) in members.enumerated() {
        output += indent + "  "
        Self.writeString(key, into: &output)
        output += ": "
        value.write(into: &output, indent: indent + "  ")
        output += index == members.count - 1 ? "\n" : ",\n"
      }
      output += indent + "}"
    }
  }

  private static func writeString(_ text: String, into output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20 || (0x2028...0x2029).contains(scalar.value):
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}

/// Text for XML element content and attribute values.
enum XMLText {
  /// `text` with `& < > " '` escaped and characters XML 1.0 forbids replaced by U+FFFD.
  static func escaped(_ text: String) -> String {
    var output = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&apos;"
      case "\n", "\t": output.unicodeScalars.append(scalar)
      case "\r": output += "&#13;"
      case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
        output += "\u{FFFD}"
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output
  }
}
