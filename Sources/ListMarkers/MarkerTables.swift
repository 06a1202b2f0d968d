import JapaneseWidth

/// The characters of list markers, as data.
enum MarkerTables {
  /// Katakana in 五十音 order, the order of ア イ ウ … lists; the ordinal is the index plus one.
  static let gojuon: [Unicode.Scalar] = Array(
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
      .unicodeScalars)

  /// Characters OCR reads in place of a katakana marker, and the katakana meant.
  static let katakanaLookalikes: [Unicode.Scalar: Unicode.Scalar] = [
    "工": "エ", "才": "オ", "力": "カ", "二": "ニ", "口": "ロ", "夕": "タ", "卜": "ト", "八": "ハ",
    "千": "チ", "ヱ": "エ",
  ]

  /// Digits OCR reads in place of a parenthesized katakana: (7) for (ア), (4) for (イ).
  static let digitLookalikes: [Int: Unicode.Scalar] = [7: "ア", 4: "イ"]

  /// The bullets, as written.
  static let bullets: Set<Unicode.Scalar> = ["・", "○", "〇", "●", "◎", "■", "□", "◆", "◇"]

  /// The number a circled-number character stands for: ① to ⑳, ㉑ to ㉟, ㊱ to ㊿.
  static func circledNumber(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar.value {
    case 0x2460...0x2473: return Int(scalar.value - 0x2460) + 1
    case 0x3251...0x325F: return Int(scalar.value - 0x3251) + 21
    case 0x32B1...0x32BF: return Int(scalar.value - 0x32B1) + 36
    default: return nil
    }
  }

  static func ordinal(ofKatakana scalar: Unicode.Scalar) -> Int? {
    gojuon.firstIndex(of: scalar).map { $0 + 1 }
  }

  static func katakana(_ ordinal: Int) -> String {
    guard ordinal >= 1, ordinal <= gojuon.count else { return "?" }
    return String(gojuon[ordinal - 1])
  }

  static func canonicalText(_ kind: MarkerKind, _ ordinal: Int) -> String {
    switch kind {
    case .circledNumber:
      let value: UInt32
      switch ordinal {
      case 1...20: value = 0x2460 + UInt32(ordinal - 1)
      case 21...35: value = 0x3251 + UInt32(ordinal - 21)
      case 36...50: value = 0x32B1 + UInt32(ordinal - 36)
      default: return "(\(ordinal))"
      }
      return Unicode.Scalar(value).map { String($0) } ?? "(\(ordinal))"
    case .parenthesizedNumber: return "(\(ordinal))"
    case .number: return String(ordinal)
    case .katakana: return katakana(ordinal)
    case .parenthesizedKatakana: return "(" + katakana(ordinal) + ")"
    case .circledKatakana:
      return Unicode.Scalar(0x32D0 + UInt32(ordinal - 1)).map { String($0) } ?? katakana(ordinal)
    case .bullet: return "・"
    }
  }

  static func isSpace(_ scalar: Unicode.Scalar) -> Bool { JapaneseWidth.isSpace(scalar) }

  /// An ASCII or full-width digit's value.
  static func digit(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar.value {
    case 0x30...0x39: return Int(scalar.value - 0x30)
    case 0xFF10...0xFF19: return Int(scalar.value - 0xFF10)
    default: return nil
    }
  }
}
