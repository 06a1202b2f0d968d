import GyoseiModel

/// The shape of a canonical document between the model and a file.
///
/// Ordered objects, arrays and scalars. Object members keep the order in which the model
/// encodes them. Seen by the package's validation, which checks a tree before it is written.
package enum CanonicalNode: Equatable, Sendable {
  case object([CanonicalMember])
  case array([CanonicalNode])
  case string(String)
  case integer(Int64)
  case number(Double)
  case bool(Bool)
  case null

  /// An object's member called `key`.
  package func member(_ key: String) -> CanonicalNode? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }
}

/// A named member of a canonical object.
package struct CanonicalMember: Equatable, Sendable {
  package var key: String
  package var value: CanonicalNode
}

/// A document encoded once into its canonical shape: both forms are written from it, and the
/// JSON form's schema check reads it instead of parsing the bytes written from it again.
public struct CanonicalTree: Sendable {
  package let root: CanonicalNode

  /// Encodes the document.
  ///
  /// - Throws: `EmitterError` when a value of the model encodes nothing.
  public init(_ document: Document) throws {
    root = try NodeEncoder.encode(document)
  }
}
