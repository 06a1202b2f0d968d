/// The exit codes gyosei promises, the same for every subcommand.
enum ExitStatus {
  /// Everything succeeded and every document is valid.
  static let success: Int32 = 0
  /// At least one document is invalid or failed to convert, whatever the count.
  static let failure: Int32 = 1
  /// The command line was wrong, or a file could not be read or written.
  static let usage: Int32 = 2
}
