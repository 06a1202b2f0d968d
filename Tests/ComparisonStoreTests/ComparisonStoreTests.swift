import Emitters
import Foundation
import GRDB
import GyoseiModel
import StoreTestSupport
import TestSupport
import Testing

@testable import ComparisonStore

struct ComparisonStoreTests {
  @Test("the corpus loads: every record stored, themed or listed, the concepts matched")
  func corpus() throws {
    let store = try ComparisonStore()
    let summary = try store.load(
      try StoreFixtures.expectedDocuments(), themes: StoreFixtures.themes(),
      concepts: StoreFixtures.concepts())
    #expect(summary.storedDocuments == 10)
    // The expected documents: 16 + 26 + 7 objectives (上田市, 米子市, 相馬市) with 68 actions,
    // 58 + 3 measures (苫小牧市's 施策, 長崎市's 基本施策 E1 with its two 個別施策), 61 + 4 + 14 reform
    // items (上田市, 木津川市, 相馬市).
    let counts = try store.read { db in
      Dictionary(
        uniqueKeysWithValues: try GRDB.Row.fetchAll(
          db, sql: "SELECT kind, count(*) FROM records GROUP BY kind"
        ).map { ($0[0] as String, $0[1] as Int) })
    }
    #expect(counts == ["action": 68, "measure": 61, "objective": 49, "reform-item": 79])
    #expect(summary.records == 257)
    // The views sqlite3 and Excel users read, one per kind of record.
    let views = try store.read { db in
      try ["objectives", "actions", "measures", "reform_items"].map {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0
      }
    }
    #expect(views == [49, 68, 61, 79])
    let unthemed = try store.read { db in
      try String.fetchAll(
        db, sql: "SELECT record_key FROM records WHERE theme_id IS NULL ORDER BY id")
    }
    // The water works: no rule names them.
    #expect(unthemed == ["18"])
    // A part of a measure takes its measure's theme, even when the measure is themed by its
    // words only (長崎市's E1 has no plan position): E1-1 and E1-2 were left unthemed before.
    let parts = try store.read { db in
      try GRDB.Row.fetchAll(
        db,
        sql: "SELECT record_key, theme_id, theme_rule FROM records WHERE record_key LIKE 'E1%' "
          + "ORDER BY id"
      ).map { "\($0[0] as String) \($0[1] as String) \($0[2] as String)" }
    }
    #expect(
      parts == [
        "E1 disaster-prevention キーワード 災害",
        "E1-1 disaster-prevention 上位の記録と同じ（キーワード 災害）",
        "E1-2 disaster-prevention 上位の記録と同じ（キーワード 災害）",
      ])
  }

  @Test("特定健診受診率 shows both cities on one row, units and fiscal years explicit")
  func specificHealthCheckup() throws {
    let comparison = try StoreFixtures.corpusStore().comparison(cities: ["202037", "012131"])
    let row = try #require(comparison.concepts.first { $0.id == "specific-health-checkup-rate" })
    #expect(row.unitLabel == "%")
    #expect(row.series.map(\.city.name) == ["上田市", "苫小牧市"])
    let ueda = row.series[0].points.map {
      "\($0.fiscalYear) \($0.kind) \($0.value) \($0.asOf ?? "")"
    }
    #expect(ueda == ["2025 target 46.0 ", "2025 mid-term 13.6 2025-08-31"])
    let tomakomai = row.series[1].points.map { "\($0.fiscalYear) \($0.kind) \($0.value)" }
    #expect(tomakomai == ["2018 actual 34.9", "2019 actual 37.5", "2020 actual 32.7"])
    #expect(
      row.series[1].points.allSatisfy {
        $0.records == [RecordReference(kind: "measure", key: "2120711")]
      })
    // The row is in the theme both cities' records are in.
    let theme = try #require(comparison.themes.first { $0.id == "social-security" })
    #expect(theme.concepts.map(\.id) == ["specific-health-checkup-rate"])
    #expect(theme.columns.map(\.recordCount) == [2, 6])
  }

  @Test("one figure reported under two measures is one point naming both")
  func sameFigureTwice() throws {
    let comparison = try StoreFixtures.corpusStore().comparison(cities: ["012131"])
    let row = try #require(comparison.concepts.first { $0.id == "waiting-children" })
    #expect(row.series[0].points.map(\.value) == [318, 321, 329])
    #expect(
      row.series[0].points[0].records == [
        RecordReference(kind: "measure", key: "2120611"),
        RecordReference(kind: "measure", key: "2120632"),
      ])
  }

  @Test("loading again replaces: the same counts, nothing twice")
  func reload() throws {
    let store = try StoreFixtures.corpusStore()
    let before = try store.comparison(cities: ["202037", "012131"])
    let summary = try store.load(
      try StoreFixtures.expectedDocuments().reversed(), themes: StoreFixtures.themes(),
      concepts: StoreFixtures.concepts())
    #expect(summary.storedDocuments == 10)
    #expect(summary.records == 257)
    #expect(summary.documents.allSatisfy { $0.replaced == [$0.id] })
    #expect(try store.comparison(cities: ["202037", "012131"]) == before)
  }

  /// The expected documents of Corpus/variants: each the same sheet as a real one, read from
  /// another source (a CSV, an XML export, another encoding).
  static func variantDocuments() throws -> [LoadInput] {
    let directory = CorpusExamples.root.appendingPathComponent("Corpus/expected/variants")
    return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().map {
      let path = "Corpus/expected/variants/\($0)"
      return LoadInput(
        document: try CanonicalDecoder.decodeJSON(try CorpusExamples.file(path)), path: path)
    }
  }

  @Test("the same sheet from another source replaces the stored one; different sheets stay")
  func sameSheet() throws {
    let sheets = try StoreFixtures.expectedDocuments()
    let variants = try Self.variantDocuments()
    let store = try ComparisonStore()
    let summary = try store.load(
      sheets + variants, themes: StoreFixtures.themes(), concepts: StoreFixtures.concepts())
    // Ten real sheets, and two sheets only variants hold (苫小牧市's indicator table,
    // 大船渡市's workbook as CSV): each once, whatever the number of its sources.
    #expect(summary.storedDocuments == 12)
    let reform = try #require(
      summary.documents.first {
        $0.path.hasSuffix("ueda-reform-action-program-2022.spreadsheet.xml.json")
      })
    #expect(reform.sameSheet == ["202037-reform-action-program-2022-b6c736d526ce"])
    // 上田市's two objective sheets of 2024 (two departments) and 2025 are three sheets.
    let objectiveSheets = try store.read { db in
      try Int.fetchOne(
        db,
        sql:
          "SELECT count(*) FROM documents WHERE municipality_code = '202037' AND family = 'objective-sheet'"
      )
    }
    #expect(objectiveSheets == 3)
    let items = try store.read { db in
      try Int.fetchOne(
        db, sql: "SELECT count(*) FROM reform_items WHERE municipality_code = '202037'")
    }
    #expect(items == 61)
    let kept = try ComparisonStore()
    let both = try kept.load(
      sheets + variants, themes: StoreFixtures.themes(), concepts: StoreFixtures.concepts(),
      keepBoth: true)
    #expect(both.storedDocuments == sheets.count + variants.count)
    #expect(both.documents.allSatisfy { $0.sameSheet.isEmpty })
    // Kept both, the comparison says so, by the same rule; replaced, there is nothing to say.
    let note =
      "documents 202037-reform-action-program-2022-0ac80e0831eb, "
      + "202037-reform-action-program-2022-acf6894e8707, "
      + "202037-reform-action-program-2022-b6c736d526ce are read from different sources of one sheet"
    #expect(try kept.comparison(cities: ["202037"]).notes.contains { $0.contains(note) })
    #expect(try store.comparison(cities: ["202037"]).notes.allSatisfy { !$0.contains("sources") })
    // Different departments' objective sheets of one year are not one sheet: 福祉部's sources
    // are noted together, without 市民まちづくり推進部's.
    let fukushi = try #require(
      try kept.comparison(cities: ["202037"]).notes.first { $0.contains("9f8495b90d39") })
    #expect(fukushi.contains("202037-objective-sheet-2024-fa86d39406a1"))
    #expect(!fukushi.contains("59d9d31464c7"))
  }

  @Test("a failed load leaves the store as it was")
  func rollback() throws {
    let store = try ComparisonStore()
    let inputs = try StoreFixtures.expectedDocuments()
    _ = try store.load(
      [inputs[0]], themes: StoreFixtures.themes(), concepts: StoreFixtures.concepts())
    var broken = inputs[1].document
    broken.fiscalYear = 0
    #expect(throws: StoreError.self) {
      try store.load(
        [inputs[2], LoadInput(document: broken, path: "broken.json")],
        themes: StoreFixtures.themes(), concepts: StoreFixtures.concepts())
    }
    let ids = try store.read { db in try String.fetchAll(db, sql: "SELECT id FROM documents") }
    #expect(ids == [inputs[0].document.id])
    // Documents made one at a time: one that cannot be made undoes those stored before it.
    struct Unreadable: Error {}
    #expect(throws: Unreadable.self) {
      try store.load(count: 3, themes: StoreFixtures.themes(), concepts: StoreFixtures.concepts()) {
        index in
        guard index < 2 else { throw Unreadable() }
        return inputs[index + 2]
      }
    }
    let after = try store.read { db in try String.fetchAll(db, sql: "SELECT id FROM documents") }
    #expect(after == [inputs[0].document.id])
  }

  @Test("a file that is not gyosei's store is refused, not changed")
  func foreignFiles() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "gyosei-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = directory.appendingPathComponent("notes.sqlite")
    try Data("上田市のメモ\n".utf8).write(to: text)
    #expect(throws: StoreError.self) { try ComparisonStore(path: text.path) }
    #expect(try Data(contentsOf: text) == Data("上田市のメモ\n".utf8))
  }

  @Test("an unknown city or theme is an error that says what the store has")
  func unknownNames() throws {
    let store = try StoreFixtures.corpusStore()
    #expect(throws: StoreError.self) { try store.comparison(cities: ["131016"]) }
    #expect(throws: StoreError.self) { try store.comparison(cities: ["202037", "202037"]) }
    do {
      _ = try store.comparison(cities: ["202037"], theme: "sports")
      Issue.record("expected an error")
    } catch let error as StoreError {
      #expect(error.message.contains("health-promotion"))
    }
  }
}
