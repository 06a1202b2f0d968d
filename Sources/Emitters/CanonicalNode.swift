/// The shape of a canonical document between the model and a file.
///
/// Ordered objects, arrays and scalars. Object members keep the order in which the model encodes them.
enum CanonicalNode: Equatable {
  case object([CanonicalMember])
  case array([CanonicalNode])
  case string(String)
  case integer(Int64)
  case number(Double)
  case bool(Bool)
  case null
}

/// A named member of a canonical object.
struct CanonicalMember: Equatable {
  var key: String
  var value: CanonicalNode
}
