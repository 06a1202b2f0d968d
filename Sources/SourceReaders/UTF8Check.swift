/// Checks UTF-8 as it streams past, and finds the byte offset of the first invalid byte.
///
/// Overlong forms, surrogates and code points past U+10FFFF are invalid, as the standard says.
public struct UTF8Check: Sendable {
  /// Where the input stopped being UTF-8.
  public struct Failure: Error, Sendable {
    /// The byte offset of the first byte that is not UTF-8.
    public var offset: Int
    /// What is wrong with it.
    public var reason: String

    public init(offset: Int, reason: String) {
      self.offset = offset
      self.reason = reason
    }
  }

  private var needed = 0
  private var lowerBound: UInt8 = 0x80
  private var upperBound: UInt8 = 0xBF
  private var sequenceStart = 0
  /// How many bytes have been checked.
  public private(set) var consumed = 0

  public init() {}

  /// Checks the next chunk; returns the first failure in it, if any.
  ///
  /// A chunk in contiguous memory that starts on a character boundary is validated at the
  /// standard library's speed up to its last character boundary; only its last character, and
  /// a chunk found invalid, go byte by byte (which locates the failure).
  public mutating func check(_ chunk: some Collection<UInt8>) -> Failure? {
    if let outcome = chunk.withContiguousStorageIfAvailable({ checkContiguous($0) }) {
      return outcome
    }
    return checkBytes(chunk)
  }

  private mutating func checkContiguous(_ buffer: UnsafeBufferPointer<UInt8>) -> Failure? {
    // First the end of a character the last chunk left unfinished, byte by byte.
    var start = 0
    while needed > 0 && start < buffer.count {
      if let failure = checkBytes(UnsafeBufferPointer(rebasing: buffer[start..<start + 1])) {
        return failure
      }
      start += 1
    }
    let rest = UnsafeBufferPointer(rebasing: buffer[start...])
    let valid = Self.validPrefix(rest)
    consumed += valid
    return checkBytes(UnsafeBufferPointer(rebasing: rest[valid...]))
  }

  /// How many bytes from the start of `buffer` are whole, valid characters, when all of them
  /// but the last (possibly unfinished) character are; 0 otherwise.
  static func validPrefix(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
    var cut = buffer.count
    var index = buffer.count - 1
    while index >= 0 && buffer.count - index <= 4 && buffer[index] & 0xC0 == 0x80 { index -= 1 }
    if index >= 0 && buffer[index] >= 0xC0 { cut = index }
    guard cut > 0 else { return 0 }
    return String(validating: UnsafeBufferPointer(rebasing: buffer[..<cut]), as: UTF8.self) == nil
      ? 0 : cut
  }

  private mutating func checkBytes(_ chunk: some Collection<UInt8>) -> Failure? {
    for byte in chunk {
      defer { consumed += 1 }
      if needed == 0 {
        sequenceStart = consumed
        switch byte {
        case 0x00...0x7F: continue
        case 0xC2...0xDF: needed = 1
        case 0xE0:
          needed = 2
          lowerBound = 0xA0
        case 0xED:
          needed = 2
          upperBound = 0x9F
        case 0xE1...0xEC, 0xEE...0xEF: needed = 2
        case 0xF0:
          needed = 3
          lowerBound = 0x90
        case 0xF1...0xF3: needed = 3
        case 0xF4:
          needed = 3
          upperBound = 0x8F
        default:
          return Failure(offset: consumed, reason: "byte \(hexByte(byte)) cannot start a character")
        }
        continue
      }
      guard byte >= lowerBound && byte <= upperBound else {
        return Failure(
          offset: consumed,
          reason: "byte \(hexByte(byte)) breaks the character that starts at byte \(sequenceStart)")
      }
      lowerBound = 0x80
      upperBound = 0xBF
      needed -= 1
    }
    return nil
  }

  /// Checks that the input did not end inside a character.
  public func finish() -> Failure? {
    needed == 0
      ? nil
      : Failure(offset: sequenceStart, reason: "the input ends inside the character at this byte")
  }

  /// Decodes `bytes`, replacing each maximal invalid subpart with U+FFFD (the practice the
  /// Unicode standard recommends), and returns the text and the offsets of the replacements.
  public static func repair(_ bytes: some Collection<UInt8>) -> (text: String, replaced: [Int]) {
    let repaired = repairUTF8(bytes)
    return (String(decoding: repaired.utf8, as: UTF8.self), repaired.replaced.map(\.offset))
  }

  /// `repair` as UTF-8 bytes, with each replaced subpart's offset and length in the input and
  /// the offset of its U+FFFD in the output.
  ///
  /// The checker runs over the input as it does for validation; where it fails, the bytes of
  /// the character it was in become one U+FFFD (the byte that broke the character starts over;
  /// a byte that cannot start a character is replaced by itself), and checking resumes after.
  public static func repairUTF8(_ bytes: some Collection<UInt8>) -> (
    utf8: [UInt8], replaced: [(offset: Int, length: Int, textOffset: Int)]
  ) {
    let input = Array(bytes)
    var output: [UInt8] = []
    output.reserveCapacity(input.count)
    var replaced: [(offset: Int, length: Int, textOffset: Int)] = []
    var index = 0
    while index < input.count {
      var check = UTF8Check()
      let failure = check.check(input[index...])
      let ending = failure == nil ? check.finish() : nil
      guard failure != nil || ending != nil else {
        output += input[index...]
        break
      }
      let start = index + check.sequenceStart
      let end: Int
      if let failure {
        let bad = index + failure.offset
        end = bad > start ? bad : bad + 1
      } else {
        end = input.count
      }
      output += input[index..<start]
      replaced.append((start, end - start, output.count))
      output += [0xEF, 0xBF, 0xBD]
      index = end
    }
    return (output, replaced)
  }

  /// Whether the bytes checked so far end on a character boundary.
  public var isComplete: Bool { needed == 0 }
}

/// A byte as `0xFF`, for messages.
func hexByte(_ byte: UInt8) -> String {
  let digits = String(byte, radix: 16, uppercase: true)
  return "0x" + (digits.count == 1 ? "0" + digits : digits)
}
