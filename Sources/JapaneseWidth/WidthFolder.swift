/// The folding loop itself.
///
/// Only three lead bytes can start a sequence that changes: E2 (dashes), E3 (U+3000, 〜, ー)
/// and EF (full-width ASCII, half-width katakana). The loop steps over whole scalars by their
/// lead byte, and copies each untouched run in one block copy.
enum WidthFolder {
  private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
  private static let ones: UInt64 = 0x0101_0101_0101_0101

  /// The high bit of every byte of `word` that equals `byte`, exactly (no carries between bytes).
  @inline(__always)
  static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let difference = word ^ (ones &* UInt64(byte))
    return ~(((difference & low7) &+ low7) | difference | low7)
  }

  /// The high bit of every byte that starts a sequence a rule may change.
  ///
  /// That is U+3000, 〜 and ー (E3 80 80, E3 80 9C, E3 83 BC), dashes (E2 80 xx, E2 88 xx: a superset, checked again
  /// on the slow path), and full-width ASCII and half-width katakana (EF BC…BE xx).
  /// `next` and `afterNext` are the same bytes shifted by one and two. Little-endian words.
  @inline(__always)
  static func mayChange(_ bytes: UInt64, _ next: UInt64, _ afterNext: UInt64) -> UInt64 {
    let e3 =
      equal(bytes, 0xE3)
      & ((equal(next, 0x80) & (equal(afterNext, 0x80) | equal(afterNext, 0x9C)))
        | (equal(next, 0x83) & equal(afterNext, 0xBC)))
    let e2 = equal(bytes, 0xE2) & (equal(next, 0x80) | equal(next, 0x88))
    let ef = equal(bytes, 0xEF) & (equal(next, 0xBC) | equal(next, 0xBD) | equal(next, 0xBE))
    return e3 | e2 | ef
  }

  /// The same test for one position, for the last bytes of the input.
  @inline(__always)
  static func mayChange(at index: Int, source: UnsafePointer<UInt8>, count: Int) -> Bool {
    let lead = source[index]
    guard lead == 0xE2 || lead == 0xE3 || lead == 0xEF else { return false }
    guard index + 2 < count else { return true }
    let next = source[index + 1]
    let afterNext = source[index + 2]
    switch lead {
    case 0xE3:
      return (next == 0x80 && (afterNext == 0x80 || afterNext == 0x9C))
        || (next == 0x83 && afterNext == 0xBC)
    case 0xE2:
      return next == 0x80 || next == 0x88
    default:
      return next &- 0xBC < 3
    }
  }

  static func run<Sink: ChangeSink>(
    _ input: UnsafeBufferPointer<UInt8>, _ output: UnsafeMutablePointer<UInt8>,
    _ options: WidthOptions, _ sink: inout Sink
  ) -> Int {
    guard let source = input.baseAddress else { return 0 }
    var state = FoldState(source: source, count: input.count, output: output)
    var runStart = 0
    let raw = UnsafeRawPointer(source)
    while state.i < state.count {
      // Fast path: 8 bytes at a time while none of them starts a sequence that may change.
      // E2, E3 and EF are lead bytes only (never continuation bytes), so a hit in byte k is
      // the start of a scalar.
      if state.i + 10 <= state.count {
        let hits = Self.mayChange(
          raw.loadUnaligned(fromByteOffset: state.i, as: UInt64.self),
          raw.loadUnaligned(fromByteOffset: state.i + 1, as: UInt64.self),
          raw.loadUnaligned(fromByteOffset: state.i + 2, as: UInt64.self))
        guard hits != 0 else {
          state.i &+= 8
          continue
        }
        state.i &+= (UInt64(littleEndian: hits).trailingZeroBitCount) >> 3
      } else if !Self.mayChange(at: state.i, source: source, count: state.count) {
        state.i &+= 1
        continue
      }
      guard state.i + 2 < state.count else {
        break  // an incomplete sequence at the very end is copied as it is, below
      }
      // A sequence that may change: flush the untouched run first.
      state.copy(from: runStart, to: state.i)
      let lead = source[state.i]
      if !state.foldSpecial(lead: lead, second: source[state.i + 1], options: options, sink: &sink)
      {
        state.copy(from: state.i, to: state.i + 3)
        state.i += 3
      }
      runStart = state.i
    }
    state.copy(from: runStart, to: state.count)
    return state.o
  }
}

/// The cursor of one fold: where it reads, where it writes.
struct FoldState {
  let source: UnsafePointer<UInt8>
  let count: Int
  let output: UnsafeMutablePointer<UInt8>
  var i = 0
  var o = 0

  init(source: UnsafePointer<UInt8>, count: Int, output: UnsafeMutablePointer<UInt8>) {
    self.source = source
    self.count = count
    self.output = output
  }

  @inline(__always)
  mutating func copy(from start: Int, to end: Int) {
    let length = end - start
    guard length > 0 else { return }
    (output + o).update(from: source + start, count: length)
    o += length
  }

  @inline(__always)
  func previousIsDigit() -> Bool {
    o > 0 && output[o - 1] &- 0x30 < 10
  }

  /// Whether the last scalar written is katakana (U+30A1…U+30FA) or ー (U+30FC).
  @inline(__always)
  func previousIsKatakana() -> Bool {
    guard o >= 3, output[o - 3] == 0xE3 else { return false }
    let second = output[o - 2]
    let third = output[o - 1]
    return (second == 0x82 && third >= 0xA1) || (second == 0x83 && (third <= 0xBA || third == 0xBC))
  }

  @inline(__always)
  func previousIsLetterOrDigit() -> Bool {
    guard o > 0 else { return false }
    let byte = output[o - 1]
    return byte >= 0x80 || byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
  }

  /// Whether an ASCII or full-width (U+FF10…U+FF19) digit starts at `index`.
  @inline(__always)
  func digit(at index: Int) -> Bool {
    guard index < count else { return false }
    if source[index] &- 0x30 < 10 { return true }
    return index + 2 < count && source[index] == 0xEF && source[index + 1] == 0xBC
      && source[index + 2] &- 0x90 < 10
  }

  @inline(__always)
  mutating func write<Sink: ChangeSink>(
    ascii byte: UInt8, replacing length: Int, rule: WidthRule, sink: inout Sink
  ) {
    output[o] = byte
    sink.record(input: i..<(i + length), output: o..<(o + 1), rule: rule)
    o += 1
    i += length
  }

  /// Writes a scalar of U+0800…U+FFFF (three UTF-8 bytes).
  @inline(__always)
  mutating func write<Sink: ChangeSink>(
    scalar: UInt32, replacing length: Int, rule: WidthRule, sink: inout Sink
  ) {
    output[o] = 0xE0 | UInt8(scalar >> 12)
    output[o + 1] = 0x80 | UInt8((scalar >> 6) & 0x3F)
    output[o + 2] = 0x80 | UInt8(scalar & 0x3F)
    sink.record(input: i..<(i + length), output: o..<(o + 3), rule: rule)
    o += 3
    i += length
  }

  /// Folds the three-byte sequence at `i` if a rule applies; returns whether it did.
  mutating func foldSpecial<Sink: ChangeSink>(
    lead: UInt8, second: UInt8, options: WidthOptions, sink: inout Sink
  ) -> Bool {
    let third = source[i + 2]
    switch lead {
    case 0xEF:
      if (second == 0xBC && third >= 0x81) || (second == 0xBD && third <= 0x9E) {
        // U+FF01…U+FF5E: full-width ASCII.
        let scalar = (UInt32(second & 0x3F) << 6) | UInt32(third & 0x3F) | 0xF000
        let ascii = UInt8(truncatingIfNeeded: scalar &- 0xFEE0)
        if ascii == UInt8(ascii: "-") && options.contextualDashes && previousIsKatakana() {
          write(scalar: 0x30FC, replacing: 3, rule: .dashAsLongVowel, sink: &sink)
        } else {
          write(ascii: ascii, replacing: 3, rule: .fullwidthASCII, sink: &sink)
        }
        return true
      }
      guard options.foldHalfwidthKatakana,
        (second == 0xBD && third >= 0xA1) || (second == 0xBE && third <= 0x9F)
      else { return false }
      // U+FF61…U+FF9F: half-width katakana and punctuation.
      let index = Int(((UInt32(second & 0x3F) << 6) | UInt32(third & 0x3F)) &- 0xF61)
      let base = HalfwidthKatakanaTable.fullwidth[index]
      var composed: UInt32 = 0
      if i + 5 < count, source[i + 3] == 0xEF, source[i + 4] == 0xBE {
        if source[i + 5] == 0x9E {
          composed = HalfwidthKatakanaTable.voiced(base)
        } else if source[i + 5] == 0x9F {
          composed = HalfwidthKatakanaTable.semiVoiced(base)
        }
      }
      if composed != 0 {
        write(scalar: composed, replacing: 6, rule: .halfwidthKatakana, sink: &sink)
      } else {
        write(scalar: base, replacing: 3, rule: .halfwidthKatakana, sink: &sink)
      }
      return true
    case 0xE3:
      if second == 0x80 && third == 0x80 && options.foldIdeographicSpace {
        write(ascii: 0x20, replacing: 3, rule: .ideographicSpace, sink: &sink)
        return true
      }
      if second == 0x80 && third == 0x9C && options.foldWaveDash {
        write(ascii: UInt8(ascii: "~"), replacing: 3, rule: .waveDash, sink: &sink)
        return true
      }
      if second == 0x83 && third == 0xBC && options.contextualDashes && previousIsDigit()
        && digit(at: i + 3)
      {
        write(ascii: UInt8(ascii: "-"), replacing: 3, rule: .dashInNumber, sink: &sink)
        return true
      }
      return false
    default:  // 0xE2
      // ‐ ‑ ‒ – — ― (U+2010…2015: E2 80 90…95) and − (U+2212: E2 88 92).
      let isDash = (second == 0x80 && third &- 0x90 < 6) || (second == 0x88 && third == 0x92)
      guard isDash && options.contextualDashes else { return false }
      let isBar = second == 0x80 && (third == 0x94 || third == 0x95)  // — and ― are prose dashes
      if previousIsDigit() && digit(at: i + 3) {
        write(ascii: UInt8(ascii: "-"), replacing: 3, rule: .dashInNumber, sink: &sink)
      } else if !isBar && digit(at: i + 3) && !previousIsLetterOrDigit() {
        write(ascii: UInt8(ascii: "-"), replacing: 3, rule: .dashInNumber, sink: &sink)
      } else if !isBar && previousIsKatakana() {
        write(scalar: 0x30FC, replacing: 3, rule: .dashAsLongVowel, sink: &sink)
      } else {
        return false
      }
      return true
    }
  }
}
