/// Where one value of the document came from, and its text before normalization.
///
/// Entries are keyed by the JSON Pointer of the value in the canonical JSON form, so the main
/// body stays clean while every value can still be traced back to its source.
public struct ProvenanceEntry: Hashable, Sendable, Codable {
  /// The JSON Pointer of the value, for example `/objectives/0/actions/2/targets`.
  public var pointer: String
  /// The line (or row) of the source the value was read from.
  public var line: Int
  /// The cell (or column), when the source has cells.
  public var cell: Int?
  /// The source text before any normalization.
  public var raw: String

  public init(pointer: String, line: Int, cell: Int? = nil, raw: String) {
    self.pointer = pointer
    self.line = line
    self.cell = cell
    self.raw = raw
  }
}
