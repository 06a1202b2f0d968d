/// Folds text that arrives in chunks, in constant memory, with the same result as folding it
/// whole.
///
/// The folder looks one scalar back (is the previous one a digit or katakana?) and one ahead
/// (a digit, a voiced mark). A chunk is therefore folded only up to a place where neither look
/// can differ (see `safeCut(in:)`); the rest waits for the next chunk. Should no such place come
/// within `maximumCarry` bytes (a megabyte of nothing but digits, dashes and full-width forms),
/// the stream folds up to the last complete scalar instead, and a rule at that one seam may read
/// its context differently.
public struct WidthFoldingStream {
  /// The options every chunk is folded with.
  public let options: WidthOptions
  /// How many bytes may wait for a safe place before the stream cuts at a scalar boundary.
  public let maximumCarry: Int
  private var pending: [UInt8] = []

  public init(options: WidthOptions = .standard, maximumCarry: Int = 1 << 20) {
    self.options = options
    self.maximumCarry = max(maximumCarry, 16)
  }

  /// Adds a chunk (valid UTF-8, cut anywhere) and returns the folded text that is now final.
  public mutating func fold(_ chunk: some Collection<UInt8>) -> [UInt8] {
    pending.append(contentsOf: chunk)
    var cut = Self.safeCut(in: pending)
    if cut == 0 && pending.count > maximumCarry {
      cut = Self.scalarBoundary(in: pending)
    }
    guard cut > 0 else { return [] }
    let result = Self.foldBytes(pending[..<cut], options: options)
    pending.removeFirst(cut)
    return result
  }

  /// Folds whatever is still waiting; call once at the end of the input.
  public mutating func finish() -> [UInt8] {
    defer { pending.removeAll() }
    return Self.foldBytes(pending[...], options: options)
  }

  private static func foldBytes(_ bytes: ArraySlice<UInt8>, options: WidthOptions) -> [UInt8] {
    guard !bytes.isEmpty else { return [] }
    return bytes.withUnsafeBufferPointer { input in
      [UInt8](unsafeUninitializedCapacity: input.count) { output, initialized in
        guard let base = output.baseAddress else { return }
        initialized = JapaneseWidth.fold(utf8: input, into: base, options: options)
      }
    }
  }

  /// The last index before which the text can be folded without knowing what follows, or 0.
  ///
  /// Safe is the start of a scalar that is neither looked at as "next" (a digit, a voiced mark)
  /// nor folded by what comes before it (a dash, ー, full-width ASCII): an ASCII non-digit, kana,
  /// kanji, punctuation and nearly everything else.
  static func safeCut(in bytes: [UInt8]) -> Int {
    var index = bytes.count - 1
    while index > 0 {
      let lead = bytes[index]
      switch lead {
      case 0x00..<0x80:
        if lead &- 0x30 >= 10 { return index }
      case 0xC2...0xDF, 0xF0...0xF4:
        return index
      case 0xE0...0xEE:
        guard index + 2 < bytes.count else { break }
        let second = bytes[index + 1]
        let third = bytes[index + 2]
        let isDash =
          lead == 0xE2
          && ((second == 0x80 && third &- 0x90 < 6) || (second == 0x88 && third == 0x92))
        let isLongVowel = lead == 0xE3 && second == 0x83 && third == 0xBC
        if !isDash && !isLongVowel { return index }
      default:
        break  // continuation bytes, EF (full-width and half-width forms)
      }
      index -= 1
    }
    return 0
  }

  /// The start of the last (possibly incomplete) scalar.
  static func scalarBoundary(in bytes: [UInt8]) -> Int {
    var index = bytes.count - 1
    while index > 0 && bytes[index] & 0xC0 == 0x80 { index -= 1 }
    return index
  }
}
