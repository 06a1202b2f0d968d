/// The result of reading a cell as a list: its items as a tree, and what was repaired or doubted.
public struct ListParse: Sendable, Hashable, Codable {
  /// The outermost items.
  public var items: [ListNode]
  /// Repairs and doubts, in text order.
  public var findings: [MarkerFinding]

  public init(items: [ListNode], findings: [MarkerFinding]) {
    self.items = items
    self.findings = findings
  }
}
