import GRDB

/// The store's tables, as `sqlite3` and ODBC see them.
///
/// Readable names, ISO dates, integer fiscal years, municipality codes as text. The README
/// documents each table.
enum StoreSchema {
  /// The migrations that bring a store to the current schema, in order, by identifier.
  static let migrations: [(identifier: String, statements: [String])] = [
    ("gyosei-store-1", version1), ("gyosei-store-2", version2), ("gyosei-store-3", version3),
    ("gyosei-store-4", version4),
  ]

  /// Brings the store to the current schema (or to the migration `last`), as one immediate
  /// transaction: the write lock is taken before the applied migrations are read, so two
  /// processes opening a new or old store at once never both run a migration (the second
  /// waits, then finds it applied).
  ///
  /// The applied migrations are listed in `grdb_migrations`, where stores written with GRDB's
  /// migrator list them too. Foreign keys are off while a migration rebuilds a table and
  /// checked before the transaction commits.
  static func migrate(_ queue: DatabaseQueue, upTo last: String? = nil) throws {
    try queue.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA foreign_keys = OFF")
      defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
      try db.inTransaction(.immediate) {
        try db.execute(
          sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        var migrated = false
        for migration in migrations {
          if !applied.contains(migration.identifier) {
            for statement in migration.statements { try db.execute(sql: statement) }
            try db.execute(
              sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)",
              arguments: [migration.identifier])
            migrated = true
          }
          if migration.identifier == last { break }
        }
        // Only a migration can break a reference here (loads keep foreign keys on), and the
        // check reads every row of the store: on a thousand documents it was three quarters
        // of a `compare`.
        if migrated, let broken = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
          throw StoreError(
            message: "the store's rows break a reference after its upgrade (\(broken)); restore "
              + "a copy and report this")
        }
        return .commit
      }
    }
  }

  // The views of the records table, each defined once: made by the first migration (the
  // concept values' by the second) and made again when the third rebuilds the table.
  private static let objectivesView = """
    CREATE VIEW objectives AS
    SELECT r.id, d.municipality_code, d.municipality_name, d.fiscal_year, d.department,
      r.document_id, r.number AS priority, r.title, r.description AS situation,
      r.goal AS purpose, r.theme_id
    FROM records r JOIN documents d ON d.id = r.document_id WHERE r.kind = 'objective'
    """

  private static let actionsView = """
    CREATE VIEW actions AS
    SELECT r.id, r.parent_id AS objective_id, d.municipality_code, d.municipality_name,
      d.fiscal_year, r.document_id, r.record_key, r.number, r.title, r.description AS items,
      r.theme_id
    FROM records r JOIN documents d ON d.id = r.document_id WHERE r.kind = 'action'
    """

  private static let measuresView = """
    CREATE VIEW measures AS
    SELECT r.id, d.municipality_code, d.municipality_name, r.fiscal_year, r.document_id,
      r.number AS code, r.title AS major_measure, r.context, r.description,
      r.direction, r.theme_id
    FROM records r JOIN documents d ON d.id = r.document_id WHERE r.kind = 'measure'
    """

  private static let reformItemsView = """
    CREATE VIEW reform_items AS
    SELECT r.id, d.municipality_code, d.municipality_name, d.fiscal_year, r.document_id,
      r.number, r.title, r.context AS category, r.description AS overview,
      r.goal AS five_year_goal, r.direction AS means, r.theme_id
    FROM records r JOIN documents d ON d.id = r.document_id WHERE r.kind = 'reform-item'
    """

  private static let recordThemesView = """
    CREATE VIEW record_themes AS
    SELECT d.municipality_code, d.municipality_name, d.fiscal_year, d.family, d.id AS document_id,
      r.kind, r.record_key, r.number, r.title, r.theme_id, t.label_ja AS theme_ja,
      t.label_en AS theme_en, r.theme_rule
    FROM records r
    JOIN documents d ON d.id = r.document_id
    LEFT JOIN themes t ON t.id = r.theme_id
    """

  private static let conceptValuesView = """
    CREATE VIEW concept_values AS
    SELECT i.concept_id, d.municipality_code, d.municipality_name, o.fiscal_year,
      o.kind, o.concept_value AS value, c.unit, c.unit_label, o.raw AS text,
      NULL AS as_of, i.name AS label, r.kind AS record_kind, r.record_key,
      r.title AS record_title, d.id AS document_id
    FROM observations o
    JOIN indicators i ON i.id = o.indicator_id
    JOIN records r ON r.id = i.record_id
    JOIN documents d ON d.id = r.document_id
    JOIN indicator_concepts c ON c.id = i.concept_id
    WHERE o.concept_value IS NOT NULL
    UNION ALL
    SELECT tg.concept_id, d.municipality_code, d.municipality_name, tg.fiscal_year, tg.kind,
      tg.concept_value, c.unit, c.unit_label, tg.text, tg.as_of,
      coalesce(tg.item_text, r.title), r.kind, r.record_key, r.title, d.id
    FROM targets tg
    JOIN records r ON r.id = tg.record_id
    JOIN documents d ON d.id = r.document_id
    JOIN indicator_concepts c ON c.id = tg.concept_id
    WHERE tg.concept_value IS NOT NULL
    """

  private static let version1 = [
    """
    CREATE TABLE themes (
      id TEXT PRIMARY KEY,
      label_ja TEXT NOT NULL,
      label_en TEXT NOT NULL,
      sort_order INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE indicator_concepts (
      id TEXT PRIMARY KEY,
      label_ja TEXT NOT NULL,
      label_en TEXT NOT NULL,
      unit TEXT NOT NULL,
      unit_label TEXT NOT NULL,
      sort_order INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE documents (
      id TEXT PRIMARY KEY,
      family TEXT NOT NULL,
      title TEXT,
      municipality_code TEXT NOT NULL
        CHECK (length(municipality_code) = 6 AND municipality_code NOT GLOB '*[^0-9]*'),
      municipality_name TEXT NOT NULL,
      prefecture TEXT,
      fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 1868 AND 2200),
      fiscal_year_text TEXT,
      department TEXT,
      source_file TEXT NOT NULL,
      source_sha256 TEXT NOT NULL UNIQUE,
      source_format TEXT NOT NULL,
      source_encoding TEXT NOT NULL,
      mapping TEXT,
      schema_version TEXT NOT NULL,
      loaded_from TEXT NOT NULL
    )
    """,
    "CREATE INDEX documents_by_city ON documents (municipality_code, fiscal_year)",
    """
    CREATE TABLE records (
      id INTEGER PRIMARY KEY,
      document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      parent_id INTEGER REFERENCES records (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('objective', 'action', 'measure', 'reform-item')),
      record_key TEXT NOT NULL,
      sort_order INTEGER NOT NULL,
      number TEXT,
      title TEXT NOT NULL,
      context TEXT,
      description TEXT,
      goal TEXT,
      direction TEXT,
      fiscal_year INTEGER NOT NULL,
      theme_id TEXT,
      theme_rule TEXT,
      UNIQUE (document_id, kind, record_key)
    )
    """,
    "CREATE INDEX records_by_theme ON records (theme_id)",
    "CREATE INDEX records_by_parent ON records (parent_id)",
    """
    CREATE TABLE plan_positions (
      record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      plan TEXT NOT NULL,
      path TEXT NOT NULL,
      title TEXT,
      PRIMARY KEY (record_id, seq)
    )
    """,
    """
    CREATE TABLE organizations (
      record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      department TEXT,
      section TEXT,
      PRIMARY KEY (record_id, seq)
    )
    """,
    """
    CREATE TABLE targets (
      id INTEGER PRIMARY KEY,
      record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('target', 'mid-term', 'final', 'plan', 'result')),
      seq INTEGER NOT NULL,
      marker TEXT,
      level INTEGER NOT NULL,
      text TEXT NOT NULL,
      details TEXT,
      item_text TEXT,
      fiscal_year INTEGER NOT NULL,
      as_of TEXT,
      concept_id TEXT,
      concept_value REAL,
      concept_text TEXT,
      UNIQUE (record_id, kind, seq)
    )
    """,
    "CREATE INDEX targets_by_concept ON targets (concept_id)",
    """
    CREATE TABLE quantities (
      target_id INTEGER NOT NULL REFERENCES targets (id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      raw TEXT NOT NULL,
      value REAL,
      unit TEXT,
      unit_text TEXT,
      PRIMARY KEY (target_id, seq)
    )
    """,
    """
    CREATE TABLE periods (
      record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
      target_id INTEGER REFERENCES targets (id) ON DELETE CASCADE,
      field TEXT NOT NULL,
      seq INTEGER NOT NULL,
      item_text TEXT NOT NULL,
      kind TEXT NOT NULL,
      raw TEXT NOT NULL,
      iso TEXT,
      start_date TEXT,
      end_date TEXT,
      fiscal_year_start INTEGER,
      fiscal_year_end INTEGER,
      name TEXT,
      PRIMARY KEY (record_id, field, seq)
    )
    """,
    """
    CREATE TABLE indicators (
      id INTEGER PRIMARY KEY,
      record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      name TEXT NOT NULL,
      unit TEXT,
      unit_id TEXT,
      concept_id TEXT,
      UNIQUE (record_id, seq)
    )
    """,
    "CREATE INDEX indicators_by_concept ON indicators (concept_id)",
    """
    CREATE TABLE observations (
      indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
      fiscal_year INTEGER NOT NULL,
      value REAL,
      raw TEXT NOT NULL,
      concept_value REAL,
      PRIMARY KEY (indicator_id, fiscal_year)
    )
    """,
    objectivesView,
    actionsView,
    measuresView,
    reformItemsView,
    recordThemesView,
    """
    CREATE VIEW concept_values AS
    SELECT i.concept_id, d.municipality_code, d.municipality_name, o.fiscal_year,
      'actual' AS kind, o.concept_value AS value, c.unit, c.unit_label, o.raw AS text,
      NULL AS as_of, i.name AS label, r.kind AS record_kind, r.record_key,
      r.title AS record_title, d.id AS document_id
    FROM observations o
    JOIN indicators i ON i.id = o.indicator_id
    JOIN records r ON r.id = i.record_id
    JOIN documents d ON d.id = r.document_id
    JOIN indicator_concepts c ON c.id = i.concept_id
    WHERE o.concept_value IS NOT NULL
    UNION ALL
    SELECT tg.concept_id, d.municipality_code, d.municipality_name, tg.fiscal_year, tg.kind,
      tg.concept_value, c.unit, c.unit_label, tg.text, tg.as_of,
      coalesce(tg.item_text, r.title), r.kind, r.record_key, r.title, d.id
    FROM targets tg
    JOIN records r ON r.id = tg.record_id
    JOIN documents d ON d.id = r.document_id
    JOIN indicator_concepts c ON c.id = tg.concept_id
    WHERE tg.concept_value IS NOT NULL
    """,
  ]

  /// Schema 1.1: an observation has a kind (actual, target, rate, baseline, estimate), so a
  /// year may hold several; an indicator has a direction.
  private static let version2 = [
    "DROP VIEW concept_values",
    """
    CREATE TABLE observations_with_kinds (
      indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
      fiscal_year INTEGER NOT NULL,
      kind TEXT NOT NULL DEFAULT 'actual'
        CHECK (kind IN ('actual', 'target', 'rate', 'baseline', 'estimate')),
      value REAL,
      raw TEXT NOT NULL,
      concept_value REAL,
      PRIMARY KEY (indicator_id, kind, fiscal_year)
    )
    """,
    """
    INSERT INTO observations_with_kinds (indicator_id, fiscal_year, kind, value, raw,
      concept_value)
    SELECT indicator_id, fiscal_year, 'actual', value, raw, concept_value FROM observations
    """,
    "DROP TABLE observations",
    "ALTER TABLE observations_with_kinds RENAME TO observations",
    "ALTER TABLE indicators ADD COLUMN direction TEXT CHECK (direction IN ('up', 'down'))",
    conceptValuesView,
  ]

  /// Schema 1.2: projects (事務事業) are records of kind `project`, with their yearly costs
  /// and funding; `project_costs_by_theme` sums them by city, year and theme.
  private static let version3 = [
    // A CHECK cannot be altered: the records table is rebuilt with the new kind (foreign keys
    // are off during a migration and checked at its end), its views dropped and made again.
    "DROP VIEW objectives",
    "DROP VIEW actions",
    "DROP VIEW measures",
    "DROP VIEW reform_items",
    "DROP VIEW record_themes",
    "DROP VIEW concept_values",
    """
    CREATE TABLE records_with_projects (
      id INTEGER PRIMARY KEY,
      document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      parent_id INTEGER REFERENCES records (id) ON DELETE CASCADE,
      kind TEXT NOT NULL
        CHECK (kind IN ('objective', 'action', 'measure', 'reform-item', 'project')),
      record_key TEXT NOT NULL,
      sort_order INTEGER NOT NULL,
      number TEXT,
      title TEXT NOT NULL,
      context TEXT,
      description TEXT,
      goal TEXT,
      direction TEXT,
      fiscal_year INTEGER NOT NULL,
      theme_id TEXT,
      theme_rule TEXT,
      UNIQUE (document_id, kind, record_key)
    )
    """,
    "INSERT INTO records_with_projects SELECT * FROM records",
    "DROP TABLE records",
    "ALTER TABLE records_with_projects RENAME TO records",
    "CREATE INDEX records_by_theme ON records (theme_id)",
    "CREATE INDEX records_by_parent ON records (parent_id)",
    objectivesView,
    actionsView,
    measuresView,
    reformItemsView,
    recordThemesView,
    conceptValuesView,
    """
    CREATE TABLE project_costs (
      record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
      fiscal_year INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('actual', 'plan')),
      unit TEXT NOT NULL,
      project_cost REAL,
      staff REAL,
      hours REAL,
      personnel_cost REAL,
      total_cost REAL,
      PRIMARY KEY (record_id, fiscal_year, kind)
    )
    """,
    """
    CREATE TABLE project_funding (
      record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
      fiscal_year INTEGER NOT NULL,
      kind TEXT NOT NULL,
      seq INTEGER NOT NULL,
      source TEXT NOT NULL,
      value REAL,
      raw TEXT NOT NULL,
      PRIMARY KEY (record_id, fiscal_year, kind, seq)
    )
    """,
    """
    CREATE VIEW projects AS
    SELECT r.id, d.municipality_code, d.municipality_name, d.fiscal_year, r.document_id,
      r.number AS code, r.title AS name, r.context AS plan, r.description AS overview,
      r.goal AS intent, r.direction, r.theme_id
    FROM records r JOIN documents d ON d.id = r.document_id WHERE r.kind = 'project'
    """,
    """
    CREATE VIEW project_costs_by_theme AS
    SELECT d.municipality_code, d.municipality_name, c.fiscal_year, c.kind, c.unit,
      r.theme_id, t.label_ja AS theme_ja, count(*) AS projects,
      sum(c.project_cost) AS project_cost, sum(c.personnel_cost) AS personnel_cost,
      sum(c.total_cost) AS total_cost
    FROM project_costs c
    JOIN records r ON r.id = c.record_id
    JOIN documents d ON d.id = r.document_id
    LEFT JOIN themes t ON t.id = r.theme_id
    GROUP BY d.municipality_code, d.municipality_name, c.fiscal_year, c.kind, c.unit,
      r.theme_id, t.label_ja
    """,
  ]

  /// The tables `gyosei export` writes, as views: one per kind of row, each with its city, its
  /// document, its record's key and the source line and cell it was read from.
  static let exportTables = [
    "documents", "records", "plan_positions", "organizations", "targets", "indicators",
    "observations", "project_costs", "project_funding", "warnings",
  ]

  /// The columns every exported row of a record starts with.
  private static let exportRecordColumns = """
    d.municipality_code, d.municipality_name, d.fiscal_year AS document_fiscal_year,
      r.document_id, r.kind AS record_kind, r.record_key
    """

  /// Schema 1.3: where each row was read from (the source line and cell of its value, from the
  /// document's provenance), the documents' warnings, and the views `gyosei export` writes.
  private static let version4 = [
    "ALTER TABLE records ADD COLUMN source_line INTEGER",
    "ALTER TABLE records ADD COLUMN source_cell INTEGER",
    "ALTER TABLE targets ADD COLUMN source_line INTEGER",
    "ALTER TABLE targets ADD COLUMN source_cell INTEGER",
    "ALTER TABLE indicators ADD COLUMN source_line INTEGER",
    "ALTER TABLE indicators ADD COLUMN source_cell INTEGER",
    "ALTER TABLE observations ADD COLUMN source_line INTEGER",
    "ALTER TABLE observations ADD COLUMN source_cell INTEGER",
    "ALTER TABLE project_costs ADD COLUMN source_line INTEGER",
    "ALTER TABLE project_costs ADD COLUMN source_cell INTEGER",
    "ALTER TABLE project_funding ADD COLUMN source_line INTEGER",
    "ALTER TABLE project_funding ADD COLUMN source_cell INTEGER",
    """
    CREATE TABLE warnings (
      document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      code TEXT NOT NULL,
      message TEXT NOT NULL,
      original TEXT,
      source_line INTEGER,
      source_cell INTEGER,
      PRIMARY KEY (document_id, seq)
    )
    """,
    """
    CREATE VIEW export_documents AS
    SELECT municipality_code, municipality_name, prefecture, fiscal_year, id AS document_id,
      family, title, fiscal_year_text, department, source_file, source_sha256, source_format,
      source_encoding, mapping, schema_version
    FROM documents
    ORDER BY municipality_code, fiscal_year, id
    """,
    """
    CREATE VIEW export_records AS
    SELECT \(exportRecordColumns), p.record_key AS parent_key, r.number, r.title, r.context,
      r.description, r.goal, r.direction, r.fiscal_year, r.theme_id, t.label_ja AS theme_ja,
      d.source_file, r.source_line, r.source_cell
    FROM records r
    JOIN documents d ON d.id = r.document_id
    LEFT JOIN records p ON p.id = r.parent_id
    LEFT JOIN themes t ON t.id = r.theme_id
    ORDER BY d.municipality_code, d.fiscal_year, r.document_id, r.sort_order
    """,
    """
    CREATE VIEW export_plan_positions AS
    SELECT \(exportRecordColumns), pp.seq, pp.plan, pp.path, pp.title, d.source_file,
      r.source_line, r.source_cell
    FROM plan_positions pp
    JOIN records r ON r.id = pp.record_id
    JOIN documents d ON d.id = r.document_id
    ORDER BY d.municipality_code, d.fiscal_year, r.document_id, r.sort_order, pp.seq
    """,
    """
    CREATE VIEW export_organizations AS
    SELECT \(exportRecordColumns), o.seq, o.department, o.section, d.source_file,
      r.source_line, r.source_cell
    FROM organizations o
    JOIN records r ON r.id = o.record_id
    JOIN documents d ON d.id = r.document_id
    ORDER BY d.municipality_code, d.fiscal_year, r.document_id, r.sort_order, o.seq
    """,
    """
    CREATE VIEW export_targets AS
    SELECT \(exportRecordColumns), tg.kind, tg.seq, tg.marker, tg.level, tg.text, tg.details,
      tg.item_text, tg.fiscal_year, tg.as_of, tg.concept_id, tg.concept_value, d.source_file,
      tg.source_line, tg.source_cell
    FROM targets tg
    JOIN records r ON r.id = tg.record_id
    JOIN documents d ON d.id = r.document_id
    ORDER BY d.municipality_code, d.fiscal_year, r.document_id, r.sort_order, tg.kind, tg.seq
    """,
    """
    CREATE VIEW export_indicators AS
    SELECT \(exportRecordColumns), i.seq AS indicator_seq, i.name, i.unit, i.direction,
      i.concept_id, d.source_file, i.source_line, i.source_cell
    FROM indicators i
    JOIN records r ON r.id = i.record_id
    JOIN documents d ON d.id = r.document_id
    ORDER BY d.municipality_code, d.fiscal_year, r.document_id, r.sort_order, i.seq
    """,
    """
    CREATE VIEW export_observations AS
    SELECT \(exportRecordColumns), i.seq AS indicator_seq, i.name AS indicator, i.unit,
      o.fiscal_year, o.kind, o.value, o.raw, i.concept_id, o.concept_value, d.source_file,
      o.source_line, o.source_cell
    FROM observations o
    JOIN indicators i ON i.id = o.indicator_id
    JOIN records r ON r.id = i.record_id
    JOIN documents d ON d.id = r.document_id
    ORDER BY d.municipality_code, d.fiscal_year, r.document_id, r.sort_order, i.seq,
      o.fiscal_year, o.kind
    """,
    """
    CREATE VIEW export_project_costs AS
    SELECT \(exportRecordColumns), r.title AS project, c.fiscal_year, c.kind, c.unit,
      c.project_cost, c.staff, c.hours, c.personnel_cost, c.total_cost, d.source_file,
      c.source_line, c.source_cell
    FROM project_costs c
    JOIN records r ON r.id = c.record_id
    JOIN documents d ON d.id = r.document_id
    ORDER BY d.municipality_code, d.fiscal_year, r.document_id, r.sort_order, c.fiscal_year,
      c.kind
    """,
    """
    CREATE VIEW export_project_funding AS
    SELECT \(exportRecordColumns), r.title AS project, f.fiscal_year, f.kind, f.seq,
      f.source AS funding_source, f.value, f.raw, d.source_file, f.source_line, f.source_cell
    FROM project_funding f
    JOIN records r ON r.id = f.record_id
    JOIN documents d ON d.id = r.document_id
    ORDER BY d.municipality_code, d.fiscal_year, r.document_id, r.sort_order, f.fiscal_year,
      f.kind, f.seq
    """,
    """
    CREATE VIEW export_warnings AS
    SELECT d.municipality_code, d.municipality_name, d.fiscal_year AS document_fiscal_year,
      w.document_id, w.seq, w.code, w.message, w.original, d.source_file, w.source_line,
      w.source_cell
    FROM warnings w
    JOIN documents d ON d.id = w.document_id
    ORDER BY d.municipality_code, d.fiscal_year, w.document_id, w.seq
    """,
  ]
}
