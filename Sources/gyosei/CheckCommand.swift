import ArgumentParser
import Foundation
import GyoseiPipeline

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

  @OptionGroup var progressOptions: ProgressOptions

  @Option(help: "The directory of mapping files (default: Mappings/, found as the README says).")
  var mappings: String?

  func run() throws {
    let check: CorpusCheck
    let cases: [CorpusCheck.Case]
    do {
      check = CorpusCheck(
        corpus: corpus,
        converter: SheetConverter(settings: ConversionSettings(mappingsDirectory: mappings)),
        checker: DocumentChecker())
      cases = try check.cases()
      if let out {
        for group in Set(cases.map(\.group)).sorted() {
          try FileManager.default.createDirectory(
            atPath: (out as NSString).appendingPathComponent(group),
            withIntermediateDirectories: true)
        }
      }
    } catch {
      Console.error("gyosei check: \(error)")
      throw ExitCode(ExitStatus.usage)
    }
    var results: [CorpusCheck.Result] = []
    let progress = ProgressDisplay("check", files: cases.map(\.input), quiet: progressOptions.quiet)
    defer { progress.finish() }
    for testCase in cases {
      defer { progress.advance(testCase.input) }
      do {
        var result = try check.check(testCase)
        if let out {
          for (form, bytes) in result.outputs {
            let path = (out as NSString).appendingPathComponent(
              "\(testCase.group)/\(testCase.outputName).\(form)")
            do {
              try CanonicalForms.write([CanonicalForms.Output(path: path, bytes: bytes)])
            } catch {
              result.problems.append("\(path): cannot be written: \(error)")
            }
          }
        }
        results.append(result)
      } catch {
        progress.erase()
        Console.error("gyosei check: \(error)")
        throw ExitCode(ExitStatus.usage)
      }
    }
    progress.finish()
    try Console.out(Self.table(results))
    for result in results {
      for problem in result.problems { try Console.out("\(result.file): \(problem)") }
    }
    let failed = results.filter { !$0.passed }.map(\.file)
    Console.error(
      "gyosei check: \(results.count) files, \(results.count - failed.count) ok"
        + (failed.isEmpty ? "" : ", \(failed.count) failed: \(EndSummary.files(failed))"))
    let codes = results.flatMap(\.warningCodes).reduce(into: [:]) { $0[$1, default: 0] += 1 }
    if !codes.isEmpty {
      Console.error("gyosei check: warnings by code: \(EndSummary.codes(codes))")
    }
    if !failed.isEmpty { throw ExitCode(ExitStatus.failure) }
  }

  /// The summary as a table with columns aligned in a terminal.
  static func table(_ results: [CorpusCheck.Result]) -> String {
    let header = ["file", "family", "items", "result", "warnings by code"]
    return MappingsListCommand.aligned(
      [header]
        + results.map {
          [$0.file, $0.family, $0.items, $0.passed ? "ok" : "FAILED", $0.warnings]
        }
    ).joined(separator: "\n")
  }
}
