import Testing

@testable import JapaneseWidth

struct JapaneseWidthTests {
  @Test(
    "folds as the documented policy says",
    arguments: [
      // Real strings from the corpus.
      ("人生１００年時代を見据えた", "人生100年時代を見据えた", "full-width digits (000 line 21)"),
      ("（福祉部と連携）", "(福祉部と連携)", "full-width parentheses (000 line 24)"),
      ("受診者数：208人（8月末時点）", "受診者数:208人(8月末時点)", "colon and parentheses (000 line 27)"),
      ("セブン＆アイ・ホールディングス", "セブン&アイ・ホールディングス", "ampersand; ・ and ー stay"),
      ("平成30～34年度（2018～2022年度）", "平成30~34年度(2018~2022年度)", "range marks (002 line 45)"),
      ("R7～11年度", "R7~11年度", "the range mark is kept, once"),
      ("参加者：23.8％（8月末）", "参加者:23.8%(8月末)", "per cent (000 line 27)"),
      ("取組計画（数値目標）", "取組計画(数値目標)", "004 headers"),
      ("コーディネーター", "コーディネーター", "ー inside a word stays"),
      ("①⑯⑴㋐〇○・※", "①⑯⑴㋐〇○・※", "list markers are never touched"),
      ("第1子1万円、第2子3万円", "第1子1万円、第2子3万円", "nothing to fold"),
      ("", "", "empty"),
      // The rules, one by one.
      ("４－９", "4-9", "full-width minus between digits"),
      ("4－9", "4-9", "full-width minus between ASCII digits"),
      ("4ー9", "4-9", "long-vowel mark between digits"),
      ("090ー1234ー5678", "090-1234-5678", "long-vowel marks in a telephone number"),
      ("5−10", "5-10", "minus sign U+2212 between digits"),
      ("4‐9月", "4-9月", "hyphen U+2010 between digits"),
      ("−5", "-5", "minus sign before a digit"),
      ("A−B", "A−B", "minus sign between letters stays"),
      ("コ－ディネ－タ－", "コーディネーター", "full-width minus after katakana becomes ー"),
      ("コ−ド", "コード", "minus sign after katakana becomes ー"),
      ("事業―推進", "事業―推進", "a horizontal bar in prose stays"),
      ("3〜5", "3~5", "wave dash"),
      ("健康　づくり", "健康 づくり", "ideographic space"),
      ("ｶﾞｲﾄﾞﾗｲﾝ", "ガイドライン", "half-width katakana with voiced marks"),
      ("ﾊﾟｿｺﾝ", "パソコン", "semi-voiced mark"),
      ("ｳﾞｨ", "ヴィ", "ウ with a voiced mark"),
      ("ｱﾞ", "ア゛", "a voiced mark that cannot compose stands alone"),
      ("｢ｺｰﾄﾞ｣､｡", "「コード」、。", "half-width punctuation and ｰ"),
      ("\u{3099}", "\u{3099}", "a lone combining mark is copied"),
      ("ＡＢＣａｂｃ！＃＄", "ABCabc!#$", "letters and symbols"),
    ])
  func fold(input: String, expected: String, why: String) {
    #expect(JapaneseWidth.fold(input) == expected, "\(why)")
  }

  @Test("options switch rules off")
  func options() {
    let keep = WidthOptions(
      foldIdeographicSpace: false, foldHalfwidthKatakana: false, foldWaveDash: false,
      contextualDashes: false)
    #expect(JapaneseWidth.fold("健康　ｶﾞ 3〜5 4ー9 コ−ド", options: keep) == "健康　ｶﾞ 3〜5 4ー9 コ−ド")
    #expect(JapaneseWidth.fold("１００", options: keep) == "100")
  }

  @Test("explain lists every change with its byte offset and rule")
  func explained() {
    let (text, changes) = JapaneseWidth.foldExplained("受診率１０％　ｶﾞ")
    #expect(text == "受診率10% ガ")
    #expect(
      changes == [
        WidthChange(offset: 9, before: "１", after: "1", rule: .fullwidthASCII),
        WidthChange(offset: 12, before: "０", after: "0", rule: .fullwidthASCII),
        WidthChange(offset: 15, before: "％", after: "%", rule: .fullwidthASCII),
        WidthChange(offset: 18, before: "　", after: " ", rule: .ideographicSpace),
        WidthChange(offset: 21, before: "ｶﾞ", after: "ガ", rule: .halfwidthKatakana),
      ])
  }

  @Test("an incomplete sequence at the end of a buffer is copied, not read past")
  func incompleteTail() {
    for tail: [UInt8] in [[0xE3], [0xE3, 0x80], [0xEF, 0xBC], [0xEF, 0xBD, 0xB6, 0xEF, 0xBE]] {
      let input: [UInt8] = Array("ab".utf8) + tail
      let output = input.withUnsafeBufferPointer { source in
        [UInt8](unsafeUninitializedCapacity: input.count) { buffer, count in
          guard let base = buffer.baseAddress else { return }
          count = JapaneseWidth.fold(utf8: source, into: base)
        }
      }
      #expect(output.count <= input.count)
      #expect(output.starts(with: Array("ab".utf8)))
    }
  }
}
