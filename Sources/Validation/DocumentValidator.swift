import Emitters
import GyoseiModel

/// Validates canonical documents, JSON or XML, against the published schemas and the checks
/// schemas cannot express (the body matches the family; the municipality code's check digit,
/// stated plainly).
///
/// Each document is checked against the schema of its own version (`schemaVersion` in JSON,
/// the root element's namespace in XML): a 1.0 document against 1.0's. The schemas are built
/// into the binary and compiled when a document of their version is first validated.
///
/// A validator is shared safely across threads (the compiled schemas are only read; each
/// validation makes its own libxml2 contexts).
public final class DocumentValidator: @unchecked Sendable {
  private let xmlValidator = XMLSchemaValidator()
  /// The JSON Schema of each readable version, compiled when first needed.
  ///
  /// As for the XSD (`XMLSchemaValidator`), the municipality-code pattern (an alternation of
  /// every code with a valid check digit, 37 k characters) is checked as six digits: the check
  /// digit is tested here by `MunicipalityCode.problem`, with a precise message, and compiling
  /// the alternation cost three quarters of a small document's validation.
  private let jsonValidators = SchemaCache<JSONSchemaValidator> { version in
    guard let bytes = PublishedSchema.jsonSchema(version: version) else { return nil }
    return try? JSONSchemaValidator(
      schemaBytes: bytes, substitutes: ["#/$defs/municipalityCode": "^[0-9]{6}$"])
  }

  /// A validator of the schemas built into the binary.
  ///
  /// Each is compiled when a document of its version is first validated (a process that
  /// validates only XML never compiles the JSON Schema); one that does not compile — a broken
  /// build, which the tests rule out — makes every document of its version invalid, with
  /// `schema.json` saying so.
  public init() {}

  /// Every problem in the file's bytes; empty when the document is valid.
  public func validate(_ bytes: [UInt8], file: String) -> [ValidationIssue] {
    switch CanonicalForm.detect(bytes) {
    case .xml: return validateXML(bytes, file: file, positions: false).issues
    case .json: return validateJSON(bytes, file: file).issues
    }
  }

  /// Whether the JSON form of a tree gyosei built is valid.
  ///
  /// Decided from the tree without writing and parsing it: its version's schema and the
  /// municipality code's check digit. It gives no report; `validate` of the bytes written from a tree that fails gives one.
  public func accepts(json tree: CanonicalTree) -> Bool {
    let root = tree.root
    var stated: String?
    if case .string(let version)? = root.member("schemaVersion") { stated = version }
    guard let jsonValidator = jsonValidator(stated: stated) else { return false }
    if case .string(let code)? = root.member("municipality")?.member("code"),
      MunicipalityCode.problem(code) != nil
    {
      return false
    }
    return jsonValidator.accepts(root)
  }

  /// The JSON Schema of the version a document states: its own when gyosei reads it, the
  /// current one otherwise (whose `schemaVersion` then says what is wrong).
  private func jsonValidator(stated version: String?) -> JSONSchemaValidator? {
    let version = version ?? SchemaVersion.current
    return jsonValidators.value(
      for: SchemaVersion.readable.contains(version) ? version : SchemaVersion.current)
  }

  /// The schema's problems in the file's bytes, and where the file's values stand, for
  /// reporting the semantic rules' findings at a line.
  public func inspect(_ bytes: [UInt8], file: String) -> (
    issues: [ValidationIssue], positions: CanonicalPositions
  ) {
    switch CanonicalForm.detect(bytes) {
    case .xml: return validateXML(bytes, file: file, positions: true)
    case .json: return validateJSON(bytes, file: file)
    }
  }

  /// The code and severity of a municipality code's problem: a wrong check digit, or a code
  /// that is not six digits starting with a prefecture.
  private static func municipalityCodeIssue(
    _ problem: MunicipalityCode.Problem, file: String, line: Int, column: Int,
    pointer: JSONPointer?
  ) -> ValidationIssue {
    let isCheckDigit = problem.kind == .checkDigit
    return ValidationIssue(
      file: file, line: line, column: column, pointer: pointer,
      code: isCheckDigit ? .municipalityCheckDigit : .municipalityCode,
      message: problem.message,
      messageJapanese: isCheckDigit
        ? "全国地方公共団体コードの検査数字が一致しません: \(problem.message)"
        : "全国地方公共団体コードは6桁の数字（都道府県番号01〜47）です: \(problem.message)")
  }

  /// - Parameter positions: record each element's line (only reports need them; a JSON
  ///   document's positions come with its parse anyway).
  private func validateXML(_ bytes: [UInt8], file: String, positions: Bool) -> (
    issues: [ValidationIssue], positions: CanonicalPositions
  ) {
    let outcome = xmlValidator.validate(bytes, file: file, positions: positions)
    var issues = outcome.issues
    if let (code, line) = outcome.municipalityCode,
      let problem = MunicipalityCode.problem(code)
    {
      // The precise message replaces the XSD's report of the same value ("not accepted by the
      // pattern"), which cannot say which check digit was expected.
      issues.removeAll { $0.line == line && $0.message.hasPrefix("Element 'code':") }
      issues.append(
        Self.municipalityCodeIssue(
          problem, file: file, line: line, column: 0, pointer: nil))
    }
    if let familyName = outcome.family, let family = DocumentFamily(rawValue: familyName) {
      let expected = Document.bodyKeys(of: family)
      if !outcome.bodyElements.isEmpty && outcome.bodyElements != expected {
        issues.append(
          ValidationIssue(
            file: file, line: 1, column: 0, code: .documentFamilyBody,
            message:
              "a \(familyName) document carries \(expected.joined(separator: " and ")), "
              + "found \(outcome.bodyElements.joined(separator: " and "))"))
      }
    }
    let positions = outcome.elements.map { CanonicalPositions(xml: $0) } ?? .unknown
    return (
      issues.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }, positions
    )
  }

  private func validateJSON(_ bytes: [UInt8], file: String) -> (
    issues: [ValidationIssue], positions: CanonicalPositions
  ) {
    let value: JSONValue
    do {
      value = try JSONParser.parse(bytes)
    } catch {
      return (
        [
          ValidationIssue(
            file: file, line: error.line, column: error.column, pointer: nil, code: .jsonSyntax,
            message:
              "not valid JSON at line \(error.line), column \(error.column): \(error.message)")
        ], .unknown
      )
    }
    guard let jsonValidator = jsonValidator(stated: value["schemaVersion"]?.stringValue) else {
      let issue = ValidationIssue(
        file: file, line: 1, column: 1, pointer: nil, code: .schemaJSON,
        message: "gyosei's built-in JSON Schema does not compile: the binary is broken; rebuild it")
      return ([issue], CanonicalPositions(json: value))
    }
    var issues = jsonValidator.validate(value).map { violation in
      ValidationIssue(
        file: file, line: violation.line, column: violation.column, pointer: violation.pointer,
        code: .schemaJSON, message: violation.message)
    }
    if let code = value["municipality"]?["code"], let text = code.stringValue,
      let problem = MunicipalityCode.problem(text)
    {
      // The precise message replaces the schema's report of the same value.
      issues.removeAll { $0.pointer == .root / "municipality" / "code" }
      issues.append(
        Self.municipalityCodeIssue(
          problem, file: file, line: code.line, column: code.column,
          pointer: .root / "municipality" / "code"))
    }
    return (issues, CanonicalPositions(json: value))
  }
}
