import ArgumentParser
import Foundation
import GyoseiModel
import GyoseiPipeline
import Validation

/// `gyosei validate`: checks canonical documents (or sources, converted in memory) against the
/// schemas and the semantic rules, and reports in the form a CI understands.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Validate documents against the gyosei schemas and the semantic rules.",
    discussion: """
      Canonical documents (JSON or XML) are checked against the schemas: XML with libxml2 (no \
      network, no entity substitution, no DTD loading; a DOCTYPE is refused), JSON strictly \
      (unknown keys, wrong types and missing fields are errors, each with its JSON Pointer). A \
      document that matches the schema is then checked by the semantic rules (`gyosei validate \
      --list-rules`), and the conversion warnings it carries are reported too.
      With --source the inputs are sheets (.txt, .tsv, .csv, .xml exports), converted in memory \
      as `convert` does, nothing written, and issues are placed at their source line and cell.
      Directories are searched recursively.
      Exit status: 0 no errors (warnings and notes do not count), 1 any error, whatever the \
      number, 2 usage or I/O error.
      """
  )

  @Argument(help: "Documents, or directories holding them.")
  var paths: [String] = []

  @Flag(help: "The inputs are sources to convert in memory, not canonical documents.")
  var source = false

  @Option(help: "The report's form: text, json, junit, github or sarif.")
  var format: ReportFormat = .text

  @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
  var output: String?

  @Flag(help: "Report warnings as errors.")
  var strict = false

  @Option(help: "A YAML rules file that changes severities or turns rules off.")
  var rules: String?

  /// The language of the rules' messages.
  enum Language: String, ExpressibleByArgument, CaseIterable {
    case en
    case ja
  }

  @Option(help: "The messages' language in text, junit and github reports: en or ja.")
  var language: Language = .en

  @Flag(help: "List the rules with their codes and default severities, and exit.")
  var listRules = false

  @Flag(help: "List every code gyosei reports (document, rule, conversion), and exit.")
  var listCodes = false

  @Flag(name: .shortAndLong, help: "Also print a line for each valid file (text form).")
  var verbose = false

  @OptionGroup(title: "Reading sources (with --source)") var conversion: ConversionOptions

  @OptionGroup var progressOptions: ProgressOptions

  func validate() throws {
    if paths.isEmpty && !listRules && !listCodes {
      throw ValidationError("name the documents (or, with --source, the sheets) to validate")
    }
  }

  func run() throws {
    if listRules || listCodes {
      for code in listCodes ? DiagnosticCode.allCases : DiagnosticCode.rules {
        let kind = listCodes ? "\t\(code.kind.rawValue)" : ""
        try Console.out(
          "\(code.rawValue)\(kind)\t\(code.severity.rawValue)\t\(code.summary)\t"
            + code.summaryJapanese)
      }
      return
    }
    let configuration: RuleConfiguration
    let files: [String]
    let checker: DocumentChecker
    do {
      configuration =
        try rules.map { try RulesFile.load($0, strict: strict) }
        ?? RuleConfiguration(strict: strict)
      files = try InputFiles.expand(
        paths, extensions: source ? InputKind.extensions : InputKind.canonicalExtensions)
      checker = DocumentChecker(configuration: configuration)
    } catch {
      Console.error("gyosei validate: \(error)")
      throw ExitCode(ExitStatus.usage)
    }
    let converter = SheetConverter(settings: conversion.settings)
    var entries: [ValidationReport.Entry] = []
    var documents: [Document?] = []
    var unreadable = 0
    let progress = ProgressDisplay("validate", files: files, quiet: progressOptions.quiet)
    defer { progress.finish() }
    for file in files {
      defer { progress.advance(file) }
      let bytes: [UInt8]
      do {
        bytes = try InputFiles.read(file)
      } catch {
        progress.erase()
        Console.error("gyosei validate: \(error)")
        unreadable += 1
        continue
      }
      // With --source a sheet is converted in memory; a canonical document is always checked
      // from its own bytes (the schema sees what the file holds, unknown keys included).
      var sheet: InputKind?
      if source {
        do {
          let input = try InputKind.of(file, bytes: bytes, encoding: conversion.encoding)
          if case .canonical = input {} else { sheet = input }
        } catch {
          entries.append(checker.failure(file, error))
          documents.append(nil)
          continue
        }
      }
      if let sheet {
        do {
          let converted = try converter.convert(file, bytes: bytes, input: sheet)
          entries.append(checker.check(converted: converted.document, file: file))
          documents.append(converted.document)
        } catch let problem as SheetConverter.MappingProblem {
          progress.erase()
          Console.error("gyosei validate: \(problem)")
          throw ExitCode(ExitStatus.usage)
        } catch {
          entries.append(checker.failure(file, error))
          documents.append(nil)
        }
      } else {
        let checked = checker.check(canonical: bytes, file: file)
        entries.append(checked.entry)
        documents.append(checked.document)
      }
    }
    progress.finish()
    checker.duplicateIDs(&entries, documents: documents)
    let report = ValidationReport(entries: entries, toolVersion: "gyosei \(Gyosei.version)")
    var text = format.render(report, japanese: language == .ja)
    if format == .text && verbose {
      text += entries.filter { $0.issues.isEmpty }.map { "\($0.file): valid\n" }.joined()
    }
    do {
      if let output {
        try OutputFile.write(Array(text.utf8), to: output)
      } else {
        try Console.write(Array(text.utf8))
      }
    } catch {
      let problem =
        (error as? Console.OutputError)?.description
        ?? (error as? OutputFile.WriteError)?.description
        ?? "cannot write \(output ?? "the report")"
      Console.error("gyosei validate: \(problem)")
      throw ExitCode(ExitStatus.usage)
    }
    let invalid = entries.filter { !$0.isValid }.map(\.file)
    Console.error(
      "gyosei validate: \(files.count) file\(files.count == 1 ? "" : "s"): "
        + "\(entries.count - invalid.count) valid, \(invalid.count) invalid"
        + (unreadable > 0 ? ", \(unreadable) unreadable" : "")
        + "; \(report.count(.error)) errors, \(report.count(.warning)) warnings, "
        + "\(report.count(.info)) notes"
        + (invalid.isEmpty ? "" : "; invalid: \(EndSummary.files(invalid))"))
    if unreadable > 0 { throw ExitCode(ExitStatus.usage) }
    if !report.isValid { throw ExitCode(ExitStatus.failure) }
  }
}

extension ReportFormat: ExpressibleByArgument {}
