/// Why a document could not be written or read back.
public struct EmitterError: Error, Equatable, CustomStringConvertible {
  /// Where in the document the problem is, as a JSON Pointer (empty for the whole document).
  public var pointer: String
  /// What is wrong.
  public var message: String

  public init(pointer: String, message: String) {
    self.pointer = pointer
    self.message = message
  }

  public var description: String { pointer.isEmpty ? message : "\(pointer): \(message)" }
}
