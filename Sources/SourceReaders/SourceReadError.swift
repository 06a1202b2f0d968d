/// Why a source could not be read: which file, where, what was expected, and what to do.
public struct SourceReadError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file, as named by the user.
  public var file: String
  /// The byte offset of the problem, when it is one byte.
  public var offset: Int?
  /// What is wrong and what to do.
  public var message: String

  public init(file: String, offset: Int? = nil, message: String) {
    self.file = file
    self.offset = offset
    self.message = message
  }

  public var description: String {
    offset.map { "\(file): byte offset \($0): \(message)" } ?? "\(file): \(message)"
  }
}
