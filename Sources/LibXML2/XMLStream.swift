import CLibXML2

/// Reads a document as a stream of events, without building its tree: for parts too large to
/// hold as a DOM (a worksheet of 50 MB), in constant memory beyond the bytes themselves.
///
/// libxml2's SAX2 parser calls back for each element and each run of text; the events hand
/// over libxml2's own bytes (valid only during the call), so a sheet's millions of cells cost
/// no string unless the reader keeps one. The policy is `XMLTree`'s: no network, no entity
/// substitution, a DOCTYPE refused (before reading, and by the parser should one slip past),
/// errors collected for this read only.
public enum XMLStream {
  /// What the reader meets, in document order.
  public enum Event {
    /// An element starts: its local name and its attributes by local name. An empty element
    /// (`<c/>`) is a start followed at once by its end.
    case start(name: Bytes, attributes: Attributes)
    /// An element ends.
    case end(name: Bytes)
    /// Character data inside the current element (a text may come in several events).
    case text(Bytes)
  }

  /// UTF-8 bytes of the document being read: a name, a value or a text, valid only during the
  /// event that hands them over.
  public struct Bytes: CustomStringConvertible {
    public let buffer: UnsafeBufferPointer<UInt8>

    public init(buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

    /// The bytes as a string (libxml2 hands over only well-formed UTF-8).
    public var string: String { String(decoding: buffer, as: UTF8.self) }

    public var description: String { string }

    /// The bytes read as a decimal integer (an optional `-`, then digits), or nil.
    public var integer: Int? {
      var index = 0
      let negative = buffer.first == UInt8(ascii: "-")
      if negative { index = 1 }
      guard index < buffer.count else { return nil }
      var value = 0
      while index < buffer.count {
        let digit = Int(buffer[index]) - 48
        guard digit >= 0 && digit <= 9 else { return nil }
        let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
        let (sum, overflowSum) = times.addingReportingOverflow(digit)
        guard !overflowTimes && !overflowSum else { return nil }
        value = sum
        index += 1
      }
      return negative ? -value : value
    }

    /// The bytes of a NUL-terminated name.
    static func ofName(_ name: UnsafePointer<UInt8>) -> Bytes {
      var count = 0
      while name[count] != 0 { count += 1 }
      return Bytes(buffer: UnsafeBufferPointer(start: name, count: count))
    }

    /// Whether the bytes are `text`'s.
    public static func == (lhs: Bytes, rhs: StaticString) -> Bool {
      let count = rhs.utf8CodeUnitCount
      guard lhs.buffer.count == count else { return false }
      guard let bytes = lhs.buffer.baseAddress else { return count == 0 }
      let text = rhs.utf8Start
      for index in 0..<count where bytes[index] != text[index] { return false }
      return true
    }

    /// Matches a name in a `switch`: `case "row":`.
    public static func ~= (pattern: StaticString, value: Bytes) -> Bool { value == pattern }
  }

  /// An element's attributes by local name, in document order, as libxml2 holds them (no copy:
  /// a few pairs, searched in order).
  public struct Attributes {
    /// libxml2's array: five pointers per attribute (local name, prefix, URI, value, end).
    let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    public let count: Int

    /// The raw bytes of the attribute `name`'s value (an `&` in the document arrives as the
    /// reference `&#38;`, libxml2's way when entities are not substituted), or nil.
    public func bytes(_ name: StaticString) -> Bytes? {
      guard let base else { return nil }
      for index in 0..<count {
        let entry = base + 5 * index
        guard let localName = entry[0], let value = entry[3], let end = entry[4] else { continue }
        if Self.isName(localName, name) {
          return Bytes(buffer: UnsafeBufferPointer(start: value, count: end - value))
        }
      }
      return nil
    }

    /// Whether a NUL-terminated name is `name`.
    static func isName(_ candidate: UnsafePointer<UInt8>, _ name: StaticString) -> Bool {
      let expected = name.utf8Start
      let count = name.utf8CodeUnitCount
      for index in 0..<count where candidate[index] != expected[index] { return false }
      return candidate[count] == 0
    }

    /// The value of the attribute `name`, or nil.
    public subscript(name: StaticString) -> String? {
      bytes(name).map { Self.decoded($0.buffer) }
    }

    /// The value of the attribute `name` read as a decimal integer, or nil.
    public func integer(_ name: StaticString) -> Int? { bytes(name)?.integer }

    /// Every attribute, as strings.
    public var pairs: [(key: String, value: String)] {
      guard let base else { return [] }
      return (0..<count).compactMap { index in
        let entry = base + 5 * index
        guard let localName = entry[0], let value = entry[3], let end = entry[4] else {
          return nil
        }
        return (
          String(cString: localName),
          Self.decoded(UnsafeBufferPointer(start: value, count: end - value))
        )
      }
    }

    /// A value with libxml2's `&#38;` read back as `&` (every `&` of a value is written so).
    static func decoded(_ value: UnsafeBufferPointer<UInt8>) -> String {
      guard value.contains(UInt8(ascii: "&")) else { return String(decoding: value, as: UTF8.self) }
      let reference = Array("&#38;".utf8)
      var output: [UInt8] = []
      var index = 0
      while index < value.count {
        if value[index] == UInt8(ascii: "&"), index + 5 <= value.count,
          value[index..<index + 5].elementsEqual(reference)
        {
          output.append(UInt8(ascii: "&"))
          index += 5
        } else {
          output.append(value[index])
          index += 1
        }
      }
      return String(decoding: output, as: UTF8.self)
    }
  }

  /// Reads `bytes`, handing each event to `visit`; an error names the line where the document
  /// stops being well-formed, and an error `visit` throws stops the reading and is rethrown.
  public static func read(
    _ bytes: [UInt8], fileName: String, _ visit: (Event) throws -> Void
  ) throws -> Void {
    try XMLTree.admit(bytes)
    try withoutActuallyEscaping(visit) { visit in
      let reading = Reading(visit: visit)
      var handler = xmlSAXHandler()
      handler.initialized = XML_SAX2_MAGIC
      handler.startElementNs = startElement
      handler.endElementNs = endElement
      handler.characters = characters
      handler.ignorableWhitespace = characters
      handler.cdataBlock = characters
      handler.internalSubset = refuseDoctype
      handler.externalSubset = refuseDoctype
      let context = Unmanaged.passUnretained(reading).toOpaque()
      guard let parser = xmlCreatePushParserCtxt(&handler, context, nil, 0, fileName) else {
        throw XMLParseError(
          kind: .resources, line: 1, column: 1, message: "libxml2 could not start a parser")
      }
      defer { xmlFreeParserCtxt(parser) }
      reading.parser = parser
      xmlCtxtUseOptions(parser, XMLTree.parseOptions)
      bytes.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { chars in
          _ = xmlParseChunk(parser, chars.baseAddress, Int32(chars.count), 1)
        }
      }
      if let error = reading.error { throw error }
      if reading.doctypeLine > 0 {
        throw XMLParseError(
          kind: .doctype, line: reading.doctypeLine, column: 1,
          message: "the document declares a DOCTYPE")
      }
      guard parser.pointee.wellFormed != 0 else {
        let last = xmlCtxtGetLastError(parser)
        let message =
          last.flatMap { $0.pointee.message }.map { String(cString: $0) } ?? "not well-formed"
        let line = last.map { Int($0.pointee.line) } ?? 1
        throw XMLParseError(
          kind: XMLParseError.Kind(libxml2Message: message), line: max(line, 1),
          column: last.map { Int($0.pointee.int2) } ?? 0, message: message)
      }
    }
  }

  /// One read in progress: the visitor, and what stopped it.
  private final class Reading {
    let visit: (Event) throws -> Void
    var parser: xmlParserCtxtPtr?
    var error: (any Error)?
    var doctypeLine = 0

    init(visit: @escaping (Event) throws -> Void) { self.visit = visit }

    static func from(_ context: UnsafeMutableRawPointer?) -> Reading? {
      context.map { Unmanaged<Reading>.fromOpaque($0).takeUnretainedValue() }
    }

    func handle(_ event: Event) {
      guard error == nil else { return }
      do {
        try visit(event)
      } catch {
        self.error = error
        if let parser { xmlStopParser(parser) }
      }
    }
  }

  private static let startElement: startElementNsSAX2Func = {
    context, localName, _, _, _, _, attributeCount, _, attributes in
    guard let reading = Reading.from(context), let localName else { return }
    let name = Bytes.ofName(localName)
    reading.handle(
      .start(name: name, attributes: Attributes(base: attributes, count: Int(attributeCount))))
  }

  private static let endElement: endElementNsSAX2Func = { context, localName, _, _ in
    guard let reading = Reading.from(context), let localName else { return }
    reading.handle(
      .end(name: Bytes.ofName(localName)))
  }

  private static let characters: charactersSAXFunc = { context, text, length in
    guard let reading = Reading.from(context), let text, length > 0 else { return }
    reading.handle(.text(Bytes(buffer: UnsafeBufferPointer(start: text, count: Int(length)))))
  }

  private static let refuseDoctype: internalSubsetSAXFunc = { context, _, _, _ in
    guard let reading = Reading.from(context), let parser = reading.parser else { return }
    reading.doctypeLine = max(Int(xmlSAX2GetLineNumber(parser)), 1)
    xmlStopParser(parser)
  }
}
