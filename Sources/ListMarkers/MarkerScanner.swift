/// Finds marker candidates: at the start of the text or after white space, a circled number,
/// a parenthesized number or katakana, a bare number or katakana followed by a space, a circled
/// katakana, or a bullet.
enum MarkerScanner {
  static func candidates(in scalars: [Unicode.Scalar]) -> [MarkerCandidate] {
    var found: [MarkerCandidate] = []
    var index = 0
    while index < scalars.count {
      let atBoundary = index == 0 || MarkerTables.isSpace(scalars[index - 1])
      if atBoundary, let candidate = candidate(at: index, in: scalars) {
        found.append(candidate)
        index = candidate.end
      } else {
        index += 1
      }
    }
    return found
  }

  private static func reading(
    _ kind: MarkerKind, _ ordinal: Int?, written: String, text: String? = nil,
    repaired: Bool = false, conditional: Bool = false
  ) -> MarkerCandidate.Reading {
    let canonical = text ?? ordinal.map { MarkerTables.canonicalText(kind, $0) } ?? written
    return MarkerCandidate.Reading(
      marker: ListMarker(kind: kind, text: canonical, written: written, ordinal: ordinal),
      repaired: repaired, conditional: conditional)
  }

  private static func candidate(at index: Int, in scalars: [Unicode.Scalar]) -> MarkerCandidate? {
    let scalar = scalars[index]
    let value = scalar.value
    let written = String(scalar)
    func single(_ reading: MarkerCandidate.Reading) -> MarkerCandidate {
      MarkerCandidate(start: index, end: index + 1, readings: [reading])
    }
    if let number = MarkerTables.circledNumber(scalar) {
      return single(reading(.circledNumber, number, written: written, text: written))
    }
    switch value {
    case 0x2474...0x2487:
      return single(reading(.parenthesizedNumber, Int(value - 0x2474) + 1, written: written))
    case 0x32D0...0x32FE:
      return single(
        reading(.circledKatakana, Int(value - 0x32D0) + 1, written: written, text: written))
    case 0x28, 0xFF08:
      return parenthesized(at: index, in: scalars)
    default:
      break
    }
    if MarkerTables.bullets.contains(scalar) {
      return single(reading(.bullet, nil, written: written, text: written))
    }
    return bare(at: index, in: scalars)
  }

  /// (1) （１） (ア) and the look-alikes (7) (4) (工) (才).
  private static func parenthesized(
    at index: Int, in scalars: [Unicode.Scalar]
  ) -> MarkerCandidate? {
    var close = index + 1
    while close < scalars.count, close - index <= 3, scalars[close] != ")", scalars[close] != "）" {
      close += 1
    }
    guard close < scalars.count, close - index <= 3, close > index + 1 else { return nil }
    let inner = Array(scalars[(index + 1)..<close])
    let end = close + 1
    if end < scalars.count {
      let next = scalars[end]
      if next.isASCII && (next.properties.isAlphabetic || MarkerTables.digit(next) != nil) {
        return nil
      }
    }
    var written = String.UnicodeScalarView()
    written.append(contentsOf: scalars[index..<end])
    let writtenText = String(written)
    let digits = inner.compactMap(MarkerTables.digit)
    if digits.count == inner.count && inner.count <= 2 {
      let number = digits.reduce(0) { $0 * 10 + $1 }
      guard number > 0 else { return nil }
      var readings = [reading(.parenthesizedNumber, number, written: writtenText)]
      if let katakana = MarkerTables.digitLookalikes[number],
        let ordinal = MarkerTables.ordinal(ofKatakana: katakana)
      {
        readings.append(
          reading(.parenthesizedKatakana, ordinal, written: writtenText, repaired: true))
      }
      return MarkerCandidate(start: index, end: end, readings: readings)
    }
    guard inner.count == 1 else { return nil }
    if let ordinal = MarkerTables.ordinal(ofKatakana: inner[0]) {
      return MarkerCandidate(
        start: index, end: end,
        readings: [reading(.parenthesizedKatakana, ordinal, written: writtenText)])
    }
    if let meant = MarkerTables.katakanaLookalikes[inner[0]],
      let ordinal = MarkerTables.ordinal(ofKatakana: meant)
    {
      return MarkerCandidate(
        start: index, end: end,
        readings: [
          reading(
            .parenthesizedKatakana, ordinal, written: writtenText, repaired: true,
            conditional: true)
        ])
    }
    return nil
  }

  /// `1 ` and `ア ` (and the look-alike `工 `): a bare marker needs a space after it.
  private static func bare(at index: Int, in scalars: [Unicode.Scalar]) -> MarkerCandidate? {
    var end = index
    var number = 0
    while end < scalars.count, end - index < 2, let digit = MarkerTables.digit(scalars[end]) {
      number = number * 10 + digit
      end += 1
    }
    if end > index {
      guard number > 0, end < scalars.count, MarkerTables.isSpace(scalars[end]) else { return nil }
      var written = String.UnicodeScalarView()
      written.append(contentsOf: scalars[index..<end])
      return MarkerCandidate(
        start: index, end: end,
        readings: [reading(.number, number, written: String(written), conditional: true)])
    }
    guard index + 1 < scalars.count else { return nil }
    let scalar = scalars[index]
    let spaced = MarkerTables.isSpace(scalars[index + 1])
    // `ア(社保)受診者数`: a katakana marker glued to a bracket that opens its text.
    let bracketed = scalars[index + 1] == "(" || scalars[index + 1] == "「"
    guard spaced || (bracketed && MarkerTables.ordinal(ofKatakana: scalar) != nil) else {
      return nil
    }
    if let ordinal = MarkerTables.ordinal(ofKatakana: scalar) {
      return MarkerCandidate(
        start: index, end: index + 1,
        readings: [reading(.katakana, ordinal, written: String(scalar), conditional: true)])
    }
    if let meant = MarkerTables.katakanaLookalikes[scalar],
      let ordinal = MarkerTables.ordinal(ofKatakana: meant)
    {
      return MarkerCandidate(
        start: index, end: index + 1,
        readings: [
          reading(.katakana, ordinal, written: String(scalar), repaired: true, conditional: true)
        ])
    }
    return nil
  }
}
