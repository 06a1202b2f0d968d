import ArgumentParser
import Foundation
import GyoseiModel
import GyoseiPipeline
import SourceReaders
import Validation

/// `gyosei convert`: reads documents and writes their canonical JSON and/or XML.
struct ConvertCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Convert documents to canonical JSON and/or XML.",
    discussion: """
      Inputs are text extracted from PDFs (.txt), spreadsheet exports (.tsv, .tab, .csv) and \
      XML exports of other systems (.xml), read with the mapping that recognizes their layout \
      (Mappings/*.yaml, or --mapping; `gyosei mappings` lists them), and canonical documents \
      (.json, and .xml in gyosei's namespace), which are checked and written again, so this \
      also converts between JSON and XML. Every output is validated before it is written, and \
      written atomically (a temporary file, then a rename): a failed conversion leaves no \
      partial file.
      Exit status: 0 all converted, 1 any input failed, 2 usage or I/O error.
      """
  )

  @Argument(help: "Input files, or directories holding them.")
  var paths: [String]

  @Option(name: .shortAndLong, help: "The directory to write into (created if missing).")
  var out: String

  @Option(help: "json, xml or both.")
  var format: CanonicalForms.Selection = .json

  @OptionGroup var conversion: ConversionOptions

  @Flag(help: "Print, per file, the cells read, mapped and unmapped, and the characters covered.")
  var report = false

  @Option(
    help: ArgumentHelp(
      "How many inputs to convert at once (default: one per core). Outputs and messages are "
        + "the same, in input order, whatever the number."))
  var jobs: JobCount = .cores

  @OptionGroup var progressOptions: ProgressOptions

  func run() throws {
    let files: [String]
    let validator: DocumentValidator
    do {
      files = try InputFiles.expand(paths, extensions: InputKind.extensions)
      try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
      validator = DocumentValidator()
    } catch {
      Console.error("gyosei convert: \(error)")
      throw ExitCode(ExitStatus.usage)
    }
    let converter = SheetConverter(settings: conversion.settings)
    let forms = CanonicalForms(format, directory: out, validator: validator)
    let settings = Preparation(
      converter: converter, forms: forms, validator: validator, encoding: conversion.encoding,
      report: report)
    var claims: [String: String] = [:]
    var failed: [String] = []
    var warnings: [String: Int] = [:]
    // Inputs that could not be read and outputs that could not be written: I/O, exit 2.
    var inputOutputFailures = 0
    let progress = ProgressDisplay("convert", files: files, quiet: progressOptions.quiet)
    defer { progress.finish() }
    // Each run of files is converted and checked at once, then written and reported in input
    // order: the outputs and messages are those of a serial run.
    for run in jobs.runs(files) {
      let prepared = jobs.map(run) { settings.prepare($0) }
      for (file, result) in zip(run, prepared) {
        progress.erase()
        defer { progress.advance(file) }
        do {
          switch result {
          case .usage(let problem):
            Console.error("gyosei convert: \(problem)")
            throw ExitCode(ExitStatus.usage)
          case .failed(let message):
            failed.append(file)
            Console.error("\(file): error: \(message)")
          case .unreadable(let message):
            failed.append(file)
            inputOutputFailures += 1
            Console.error("gyosei convert: \(message)")
          case .converted(let outputs, let detail, let reportLine, let codes):
            let written = try write(outputs, for: file, claims: &claims)
            try Console.out("\(file) -> \(written.joined(separator: ", "))" + (detail ?? ""))
            if let reportLine { try Console.out(reportLine) }
            for code in codes { warnings[code, default: 0] += 1 }
          }
        } catch let error as Console.OutputError {
          throw error  // standard output is gone: no later file could be reported either
        } catch let exit as ExitCode {
          throw exit
        } catch let error as OutputFile.WriteError {
          failed.append(file)
          inputOutputFailures += 1
          Console.error("\(file): error: \(error); nothing was written for it")
        } catch {
          failed.append(file)
          Console.error("\(file): error: \(error)")
        }
      }
    }
    progress.finish()
    Console.error(
      "gyosei convert: \(files.count - failed.count) of \(files.count) converted"
        + (failed.isEmpty ? "" : ", \(failed.count) failed: \(EndSummary.files(failed))"))
    if !warnings.isEmpty {
      Console.error("gyosei convert: warnings by code: \(EndSummary.codes(warnings))")
    }
    if inputOutputFailures > 0 { throw ExitCode(ExitStatus.usage) }
    if !failed.isEmpty { throw ExitCode(ExitStatus.failure) }
  }

  /// What a job does with one input, apart from writing: read, convert, check its forms.
  struct Preparation: Sendable {
    enum Outcome: Sendable {
      /// The valid forms, what to print after the paths, the --report line and the
      /// document's warning codes.
      case converted(
        [CanonicalForms.Output], detail: String?, report: String?, warnings: [String])
      case failed(String)
      /// The input could not be read (missing, a directory, no permission): an I/O error.
      case unreadable(String)
      /// The mappings cannot be used at all: every input would fail the same way.
      case usage(String)
    }

    let converter: SheetConverter
    let forms: CanonicalForms
    let validator: DocumentValidator
    let encoding: TextEncoding?
    let report: Bool

    func prepare(_ file: String) -> Outcome {
      do {
        return try attempt(file)
      } catch let problem as SheetConverter.MappingProblem {
        return .usage("\(problem)")
      } catch let problem as InputFiles.Problem {
        return .unreadable("\(problem)")
      } catch {
        return .failed("\(error)")
      }
    }

    private func attempt(_ file: String) throws -> Outcome {
      let bytes = try InputFiles.read(file)
      let input = try InputKind.of(file, bytes: bytes, encoding: encoding)
      if case .canonical = input {
        let document = try CanonicalInput.read(bytes, file: file, validator: validator)
        return .converted(
          try forms.outputs(of: document, for: file), detail: nil, report: nil,
          warnings: document.warnings.map(\.code))
      }
      // The document lives only inside `encode`: gone before the checker builds its tree of
      // the output, so a large document's model and that tree are not held at once.
      let (encoded, detail, reportLine, codes) = try encode(file, bytes: bytes, input: input)
      return .converted(
        try forms.checked(encoded), detail: detail, report: reportLine, warnings: codes)
    }

    private func encode(_ file: String, bytes: [UInt8], input: InputKind) throws -> (
      [CanonicalForms.Output], String, String?, [String]
    ) {
      let converted = try converter.convert(file, bytes: bytes, input: input)
      let document = converted.document
      let counts =
        DocumentContents.counts(document) + [
          "\(document.warnings.count) warnings", "\(document.unmapped.count) unmapped",
        ]
      var reportLine: String?
      if report {
        let numbers = converted.report
        reportLine =
          "  cells: \(numbers.cellsRead) read, \(numbers.cellsMapped) mapped, "
          + "\(numbers.cellsUnmapped) unmapped; characters: \(numbers.characters), "
          + "\(ConvertCommand.percent(numbers.mappedPercent)) in fields, "
          + "\(ConvertCommand.percent(numbers.accountedPercent)) accounted for"
      }
      return (
        try forms.encoded(document, for: file),
        " [\(converted.mappingID): \(counts.joined(separator: ", "))]", reportLine,
        document.warnings.map(\.code)
      )
    }
  }

  static func percent(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10) %"
  }

  /// Writes the forms made for `file`.
  ///
  /// - Parameter claims: the outputs written so far in this run, by the input they were
  ///   written for: two inputs with the same base name (`a.cp932.csv`, `a.cp932.txt`) would
  ///   write the same file, and the second is refused rather than overwrite the first.
  private func write(
    _ outputs: [CanonicalForms.Output], for file: String, claims: inout [String: String]
  ) throws -> [String] {
    for output in outputs {
      if let other = claims[output.path], other != file {
        throw SheetConverter.Failure(
          description:
            "\(output.path) was written for \(other) in this run, and this input would overwrite "
            + "it; convert inputs with the same base name into separate --out directories")
      }
    }
    try CanonicalForms.write(outputs)
    for output in outputs { claims[output.path] = file }
    return outputs.map(\.path)
  }
}

extension CanonicalForms.Selection: ExpressibleByArgument {}
