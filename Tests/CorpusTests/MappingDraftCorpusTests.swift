import Emitters
import GyoseiModel
import SheetMapping
import SourceReaders
import TestSupport
import Testing

/// `gyosei mappings draft` on the other cities' sheets, with their own mappings hidden: the
/// draft is made from the form vocabulary alone, and then must load, find every field the
/// hand-written mapping fills from a label or header, and convert the sheet.
@Suite("corpus: mappings drafted for other cities' sheets, their mappings hidden")
struct MappingDraftCorpusTests {
  /// The vocabulary and the repair file, and no layout mapping.
  static func vocabularyOnly() throws -> MappingCatalog {
    try MappingCatalog(
      files: try CorpusExamples.mappingFiles().filter {
        $0.name == "draft-vocabulary.yaml" || $0.name == "text-repairs.yaml"
      })
  }

  /// The hand-written mapping of a sheet (for its id and municipality, and for comparison).
  static func handWritten(_ name: String) throws -> SheetMappingFile {
    let bytes = try CorpusExamples.file("Corpus/sheets/\(name).txt")
    let table = try PDFTextReader.read(bytes, fileName: "\(name).txt")
    return try MappingCatalog(files: try CorpusExamples.mappingFiles()).recognize(table)
  }

  /// The draft of a sheet, as a mapping file under the hand-written mapping's id and
  /// municipality (which a user gives on the command line), and the sheet's table.
  static func draft(_ name: String) throws -> (
    draft: MappingDraft, yaml: String, table: SourceTable, bytes: [UInt8]
  ) {
    let bytes = try CorpusExamples.file("Corpus/sheets/\(name).txt")
    let table = try PDFTextReader.read(bytes, fileName: "\(name).txt")
    let hand = try handWritten(name)
    let draft = MappingDraft(table, vocabulary: try vocabularyOnly().vocabulary)
    let city = hand.municipality
    let yaml = draft.yaml(
      id: hand.id,
      publisher: MappingDraft.Publisher(
        name: city.name, prefecture: city.prefecture, code: city.code),
      outputName: "draft.yaml")
    return (draft, yaml, table, bytes)
  }

  /// What a mapping fills from labels and headers: `place.field` for every field with a label
  /// or header pattern (not the marks of a direction column, which are values: 長崎市's ⇩ is
  /// in no cell of its sheet).
  static func labelledFields(_ mapping: SheetMappingFile) -> Set<String> {
    var fields = Set(mapping.fields.map { "fields." + $0.field.rawValue })
    fields.formUnion(mapping.actions.columns.map { "actions." + $0.field.rawValue })
    fields.formUnion(mapping.records?.columns.map { "records." + $0.field.rawValue } ?? [])
    fields.formUnion(
      mapping.program?.itemTable?.columns.map { "item-table." + $0.field.rawValue } ?? [])
    if let evaluation = mapping.evaluation {
      for child in Mirror(reflecting: evaluation.labels).children {
        if let list = child.value as? [String], !list.isEmpty, let name = child.label {
          fields.insert("labels." + name)
        }
      }
      if let table = evaluation.indicatorTable {
        if !table.baseline.isEmpty { fields.insert("indicator-table.baseline") }
        if !table.direction.isEmpty { fields.insert("indicator-table.direction") }
        fields.formUnion(table.kinds.keys.map { "indicator-table.kinds." + $0 })
      }
    }
    return fields
  }

  /// The sheets whose draft converts them as their own mapping does.
  static let drafted = [
    "soma-objective-table-2024", "nagasaki-policy-evaluation-2015", "soma-reform-results-2022",
    "yonago-objective-list-2024",
  ]

  @Test(
    "the draft finds the family and every labelled field of the hand-written mapping",
    arguments: drafted)
  func findsTheFields(name: String) throws {
    let (draft, yaml, _, _) = try Self.draft(name)
    let hand = try Self.handWritten(name)
    #expect(draft.family == hand.family)
    guard case .mapping(let mapping) = try MappingCatalog.decode(yaml, file: "draft.yaml") else {
      Issue.record("the draft is not a layout mapping")
      return
    }
    let missing = Self.labelledFields(hand).subtracting(Self.labelledFields(mapping))
    #expect(missing.isEmpty, "\(name): the draft lacks \(missing.sorted())")
    #expect(draft.gaps.isEmpty, "\(draft.gaps)")
  }

  @Test(
    "the draft converts the sheet to the expected document, byte for byte",
    arguments: drafted)
  func convertsAsExpected(name: String) throws {
    let (_, yaml, table, bytes) = try Self.draft(name)
    guard case .mapping(let mapping) = try MappingCatalog.decode(yaml, file: "draft.yaml") else {
      Issue.record("the draft is not a layout mapping")
      return
    }
    let result = try SheetMapper.map(
      table, sha256: SHA256Digest.hex(bytes), format: .pdfText, mapping: mapping,
      repairs: try Self.vocabularyOnly().repairs)
    let json = try JSONEmitter.emit(result.document)
    #expect(json == (try CorpusExamples.file("Corpus/expected/\(name).json")))
  }

  @Test("every label the draft writes is a cell of the sheet, on the line it names")
  func labelsAreCells() throws {
    for name in Self.drafted {
      let (draft, _, table, _) = try Self.draft(name)
      for label in draft.labels + draft.headerRows.flatMap(\.columns) {
        let row = try #require(table.rows.first { $0.line == label.line })
        let cell = try #require(row.cells.first { $0.index == label.cell })
        #expect(cell.text == label.text, "\(name) line \(label.line)")
      }
    }
  }

  @Test("a sheet whose items are lines of its own shape: a first document, the guess said")
  func kizugawa() throws {
    let name = "kizugawa-reform-progress-2020"
    let (draft, yaml, table, bytes) = try Self.draft(name)
    #expect(draft.family == .reformActionProgram)
    #expect(draft.gaps.isEmpty)
    #expect(yaml.contains("# GUESS: no item table; the 13 lines that open with '-'"))
    guard case .mapping(let mapping) = try MappingCatalog.decode(yaml, file: "draft.yaml") else {
      Issue.record("the draft is not a layout mapping")
      return
    }
    let document = try SheetMapper.map(
      table, sha256: SHA256Digest.hex(bytes), format: .pdfText, mapping: mapping,
      repairs: try Self.vocabularyOnly().repairs
    ).document
    // The raw reading: every line that starts "- " is an item, its text the title.
    let bulleted = try CorpusExamples.sheetLines(name).compactMap { cells in
      cells.first.flatMap { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : nil }
    }
    #expect(bulleted.count == 13)
    #expect(document.items?.map(\.title) == bulleted)
    #expect(document.fiscalYear == 2020 && document.fiscalYearText == "令和2年度")
  }

  @Test("the draft is the same text each time")
  func deterministic() throws {
    for name in Self.drafted {
      #expect(try Self.draft(name).yaml == Self.draft(name).yaml)
    }
  }
}
