import GyoseiModel

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

  /// The error of a member or an element of the value it was raised in: the member's name (or
  /// the element's index) put in front of the pointer.
  func within(_ token: String) -> EmitterError {
    var error = self
    error.pointer = JSONPointer(tokens: [token]).text + pointer
    return error
  }
}
