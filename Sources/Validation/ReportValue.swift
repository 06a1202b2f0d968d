import TextEscaping

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
    var output: [UInt8] = []
    write(into: &output, indent: 0)
    output.append(UInt8(ascii: "\n"))
    return String(decoding: output, as: UTF8.self)
  }

  private func write(into output: inout [UInt8], indent: Int) {
    switch self {
    case .string(let text): JSONStringWriter.append(text, to: &output)
    case .int(let number): output += String(number).utf8
    case .bool(let flag): output += (flag ? "true" : "false").utf8
    case .null: output += "null".utf8
    case .array(let values):
      guard !values.isEmpty else {
        output += "[]".utf8
        return
      }
      output += "[\n".utf8
      for (index, value) in values.enumerated() {
        Self.pad(&output, indent + 1)
        value.write(into: &output, indent: indent + 1)
        output += (index == values.count - 1 ? "\n" : ",\n").utf8
      }
      Self.pad(&output, indent)
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}".utf8
        return
      }
      output += "{\n".utf8
      for (index, (key, value)) in members.enumerated() {
        Self.pad(&output, indent + 1)
        JSONStringWriter.append(key, to: &output)
        output += ": ".utf8
        value.write(into: &output, indent: indent + 1)
        output += (index == members.count - 1 ? "\n" : ",\n").utf8
      }
      Self.pad(&output, indent)
      output.append(UInt8(ascii: "}"))
    }
  }

  private static func pad(_ output: inout [UInt8], _ indent: Int) {
    output += repeatElement(UInt8(ascii: " "), count: indent * 2)
  }
}
