import GyoseiModel

/// Encodes any `Encodable` value into a `CanonicalNode`, keeping members in encoding order.
///
/// Synthesized `Codable` encodes stored properties in declaration order, so the order of the
/// model's properties is the order of the output: deterministic and readable.
enum NodeEncoder {
  static func encode<T: Encodable>(_ value: T) throws -> CanonicalNode {
    try Slot.node(of: value)
  }
}

/// A place an encoder writes into; filled once, then frozen into a node.
private final class Slot {
  enum Content {
    case empty
    case scalar(CanonicalNode)
    case object(ObjectStorage)
    case array(ArrayStorage)
  }
  var content: Content = .empty

  /// The node of a value that encodes itself, frozen as soon as it has.
  ///
  /// Its slots die at once and the tree is not walked a second time. A value that encodes
  /// nothing somewhere inside is an error whose pointer grows by a token at each level on the
  /// way back up.
  static func node<T: Encodable>(of value: T) throws -> CanonicalNode {
    let slot = Slot()
    try value.encode(to: SlotEncoder(slot: slot))
    var path: [String] = []
    return try slot.freeze(path: &path)
  }

  /// `node(of:)` for a member or an element: its token put in front of an error's pointer.
  static func node<T: Encodable>(of value: T, at token: @autoclosure () -> String) throws
    -> CanonicalNode
  {
    do {
      return try node(of: value)
    } catch let error as EmitterError {
      throw error.within(token())
    }
  }

  /// The node of this slot; `path` is the way down to it, kept as a stack so that only a value
  /// that encoded nothing pays for its pointer.
  func freeze(path: inout [String]) throws -> CanonicalNode {
    switch content {
    case .empty:
      throw EmitterError(
        pointer: JSONPointer(tokens: path).text, message: "a value encoded nothing")
    case .scalar(let node):
      return node
    case .object(let storage):
      var members: [CanonicalMember] = []
      members.reserveCapacity(storage.entries.count)
      for entry in storage.entries {
        switch entry.value {
        case .node(let node): members.append(CanonicalMember(key: entry.key, value: node))
        case .slot(let slot):
          path.append(entry.key)
          members.append(CanonicalMember(key: entry.key, value: try slot.freeze(path: &path)))
          path.removeLast()
        }
      }
      return .object(members)
    case .array(let storage):
      var elements: [CanonicalNode] = []
      elements.reserveCapacity(storage.elements.count)
      for (index, element) in storage.elements.enumerated() {
        switch element {
        case .node(let node): elements.append(node)
        case .slot(let slot):
          path.append(String(index))
          elements.append(try slot.freeze(path: &path))
          path.removeLast()
        }
      }
      return .array(elements)
    }
  }

  func objectStorage() -> ObjectStorage {
    if case .object(let storage) = content { return storage }
    let storage = ObjectStorage()
    content = .object(storage)
    return storage
  }

  func arrayStorage() -> ArrayStorage {
    if case .array(let storage) = content { return storage }
    let storage = ArrayStorage()
    content = .array(storage)
    return storage
  }
}

/// A member or element: a scalar written at once, or a slot for a value that encodes itself.
private enum Entry {
  case node(CanonicalNode)
  case slot(Slot)
}

private final class ObjectStorage {
  var entries: [(key: String, value: Entry)] = []

  /// Where the member `key` goes: a key encoded twice keeps its first place and its last value.
  private func index(of key: String) -> Int? {
    // Lengths compared first: unequal strings of the same storage take the slow comparison.
    let length = key.utf8.count
    return entries.firstIndex { $0.key.utf8.count == length && $0.key == key }
  }

  func set(_ node: CanonicalNode, for key: String) {
    if let index = index(of: key) {
      entries[index].value = .node(node)
    } else {
      entries.append((key, .node(node)))
    }
  }

  func slot(for key: String) -> Slot {
    if let index = index(of: key) {
      if case .slot(let existing) = entries[index].value { return existing }
      let slot = Slot()
      entries[index].value = .slot(slot)
      return slot
    }
    let slot = Slot()
    entries.append((key, .slot(slot)))
    return slot
  }
}

private final class ArrayStorage {
  var elements: [Entry] = []

  func append(_ node: CanonicalNode) {
    elements.append(.node(node))
  }

  func append() -> Slot {
    let slot = Slot()
    elements.append(.slot(slot))
    return slot
  }
}

private func scalarNode<T: Encodable>(_ value: T) -> CanonicalNode? {
  // Metatypes compared first: a failed dynamic cast walks the type's conformances, and most
  // values that come here (structures, arrays, optionals) are not scalars at all.
  if T.self == String.self, let value = value as? String { return .string(value) }
  if T.self == Int.self, let value = value as? Int { return .integer(Int64(value)) }
  if T.self == Double.self, let value = value as? Double { return .number(value) }
  if T.self == Bool.self, let value = value as? Bool { return .bool(value) }
  if T.self == Int64.self, let value = value as? Int64 { return .integer(value) }
  if T.self == Int32.self, let value = value as? Int32 { return .integer(Int64(value)) }
  if T.self == Float.self, let value = value as? Float { return .number(Double(value)) }
  if T.self == Int16.self, let value = value as? Int16 { return .integer(Int64(value)) }
  if T.self == Int8.self, let value = value as? Int8 { return .integer(Int64(value)) }
  if T.self == UInt8.self, let value = value as? UInt8 { return .integer(Int64(value)) }
  if T.self == UInt16.self, let value = value as? UInt16 { return .integer(Int64(value)) }
  if T.self == UInt32.self, let value = value as? UInt32 { return .integer(Int64(value)) }
  return nil
}

// The containers do not track coding paths (`codingPath` is always empty): building one per
// value cost more than the rest of the encoding, and a value that encodes nothing is named by
// its JSON Pointer, put together on the way back up. Scalars of the model's types come through
// the typed overloads and are stored at once, without a slot or a dynamic cast; other values
// are frozen into their nodes as soon as they have encoded themselves.

private struct SlotEncoder: Encoder {
  let slot: Slot
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(KeyedSlotContainer<Key>(storage: slot.objectStorage()))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    UnkeyedSlotContainer(storage: slot.arrayStorage())
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleSlotContainer(slot: slot)
  }
}

private struct KeyedSlotContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let storage: ObjectStorage
  var codingPath: [any CodingKey] { [] }

  mutating func encodeNil(forKey key: Key) throws { storage.set(.null, for: key.stringValue) }
  mutating func encode(_ value: Bool, forKey key: Key) throws {
    storage.set(.bool(value), for: key.stringValue)
  }
  mutating func encode(_ value: String, forKey key: Key) throws {
    storage.set(.string(value), for: key.stringValue)
  }
  mutating func encode(_ value: Double, forKey key: Key) throws {
    storage.set(.number(value), for: key.stringValue)
  }
  mutating func encode(_ value: Int, forKey key: Key) throws {
    storage.set(.integer(Int64(value)), for: key.stringValue)
  }
  mutating func encode(_ value: Int32, forKey key: Key) throws {
    storage.set(.integer(Int64(value)), for: key.stringValue)
  }
  mutating func encode(_ value: Int64, forKey key: Key) throws {
    storage.set(.integer(value), for: key.stringValue)
  }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    let name = key.stringValue
    storage.set(try scalarNode(value) ?? Slot.node(of: value, at: name), for: name)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    KeyedEncodingContainer(
      KeyedSlotContainer<NestedKey>(storage: storage.slot(for: key.stringValue).objectStorage()))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    UnkeyedSlotContainer(storage: storage.slot(for: key.stringValue).arrayStorage())
  }

  mutating func superEncoder() -> any Encoder {
    SlotEncoder(slot: storage.slot(for: "super"))
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    SlotEncoder(slot: storage.slot(for: key.stringValue))
  }
}

private struct UnkeyedSlotContainer: UnkeyedEncodingContainer {
  let storage: ArrayStorage
  var codingPath: [any CodingKey] { [] }
  var count: Int { storage.elements.count }

  mutating func encodeNil() throws { storage.append(.null) }
  mutating func encode(_ value: Bool) throws { storage.append(.bool(value)) }
  mutating func encode(_ value: String) throws { storage.append(.string(value)) }
  mutating func encode(_ value: Double) throws { storage.append(.number(value)) }
  mutating func encode(_ value: Int) throws { storage.append(.integer(Int64(value))) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    let index = storage.elements.count
    storage.append(try scalarNode(value) ?? Slot.node(of: value, at: String(index)))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type
  ) -> KeyedEncodingContainer<NestedKey> {
    KeyedEncodingContainer(KeyedSlotContainer<NestedKey>(storage: storage.append().objectStorage()))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    UnkeyedSlotContainer(storage: storage.append().arrayStorage())
  }

  mutating func superEncoder() -> any Encoder {
    SlotEncoder(slot: storage.append())
  }
}

private struct SingleSlotContainer: SingleValueEncodingContainer {
  let slot: Slot
  var codingPath: [any CodingKey] { [] }

  mutating func encodeNil() throws { slot.content = .scalar(.null) }
  mutating func encode(_ value: Bool) throws { slot.content = .scalar(.bool(value)) }
  mutating func encode(_ value: String) throws { slot.content = .scalar(.string(value)) }
  mutating func encode(_ value: Double) throws { slot.content = .scalar(.number(value)) }
  mutating func encode(_ value: Int) throws { slot.content = .scalar(.integer(Int64(value))) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    if let node = scalarNode(value) {
      slot.content = .scalar(node)
    } else {
      try value.encode(to: SlotEncoder(slot: slot))
    }
  }
}
