extension JapaneseWidth {
  /// The context-free part of the fold, for one scalar: full-width ASCII becomes ASCII, U+3000
  /// a space, 〜 the range mark `~`; anything else is returned as it is.
  ///
  /// Parsers that must keep positions in the original text (dates, quantities) read through
  /// this instead of folding the text first.
  @inlinable
  public static func foldScalar(_ value: UInt32) -> UInt32 {
    switch value {
    case 0xFF01...0xFF5E: return value - 0xFEE0
    case 0x3000: return 0x20
    case 0x301C: return 0x7E
    default: return value
    }
  }
}

extension JapaneseWidth {
  /// Whether a scalar is white space as Japanese documents write it: space, tab, line ends and
  /// the ideographic space U+3000.
  @inlinable
  public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{3000}"
  }

  /// `text` without leading and trailing white space, U+3000 included.
  public static func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isSpace($0) }),
      let last = scalars.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(scalars[first...last])
  }
}
