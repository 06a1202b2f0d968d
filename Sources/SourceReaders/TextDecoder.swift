/// Bytes in a legacy encoding turned into text, and where bytes had to be replaced.
public struct DecodedText: Sendable {
  /// A byte sequence that did not decode and became U+FFFD (only with `lossy`).
  public struct Replacement: Sendable, Hashable {
    /// The byte offset in the source file.
    public var offset: Int
    /// The bytes, as the file has them.
    public var bytes: [UInt8]
    /// The UTF-8 offset of the U+FFFD in `text`.
    public var textOffset: Int
  }

  /// The text, as UTF-8, without a byte order mark.
  public var text: [UInt8]
  /// The encoding it was decoded with.
  public var encoding: TextEncoding
  /// Whether the encoding was detected rather than given.
  public var detected: Bool
  /// The replaced byte sequences, in order.
  public var replacements: [Replacement]
}

/// Decodes the encodings of `TextEncoding`, and detects which one a file is in.
///
/// Detection: a byte order mark decides; otherwise UTF-16 shows in the NULs of its ASCII
/// characters (tabs, digits, line ends); otherwise valid UTF-8 is UTF-8; otherwise CP932 and
/// EUC-JP are both tried and the one that decodes (with more kana and kanji, if both do) wins.
public enum TextDecoder {
  /// Decodes `bytes`, in `encoding` or the one detected.
  ///
  /// A byte sequence that does not decode is an error naming its byte offset and the encoding,
  /// unless `lossy`: then it becomes U+FFFD and is listed in `replacements`.
  public static func decode(
    _ bytes: [UInt8], encoding: TextEncoding? = nil, lossy: Bool = false, fileName: String
  ) throws(SourceReadError) -> DecodedText {
    if let encoding {
      return try decode(bytes, as: encoding, lossy: lossy, detected: false, fileName: fileName)
    }
    if let byBOM = byteOrderMark(bytes) ?? utf16ByNULs(bytes) {
      return try decode(bytes, as: byBOM, lossy: lossy, detected: true, fileName: fileName)
    }
    if let valid = validUTF8(withoutBOM(bytes)) {
      return DecodedText(text: valid, encoding: .utf8, detected: true, replacements: [])
    }
    // UTF-8 with a few broken bytes is broken UTF-8, not Shift_JIS: read as CP932 it could
    // decode throughout, into nonsense, without a single error.
    // A sample decides; the file's first 64 KB.
    let sample = attempt(Array(bytes.prefix(65536)), as: .utf8, lossy: true)
    let characters = sample.text.reduce(0) { $0 + ($1 >= 0xC0 ? 1 : 0) }
    if sample.replacements.count * 20 < characters - sample.replacements.count {
      return try decode(bytes, as: .utf8, lossy: lossy, detected: true, fileName: fileName)
    }
    let attempts = [TextEncoding.cp932, .eucJP].map { encoding in
      (encoding, attempt(bytes, as: encoding, lossy: false))
    }
    let clean = attempts.filter { $0.1.replacements.isEmpty }
    if let best = clean.max(by: { japaneseScore($0.1.text) < japaneseScore($1.1.text) }) {
      return DecodedText(
        text: best.1.text, encoding: best.0, detected: true, replacements: [])
    }
    if lossy {
      let candidates = [TextEncoding.cp932, .eucJP].map { encoding in
        (encoding, attempt(bytes, as: encoding, lossy: true))
      }
      // The encoding that needs the fewest replacements, then the most Japanese.
      let best = candidates.dropFirst().reduce(candidates[0]) { best, next in
        (next.1.replacements.count, -japaneseScore(next.1.text))
          < (best.1.replacements.count, -japaneseScore(best.1.text)) ? next : best
      }
      let asUTF8 = attempt(bytes, as: .utf8, lossy: true)
      if asUTF8.replacements.count <= best.1.replacements.count {
        return DecodedText(
          text: asUTF8.text, encoding: .utf8, detected: true, replacements: asUTF8.replacements)
      }
      return DecodedText(
        text: best.1.text, encoding: best.0, detected: true, replacements: best.1.replacements)
    }
    var utf8 = UTF8Check()
    let failure = utf8.check(bytes) ?? utf8.finish()
    // Where each encoding first fails: the one that reads furthest is most likely the file's,
    // and its first bad byte the one to look at (not the first byte that is not UTF-8).
    var stops = [(name: "UTF-8", offset: failure?.offset ?? 0)]
    for (encoding, decoded) in attempts {
      stops.append((encoding.rawValue, decoded.replacements.first?.offset ?? 0))
    }
    let furthest = stops.max { $0.offset < $1.offset } ?? stops[0]
    let listed = stops.map { "\($0.name) at byte \($0.offset)" }.joined(separator: ", ")
    throw SourceReadError(
      file: fileName, offset: furthest.offset,
      message:
        "the file is not UTF-8 (\(failure?.reason ?? "invalid")), nor UTF-16, CP932 or EUC-JP "
        + "throughout (each stops: \(listed); the byte offset is where \(furthest.name), which "
        + "reads furthest, stops); name its encoding with --encoding "
        + "(\(TextEncoding.acceptedNames)), or pass --lossy to replace the bytes that do not "
        + "decode (each replacement is a warning)")
  }

  // MARK: - Detection

  private static func withoutBOM(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
    bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
  }

  /// The bytes, when they are UTF-8 throughout.
  ///
  /// The standard library validates (it is fast, and stays fast in a debug build, where a
  /// 100 MB export took 40 s through `UTF8Check`); `UTF8Check` then only locates what is wrong.
  private static func validUTF8(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
    String(validating: bytes, as: UTF8.self).map { Array($0.utf8) }
  }

  private static func byteOrderMark(_ bytes: [UInt8]) -> TextEncoding? {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
    if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LittleEndian }
    if bytes.starts(with: [0xFE, 0xFF]) { return .utf16BigEndian }
    return nil
  }

  /// UTF-16 without a BOM: NULs in one byte of many pairs, almost none in the other.
  private static func utf16ByNULs(_ bytes: [UInt8]) -> TextEncoding? {
    let sample = bytes.prefix(8192)
    guard sample.count >= 4 else { return nil }
    var even = 0
    var odd = 0
    for (index, byte) in sample.enumerated() where byte == 0 {
      if index % 2 == 0 { even += 1 } else { odd += 1 }
    }
    let pairs = sample.count / 2
    if odd * 10 >= pairs && even * 100 <= pairs { return .utf16LittleEndian }
    if even * 10 >= pairs && odd * 100 <= pairs { return .utf16BigEndian }
    return nil
  }

  /// Kana and kanji in UTF-8 text: three-byte sequences that start with 0xE3-0xE9.
  private static func japaneseScore(_ utf8: [UInt8]) -> Int {
    var score = 0
    for byte in utf8 where byte >= 0xE3 && byte <= 0xE9 { score += 1 }
    return score
  }

  // MARK: - Decoding

  private static func decode(
    _ bytes: [UInt8], as encoding: TextEncoding, lossy: Bool, detected: Bool, fileName: String
  ) throws(SourceReadError) -> DecodedText {
    let result = attempt(bytes, as: encoding, lossy: lossy)
    if !lossy, let first = result.replacements.first {
      let shown = first.bytes.map(hexByte).joined(separator: " ")
      throw SourceReadError(
        file: fileName, offset: first.offset,
        message:
          "\(shown) does not decode as \(encoding.rawValue)"
          + (detected ? " (detected)" : "")
          + "; name the file's encoding with --encoding (\(TextEncoding.acceptedNames)), or pass "
          + "--lossy to replace what does not decode (each replacement is a warning)")
    }
    return DecodedText(
      text: result.text, encoding: encoding, detected: detected,
      replacements: result.replacements)
  }

  /// Decodes, replacing what does not decode: throughout when `lossy`, otherwise stopping at
  /// the first replacement (which the caller reports).
  static func attempt(_ bytes: [UInt8], as encoding: TextEncoding, lossy: Bool) -> (
    text: [UInt8], replacements: [DecodedText.Replacement]
  ) {
    if encoding == .utf8 {
      let body = withoutBOM(bytes)
      if let valid = validUTF8(body) { return (valid, []) }
      let repaired = UTF8Check.repairUTF8(body)
      let start = bytes.count - body.count
      let replaced = repaired.replaced.prefix(lossy ? Int.max : 1).map { part in
        DecodedText.Replacement(
          offset: start + part.offset,
          bytes: Array(body[(body.startIndex + part.offset)...].prefix(part.length)),
          textOffset: part.textOffset)
      }
      return (repaired.utf8, replaced)
    }
    var output = UTF8Output(stopsAtFirstReplacement: !lossy)
    output.bytes.reserveCapacity(bytes.count + bytes.count / 2)
    switch encoding {
    case .utf8:
      break  // above
    case .utf16LittleEndian, .utf16BigEndian:
      decodeUTF16(bytes, littleEndian: encoding == .utf16LittleEndian, into: &output)
    case .cp932:
      decodeCP932(bytes, into: &output)
    case .eucJP:
      decodeEUCJP(bytes, into: &output)
    }
    return (output.bytes, output.replacements)
  }

  private static func decodeUTF16(
    _ bytes: [UInt8], littleEndian: Bool, into output: inout UTF8Output
  ) {
    var index = 0
    if bytes.count >= 2
      && ((littleEndian && bytes[0] == 0xFF && bytes[1] == 0xFE)
        || (!littleEndian && bytes[0] == 0xFE && bytes[1] == 0xFF))
    {
      index = 2
    }
    func unit(_ at: Int) -> UInt32 {
      littleEndian
        ? UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8
        : UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1])
    }
    while index < bytes.count && !output.stopped {
      guard index + 1 < bytes.count else {
        output.replace(offset: index, bytes: [bytes[index]])
        break
      }
      let first = unit(index)
      if first >= 0xD800 && first <= 0xDBFF {
        if index + 3 < bytes.count {
          let second = unit(index + 2)
          if second >= 0xDC00 && second <= 0xDFFF {
            output.append(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            index += 4
            continue
          }
        }
        output.replace(offset: index, bytes: Array(bytes[index...index + 1]))
        index += 2
      } else if first >= 0xDC00 && first <= 0xDFFF {
        output.replace(offset: index, bytes: Array(bytes[index...index + 1]))
        index += 2
      } else {
        output.append(first)
        index += 2
      }
    }
  }

  private static let cp932Table: [UInt16] = table(PackageResources.cp932_bin)
  private static let eucJPTable: [UInt16] = table(PackageResources.eucjp_bin)

  private static func table(_ bytes: [UInt8]) -> [UInt16] {
    stride(from: 0, to: bytes.count - 1, by: 2).map {
      UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8
    }
  }

  private static func decodeCP932(_ bytes: [UInt8], into output: inout UTF8Output) {
    let table = cp932Table
    var index = 0
    while index < bytes.count && !output.stopped {
      let byte = bytes[index]
      switch byte {
      case 0x00...0x7F:
        output.append(UInt32(byte))
        index += 1
      case 0xA1...0xDF:
        output.append(0xFF61 + UInt32(byte - 0xA1))
        index += 1
      case 0x81...0x9F, 0xE0...0xFC:
        guard index + 1 < bytes.count else {
          output.replace(offset: index, bytes: [byte])
          index += 1
          continue
        }
        let trail = bytes[index + 1]
        let lead = Int(byte <= 0x9F ? byte - 0x81 : byte - 0xE0 + 31)
        if trail >= 0x40 && trail <= 0xFC, case let value = table[lead * 189 + Int(trail - 0x40)],
          value != 0
        {
          output.append(UInt32(value))
          index += 2
        } else {
          // The lead byte alone is the error; an ASCII trail byte starts over.
          let length = trail >= 0x40 && trail != 0x7F ? 2 : 1
          output.replace(offset: index, bytes: Array(bytes[index..<index + length]))
          index += length
        }
      default:
        output.replace(offset: index, bytes: [byte])
        index += 1
      }
    }
  }

  private static func decodeEUCJP(_ bytes: [UInt8], into output: inout UTF8Output) {
    let table = eucJPTable
    var index = 0
    func isRowByte(_ at: Int) -> Bool {
      at < bytes.count && bytes[at] >= 0xA1 && bytes[at] <= 0xFE
    }
    while index < bytes.count && !output.stopped {
      let byte = bytes[index]
      if byte < 0x80 {
        output.append(UInt32(byte))
        index += 1
      } else if byte == 0x8E, index + 1 < bytes.count, (0xA1...0xDF).contains(bytes[index + 1]) {
        output.append(0xFF61 + UInt32(bytes[index + 1] - 0xA1))
        index += 2
      } else if byte == 0x8F, isRowByte(index + 1), isRowByte(index + 2) {
        let value = table[
          94 * 94 + Int(bytes[index + 1] - 0xA1) * 94 + Int(bytes[index + 2] - 0xA1)]
        if value != 0 {
          output.append(UInt32(value))
        } else {
          output.replace(offset: index, bytes: Array(bytes[index...index + 2]))
        }
        index += 3
      } else if isRowByte(index), isRowByte(index + 1) {
        let value = table[Int(byte - 0xA1) * 94 + Int(bytes[index + 1] - 0xA1)]
        if value != 0 {
          output.append(UInt32(value))
        } else {
          output.replace(offset: index, bytes: Array(bytes[index...index + 1]))
        }
        index += 2
      } else {
        output.replace(offset: index, bytes: [byte])
        index += 1
      }
    }
  }
}

/// UTF-8 written scalar by scalar, with the replacements made on the way.
private struct UTF8Output {
  var bytes: [UInt8] = []
  var replacements: [DecodedText.Replacement] = []
  /// Whether decoding ends at the first replacement (when it is an error anyway).
  let stopsAtFirstReplacement: Bool
  var stopped: Bool { stopsAtFirstReplacement && !replacements.isEmpty }

  /// Appends a scalar value (never a surrogate: the decoders pair or replace those).
  mutating func append(_ value: UInt32) {
    switch value {
    case 0..<0x80:
      bytes.append(UInt8(value))
    case 0x80..<0x800:
      bytes.append(UInt8(0xC0 | value >> 6))
      bytes.append(UInt8(0x80 | value & 0x3F))
    case 0x800..<0x10000:
      bytes.append(UInt8(0xE0 | value >> 12))
      bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
      bytes.append(UInt8(0x80 | value & 0x3F))
    default:
      bytes.append(UInt8(0xF0 | value >> 18))
      bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
      bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
      bytes.append(UInt8(0x80 | value & 0x3F))
    }
  }

  mutating func replace(offset: Int, bytes source: [UInt8]) {
    replacements.append(
      DecodedText.Replacement(offset: offset, bytes: source, textOffset: bytes.count))
    bytes += [0xEF, 0xBF, 0xBD]
  }
}
