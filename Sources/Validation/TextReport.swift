/// The text report: a line per issue, `location: severity code: message [context]`.
///
/// The location is the source position when the document records where the value came from
/// (`ueda-2024.txt:48:4`), otherwise the position in the validated file; the context in
/// brackets names the validated file and the JSON Pointer when the location does not.
enum TextReport {
  static func render(_ report: ValidationReport, japanese: Bool) -> String {
    report.issues.map { $0.line(japanese: japanese) + "\n" }.joined()
  }
}

extension ValidationIssue {
  /// The issue on one line, as the text report writes it (and JUnit quotes it).
  func line(japanese: Bool) -> String {
    "\(location): \(severity.rawValue) \(code): "
      + message(japanese: japanese).replacingNewlines() + (context.map { " [\($0)]" } ?? "")
  }
}

extension String {
  /// The text on one line: line breaks become spaces.
  func replacingNewlines() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 }))
  }
}
