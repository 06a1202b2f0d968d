import Testing

@testable import ListMarkers

/// Cells of the real sheets, read as lists.
struct ListMarkersCorpusTests {
  @Test(
    "real cells parse into the lists a reader sees",
    arguments: [
      (
        "○ 子育て世帯への経済的支援の実施 (1) 「上田市出産祝金」の継続実施 (第1子1万円、第2子3万円、第3子以降5万円) "
          + "(2) 「上田市出産祝金」の検証と方向性の検討 (3) ひとり親家庭への支援の充実・強化 "
          + "ア 食品価格等の物価高騰に伴う子育て世帯支援 子育て世帯生活支援特別給付金給付事業 (生活支援) "
          + "児童1人あたり1万円の給付 (7) 児童扶養手当の受給者への給付 (住民税課税世帯) (4) 公的年金等受給者への給付 "
          + "(ウ) 家計急変世帯への給付",
        "○ 子育て世帯への経済的支援の実施 {(1) 「上田市出産祝金」の継続実施 (第1子1万円、第2子3万円、第3子以降5万円) / "
          + "(2) 「上田市出産祝金」の検証と方向性の検討 / (3) ひとり親家庭への支援の充実・強化 "
          + "{ア 食品価格等の物価高騰に伴う子育て世帯支援 子育て世帯生活支援特別給付金給付事業 (生活支援) 児童1人あたり1万円の給付 "
          + "{(ア) 児童扶養手当の受給者への給付 (住民税課税世帯) / (イ) 公的年金等受給者への給付 / (ウ) 家計急変世帯への給付}}}",
        "000 line 46 cell 2: (7) and (4) are (ア) and (イ)"
      ),
      (
        "(1) 通年 (2) 年度末 (3) ア (7) 8月末 (4) 12月末 (ウ) 12月末",
        "(1) 通年 / (2) 年度末 / (3) {ア {(ア) 8月末 / (イ) 12月末 / (ウ) 12月末}}",
        "000 line 46 cell 3"
      ),
      (
        "(1) 9月末現在支給実績：411児童・9,650千円 (2) 実施計画策定にあたり検討実施 (3) 9月末現在支給実績 578世帯、830名、8,300千円 "
          + "(7) 567世帯、813名、8,130千円 (4) 7世帯、9名、90千円 (ウ) 4世帯、8名、80千円",
        "(1) 9月末現在支給実績：411児童・9,650千円 / (2) 実施計画策定にあたり検討実施 / "
          + "(3) 9月末現在支給実績 578世帯、830名、8,300千円 {(ア) 567世帯、813名、8,130千円 / "
          + "(イ) 7世帯、9名、90千円 / (ウ) 4世帯、8名、80千円}",
        "000 line 46 cell 5: no ア before (7)"
      ),
      (
        "○若い世代が参加しやすい健康づくり事業の推進 (1) 健康づくりチャレンジポイントのデジタル化による利便性向上 "
          + "(2) 地域企業と連携した働き盛り世代の健康増進 (5) 若い世代からの健康づくり支援 ア 30歳代若年健診の実施 "
          + "イ 妊婦無料歯科検診の実施 ウ 歯周病検診の実施",
        "○ 若い世代が参加しやすい健康づくり事業の推進 {(1) 健康づくりチャレンジポイントのデジタル化による利便性向上 / "
          + "(2) 地域企業と連携した働き盛り世代の健康増進 / (5) 若い世代からの健康づくり支援 "
          + "{ア 30歳代若年健診の実施 / イ 妊婦無料歯科検診の実施 / ウ 歯周病検診の実施}}",
        "000 line 27, shortened: a glued bullet, nested ア イ ウ, a gap"
      ),
      (
        "(1) 年度内 (2) 通年 (3) 年度内 (4) ア 通年 (5) ア 通年 イ 通年 ウ 通年",
        "(1) 年度内 / (2) 通年 / (3) 年度内 / (4) {ア 通年} / (5) {ア 通年 / イ 通年 / ウ 通年}",
        "000 line 27 cell 3: a genuine (4)"
      ),
      (
        "① 〇 自立支援、介護予防・重症化防止の推進 (1) 高齢者の保健事業と介護予防の一体的実施 (2) 訪問型・通所型サービスBの推進・支援",
        "① {〇 自立支援、介護予防・重症化防止の推進 {(1) 高齢者の保健事業と介護予防の一体的実施 / (2) 訪問型・通所型サービスBの推進・支援}}",
        "001 line 41: ① glued to 〇 used as a bullet"
      ),
      (
        "・府内関係課で専用窓口の検討 ・先進地視察",
        "・ 府内関係課で専用窓口の検討 / ・ 先進地視察",
        "004 line 230: bullets; 府内 is not a marker matter"
      ),
      (
        "(5) ア(社保)受診者数:400人 ※(国保)受診者数:300人 イ 受診者数:500人 ウ 20歳受診者数:150人",
        "(5) {ア (社保)受診者数:400人 ※(国保)受診者数:300人 / イ 受診者数:500人 / ウ 20歳受診者数:150人}",
        "000 line 27 cell 4: ア glued to the bracket that opens its text"
      ),
      (
        "1 令和5年度に策定した健康施策の基盤となる計画 2 子どもから高齢者までの支援体制 3 ウォーキング等の普及",
        "1 令和5年度に策定した健康施策の基盤となる計画 / 2 子どもから高齢者までの支援体制 / 3 ウォーキング等の普及",
        "000 line 24, shortened: bare numbers"
      ),
      (
        "(6) 対前年対比における制度利用による移住実現者の増加 ※行政支援による移住件数・人数の推移 R1:34件 67人 R2:31件 58人",
        "(6) 対前年対比における制度利用による移住実現者の増加 ※行政支援による移住件数・人数の推移 R1:34件 67人 R2:31件 58人",
        "003 line 47 cell 4: numbers inside text are text, and ※ is a note on the text, not a bullet"
      ),
    ])
  func corpusCell(text: String, expected: String, why: String) {
    #expect(render(ListMarkers.parse(text).items) == expected, "\(why)")
  }

  @Test("000 line 46: the misread (7) and (4) are repaired, with the originals kept")
  func ocrRepairs() {
    let parse = ListMarkers.parse("(1) 通年 (2) 年度末 (3) ア (7) 8月末 (4) 12月末 (ウ) 12月末")
    #expect(parse.findings.map(\.code) == [.ocrRepaired, .ocrRepaired])
    #expect(parse.findings.map(\.original) == ["(7)", "(4)"])
    #expect(parse.findings.first?.message == "(7) read as (ア): the sequence continues there")
    let repaired = parse.items[2].items[0].items.compactMap(\.marker)
    #expect(repaired.map(\.written) == ["(7)", "(4)", "(ウ)"])
    #expect(repaired.map(\.text) == ["(ア)", "(イ)", "(ウ)"])
  }

  @Test("003 line 47: the duplicated (5) is flagged and both items are kept")
  func duplicate() {
    let parse = ListMarkers.parse(
      "① 移住定住の推進 (1) 庁内連携による市独自移住セミナーの開催 (4) 移住体験ツアーの実施 "
        + "(5) 地域おこし協力隊員の計画的任用と任期満了後の定住支援 (5) UIJターン就業・創業移住支援金の有効活用")
    #expect(parse.findings.map(\.code) == [.skipped, .duplicate])
    #expect(parse.findings.last?.message == "(5) repeats the marker before it")
    #expect(parse.items[0].items.count == 4)
    #expect(parse.items[0].items.last?.text == "UIJターン就業・創業移住支援金の有効活用")
  }

  @Test(
    "004 lines 862 and 879: (工) and (才) continue a list that runs on from the rows before",
    arguments: [
      ("(工) 鹿月荘とクアハウスかけゆ", 3, "(エ)"),
      ("(才) 菅平高原自然館", 4, "(オ)"),
    ])
  func lookalikeInContext(text: String, reached: Int, expected: String) {
    let parse = ListMarkers.parse(
      text, context: [ListMarker.canonical(.parenthesizedKatakana, reached)])
    #expect(parse.items.first?.marker?.text == expected)
    #expect(parse.findings.map(\.code) == [.ocrRepaired])
    #expect(parse.findings.first?.original == String(text.prefix(3)))
  }

  @Test("a look-alike with no list to continue stays text")
  func lookalikeAlone() {
    let parse = ListMarkers.parse("(工) 鹿月荘とクアハウスかけゆ")
    #expect(render(parse.items) == "· (工) 鹿月荘とクアハウスかけゆ")
    #expect(parse.findings.isEmpty)
  }

  @Test("〇 as a bullet is a finding")
  func zeroAsBullet() {
    let parse = ListMarkers.parse("〇 認知症施策の推進 (1) 希望宣言")
    #expect(parse.findings.map(\.code) == [.zeroAsBullet])
  }
}
