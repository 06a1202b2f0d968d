import Foundation
import GRDB
import GyoseiModel

/// An SQLite store of canonical documents for comparing cities: `gyosei load` writes it,
/// `gyosei compare` reads it, and `sqlite3` or an ODBC client can read it as well.
public final class ComparisonStore: Sendable {
  private let queue: DatabaseQueue

  /// How long a command waits for another one that holds the store (a second `gyosei load`)
  /// before it gives up: long enough for a large load to finish.
  public static let busyTimeout: Double = 600

  /// Opens the store at `path`, creating it (and its tables) if there is no file.
  ///
  /// When another process is writing the store, each access waits for it (up to
  /// `busyTimeout` seconds), calling `waiting` once after the first second.
  ///
  /// - Throws: `StoreError` when the file is not an SQLite database or is a database of
  ///   something else, or stays locked past the timeout.
  public init(path: String, waiting: (@Sendable () -> Void)? = nil) throws {
    var configuration = Configuration()
    let pause = 0.02
    configuration.busyMode = .callback { tries in
      if tries == Int(1 / pause) { waiting?() }
      guard Double(tries) * pause < Self.busyTimeout else { return false }
      usleep(useconds_t(pause * 1_000_000))
      return true
    }
    do {
      queue = try DatabaseQueue(path: path, configuration: configuration)
      try Self.prepare(queue, name: path)
    } catch let error as DatabaseError {
      throw StoreError(message: "\(path): \(Self.describe(error))")
    }
  }

  /// A store in memory, for tests and one-off comparisons.
  public init() throws {
    queue = try DatabaseQueue()
    try Self.prepare(queue, name: "memory")
  }

  private static func prepare(_ queue: DatabaseQueue, name: String) throws {
    let foreign = try queue.read { db -> [String] in
      let tables = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      return tables.contains("grdb_migrations") ? [] : tables
    }
    guard foreign.isEmpty else {
      throw StoreError(
        message: "\(name): an SQLite database of something else (tables "
          + "\(foreign.prefix(5).joined(separator: ", "))); give gyosei a new file or one it wrote")
    }
    try StoreSchema.migrate(queue)
  }

  /// Loads documents in one transaction; a failure leaves the store as it was.
  ///
  /// Each document replaces any stored document with its id or its source's sha256. Then every
  /// record in the store is themed, and every indicator and target matched to a concept, with
  /// the given catalogs.
  public func load(
    _ inputs: [LoadInput], themes: ThemeCatalog, concepts: ConceptCatalog, keepBoth: Bool = false
  ) throws -> LoadSummary {
    try load(count: inputs.count, themes: themes, concepts: concepts, keepBoth: keepBoth) {
      inputs[$0]
    }
  }

  /// Loads `count` documents in one transaction, each made by `input` when its turn comes.
  ///
  /// Each is let go once stored: memory holds one document at a time, however many are
  /// loaded. A failure, of `input` or of the store, leaves the store as it was.
  ///
  /// A document that describes the same sheet as a stored one read from another source (a
  /// PDF's text and an XML export of the same program: `sameSheet(as:in:)`) replaces it too,
  /// so that each record is counted once; `keepBoth` keeps both.
  public func load(
    count: Int, themes: ThemeCatalog, concepts: ConceptCatalog, keepBoth: Bool = false,
    input next: (Int) throws -> LoadInput
  ) throws -> LoadSummary {
    do {
      // An immediate transaction takes the write lock at its start, so a second load waits
      // for the first rather than failing when it would upgrade a read lock.
      return try queue.writeWithoutTransaction { db in
        var loaded = LoadSummary()
        try db.inTransaction(.immediate) {
          loaded = try store(db)
          return .commit
        }
        return loaded
      }
    } catch let error as DatabaseError {
      throw StoreError(message: Self.describe(error))
    }

    func store(_ db: Database) throws -> LoadSummary {
      var summary = LoadSummary()
      for index in 0..<count {
        let input = try next(index)
        let replaced = try String.fetchAll(
          db, sql: "SELECT id FROM documents WHERE id = ? OR source_sha256 = ? ORDER BY id",
          arguments: [input.document.id, input.document.source.sha256])
        try db.execute(
          sql: "DELETE FROM documents WHERE id = ? OR source_sha256 = ?",
          arguments: [input.document.id, input.document.source.sha256])
        var writer = DocumentWriter(db: db, document: input.document)
        do {
          try writer.insert(loadedFrom: input.path)
        } catch let error as DatabaseError {
          throw StoreError(
            message: "\(input.path): document \(input.document.id) cannot be stored: "
              + Self.describe(error))
        }
        let sameSheet = keepBoth ? [] : try Self.sameSheet(as: input.document.id, in: db)
        for id in sameSheet {
          try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id])
        }
        summary.documents.append(
          LoadSummary.Loaded(
            id: input.document.id, path: input.path, replaced: replaced, sameSheet: sameSheet))
      }
      try Classifier(themes: themes, concepts: concepts).apply(db)
      try summary.count(db)
      return summary
    }
  }

  /// The stored documents, other than the stored document `id`, that describe its sheet.
  ///
  /// The same city, family, fiscal year and department, and records of the same kind, key and
  /// title: at least one when both titles are the same (or one has none), at least 80 % of the
  /// smaller document's records when the titles differ (a CSV export titles a table its own
  /// way). Documents of one city and year that share no record (one per 施策, one per
  /// department) are different sheets. `load` replaces them; the comparison notes those kept.
  static func sameSheet(as id: String, in db: Database) throws -> [String] {
    try String.fetchAll(
      db,
      sql: """
        WITH new AS (SELECT * FROM documents WHERE id = :new),
        candidates AS (
          SELECT d.id, d.title,
            (SELECT count(*) FROM records r WHERE r.document_id = d.id) AS records,
            (SELECT count(*) FROM records r WHERE r.document_id = d.id AND EXISTS (
              SELECT 1 FROM records n
              WHERE n.document_id = :new AND n.kind = r.kind AND n.record_key = r.record_key
                AND n.title = r.title)) AS shared
          FROM documents d, new
          WHERE d.id != new.id AND d.municipality_code = new.municipality_code
            AND d.family = new.family AND d.fiscal_year = new.fiscal_year
            AND d.department IS new.department
        )
        SELECT c.id FROM candidates c, new
        WHERE c.shared > 0 AND (
          c.title IS NULL OR new.title IS NULL OR c.title = new.title
          OR c.shared * 5 >= 4 * min(c.records,
            (SELECT count(*) FROM records WHERE document_id = :new)))
        ORDER BY c.id
        """,
      arguments: ["new": id])
  }

  /// The municipalities in the store, by code.
  public func cities() throws -> [City] {
    try queue.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT municipality_code, max(municipality_name) AS name, max(prefecture) AS prefecture
          FROM documents GROUP BY municipality_code ORDER BY municipality_code
          """
      ).map { City(code: $0["municipality_code"], name: $0["name"], prefecture: $0["prefecture"]) }
    }
  }

  /// The comparison of `cities` (municipality codes, in the order given), for one theme or all.
  public func comparison(cities: [String], theme: String? = nil) throws -> Comparison {
    try queue.read { db in
      try ComparisonQuery(db: db, cityCodes: cities, themeID: theme).run()
    }
  }

  /// Runs `body` with read access to the database, for tests and tools.
  public func read<T>(_ body: (Database) throws -> T) throws -> T {
    try queue.read(body)
  }

  private static func describe(_ error: DatabaseError) -> String {
    switch error.resultCode {
    case .SQLITE_NOTADB: return "not an SQLite database"
    case .SQLITE_CONSTRAINT:
      return "a value breaks the store's constraint (\(error.message ?? "constraint failed"))"
    case .SQLITE_READONLY: return "the database is read-only"
    case .SQLITE_CANTOPEN: return "the database file cannot be opened or created"
    case .SQLITE_BUSY:
      return "another process has held the store for \(Int(busyTimeout)) s; run again when it "
        + "has finished"
    default: return error.message ?? "\(error)"
    }
  }
}

/// A canonical document to load and the file it was read from.
public struct LoadInput: Sendable {
  public var document: Document
  public var path: String

  public init(document: Document, path: String) {
    self.document = document
    self.path = path
  }
}

/// What a load did: the documents written and the store's counts afterwards.
public struct LoadSummary: Hashable, Sendable {
  /// One loaded document.
  public struct Loaded: Hashable, Sendable {
    public var id: String
    public var path: String
    /// The ids of the documents it replaced (the same id or the same source).
    public var replaced: [String]
    /// The ids of the documents it replaced as the same sheet read from another source.
    public var sameSheet: [String] = []
  }

  public var documents: [Loaded] = []
  /// Documents in the store after the load.
  public var storedDocuments = 0
  /// Records (objectives, actions, measures, reform items) in the store.
  public var records = 0
  /// Records without a theme.
  public var unthemed = 0
  /// Values (observations, targets, reports) matched to a concept.
  public var conceptValues = 0

  mutating func count(_ db: Database) throws {
    storedDocuments = try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0
    records = try Int.fetchOne(db, sql: "SELECT count(*) FROM records") ?? 0
    unthemed = try Int.fetchOne(db, sql: "SELECT count(*) FROM records WHERE theme_id IS NULL") ?? 0
    conceptValues = try Int.fetchOne(db, sql: "SELECT count(*) FROM concept_values") ?? 0
  }
}
