import Testing

@testable import ComparisonStore

/// The substring test of theme keywords and concept words: by bytes, and by characters where a
/// combining mark makes the two differ.
struct TextSearchTests {
  @Test(
    "a word in a text, or not",
    arguments: [
      ("健康づくりチャレンジポイントのデジタル化", "健康づくり", true),
      ("健康づくりチャレンジポイントのデジタル化", "デジタル化", true),
      ("健康づくりチャレンジポイントのデジタル化", "健康診断", false),
      ("自主防災組織結成率", "", true),
      ("率", "結成率", false),
      ("", "a", false),
      ("第4編 健康・福祉", "第4編", true),
      // The same text, written with the voiced mark apart (か + U+3099) or joined (が).
      ("子育てか\u{3099}んばる", "がんばる", true),
      ("子育てがんばる", "か\u{3099}んばる", true),
      ("子育てか\u{3099}", "か", false),
    ])
  func contains(text: String, word: String, expected: Bool) {
    #expect(TextSearch.contains(text, word) == expected)
  }
}
