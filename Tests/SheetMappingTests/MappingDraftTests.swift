import GyoseiModel
import SourceReaders
import Testing

@testable import SheetMapping

/// The pieces of a mapping draft: the text readings (table-driven, with strings of the
/// corpus's sheets among the cases), the vocabulary file's checks, and drafts of small
/// tables made up for one shape each.
struct MappingDraftTests {
  @Test(
    "a fiscal year in a text: where it is and the pattern written for it",
    arguments: [
      ("令和6年度業務目標", 0..<5, "(令和|平成)\\S+?年度"),
      ("令和元年度~令和4年度の合計削減額 147,364千円", 0..<11, "(令和|平成)\\S+?年度~(令和|平成)\\S+?年度"),
      ("第3次行財政改革行動計画進捗状況(令和2年度末)【11月24日現在】", 17..<22, "(令和|平成)\\S+?年度"),
      ("H30年度実績", 0..<5, "[RH][0-9]+年度"),
      ("2024年度 重点目標", 0..<6, "(19|20)[0-9]{2}年度"),
      ("平成27年度", 0..<6, "(令和|平成)\\S+?年度"),
    ])
  func year(text: String, range: Range<Int>, pattern: String) throws {
    let year = try #require(DraftText.year(in: Array(text.unicodeScalars)))
    #expect(year.range == range)
    #expect(year.pattern == pattern)
  }

  @Test(
    "no fiscal year: a year without 年度, a number, a date",
    arguments: ["令和の時代", "12024年度", "36.8% (21 年度)", "11月24日現在", "R年度", "平成年度"])
  func noYear(text: String) {
    #expect(DraftText.year(in: Array(text.unicodeScalars)) == nil)
  }

  @Test(
    "a label's leading marker, and where its explanation starts",
    arguments: [
      ("ア施策の目的", 1, 6), ("ウ成果指標(「⇧」は目標値を上回ることが望ましい指標)", 1, 5),
      ("(1)現状", 3, 5), ("①取組", 1, 3), ("1.目的", 2, 4), ("アンケート", 0, 5),
      ("主管課:防災危機管理室", 0, 3), ("期間・期限(いつ・いつまでに)", 0, 5), ("2024", 0, 4),
    ])
  func marker(key: String, marker: Int, explanation: Int) {
    let scalars = Array(key.unicodeScalars)
    #expect(DraftText.markerLength(scalars) == marker)
    #expect(DraftText.explanationStart(scalars) == explanation)
  }

  @Test(
    "a literal pattern: operators escaped, spaces as \\s*; YAML quoting",
    arguments: [
      ("各部(局)の重点課題と目標", "各部\\(局\\)の重点課題と目標"), ("No.", "No\\."),
      ("a  b", "a\\s*b"), ("[累計]", "\\[累計\\]"),
    ])
  func literal(text: String, pattern: String) throws {
    #expect(DraftText.literal(text.unicodeScalars) == pattern)
    #expect(try LinePattern(pattern).wholeMatch(text) != nil)
  }

  @Test("YAML quoting doubles a single quote")
  func quoting() {
    #expect(DraftText.quoted("it's") == "'it''s'")
  }

  @Test(
    "a cell's control and line-separating characters never reach the file as they are",
    arguments: ["表\u{2028}題", "見出し\u{85}です", "a\rb", "引用\"と\\", "タブ\t", "零\u{0}"])
  func controlCharacters(text: String) throws {
    let yaml = "id: " + DraftText.quoted(text) + "\n"
    #expect(!yaml.dropLast().unicodeScalars.contains { DraftText.isControl($0) || $0 == "\r" })
    let node = try #require(try YAMLChecks.compose(yaml))
    #expect(node["id"]?.string == text)
    let comment = DraftText.commentText(text)
    #expect(!comment.unicodeScalars.contains { DraftText.isControl($0) || $0 == "\n" })
    let pattern = try LinePattern("^" + DraftText.literal(text.unicodeScalars) + "$")
    #expect(pattern.wholeMatch(text) != nil)
  }

  @Test("a sheet whose cells carry line separators: the draft still reads as it was written")
  func separatorsInCells() throws {
    let table = Self.table([
      ["令和7年度 業務目標\u{2028}# injected: 1"],
      ["No", "事務事業名(\u{85}id: x)", "担当課"], ["1", "窓口", "市民課"],
    ])
    let (_, yaml) = try Self.draft(table)
    guard case .mapping(let mapping) = try MappingCatalog.decode(yaml, file: "draft.yaml") else {
      Issue.record("not a mapping")
      return
    }
    #expect(mapping.id == "test")
    #expect(yaml.contains("# line 2 cell 2: 事務事業名( id: x)"))
    let document = try SheetMapper.map(
      table, sha256: String(repeating: "0", count: 64), format: .pdfText, mapping: mapping
    ).document
    #expect(document.objectives?.map(\.title) == ["窓口"])
    #expect(document.title == "業務目標\u{2028}# injected: 1")
  }

  static func vocabulary(_ text: String) throws -> DraftVocabulary {
    guard case .draftVocabulary(let vocabulary) = try MappingCatalog.decode(text, file: "v.yaml")
    else { throw MappingError.invalidMapping(file: "v.yaml", problem: "not a vocabulary") }
    return vocabulary
  }

  @Test(
    "a vocabulary file's mistakes name the key, its line and what is allowed",
    arguments: [
      ("draft-vocabulary:\n  budget-sheet: {family: [予算]}\n", "budget-sheet: not a family"),
      (
        "draft-vocabulary:\n  objective-sheet:\n    labels: {grade: [評価]}\n",
        "objective-sheet.labels: not a place of objective-sheet mappings; the places are family, fields, records, actions"
      ),
      (
        "draft-vocabulary:\n  objective-sheet:\n    records: {sektion: [担当課]}\n",
        "objective-sheet.records.sektion: not a field the draft fills there"
      ),
      (
        "draft-vocabulary:\n  policy-evaluation:\n    labels: {grade: 評価}\n",
        "policy-evaluation.labels.grade: expected a list of words, such as [主管課] (line 3"
      ),
      ("draft-vocabulary:\n  objective-sheet: {}\nextra: 1\n", "unknown key 'extra'"),
    ])
  func vocabularyMistakes(text: String, message: String) {
    do {
      _ = try Self.vocabulary(text)
      Issue.record("no error for \(text)")
    } catch {
      #expect("\(error)".contains(message), "\(error)")
    }
  }

  @Test("vocabularies merge field by field, the later file's words first")
  func merging() throws {
    let first = try Self.vocabulary(
      "draft-vocabulary:\n  objective-sheet:\n    records: {section: [担当課], number: [No]}\n")
    let second = try Self.vocabulary(
      "draft-vocabulary:\n  objective-sheet:\n    records: {section: [所管部署]}\n")
    let merged = first.merged(with: second).families[.objectiveSheet]?.places[.records] ?? []
    #expect(merged.map(\.field) == ["section", "number"])
    #expect(merged.first?.words == ["所管部署", "担当課"])
  }

  static let words = """
    draft-vocabulary:
      objective-sheet:
        family: [業務目標]
        records:
          number: ["No"]
          objective: [事務事業名]
          targets: [目標]
          section: [担当課]
      reform-action-program:
        family: [改革]
        item-table:
          title: [取組内容]
          result: [効果額]
    """

  static func table(_ lines: [[String]]) -> SourceTable {
    SourceTable(
      fileName: "sheet.txt", encoding: "UTF-8",
      rows: lines.enumerated().map { number, cells in
        SourceRow(
          line: number + 1,
          cells: cells.enumerated().map { index, text in
            SourceCell(line: number + 1, index: index + 1, raw: text, text: text, blocks: [])
          })
      })
  }

  /// A table's draft with `words`, for 上田市, and its text.
  static func draft(_ table: SourceTable) throws -> (draft: MappingDraft, yaml: String) {
    let draft = MappingDraft(table, vocabulary: try vocabulary(words))
    let code = try #require(MunicipalityCode("202037"))
    let yaml = draft.yaml(
      id: "test", publisher: .init(name: "上田市", prefecture: nil, code: code),
      outputName: "draft.yaml")
    return (draft, yaml)
  }

  @Test("a table with an objective per row: its columns, a year header as a pattern, the title")
  func recordsTable() throws {
    let table = Self.table([
      ["令和7年度 業務目標"], [],
      ["No", "事務事業名", "令和7年度目標", "担当課"],
      ["1", "窓口の改善", "待ち時間を半分にする", "市民課"],
      ["2", "防災訓練", "参加率30%", "防災課"],
    ])
    let (draft, yaml) = try Self.draft(table)
    #expect(draft.family == .objectiveSheet)
    guard case .mapping(let mapping) = try MappingCatalog.decode(yaml, file: "draft.yaml") else {
      Issue.record("not a mapping")
      return
    }
    #expect(mapping.sheet.titleLine?.source == "^(?<year>(令和|平成)\\S+?年度)\\s*(?<title>業務目標)$")
    #expect(mapping.records?.columns.map(\.field) == [.number, .objective, .targets, .section])
    #expect(mapping.records?.columns[2].header?.source == "^(令和|平成)\\S+?年度目標$")
    let document = try SheetMapper.map(
      table, sha256: String(repeating: "0", count: 64), format: .pdfText, mapping: mapping
    ).document
    #expect(document.fiscalYear == 2025)
    #expect(document.objectives?.map(\.title) == ["窓口の改善", "防災訓練"])
    #expect(draft.headerRows.first?.records == 2)
  }

  @Test("no shape it knows: the draft says what it did not find, and does not load")
  func nothingFound() throws {
    let table = Self.table([["業務目標について"], ["本文です。"]])
    let (draft, yaml) = try Self.draft(table)
    #expect(draft.gaps.contains { $0.contains("no table with an objective column") })
    #expect(draft.gaps.contains { $0.contains("--fiscal-year") })
    #expect(throws: MappingError.self) { try MappingCatalog.decode(yaml, file: "draft.yaml") }
  }

  @Test("the family asked for wins over the one the sheet resembles; a given year is used")
  func familyAndYear() throws {
    let table = Self.table([
      ["改革の取組"], ["取組内容", "効果額"], ["窓口の統合", "1,000千円"],
    ])
    let vocabulary = try Self.vocabulary(Self.words)
    #expect(MappingDraft(table, vocabulary: vocabulary).family == .reformActionProgram)
    let draft = MappingDraft(
      table, vocabulary: vocabulary, family: .objectiveSheet, fiscalYear: 2023)
    #expect(draft.family == .objectiveSheet)
    #expect(draft.fiscalYear == .fixed(2023))
  }
}
