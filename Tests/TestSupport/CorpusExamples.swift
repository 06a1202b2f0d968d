import Foundation

/// The files under Corpus/, read from the source tree.
public enum CorpusExamples {
  /// The repository root.
  public static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The hand-built example of each family, without extension.
  public static let names = [
    "ueda-objective-sheet-2025", "tomakomai-policy-evaluation-2020",
    "ueda-reform-action-program-2022",
  ]

  /// The deliberately broken documents, without extension, each named for what it breaks.
  public static let brokenNames = [
    "missing-field", "wrong-type", "code-202038", "fiscal-year-text", "unknown-key",
  ]

  /// The real objective sheets that convert, without extension (Corpus/sheets/NAME.txt; the
  /// expected output is Corpus/expected/NAME.json and .xml).
  public static let objectiveSheets = [
    "ueda-objective-sheet-2024-fukushi", "ueda-objective-sheet-2024-shimin-machizukuri",
    "ueda-objective-sheet-2025-kenko-kodomo-mirai",
  ]

  /// The real policy evaluation that converts (Corpus/sheets/NAME.txt).
  public static let policyEvaluations = ["tomakomai-policy-evaluation-2020"]

  /// The real reform action program that converts (Corpus/sheets/NAME.txt).
  public static let reformPrograms = ["ueda-reform-action-program-2022"]

  /// The real sheets of other cities, each converted by its own mapping file alone.
  public static let otherCities = [
    "yonago-objective-list-2024", "soma-objective-table-2024", "nagasaki-policy-evaluation-2015",
    "kizugawa-reform-progress-2020", "soma-reform-results-2022",
  ]

  /// Every real sheet of Corpus/sheets, each with its expected output in Corpus/expected.
  public static let sheets = objectiveSheets + policyEvaluations + reformPrograms + otherCities

  /// The mapping files of Mappings/, as (file name, text) pairs.
  public static func mappingFiles() throws -> [(name: String, text: String)] {
    let directory = root.appendingPathComponent("Mappings")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".yaml") }.sorted()
    return try names.map { name in
      (name, try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
    }
  }

  /// A path below the repository root.
  public static func path(_ relative: String) -> String {
    root.appendingPathComponent(relative).path
  }

  /// An example's bytes.
  public static func bytes(_ name: String, _ fileExtension: String) throws -> [UInt8] {
    try file("Corpus/examples/\(name).\(fileExtension)")
  }

  /// A broken document's bytes.
  public static func broken(_ name: String, _ fileExtension: String) throws -> [UInt8] {
    try file("Corpus/broken/\(name).\(fileExtension)")
  }

  /// A real sheet's lines split into cells at tabs, as plainly as possible: for tests that
  /// check the conversion against the raw text with code of their own.
  public static func sheetLines(_ name: String) throws -> [[String]] {
    let text = String(decoding: try file("Corpus/sheets/\(name).txt"), as: UTF8.self)
    return text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
  }

  /// Any file's bytes, by its path below the repository root.
  public static func file(_ relative: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
  }

  /// `text` as Excel's "Unicode text" writes it: UTF-16LE after a byte order mark.
  public static func utf16LittleEndianWithBOM(_ text: String) -> [UInt8] {
    [0xFF, 0xFE] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
  }
}
