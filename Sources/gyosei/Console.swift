import Foundation
import Glibc
import GyoseiPipeline

/// Writes to standard output and standard error.
///
/// Writing can fail — a closed pipe (`gyosei normalize big.txt | head`), a full disk — and then
/// gyosei stops with `OutputError` (exit 2) instead of trapping or being killed by SIGPIPE,
/// which `Gyosei.main` ignores so that the failed write reports itself.
enum Console {
  /// Standard output (or a file) would not take what gyosei wrote.
  struct OutputError: Error, CustomStringConvertible {
    var destination: String
    /// Why, in words (the pipe was closed, the disk is full, …).
    var reason: String

    var description: String {
      "cannot write to \(destination): \(reason); the output is incomplete"
    }
  }

  /// Writes the bytes to standard output with write(2), whole or with an error that says why
  /// (Foundation's file handle gives no reason, and has trapped on such errors before).
  static func write(_ bytes: [UInt8]) throws(OutputError) {
    if let failure = OutputFile.writeAll(bytes, to: STDOUT_FILENO) {
      throw OutputError(destination: "standard output", reason: OutputFile.reason(failure))
    }
  }

  static func out(_ line: String) throws(OutputError) {
    try write(Array((line + "\n").utf8))
  }

  /// Text on standard error without a line break (the progress bar, redrawn in place).
  static func status(_ text: String) {
    _ = OutputFile.writeAll(Array(text.utf8), to: STDERR_FILENO)
  }

  /// A line on standard error; if even that fails, there is nowhere left to say so.
  static func error(_ line: String) {
    _ = OutputFile.writeAll(Array((line + "\n").utf8), to: STDERR_FILENO)
  }
}
