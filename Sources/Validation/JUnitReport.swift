import TextEscaping

/// The JUnit XML report, for CI test panels: a test case per document, a `<failure>` per
/// error; warnings and notes are listed in the test case's `<system-out>`.
enum JUnitReport {
  static func render(_ report: ValidationReport, japanese: Bool) -> String {
    let failing = report.entries.count { !$0.isValid }
    let counts =
      "tests=\"\(report.entries.count)\" failures=\"\(failing)\" errors=\"0\" skipped=\"0\""
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<testsuites name=\"gyosei validate\" \(counts)>\n"
    xml += "  <testsuite name=\"gyosei validate\" \(counts)>\n"
    for entry in report.entries {
      let name = MarkupEscaping.escaped(entry.file)
      let className = MarkupEscaping.escaped("gyosei." + (entry.family ?? "document"))
      xml += "    <testcase classname=\"\(className)\" name=\"\(name)\">\n"
      for issue in entry.issues where issue.severity == .error {
        let message = MarkupEscaping.escaped(issue.message(japanese: japanese))
        xml +=
          "      <failure type=\"\(MarkupEscaping.escaped(issue.code))\" message=\"\(message)\">"
        xml += MarkupEscaping.escaped(issue.line(japanese: japanese)) + "</failure>\n"
      }
      let notes = entry.issues.filter { $0.severity != .error }
      if !notes.isEmpty {
        xml += "      <system-out>"
        xml += MarkupEscaping.escaped(
          notes.map { $0.line(japanese: japanese) }.joined(separator: "\n"))
        xml += "</system-out>\n"
      }
      xml += "    </testcase>\n"
    }
    xml += "  </testsuite>\n</testsuites>\n"
    return xml
  }
}
