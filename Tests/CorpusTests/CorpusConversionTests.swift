import Emitters
import Foundation
import GyoseiModel
import SheetMapping
import SourceReaders
import TestSupport
import Testing
import Validation

/// The real sheets: each converts, validates, matches its expected output byte for
/// byte, and has the counts and warnings a reader of the sheet finds in it.
@Suite("corpus: the real sheets")
struct CorpusConversionTests {
  static func convert(_ name: String) throws -> MappingResult {
    let bytes = try CorpusExamples.file("Corpus/sheets/\(name).txt")
    let table = try PDFTextReader.read(bytes, fileName: "\(name).txt")
    let catalog = try MappingCatalog(files: try CorpusExamples.mappingFiles())
    let mapping = try catalog.recognize(table)
    return try SheetMapper.map(
      table, sha256: SHA256Digest.hex(bytes), format: .pdfText, mapping: mapping,
      repairs: catalog.repairs)
  }

  @Test(
    "converts to the expected JSON and XML, byte for byte",
    arguments: CorpusExamples.sheets)
  func matchesExpected(name: String) throws {
    let document = try Self.convert(name).document
    let json = try JSONEmitter.emit(document)
    let xml = try XMLEmitter.emit(document)
    #expect(json == (try CorpusExamples.file("Corpus/expected/\(name).json")))
    #expect(xml == (try CorpusExamples.file("Corpus/expected/\(name).xml")))
    let validator = DocumentValidator()
    #expect(validator.validate(json, file: "\(name).json").isEmpty)
    #expect(validator.validate(xml, file: "\(name).xml").isEmpty)
    #expect(document.consistencyProblems.isEmpty)
  }

  @Test("the same input gives the same bytes", arguments: CorpusExamples.sheets)
  func deterministic(name: String) throws {
    let first = try JSONEmitter.emit(try Self.convert(name).document)
    let second = try JSONEmitter.emit(try Self.convert(name).document)
    #expect(first == second)
  }

  /// Counts read off the sheets by eye: objectives in order of priority, action items per
  /// objective, numbered targets per action item.
  static let expectedCounts:
    [(name: String, fiscalYear: Int, department: String, actions: [Int], targets: [[Int]])] = [
      (
        "ueda-objective-sheet-2024-fukushi", 2024, "福祉部", [3, 5, 3, 3],
        [[2, 4, 3], [4, 4, 6, 2, 2], [5, 6, 4], [2, 2, 0]]
      ),
      (
        "ueda-objective-sheet-2024-shimin-machizukuri", 2024, "市民まちづくり推進部 上田地域自治センター",
        [4, 4, 4, 4, 3, 6, 3],
        [
          [2, 2, 2, 4], [3, 2, 2, 2], [6, 2, 2, 2], [3, 5, 2, 2], [1, 1, 1], [2, 2, 3, 3, 2, 2],
          [4, 5, 4],
        ]
      ),
      (
        "ueda-objective-sheet-2025-kenko-kodomo-mirai", 2025, "健康こども未来部", [8, 5, 4, 3, 6],
        [
          [5, 2, 2, 1, 3, 4, 2, 2], [3, 3, 3, 2, 2], [5, 6, 3, 2], [3, 1, 3], [2, 2, 3, 3, 2, 1],
        ]
      ),
    ]

  @Test(
    "objectives, priorities, actions and targets are counted right",
    arguments: expectedCounts.indices)
  func counts(index: Int) throws {
    let expected = Self.expectedCounts[index]
    let document = try Self.convert(expected.name).document
    let objectives = try #require(document.objectives)
    #expect(document.fiscalYear == expected.fiscalYear)
    #expect(document.organization?.department == expected.department)
    #expect(objectives.map(\.priority) == Array(1...expected.actions.count))
    #expect(objectives.map(\.actions.count) == expected.actions)
    #expect(objectives.map { $0.actions.map(\.targets.count) } == expected.targets)
    for objective in objectives {
      #expect(objective.actions.map(\.number) == Array(1...objective.actions.count))
    }
  }

  /// A warning the issue requires: code, line and the original text.
  struct Expected: Sendable, CustomStringConvertible {
    var sheet: String
    var code: String
    var line: Int
    var original: String
    var description: String { "\(sheet):\(line) \(code) \(original)" }
  }

  static let requiredWarnings: [Expected] = [
    .init(
      sheet: "ueda-objective-sheet-2025-kenko-kodomo-mirai", code: "marker.ocr-repaired", line: 46,
      original: "(7)"),
    .init(
      sheet: "ueda-objective-sheet-2025-kenko-kodomo-mirai", code: "marker.ocr-repaired", line: 46,
      original: "(4)"),
    .init(
      sheet: "ueda-objective-sheet-2024-fukushi", code: "marker.zero-as-bullet", line: 41,
      original: "〇"),
    .init(
      sheet: "ueda-objective-sheet-2024-fukushi", code: "action.empty", line: 72, original: "③"),
    .init(
      sheet: "ueda-objective-sheet-2024-shimin-machizukuri", code: "marker.duplicate", line: 47,
      original: "(5)"),
    .init(
      sheet: "ueda-objective-sheet-2024-shimin-machizukuri", code: "action.unnumbered", line: 101,
      original: "○ 特殊詐欺や悪質商法などの消費者被害防止対策の実施 (1) 警察等関係機関・団…"),
    .init(
      sheet: "ueda-objective-sheet-2025-kenko-kodomo-mirai", code: "text.duplicated-word", line: 43,
      original: "されるされる"),
    .init(
      sheet: "ueda-objective-sheet-2025-kenko-kodomo-mirai", code: "text.duplicated-word", line: 88,
      original: "医療医療"),
    .init(
      sheet: "ueda-objective-sheet-2024-fukushi", code: "text.duplicated-word", line: 21,
      original: "してして"),
    .init(
      sheet: "ueda-objective-sheet-2024-fukushi", code: "row.label-inferred", line: 22,
      original: "関係課及び関係機関による連携を進めることで、複雑・多様化した課題を抱える個人・世…"),
  ]

  /// Whether the conversion of `expected.sheet` has the warning (code, line, original text).
  static func hasWarning(_ expected: Expected) throws -> Bool {
    try convert(expected.sheet).document.warnings.contains {
      $0.code == expected.code && $0.position?.line == expected.line
        && $0.original == expected.original
    }
  }

  @Test("the warnings the sheets call for are there", arguments: requiredWarnings)
  func requiredWarning(expected: Expected) throws {
    #expect(try Self.hasWarning(expected))
  }

  @Test("003's seventh objective: three unnumbered actions, numbered in order")
  func unnumbered() throws {
    let document = try Self.convert("ueda-objective-sheet-2024-shimin-machizukuri").document
    let actions = try #require(document.objectives?[6].actions)
    #expect(actions.map(\.marker) == [nil, nil, nil])
    #expect(actions.map(\.number) == [1, 2, 3])
    #expect(
      document.warnings.filter { $0.code == "action.unnumbered" }.map(\.position?.line) == [
        101, 102, 103,
      ])
  }

  @Test("000's second objective: item ⑤ runs on after the page break and its repeated header")
  func continuation() throws {
    let document = try Self.convert("ueda-objective-sheet-2025-kenko-kodomo-mirai").document
    let action = try #require(document.objectives?[1].actions[4])
    #expect(action.marker == "⑤")
    #expect(action.items.map(\.marker) == ["(1)", "(2)"])
    #expect(action.schedule.map(\.marker) == ["(1)", "(2)"])
    #expect(action.items[1].text == "発達支援に関する支援者の資質向上 【定住自立圏取組項目】")
    let traced = document.provenance.filter {
      $0.pointer == JSONPointer.root / "objectives" / 1 / "actions" / 4 / "items"
    }
    #expect(traced.map(\.position.line) == [52, 53])
  }

  @Test("notes written into the notes box become remarks under their prompt")
  func remarks() throws {
    let document = try Self.convert("ueda-objective-sheet-2024-fukushi").document
    let objectives = try #require(document.objectives)
    #expect(objectives.map { $0.remarks?.count ?? 0 } == [0, 0, 1, 0])
    let remark = try #require(objectives[2].remarks?.first)
    #expect(remark.prompt == "○市民参加・協働の推進、市民満足度の向上を考慮した点")
    #expect(remark.items.map(\.marker) == ["・", "・", "・"])
    #expect(remark.items[0].text.hasPrefix("「通称:手話言語・情報コミュニケーション条例」の周知について"))
    #expect(
      document.provenance.contains {
        $0.pointer == JSONPointer.root / "objectives" / 2 / "remarks" / 0 && $0.position.line == 60
      })
  }

  @Test("every cell is in a field, a label, or unmapped", arguments: CorpusExamples.objectiveSheets)
  func nothingLost(name: String) throws {
    let result = try Self.convert(name)
    #expect(result.report.accountedPercent == 100)
    #expect(result.report.cellsRead == result.report.cellsMapped + result.report.cellsUnmapped)
    #expect(result.report.cellsUnmapped == result.document.unmapped.count)
    #expect(result.document.unmapped.isEmpty, "the corpus's sheets map completely")
  }

  @Test("objective 1 of 000 agrees with the hand-built example")
  func agreesWithExample() throws {
    let converted = try #require(
      try Self.convert("ueda-objective-sheet-2025-kenko-kodomo-mirai").document.objectives?.first)
    let example = try #require(
      try CanonicalDecoder.decode(try CorpusExamples.bytes("ueda-objective-sheet-2025", "json"))
        .objectives?.first)
    var trimmed = converted
    trimmed.actions = Array(converted.actions.prefix(example.actions.count))
    #expect(trimmed == example)
  }
}
