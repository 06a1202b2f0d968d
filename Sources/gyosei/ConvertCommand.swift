import ArgumentParser
import Emitters
import Foundation
import GyoseiModel
import Validation

/// `gyosei convert`: reads documents and writes their canonical JSON and/or XML.
struct ConvertCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Convert documents to canonical JSON and/or XML.",
    discussion: """
      Inputs are canonical documents (JSON or XML) for now; each is read, checked, and written \
      again in its canonical form, so this also converts between JSON and XML. Every output is \
      validated before it is written, and written atomically (a temporary file, then a rename): \
      a failed conversion leaves no partial file.
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

  func run() throws {
    let files: [String]
    do {
      files = try InputFiles.expand(paths, extensions: ["json", "xml"])
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
    var failed = 0
    for file in files {
      do {
        let written = try convert(file, validator: validator)
        Console.out("\(file) -> \(written.joined(separator: ", "))")
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

  private func convert(_ file: String, validator: DocumentValidator) throws -> [String] {
    let bytes = try InputFiles.read(file)
    let inputIssues = validator.validate(bytes, file: file)
    if !inputIssues.isEmpty {
      throw ConversionFailure(
        description: "the input is not a valid canonical document:\n"
          + inputIssues.map { "  " + $0.formatted }.joined(separator: "\n"))
    }
    let document = try CanonicalDecoder.decode(bytes)
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
