/// A list marker: its style, its place in the sequence, and how it was written.
public struct ListMarker: Sendable, Hashable, Codable {
  /// The style.
  public var kind: MarkerKind
  /// The canonical form: `①`, `(1)`, `1`, `ア`, `(ア)`, `㋐`, or the bullet itself.
  public var text: String
  /// The marker as the source wrote it, for example `（１）` or the misread `(7)`.
  public var written: String
  /// The position in its sequence (① (1) 1 ア (ア) ㋐ are all 1); `nil` for bullets.
  public var ordinal: Int?

  public init(kind: MarkerKind, text: String, written: String, ordinal: Int?) {
    self.kind = kind
    self.text = text
    self.written = written
    self.ordinal = ordinal
  }

  /// The number a circled-number character stands for (① is 1, ㊿ is 50), or nil.
  public static func circledNumber(_ scalar: Unicode.Scalar) -> Int? {
    MarkerTables.circledNumber(scalar)
  }

  /// The place of a katakana in the 五十音 order of ア イ ウ … lists (ア is 1), or nil.
  public static func katakanaOrdinal(_ scalar: Unicode.Scalar) -> Int? {
    MarkerTables.ordinal(ofKatakana: scalar)
  }

  /// A marker in its canonical form, for contexts: `ListMarker.canonical(.parenthesizedKatakana,
  /// 3)` is (ウ).
  public static func canonical(_ kind: MarkerKind, _ ordinal: Int) -> ListMarker {
    let text = MarkerTables.canonicalText(kind, ordinal)
    return ListMarker(kind: kind, text: text, written: text, ordinal: ordinal)
  }

  /// What makes two markers the same list style: the kind, and for bullets the symbol
  /// (○ and 〇 count as one).
  var style: String {
    guard kind == .bullet else { return kind.rawValue }
    return text == "〇" ? "bullet:○" : "bullet:" + text
  }
}
