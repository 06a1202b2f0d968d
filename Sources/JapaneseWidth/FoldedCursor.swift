/// Reads scalars forward from a byte position in UTF-8 text, without allocating.
///
/// Scalars are folded (full-width digits and letters read as ASCII, 〜 and ～ as `~`). Tabs and
/// newlines end a cursor's view: a date never spans cells.
public struct FoldedCursor {
  /// The text.
  public let bytes: UnsafeBufferPointer<UInt8>
  /// The byte offset of the next scalar.
  public var position: Int

  @inlinable
  public init(bytes: UnsafeBufferPointer<UInt8>, position: Int) {
    self.bytes = bytes
    self.position = position
  }

  /// The scalar at `index` and its UTF-8 length; the text is valid UTF-8.
  @inlinable
  public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
    let lead = UInt32(bytes[index])
    if lead < 0x80 { return (lead, 1) }
    let count = bytes.count
    if lead < 0xE0, index + 1 < count {
      return (((lead & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F), 2)
    }
    if lead < 0xF0, index + 2 < count {
      return (
        ((lead & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6)
          | (UInt32(bytes[index + 2]) & 0x3F), 3
      )
    }
    if index + 3 < count {
      return (
        ((lead & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12)
          | ((UInt32(bytes[index + 2]) & 0x3F) << 6) | (UInt32(bytes[index + 3]) & 0x3F), 4
      )
    }
    return (0xFFFD, 1)
  }

  /// The folded scalar `ahead` scalars on, or `nil` at the end of the text or of the cell.
  @inlinable
  public func peek(_ ahead: Int = 0) -> UInt32? {
    var index = position
    var remaining = ahead
    while index < bytes.count {
      let (value, length) = FoldedCursor.decode(bytes, at: index)
      if value == 0x0A || value == 0x09 || value == 0x0D { return nil }
      if remaining == 0 { return JapaneseWidth.foldScalar(value) }
      remaining -= 1
      index += length
    }
    return nil
  }

  @inlinable
  public mutating func advance() {
    guard position < bytes.count else { return }
    position += FoldedCursor.decode(bytes, at: position).1
  }

  /// Consumes the (folded) scalar `value` if it is next.
  @inlinable
  public mutating func take(scalar value: UInt32) -> Bool {
    guard peek() == value else { return false }
    advance()
    return true
  }

  /// Consumes `scalars` if they are next.
  @inlinable
  public mutating func take(scalars: [UInt32]) -> Bool {
    var probe = self
    for scalar in scalars {
      guard probe.peek() == scalar else { return false }
      probe.advance()
    }
    self = probe
    return true
  }

  /// Consumes `text` if its UTF-8 bytes are next.
  ///
  /// A byte comparison for the Japanese words of the grammar (年度, 現在, まで …), which the
  /// fold never changes; a one-byte ASCII mark (`~` `.` `/`) is compared folded, so that ～
  /// and 〜 match `~`.
  @inlinable
  public mutating func take(_ text: StaticString) -> Bool {
    let length = text.utf8CodeUnitCount
    if length == 1 { return take(scalar: UInt32(text.utf8Start[0])) }
    guard position + length <= bytes.count else { return false }
    let literal = text.utf8Start
    for offset in 0..<length where bytes[position + offset] != literal[offset] { return false }
    position += length
    return true
  }

  /// Consumes one to `maximum` ASCII digits and returns their value.
  @inlinable
  public mutating func number(maximum: Int = 2) -> (value: Int, digits: Int)? {
    var value = 0
    var digits = 0
    while digits < maximum, let next = peek(), next >= 0x30, next <= 0x39 {
      value = value * 10 + Int(next - 0x30)
      digits += 1
      advance()
    }
    if let next = peek(), next >= 0x30, next <= 0x39 { return nil }  // too many digits
    return digits > 0 ? (value, digits) : nil
  }

  /// Consumes a kanji numeral (二, 十二, 二〇二五) and returns its value.
  @inlinable
  public mutating func kanjiNumber() -> Int? {
    var scalars: [UInt32] = []
    while let next = peek(), KanjiNumeral.isNumeral(next), scalars.count < 6 {
      scalars.append(next)
      advance()
    }
    return KanjiNumeral.value(of: scalars)
  }

  /// The folded scalar that ends just before byte `index` (which must be above 0).
  @inlinable
  public static func previousScalar(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int)
    -> UInt32
  {
    var start = index - 1
    while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return JapaneseWidth.foldScalar(FoldedCursor.decode(bytes, at: start).0)
  }

  /// Steps through UTF-8 text scalar by scalar, for the extractors' trigger scans.
  ///
  /// ASCII scalars are always visited; a three-byte scalar only when `decodesLead` accepts its
  /// lead byte (the others, and two- and four-byte scalars, are stepped over undecoded, which is
  /// what keeps the scans fast). `visit` gets the byte index, the folded scalar and its length,
  /// and returns where to go on from (past a match), or `nil` to step to the next scalar.
  @inlinable
  public static func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, decodesLead: (UInt8) -> Bool,
    visit: (_ index: Int, _ scalar: UInt32, _ length: Int) -> Int?
  ) {
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      var length = 1
      var scalar = UInt32(lead)
      if lead >= 0x80 {
        if lead < 0xE0 {
          index += 2
          continue
        }
        if lead >= 0xF0 {
          index += 4
          continue
        }
        guard decodesLead(lead) else {
          index += 3
          continue
        }
        (scalar, length) = decode(bytes, at: index)
        scalar = JapaneseWidth.foldScalar(scalar)
      }
      index = visit(index, scalar, length) ?? index + length
    }
  }
}
