import GyoseiModel

/// The SARIF 2.1.0 report: one run of gyosei, a reporting descriptor per code that occurs or
/// is a rule, a result per issue with its physical location in the validated file where known,
/// the JSON Pointer as a logical location and the source position as a related location.
enum SARIFReport {
  static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

  static func render(_ report: ValidationReport) -> String {
    let issues = report.issues
    var codes = DiagnosticCode.rules.map(\.rawValue)
    for code in issues.map(\.code).sorted() where !codes.contains(code) { codes.append(code) }
    let rules: [ReportValue] = codes.map { code in
      var members: [(String, ReportValue)] = [("id", .string(code))]
      if let rule = DiagnosticCode(rawValue: code) {
        members.append(("shortDescription", .object([("text", .string(rule.summary))])))
        members.append(
          ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])))
        members.append(("properties", .object([("ja", .string(rule.summaryJapanese))])))
      }
      return .object(members)
    }
    let results: [ReportValue] = issues.map { issue in
      var members: [(String, ReportValue)] = [
        ("ruleId", .string(issue.code)),
        ("ruleIndex", .int(codes.firstIndex(of: issue.code) ?? 0)),
        ("level", .string(level(issue.severity))),
        ("message", .object([("text", .string(issue.message))])),
      ]
      var location: [(String, ReportValue)] = [
        ("physicalLocation", physicalLocation(issue.file, line: issue.line, column: issue.column))
      ]
      if let pointer = issue.pointer {
        location.append(
          (
            "logicalLocations",
            .array([
              .object([
                ("fullyQualifiedName", .string(pointer == .root ? "/" : pointer.text)),
                ("kind", .string("member")),
              ])
            ])
          ))
      }
      members.append(("locations", .array([.object(location)])))
      if let source = issue.source {
        members.append(
          (
            "relatedLocations",
            .array([
              .object([
                ("id", .int(1)),
                (
                  "physicalLocation",
                  physicalLocation(source.file, line: source.line, column: source.cell)
                ),
                ("message", .object([("text", .string("the source cell"))])),
              ])
            ])
          ))
      }
      if let japanese = issue.messageJapanese {
        members.append(("properties", .object([("messageJa", .string(japanese))])))
      }
      return .object(members)
    }
    return ReportValue.object([
      ("$schema", .string(schema)),
      ("version", .string("2.1.0")),
      (
        "runs",
        .array([
          .object([
            (
              "tool",
              .object([
                (
                  "driver",
                  .object([
                    ("name", .string("gyosei")),
                    ("version", .string(report.toolVersion)),
                    ("rules", .array(rules)),
                  ])
                )
              ])
            ),
            ("results", .array(results)),
          ])
        ])
      ),
    ]).rendered
  }

  private static func level(_ severity: ValidationIssue.Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .info: return "note"
    }
  }

  private static func physicalLocation(_ file: String, line: Int?, column: Int?) -> ReportValue {
    var members: [(String, ReportValue)] = [
      ("artifactLocation", .object([("uri", .string(uri(file)))]))
    ]
    if let line {
      var region: [(String, ReportValue)] = [("startLine", .int(line))]
      if let column, column > 0 { region.append(("startColumn", .int(column))) }
      members.append(("region", .object(region)))
    }
    return .object(members)
  }

  /// A relative URI reference for a path: every byte outside RFC 3986's unreserved set and
  /// `/` percent-encoded (Japanese file names included).
  static func uri(_ path: String) -> String {
    var output = ""
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
        output.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        output += "%" + (hex.count == 1 ? "0" : "") + hex
      }
    }
    return output
  }
}
