import Testing

@testable import Quantities

struct QuantitiesExtractionTests {
  @Test("every quantity of a sentence, with offsets")
  func sentence() {
    let text = "新規貸与者9人(継続貸与者8人、貸与者総数17人)"
    let found = Quantities.extract(text)
    #expect(found.map(\.raw) == ["9人", "8人", "17人"])
    #expect(found.map(\.value) == [9, 8, 17])
    #expect(found.first?.offset == "新規貸与者".utf8.count)
    #expect(found.allSatisfy { $0.length == $0.raw.utf8.count })
  }

  @Test(
    "real cells give the quantities a reader sees",
    arguments: [
      (
        "(4) 運動指導園児数：延べ3,000人 (5) ア（社保）受診者数：400人 ※（国保）受診者数：300人",
        ["延べ3,000人", "400人", "300人"]
      ),
      (
        "(1) 9月末現在支給実績：411児童・9,650千円 (3) 578世帯、830名、8,300千円",
        ["411児童", "9,650千円", "578世帯", "830名", "8,300千円"]
      ),
      ("(1) 「上田市出産祝金」の継続実施 (第1子1万円、第2子3万円、第3子以降5万円)", ["1万円", "3万円", "5万円"]),
      ("(2) 地元企業との連携による健康経営懇談会の開催（2回）", ["2回"]),
      ("(1) テーマ毎に、対面形式・オンライン形式合わせて6回以上開催 (3) 30回以上開催", ["6回以上", "30回以上"]),
      ("R1:34件 67人 R2:31件 58人", ["34件", "67人", "31件", "58人"]),
      ("(2) 8月7日アリオ上田にて開催 参加者数：716人", ["716人"]),
      ("令和5年度に策定、2025年3回目", []),
      ("年度内に年2回以上開催し、年複数回の研修を行う", ["年2回以上", "年複数回"]),
    ])
  func cells(text: String, expected: [String]) {
    #expect(Quantities.extract(text).map(\.raw) == expected)
  }

  @Test("dates, markers, ordinals and bare numbers are not quantities")
  func notQuantities() {
    for text in ["8月7日", "(1) 通年", "第1子", "R2年度", "2110111", "Ver.2.0", "20歳", "8/17", ""] {
      #expect(Quantities.extract(text).isEmpty, "\(text)")
    }
  }
}
