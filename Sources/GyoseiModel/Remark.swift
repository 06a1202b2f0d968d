/// What a department wrote under one of the form's printed prompts in the notes box (特記事項),
/// such as `○市民参加・協働の推進、市民満足度の向上を考慮した点`.
public struct Remark: Hashable, Sendable, Codable {
  /// The printed prompt, as the form words it.
  public var prompt: String
  /// What was written after it.
  public var items: [ListItem]

  public init(prompt: String, items: [ListItem] = []) {
    self.prompt = prompt
    self.items = items
  }
}
