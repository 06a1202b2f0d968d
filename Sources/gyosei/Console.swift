import Foundation

/// Writes to standard output and standard error.
///
/// Writing can fail — a closed pipe (`gyosei normalize big.txt | head`), a full disk — and then
/// gyosei stops with `OutputError` (exit 2) instead of trapping or being killed by SIGPIPE,
/// which `Gyosei.main` ignores so that the failed write reports itself.
enum Console {
  /// Standard output (or a file) would not take what gyosei wrote.
  struct OutputError: Error, CustomStringConvertible {
    var destination: String

    var description: String {
      "cannot write to \(destination): the pipe was closed or the disk is full; the output "
        + "is incomplete"
    }
  }

  static func write(_ bytes: [UInt8]) throws(OutputError) {
    do {
      try FileHandle.standardOutput.write(contentsOf: bytes)
    } catch {
      throw OutputError(destination: "standard output")
    }
  }

  static func out(_ line: String) throws(OutputError) {
    try write(Array((line + "\n").utf8))
  }

  /// A line on standard error; if even that fails, there is nowhere left to say so.
  static func error(_ line: String) {
    try? FileHandle.standardError.write(contentsOf: Array((line + "\n").utf8))
  }
}
