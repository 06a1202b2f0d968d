import Emitters
import Foundation
import GyoseiModel
import Validation

/// The corpus check: every real sheet and every variant of a corpus converted, each output
/// validated (schema and rules) and compared byte for byte with its expected file.
///
/// A corpus directory holds `sheets/` (the real sheets), `workbooks/` (real workbooks),
/// `variants/` (the same sheets in other encodings and forms) and `expected/`. A sheet's expected outputs are `expected/NAME.json`
/// and `expected/NAME.xml` (NAME without the extension); a variant's is
/// `expected/variants/FILE.json` (FILE with its extension).
public struct CorpusCheck: Sendable {
  /// One corpus file and what it must equal.
  public struct Case: Sendable {
    /// The source's path.
    public var input: String
    /// `sheets`, `workbooks` or `variants`.
    public var group: String
    /// The expected file of each form written.
    public var expected: [(form: String, path: String)]
    /// The output's base name under an output directory.
    public var outputName: String
  }

  /// The outcome of one case.
  public struct Result: Sendable {
    public var file: String
    public var family = "-"
    public var items = "-"
    public var warnings = "-"
    /// The code of each warning the document carries.
    public var warningCodes: [String] = []
    /// Every reason the case fails; empty when it passes.
    public var problems: [String] = []
    /// The forms written, by form (`json`, `xml`).
    public var outputs: [(form: String, bytes: [UInt8])] = []

    public var passed: Bool { problems.isEmpty }
  }

  public let corpus: String
  private let converter: SheetConverter
  private let checker: DocumentChecker

  public init(corpus: String, converter: SheetConverter, checker: DocumentChecker) {
    self.corpus = corpus
    self.converter = converter
    self.checker = checker
  }

  /// The sheets and variants of the corpus, sorted, with their expected files.
  public func cases() throws -> [Case] {
    let manager = FileManager.default
    func files(_ group: String) throws -> [String] {
      let directory = (corpus as NSString).appendingPathComponent(group)
      return try manager.contentsOfDirectory(atPath: directory)
        .filter { InputKind.extensions.contains(($0 as NSString).pathExtension.lowercased()) }
        .sorted().map { (directory as NSString).appendingPathComponent($0) }
    }
    let expected = (corpus as NSString).appendingPathComponent("expected")
    func originals(_ group: String) throws -> [Case] {
      try files(group).map { path in
        let name = (InputFiles.fileName(path) as NSString).deletingPathExtension
        return Case(
          input: path, group: group,
          expected: ["json", "xml"].map {
            ($0, (expected as NSString).appendingPathComponent("\(name).\($0)"))
          }, outputName: name)
      }
    }
    let workbooksDirectory = (corpus as NSString).appendingPathComponent("workbooks")
    let sheets =
      try originals("sheets")
      + (manager.fileExists(atPath: workbooksDirectory) ? originals("workbooks") : [])
    guard !sheets.isEmpty else {
      throw InputFiles.Problem(description: "\(corpus)/sheets: no sheets to check")
    }
    let variantsDirectory = (corpus as NSString).appendingPathComponent("variants")
    guard manager.fileExists(atPath: variantsDirectory) else { return sheets }
    let variants = try files("variants").map { path -> Case in
      let name = InputFiles.fileName(path)
      return Case(
        input: path, group: "variants",
        expected: [
          ("json", (expected as NSString).appendingPathComponent("variants/\(name).json"))
        ], outputName: name)
    }
    return sheets + variants
  }

  /// Converts, validates and compares one case.
  ///
  /// - Throws: `SheetConverter.MappingProblem` when the mappings cannot be used at all.
  public func check(_ testCase: Case) throws(SheetConverter.MappingProblem) -> Result {
    var result = Result(file: "\(testCase.group)/\(InputFiles.fileName(testCase.input))")
    let document: Document
    do {
      document = try converter.convert(testCase.input, bytes: try InputFiles.read(testCase.input))
        .document
    } catch let problem as SheetConverter.MappingProblem {
      throw problem
    } catch {
      result.problems.append("does not convert: \(error)")
      return result
    }
    result.family = document.family.rawValue
    result.items = DocumentContents.counts(document).joined(separator: ", ")
    result.warnings = DocumentContents.warningSummary(document.warnings)
    result.warningCodes = document.warnings.map(\.code)
    let json: [UInt8]
    do {
      json = try JSONEmitter.emit(document)
    } catch {
      result.problems.append("json: cannot be written: \(error)")
      return result
    }
    // The rules judge the document once, with its JSON form; the XML form is checked against
    // its schema below.
    let checked = checker.check(converted: document, file: result.file, json: json)
    for issue in checked.issues where issue.severity == .error {
      result.problems.append("\(issue.location): \(issue.code): \(issue.message)")
    }
    for (form, expectedPath) in testCase.expected {
      let bytes: [UInt8]
      do {
        bytes = form == "json" ? json : try XMLEmitter.emit(document)
      } catch {
        result.problems.append("\(form): cannot be written: \(error)")
        continue
      }
      if form == "xml" {
        for issue in checker.validator.validate(bytes, file: "\(result.file) (xml)") {
          result.problems.append("xml: \(issue.code): \(issue.message)")
        }
      }
      result.outputs.append((form, bytes))
      guard let expected = FileManager.default.contents(atPath: expectedPath) else {
        result.problems.append("\(form): no expected file \(expectedPath)")
        continue
      }
      if let difference = Self.firstDifference([UInt8](expected), bytes) {
        result.problems.append("\(form): differs from \(expectedPath) at line \(difference)")
      }
    }
    return result
  }

  /// The 1-based line where two files first differ, or `nil` when they are equal.
  public static func firstDifference(_ expected: [UInt8], _ actual: [UInt8]) -> Int? {
    guard expected != actual else { return nil }
    var line = 1
    for (left, right) in zip(expected, actual) {
      if left != right { return line }
      if left == UInt8(ascii: "\n") { line += 1 }
    }
    return line
  }
}
