import ArgumentParser
import Emitters
import Foundation
import GyoseiModel
import SheetMapping
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

  /// Which canonical forms to write.
  enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json
    case xml
    case both
  }

  @Argument(help: "Input files, or directories holding them.")
  var paths: [String]

  @Option(name: .shortAndLong, help: "The directory to write into (created if missing).")
  var out: String

  @Option(help: "json, xml or both.")
  var format: OutputFormat = .json

  @OptionGroup var conversion: ConversionOptions

  @Flag(help: "Print, per file, the cells read, mapped and unmapped, and the characters covered.")
  var report = false

  func run() throws {
    let files: [String]
    do {
      files = try InputFiles.expand(paths, extensions: SheetInput.extensions)
      try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    } catch {
      Console.error("gyosei convert: \(error)")
      throw ExitCode(ExitStatus.usage)
    }
    let validator: DocumentValidator
    do {
      validator = try DocumentValidator()
    } catch {
      Console.error("gyosei convert: the built-in schemas cannot be loaded: \(error)")
      throw ExitCode(ExitStatus.usage)
    }
    var sheets = SheetConversion(options: conversion)
    var claims: [String: String] = [:]
    var failed = 0
    for file in files {
      do {
        let bytes = try InputFiles.read(file)
        let input = try SheetInput.kind(file, bytes: bytes, encoding: conversion.chosenEncoding)
        if case .canonical = input {
          let written = try convert(bytes, file: file, validator: validator, claims: &claims)
          Console.out("\(file) -> \(written.joined(separator: ", "))")
          continue
        }
        let converted = try sheets.convert(file, bytes: bytes, input: input)
        let written = try write(
          converted.document, for: file, validator: validator, claims: &claims)
        let document = converted.document
        let counts =
          Self.bodyCounts(document) + [
            "\(document.warnings.count) warnings", "\(document.unmapped.count) unmapped",
          ]
        Console.out(
          "\(file) -> \(written.joined(separator: ", ")) "
            + "[\(converted.mappingID): \(counts.joined(separator: ", "))]")
        if report {
          let numbers = converted.report
          Console.out(
            "  cells: \(numbers.cellsRead) read, \(numbers.cellsMapped) mapped, "
              + "\(numbers.cellsUnmapped) unmapped; characters: \(numbers.characters), "
              + "\(Self.percent(numbers.mappedPercent)) in fields, "
              + "\(Self.percent(numbers.accountedPercent)) accounted for")
        }
      } catch let problem as SheetConversion.MappingProblem {
        Console.error("gyosei convert: \(problem)")
        throw ExitCode(ExitStatus.usage)
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

  private func convert(
    _ bytes: [UInt8], file: String, validator: DocumentValidator, claims: inout [String: String]
  ) throws -> [String] {
    let inputIssues = validator.validate(bytes, file: file)
    if !inputIssues.isEmpty {
      throw ConversionFailure(
        description: "the input is not a valid canonical document:\n"
          + inputIssues.map { "  " + $0.formatted }.joined(separator: "\n"))
    }
    let document = try CanonicalDecoder.decode(bytes)
    return try write(document, for: file, validator: validator, claims: &claims)
  }

  /// What the document holds, in the words of its family.
  static func bodyCounts(_ document: Document) -> [String] {
    switch document.family {
    case .objectiveSheet:
      return [
        "\(document.objectives?.count ?? 0) objectives",
        "\(document.objectives?.reduce(0) { $0 + $1.actions.count } ?? 0) actions",
      ]
    case .policyEvaluation:
      let basic = (document.goals ?? []).flatMap(\.policies).flatMap(\.basicMeasures)
      let measures = document.measures ?? []
      return [
        "\(basic.count) 基本施策", "\(measures.count) 施策",
        "\(measures.reduce(0) { $0 + $1.indicators.count }) indicators",
      ]
    case .reformActionProgram:
      let items = document.items ?? []
      return [
        "\(document.categories?.count ?? 0) categories", "\(items.count) items",
        "\(items.reduce(0) { $0 + $1.years.count }) years",
      ]
    case .indicatorTable:
      let sets = document.indicatorSets ?? []
      let indicators = sets.flatMap(\.indicators)
      return [
        "\(sets.count) 施策", "\(indicators.count) indicators",
        "\(indicators.reduce(0) { $0 + $1.observations.count }) values",
      ]
    }
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
    _ document: Document, for file: String, validator: DocumentValidator,
    claims: inout [String: String]
  ) throws -> [String] {
    let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    var outputs: [(path: String, bytes: [UInt8])] = []
    if format != .xml {
      outputs.append(
        ((out as NSString).appendingPathComponent(base + ".json"), try JSONEmitter.emit(document)))
    }
    if format != .json {
      outputs.append(
        ((out as NSString).appendingPathComponent(base + ".xml"), try XMLEmitter.emit(document)))
    }
    for output in outputs {
      if let other = claims[output.path], other != file {
        throw ConversionFailure(
          description:
            "\(output.path) was written for \(other) in this run, and this input would overwrite "
            + "it; convert inputs with the same base name into separate --out directories")
      }
      let issues = validator.validate(output.bytes, file: output.path)
      if !issues.isEmpty {
        throw ConversionFailure(
          description: "the output would not be valid, nothing was written:\n"
            + issues.map { "  " + $0.formatted }.joined(separator: "\n"))
      }
    }
    for output in outputs {
      try Data(output.bytes).write(to: URL(fileURLWithPath: output.path), options: .atomic)
      claims[output.path] = file
    }
    return outputs.map(\.path)
  }
}

/// Why one input could not be converted.
struct ConversionFailure: Error, CustomStringConvertible {
  var description: String
}
