import Foundation
import GyoseiModel
import TestSupport
import Testing

struct CommandLineTests {
  @Test("validate: every example is valid, exit 0")
  func validateExamples() throws {
    let result = try CommandRunner.run(["validate", "Corpus/examples"])
    #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
    #expect(result.standardError.contains("6 files: 6 valid, 0 invalid"))
  }

  @Test("validate: every broken document is reported, exit 1")
  func validateBroken() throws {
    let result = try CommandRunner.run(["validate", "Corpus/broken"])
    #expect(result.status == 1)
    #expect(result.standardOutput.contains("Corpus/broken/code-202038.xml:10:0: error: "))
    #expect(
      result.standardOutput.contains(
        "Corpus/broken/fiscal-year-text.json: /fiscalYear: error: expected integer"))
    #expect(result.standardError.contains("0 valid, 11 invalid"))
  }

  @Test(
    "usage and I/O errors exit 2",
    arguments: [
      ["validate"], ["validate", "no/such/file.json"], ["schema", "yaml"], ["frobnicate"],
      ["convert", "Corpus/examples"],
    ])
  func usageErrors(arguments: [String]) throws {
    let result = try CommandRunner.run(arguments)
    #expect(result.status == 2, "\(result.standardError)")
    #expect(!result.standardError.isEmpty)
  }

  @Test("schema prints the built-in schemas byte for byte")
  func schema() throws {
    #expect(
      try CommandRunner.run(["schema", "xsd"]).standardOutput.utf8.elementsEqual(
        PublishedSchema.xsd))
    #expect(
      try CommandRunner.run(["schema", "json"]).standardOutput.utf8.elementsEqual(
        PublishedSchema.jsonSchema))
  }

  @Test("convert: JSON to both forms reproduces the committed examples")
  func convert() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent(
      "gyosei-convert-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try CommandRunner.run([
      "convert", "Corpus/examples/ueda-objective-sheet-2025.json", "--out", out.path,
      "--format", "both",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    for fileExtension in ["json", "xml"] {
      let written = try Data(
        contentsOf: out.appendingPathComponent("ueda-objective-sheet-2025.\(fileExtension)"))
      #expect(
        [UInt8](written) == (try CorpusExamples.bytes("ueda-objective-sheet-2025", fileExtension)))
    }
  }

  @Test("convert: a broken input fails, names the problem, and writes nothing")
  func convertBroken() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent(
      "gyosei-convert-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try CommandRunner.run([
      "convert", "Corpus/broken/code-202038.json", "--out", out.path,
    ])
    #expect(result.status == 1)
    #expect(result.standardError.contains("check digit 8, expected 7"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
  }
}
