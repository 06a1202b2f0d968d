import EraDates
import GyoseiModel
import ListMarkers
import Quantities
import Testing

@testable import SheetMapping

@Suite("label keys, doubled words, plan positions")
struct TextRulesTests {
  @Test(
    "labels match across spaces, widths and bracketed explanations",
    arguments: [
      ("総合計画における 位置付け", "総合計画における位置付け", true),
      ("現況・ 課題", "現況・課題", true),
      ("期間・期限 （いつ・いつまでに）", "期間・期限", true),
      ("期間・期限(いつ・いつまでに)", "期間・期限", true),
      ("〇取組による効果・残された課題", "○取組による効果・残された課題", true),
      ("重点目標管理シート", "重点目標", false),
      ("現況", "現況・課題", false),
    ])
  func labels(cell: String, label: String, matches: Bool) {
    #expect(LabelKey(cell).isLabel(LabelKey(label)) == matches)
  }

  @Test(
    "doubled words: the corpus's slips are found, Japanese reduplication is not",
    arguments: [
      ("複雑化してしていることから", ["して"]),
      ("制度が周知されるされることで", ["される"]),
      ("地域医療医療体制の", ["医療"]),
      ("実績実績の報告", ["実績"]),
      ("高齢者がいきいきと", []),
      ("生き生きと", []),
      ("にほんごアムアム", []),
      ("すべての人の人権", []),
      ("", []),
    ])
  func doubledWords(text: String, words: [String]) {
    #expect(DuplicatedWords.find(in: text).map(\.word) == words)
  }

  @Test(
    "plan positions from the corpus's cells",
    arguments: [
      (
        "第4編 ともに支え合い健やかに暮らせるまちづくり 第1章 自分らしい豊かな人生を送る健康づくり 第1節 健幸都市を目指した健康づくり事業の推進",
        [PlanPosition(plan: "P", path: ["第4編", "第1章", "第1節"], title: "健幸都市を目指した健康づくり事業の推進")]
      ),
      (
        "第1編 自治・協働・行政 第2章 人権 第1節 一人ひとりの人権が尊重される社会の実現 第2節 女性と男性が互いに尊重しあう社会の実現",
        [
          PlanPosition(plan: "P", path: ["第1編", "第2章", "第1節"], title: "一人ひとりの人権が尊重される社会の実現"),
          PlanPosition(plan: "P", path: ["第1編", "第2章", "第2節"], title: "女性と男性が互いに尊重しあう社会の実現"),
        ]
      ),
      (
        "(1) イ 多様な主体が市政に参画・協働する制度づくり",
        [PlanPosition(plan: "P", path: ["(1)", "イ"], title: "多様な主体が市政に参画・協働する制度づくり")]
      ),
      (
        "(1) 将来を見据えた新たな行政サービスへの改革 イ 多様な主体が市政に参画・協働する制度づくり",
        [PlanPosition(plan: "P", path: ["(1)", "イ"], title: "多様な主体が市政に参画・協働する制度づくり")]
      ),
      (
        "ア ICTの活用による行政サービスの向上と業務の効率化 エ 公共施設マネジメントの推進",
        [
          PlanPosition(plan: "P", path: ["ア"], title: "ICTの活用による行政サービスの向上と業務の効率化"),
          PlanPosition(plan: "P", path: ["エ"], title: "公共施設マネジメントの推進"),
        ]
      ),
      (
        "3 福祉を充実し、多様性を尊重した地域共生社会を実現する",
        [PlanPosition(plan: "P", path: ["3"], title: "福祉を充実し、多様性を尊重した地域共生社会を実現する")]
      ),
      (
        "からだもこころも元気な健幸(けんこう)都市上田の実現",
        [PlanPosition(plan: "P", path: [], title: "からだもこころも元気な健幸(けんこう)都市上田の実現")]
      ),
      ("", []),
    ])
  func planPositions(text: String, expected: [PlanPosition]) {
    #expect(PlanPositionReader.positions(plan: "P", text: text) == expected)
  }

  @Test(
    "a circled number opening an action cell",
    arguments: [
      ("①", 1, "①", ""),
      ("① 〇 自立支援、介護予防", 1, "①", "〇 自立支援、介護予防"),
      ("⑳移住", 20, "⑳", "移住"),
      ("㉑ x", 21, "㉑", "x"),
    ])
  func circled(text: String, number: Int, marker: String, rest: String) throws {
    let found = try #require(ObjectiveSheetReader.leadingCircledNumber(text))
    #expect(found.number == number && found.marker == marker && found.rest == rest)
  }

  @Test(
    "text that does not open with a circled number", arguments: ["○ 特殊詐欺", "(1) 年度末", "①②", ""])
  func notCircled(text: String) {
    #expect(ObjectiveSheetReader.leadingCircledNumber(text) == nil)
  }
}

/// Each normalizer's codes are registered codes, under the same text.
struct NormalizerCodeTests {
  @Test("every normalizer code has its registered code of the same text")
  func registered() {
    for code in MarkerFinding.Code.allCases {
      #expect(DiagnosticCode(code).rawValue == code.rawValue)
    }
    for code in DateWarning.Code.allCases {
      #expect(DiagnosticCode(code).rawValue == code.rawValue)
    }
    for code in QuantityWarning.Code.allCases {
      #expect(DiagnosticCode(code).rawValue == code.rawValue)
    }
  }
}
