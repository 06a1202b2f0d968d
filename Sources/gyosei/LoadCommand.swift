import ArgumentParser
import ComparisonStore
import GyoseiPipeline

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

  @OptionGroup var catalogs: CatalogOptions

  @OptionGroup var progressOptions: ProgressOptions

  @Flag(
    help: """
      Keep a document that describes the same sheet as a stored one from another source (by \
      default the later replaces the earlier, so that each record counts once).
      """)
  var keepBoth = false

  @Flag(name: .shortAndLong, help: "Print a line for each document loaded.")
  var verbose = false

  func run() throws {
    let catalogs = try catalogs.catalogs()
    let files = try StoreLoading.files(paths)
    let summary = try StoreLoading.load(
      files, catalogs: catalogs, keepBoth: keepBoth, quiet: progressOptions.quiet
    ) {
      try ComparisonStore(path: db) {
        Console.error("gyosei load: \(db) is in use by another process (a load?); waiting for it")
      }
    }
    for loaded in summary.documents
    where verbose || !loaded.replaced.isEmpty || !loaded.sameSheet.isEmpty {
      var notes: [String] = []
      if !loaded.replaced.isEmpty {
        notes.append("replaces \(loaded.replaced.joined(separator: ", "))")
      }
      if !loaded.sameSheet.isEmpty {
        notes.append(
          "replaces \(loaded.sameSheet.joined(separator: ", ")), the same sheet read from "
            + "another source; --keep-both keeps both")
      }
      let suffix = notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))"
      try Console.out("\(loaded.path): \(loaded.id)\(suffix)")
    }
    try Console.out(
      "\(db): \(summary.documents.count) file(s) loaded; the store holds "
        + "\(summary.storedDocuments) document(s), \(summary.records) records "
        + "(\(summary.unthemed) without a theme), \(summary.conceptValues) indicator values "
        + "matched to a concept")
  }
}
