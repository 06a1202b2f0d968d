import ArgumentParser
import Foundation
import Validation

/// `gyosei validate`: checks canonical documents against the published schemas.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Validate canonical documents (JSON or XML) against the gyosei schemas.",
    discussion: """
      XML is checked against the XSD with libxml2 (no network, no entity substitution, no DTD \
      loading; a DOCTYPE is refused). JSON is checked strictly against the JSON Schema: unknown \
      keys, wrong types and missing fields are errors, each with its JSON Pointer.
      Directories are searched recursively for .json and .xml files.
      Exit status: 0 all valid, 1 any invalid, 2 usage or I/O error.
      """
  )

  @Argument(help: "Canonical documents, or directories holding them.")
  var paths: [String]

  @Flag(name: .shortAndLong, help: "Also print a line for each valid file.")
  var verbose = false

  func run() throws {
    let files: [String]
    do {
      files = try InputFiles.expand(paths, extensions: ["json", "xml"])
    } catch {
      Console.error("gyosei validate: \(error)")
      throw ExitCode(ExitStatus.usage)
    }
    let validator: DocumentValidator
    do {
      validator = try DocumentValidator()
    } catch {
      Console.error("gyosei validate: the built-in schemas cannot be loaded: \(error)")
      throw ExitCode(ExitStatus.usage)
    }
    var invalid = 0
    var unreadable = 0
    for file in files {
      let bytes: [UInt8]
      do {
        bytes = try InputFiles.read(file)
      } catch {
        Console.error("gyosei validate: \(error)")
        unreadable += 1
        continue
      }
      let issues = validator.validate(bytes, file: file)
      if issues.isEmpty {
        if verbose { Console.out("\(file): valid") }
      } else {
        invalid += 1
        for issue in issues { Console.out(issue.formatted) }
      }
    }
    let valid = files.count - invalid - unreadable
    Console.error(
      "gyosei validate: \(files.count) file\(files.count == 1 ? "" : "s"): \(valid) valid, "
        + "\(invalid) invalid" + (unreadable > 0 ? ", \(unreadable) unreadable" : ""))
    if unreadable > 0 { throw ExitCode(ExitStatus.usage) }
    if invalid > 0 { throw ExitCode(ExitStatus.failure) }
  }
}
