import ArgumentParser
import Foundation
import GyoseiModel

/// The `gyosei` command: reads municipal administrative documents and writes, validates and
/// compares their canonical form.
@main
struct Gyosei: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gyosei",
    abstract: "Japanese municipal administrative documents in one canonical, validated form.",
    version: version,
    subcommands: [
      ValidateCommand.self, CheckCommand.self, ConvertCommand.self, MappingsCommand.self,
      NormalizeCommand.self,
      LoadCommand.self, CompareCommand.self, ExportCommand.self, SchemaCommand.self,
      BenchCommand.self,
    ]
  )

  /// The version, with the schema version it writes.
  static let version = "0.1.0 (schema \(SchemaVersion.current))"

  /// Runs the command line with gyosei's exit codes: 0 success, 1 a document failed, 2 a usage
  /// or I/O error. (ArgumentParser's own usage code, 64, is mapped to 2.)
  static func main() {
    // A closed pipe makes the write fail (EPIPE), reported as Console.OutputError, instead of
    // killing the process with SIGPIPE mid-line.
    signal(SIGPIPE, SIG_IGN)
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let exit as ExitCode {
      Foundation.exit(exit.rawValue)
    } catch let error as Console.OutputError {
      Console.error("gyosei: \(error)")
      Foundation.exit(ExitStatus.usage)
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        // Help and the version: their output may fail like any other.
        do {
          try Console.out(message)
        } catch {
          Console.error("gyosei: \(error)")
          Foundation.exit(ExitStatus.usage)
        }
        Foundation.exit(0)
      }
      if !message.isEmpty { Console.error(message) }
      Foundation.exit(code == .validationFailure ? ExitStatus.usage : code.rawValue)
    }
  }
}
