import ArgumentParser
import ComparisonReports
import ComparisonStore
import Foundation
import GyoseiPipeline

/// `gyosei export`: every value of a store, or of canonical documents, as flat tables.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write a store's records and values as flat tables: CSV files or one workbook.",
    discussion: """
      From a store (--db, as `gyosei load` wrote it) or straight from canonical documents \
      (loaded into a store in memory first, with the same checks as `gyosei load`). One table \
      per kind of row: \(ComparisonStore.exportTableNames.joined(separator: ", ")). Every row \
      names its city (municipality code and name), its document, its record's kind and key, \
      and the source file, line and cell it was read from.
      csv: one UTF-8 file per table in the --out directory (--excel adds the byte order mark \
      and CRLF line ends Excel wants; a text starting with = + - @ is prefixed with ' so that \
      no spreadsheet runs it). xlsx: one workbook, a sheet per table, the header row frozen, \
      numbers as numbers. Whole numbers print without a decimal point; the text the sheet had \
      is in the raw columns. The same store gives the same bytes; every file is written whole \
      or not at all.
      The same tables are views of the store (export_documents, export_observations, …) for \
      sqlite3 and Datasette.
      Exit status: 0 written, 1 a document is invalid or a table cannot be written, 2 usage or \
      I/O error.
      """
  )

  @Argument(help: "Canonical documents (.json, .xml) or directories holding them, instead of --db.")
  var paths: [String] = []

  @Option(help: "The SQLite store to export.")
  var db: String?

  /// The tables' form.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case csv
    case xlsx
  }

  @Option(help: "csv (a file per table) or xlsx (one workbook).")
  var format: Format = .csv

  @Option(
    name: .shortAndLong,
    help: "The directory for the CSV files, or the workbook file (.xlsx) to write.")
  var out: String

  @Flag(help: "CSV for Excel: a byte order mark and CRLF line ends.")
  var excel = false

  @Option(
    name: .customLong("table"),
    help: "Only this table (repeat for several; default: all of them).")
  var tables: [String] = []

  @OptionGroup var catalogs: CatalogOptions

  @OptionGroup var progressOptions: ProgressOptions

  func validate() throws {
    if db != nil && !paths.isEmpty {
      throw ValidationError("give a store (--db) or documents, not both")
    }
    if db == nil && paths.isEmpty {
      throw ValidationError("give a store (--db FILE) or canonical documents to export")
    }
    if excel && format != .csv {
      throw ValidationError("--excel is for CSV; a workbook is read by Excel as it is")
    }
    if format == .xlsx && !out.lowercased().hasSuffix(".xlsx") {
      throw ValidationError("the workbook --out names must end in .xlsx (for example tables.xlsx)")
    }
  }

  func run() throws {
    let store = try openStore()
    let exported: [ExportTable]
    do {
      exported = try store.exportTables(tables)
    } catch let error as StoreError {
      Console.error("error: \(error)")
      throw ExitCode(ExitStatus.failure)
    }
    var files: [(path: String, bytes: [UInt8])] = []
    switch format {
    case .csv:
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory)
      if exists && !isDirectory.boolValue {
        Console.error(
          "gyosei export: \(out) is a file; CSV tables go into a directory (or use "
            + "--format xlsx --out FILE.xlsx)")
        throw ExitCode(ExitStatus.usage)
      }
      if !exists { try OutputDirectory.make(out, command: "gyosei export") }
      for table in exported {
        files.append(
          (
            (out as NSString).appendingPathComponent(table.name + ".csv"),
            TableExport.csv(table, excel: excel)
          ))
      }
    case .xlsx:
      do {
        files.append((out, try TableExport.workbook(exported)))
      } catch {
        Console.error("error: \(error)")
        throw ExitCode(ExitStatus.failure)
      }
    }
    do {
      try OutputFile.write(files)
    } catch {
      Console.error("gyosei export: \(error)")
      throw ExitCode(ExitStatus.usage)
    }
    for (table, file) in zip(exported, format == .csv ? files.map(\.path) : []) {
      try Console.out("\(file): \(table.rows.count) rows")
    }
    if format == .xlsx {
      try Console.out(
        "\(out): "
          + exported.map { "\($0.name) \($0.rows.count) rows" }.joined(separator: ", "))
    }
  }

  /// The store to read: the one named, or a store in memory holding the documents given.
  private func openStore() throws -> ComparisonStore {
    if let db {
      guard FileManager.default.fileExists(atPath: db) else {
        Console.error("error: \(db): no such store; create it with gyosei load FILE... --db \(db)")
        throw ExitCode(ExitStatus.usage)
      }
      do {
        return try ComparisonStore(path: db) {
          Console.error("gyosei export: \(db) is in use by another process (a load?); waiting")
        }
      } catch let error as StoreError {
        Console.error("error: \(error)")
        throw ExitCode(ExitStatus.failure)
      }
    }
    let catalogs = try catalogs.catalogs()
    let files = try StoreLoading.files(paths)
    var store: ComparisonStore?
    _ = try StoreLoading.load(
      files, catalogs: catalogs, command: "export", quiet: progressOptions.quiet,
      outcome: "nothing exported"
    ) {
      let made = try ComparisonStore()
      store = made
      return made
    }
    guard let store else { throw ExitCode(ExitStatus.failure) }
    return store
  }
}
