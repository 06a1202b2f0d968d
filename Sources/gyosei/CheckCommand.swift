import ArgumentParser
import Emitters
import Foundation
import GyoseiModel
import Validation

/// `gyosei check`, the corpus check.
///
/// Converts every real sheet and every variant, validates each output (schema and rules),
/// compares it with its expected file and prints a summary.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Convert, validate and compare a corpus with its expected outputs.",
    discussion: """
      A corpus directory holds sheets/ (the real sheets), variants/ (the same sheets in other \
      encodings and forms) and expected/. A sheet's expected outputs are expected/NAME.json \
      and expected/NAME.xml (NAME without the extension); a variant's is \
      expected/variants/FILE.json (FILE with its extension, as variants of one sheet differ \
      only there). Each output must convert, match the schemas, have no rule error and equal \
      its expected file byte for byte. A missing expected file fails: write it with `gyosei \
      convert`, read it against the sheet, and commit it.
      Exit status: 0 every file passes, 1 any fails, 2 usage or I/O error.
      """
  )

  @Argument(help: "The corpus directory.")
  var corpus = "Corpus"

  @Option(help: "Also write every output here (sheets/NAME.json|xml, variants/FILE.json|xml).")
  var out: String?

  @Option(help: "The directory of mapping files (default: Mappings/, found as the README says).")
  var mappings: String?

  /// One corpus file and what it must equal.
  struct Case {
    var input: String
    var group: String
    /// The expected file of each form written.
    var expected: [(form: String, path: String)]
    /// The output's base name under `--out`.
    var outputName: String
  }

  /// One row of the summary.
  struct Row {
    var file: String
    var family = "-"
    var items = "-"
    var warnings = "-"
    var result = "ok"
    var problems: [String] = []
  }

  func run() throws {
    let cases: [Case]
    let checker: DocumentChecker
    do {
      cases = try Self.cases(in: corpus)
      checker = try DocumentChecker(configuration: RuleConfiguration())
      if let out {
        for group in ["sheets", "variants"] {
          try FileManager.default.createDirectory(
            atPath: (out as NSString).appendingPathComponent(group),
            withIntermediateDirectories: true)
        }
      }
    } catch {
      Console.error("gyosei check: \(error)")
      throw ExitCode(ExitStatus.usage)
    }
    var options = try ConversionOptions.parse([])
    options.mappings = mappings
    var sheets = SheetConversion(options: options)
    var rows: [Row] = []
    for testCase in cases {
      do {
        rows.append(try check(testCase, sheets: &sheets, checker: checker))
      } catch {
        Console.error("gyosei check: \(error)")
        throw ExitCode(ExitStatus.usage)
      }
    }
    Console.out(Self.table(rows))
    for row in rows where !row.problems.isEmpty {
      for problem in row.problems { Console.out("\(row.file): \(problem)") }
    }
    let failed = rows.count { $0.result != "ok" }
    Console.error(
      "gyosei check: \(rows.count) files, \(rows.count - failed) ok"
        + (failed > 0 ? ", \(failed) failed" : ""))
    if failed > 0 { throw ExitCode(ExitStatus.failure) }
  }

  private func check(_ testCase: Case, sheets: inout SheetConversion, checker: DocumentChecker)
    throws(SheetConversion.MappingProblem) -> Row
  {
    var row = Row(file: "\(testCase.group)/\((testCase.input as NSString).lastPathComponent)")
    let document: Document
    do {
      document = try sheets.convert(testCase.input, bytes: try InputFiles.read(testCase.input))
        .document
    } catch let problem as SheetConversion.MappingProblem {
      throw problem
    } catch {
      row.result = "FAILED"
      row.problems.append("does not convert: \(error)")
      return row
    }
    row.family = document.family.rawValue
    row.items = ConvertCommand.bodyCounts(document).joined(separator: ", ")
    row.warnings = Self.warningSummary(document.warnings)
    let json: [UInt8]
    do {
      json = try JSONEmitter.emit(document)
    } catch {
      row.result = "FAILED"
      row.problems.append("json: cannot be written: \(error)")
      return row
    }
    // The rules judge the document once, with its JSON form; the XML form is checked against
    // its schema below.
    let checked = checker.check(converted: document, file: row.file, json: json)
    for issue in checked.issues where issue.severity == .error {
      row.problems.append("\(issue.location): \(issue.code): \(issue.message)")
    }
    for (form, expectedPath) in testCase.expected {
      let bytes: [UInt8]
      do {
        bytes = form == "json" ? json : try XMLEmitter.emit(document)
      } catch {
        row.problems.append("\(form): cannot be written: \(error)")
        continue
      }
      if form == "xml" {
        for issue in checker.validator.validate(bytes, file: "\(row.file) (xml)") {
          row.problems.append("xml: \(issue.code): \(issue.message)")
        }
      }
      if let out {
        let path = (out as NSString).appendingPathComponent(
          "\(testCase.group)/\(testCase.outputName).\(form)")
        do {
          try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
          row.problems.append("\(path): cannot be written: \(error)")
        }
      }
      guard let expected = FileManager.default.contents(atPath: expectedPath) else {
        row.problems.append("\(form): no expected file \(expectedPath)")
        continue
      }
      if let difference = Self.firstDifference([UInt8](expected), bytes) {
        row.problems.append("\(form): differs from \(expectedPath) at line \(difference)")
      }
    }
    if !row.problems.isEmpty { row.result = "FAILED" }
    return row
  }

  /// The sheets and variants of a corpus, sorted, with their expected files.
  static func cases(in corpus: String) throws -> [Case] {
    let manager = FileManager.default
    func files(_ group: String) throws -> [String] {
      let directory = (corpus as NSString).appendingPathComponent(group)
      return try manager.contentsOfDirectory(atPath: directory)
        .filter { SheetInput.extensions.contains(($0 as NSString).pathExtension.lowercased()) }
        .sorted().map { (directory as NSString).appendingPathComponent($0) }
    }
    let expected = (corpus as NSString).appendingPathComponent("expected")
    let sheets = try files("sheets").map { path in
      let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
      return Case(
        input: path, group: "sheets",
        expected: ["json", "xml"].map {
          ($0, (expected as NSString).appendingPathComponent("\(name).\($0)"))
        }, outputName: name)
    }
    guard !sheets.isEmpty else {
      throw InputFiles.Problem(description: "\(corpus)/sheets: no sheets to check")
    }
    let variantsDirectory = (corpus as NSString).appendingPathComponent("variants")
    guard manager.fileExists(atPath: variantsDirectory) else { return sheets }
    let variants = try files("variants").map { path -> Case in
      let name = (path as NSString).lastPathComponent
      return Case(
        input: path, group: "variants",
        expected: [
          ("json", (expected as NSString).appendingPathComponent("variants/\(name).json"))
        ], outputName: name)
    }
    return sheets + variants
  }

  /// The warnings' codes with their counts, most frequent first.
  static func warningSummary(_ warnings: [ConversionWarning]) -> String {
    var counts: [String: Int] = [:]
    for warning in warnings { counts[warning.code, default: 0] += 1 }
    guard !counts.isEmpty else { return "none" }
    return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
      .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
  }

  /// The 1-based line where two files first differ, or `nil` when they are equal.
  static func firstDifference(_ expected: [UInt8], _ actual: [UInt8]) -> Int? {
    guard expected != actual else { return nil }
    var line = 1
    for (left, right) in zip(expected, actual) {
      if left != right { return line }
      if left == UInt8(ascii: "\n") { line += 1 }
    }
    return line
  }

  /// The summary as a table with columns aligned in a terminal.
  static func table(_ rows: [Row]) -> String {
    let header = ["file", "family", "items", "result", "warnings by code"]
    return MappingsCommand.aligned(
      [header] + rows.map { [$0.file, $0.family, $0.items, $0.result, $0.warnings] }
    ).joined(separator: "\n")
  }

}
