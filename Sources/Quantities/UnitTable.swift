/// Units as written and what they mean, as data.
///
/// Longer spellings come first so that 千円 wins over 円 and 時間 over 時.
enum UnitTable {
  struct Unit {
    var text: String
    var scalars: [UInt32]
    var code: String
    var scale: Double
  }

  static let units: [Unit] = [
    ("億円", "JPY", 1e8), ("万円", "JPY", 1e4), ("千円", "JPY", 1e3), ("円", "JPY", 1),
    ("パーセント", "percent", 1), ("%", "percent", 1), ("割", "percent", 10),
    ("児童", "person", 1), ("人", "person", 1), ("名", "person", 1),
    ("件", "case", 1), ("回数", "times", 1), ("回", "times", 1), ("事業所", "establishment", 1),
    ("か所", "place", 1), ("カ所", "place", 1), ("箇所", "place", 1), ("ヶ所", "place", 1),
    ("ケ所", "place", 1),
    ("団体", "organization", 1), ("世帯", "household", 1), ("事務", "task", 1),
    ("時間", "hour", 1), ("施設", "facility", 1), ("項目", "item", 1), ("コース", "course", 1),
    ("園", "kindergarten", 1), ("枚", "sheet", 1), ("日", "day", 1), ("部", "copy", 1),
    ("館", "building", 1), ("校", "school", 1), ("社", "company", 1), ("台", "machine", 1),
    ("冊", "volume", 1), ("km", "km", 1), ("ha", "hectare", 1),
  ].map { Unit(text: $0.0, scalars: $0.0.unicodeScalars.map(\.value), code: $0.1, scale: $0.2) }

  /// The unit code of a unit column's text (`%`, `人`, `千円`), or `nil`.
  static func unit(named text: String) -> Unit? {
    let folded = text.unicodeScalars.map { $0.value == 0xFF05 ? 0x25 : $0.value }
    return units.first { $0.scalars == folded }
  }
}
