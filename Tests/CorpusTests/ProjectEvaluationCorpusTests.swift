import Foundation
import GyoseiModel
import SheetMapping
import SourceReaders
import TestSupport
import Testing

/// 大船渡市's real 事務事業評価 workbook (Corpus/workbooks), and the same sheet saved by Excel as
/// CP932 CSV (Corpus/variants, written with openpyxl by scripts/generate-workbook-variants.py).
///
/// Every cost figure and indicator value of every project is checked against openpyxl's reading
/// of the workbook by scripts/check-project-workbook.py (run by .ci/run); the values written
/// here were read off the sheet by eye (row 3, project 0086).
@Suite("corpus: a project workbook")
struct ProjectEvaluationCorpusTests {
  static let workbook = "Corpus/workbooks/ofunato-project-evaluation-2025.xlsx"
  static let csv = "ofunato-project-evaluation-2025.cp932.csv"

  static func convertWorkbook() throws -> Document {
    let bytes = try CorpusExamples.file(workbook)
    let catalog = try MappingCatalog(files: try CorpusExamples.mappingFiles())
    let table = try XLSXReader.read(bytes, fileName: "ofunato-project-evaluation-2025.xlsx")
    return try SheetMapper.map(
      table, sha256: SHA256Digest.hex(bytes), format: .xlsxWorkbook,
      mapping: try catalog.recognize(table), repairs: catalog.repairs
    ).document
  }

  @Test("the workbook: 407 projects, each with a distinct 事務事業ID, all six years")
  func projects() throws {
    let document = try Self.convertWorkbook()
    #expect(document.family == .projectEvaluation)
    #expect(document.fiscalYear == 2025)
    #expect(document.municipality.code.digits == "032034")
    #expect(document.source.sheet == "データ集計マクロ用シート")
    let projects = try #require(document.projects)
    #expect(projects.count == 407)
    #expect(Set(projects.map(\.code)).count == 407)
    #expect(projects.allSatisfy { $0.codeScheme == "事務事業ID" })
    let years = Set(projects.flatMap { $0.costs.map(\.fiscalYear) })
    #expect(years == Set(2020...2025))
    // The filler row above the header is the form's own text, not unmapped content.
    #expect(!document.unmapped.contains { $0.position.line == 1 })
    // What stays unmapped are values under indicators without a name, each warned about.
    let unnamed = document.warnings.filter { $0.code == "project.indicator-unnamed" }
    #expect(!unnamed.isEmpty)
    #expect(
      Set(document.unmapped.map(\.position.line)).isSubset(
        of: Set(unnamed.compactMap(\.position?.line))))
  }

  @Test("project 0086 (row 3) as the sheet has it: plan, organization, costs, indicators")
  func firstProject() throws {
    let project = try #require(try Self.convertWorkbook().projects?.first)
    #expect(project.code == "0086" && project.name == "不法投棄対策事業")
    #expect(project.planLevels.map(\.code) == ["06", "21", "02"])
    #expect(project.planLevels.map(\.name) == ["自然豊かな環境の保全と創造", "廃棄物処理対策の推進", "廃棄物の適正処理"])
    #expect(project.organization == Organization(department: "市民生活部市民環境課", sections: ["環境衛生係"]))
    #expect(project.category == "E 一般")  // Ｅ　一般, width folded
    #expect(project.logic?.target == "市民\n不法投棄廃棄物")  // the cell's line break kept
    #expect(project.costs.map(\.kind) == [.actual, .actual, .actual, .actual, .actual, .plan])
    #expect(project.costs.map { $0.totalCost?.value } == [4209, 4068, 3913, 3937, 3963, 3948])
    let first = project.costs[0]
    #expect(first.unit == "千円")
    #expect(first.funding.map(\.source) == ["国庫支出金", "都道府県支出金", "地方債", "その他", "一般財源"])
    #expect(first.funding.map(\.value) == [0, 0, 0, 0, 3089])
    #expect(first.projectCost?.value == 3089 && first.personnelCost?.value == 1120)
    #expect(first.staff?.value == 3 && first.hours?.value == 280)
    #expect(project.indicators.map(\.label) == ["ア", "イ", "カ", "サ"])
    let signs = project.indicators[1]
    #expect(signs.name == "啓発看板の設置基数" && signs.unit == "基" && signs.kind == .activity)
    // '11' is stored as text, 23 as a number: both are values.
    #expect(signs.observations.map(\.value) == [11, 23, 10, 13, 10, 16])
    #expect(signs.observations.last?.kind == .target)
    #expect(project.assessments.count == 8)
    #expect(project.assessments.first?.grade == "結びついている")
    #expect(project.directions.first == ProjectDirection(label: "改革改善の方向性", text: "1 現状維持"))
    #expect(project.details.first == ProjectDetail(label: "No.", text: "1"))
  }

  @Test("the same table saved by Excel as CP932 CSV gives the same projects, but for ?")
  func csvVariant() throws {
    let workbook = try Self.convertWorkbook()
    let csv = try VariantConversion.convert(Self.csv)
    #expect(csv.source.format == .csvTable && csv.source.encoding == "CP932")
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let left = Array(
      String(decoding: try encoder.encode(workbook.projects), as: UTF8.self).unicodeScalars)
    let right = Array(
      String(decoding: try encoder.encode(csv.projects), as: UTF8.self).unicodeScalars)
    #expect(left.count == right.count)
    let differences = zip(left, right).filter { $0 != $1 }
    // Excel writes ? for what CP932 lacks: ㎥, ㏊, ℓ, ➁ … (42 characters in 39 cells).
    #expect(differences.allSatisfy { $0.1 == "?" })
    #expect(differences.count == 42)
    #expect(csv.warnings.map(\.code) == workbook.warnings.map(\.code))
    #expect(csv.unmapped == workbook.unmapped)
  }
}

/// Every provenance entry of every expected document points at a value the document holds.
@Suite("corpus: provenance")
struct ProvenanceCorpusTests {
  static func resolves(_ pointer: String, in document: Any) -> Bool {
    var node: Any = document
    for token in pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
      let key = token.replacingOccurrences(of: "~1", with: "/")
        .replacingOccurrences(of: "~0", with: "~")
      if let array = node as? [Any], let index = Int(key), array.indices.contains(index) {
        node = array[index]
      } else if let object = node as? [String: Any], let value = object[key] {
        node = value
      } else {
        return false
      }
    }
    return true
  }

  @Test(
    "each pointer resolves", arguments: CorpusExamples.sheets + ["ofunato-project-evaluation-2025"])
  func pointersResolve(name: String) throws {
    let bytes = try CorpusExamples.file("Corpus/expected/\(name).json")
    let document = try JSONSerialization.jsonObject(with: Data(bytes))
    let entries = try #require((document as? [String: Any])?["provenance"] as? [[String: Any]])
    let unresolved = entries.compactMap { $0["pointer"] as? String }.filter {
      !Self.resolves($0, in: document)
    }
    #expect(unresolved.isEmpty, "\(unresolved.prefix(5))")
  }
}
