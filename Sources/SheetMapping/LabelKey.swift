import JapaneseWidth

/// The form of a label or cell text used to compare labels: width folded, every space removed.
///
/// PDF extraction breaks labels at line ends (`総合計画における 位置付け`, `現況・ 課題`) and
/// mixes full- and half-width brackets; neither may decide whether a label matches.
struct LabelKey: Hashable, Sendable {
  let text: String

  init(_ source: String) {
    self.init(folded: JapaneseWidth.fold(source))
  }

  /// The key of text that is already width folded.
  init(folded: String) {
    var folded = folded
    text = folded.withUTF8 { bytes in
      String(unsafeUninitializedCapacity: bytes.count) { output in
        guard let base = output.baseAddress else { return 0 }
        return Self.appendKey(folded: bytes, to: base)
      }
    }
  }

  /// The keys of many texts in one buffer, each followed by a 0 (a byte no key holds), after a
  /// leading 0: the haystack of one search per label, without a string per text.
  static func keyBuffer(of texts: [String]) -> [UInt8] {
    // Folding never makes text longer, and a key is never longer than the folded text.
    let capacity = texts.reduce(1) { $0 + $1.utf8.count + 1 }
    return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      guard let base = buffer.baseAddress else { return }
      base[0] = 0
      count = 1
      for text in texts {
        var text = text
        text.withUTF8 { input in
          let folded = JapaneseWidth.fold(utf8: input, into: base + count)
          count += appendKey(
            folded: UnsafeBufferPointer(start: base + count, count: folded), to: base + count)
        }
        base[count] = 0
        count += 1
      }
    }
  }

  /// Writes the key of folded UTF-8 bytes to `output` and returns its length.
  ///
  /// `output` may be where the bytes are: a key is never longer. The bytes of `keyScalar`: the
  /// spaces dropped, 〇 (E3 80 87) written as ○ (E2 97 8B), the same length.
  private static func appendKey(
    folded bytes: UnsafeBufferPointer<UInt8>, to output: UnsafeMutablePointer<UInt8>
  ) -> Int {
    var read = 0
    var written = 0
    while read < bytes.count {
      let byte = bytes[read]
      switch byte {
      case 0x20, 0x09, 0x0A, 0x0D:
        read += 1
        continue
      case 0xE3 where read + 2 < bytes.count && bytes[read + 1] == 0x80:
        if bytes[read + 2] == 0x80 {  // U+3000
          read += 3
          continue
        }
        if bytes[read + 2] == 0x87 {  // 〇
          output[written] = 0xE2
          output[written + 1] = 0x97
          output[written + 2] = 0x8B
          read += 3
          written += 3
          continue
        }
      default:
        break
      }
      output[written] = byte
      read += 1
      written += 1
    }
    return written
  }

  /// What a folded scalar becomes in a key: nothing for a space, ○ for 〇 (the kanji zero stands
  /// in for the bullet in some departments' forms), itself otherwise.
  static func keyScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    if JapaneseWidth.isSpace(scalar) { return nil }
    return scalar == "〇" ? "○" : scalar
  }

  /// Whether a cell with this key is the label `label`: equal, or the label followed by an
  /// explanation in brackets (`期間・期限(いつ・いつまでに)`).
  func isLabel(_ label: LabelKey) -> Bool {
    guard text.hasPrefix(label.text) else { return false }
    let rest = text.unicodeScalars.dropFirst(label.text.unicodeScalars.count)
    guard let next = rest.first else { return true }
    return next == "(" || next == "[" || next == "【" || next == "〈"
  }

  /// Whether the label occurs anywhere in this key (by bytes: `ByteSearch`).
  func contains(_ label: LabelKey) -> Bool {
    var haystack = text
    var needle = label.text
    return haystack.withUTF8 { bytes in
      needle.withUTF8 { pattern in ByteSearch.contains(bytes, pattern) }
    }
  }

  /// The text of a cell (folded) after the prompt that opens it, compared as label keys compare,
  /// or nil when nothing follows.
  static func text(of text: String, after labels: [LabelKey]) -> String? {
    let scalars = Array(text.unicodeScalars)
    for label in labels {
      var index = 0
      var matched = true
      for expected in label.text.unicodeScalars {
        while index < scalars.count && LabelKey.keyScalar(scalars[index]) == nil { index += 1 }
        guard index < scalars.count, LabelKey.keyScalar(scalars[index]) == expected else {
          matched = false
          break
        }
        index += 1
      }
      guard matched else { continue }
      let rest = JapaneseWidth.trimmed(String(String.UnicodeScalarView(scalars[index...])))
      return rest.isEmpty ? nil : rest
    }
    return nil
  }
}
