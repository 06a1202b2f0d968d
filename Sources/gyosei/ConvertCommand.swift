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

  @Option(help: "The mapping to read sheets with: an id from Mappings/, or a .yaml file.")
  var mapping: String?

  @Option(help: "The directory of mapping files (default: Mappings/, found as the README says).")
  var mappings: String?

  @Flag(help: "Print, per file, the cells read, mapped and unmapped, and the characters covered.")
  var report = false

  /// How to read inputs whose extension does not say (Excel's "Unicode text" is a `.txt`).
  enum ReadAs: String, ExpressibleByArgument, CaseIterable {
    case pdfText = "pdf-text"
    case tab
    case csv

    var format: SourceFormat {
      switch self {
      case .pdfText: return .pdfText
      case .tab: return .tabTable
      case .csv: return .csvTable
      }
    }
  }

  @Option(
    name: .customLong("read-as"),
    help: ArgumentHelp(
      "Read the .txt, .tsv and .csv inputs as pdf-text (text extracted from PDFs, a line per "
        + "row), tab or csv (spreadsheet exports with Excel's quoting), whatever their extension "
        + "says; for Excel's \"Unicode text\" saved as .txt, pass tab."))
  var readAs: ReadAs?

  @Option(
    help: ArgumentHelp(
      "The encoding of the .txt, .tsv, .csv and .xml inputs: utf-8, utf-16le, utf-16be, cp932 "
        + "(shift_jis) or euc-jp (default: detected, for XML the prolog's; the one used is "
        + "recorded in each document's source)."))
  var encoding: String?

  @Flag(
    help: ArgumentHelp(
      "Replace bytes that do not decode with U+FFFD instead of failing; each replacement is a "
        + "warning (encoding.replaced) with its byte offset. Text and table inputs only: XML "
        + "exports are always decoded strictly."))
  var lossy = false

  func validate() throws {
    if let encoding, TextEncoding(name: encoding) == nil {
      throw ValidationError(
        "unknown encoding '\(encoding)'; use one of \(TextEncoding.acceptedNames)")
    }
  }

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
    var mappingChoice: MappingFiles.Choice?
    var failed = 0
    for file in files {
      do {
        let bytes = try InputFiles.read(file)
        let input = try SheetInput.kind(file, bytes: bytes, encoding: chosenEncoding)
        if case .canonical = input {
          let written = try convert(bytes, file: file, validator: validator)
          Console.out("\(file) -> \(written.joined(separator: ", "))")
          continue
        }
        if mappingChoice == nil {
          do {
            mappingChoice = try MappingFiles.resolve(directory: mappings, mappingArgument: mapping)
          } catch {
            Console.error("gyosei convert: \(error)")
            throw ExitCode(ExitStatus.usage)
          }
        }
        guard let mappingChoice else { continue }
        let converted = try convertSheet(
          file, bytes: bytes, input: input, mappings: mappingChoice, validator: validator)
        Console.out("\(file) -> \(converted.written.joined(separator: ", ")) \(converted.summary)")
        if report { Console.out(converted.report) }
      } catch let exit as ExitCode {
        throw exit
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

  private var chosenEncoding: TextEncoding? { encoding.flatMap(TextEncoding.init(name:)) }

  private func convert(_ bytes: [UInt8], file: String, validator: DocumentValidator) throws
    -> [String]
  {
    let inputIssues = validator.validate(bytes, file: file)
    if !inputIssues.isEmpty {
      throw ConversionFailure(
        description: "the input is not a valid canonical document:\n"
          + inputIssues.map { "  " + $0.formatted }.joined(separator: "\n"))
    }
    let document = try CanonicalDecoder.decode(bytes)
    return try write(document, for: file, validator: validator)
  }

  private func convertSheet(
    _ file: String, bytes: [UInt8], input: SheetInput, mappings: MappingFiles.Choice,
    validator: DocumentValidator
  ) throws -> (written: [String], summary: String, report: String) {
    let fileName = (file as NSString).lastPathComponent
    let catalog = mappings.catalog
    let table: SourceTable
    let format: SourceFormat
    var layout: XMLExportMapping?
    switch input {
    case .xmlExport(let export):
      let chosenLayout = try mappings.forcedLayout ?? catalog.recognize(export)
      table = try XMLTableReader.read(export, layout: chosenLayout.layout)
      format = .xmlExport
      layout = chosenLayout
    default:
      (table, format) = try SheetInput.read(
        bytes, fileName: fileName, as: readAs?.format, encoding: chosenEncoding, lossy: lossy)
    }
    let chosen: SheetMappingFile
    if let forced = mappings.forced {
      chosen = forced
    } else if let layout {
      chosen = try catalog.sheetMapping(for: table, layout: layout)
    } else {
      chosen = try catalog.recognize(table)
    }
    let result = try SheetMapper.map(
      table, sha256: SHA256Digest.hex(bytes), format: format, mapping: chosen,
      repairs: catalog.repairs, layout: layout?.id)
    let written = try write(result.document, for: file, validator: validator)
    let document = result.document
    let counts =
      Self.bodyCounts(document) + [
        "\(document.warnings.count) warnings", "\(document.unmapped.count) unmapped",
      ]
    let summary =
      "[\(result.document.source.mapping ?? chosen.id): \(counts.joined(separator: ", "))]"
    let numbers = result.report
    let report =
      "  cells: \(numbers.cellsRead) read, \(numbers.cellsMapped) mapped, "
      + "\(numbers.cellsUnmapped) unmapped; characters: \(numbers.characters), "
      + "\(Self.percent(numbers.mappedPercent)) in fields, "
      + "\(Self.percent(numbers.accountedPercent)) accounted for"
    return (written, summary, report)
  }

  /// What the document holds, in the words of its family.
  private static func bodyCounts(_ document: Document) -> [String] {
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

  private func write(_ document: Document, for file: String, validator: DocumentValidator) throws
    -> [String]
  {
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
      let issues = validator.validate(output.bytes, file: output.path)
      if !issues.isEmpty {
        throw ConversionFailure(
          description: "the output would not be valid, nothing was written:\n"
            + issues.map { "  " + $0.formatted }.joined(separator: "\n"))
      }
    }
    for output in outputs {
      try Data(output.bytes).write(to: URL(fileURLWithPath: output.path), options: .atomic)
    }
    return outputs.map(\.path)
  }
}

/// Why one input could not be converted.
struct ConversionFailure: Error, CustomStringConvertible {
  var description: String
}
