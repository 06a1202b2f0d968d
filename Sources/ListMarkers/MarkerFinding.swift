/// Something the list parser repaired or doubted, with a stable code and the original text.
public struct MarkerFinding: Sendable, Hashable, Codable {
  /// The stable codes of findings.
  public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
    /// A misread marker was read as the one the sequence needs: `(7)` as `(ア)`.
    case ocrRepaired = "marker.ocr-repaired"
    /// A marker repeats the one before it: (5) (5).
    case duplicate = "marker.duplicate"
    /// A marker leaves a gap, or a list starts past its first marker.
    case skipped = "marker.skipped"
    /// A marker goes back in its sequence.
    case outOfOrder = "marker.out-of-order"
    /// 〇 (U+3007, the kanji zero) stands where the bullet ○ (U+25CB) belongs.
    case zeroAsBullet = "marker.zero-as-bullet"
  }

  /// What kind of finding it is.
  public var code: Code
  /// What happened, for a person.
  public var message: String
  /// The UTF-8 byte offset of the marker in the input.
  public var offset: Int
  /// The marker as written.
  public var original: String

  public init(code: Code, message: String, offset: Int, original: String) {
    self.code = code
    self.message = message
    self.offset = offset
    self.original = original
  }
}
