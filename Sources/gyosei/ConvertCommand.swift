import ArgumentParser
import Foundation
import GyoseiModel
import GyoseiPipeline
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

  func run() throws {
    let files: [String]
    let validator: DocumentValidator
    do {
      files = try InputFiles.expand(paths, extensions: InputKind.extensions)
      try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
      validator = try DocumentValidator()
    } catch {
      Console.error("gyosei convert: \(error)")
      throw ExitCode(ExitStatus.usage)
    }
    let converter = SheetConverter(settings: conversion.settings)
    let forms = CanonicalForms(format, directory: out, validator: validator)
    var claims: [String: String] = [:]
    var failed = 0
    for file in files {
      do {
        let bytes = try InputFiles.read(file)
        let input = try InputKind.of(file, bytes: bytes, encoding: conversion.encoding)
        if case .canonical = input {
          let document = try CanonicalInput.read(bytes, file: file, validator: validator)
          let written = try write(document, for: file, forms: forms, claims: &claims)
          try Console.out("\(file) -> \(written.joined(separator: ", "))")
          continue
        }
        let converted = try converter.convert(file, bytes: bytes, input: input)
        let written = try write(converted.document, for: file, forms: forms, claims: &claims)
        let document = converted.document
        let counts =
          DocumentContents.counts(document) + [
            "\(document.warnings.count) warnings", "\(document.unmapped.count) unmapped",
          ]
        try Console.out(
          "\(file) -> \(written.joined(separator: ", ")) "
            + "[\(converted.mappingID): \(counts.joined(separator: ", "))]")
        if report {
          let numbers = converted.report
          try Console.out(
            "  cells: \(numbers.cellsRead) read, \(numbers.cellsMapped) mapped, "
              + "\(numbers.cellsUnmapped) unmapped; characters: \(numbers.characters), "
              + "\(Self.percent(numbers.mappedPercent)) in fields, "
              + "\(Self.percent(numbers.accountedPercent)) accounted for")
        }
      } catch let problem as SheetConverter.MappingProblem {
        Console.error("gyosei convert: \(problem)")
        throw ExitCode(ExitStatus.usage)
      } catch let error as Console.OutputError {
        throw error  // standard output is gone: no later file could be reported either
      } catch {
        failed += 1
        Console.error("\(file): error: \(error)")
      }
    }
    Console.error(
      "gyosei convert: \(files.count - failed) of \(files.count) converted"
        + (failed > 0 ? ", \(failed) failed" : ""))
    if failed > 0 { throw ExitCode(ExitStatus.failure) }
  }

  private static func percent(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10) %"
  }

  /// Writes the document's forms for `file`, after validating them.
  ///
  /// - Parameter claims: the outputs written so far in this run, by the input they were
  ///   written for: two inputs with the same base name (`a.cp932.csv`, `a.cp932.txt`) would
  ///   write the same file, and the second is refused rather than overwrite the first.
  private func write(
    _ document: Document, for file: String, forms: CanonicalForms, claims: inout [String: String]
  ) throws -> [String] {
    let outputs = try forms.outputs(of: document, for: file)
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
