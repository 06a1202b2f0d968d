import Foundation
import GyoseiModel
import TestSupport
import Testing

struct CommandLineTests {
  @Test("validate: every example is valid, 1.2 and 1.0 alike (each by its schema), exit 0")
  func validateExamples() throws {
    let result = try CommandRunner.run(["validate", "Corpus/examples"])
    #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
    #expect(result.standardError.contains("12 files: 12 valid, 0 invalid"))
  }

  @Test("validate: every document broken against the schema is reported, exit 1")
  func validateBroken() throws {
    let files = try FileManager.default.contentsOfDirectory(
      atPath: CorpusExamples.path("Corpus/broken")
    ).filter { $0.hasSuffix(".json") || $0.hasSuffix(".xml") }.sorted()
    #expect(files.count == 11)
    let result = try CommandRunner.run(["validate"] + files.map { "Corpus/broken/\($0)" })
    #expect(result.status == 1)
    #expect(
      result.standardOutput.contains(
        "Corpus/broken/code-202038.xml:10:0: error municipality.check-digit: "))
    #expect(
      result.standardOutput.contains(
        "Corpus/broken/fiscal-year-text.json:11:17: error schema.json: expected integer"))
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
    // An earlier version gyosei still reads, and one it does not know (a usage error).
    let old = try CommandRunner.run(["schema", "xsd", "--schema-version", "1.0"])
    #expect(old.standardOutput.utf8.elementsEqual(PublishedSchema.xsd(version: "1.0") ?? []))
    #expect(old.standardOutput.contains("urn:x-gyosei:document:1.0"))
    let unknown = try CommandRunner.run(["schema", "json", "--schema-version", "2.0"])
    #expect(unknown.status == 2 && unknown.standardOutput.isEmpty)
    #expect(unknown.standardError.contains("'1.0', '1.1' or '1.2'"))
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

@Suite("gyosei convert on sheets")
struct ConvertSheetTests {
  static func temporaryDirectory() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "gyosei-convert-\(UUID().uuidString)")
  }

  /// A fresh input directory (created) and output directory (left for `convert` to create).
  static func inputAndOutput() throws -> (input: URL, out: URL) {
    let input = temporaryDirectory()
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    return (input, temporaryDirectory())
  }

  /// Removes test directories, whether or not they were made.
  static func remove(_ directories: URL...) {
    for directory in directories { try? FileManager.default.removeItem(at: directory) }
  }

  @Test("the real sheets convert to the expected files, with a report per file")
  func sheets() throws {
    let out = Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let inputs = CorpusExamples.sheets.map { "Corpus/sheets/\($0).txt" }
    let result = try CommandRunner.run(
      ["convert"] + inputs + ["--out", out.path, "--format", "both", "--report"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardOutput.contains(
        "[ueda-objective-sheet: 5 objectives, 26 actions, 10 warnings, 0 unmapped]"))
    #expect(result.standardOutput.contains("  cells: 274 read, 274 mapped, 0 unmapped;"))
    #expect(result.standardOutput.contains("100.0 % accounted for"))
    #expect(
      result.standardOutput.contains(
        "[tomakomai-policy-evaluation: 7 基本施策, 58 施策, 89 indicators, 9 warnings, 1 unmapped]"
      ))
    #expect(
      result.standardOutput.contains(
        "[ueda-reform-action-program: 3 categories, 61 items, 305 years, 77 warnings, 10 unmapped]"
      ))
    for name in CorpusExamples.sheets {
      for fileExtension in ["json", "xml"] {
        let written = try Data(contentsOf: out.appendingPathComponent("\(name).\(fileExtension)"))
        #expect(
          [UInt8](written) == (try CorpusExamples.file("Corpus/expected/\(name).\(fileExtension)")))
      }
    }
  }

  @Test("--lossy converts a sheet with a broken byte, with a warning; without it, an error")
  func lossy() throws {
    let (input, out) = try Self.inputAndOutput()
    defer { Self.remove(input, out) }
    var bytes = try CorpusExamples.file(
      "Corpus/variants/ueda-objective-sheet-2024-fukushi.cp932.txt")
    let broken = bytes.firstIndex(of: 0x0A)! + 1  // the first byte of line 2
    bytes.insert(0xFF, at: broken)
    let sheet = input.appendingPathComponent("fukushi-broken.txt")
    try Data(bytes).write(to: sheet)

    let strict = try CommandRunner.run([
      "convert", sheet.path, "--encoding", "cp932", "--out", out.path,
    ])
    #expect(strict.status == 1)
    #expect(
      strict.standardError.contains("byte offset \(broken): 0xFF does not decode as CP932"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)

    let lossy = try CommandRunner.run(["convert", sheet.path, "--lossy", "--out", out.path])
    #expect(lossy.status == 0, "\(lossy.standardError)")
    let document = try JSONDecoder().decode(
      Document.self, from: try Data(contentsOf: out.appendingPathComponent("fukushi-broken.json")))
    #expect(document.source.encoding == "CP932")
    #expect(
      document.warnings.contains {
        $0.code == "encoding.replaced" && $0.position?.line == 2 && $0.original == "0xFF"
      })
  }

  @Test("an unknown --encoding is a usage error")
  func unknownEncoding() throws {
    let result = try CommandRunner.run([
      "convert", "Corpus/sheets/ueda-objective-sheet-2024-fukushi.txt", "--encoding", "latin1",
      "--out", Self.temporaryDirectory().path,
    ])
    #expect(result.status == 2)
    #expect(result.standardError.contains("'latin1' is invalid for '--encoding"))
    #expect(result.standardError.contains("cp932"))
  }

  @Test("a sheet of a layout no mapping knows fails, names the closest, and writes nothing")
  func unknownLayout() throws {
    let (input, out) = try Self.inputAndOutput()
    defer { Self.remove(input, out) }
    let sheet = input.appendingPathComponent("jimu-jigyo-hyoka.txt")
    try Data("令和5年度 事務事業評価シート\n部局名\t総務部\n重点目標\t窓口の改善\n".utf8).write(to: sheet)
    let result = try CommandRunner.run(["convert", sheet.path, "--out", out.path])
    #expect(result.status == 1)
    #expect(
      result.standardError.contains(
        "jimu-jigyo-hyoka.txt: error: not a known sheet layout; the closest is "
          + "ueda-objective-sheet (objective-sheet)"))
    #expect(result.standardError.contains("missed: "))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
  }

  @Test("an indicator table whose rows yield no indicator fails naming the file, exit 1")
  func indicatorTableWithoutIndicators() throws {
    let (input, out) = try Self.inputAndOutput()
    defer { Self.remove(input, out) }
    let sheet = input.appendingPathComponent("shihyo.tsv")
    // The header of 苫小牧市's table, and rows that are no indicator's.
    try Data("令和2年度 評価指標一覧\n施策番号\t指標名\t単位\tR1年度\n\t\t\t\n".utf8).write(to: sheet)
    let result = try CommandRunner.run(["convert", sheet.path, "--out", out.path])
    #expect(result.status == 1)
    #expect(
      result.standardError.contains(
        "shihyo.tsv: error: the table has a header but no row yields an indicator"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
  }

  @Test(
    "an .xls, a truncated .xlsx and a file that is no workbook fail naming the file and what to do",
    arguments: [
      (
        "old.xls",
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504),
        "save it in Excel as .xlsx (without a password) or as CSV"
      ),
      ("cut.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "damaged or truncated"),
      ("text.xlsx", Array("No\t事務事業名\n".utf8), "not a ZIP archive"),
    ] as [(String, [UInt8], String)])
  func badWorkbooks(name: String, bytes: [UInt8], message: String) throws {
    let (input, out) = try Self.inputAndOutput()
    defer { Self.remove(input, out) }
    let file = input.appendingPathComponent(name)
    try Data(bytes).write(to: file)
    let result = try CommandRunner.run(["convert", file.path, "--out", out.path])
    #expect(result.status == 1)
    #expect(
      result.standardError.contains("\(name): error: ") && result.standardError.contains(message))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
  }

  @Test(
    "mapping problems are usage errors",
    arguments: [
      ["--mapping", "no-such-layout"], ["--mappings", "no/such/dir"],
      ["--mapping", "no/such/file.yaml"],
    ])
  func mappingUsage(extra: [String]) throws {
    let out = Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try CommandRunner.run(
      ["convert", "Corpus/sheets/ueda-objective-sheet-2024-fukushi.txt", "--out", out.path] + extra)
    #expect(result.status == 2, "\(result.standardError)")
    #expect(result.standardError.hasPrefix("gyosei convert: "))
  }

  @Test("--mapping by id skips recognition and converts the same")
  func mappingByID() throws {
    let out = Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try CommandRunner.run([
      "convert", "Corpus/sheets/ueda-objective-sheet-2024-fukushi.txt", "--out", out.path,
      "--mapping", "ueda-objective-sheet",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let written = try Data(
      contentsOf: out.appendingPathComponent("ueda-objective-sheet-2024-fukushi.json"))
    #expect(
      [UInt8](written)
        == (try CorpusExamples.file("Corpus/expected/ueda-objective-sheet-2024-fukushi.json")))
  }
}

@Suite("gyosei convert on spreadsheet and XML exports")
struct ConvertExportTests {
  @Test("a spreadsheet, an Excel XML and a records XML convert, naming the layouts used")
  func exports() throws {
    let out = ConvertSheetTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try CommandRunner.run([
      "convert", "Corpus/variants/ueda-objective-sheet-2024-fukushi.utf8.tsv",
      "Corpus/variants/ueda-reform-action-program-2022.spreadsheet.xml",
      "Corpus/variants/tomakomai-indicator-table-2020.records.xml", "--out", out.path,
      "--format", "both",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("[ueda-objective-sheet: 4 objectives, 14 actions"))
    #expect(
      result.standardOutput.contains(
        "[excel-xml-spreadsheet/ueda-reform-action-program: 3 categories, 61 items"))
    #expect(
      result.standardOutput.contains(
        "[tomakomai-indicator-records-xml/tomakomai-indicator-table: 56 施策, 89 indicators, "
          + "267 values"))
    let written = try FileManager.default.contentsOfDirectory(atPath: out.path)
    #expect(written.count == 6)
  }

  @Test("--read-as tab reads Excel's Unicode text saved as .txt as a table")
  func readAs() throws {
    let (input, out) = try ConvertSheetTests.inputAndOutput()
    defer { ConvertSheetTests.remove(input, out) }
    let file = input.appendingPathComponent("unicode-text.txt")
    try Data(
      try CorpusExamples.file("Corpus/variants/ueda-reform-action-program-2022.utf16le.tsv")
    ).write(to: file)
    let result = try CommandRunner.run([
      "convert", file.path, "--read-as", "tab", "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("77 warnings, 10 unmapped]"))
    let document = try Data(contentsOf: out.appendingPathComponent("unicode-text.json"))
    #expect(String(decoding: document, as: UTF8.self).contains("\"format\": \"tab-table\""))
  }

  @Test("hostile XML fails with its cause, exit 1, and writes nothing")
  func hostile() throws {
    let (input, out) = try ConvertSheetTests.inputAndOutput()
    defer { ConvertSheetTests.remove(input, out) }
    let file = input.appendingPathComponent("xxe.xml")
    try Data(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<r>&x;</r>\n"
        .utf8
    ).write(to: file)
    let result = try CommandRunner.run(["convert", file.path, "--out", out.path])
    #expect(result.status == 1)
    #expect(result.standardError.contains("xxe.xml: line 2: the document declares a DOCTYPE"))
    #expect(!result.standardError.contains("root:"))
    #expect((try? FileManager.default.contentsOfDirectory(atPath: out.path))?.isEmpty ?? true)
  }

  @Test("gyosei mappings lists every installed mapping with its kind")
  func mappings() throws {
    let result = try CommandRunner.run(["mappings"])
    #expect(result.status == 0, "\(result.standardError)")
    for id in [
      "ueda-objective-sheet", "tomakomai-policy-evaluation", "ueda-reform-action-program",
      "tomakomai-indicator-table", "excel-xml-spreadsheet", "ueda-objective-records-xml",
      "tomakomai-indicator-records-xml",
    ] {
      #expect(result.standardOutput.contains("\n\(id) "), "\(id)")
    }
    #expect(result.standardOutput.contains("xml-export, read by ueda-objective-sheet"))
    // Each file under its own kind: the comparison catalogs are not text repairs.
    let lines = result.standardOutput.split(separator: "\n")
    #expect(lines.contains { $0.contains("themes.yaml") && $0.contains(" themes ") })
    #expect(
      lines.contains { $0.contains("indicator-concepts.yaml") && $0.contains("indicator concepts") }
    )
    #expect(lines.contains { $0.contains("text-repairs.yaml") && $0.contains("text repairs") })
    #expect(
      lines.contains { $0.contains("draft-vocabulary.yaml") && $0.contains("draft vocabulary") })
    // `mappings list` is the same command, named.
    #expect(try CommandRunner.run(["mappings", "list"]).standardOutput == result.standardOutput)
    #expect(!lines.contains { $0.contains("themes.yaml") && $0.contains("text repairs") })
  }

  @Test("gyosei mappings reports a file that does not read, exit 1")
  func brokenMapping() throws {
    let directory = ConvertSheetTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try Data("id: x\nformat: xml-export\nrecognize: [/r]\n".utf8).write(
      to: directory.appendingPathComponent("x.yaml"))
    let result = try CommandRunner.run(["mappings", "--mappings", directory.path])
    #expect(result.status == 1)
    #expect(result.standardError.contains("rows: list the rows the export is laid out as"))
  }
}
