import GyoseiModel
import SourceReaders
import TestSupport
import Testing

@testable import SheetMapping

@Suite("MappingCatalog")
struct MappingCatalogTests {
  static let minimal = """
    id: test-layout
    family: objective-sheet
    municipality: {name: 上田市, prefecture: 長野県, code: "202037"}
    recognize: [重点目標管理シート, 部局名]
    sheet: {title: 重点目標管理シート}
    fields:
      - {field: objective, labels: [重点目標]}
    actions:
      columns:
        - {field: title, labels: [取組項目]}
        - {field: schedule, labels: [期間・期限]}
    """

  @Test("the repository's mapping files decode")
  func repositoryMappings() throws {
    let catalog = try MappingCatalog(files: try CorpusExamples.mappingFiles())
    let mapping = try catalog.mapping(id: "ueda-objective-sheet")
    #expect(mapping.family == .objectiveSheet)
    #expect(mapping.municipality.code.digits == "202037")
    #expect(mapping.fields.filter { $0.field == .planPosition }.count == 3)
  }

  @Test(
    "mistakes in a mapping file are errors that say where",
    arguments: [
      (
        minimal.replacingOccurrences(of: "recognize:", with: "recognise:"),
        "unknown key 'recognise' (line 4, column 1)"
      ),
      // A pattern that does not compile: its key, its place in the file, the pattern, why.
      (
        minimal.replacingOccurrences(
          of: "sheet: {title: 重点目標管理シート}",
          with: "sheet:\n  title-line: '^(?<year>[^)]+年度\\s*(?<title>.+)$'"),
        "sheet.title-line (line 6, column 15): the pattern ^(?<year>[^)]+年度\\s*(?<title>.+)$ "
          + "does not compile"
      ),
      (
        minimal.replacingOccurrences(
          of: "sheet: {title: 重点目標管理シート}",
          with: "sheet:\n  title-line: '^(?<title>.+)$'"),
        "sheet.title-line (line 6, column 15): the pattern needs a capture (?<year>…)"
      ),
      // A problem found after decoding names the key's place too, as far as the key is there.
      (
        minimal.replacingOccurrences(
          of: "sheet: {title: 重点目標管理シート}",
          with: "sheet:\n  title: 重点目標管理シート\n  contents: 重点目標"),
        "sheet.contents-entry (line 6, column 3): a pattern for the contents' entries"
      ),
      (
        minimal.replacingOccurrences(
          of: "{field: objective, labels: [重点目標]}", with: "{field: objective, label: [重点目標]}"),
        "unknown key 'fields[].label'"
      ),
      (minimal.replacingOccurrences(of: "\"202037\"", with: "\"202038\""), "municipality.code"),
      (
        minimal.replacingOccurrences(of: "family: objective-sheet", with: "family: budget"),
        "family"
      ),
      (
        minimal.replacingOccurrences(of: "field: objective", with: "field: department"),
        "an objective field is needed"
      ),
      (
        minimal.replacingOccurrences(
          of: "{field: schedule, labels: [期間・期限]}", with: "{field: targets, labels: [数値目標]}"),
        "a 'schedule' column is needed"
      ),
      ("id: [", "not valid YAML"),
    ])
  func invalid(text: String, fragment: String) {
    #expect {
      _ = try MappingCatalog(files: [("broken.yaml", text)])
    } throws: { error in
      guard let error = error as? MappingError, case .invalidMapping(let file, let problem) = error
      else { return false }
      return file == "broken.yaml" && problem.contains(fragment)
    }
  }

  /// A value of the wrong kind: the message lists the values there are, or says what kind of
  /// value is expected, with an example, and what the file has instead.
  static let wrongValues: [(text: String, fragment: String)] = [
    (
      minimal.replacingOccurrences(of: "family: objective-sheet", with: "family: budget"),
      "family (line 2, column 9): 'budget' is not a value this key takes; expected one of: "
        + "objective-sheet, policy-evaluation, reform-action-program, indicator-table, "
        + "project-evaluation"
    ),
    (
      minimal.replacingOccurrences(of: "field: objective", with: "field: objektive"),
      "fields[0].field (line 7, column 13): 'objektive' is not a value this key takes; "
        + "expected one of: objective, "
    ),
    (
      minimal.replacingOccurrences(of: "labels: [重点目標]", with: "labels: 重点目標"),
      "fields[0].labels (line 7, column 32): expected a list, such as [事務事業名, 事業名] or "
        + "lines starting with '- ', found '重点目標'"
    ),
    (
      minimal.replacingOccurrences(of: "id: test-layout", with: "id: [a, b]"),
      "id (line 1, column 5): expected text, such as 事務事業名"
    ),
  ]

  @Test("a value of the wrong kind says what would match", arguments: wrongValues)
  func wrongValue(text: String, fragment: String) {
    invalid(text: text, fragment: fragment)
  }

  @Test("a catalog that defers decoding holds the same mappings as one that does not")
  func deferredDecoding() throws {
    let files = try CorpusExamples.mappingFiles()
    let eager = try MappingCatalog(files: files)
    let deferred = try MappingCatalog(files: files, deferring: Set(files.map(\.name)))
    #expect(deferred.heads == eager.heads)
    #expect(try deferred.mappings == eager.mappings)
    // Recognition reads the heads; the mapping it returns is decoded whole.
    let bytes = try CorpusExamples.file("Corpus/sheets/soma-objective-table-2024.txt")
    let table = try PDFTextReader.read(bytes, fileName: "soma.txt")
    #expect(try deferred.recognize(table) == eager.recognize(table))
  }

  @Test("a deferred file that does not decode fails when it is used, naming the file")
  func deferredFailure() throws {
    let broken = Self.minimal.replacingOccurrences(of: "field: objective", with: "field: objektive")
    let catalog = try MappingCatalog(
      files: [("broken.yaml", broken)], deferring: ["broken.yaml"])
    #expect(catalog.heads.map(\.id) == ["test-layout"])
    for _ in 0..<2 {
      #expect {
        _ = try catalog.mapping(id: "test-layout")
      } throws: { error in
        guard let error = error as? MappingError,
          case .invalidMapping(let file, let problem) = error
        else { return false }
        return file == "broken.yaml" && problem.contains("'objektive' is not a value")
      }
    }
    // Not deferred, the same file is refused at once.
    #expect(throws: MappingError.self) { _ = try MappingCatalog(files: [("broken.yaml", broken)]) }
  }

  @Test("an unknown layout names the closest mapping and the labels it missed")
  func unrecognized() throws {
    let catalog = try MappingCatalog(files: try CorpusExamples.mappingFiles())
    // A department's evaluation sheet of a layout gyosei has no mapping for.
    let text = "令和5年度 事務事業評価シート\n部局名\t総務部\n重点目標\t窓口の改善\n事業名\t窓口改善事業\n"
    let table = try PDFTextReader.read(Array(text.utf8), fileName: "t.txt")
    #expect(throws: MappingError.self) { try catalog.recognize(table) }
    do {
      _ = try catalog.recognize(table)
    } catch {
      guard case .unrecognized(let closest, let family, _, let missing) = error else {
        Issue.record("wrong error \(error)")
        return
      }
      #expect(closest == "ueda-objective-sheet")
      #expect(family == "objective-sheet")
      #expect(missing.contains("優先順位") && !missing.contains("部局名"))
      #expect(error.description.contains("missed: "))
    }
  }

  @Test("--mapping with an id that does not exist lists the ids")
  func unknownID() throws {
    let catalog = try MappingCatalog(files: [("a.yaml", Self.minimal)])
    #expect(throws: MappingError.unknownMapping(id: "nope", available: ["test-layout"])) {
      try catalog.mapping(id: "nope")
    }
  }

  @Test("two files with one id are refused")
  func duplicateIDs() {
    #expect(throws: MappingError.self) {
      try MappingCatalog(files: [("a.yaml", Self.minimal), ("b.yaml", Self.minimal)])
    }
  }
}
