import Emitters
import GyoseiModel
import Validation

/// A canonical document read from a file: checked against its schema from its own bytes (so
/// unknown keys are seen), then decoded.
public enum CanonicalInput {
  /// Why a file is not a canonical document gyosei can use: every schema issue, or the
  /// decoder's reason.
  public struct Rejection: Error, Sendable, CustomStringConvertible {
    /// The schema's errors, each with its place.
    public var issues: [ValidationIssue]
    /// Why a schema-valid file could not be decoded, when that is the reason.
    public var reason: String?

    public var description: String {
      if let reason { return "the document cannot be read: \(reason)" }
      return "the input is not a valid canonical document:\n"
        + issues.map { "  " + $0.formatted }.joined(separator: "\n")
    }
  }

  /// The document in `bytes`, read from `file`.
  public static func read(_ bytes: [UInt8], file: String, validator: DocumentValidator)
    throws(Rejection) -> Document
  {
    try check(bytes, file: file, validator: validator)
    return try decode(bytes)
  }

  /// Checks `bytes` against their schema, without decoding them.
  public static func check(_ bytes: [UInt8], file: String, validator: DocumentValidator)
    throws(Rejection)
  {
    let errors = validator.validate(bytes, file: file).filter { $0.severity == .error }
    guard errors.isEmpty else { throw Rejection(issues: errors) }
  }

  /// Decodes bytes that `check` accepted.
  public static func decode(_ bytes: [UInt8]) throws(Rejection) -> Document {
    do {
      return try CanonicalDecoder.decode(bytes)
    } catch {
      throw Rejection(issues: [], reason: "\(error)")
    }
  }
}
