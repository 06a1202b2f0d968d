import GyoseiModel

/// Encodes any `Encodable` value into a `CanonicalNode`, keeping members in encoding order.
///
/// Synthesized `Codable` encodes stored properties in declaration order, so the order of the
/// model's properties is the order of the output: deterministic and readable.
enum NodeEncoder {
  static func encode<T: Encodable>(_ value: T) throws -> CanonicalNode {
    let slot = Slot()
    try value.encode(to: SlotEncoder(slot: slot, codingPath: []))
    return try slot.freeze(path: [])
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

  func freeze(path: [String]) throws -> CanonicalNode {
    switch content {
    case .empty:
      throw EmitterError(
        pointer: JSONPointer(tokens: path).text, message: "a value encoded nothing")
    case .scalar(let node):
      return node
    case .object(let storage):
      return .object(
        try storage.entries.map { entry in
          CanonicalMember(key: entry.key, value: try entry.slot.freeze(path: path + [entry.key]))
        })
    case .array(let storage):
      return .array(
        try storage.elements.enumerated().map { index, slot in
          try slot.freeze(path: path + [String(index)])
        })
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

private final class ObjectStorage {
  var entries: [(key: String, slot: Slot)] = []

  func slot(for key: String) -> Slot {
    if let existing = entries.first(where: { $0.key == key }) { return existing.slot }
    let slot = Slot()
    entries.append((key, slot))
    return slot
  }
}

private final class ArrayStorage {
  var elements: [Slot] = []

  func append() -> Slot {
    let slot = Slot()
    elements.append(slot)
    return slot
  }
}

private func scalarNode<T: Encodable>(_ value: T) -> CanonicalNode? {
  switch value {
  case let value as String: return .string(value)
  case let value as Bool: return .bool(value)
  case let value as Double: return .number(value)
  case let value as Float: return .number(Double(value))
  case let value as Int: return .integer(Int64(value))
  case let value as Int64: return .integer(value)
  case let value as Int32: return .integer(Int64(value))
  case let value as Int16: return .integer(Int64(value))
  case let value as Int8: return .integer(Int64(value))
  case let value as UInt8: return .integer(Int64(value))
  case let value as UInt16: return .integer(Int64(value))
  case let value as UInt32: return .integer(Int64(value))
  default: return nil
  }
}

private func encodeValue<T: Encodable>(_ value: T, into slot: Slot, path: [any CodingKey]) throws {
  if let node = scalarNode(value) {
    slot.content = .scalar(node)
  } else {
    try value.encode(to: SlotEncoder(slot: slot, codingPath: path))
  }
}

private struct SlotEncoder: Encoder {
  let slot: Slot
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(
      KeyedSlotContainer<Key>(storage: slot.objectStorage(), codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    UnkeyedSlotContainer(storage: slot.arrayStorage(), codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleSlotContainer(slot: slot, codingPath: codingPath)
  }
}

private struct KeyedSlotContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let storage: ObjectStorage
  let codingPath: [any CodingKey]

  mutating func encodeNil(forKey key: Key) throws {
    storage.slot(for: key.stringValue).content = .scalar(.null)
  }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try encodeValue(value, into: storage.slot(for: key.stringValue), path: codingPath + [key])
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    KeyedEncodingContainer(
      KeyedSlotContainer<NestedKey>(
        storage: storage.slot(for: key.stringValue).objectStorage(),
        codingPath: codingPath + [key]))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    UnkeyedSlotContainer(
      storage: storage.slot(for: key.stringValue).arrayStorage(), codingPath: codingPath + [key])
  }

  mutating func superEncoder() -> any Encoder {
    SlotEncoder(slot: storage.slot(for: "super"), codingPath: codingPath)
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    SlotEncoder(slot: storage.slot(for: key.stringValue), codingPath: codingPath + [key])
  }
}

private struct IndexKey: CodingKey {
  var stringValue: String { String(index) }
  var intValue: Int? { index }
  let index: Int
  init(_ index: Int) { self.index = index }
  init?(stringValue: String) { nil }
  init?(intValue: Int) { self.index = intValue }
}

private struct UnkeyedSlotContainer: UnkeyedEncodingContainer {
  let storage: ArrayStorage
  let codingPath: [any CodingKey]
  var count: Int { storage.elements.count }

  mutating func encodeNil() throws { storage.append().content = .scalar(.null) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    let key = IndexKey(count)
    try encodeValue(value, into: storage.append(), path: codingPath + [key])
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type
  ) -> KeyedEncodingContainer<NestedKey> {
    let key = IndexKey(count)
    return KeyedEncodingContainer(
      KeyedSlotContainer<NestedKey>(
        storage: storage.append().objectStorage(), codingPath: codingPath + [key]))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let key = IndexKey(count)
    return UnkeyedSlotContainer(
      storage: storage.append().arrayStorage(), codingPath: codingPath + [key])
  }

  mutating func superEncoder() -> any Encoder {
    SlotEncoder(slot: storage.append(), codingPath: codingPath)
  }
}

private struct SingleSlotContainer: SingleValueEncodingContainer {
  let slot: Slot
  let codingPath: [any CodingKey]

  mutating func encodeNil() throws { slot.content = .scalar(.null) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    try encodeValue(value, into: slot, path: codingPath)
  }
}
