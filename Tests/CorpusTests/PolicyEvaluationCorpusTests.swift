import Foundation
import GyoseiModel
import SheetMapping
import SourceReaders
import TestSupport
import Testing

/// 002, 苫小牧市 施策評価表 令和2年度: every 施策 with its indicators and values exactly as the
/// sheet has them, checked against a reading of the raw lines that shares no code with gyosei's.
@Suite("corpus: the policy evaluation")
struct PolicyEvaluationCorpusTests {
  static let name = "tomakomai-policy-evaluation-2020"

  static func document() throws -> Document {
    try CorpusConversionTests.convert(name).document
  }

  static func lines() throws -> [[String]] {
    try CorpusExamples.sheetLines(name)
  }

  /// Width folding for comparisons, by Foundation's compatibility mapping (NFKC).
  static func fold(_ text: String) -> String {
    text.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
  }

  @Test("the hierarchy: one goal, two policies, seven 基本施策, 58 施策")
  func hierarchy() throws {
    let document = try Self.document()
    #expect(document.fiscalYear == 2020)
    #expect(document.fiscalYearText == "令和2年度")
    #expect(document.title == "第6次基本計画 施策評価表")
    let goals = try #require(document.goals)
    #expect(goals.map(\.title) == ["共に支え合い健やかに暮らすまち"])
    #expect(goals[0].policies.map(\.title) == ["健康な暮らしの実現", "地域で支え合う福祉社会の形成"])
    #expect(
      goals[0].policies.map { $0.basicMeasures.map(\.number) } == [
        ["01", "02"], ["03", "04", "05", "06", "07"],
      ])
    let majors = goals[0].policies.flatMap(\.basicMeasures).map(\.majorMeasures.count)
    #expect(majors == [1, 4, 3, 5, 4, 7, 2])
    let measures = try #require(document.measures)
    // The 施策番号 are the lines of seven digits alone in their first cell.
    let codes = try Self.lines().compactMap { cells -> String? in
      guard let first = cells.first, first.count == 7, first.allSatisfy(\.isNumber) else {
        return nil
      }
      return first
    }
    #expect(codes.count == 58)
    #expect(measures.map(\.code) == codes)
    for measure in measures {
      let digits = Array(measure.code)
      #expect(String(digits[3...4]) == measure.basicMeasure, "\(measure.code)")
      #expect(String(digits[5]) == measure.majorMeasure, "\(measure.code)")
      #expect(!(measure.description ?? "").isEmpty && !measure.organizations.isEmpty)
      #expect(measure.codeScheme == "tomakomai-policy-evaluation")
      #expect(["A", "B"].contains(measure.reflection))
      #expect(measure.activitiesFiscalYear == 2020)
      #expect(!measure.activities.isEmpty && measure.direction != nil)
    }
  }

  struct RawIndicator: Equatable, CustomStringConvertible {
    var name: String
    var unit: String?
    var values: [Int: String]
    var description: String { "\(name) [\(unit ?? "-")] \(values.sorted { $0.key < $1.key })" }
  }

  /// The indicator rows as the raw lines give them: the header's year columns (H30年度 …), then
  /// rows with the name one cell in (or, where the PDF lost the empty first cell, in the first).
  static func rawIndicators() throws -> [String: [RawIndicator]] {
    let years = ["H30年度": 2018, "R1年度": 2019, "R2年度": 2020, "R3年度": 2021, "R4年度": 2022]
    var result: [String: [RawIndicator]] = [:]
    var code: String?
    var columns: [Int: Int]?
    for cells in try lines() {
      let first = cells[0]
      if first.count == 7, first.allSatisfy(\.isNumber) {
        code = first
        result[first] = []
        columns = nil
      } else if cells.contains("指標名") {
        columns = [:]
        for (index, cell) in cells.enumerated() {
          if let year = years[cell] { columns?[index] = year }
        }
      } else if first.hasPrefix("今後の取組") {
        columns = nil
      } else if let code, let columns, cells.count > 2 {
        let row = first.isEmpty ? cells : [""] + cells
        var values: [Int: String] = [:]
        for (index, year) in columns where index < row.count && !row[index].isEmpty {
          values[year] = row[index]
        }
        let unit = row[2].isEmpty ? nil : row[2]
        guard unit != nil || !values.isEmpty else { continue }  // a note, not an indicator
        result[code, default: []].append(
          RawIndicator(name: fold(row[1]), unit: unit, values: values))
      }
    }
    return result
  }

  @Test("every indicator and value is there exactly as the sheet has it")
  func indicatorsAsWritten() throws {
    let raw = try Self.rawIndicators()
    let measures = try #require(try Self.document().measures)
    var total = 0
    for measure in measures {
      let converted = measure.indicators.map { indicator in
        RawIndicator(
          name: Self.fold(indicator.name), unit: indicator.unit,
          values: Dictionary(
            uniqueKeysWithValues: indicator.observations.map { ($0.fiscalYear, $0.raw) }))
      }
      #expect(converted == raw[measure.code], "\(measure.code)")
      total += converted.count
      for observation in measure.indicators.flatMap(\.observations) {
        let number = Double(observation.raw.replacingOccurrences(of: ",", with: ""))
        #expect(observation.value == number, "\(measure.code) \(observation.raw)")
      }
    }
    #expect(total == 89)
  }

  @Test("a note where the indicators would be is kept as the note")
  func indicatorNotes() throws {
    let measures = try #require(try Self.document().measures)
    let notes = measures.filter { $0.indicatorNote != nil }
    #expect(notes.map(\.code) == ["2120333", "2120663"])
    #expect(notes[1].indicatorNote == "検討中のため設定できません。")
    #expect(notes.allSatisfy { $0.indicators.isEmpty })
  }

  @Test("several departments, a B 反映区分, and plan periods")
  func details() throws {
    let document = try Self.document()
    let measures = try #require(document.measures)
    let shared = try #require(measures.first { $0.code == "2110241" })
    #expect(
      shared.organizations == [
        Organization(department: "福祉部", sections: ["介護福祉課"]),
        Organization(department: "健康こども部", sections: ["健康支援課"]),
      ])
    let b = try #require(measures.first { $0.code == "2120513" })
    #expect(b.reflection == "B" && b.reflectionLabel == "実現に向けて努力しているもの")
    let plans = try #require(document.goals?[0].policies[1].basicMeasures.last?.relatedPlans)
    #expect(plans.count == 5)
    #expect(plans[0].name == "苫小牧市国民健康保険データヘルス計画")
    #expect(plans[0].period?.fiscalYearStart == 2018 && plans[0].period?.fiscalYearEnd == 2023)
  }

  @Test("a 施策番号 that disagrees with its headings is a warning, and is kept")
  func codeMismatch() throws {
    var text = String(
      decoding: try CorpusExamples.file("Corpus/sheets/\(Self.name).txt"), as: UTF8.self)
    text = text.replacingOccurrences(of: "\n2110112\t", with: "\n2110122\t")
    let table = try PDFTextReader.read(Array(text.utf8), fileName: "changed.txt")
    let catalog = try MappingCatalog(files: try CorpusExamples.mappingFiles())
    let document = try SheetMapper.map(
      table, sha256: String(repeating: "0", count: 64), format: .pdfText,
      mapping: try catalog.recognize(table), repairs: catalog.repairs
    ).document
    let warning = try #require(document.warnings.first { $0.code == "measure.code-mismatch" })
    #expect(warning.position?.line == 78 && warning.original == "2110122")
    #expect(warning.message.contains("主要施策 2 where the headings say 1"))
    #expect(document.measures?[1].code == "2110122")
  }

  static let requiredWarnings: [(code: String, line: Int, original: String)] = [
    ("era.past-end", 45, "平成30～34年度"),
    ("era.past-end", 1241, "平成30～35年度"),
    ("text.variant-character", 412, "括支援センター運營業務（市内7か所"),
    ("text.variant-character", 1008, "。 【閉室】 明德児童クラブ 【開"),
    ("lexicon.suspicious-word", 672, "- ・ 第2期苦小牧市福祉のまちづく"),
    ("lexicon.suspicious-word", 673, "- ・ 第3期苦小牧市障がい者計画"),
    ("lexicon.suspicious-word", 1286, "国民健康保険税込納率"),
    ("indicator.row-shifted", 843, "新規あいサポーター数"),
  ]

  @Test(
    "the repairs and doubts the sheet calls for are warnings", arguments: requiredWarnings.indices)
  func requiredWarning(index: Int) throws {
    let (code, line, original) = Self.requiredWarnings[index]
    let expected = CorpusConversionTests.Expected(
      sheet: Self.name, code: code, line: line, original: original)
    #expect(try CorpusConversionTests.hasWarning(expected), "\(expected)")
  }

  @Test("only the plan's section heading is unmapped")
  func unmapped() throws {
    let result = try CorpusConversionTests.convert(Self.name)
    #expect(result.document.unmapped.map(\.position.line) == [7])
    #expect(result.report.accountedPercent == 100)
  }
}
