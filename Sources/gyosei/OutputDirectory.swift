import ArgumentParser
import Foundation

/// A directory a command writes into, made when it is not there (with its parents).
enum OutputDirectory {
  /// Makes `path`, or says on standard error why it cannot be made and stops with the usage
  /// status: never Foundation's own error text.
  ///
  /// - Parameters:
  ///   - command: the command's name, which opens the message (`gyosei export`).
  ///   - purpose: what the directory is for, after its path (` for out/draft.yaml`).
  static func make(_ path: String, command: String, purpose: String = "") throws {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      Console.error(
        "\(command): cannot make the directory \(path)\(purpose): a file of that name may be "
          + "in the way, or the place may not be written; check the path and its permissions")
      throw ExitCode(ExitStatus.usage)
    }
  }
}
