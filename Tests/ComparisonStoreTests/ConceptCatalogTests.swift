import StoreTestSupport
import Testing

@testable import ComparisonStore

struct ConceptCatalogTests {
  /// The corpus's indicator names and target texts (with their action items), and the concept
  /// Mappings/indicator-concepts.yaml reads each as.
  static let texts: [(text: String, concept: String?)] = [
    ("国民健康保険の特定健診受診率(R2年度は速報値)", "specific-health-checkup-rate"),
    ("特定健診(40~74歳の国保被保険者)の実施率向上\n実施率 46%(国が示す目標60%)", "specific-health-checkup-rate"),
    ("特定健診(40~74歳の国保被保険者)の実施率向上\n実施率13.6%(8月末現在)", "specific-health-checkup-rate"),
    ("がん検診受診率(胃・肺・大腸・子宮・乳がん検診の平均)", "cancer-screening-rate"),
    ("自殺死亡数(人口10万人当たりの自殺者数)", "suicide-rate"),
    ("ゲートキーパー研修の実施\n修了者20人、継続者60人", "gatekeeper-training"),
    ("入所を保留している児童数", "waiting-children"),
    ("特定保健指導実施率", nil),
    ("保健指導実施者数:500人", nil),
    ("「自殺対策連携会議」によるネットワークの構築\n1回開催", nil),
    ("後発医薬品使用割合 90%", nil),
  ]

  @Test("texts of the corpus name the concepts they are about", arguments: texts)
  func concept(_ example: (text: String, concept: String?)) throws {
    let catalog = try StoreFixtures.concepts()
    #expect(catalog.concept(describedBy: example.text)?.id == example.concept)
  }

  static let units: [(value: Double, unit: String, concept: String, expected: Double?)] = [
    (34.9, "%", "specific-health-checkup-rate", 34.9),
    (46, "percent", "specific-health-checkup-rate", 46),
    (46, "％", "specific-health-checkup-rate", 46),
    (12, "人", "specific-health-checkup-rate", nil),
    (25.53, "人", "suicide-rate", 25.53),
    (318, " 人 ", "waiting-children", 318),
    (3, "か所", "waiting-children", nil),
  ]

  @Test("values are read in the concept's unit, or not at all", arguments: units)
  func unit(_ example: (value: Double, unit: String, concept: String, expected: Double?)) throws {
    let catalog = try StoreFixtures.concepts()
    let concept = try #require(catalog.concepts.first { $0.id == example.concept })
    #expect(catalog.value(example.value, unit: example.unit, for: concept) == example.expected)
  }

  @Test("a multiple of a unit is converted to its base: 8,000千円 is 8,000,000円")
  func scale() throws {
    let catalog = try ConceptCatalog(
      units: [
        UnitDefinition(id: "JPY", label: "円", spellings: ["円"]),
        UnitDefinition(
          id: "thousand-JPY", label: "千円", spellings: ["千円"], base: "JPY", scale: 1000),
      ],
      concepts: [
        IndicatorConcept(id: "budget", ja: "予算", en: "Budget", unit: "JPY", words: [["予算"]])
      ])
    let concept = try #require(catalog.concepts.first)
    #expect(catalog.value(8000, unit: "千円", for: concept) == 8_000_000)
    #expect(catalog.value(5, unit: "円", for: concept) == 5)
  }

  static let broken: [(why: String, units: [UnitDefinition], concepts: [IndicatorConcept])] = [
    (
      "one spelling for two units",
      [
        UnitDefinition(id: "a", label: "A", spellings: ["人"]),
        UnitDefinition(id: "b", label: "B", spellings: ["人"]),
      ], []
    ),
    ("a base without a scale", [UnitDefinition(id: "a", label: "A", base: "a")], []),
    (
      "a concept in an unknown unit",
      [UnitDefinition(id: "a", label: "A")],
      [IndicatorConcept(id: "c", ja: "シ", en: "C", unit: "b", words: [["シ"]])]
    ),
    (
      "a concept without words",
      [UnitDefinition(id: "a", label: "A")],
      [IndicatorConcept(id: "c", ja: "シ", en: "C", unit: "a", words: [])]
    ),
    (
      "an empty word",
      [UnitDefinition(id: "a", label: "A")],
      [IndicatorConcept(id: "c", ja: "シ", en: "C", unit: "a", words: [["シ", ""]])]
    ),
  ]

  @Test("a concept table that cannot be used is refused", arguments: broken)
  func refused(
    _ example: (why: String, units: [UnitDefinition], concepts: [IndicatorConcept])
  ) {
    #expect(throws: CatalogError.self, "\(example.why)") {
      try ConceptCatalog(units: example.units, concepts: example.concepts)
    }
  }
}
