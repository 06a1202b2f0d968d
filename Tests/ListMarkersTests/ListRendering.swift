import ListMarkers

/// A compact, readable form of a parsed list for table-driven tests:
/// `marker text {children} / next sibling`; `·` stands for an item without a marker.
func render(_ nodes: [ListNode]) -> String {
  nodes.map { node in
    let head = (node.marker?.text ?? "·") + (node.text.isEmpty ? "" : " " + node.text)
    return node.items.isEmpty ? head : head + " {" + render(node.items) + "}"
  }.joined(separator: " / ")
}
