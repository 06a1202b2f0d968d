import Emitters
import Foundation
import GyoseiModel
import GyoseiPipeline
import TestSupport
import Testing
import Validation

/// The pipeline driven as a library: bytes in, a document and its findings out, no command
/// line in between.
struct PipelineTests {
  static let settings = ConversionSettings(mappingsDirectory: CorpusExamples.path("Mappings"))

  @Test("a real sheet's bytes become its expected document", arguments: CorpusExamples.sheets)
  func sheetToDocument(name: String) throws {
    let path = "Corpus/sheets/\(name).txt"
    let bytes = try CorpusExamples.file(path)
    let conversion = try SheetConverter(settings: Self.settings).convert(path, bytes: bytes)
    #expect(
      try JSONEmitter.emit(conversion.document)
        == CorpusExamples.file("Corpus/expected/\(name).json"))
    #expect(conversion.report.accountedPercent == 100)
  }

  @Test("the checker finds in a converted document what validate reports: no error, its warnings")
  func findings() throws {
    let path = "Corpus/sheets/ueda-objective-sheet-2024-shimin-machizukuri.txt"
    let document = try SheetConverter(settings: Self.settings)
      .convert(path, bytes: try CorpusExamples.file(path)).document
    let entry = DocumentChecker().check(converted: document, file: path)
    #expect(entry.isValid)
    #expect(entry.issues.count == document.warnings.count)
    #expect(entry.issues.allSatisfy { $0.source?.file == path && $0.line == $0.source?.line })
  }

  @Test("canonical bytes are told apart from sheets, checked from their own bytes, and decoded")
  func canonical() throws {
    let bytes = try CorpusExamples.bytes("ueda-objective-sheet-2025", "xml")
    guard case .canonical = try InputKind.of("a.xml", bytes: bytes, encoding: nil) else {
      Issue.record("gyosei's XML is not recognized as canonical")
      return
    }
    let checker = DocumentChecker()
    let document = try CanonicalInput.read(bytes, file: "a.xml", validator: checker.validator)
    #expect(document.family == .objectiveSheet)
    let broken = try CorpusExamples.broken("code-202038", "json")
    let checked = checker.check(canonical: broken, file: "b.json")
    #expect(checked.entry.issues.map(\.code) == ["municipality.check-digit"])
    #expect(throws: CanonicalInput.Rejection.self) {
      try CanonicalInput.read(broken, file: "b.json", validator: checker.validator)
    }
  }

  @Test(
    "every expected document's tree is accepted as its bytes are, and writes those bytes",
    arguments: CorpusExamples.sheets)
  func treeCheck(name: String) throws {
    let bytes = try CorpusExamples.file("Corpus/expected/\(name).json")
    let validator = DocumentValidator()
    let tree = try CanonicalTree(
      CanonicalInput.read(bytes, file: "\(name).json", validator: validator))
    #expect(validator.accepts(json: tree))
    #expect(try JSONEmitter.emit(tree) == bytes)
  }

  @Test("a tree the schema refuses is reported from its bytes, at the line, and nothing passes")
  func treeRefused() throws {
    let name = CorpusExamples.sheets[0]
    let validator = DocumentValidator()
    var document = try CanonicalInput.read(
      try CorpusExamples.file("Corpus/expected/\(name).json"), file: "a.json",
      validator: validator)
    document.source.sha256 = "not a digest"
    #expect(!validator.accepts(json: try CanonicalTree(document)))
    let forms = CanonicalForms(.json, directory: "/tmp", validator: validator)
    let error = try #require(
      throws: SheetConverter.Failure.self,
      performing: { try forms.outputs(of: document, for: "a.txt") })
    #expect(error.description.contains("/source/sha256"))
    #expect(error.description.contains("a.json:"))
  }

  @Test("a built value the schema refuses is named at the source cell it was read from")
  func failureAtTheSource() throws {
    let validator = DocumentValidator()
    var document = try CanonicalInput.read(
      try CorpusExamples.file("Corpus/expected/yonago-objective-list-2024.json"), file: "a.json",
      validator: validator)
    let entry = try #require(
      document.provenance.first { $0.pointer.text == "/objectives/0/title" })
    document.objectives?[0].title = ""
    let forms = CanonicalForms(.json, directory: "/tmp", validator: validator)
    let error = try #require(
      throws: SheetConverter.Failure.self,
      performing: { try forms.outputs(of: document, for: "sheets/yonago.txt") })
    let cell = entry.position.cell.map { ":\($0)" } ?? ""
    #expect(
      error.description.contains(
        "sheets/yonago.txt:\(entry.position.line)\(cell): /objectives/0/title: error: "),
      "\(error.description)")
    #expect(error.description.contains("(read from 「\(entry.raw)」)"))
  }

  @Test("a missing mappings directory is a problem of the run, said once to every caller")
  func mappingProblem() throws {
    let converter = SheetConverter(
      settings: ConversionSettings(mappingsDirectory: "/nonexistent/mappings"))
    for _ in 0..<2 {
      #expect(throws: SheetConverter.MappingProblem.self) {
        try converter.convert("a.txt", bytes: Array("重点目標\n".utf8))
      }
    }
  }

  @Test("one converter on several threads gives each sheet its one document")
  func concurrent() async throws {
    let converter = SheetConverter(settings: Self.settings)
    let outputs = try await withThrowingTaskGroup(of: (String, [UInt8]).self) { group in
      for name in CorpusExamples.sheets + CorpusExamples.sheets {
        group.addTask {
          let path = "Corpus/sheets/\(name).txt"
          let document = try converter.convert(path, bytes: try CorpusExamples.file(path)).document
          return (name, try JSONEmitter.emit(document))
        }
      }
      var found: [(String, [UInt8])] = []
      for try await output in group { found.append(output) }
      return found
    }
    #expect(outputs.count == 2 * CorpusExamples.sheets.count)
    for (name, bytes) in outputs {
      #expect(bytes == (try CorpusExamples.file("Corpus/expected/\(name).json")), "\(name)")
    }
  }
}
