/// The outcome of validating a set of documents, ready to be written in a report format.
public struct ValidationReport: Hashable, Sendable {
  /// One validated file: a canonical document, or a source converted in memory.
  public struct Entry: Hashable, Sendable {
    /// The file, as the user named it.
    public var file: String
    /// The document's id, when it could be read.
    public var documentID: String?
    /// The document's family, when it could be read.
    public var family: String?
    /// Every issue reported for the file, in order.
    public var issues: [ValidationIssue]

    public init(
      file: String, documentID: String? = nil, family: String? = nil, issues: [ValidationIssue]
    ) {
      self.file = file
      self.documentID = documentID
      self.family = family
      self.issues = issues
    }

    /// The file has no error (warnings and notes do not fail it).
    public var isValid: Bool { !issues.contains { $0.severity == .error } }
  }

  /// The files, in the order they were validated.
  public var entries: [Entry]
  /// The tool's name and version, for the formats that record them.
  public var toolVersion: String

  public init(entries: [Entry], toolVersion: String) {
    self.entries = entries
    self.toolVersion = toolVersion
  }

  /// No file has an error, whatever the number of errors.
  public var isValid: Bool { entries.allSatisfy(\.isValid) }

  /// How many issues of `severity` the report holds.
  public func count(_ severity: ValidationIssue.Severity) -> Int {
    entries.reduce(0) { $0 + $1.issues.count { $0.severity == severity } }
  }

  /// Every issue, file by file.
  public var issues: [ValidationIssue] { entries.flatMap(\.issues) }
}

/// The forms a validation report is written in.
public enum ReportFormat: String, Sendable, CaseIterable {
  /// `file:line:col: severity code: message`, a line per issue.
  case text
  /// One JSON object: `valid`, counts, and every issue with its pointer and source position.
  case json
  /// JUnit XML: a test case per document, a failure per error.
  case junit
  /// GitHub Actions workflow commands (`::error file=…,line=…::…`).
  case github
  /// SARIF 2.1.0.
  case sarif

  /// Writes `report` in this format.
  ///
  /// - Parameter japanese: use the Japanese message where an issue has one (the JSON and
  ///   SARIF forms always carry both).
  public func render(_ report: ValidationReport, japanese: Bool = false) -> String {
    switch self {
    case .text: return TextReport.render(report, japanese: japanese)
    case .json: return JSONReport.render(report)
    case .junit: return JUnitReport.render(report, japanese: japanese)
    case .github: return GitHubReport.render(report, japanese: japanese)
    case .sarif: return SARIFReport.render(report)
    }
  }
}

extension ValidationIssue {
  /// The message in the language asked for, English when there is no Japanese one.
  func message(japanese: Bool) -> String {
    japanese ? (messageJapanese ?? message) : message
  }

  /// Where a person should look: the source position when the document records one,
  /// otherwise the position in the validated file.
  public var location: String {
    if let source { return "\(source.file):\(source.line):\(source.cell ?? 1)" }
    if let line { return "\(file):\(line):\(column ?? 1)" }
    return file
  }

  /// What the location leaves out: the validated file and the pointer, when they are not
  /// already said.
  public var context: String? {
    var parts: [String] = []
    if source != nil && source?.file != file { parts.append(file) }
    if let pointer, pointer != .root { parts.append(pointer.text) }
    return parts.isEmpty ? nil : parts.joined(separator: " ")
  }
}
