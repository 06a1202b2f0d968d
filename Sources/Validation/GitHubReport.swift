import Foundation
import GyoseiModel

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, one per
/// issue (`warning` for warnings, `notice` for notes), so findings appear as annotations on
/// the validated files.
enum GitHubReport {
  static func render(_ report: ValidationReport, japanese: Bool) -> String {
    var output = ""
    for issue in report.issues {
      let command: String
      switch issue.severity {
      case .error: command = "error"
      case .warning: command = "warning"
      case .info: command = "notice"
      }
      var properties = ["file=\(property(issue.file))"]
      if let line = issue.line {
        properties.append("line=\(line)")
        if let column = issue.column, column > 0 { properties.append("col=\(column)") }
      }
      properties.append("title=\(property(issue.code))")
      var message = issue.message(japanese: japanese)
      if let source = issue.source, source.file != issue.file {
        message += " (source \(source.formatted))"
      }
      if let pointer = issue.pointer, pointer != .root { message += " [\(pointer)]" }
      output += "::\(command) \(properties.joined(separator: ","))::\(data(message))\n"
    }
    return output
  }

  /// A command's message, escaped as the runner reads it.
  static func data(_ text: String) -> String {
    text.replacingOccurrences(of: "%", with: "%25")
      .replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }

  /// A property value: the message escapes, and `:` and `,` too.
  static func property(_ text: String) -> String {
    data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
  }
}
