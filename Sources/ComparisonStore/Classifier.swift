import GRDB

/// Gives every record in the store its theme and every indicator and target its concept, from
/// the catalogs of the latest load, so that the whole store always follows one themes file and
/// one concept table.
struct Classifier {
  let themes: ThemeCatalog
  let concepts: ConceptCatalog

  func apply(_ db: Database) throws {
    try replaceCatalogs(db)
    try assignThemes(db)
    try matchIndicators(db)
    try matchTargets(db)
  }

  private func replaceCatalogs(_ db: Database) throws {
    try db.execute(sql: "DELETE FROM themes")
    for (order, theme) in themes.themes.enumerated() {
      try db.execute(
        sql: "INSERT INTO themes (id, label_ja, label_en, sort_order) VALUES (?, ?, ?, ?)",
        arguments: [theme.id, theme.ja, theme.en, order])
    }
    try db.execute(sql: "DELETE FROM indicator_concepts")
    for (order, concept) in concepts.concepts.enumerated() {
      try db.execute(
        sql: """
          INSERT INTO indicator_concepts (id, label_ja, label_en, unit, unit_label, sort_order)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          concept.id, concept.ja, concept.en, concept.unit,
          concepts.unit(id: concept.unit)?.label ?? concept.unit, order,
        ])
    }
  }

  // MARK: - Themes

  private struct RecordRow {
    var id: Int64
    var parent: Int64?
    var kind: String
    var key: String
    var city: String
    var text: String
  }

  private func assignThemes(_ db: Database) throws {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT r.id, r.parent_id, r.kind, r.record_key, d.municipality_code, r.title, r.context,
          r.description
        FROM records r JOIN documents d ON d.id = r.document_id
        ORDER BY r.parent_id IS NOT NULL, r.id
        """
    ).map { row in
      RecordRow(
        id: row["id"], parent: row["parent_id"], kind: row["kind"], key: row["record_key"],
        city: row["municipality_code"],
        text: [row["title"], row["context"], row["description"]].compactMap { $0 as String? }
          .joined(separator: "\n"))
    }
    var positions: [Int64: [ThemeFacts.Position]] = [:]
    for row in try Row.fetchAll(
      db, sql: "SELECT record_id, plan, path FROM plan_positions ORDER BY record_id, seq")
    {
      let path: String = row["path"]
      positions[row["record_id"], default: []].append(
        ThemeFacts.Position(
          plan: row["plan"], path: path.split(separator: "/").map(String.init)))
    }
    var units: [Int64: [ThemeFacts.Unit]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: "SELECT record_id, department, section FROM organizations ORDER BY record_id, seq")
    {
      units[row["record_id"], default: []].append(
        ThemeFacts.Unit(department: row["department"], section: row["section"]))
    }
    var assigned: [Int64: ThemeAssignment] = [:]
    var measureThemes: [String: ThemeAssignment] = [:]
    var unplacedMeasures: [RecordRow] = []
    for row in rows where row.parent == nil {
      let facts = ThemeFacts(
        city: row.city, planPositions: positions[row.id] ?? [],
        organizations: units[row.id] ?? [], text: row.text)
      if row.kind == "measure", facts.planPositions.isEmpty {
        unplacedMeasures.append(row)
        continue
      }
      if let theme = themes.assign(facts) {
        assigned[row.id] = theme
        if row.kind == "measure" {
          measureThemes[row.city + "/" + row.key] = theme
        }
      }
    }
    // A measure of an indicator table has no place in the plan of its own: it takes the theme
    // of the measure with its code in the city's policy evaluation.
    for row in unplacedMeasures {
      if let theme = measureThemes[row.city + "/" + row.key] {
        assigned[row.id] = ThemeAssignment(
          themeID: theme.themeID, rule: "施策\(row.key)と同じ（\(theme.rule)）")
      } else if let theme = themes.assign(
        ThemeFacts(
          city: row.city, planPositions: [], organizations: units[row.id] ?? [], text: row.text))
      {
        assigned[row.id] = theme
      }
    }
    // An action belongs where its objective does, and a part of a measure (個別施策) where its
    // measure does, themed or not; parents come first (the query's order).
    for row in rows {
      guard let parent = row.parent, let theme = assigned[parent] else { continue }
      let owner = row.kind == "action" ? "目標" : "上位の記録"
      assigned[row.id] = ThemeAssignment(
        themeID: theme.themeID, rule: "\(owner)と同じ（\(theme.rule)）")
    }
    try db.execute(sql: "UPDATE records SET theme_id = NULL, theme_rule = NULL")
    let update = try db.makeStatement(
      sql: "UPDATE records SET theme_id = ?, theme_rule = ? WHERE id = ?")
    for row in rows {
      guard let theme = assigned[row.id] else { continue }
      try update.execute(arguments: [theme.themeID, theme.rule, row.id])
    }
  }

  // MARK: - Concepts

  private func matchIndicators(_ db: Database) throws {
    try db.execute(sql: "UPDATE indicators SET unit_id = NULL, concept_id = NULL")
    try db.execute(sql: "UPDATE observations SET concept_value = NULL")
    let indicators = try Row.fetchAll(db, sql: "SELECT id, name, unit FROM indicators")
    let setIndicator = try db.makeStatement(
      sql: "UPDATE indicators SET unit_id = ?, concept_id = ? WHERE id = ?")
    let setValue = try db.makeStatement(
      sql: """
        UPDATE observations SET concept_value = ?
        WHERE indicator_id = ? AND fiscal_year = ? AND kind = ?
        """)
    for row in indicators {
      let id: Int64 = row["id"]
      let name: String = row["name"]
      let unit: String? = row["unit"]
      let unitID = unit.flatMap { concepts.unit(named: $0)?.id }
      guard let concept = concepts.concept(describedBy: name), let unit,
        concepts.value(0, unit: unit, for: concept) != nil
      else {
        try setIndicator.execute(arguments: [unitID, nil, id])
        continue
      }
      try setIndicator.execute(arguments: [unitID, concept.id, id])
      for observation in try Row.fetchAll(
        db, sql: "SELECT fiscal_year, kind, value FROM observations WHERE indicator_id = ?",
        arguments: [id])
      {
        guard let value: Double = observation["value"],
          let normalized = concepts.value(value, unit: unit, for: concept)
        else { continue }
        try setValue.execute(
          arguments: [
            normalized, id, observation["fiscal_year"] as Int, observation["kind"] as String,
          ])
      }
    }
  }

  private func matchTargets(_ db: Database) throws {
    try db.execute(
      sql: "UPDATE targets SET concept_id = NULL, concept_value = NULL, concept_text = NULL")
    let targets = try Row.fetchAll(
      db,
      sql: "SELECT id, text, item_text FROM targets WHERE kind IN ('target', 'mid-term', 'final')")
    var quantities: [Int64: [(raw: String, value: Double?, unit: String?)]] = [:]
    for row in try Row.fetchAll(
      db, sql: "SELECT target_id, raw, value, unit FROM quantities ORDER BY target_id, seq")
    {
      quantities[row["target_id"], default: []].append((row["raw"], row["value"], row["unit"]))
    }
    let update = try db.makeStatement(
      sql: "UPDATE targets SET concept_id = ?, concept_value = ?, concept_text = ? WHERE id = ?")
    for row in targets {
      let id: Int64 = row["id"]
      let text: String = row["text"]
      let itemText: String? = row["item_text"]
      let context = [itemText, text].compactMap { $0 }.joined(separator: "\n")
      guard let concept = concepts.concept(describedBy: context) else { continue }
      // The first quantity in the concept's unit: 実施率 46%(国が示す目標60%) is 46 %.
      for quantity in quantities[id] ?? [] {
        guard let value = quantity.value, let unit = quantity.unit,
          let normalized = concepts.value(value, unit: unit, for: concept)
        else { continue }
        try update.execute(arguments: [concept.id, normalized, quantity.raw, id])
        break
      }
    }
  }
}
