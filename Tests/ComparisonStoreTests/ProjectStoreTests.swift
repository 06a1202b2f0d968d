import Emitters
import Foundation
import GRDB
import GyoseiModel
import StoreTestSupport
import TestSupport
import Testing

@testable import ComparisonStore

/// 大船渡市's projects in the store beside 苫小牧市's evaluation: records, yearly costs, the cost
/// of each theme, indicators matched to the concepts 苫小牧市's share.
struct ProjectStoreTests {
  static func load() throws -> (ComparisonStore, Document) {
    let path = "Corpus/expected/ofunato-project-evaluation-2025.json"
    let projects = try CanonicalDecoder.decodeJSON(try CorpusExamples.file(path))
    let evaluation = "Corpus/expected/tomakomai-policy-evaluation-2020.json"
    let store = try ComparisonStore()
    _ = try store.load(
      [
        LoadInput(document: projects, path: path),
        LoadInput(
          document: try CanonicalDecoder.decodeJSON(try CorpusExamples.file(evaluation)),
          path: evaluation),
      ], themes: StoreFixtures.themes(), concepts: StoreFixtures.concepts())
    return (store, projects)
  }

  @Test("every project a record, every yearly cost a row, each theme's cost their sum")
  func projects() throws {
    let (store, document) = try Self.load()
    let projects = try #require(document.projects)
    let (count, costs, funding) = try store.read { db in
      (
        try Int.fetchOne(db, sql: "SELECT count(*) FROM projects") ?? 0,
        try Int.fetchOne(db, sql: "SELECT count(*) FROM project_costs") ?? 0,
        try Int.fetchOne(db, sql: "SELECT count(*) FROM project_funding") ?? 0
      )
    }
    #expect(count == 407)
    #expect(costs == projects.reduce(0) { $0 + $1.costs.count })
    #expect(funding == projects.reduce(0) { $0 + $1.costs.reduce(0) { $0 + $1.funding.count } })
    // The themes' sums of 令和6年度's total cost add up to the whole city's.
    let total = projects.compactMap { $0.costs.first { $0.fiscalYear == 2024 }?.totalCost?.value }
      .reduce(0, +)
    let byTheme = try store.read { db in
      try Double.fetchOne(
        db,
        sql: """
          SELECT sum(total_cost) FROM project_costs_by_theme
          WHERE municipality_code = '032034' AND fiscal_year = 2024 AND kind = 'actual'
          """) ?? 0
    }
    #expect(abs(byTheme - total) < 0.001)
    let comparison = try store.comparison(cities: ["032034", "012131"])
    let health = try #require(comparison.themes.first { $0.ja == "健康づくり" })
    let ofunato = try #require(health.columns.first { $0.city.code == "032034" })
    #expect(!ofunato.projects.isEmpty)
    #expect(ofunato.projectCosts.contains { $0.fiscalYear == 2025 && $0.kind == "plan" })
  }

  @Test("特定健診受診率: 大船渡市's project indicator beside 苫小牧市's measure")
  func sharedConcept() throws {
    let (store, _) = try Self.load()
    let cities = try store.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT DISTINCT municipality_name FROM concept_values
          WHERE concept_id = 'specific-health-checkup-rate' ORDER BY 1
          """)
    }
    #expect(cities == ["大船渡市", "苫小牧市"])
  }

  @Test("a store of the previous schema keeps its records when it learns projects")
  func migration() throws {
    let queue = try DatabaseQueue()
    try StoreSchema.migrate(queue, upTo: "gyosei-store-2")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO documents (id, family, municipality_code, municipality_name, fiscal_year,
            source_file, source_sha256, source_format, source_encoding, schema_version,
            loaded_from)
          VALUES ('d', 'objective-sheet', '202037', '上田市', 2025, 'a.txt', 'x', 'pdf-text',
            'UTF-8', '1.1', 'a.json')
          """)
      try db.execute(
        sql: """
          INSERT INTO records (document_id, kind, record_key, sort_order, title, fiscal_year)
          VALUES ('d', 'objective', '1', 1, '目標', 2025)
          """)
      try db.execute(
        sql: "INSERT INTO organizations (record_id, seq, department) VALUES (1, 0, '総務部')")
    }
    try StoreSchema.migrate(queue)
    try queue.write { db in
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM objectives") == 1)
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM organizations") == 1)
      // Schema 1.3's export views read the old rows; their sources are unknown, not wrong.
      #expect(
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM export_records WHERE source_line IS NULL") == 1)
      try db.execute(
        sql: """
          INSERT INTO records (document_id, kind, record_key, sort_order, title, fiscal_year)
          VALUES ('d', 'project', '0086', 2, '不法投棄対策事業', 2025)
          """)
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM projects") == 1)
      // Deleting the document still deletes what hangs from it (GRDB enables foreign keys).
      try db.execute(sql: "DELETE FROM documents")
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM organizations") == 0)
    }
  }
}
