/// One change the width folder made, for `--explain` and audits.
public struct WidthChange: Sendable, Hashable {
  /// The UTF-8 byte offset of the changed text in the input.
  public var offset: Int
  /// The text as it was.
  public var before: String
  /// The text as it became.
  public var after: String
  /// Why.
  public var rule: WidthRule

  public init(offset: Int, before: String, after: String, rule: WidthRule) {
    self.offset = offset
    self.before = before
    self.after = after
    self.rule = rule
  }
}
