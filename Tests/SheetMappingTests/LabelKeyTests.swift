import Testing

@testable import SheetMapping

struct LabelKeyTests {
  @Test(
    "a key: width folded, every space dropped, 〇 read as ○",
    arguments: [
      ("総合計画における 位置付け", "総合計画における位置付け"),
      ("現況・　課題", "現況・課題"),
      ("事業費計\n（Ａ）", "事業費計(A)"),
      ("Ｅ　一般", "E一般"),
      ("〇 市民協働", "○市民協働"),
      ("\t \r\n", ""),
      ("", ""),
      ("〆〇〃", "〆○〃"),
    ])
  func key(cell: String, expected: String) {
    #expect(LabelKey(cell).text == expected)
    #expect(
      LabelKey.keyBuffer(of: [cell, "ア"]) == [0] + Array(expected.utf8) + [0, 0xE3, 0x82, 0xA2, 0])
  }

  @Test(
    "byte search: a run anywhere, at either end, or not at all",
    arguments: [
      ("政策体系との整合性", "整合性", true),
      ("政策体系との整合性", "政策", true),
      ("政策体系との整合性", "性の", false),
      ("ab", "abc", false),
      ("abc", "", true),
      ("", "a", false),
    ])
  func search(haystack: String, needle: String, found: Bool) {
    #expect(LabelKey(folded: haystack).contains(LabelKey(folded: needle)) == found)
  }
}
