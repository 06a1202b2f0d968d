import ArgumentParser
import ComparisonStore
import Foundation
import GyoseiPipeline
import Validation

/// `gyosei load`: puts canonical documents into the SQLite comparison store.
struct LoadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "load",
    abstract: "Load canonical documents into an SQLite store for comparison.",
    discussion: """
      Each document (JSON or XML, as `convert` writes them; directories are searched \
      recursively) is checked against the schema, then stored. A document replaces any stored \
      document with its id or its source's sha256, so loading again is safe. The whole load is \
      one transaction: when any file fails, nothing is written and the store stays as it was.
      Every load themes all records with Mappings/themes.yaml and matches indicators and targets \
      with Mappings/indicator-concepts.yaml (or --themes, --concepts): after editing them, run \
      `gyosei load --db DB` without files to apply them to the store.
      The tables are documented in the README; `sqlite3 DB .schema` shows them.
      Exit status: 0 loaded, 1 a document is invalid or cannot be stored (nothing loaded), \
      2 usage or I/O error.
      """
  )

  @Argument(help: "Canonical documents (.json, .xml), or directories holding them.")
  var paths: [String] = []

  @Option(help: "The SQLite store (created if missing).")
  var db: String

  @Option(help: "The themes file (default: themes.yaml in the mappings directory).")
  var themes: String?

  @Option(help: "The indicator concept table (default: indicator-concepts.yaml there).")
  var concepts: String?

  @Option(help: "The mappings directory to find themes.yaml and indicator-concepts.yaml in.")
  var mappings: String?

  @Flag(name: .shortAndLong, help: "Print a line for each document loaded.")
  var verbose = false

  /// A file's bytes; one that cannot be read is a usage error.
  private static func read(_ file: String) throws -> [UInt8] {
    do {
      return try InputFiles.read(file)
    } catch {
      Console.error("error: \(error)")
      throw ExitCode(ExitStatus.usage)
    }
  }

  func run() throws {
    let themeCatalog: ThemeCatalog
    let conceptCatalog: ConceptCatalog
    let files: [String]
    do {
      themeCatalog = try ComparisonCatalogs.themes(themes, mappings: mappings)
      conceptCatalog = try ComparisonCatalogs.concepts(concepts, mappings: mappings)
      files = try InputFiles.expand(paths, extensions: InputKind.canonicalExtensions)
    } catch {
      Console.error("error: \(error)")
      throw ExitCode(ExitStatus.usage)
    }
    let validator = try DocumentValidator()
    // Each file is checked against its schema first, and nothing is loaded if one fails; then
    // each is read and decoded while the store takes it, so memory holds one document at a
    // time, however many there are. One that then cannot be decoded undoes the whole load.
    var failed = false
    for file in files {
      let bytes = try Self.read(file)
      do {
        try CanonicalInput.check(bytes, file: file, validator: validator)
      } catch {
        failed = true
        if let reason = error.reason {
          Console.error("\(file): error: the document cannot be read: \(reason)")
        }
        for issue in error.issues { Console.error(issue.formatted) }
      }
    }
    if failed {
      Console.error(
        "error: nothing loaded; fix or leave out the documents above (gyosei validate FILE "
          + "explains each)")
      throw ExitCode(ExitStatus.failure)
    }
    let summary: LoadSummary
    do {
      let store = try ComparisonStore(path: db) {
        Console.error("gyosei load: \(db) is in use by another process (a load?); waiting for it")
      }
      summary = try store.load(
        count: files.count, themes: themeCatalog, concepts: conceptCatalog
      ) { index in
        let file = files[index]
        do {
          // Checked against its schema in the first pass: decoded here only, once.
          return LoadInput(
            document: try CanonicalInput.decode(try InputFiles.read(file)), path: file)
        } catch {
          throw StoreError(message: "\(file): \(error)")
        }
      }
    } catch let error as StoreError {
      Console.error("error: \(error); nothing loaded")
      throw ExitCode(ExitStatus.failure)
    }
    for loaded in summary.documents where verbose || !loaded.replaced.isEmpty {
      let replaced =
        loaded.replaced.isEmpty ? "" : " (replaces \(loaded.replaced.joined(separator: ", ")))"
      try Console.out("\(loaded.path): \(loaded.id)\(replaced)")
    }
    try Console.out(
      "\(db): \(summary.documents.count) file(s) loaded; the store holds "
        + "\(summary.storedDocuments) document(s), \(summary.records) records "
        + "(\(summary.unthemed) without a theme), \(summary.conceptValues) indicator values "
        + "matched to a concept")
  }
}
