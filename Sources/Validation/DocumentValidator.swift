import GyoseiModel

/// Validates canonical documents, JSON or XML, against the published schemas and the checks
/// schemas cannot express (the body matches the family; the municipality code's check digit,
/// stated plainly).
///
/// A validator is immutable once made (libxml2's compiled schema and the compiled JSON Schema
/// are only read; each validation makes its own libxml2 contexts), so one may be shared across
/// threads.
public final class DocumentValidator: @unchecked Sendable {
  private let xmlValidator: XMLSchemaValidator
  private let jsonValidator: JSONSchemaValidator

  /// Loads the schemas built into the binary.
  public init() throws {
    xmlValidator = try XMLSchemaValidator(schemaBytes: PublishedSchema.xsd)
    jsonValidator = try JSONSchemaValidator(schemaBytes: PublishedSchema.jsonSchema)
  }

  /// Every problem in the file's bytes; empty when the document is valid.
  public func validate(_ bytes: [UInt8], file: String) -> [ValidationIssue] {
    switch CanonicalForm.detect(bytes) {
    case .xml: return validateXML(bytes, file: file)
    case .json: return validateJSON(bytes, file: file)
    }
  }

  private func validateXML(_ bytes: [UInt8], file: String) -> [ValidationIssue] {
    let outcome = xmlValidator.validate(bytes, file: file)
    var issues = outcome.issues
    if let (code, line) = outcome.municipalityCode,
      let problem = MunicipalityCode.validationProblem(code)
    {
      // The precise message replaces the XSD's report of the same value ("not accepted by the
      // pattern"), which cannot say which check digit was expected.
      issues.removeAll { $0.line == line && $0.message.hasPrefix("Element 'code':") }
      issues.append(
        ValidationIssue(
          file: file, line: line, column: 0, code: "municipality.code", message: problem))
    }
    if let familyName = outcome.family, let family = DocumentFamily(rawValue: familyName) {
      let expected = Document.bodyKeys(of: family)
      if !outcome.bodyElements.isEmpty && outcome.bodyElements != expected {
        issues.append(
          ValidationIssue(
            file: file, line: 1, column: 0, code: "document.family-body",
            message:
              "a \(familyName) document carries \(expected.joined(separator: " and ")), "
              + "found \(outcome.bodyElements.joined(separator: " and "))"))
      }
    }
    return issues.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
  }

  private func validateJSON(_ bytes: [UInt8], file: String) -> [ValidationIssue] {
    let value: JSONValue
    do {
      value = try JSONParser.parse(bytes)
    } catch {
      return [
        ValidationIssue(
          file: file, line: error.line, column: error.column, pointer: nil, code: "json.syntax",
          message: "not valid JSON at line \(error.line), column \(error.column): \(error.message)")
      ]
    }
    var issues = jsonValidator.validate(value).map { violation in
      ValidationIssue(
        file: file, line: violation.line, column: violation.column, pointer: violation.pointer,
        code: "schema.json", message: violation.message)
    }
    if let code = value["municipality"]?["code"], let text = code.stringValue,
      let problem = MunicipalityCode.validationProblem(text)
    {
      // The precise message replaces the schema's report of the same value.
      issues.removeAll { $0.pointer == "/municipality/code" }
      issues.append(
        ValidationIssue(
          file: file, line: code.line, column: code.column, pointer: "/municipality/code",
          code: "municipality.code", message: problem))
    }
    return issues
  }
}
