/// The JSON report: `valid`, counts, and each document with its issues; each issue with its
/// code, severity, messages, JSON Pointer, position in the validated file and source position.
enum JSONReport {
  static func render(_ report: ValidationReport) -> String {
    ReportValue.object([
      ("tool", .string(report.toolVersion)),
      ("valid", .bool(report.isValid)),
      ("counts", counts(report.issues, documents: report.entries.count)),
      ("documents", .array(report.entries.map(entry))),
    ]).rendered
  }

  private static func counts(_ issues: [ValidationIssue], documents: Int?) -> ReportValue {
    var members: [(String, ReportValue)] = []
    if let documents { members.append(("documents", .int(documents))) }
    for severity in ValidationIssue.Severity.allCases {
      members.append((severity.rawValue, .int(issues.count { $0.severity == severity })))
    }
    return .object(members)
  }

  private static func entry(_ entry: ValidationReport.Entry) -> ReportValue {
    .object([
      ("file", .string(entry.file)),
      ("id", .optional(entry.documentID)),
      ("family", .optional(entry.family)),
      ("valid", .bool(entry.isValid)),
      ("counts", counts(entry.issues, documents: nil)),
      ("issues", .array(entry.issues.map(issue))),
    ])
  }

  static func issue(_ issue: ValidationIssue) -> ReportValue {
    .object([
      ("code", .string(issue.code)),
      ("severity", .string(issue.severity.rawValue)),
      ("message", .string(issue.message)),
      ("messageJa", .optional(issue.messageJapanese)),
      ("pointer", .optional(issue.pointer?.text)),
      ("file", .string(issue.file)),
      ("line", .optional(issue.line)),
      ("column", .optional(issue.column)),
      (
        "source",
        issue.source.map { source in
          .object([
            ("file", .string(source.file)), ("line", .int(source.line)),
            ("cell", .optional(source.cell)),
          ])
        } ?? .null
      ),
    ])
  }
}
