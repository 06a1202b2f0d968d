import ArgumentParser
import ComparisonReports
import ComparisonStore
import Foundation
import GyoseiPipeline

/// `gyosei compare`: cities side by side, theme by theme, from the comparison store.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare cities theme by theme from a store that `gyosei load` wrote.",
    discussion: """
      For each theme: the cities' objectives and actions with their targets and reports, their \
      measures with indicators by fiscal year, their reform items; indicators of one concept \
      (Mappings/indicator-concepts.yaml) on one row, units and fiscal years explicit. Records \
      no theme rule matches are listed at the end.
      Formats: md (Markdown), csv (UTF-8 with a BOM for Excel; a cell starting with = + - @ is \
      prefixed with ' so that no spreadsheet runs it), html (one self-contained file with \
      inline SVG charts; no scripts, no external files). The format defaults to the --out \
      file's extension, else md. The output file is written whole or not at all.
      Exit status: 0 written, 1 a city or theme is not in the store, 2 usage or I/O error.
      """
  )

  @Option(help: "The SQLite store `gyosei load` wrote.")
  var db: String

  @Option(
    help: "Municipality codes, comma-separated, in column order (default: every city in the store)."
  )
  var cities: String?

  @Option(help: "Only this theme (its id in themes.yaml).")
  var theme: String?

  /// The report's form.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case md
    case csv
    case html
  }

  @Option(help: "md, csv or html.")
  var format: Format?

  @Option(help: "Write the report to this file instead of standard output.")
  var out: String?

  func run() throws {
    guard FileManager.default.fileExists(atPath: db) else {
      Console.error("error: \(db): no such store; create it with gyosei load FILE... --db \(db)")
      throw ExitCode(ExitStatus.usage)
    }
    let chosen = format ?? out.flatMap { Format(rawValue: ($0 as NSString).pathExtension) } ?? .md
    let comparison: Comparison
    do {
      let store = try ComparisonStore(path: db) {
        Console.error("gyosei compare: \(db) is in use by another process (a load?); waiting")
      }
      let codes =
        try cities.map {
          $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
          }
        }
        ?? store.cities().map(\.code)
      guard !codes.isEmpty else {
        Console.error("error: \(db): the store holds no documents; load some first")
        throw ExitCode(ExitStatus.failure)
      }
      comparison = try store.comparison(cities: codes, theme: theme)
    } catch let error as StoreError {
      Console.error("error: \(error)")
      throw ExitCode(ExitStatus.failure)
    }
    let bytes: [UInt8]
    switch chosen {
    case .md: bytes = Array(MarkdownReport.render(comparison).utf8)
    case .csv: bytes = CSVReport.render(comparison)
    case .html: bytes = Array(HTMLReport.render(comparison).utf8)
    }
    guard let out else {
      try Console.write(bytes)
      return
    }
    do {
      try OutputFile.write(bytes, to: out)
    } catch {
      Console.error("gyosei compare: \(error)")
      throw ExitCode(ExitStatus.usage)
    }
  }
}
