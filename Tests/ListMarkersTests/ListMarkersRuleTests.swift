import Testing

@testable import ListMarkers

/// Each marker style, each false friend, each anomaly.
struct ListMarkersRuleTests {
  @Test(
    "ordinary text is not mistaken for markers",
    arguments: [
      "第1子1万円", "(R7～11年度)", "（福祉部と連携）", "28.30%(昨年度 28.0%)", "8/17", "健康・福祉の連携",
      "二〇二五年", "上記(1)のとおり", "(2回)", "受診者数：400人", "R1:34件 67人", "令和 7 年度",
    ])
  func falseFriends(text: String) {
    let parse = ListMarkers.parse(text)
    #expect(parse.items.count == 1)
    #expect(parse.items.first?.marker == nil)
    #expect(parse.items.first?.text == text)
    #expect(parse.findings.isEmpty)
  }

  @Test(
    "every marker style is recognized with its ordinal",
    arguments: [
      ("① a", MarkerKind.circledNumber, 1, "①"),
      ("⑯ a", .circledNumber, 16, "⑯"),
      ("㉑ a", .circledNumber, 21, "㉑"),
      ("㊿ a", .circledNumber, 50, "㊿"),
      ("(1) a", .parenthesizedNumber, 1, "(1)"),
      ("（１） a", .parenthesizedNumber, 1, "(1)"),
      ("⑴ a", .parenthesizedNumber, 1, "(1)"),
      ("(12) a", .parenthesizedNumber, 12, "(12)"),
      ("1 a", .number, 1, "1"),
      ("ア a", .katakana, 1, "ア"),
      ("(ア) a", .parenthesizedKatakana, 1, "(ア)"),
      ("（ア） a", .parenthesizedKatakana, 1, "(ア)"),
      ("㋐ a", .circledKatakana, 1, "㋐"),
      ("㋒ a", .circledKatakana, 3, "㋒"),
    ])
  func styles(text: String, kind: MarkerKind, ordinal: Int, canonical: String) {
    let marker = ListMarkers.parse(text).items.first?.marker
    #expect(marker?.kind == kind)
    #expect(marker?.ordinal == ordinal)
    #expect(marker?.text == canonical)
  }

  @Test(
    "bullets are unordered, each symbol its own level",
    arguments: ["・", "○", "●", "◎", "■", "□", "◆", "◇"])
  func bullets(symbol: String) {
    let parse = ListMarkers.parse("\(symbol)a \(symbol)b")
    #expect(parse.items.map { $0.marker?.text } == [symbol, symbol])
    #expect(parse.items.allSatisfy { $0.marker?.ordinal == nil })
    #expect(parse.findings.isEmpty)
  }

  @Test(
    "levels follow the order in which styles appear",
    arguments: [
      ("① a (1) b ア c (ア) d", "① a {(1) b {ア c {(ア) d}}}"),
      ("(1) a ① b (2) c", "(1) a {① b} / (2) c"),
      ("① a (1) b ② c (1) d", "① a {(1) b} / ② c {(1) d}"),
      ("前文 (1) a (2) b", "· 前文 / (1) a / (2) b"),
      ("(3) ア (ア) x (4) y (5) z", "(3) {ア {(ア) x}} / (4) y / (5) z"),
    ])
  func levels(text: String, expected: String) {
    #expect(render(ListMarkers.parse(text).items) == expected)
  }

  @Test(
    "gaps, duplicates and reversals are findings, and nothing is dropped",
    arguments: [
      ("(1) a (3) b", [MarkerFinding.Code.skipped], "(3) follows (1): (2) is missing"),
      ("(1) a (1) b", [.duplicate], "(1) repeats the marker before it"),
      ("(2) a (1) b", [.skipped, .outOfOrder], "(1) follows (2)"),
      ("② a", [.skipped], "the list starts at ②"),
    ])
  func anomalies(text: String, codes: [MarkerFinding.Code], lastMessage: String) {
    let parse = ListMarkers.parse(text)
    #expect(parse.findings.map(\.code) == codes)
    #expect(parse.findings.last?.message == lastMessage)
    #expect(parse.items.count == 2 || text == "② a")
  }

  @Test("offsets are UTF-8 byte offsets into the input")
  func offsets() {
    let parse = ListMarkers.parse("① あ (1) い")
    #expect(parse.items[0].offset == 0)
    #expect(parse.items[0].items[0].offset == 8)  // ① (3) + space + あ (3) + space
  }

  @Test("empty and blank text give no items", arguments: ["", "   ", "\u{3000}\n"])
  func blank(text: String) {
    #expect(ListMarkers.parse(text) == ListParse(items: [], findings: []))
  }

  @Test("a long run of ambiguous markers stays fast and repairs nothing it cannot justify")
  func manyAmbiguous() {
    let text = String(repeating: "(7) a ", count: 5_000)
    let parse = ListMarkers.parse(text)
    #expect(parse.items.count + parse.items.flatMap(\.items).count >= 2)
  }
}
