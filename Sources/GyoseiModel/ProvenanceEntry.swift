/// Where one value of the document came from, and its text before normalization.
///
/// Entries are keyed by the JSON Pointer of the value in the canonical JSON form, so the main
/// body stays clean while every value can still be traced back to its source.
public struct ProvenanceEntry: Hashable, Sendable, Codable {
  /// The value, for example `/objectives/0/actions/2/targets`.
  public var pointer: JSONPointer
  /// The line (or row) and cell (or column) of the source the value was read from.
  public var position: SourcePosition
  /// The source text before any normalization.
  public var raw: String

  public init(pointer: JSONPointer, position: SourcePosition, raw: String) {
    self.pointer = pointer
    self.position = position
    self.raw = raw
  }

  private enum CodingKeys: String, CodingKey {
    case pointer, line, cell, raw
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    pointer = try container.decode(JSONPointer.self, forKey: .pointer)
    position = SourcePosition(
      line: try container.decode(Int.self, forKey: .line),
      cell: try container.decodeIfPresent(Int.self, forKey: .cell))
    raw = try container.decode(String.self, forKey: .raw)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(pointer, forKey: .pointer)
    try container.encode(position.line, forKey: .line)
    try container.encodeIfPresent(position.cell, forKey: .cell)
    try container.encode(raw, forKey: .raw)
  }
}

/// A document's provenance by pointer.
///
/// Where a value was read from, or, for a value without an entry of its own, the nearest value
/// that contains it. The first entry of a pointer wins.
public struct ProvenanceIndex: Sendable {
  private var entries: [JSONPointer: ProvenanceEntry] = [:]

  public init(_ provenance: [ProvenanceEntry]) {
    for entry in provenance where entries[entry.pointer] == nil {
      entries[entry.pointer] = entry
    }
  }

  /// The entry of the first of `pointers` that has one of its own, or else the entry of the
  /// first one's nearest ancestor that has one: where a row was read from, given the values
  /// that can stand for it (a record's title, else its number).
  public func entry(forFirstOf pointers: [JSONPointer]) -> ProvenanceEntry? {
    for pointer in pointers {
      if let entry = entries[pointer] { return entry }
    }
    return pointers.first.flatMap(entry(for:))
  }

  /// The entry of `pointer`, or of its nearest ancestor that has one.
  public func entry(for pointer: JSONPointer) -> ProvenanceEntry? {
    var path = pointer
    while true {
      if let entry = entries[path] { return entry }
      guard let parent = path.parent else { return nil }
      path = parent
    }
  }
}
