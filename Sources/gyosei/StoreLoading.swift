import ArgumentParser
import ComparisonStore
import GyoseiPipeline
import Validation

/// The theme and concept catalogs a store is loaded with: `gyosei load`'s options, and
/// `gyosei export`'s when it loads documents itself.
struct CatalogOptions: ParsableArguments {
  @Option(help: "The themes file (default: themes.yaml in the mappings directory).")
  var themes: String?

  @Option(help: "The indicator concept table (default: indicator-concepts.yaml there).")
  var concepts: String?

  @Option(help: "The mappings directory to find themes.yaml and indicator-concepts.yaml in.")
  var mappings: String?

  /// The two catalogs; one that cannot be read is a usage error, printed.
  func catalogs() throws -> (themes: ThemeCatalog, concepts: ConceptCatalog) {
    do {
      return (
        try ComparisonCatalogs.themes(themes, mappings: mappings),
        try ComparisonCatalogs.concepts(concepts, mappings: mappings)
      )
    } catch {
      Console.error("error: \(error)")
      throw ExitCode(ExitStatus.usage)
    }
  }
}

/// Canonical documents into a store, as `gyosei load` and `gyosei export` take them: every
/// file checked against its schema first (nothing is loaded when one fails), then each decoded
/// while the store takes it, one at a time.
enum StoreLoading {
  /// The canonical documents among `paths` (directories searched); a usage error otherwise.
  static func files(_ paths: [String]) throws -> [String] {
    do {
      return try InputFiles.expand(paths, extensions: InputKind.canonicalExtensions)
    } catch {
      Console.error("error: \(error)")
      throw ExitCode(ExitStatus.usage)
    }
  }

  /// Loads `files` into the store `open` gives, which is opened (or created) only once every
  /// file has passed its check.
  ///
  /// - Parameter outcome: what a failure leaves undone, for its message ("nothing loaded").
  /// - Throws: `ExitCode` after printing why: 1 when a document is invalid or cannot be
  ///   stored (then nothing is loaded), 2 when a file cannot be read.
  static func load(
    _ files: [String], catalogs: (themes: ThemeCatalog, concepts: ConceptCatalog),
    keepBoth: Bool = false, command: String = "load", quiet: Bool = false,
    outcome: String = "nothing loaded", into open: () throws -> ComparisonStore
  ) throws -> LoadSummary {
    let validator = DocumentValidator()
    var failed = false
    let checking = ProgressDisplay("\(command): checking", files: files, quiet: quiet)
    defer { checking.finish() }
    for file in files {
      defer { checking.advance(file) }
      let bytes: [UInt8]
      do {
        bytes = try InputFiles.read(file)
      } catch {
        // A file that cannot be read is an I/O error.
        checking.erase()
        Console.error("error: \(error)")
        throw ExitCode(ExitStatus.usage)
      }
      do {
        try CanonicalInput.check(bytes, file: file, validator: validator)
      } catch {
        checking.erase()
        failed = true
        if let reason = error.reason {
          Console.error("\(file): error: the document cannot be read: \(reason)")
        }
        for issue in error.issues { Console.error(issue.formatted) }
      }
    }
    if failed {
      Console.error(
        "error: \(outcome); fix or leave out the documents above (gyosei validate FILE "
          + "explains each)")
      throw ExitCode(ExitStatus.failure)
    }
    checking.finish()
    do {
      let store = try open()
      let loading = ProgressDisplay(command, files: files, quiet: quiet)
      defer { loading.finish() }
      return try store.load(
        count: files.count, themes: catalogs.themes, concepts: catalogs.concepts,
        keepBoth: keepBoth
      ) { index in
        let file = files[index]
        defer { loading.advance(file) }
        do {
          // Checked against its schema above: decoded here only, once.
          return LoadInput(
            document: try CanonicalInput.decode(try InputFiles.read(file)), path: file)
        } catch {
          throw StoreError(message: "\(file): \(error)")
        }
      }
    } catch let error as StoreError {
      Console.error("error: \(error); \(outcome)")
      throw ExitCode(ExitStatus.failure)
    }
  }
}
