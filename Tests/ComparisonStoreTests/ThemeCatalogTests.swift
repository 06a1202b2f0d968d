import StoreTestSupport
import Testing

@testable import ComparisonStore

struct ThemeCatalogTests {
  typealias Position = ThemeFacts.Position

  /// Records as the corpus has them, and the theme Mappings/themes.yaml gives each.
  static let cases: [(why: String, facts: ThemeFacts, theme: String?)] = [
    (
      "上田市's objective by its 総合計画 position",
      ThemeFacts(
        city: "202037",
        planPositions: [
          Position(plan: "上田再構築プラン Ver.2.0「もっと、前へ」", path: []),
          Position(plan: "総合計画", path: ["第4編", "第2章", "第3節"]),
        ], organizations: [], text: "医療費適正化の推進と国民健康保険の適切な運営"),
      "social-security"
    ),
    (
      "苫小牧市's 施策 by its 基本施策",
      ThemeFacts(
        city: "012131",
        planPositions: [
          Position(
            plan: "第6次基本計画 施策評価表", path: ["基本目標1", "政策2", "基本施策06", "主要施策1"])
        ], organizations: [], text: "子どもと子育て家庭の支援"),
      "child-care"
    ),
    (
      "a rule for one city does not apply to another",
      ThemeFacts(
        city: "012131", planPositions: [Position(plan: "総合計画", path: ["第4編", "第1章", "第1節"])],
        organizations: [], text: ""),
      nil
    ),
    (
      "the reform program's 第4章/第1章/第2節 (a misprint of 第4編) falls back to the keyword 診療所",
      ThemeFacts(
        city: "202037",
        planPositions: [Position(plan: "第二次上田市総合計画", path: ["第4章", "第1章", "第2節"])],
        organizations: [ThemeFacts.Unit(department: "武石地域自治センター", section: nil)],
        text: "武石診療所の改革"),
      "medical-care"
    ),
    (
      "a department rule before keywords",
      ThemeFacts(
        city: "202037", planPositions: [],
        organizations: [ThemeFacts.Unit(department: "総務部", section: "情報システム課")],
        text: "自治会の子育て支援"),
      "administrative-reform"
    ),
    (
      "相馬市's saving: 消火栓 (防災) comes before 負担金 (財政) in the file",
      ThemeFacts(
        city: "072095", planPositions: [],
        organizations: [ThemeFacts.Unit(department: nil, section: "地域防災対策室")],
        text: "消火栓設置負担金の見直し"),
      "disaster-prevention"
    ),
    (
      "米子市's objective by a word only, no plan position or department rule",
      ThemeFacts(
        city: "312029", planPositions: [],
        organizations: [ThemeFacts.Unit(department: "福祉保健部", section: nil)],
        text: "フレイル対策の推進"),
      "health-promotion"
    ),
    (
      "the water works: no rule names them",
      ThemeFacts(
        city: "202037",
        planPositions: [Position(plan: "第二次上田市総合計画", path: ["第2編", "第2章", "第5節"])],
        organizations: [ThemeFacts.Unit(department: "上下水道局", section: "サービス課")],
        text: "水道事業の広域化の検討"),
      nil
    ),
  ]

  @Test("records of the corpus get the theme of the first matching rule", arguments: cases)
  func assignment(_ example: (why: String, facts: ThemeFacts, theme: String?)) throws {
    let catalog = try StoreFixtures.themes()
    #expect(catalog.assign(example.facts)?.themeID == example.theme, "\(example.why)")
  }

  @Test("the themes file has the issue's thirteen themes and six more, each in both languages")
  func realCatalog() throws {
    let catalog = try StoreFixtures.themes()
    // Thirteen themes first asked for, six the other cities' sheets brought (防災, 財政 …).
    #expect(catalog.themes.count == 19)
    #expect(catalog.theme(id: "social-security")?.ja == "国保・社会保障")
    #expect(catalog.themes.allSatisfy { !$0.ja.isEmpty && !$0.en.isEmpty })
  }

  static let broken: [(why: String, themes: [Theme], entry: String)] = [
    ("no themes", [], "themes"),
    (
      "a repeated id",
      [Theme(id: "a", ja: "ア", en: "A"), Theme(id: "a", ja: "イ", en: "B")], "themes[a]"
    ),
    ("an id that is not lower-case ASCII", [Theme(id: "健康", ja: "健康", en: "H")], "themes[健康]"),
    ("no English label", [Theme(id: "a", ja: "ア", en: "")], "themes[a]"),
    (
      "a plan rule without a path",
      [Theme(id: "a", ja: "ア", en: "A", planPositions: [PlanPositionRule(plan: "総合計画", path: [])])],
      "themes[a].plan-positions"
    ),
    (
      "a department rule that names nothing",
      [Theme(id: "a", ja: "ア", en: "A", departments: [DepartmentRule(city: "202037")])],
      "themes[a].departments"
    ),
  ]

  @Test("a catalog that cannot be used is refused, naming the entry", arguments: broken)
  func refused(_ example: (why: String, themes: [Theme], entry: String)) {
    #expect(throws: CatalogError.self, "\(example.why)") {
      try ThemeCatalog(themes: example.themes)
    }
    do {
      _ = try ThemeCatalog(themes: example.themes)
    } catch let error as CatalogError {
      #expect(error.entry == example.entry)
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}
