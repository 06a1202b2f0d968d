import GyoseiModel

/// Where the values of a canonical document stand in its file, found by JSON Pointer.
///
/// Canonical XML mirrors the JSON form (an object's members are child elements of the same
/// name, an array's entries are its child elements in order), so one walk serves both.
public struct CanonicalPositions: Sendable {
  /// An element of canonical XML: its name, its line and its child elements.
  struct Element: Sendable {
    var name: String
    var line: Int
    var children: [Element]
  }

  private enum Tree: Sendable {
    case json(JSONValue)
    case xml(Element)
  }

  private let tree: Tree?

  /// Positions are not known (the file did not parse).
  static let unknown = CanonicalPositions(tree: nil)

  private init(tree: Tree?) { self.tree = tree }

  init(json: JSONValue) { tree = .json(json) }

  init(xml root: Element) { tree = .xml(root) }

  /// The line and column of the value at `pointer`, or of its nearest ancestor that exists.
  public func position(of pointer: JSONPointer) -> (line: Int, column: Int)? {
    let tokens = pointer.tokens
    switch tree {
    case .json(var value)?:
      for token in tokens {
        let next: JSONValue?
        switch value.kind {
        case .object: next = value[token]
        case .array(let entries):
          next = Int(token).flatMap { entries.indices.contains($0) ? entries[$0] : nil }
        default: next = nil
        }
        guard let next else { break }
        value = next
      }
      return (value.line, value.column)
    case .xml(var element)?:
      for token in tokens {
        let next: Element?
        if let index = Int(token) {
          next = element.children.indices.contains(index) ? element.children[index] : nil
        } else {
          next = element.children.first { $0.name == token }
        }
        guard let next else { break }
        element = next
      }
      return (element.line, 1)
    case nil:
      return nil
    }
  }
}
