/// Decodes a model type from canonical XML, led by the type: an element's text becomes a
/// string or a number when the type asks for one, an absent element is `nil`, and the children
/// of an array's container element are its entries, whatever their names.
struct XMLTreeDecoder: Decoder {
  let element: XMLElementTree
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    KeyedDecodingContainer(XMLKeyedContainer<Key>(element: element, codingPath: codingPath))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    XMLUnkeyedContainer(element: element, codingPath: codingPath)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    XMLSingleContainer(element: element, codingPath: codingPath)
  }
}

private func decodeText<T: Decodable>(
  _ type: T.Type, from element: XMLElementTree, codingPath: [any CodingKey]
) throws -> T {
  if !element.children.isEmpty, type is String.Type || type is Int.Type || type is Double.Type {
    throw DecodingError.typeMismatch(
      type,
      .init(
        codingPath: codingPath,
        debugDescription:
          "line \(element.line): <\(element.name)> has child elements, expected text"
      ))
  }
  let text = element.text
  func mismatch() -> DecodingError {
    DecodingError.dataCorrupted(
      .init(
        codingPath: codingPath,
        debugDescription: "line \(element.line): '\(text)' in <\(element.name)> is not a \(type)"))
  }
  switch type {
  case is String.Type:
    if let value = text as? T { return value }
  case is Int.Type:
    guard let value = Int(text) else { throw mismatch() }
    if let value = value as? T { return value }
  case is Int64.Type:
    guard let value = Int64(text) else { throw mismatch() }
    if let value = value as? T { return value }
  case is Double.Type:
    guard let value = Double(text), value.isFinite else { throw mismatch() }
    if let value = value as? T { return value }
  case is Bool.Type:
    guard text == "true" || text == "false" else { throw mismatch() }
    if let value = (text == "true") as? T { return value }
  default:
    return try T(from: XMLTreeDecoder(element: element, codingPath: codingPath))
  }
  throw mismatch()
}

private struct XMLKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let element: XMLElementTree
  let codingPath: [any CodingKey]

  var allKeys: [Key] { element.children.compactMap { Key(stringValue: $0.name) } }

  func child(_ key: Key) throws -> XMLElementTree {
    guard let child = element.children.first(where: { $0.name == key.stringValue }) else {
      throw DecodingError.keyNotFound(
        key,
        .init(
          codingPath: codingPath,
          debugDescription: "line \(element.line): <\(element.name)> has no <\(key.stringValue)>"))
    }
    return child
  }

  func contains(_ key: Key) -> Bool { element.children.contains { $0.name == key.stringValue } }

  func decodeNil(forKey key: Key) throws -> Bool { !contains(key) }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try decodeText(type, from: child(key), codingPath: codingPath + [key])
  }

  func nestedContainer<NestedKey: CodingKey>(
    keyedBy type: NestedKey.Type, forKey key: Key
  ) throws -> KeyedDecodingContainer<NestedKey> {
    KeyedDecodingContainer(
      XMLKeyedContainer<NestedKey>(element: try child(key), codingPath: codingPath + [key]))
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    XMLUnkeyedContainer(element: try child(key), codingPath: codingPath + [key])
  }

  func superDecoder() throws -> any Decoder {
    XMLTreeDecoder(element: element, codingPath: codingPath)
  }

  func superDecoder(forKey key: Key) throws -> any Decoder {
    XMLTreeDecoder(element: try child(key), codingPath: codingPath + [key])
  }
}

private struct EntryKey: CodingKey {
  let intValue: Int?
  var stringValue: String { String(intValue ?? 0) }
  init(_ index: Int) { intValue = index }
  init?(stringValue: String) { nil }
  init?(intValue: Int) { self.intValue = intValue }
}

private struct XMLUnkeyedContainer: UnkeyedDecodingContainer {
  let element: XMLElementTree
  let codingPath: [any CodingKey]
  var currentIndex = 0

  init(element: XMLElementTree, codingPath: [any CodingKey]) {
    self.element = element
    self.codingPath = codingPath
  }

  var count: Int? { element.children.count }
  var isAtEnd: Bool { currentIndex >= element.children.count }

  mutating func next() throws -> (XMLElementTree, [any CodingKey]) {
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(
        XMLElementTree.self,
        .init(codingPath: codingPath, debugDescription: "no more entries in <\(element.name)>"))
    }
    defer { currentIndex += 1 }
    return (element.children[currentIndex], codingPath + [EntryKey(currentIndex)])
  }

  mutating func decodeNil() throws -> Bool { false }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    let (child, path) = try next()
    return try decodeText(type, from: child, codingPath: path)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy type: NestedKey.Type
  ) throws -> KeyedDecodingContainer<NestedKey> {
    let (child, path) = try next()
    return KeyedDecodingContainer(XMLKeyedContainer<NestedKey>(element: child, codingPath: path))
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    let (child, path) = try next()
    return XMLUnkeyedContainer(element: child, codingPath: path)
  }

  mutating func superDecoder() throws -> any Decoder {
    let (child, path) = try next()
    return XMLTreeDecoder(element: child, codingPath: path)
  }
}

private struct XMLSingleContainer: SingleValueDecodingContainer {
  let element: XMLElementTree
  let codingPath: [any CodingKey]

  func decodeNil() -> Bool { false }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try decodeText(type, from: element, codingPath: codingPath)
  }
}
