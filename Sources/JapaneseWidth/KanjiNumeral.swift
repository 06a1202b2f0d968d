/// Numbers written in kanji: positional (二〇二五 = 2025) and with multipliers (三万五千 = 35000,
/// 十二 = 12, 二千万 = 20000000).
public enum KanjiNumeral {
  /// The value of a kanji digit 〇 零 一 … 九, or `nil`.
  @inlinable
  public static func digit(_ value: UInt32) -> Int? {
    switch value {
    case 0x3007, 0x96F6: return 0  // 〇 零
    case 0x4E00: return 1  // 一
    case 0x4E8C: return 2  // 二
    case 0x4E09: return 3  // 三
    case 0x56DB: return 4  // 四
    case 0x4E94: return 5  // 五
    case 0x516D: return 6  // 六
    case 0x4E03: return 7  // 七
    case 0x516B: return 8  // 八
    case 0x4E5D: return 9  // 九
    default: return nil
    }
  }

  /// The multiplier of 十 百 千 (within a group) or 万 億 兆 (of groups), or `nil`.
  @inlinable
  public static func multiplier(_ value: UInt32) -> (value: Int, isGroup: Bool)? {
    switch value {
    case 0x5341: return (10, false)  // 十
    case 0x767E: return (100, false)  // 百
    case 0x5343: return (1000, false)  // 千
    case 0x4E07: return (10_000, true)  // 万
    case 0x5104: return (100_000_000, true)  // 億
    case 0x5146: return (1_000_000_000_000, true)  // 兆
    default: return nil
    }
  }

  /// Whether a scalar is part of a kanji numeral.
  @inlinable
  public static func isNumeral(_ value: UInt32) -> Bool {
    digit(value) != nil || multiplier(value) != nil
  }

  /// The value of a whole kanji numeral, or `nil` when the scalars are not one.
  public static func value(of scalars: some Collection<UInt32>) -> Int? {
    guard !scalars.isEmpty else { return nil }
    if scalars.allSatisfy({ digit($0) != nil }) {
      // Positional: 二〇二五.
      return scalars.reduce(0) { $0 &* 10 &+ (digit($1) ?? 0) }
    }
    var total = 0
    var group = 0
    var pending: Int?
    for scalar in scalars {
      if let value = digit(scalar) {
        pending = (pending ?? 0) * 10 + value
      } else if let (value, isGroup) = multiplier(scalar) {
        if isGroup {
          group += pending ?? 0
          total += (group == 0 ? 1 : group) * value
          group = 0
        } else {
          group += (pending ?? 1) * value
        }
        pending = nil
      } else {
        return nil
      }
    }
    return total + group + (pending ?? 0)
  }
}
