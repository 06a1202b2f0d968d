import GRDB

/// Reads a `Comparison` of some cities out of the store.
struct ComparisonQuery {
  let db: Database
  let cityCodes: [String]
  let themeID: String?

  /// The condition that keeps a row to the records of the compared cities (`record_id` of the
  /// row's table), with its arguments: a comparison reads its cities, not the whole store.
  private var ofTheCities: (sql: String, arguments: StatementArguments) {
    let placeholders = Array(repeating: "?", count: cityCodes.count).joined(separator: ", ")
    return (
      """
      record_id IN (SELECT r.id FROM records r JOIN documents d ON d.id = r.document_id
        WHERE d.municipality_code IN (\(placeholders)))
      """, StatementArguments(cityCodes)
    )
  }

  func run() throws -> Comparison {
    var notes: [String] = []
    var cities: [City] = []
    for (index, code) in cityCodes.enumerated() where cityCodes.prefix(index).contains(code) {
      throw StoreError(message: "municipality \(code) is named twice; name each city once")
    }
    for code in cityCodes {
      guard
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT municipality_name, prefecture FROM documents WHERE municipality_code = ?
            ORDER BY fiscal_year DESC, id LIMIT 1
            """,
          arguments: [code])
      else {
        throw StoreError(
          message: "no document of municipality \(code) in the store; "
            + "load its canonical documents first (gyosei load FILE... --db DB)")
      }
      cities.append(City(code: code, name: row["municipality_name"], prefecture: row["prefecture"]))
    }
    let cityByCode = Dictionary(uniqueKeysWithValues: cities.map { ($0.code, $0) })
    let placeholders = Array(repeating: "?", count: cityCodes.count).joined(separator: ", ")
    let cityArguments = StatementArguments(cityCodes)

    let documents = try Row.fetchAll(
      db,
      sql: """
        SELECT id, municipality_code, family, title, fiscal_year, department, source_file
        FROM documents WHERE municipality_code IN (\(placeholders))
        ORDER BY municipality_code, fiscal_year, family, id
        """,
      arguments: cityArguments
    ).map { row in
      DocumentSummary(
        id: row["id"], city: row["municipality_code"], family: row["family"], title: row["title"],
        fiscalYear: row["fiscal_year"], department: row["department"],
        sourceFile: row["source_file"])
    }

    var themeRows = try Row.fetchAll(
      db, sql: "SELECT id, label_ja, label_en FROM themes ORDER BY sort_order")
    if let themeID {
      themeRows = themeRows.filter { ($0["id"] as String) == themeID }
      guard !themeRows.isEmpty else {
        let known = try String.fetchAll(db, sql: "SELECT id FROM themes ORDER BY sort_order")
        throw StoreError(
          message: "no theme '\(themeID)' in the store; themes: \(known.joined(separator: ", "))")
      }
    }

    let records = try Row.fetchAll(
      db,
      sql: """
        SELECT r.id, r.parent_id, r.kind, r.record_key, r.number, r.title, r.context,
          r.description, r.goal, r.fiscal_year, r.theme_id, r.theme_rule, d.municipality_code,
          d.department, d.title AS document_title
        FROM records r JOIN documents d ON d.id = r.document_id
        WHERE d.municipality_code IN (\(placeholders))
        ORDER BY d.municipality_code, d.fiscal_year, d.family, d.id, r.sort_order
        """,
      arguments: cityArguments)
    let organizations = try organizationsByRecord()
    let targets = try targetsByRecord()
    let indicators = try indicatorsByRecord()
    let years = try reformYearsByRecord()
    let positions = try positionsByRecord()
    let costs = try projectCostsByRecord()

    var actionsByParent: [Int64: [ActionEntry]] = [:]
    for row in records where (row["kind"] as String) == "action" {
      let id: Int64 = row["id"]
      let lists = targets[id] ?? [:]
      actionsByParent[row["parent_id"], default: []].append(
        ActionEntry(
          number: row["number"] ?? "", title: row["title"], targets: lists["target"] ?? [],
          midTerm: lists["mid-term"] ?? [], final: lists["final"] ?? []))
    }

    var columns: [String: [String: CityColumn]] = [:]
    var unthemed: [UnthemedRecord] = []
    for row in records {
      let id: Int64 = row["id"]
      let kind: String = row["kind"]
      let code: String = row["municipality_code"]
      guard let city = cityByCode[code] else { continue }
      let theme: String
      if let themed: String = row["theme_id"] {
        theme = themed
      } else {
        // An action is themed with its objective, and listed with it when unthemed.
        if kind != "action" {
          unthemed.append(
            UnthemedRecord(
              city: city, kind: kind, key: row["record_key"], title: row["title"],
              documentTitle: row["document_title"], fiscalYear: row["fiscal_year"],
              reason: Self.reason(positions: positions[id] ?? [], units: organizations[id] ?? [])
            ))
        }
        // Its values are shown all the same, in a section of their own.
        guard themeID == nil else { continue }
        theme = ThemeSection.unthemedID
      }
      // The column is taken out of the dictionary while records are added to it: a copy that
      // left the stored one in place would copy its lists at every record (a thousand
      // documents' records took minutes).
      var column =
        columns[theme]?.removeValue(forKey: code)
        ?? CityColumn(city: city)
      let rule: String = row["theme_rule"] ?? ""
      switch kind {
      case "objective":
        column.objectives.append(
          ObjectiveEntry(
            fiscalYear: row["fiscal_year"], department: row["department"],
            number: row["number"] ?? "", title: row["title"], rule: rule,
            actions: actionsByParent[id] ?? []))
      case "measure":
        column.measures.append(
          MeasureEntry(
            code: row["record_key"], fiscalYear: row["fiscal_year"], title: row["title"],
            context: row["context"], description: row["description"],
            organizations: Self.names(organizations[id] ?? []), rule: rule,
            indicators: indicators[id] ?? []))
      case "reform-item":
        column.reformItems.append(
          ReformEntry(
            number: row["number"] ?? "", fiscalYear: row["fiscal_year"], title: row["title"],
            context: row["context"], goal: row["goal"],
            organizations: Self.names(organizations[id] ?? []), rule: rule,
            years: years[id] ?? []))
      case "project":
        column.projects.append(
          ProjectEntry(
            code: row["record_key"], fiscalYear: row["fiscal_year"], name: row["title"],
            context: row["context"], organizations: Self.names(organizations[id] ?? []),
            rule: rule, costs: costs[id] ?? [], indicators: indicators[id] ?? []))
      default:
        break
      }
      columns[theme, default: [:]][code] = column
    }

    let conceptRows = try conceptRows(cities: cities)
    let conceptThemes = try conceptRecordThemes()
    var sections: [ThemeSection] = []
    for row in themeRows {
      let id: String = row["id"]
      let cityColumns = cities.map {
        columns[id]?[$0.code]
          ?? CityColumn(city: $0)
      }
      guard cityColumns.contains(where: { !$0.isEmpty }) else { continue }
      let concepts = conceptRows.filter { conceptThemes[$0.id, default: []].contains(id) }
      sections.append(
        ThemeSection(
          id: id, ja: row["label_ja"], en: row["label_en"], concepts: concepts,
          columns: cityColumns))
    }
    let unthemedColumns = cities.map {
      columns[ThemeSection.unthemedID]?[$0.code] ?? CityColumn(city: $0)
    }
    if unthemedColumns.contains(where: { !$0.isEmpty }) {
      sections.append(
        ThemeSection(
          id: ThemeSection.unthemedID, ja: "テーマ未設定の記録", en: "Unthemed records",
          concepts: [], columns: unthemedColumns))
    }
    for city in cities where !documents.contains(where: { $0.city == city.code }) {
      notes.append("\(city.label): no documents")
    }
    // Documents of one sheet read from different sources, kept by `load --keep-both`: the
    // rule that `load` replaces them by.
    var noted: Set<String> = []
    for document in documents where !noted.contains(document.id) {
      let others = try ComparisonStore.sameSheet(as: document.id, in: db)
      guard !others.isEmpty else { continue }
      let ids = ([document.id] + others).sorted()
      noted.formUnion(ids)
      let name = cityByCode[document.city]?.name ?? document.city
      notes.append(
        "\(name) \(document.family) FY\(document.fiscalYear): documents "
          + "\(ids.joined(separator: ", ")) are read from different sources of one sheet; "
          + "their records appear once per document")
    }
    return Comparison(
      cities: cities, documents: documents,
      concepts: themeID == nil
        ? conceptRows
        : conceptRows.filter { conceptThemes[$0.id, default: []].contains(themeID ?? "") },
      themes: sections, unthemed: themeID == nil ? unthemed : [], notes: notes)
  }

  // MARK: - Parts

  private func projectCostsByRecord() throws -> [Int64: [ProjectCostEntry]] {
    var costs: [Int64: [ProjectCostEntry]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT record_id, fiscal_year, kind, unit, total_cost FROM project_costs
        WHERE \(ofTheCities.sql) ORDER BY record_id, fiscal_year, kind
        """, arguments: ofTheCities.arguments)
    {
      costs[row["record_id"], default: []].append(
        ProjectCostEntry(
          fiscalYear: row["fiscal_year"], kind: row["kind"], unit: row["unit"],
          totalCost: row["total_cost"]))
    }
    return costs
  }

  private func organizationsByRecord() throws -> [Int64: [ThemeFacts.Unit]] {
    var result: [Int64: [ThemeFacts.Unit]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT record_id, department, section FROM organizations WHERE \(ofTheCities.sql)
        ORDER BY record_id, seq
        """, arguments: ofTheCities.arguments)
    {
      result[row["record_id"], default: []].append(
        ThemeFacts.Unit(department: row["department"], section: row["section"]))
    }
    return result
  }

  private func positionsByRecord() throws -> [Int64: [String]] {
    var result: [Int64: [String]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT record_id, plan, path FROM plan_positions WHERE \(ofTheCities.sql)
        ORDER BY record_id, seq
        """, arguments: ofTheCities.arguments)
    {
      result[row["record_id"], default: []].append(
        "\(row["plan"] as String) \(row["path"] as String)")
    }
    return result
  }

  private func targetsByRecord() throws -> [Int64: [String: [TargetEntry]]] {
    var result: [Int64: [String: [TargetEntry]]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT record_id, kind, marker, text, details, item_text, concept_id FROM targets
        WHERE kind IN ('target', 'mid-term', 'final') AND \(ofTheCities.sql)
        ORDER BY record_id, kind, seq
        """, arguments: ofTheCities.arguments)
    {
      let text: String = row["text"]
      let details: String? = row["details"]
      result[row["record_id"], default: [:]][row["kind"], default: []].append(
        TargetEntry(
          marker: row["marker"], text: [text, details].compactMap { $0 }.joined(separator: "\n"),
          itemText: row["item_text"], conceptID: row["concept_id"]))
    }
    return result
  }

  private func reformYearsByRecord() throws -> [Int64: [ReformYearEntry]] {
    var result: [Int64: [Int: ReformYearEntry]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT record_id, kind, fiscal_year, text FROM targets
        WHERE kind IN ('plan', 'result') AND \(ofTheCities.sql) ORDER BY record_id, fiscal_year
        """, arguments: ofTheCities.arguments)
    {
      let year: Int = row["fiscal_year"]
      let record: Int64 = row["record_id"]
      var entry = result[record]?[year] ?? ReformYearEntry(fiscalYear: year)
      if (row["kind"] as String) == "plan" {
        entry.plan = row["text"]
      } else {
        entry.result = row["text"]
      }
      result[record, default: [:]][year] = entry
    }
    return result.mapValues { $0.values.sorted { $0.fiscalYear < $1.fiscalYear } }
  }

  private func indicatorsByRecord() throws -> [Int64: [IndicatorEntry]] {
    var values: [Int64: [IndicatorValue]] = [:]
    for row in try Row.fetchAll(
      db,
      sql:
        """
        SELECT indicator_id, fiscal_year, kind, value, raw FROM observations
        WHERE indicator_id IN (SELECT id FROM indicators WHERE \(ofTheCities.sql))
        ORDER BY indicator_id, fiscal_year,
          CASE kind WHEN 'baseline' THEN 0 WHEN 'target' THEN 1 WHEN 'actual' THEN 2
            WHEN 'estimate' THEN 3 ELSE 4 END
        """, arguments: ofTheCities.arguments
    ) {
      values[row["indicator_id"], default: []].append(
        IndicatorValue(
          fiscalYear: row["fiscal_year"], kind: row["kind"], value: row["value"], raw: row["raw"]))
    }
    var result: [Int64: [IndicatorEntry]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT id, record_id, name, unit, concept_id FROM indicators WHERE \(ofTheCities.sql)
        ORDER BY record_id, seq
        """, arguments: ofTheCities.arguments)
    {
      result[row["record_id"], default: []].append(
        IndicatorEntry(
          name: row["name"], unit: row["unit"], conceptID: row["concept_id"],
          values: values[row["id"]] ?? []))
    }
    return result
  }

  private func conceptRows(cities: [City]) throws -> [ConceptRow] {
    let placeholders = Array(repeating: "?", count: cities.count).joined(separator: ", ")
    var points: [String: [String: [ConceptPoint]]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT concept_id, municipality_code, fiscal_year, kind, value, text, as_of, label,
          record_kind, record_key
        FROM concept_values WHERE municipality_code IN (\(placeholders))
        ORDER BY concept_id, municipality_code, fiscal_year,
          CASE kind WHEN 'actual' THEN 0 WHEN 'target' THEN 1 WHEN 'mid-term' THEN 2 ELSE 3 END,
          document_id, record_key, label
        """,
      arguments: StatementArguments(cities.map(\.code)))
    {
      let point = ConceptPoint(
        fiscalYear: row["fiscal_year"], kind: row["kind"], value: row["value"], text: row["text"],
        asOf: row["as_of"], label: row["label"],
        records: [RecordReference(kind: row["record_kind"], key: row["record_key"])])
      let concept: String = row["concept_id"]
      let city: String = row["municipality_code"]
      var list = points[concept, default: [:]][city, default: []]
      // One figure reported by two measures (苫小牧市's 入所を保留している児童数 under 施策
      // 2120611 and 2120632) is one point that names both.
      if let same = list.firstIndex(where: { $0.isSameFigure(as: point) }) {
        list[same].records += point.records
      } else {
        list.append(point)
      }
      points[concept, default: [:]][city] = list
    }
    var rows: [ConceptRow] = []
    for row in try Row.fetchAll(
      db,
      sql: "SELECT id, label_ja, label_en, unit_label FROM indicator_concepts ORDER BY sort_order")
    {
      let id: String = row["id"]
      guard let byCity = points[id] else { continue }
      rows.append(
        ConceptRow(
          id: id, ja: row["label_ja"], en: row["label_en"], unitLabel: row["unit_label"],
          series: cities.map { ConceptSeries(city: $0, points: byCity[$0.code] ?? []) }))
    }
    return rows
  }

  /// The themes of the records of the cities compared that each concept's values come from.
  ///
  /// From the cities' documents only: other cities' records would make a store of a thousand
  /// documents scan all its targets, and could place a concept under a theme where none of the
  /// compared cities' records has it.
  private func conceptRecordThemes() throws -> [String: Set<String>] {
    var result: [String: Set<String>] = [:]
    let placeholders = Array(repeating: "?", count: cityCodes.count).joined(separator: ", ")
    for row in try Row.fetchAll(
      db,
      sql: """
        WITH compared AS (
          SELECT r.id, r.theme_id FROM records r JOIN documents d ON d.id = r.document_id
          WHERE d.municipality_code IN (\(placeholders)) AND r.theme_id IS NOT NULL)
        SELECT i.concept_id, c.theme_id FROM compared c JOIN indicators i ON i.record_id = c.id
        WHERE i.concept_id IS NOT NULL
        UNION
        SELECT t.concept_id, c.theme_id FROM compared c JOIN targets t ON t.record_id = c.id
        WHERE t.concept_id IS NOT NULL
        """, arguments: StatementArguments(cityCodes))
    {
      result[row["concept_id"], default: []].insert(row["theme_id"])
    }
    return result
  }

  static func names(_ units: [ThemeFacts.Unit]) -> String {
    units.map(\.description).joined(separator: "、")
  }

  static func reason(positions: [String], units: [ThemeFacts.Unit]) -> String {
    var parts: [String] = []
    parts.append(
      positions.isEmpty ? "計画上の位置付けなし" : "計画上の位置付け " + positions.joined(separator: "、"))
    parts.append(units.isEmpty ? "所管なし" : "所管 " + names(units))
    return parts.joined(separator: "; ") + "; どのテーマ規則のキーワードにも当たらない"
  }
}

/// Why the store cannot do what was asked.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
  public var message: String

  public init(message: String) {
    self.message = message
  }

  public var description: String { message }
}
