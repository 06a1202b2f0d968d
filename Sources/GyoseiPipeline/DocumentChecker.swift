import Emitters
import GyoseiModel
import Validation

/// Checks documents the way `validate`, `check` and `convert` report them.
///
/// The schema first, then, for a document that matches it, the semantic rules, each issue with
/// the severity the rules configuration gives its code. One checker may be shared by several
/// threads.
public struct DocumentChecker: Sendable {
  /// The schemas.
  public let validator: DocumentValidator
  let rules: DocumentRules
  /// The severities.
  public let configuration: RuleConfiguration

  /// Loads the built-in schemas and the rules, with `configuration`'s severities.
  public init(configuration: RuleConfiguration = RuleConfiguration()) {
    validator = DocumentValidator()
    rules = DocumentRules(reading: NormalizerTextReading())
    self.configuration = configuration
  }

  /// A canonical document's file: the schema's problems, then the rules' findings at their
  /// lines in the file.
  public func check(canonical bytes: [UInt8], file: String) -> (
    entry: ValidationReport.Entry, document: Document?
  ) {
    let (schemaIssues, positions) = validator.inspect(bytes, file: file)
    var issues = configured(schemaIssues)
    var document: Document?
    // The rules read the model, which holds only what matches the schema (a municipality code
    // with a wrong check digit cannot be decoded): a document with any schema issue is not
    // judged by them.
    if schemaIssues.isEmpty {
      do {
        document = try CanonicalDecoder.decode(bytes)
      } catch {
        issues.append(
          ValidationIssue(
            file: file, line: 1, column: 1, code: .schemaJSON,
            message: "the document matches the schema but cannot be read: \(error)"))
      }
    }
    if let document {
      issues += rules.issues(
        in: document, file: file, configuration: configuration, locate: positions.position(of:))
    }
    return (
      ValidationReport.Entry(
        file: file, documentID: document?.id, family: document?.family.rawValue, issues: issues),
      document
    )
  }

  /// A document converted from the source `file` in this run: its JSON form against the
  /// schema, then the rules, every issue placed at its source line and cell.
  ///
  /// - Parameter json: the document's JSON form, when the caller has written it already.
  public func check(converted document: Document, file: String, json: [UInt8]? = nil)
    -> ValidationReport.Entry
  {
    var issues: [ValidationIssue]
    do {
      issues = configured(validator.validate(try json ?? JSONEmitter.emit(document), file: file))
    } catch {
      issues = [ValidationIssue(file: file, code: .schemaJSON, message: "\(error)")]
    }
    issues += rules.issues(in: document, file: file, sourceFile: file, configuration: configuration)
    for index in issues.indices {
      if let source = issues[index].source {
        issues[index].line = source.line
        issues[index].column = source.cell
      }
    }
    return ValidationReport.Entry(
      file: file, documentID: document.id, family: document.family.rawValue, issues: issues)
  }

  /// A source that did not convert: one error saying why.
  public func failure(_ file: String, _ error: any Error) -> ValidationReport.Entry {
    ValidationReport.Entry(
      file: file,
      issues: [ValidationIssue(file: file, code: .conversionFailed, message: "\(error)")])
  }

  /// Schema issues with the configured severity (the municipality code's checks may be
  /// changed; the rest are fixed errors).
  private func configured(_ issues: [ValidationIssue]) -> [ValidationIssue] {
    issues.compactMap { issue in
      guard DiagnosticCode(rawValue: issue.code)?.kind != .document else { return issue }
      guard let severity = configuration.severity(of: issue.code, carried: false) else {
        return nil
      }
      var configured = issue
      configured.severity = severity
      return configured
    }
  }

  /// An `id.duplicate` error for each document whose id an earlier document of the run, read
  /// from a different source, already has.
  ///
  /// Two sources under one id would overwrite each other in a store. Documents of one source share their id (its JSON and XML forms; an excerpt,
  /// such as Corpus/examples; a conversion by a later mapping).
  public func duplicateIDs(
    _ entries: inout [ValidationReport.Entry], documents: [Document?]
  ) {
    var seen: [String: (file: String, document: Document)] = [:]
    for (index, document) in documents.enumerated() {
      guard let document else { continue }
      guard let earlier = seen[document.id] else {
        seen[document.id] = (entries[index].file, document)
        continue
      }
      guard earlier.document.source.sha256 != document.source.sha256,
        let severity = configuration.severity(of: .idDuplicate)
      else { continue }
      entries[index].issues.append(
        ValidationIssue(
          file: entries[index].file, pointer: .root / "id", severity: severity, code: .idDuplicate,
          message: "document id \(document.id) is also the id of \(earlier.file), read from "
            + "another source (sha256 \(earlier.document.source.sha256.prefix(12))…, here "
            + "\(document.source.sha256.prefix(12))…)",
          messageJapanese: "文書ID \(document.id) は別の出典から読んだ文書 \(earlier.file) と重複しています"))
    }
  }
}
