/// One item of a parsed list, with its sub-items.
public struct ListNode: Sendable, Hashable, Codable {
  /// The marker; `nil` for text that precedes the first marker.
  public var marker: ListMarker?
  /// The nesting level, 1 for the outermost.
  public var level: Int
  /// The item's own text, without marker and sub-items, trimmed.
  public var text: String
  /// The UTF-8 byte offset in the input where the item (its marker, or its text) starts.
  public var offset: Int
  /// Sub-items.
  public var items: [ListNode]

  public init(marker: ListMarker?, level: Int, text: String, offset: Int, items: [ListNode] = []) {
    self.marker = marker
    self.level = level
    self.text = text
    self.offset = offset
    self.items = items
  }
}
