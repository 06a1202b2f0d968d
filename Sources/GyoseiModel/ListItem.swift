/// One entry of a list as Japanese official documents write them: ① (1) ア (ア) ・ and so on.
///
/// Items nest: the level follows the order in which marker kinds appear (① over (1) over ア
/// over (ア)). Dates and quantities found in the item's own text hang on the item.
public struct ListItem: Hashable, Sendable, Codable {
  /// The marker as written after width folding, for example `①`, `(1)`, `ア`, `・`; absent for
  /// text before the first marker.
  public var marker: String?
  /// The nesting level, 1 for the outermost.
  public var level: Int
  /// The position in its sequence (① and (1) and ア are all 1), when the marker counts.
  public var ordinal: Int?
  /// The item's own text, without its marker and without its sub-items.
  public var text: String
  /// Periods found in the text.
  public var periods: [Period]?
  /// Quantities found in the text.
  public var quantities: [Quantity]?
  /// Sub-items.
  public var items: [ListItem]?

  public init(
    marker: String? = nil, level: Int = 1, ordinal: Int? = nil, text: String,
    periods: [Period]? = nil, quantities: [Quantity]? = nil, items: [ListItem]? = nil
  ) {
    self.marker = marker
    self.level = level
    self.ordinal = ordinal
    self.text = text
    self.periods = periods
    self.quantities = quantities
    self.items = items
  }
}
