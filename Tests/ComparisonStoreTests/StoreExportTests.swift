import Emitters
import Foundation
import GyoseiModel
import StoreTestSupport
import TestSupport
import Testing

@testable import ComparisonStore

/// The export views over the real corpus: every row with its city, document, record and the
/// source line and cell it was read from, values as stored.
struct StoreExportTests {
  /// Every real sheet's expected document and the workbook's.
  static func documents() throws -> [LoadInput] {
    let workbook = "Corpus/expected/ofunato-project-evaluation-2025.json"
    return try StoreFixtures.expectedDocuments() + [
      LoadInput(
        document: try CanonicalDecoder.decodeJSON(try CorpusExamples.file(workbook)),
        path: workbook)
    ]
  }

  /// The tables, exported once for all the tests (the workbook's document is large).
  static let exported = Result { try export() }

  static func tables() throws -> [String: ExportTable] { try exported.get() }

  static func export() throws -> [String: ExportTable] {
    let store = try ComparisonStore()
    _ = try store.load(
      try documents(), themes: StoreFixtures.themes(), concepts: StoreFixtures.concepts())
    let tables = try store.exportTables()
    return Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
  }

  static func rows(_ table: ExportTable, where column: String, is value: ExportTable.Value)
    throws -> [[String: ExportTable.Value]]
  {
    let index = try #require(table.columns.firstIndex(of: column))
    return table.rows.filter { $0[index] == value }.map { row in
      Dictionary(uniqueKeysWithValues: zip(table.columns, row))
    }
  }

  @Test("every export table, every row named by its city and document")
  func allTables() throws {
    let tables = try Self.tables()
    #expect(tables.keys.sorted() == ComparisonStore.exportTableNames.sorted())
    for name in ComparisonStore.exportTableNames {
      let table = try #require(tables[name])
      #expect(Array(table.columns.prefix(2)) == ["municipality_code", "municipality_name"])
      #expect(!table.rows.isEmpty, "\(name) is empty")
      #expect(table.rows.allSatisfy { row in row[0] != .null && row[1] != .null })
    }
  }

  @Test("an indicator value: its year, kind, value and the sheet's line and cell")
  func observations() throws {
    let tables = try Self.tables()
    let table = try #require(tables["observations"])
    // 苫小牧市's がん検診受診率, line 67 of its sheet: 10.3 (cell 4), 17.8 (cell 5), 17.4.
    let rows = try Self.rows(table, where: "record_key", is: .text("2110111")).filter {
      $0["indicator_seq"] == .integer(0)
    }
    let first = try #require(rows.first { $0["fiscal_year"] == .integer(2018) })
    #expect(first["municipality_code"] == .text("012131"))
    #expect(first["municipality_name"] == .text("苫小牧市"))
    #expect(first["kind"] == .text("actual"))
    #expect(first["value"] == .real(10.3))
    #expect(first["raw"] == .text("10.3"))
    #expect(first["source_file"] == .text("tomakomai-policy-evaluation-2020.txt"))
    #expect(first["source_line"] == .integer(67))
    #expect(first["source_cell"] == .integer(4))
    let second = try #require(rows.first { $0["fiscal_year"] == .integer(2019) })
    #expect(second["source_cell"] == .integer(5))
  }

  @Test("a project's yearly cost: the workbook's figures and the cell of its total")
  func projectCosts() throws {
    let tables = try Self.tables()
    let table = try #require(tables["project_costs"])
    // 大船渡市's project 0086 (不法投棄対策事業), row 3 of the workbook: FY2020 actual.
    let row = try #require(
      try Self.rows(table, where: "record_key", is: .text("0086")).first {
        $0["fiscal_year"] == .integer(2020) && $0["kind"] == .text("actual")
      })
    #expect(row["project"] == .text("不法投棄対策事業"))
    #expect(row["project_cost"] == .real(3089))
    #expect(row["total_cost"] == .real(4209))
    #expect(row["unit"] == .text("千円"))
    #expect(row["source_line"] == .integer(3))
    #expect(row["source_cell"] == .integer(81))
  }

  @Test("a reform item's yearly plan and result, and every warning with its place")
  func targetsAndWarnings() throws {
    let tables = try Self.tables()
    let targets = try #require(tables["targets"])
    let reform = try Self.rows(targets, where: "record_kind", is: .text("reform-item"))
    #expect(!reform.isEmpty)
    #expect(reform.allSatisfy { $0["source_line"] != .null })
    let warnings = try #require(tables["warnings"])
    let documents = try Self.documents().map(\.document)
    #expect(warnings.rows.count == documents.reduce(0) { $0 + $1.warnings.count })
    let era = try Self.rows(warnings, where: "code", is: .text("era.past-end"))
    #expect(
      era.contains { $0["original"] == .text("平成30～34年度") && $0["source_line"] == .integer(45) })
  }

  @Test("a table that is not there is an error naming the ones that are")
  func unknownTable() throws {
    let store = try ComparisonStore()
    #expect {
      try store.exportTables(["observation"])
    } throws: { error in
      "\(error)".contains("no table observation") && "\(error)".contains("observations")
    }
  }
}
