/// The text report: a line per issue, `location: severity code: message [context]`.
///
/// The location is the source position when the document records where the value came from
/// (`ueda-2024.txt:48:4`), otherwise the position in the validated file; the context in
/// brackets names the validated file and the JSON Pointer when the location does not.
enum TextReport {
  static func render(_ report: ValidationReport, japanese: Bool) -> String {
    var lines: [String] = []
    for issue in report.issues {
      var line = "\(issue.location): \(issue.severity.rawValue) \(issue.code): "
      line += issue.message(japanese: japanese).replacingNewlines()
      if let context = issue.context { line += " [\(context)]" }
      lines.append(line)
    }
    return lines.map { $0 + "\n" }.joined()
  }
}

extension String {
  /// The text on one line: line breaks become spaces.
  func replacingNewlines() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 }))
  }
}
