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
  public mutating func check(_ chunk: some Collection<UInt8>) -> Failure? {
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
          return Failure(offset: consumed, reason: "byte 0x\(hex(byte)) cannot start a character")
        }
        continue
      }
      guard byte >= lowerBound && byte <= upperBound else {
        return Failure(
          offset: consumed,
          reason: "byte 0x\(hex(byte)) breaks the character that starts at byte \(sequenceStart)")
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

  private func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return digits.count == 1 ? "0" + digits : digits
  }

  /// Decodes `bytes`, replacing each maximal invalid subpart with U+FFFD (the practice the
  /// Unicode standard recommends), and returns the text and the offsets of the replacements.
  ///
  /// One checker is fed a character's bytes one by one: a complete character is kept; the valid
  /// prefix before a byte that breaks it becomes one U+FFFD (the breaking byte starts over), and
  /// a byte that cannot start a character becomes one U+FFFD by itself.
  public static func repair(_ bytes: some Collection<UInt8>) -> (text: String, replaced: [Int]) {
    let input = Array(bytes)
    var scalars = String.UnicodeScalarView()
    var replaced: [Int] = []
    var index = 0
    while index < input.count {
      var check = UTF8Check()
      var end = index
      var broken = false
      repeat {
        if check.check(input[end...end]) != nil {
          broken = true
          break
        }
        end += 1
      } while !check.isComplete && end < input.count
      if !broken && check.isComplete {
        scalars.append(
          contentsOf: String(decoding: input[index..<end], as: UTF8.self).unicodeScalars)
        index = end
      } else {
        replaced.append(index)
        scalars.append("\u{FFFD}")
        index = max(end, index + 1)
      }
    }
    return (String(scalars), replaced)
  }

  /// Whether the bytes checked so far end on a character boundary.
  public var isComplete: Bool { needed == 0 }
}
