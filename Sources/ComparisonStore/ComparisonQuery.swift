import GRDB

/// Reads a `Comparison` of some cities out of the store.
struct ComparisonQuery {
  let db: Database
  let cityCodes: [String]
  let themeID: String?

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
      cities.append(City(code: code, name: row[0], prefecture: row[1]))
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
        id: row[0], city: row[1], family: row[2], title: row[3], fiscalYear: row[4],
        department: row[5], sourceFile: row[6])
    }

    var themeRows = try Row.fetchAll(
      db, sql: "SELECT id, label_ja, label_en FROM themes ORDER BY sort_order")
    if let themeID {
      themeRows = themeRows.filter { ($0[0] as String) == themeID }
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
          d.department, d.title
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

    var actionsByParent: [Int64: [ActionEntry]] = [:]
    for row in records where (row[2] as String) == "action" {
      let id: Int64 = row[0]
      let lists = targets[id] ?? [:]
      actionsByParent[row[1], default: []].append(
        ActionEntry(
          number: row[4] ?? "", title: row[5], targets: lists["target"] ?? [],
          midTerm: lists["mid-term"] ?? [], final: lists["final"] ?? []))
    }

    var columns: [String: [String: CityColumn]] = [:]
    var unthemed: [UnthemedRecord] = []
    for row in records {
      let id: Int64 = row[0]
      let kind: String = row[2]
      let code: String = row[12]
      guard let city = cityByCode[code] else { continue }
      guard let theme: String = row[10] else {
        // An action is themed with its objective, and listed with it when unthemed.
        if kind != "action" {
          unthemed.append(
            UnthemedRecord(
              city: city, kind: kind, key: row[3], title: row[5], documentTitle: row[14],
              fiscalYear: row[9],
              reason: Self.reason(positions: positions[id] ?? [], units: organizations[id] ?? [])
            ))
        }
        continue
      }
      var column =
        columns[theme]?[code]
        ?? CityColumn(city: city, objectives: [], measures: [], reformItems: [])
      let rule: String = row[11] ?? ""
      switch kind {
      case "objective":
        column.objectives.append(
          ObjectiveEntry(
            fiscalYear: row[9], department: row[13], number: row[4] ?? "", title: row[5],
            rule: rule, actions: actionsByParent[id] ?? []))
      case "measure":
        column.measures.append(
          MeasureEntry(
            code: row[3], fiscalYear: row[9], title: row[5], context: row[6],
            description: row[7], organizations: Self.names(organizations[id] ?? []), rule: rule,
            indicators: indicators[id] ?? []))
      case "reform-item":
        column.reformItems.append(
          ReformEntry(
            number: row[4] ?? "", fiscalYear: row[9], title: row[5], context: row[6],
            goal: row[8], organizations: Self.names(organizations[id] ?? []), rule: rule,
            years: years[id] ?? []))
      default:
        continue
      }
      columns[theme, default: [:]][code] = column
    }

    let conceptRows = try conceptRows(cities: cities)
    let conceptThemes = try conceptRecordThemes()
    var sections: [ThemeSection] = []
    for row in themeRows {
      let id: String = row[0]
      let cityColumns = cities.map {
        columns[id]?[$0.code]
          ?? CityColumn(city: $0, objectives: [], measures: [], reformItems: [])
      }
      guard cityColumns.contains(where: { !$0.isEmpty }) else { continue }
      let concepts = conceptRows.filter { conceptThemes[$0.id, default: []].contains(id) }
      sections.append(
        ThemeSection(id: id, ja: row[1], en: row[2], concepts: concepts, columns: cityColumns))
    }
    for city in cities where !documents.contains(where: { $0.city == city.code }) {
      notes.append("\(city.label): no documents")
    }
    let sameDocument = try Row.fetchAll(
      db,
      sql: """
        SELECT municipality_name, family, fiscal_year, group_concat(id, ', ')
        FROM (SELECT * FROM documents WHERE municipality_code IN (\(placeholders)) ORDER BY id)
        GROUP BY municipality_code, family, fiscal_year, coalesce(department, ''),
          coalesce(title, '')
        HAVING count(*) > 1
        """,
      arguments: cityArguments)
    for row in sameDocument {
      notes.append(
        "\(row[0] as String) \(row[1] as String) FY\(row[2] as Int): documents "
          + "\(row[3] as String) are read from different sources of one sheet; "
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

  private func organizationsByRecord() throws -> [Int64: [ThemeFacts.Unit]] {
    var result: [Int64: [ThemeFacts.Unit]] = [:]
    for row in try Row.fetchAll(
      db, sql: "SELECT record_id, department, section FROM organizations ORDER BY record_id, seq")
    {
      result[row[0], default: []].append(ThemeFacts.Unit(department: row[1], section: row[2]))
    }
    return result
  }

  private func positionsByRecord() throws -> [Int64: [String]] {
    var result: [Int64: [String]] = [:]
    for row in try Row.fetchAll(
      db, sql: "SELECT record_id, plan, path FROM plan_positions ORDER BY record_id, seq")
    {
      result[row[0], default: []].append("\(row[1] as String) \(row[2] as String)")
    }
    return result
  }

  private func targetsByRecord() throws -> [Int64: [String: [TargetEntry]]] {
    var result: [Int64: [String: [TargetEntry]]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT record_id, kind, marker, text, details, item_text, concept_id FROM targets
        WHERE kind IN ('target', 'mid-term', 'final') ORDER BY record_id, kind, seq
        """)
    {
      let text: String = row[3]
      let details: String? = row[4]
      result[row[0], default: [:]][row[1], default: []].append(
        TargetEntry(
          marker: row[2], text: [text, details].compactMap { $0 }.joined(separator: "\n"),
          itemText: row[5], conceptID: row[6]))
    }
    return result
  }

  private func reformYearsByRecord() throws -> [Int64: [ReformYearEntry]] {
    var result: [Int64: [Int: ReformYearEntry]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT record_id, kind, fiscal_year, text FROM targets
        WHERE kind IN ('plan', 'result') ORDER BY record_id, fiscal_year
        """)
    {
      let year: Int = row[2]
      var entry = result[row[0]]?[year] ?? ReformYearEntry(fiscalYear: year)
      if (row[1] as String) == "plan" { entry.plan = row[3] } else { entry.result = row[3] }
      result[row[0], default: [:]][year] = entry
    }
    return result.mapValues { $0.values.sorted { $0.fiscalYear < $1.fiscalYear } }
  }

  private func indicatorsByRecord() throws -> [Int64: [IndicatorEntry]] {
    var values: [Int64: [IndicatorValue]] = [:]
    for row in try Row.fetchAll(
      db,
      sql:
        "SELECT indicator_id, fiscal_year, value, raw FROM observations ORDER BY indicator_id, fiscal_year"
    ) {
      values[row[0], default: []].append(
        IndicatorValue(fiscalYear: row[1], value: row[2], raw: row[3]))
    }
    var result: [Int64: [IndicatorEntry]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: "SELECT id, record_id, name, unit, concept_id FROM indicators ORDER BY record_id, seq")
    {
      result[row[1], default: []].append(
        IndicatorEntry(
          name: row[2], unit: row[3], conceptID: row[4], values: values[row[0]] ?? []))
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
        fiscalYear: row[2], kind: row[3], value: row[4], text: row[5], asOf: row[6],
        label: row[7], records: [RecordReference(kind: row[8], key: row[9])])
      var list = points[row[0], default: [:]][row[1], default: []]
      // One figure reported by two measures (苫小牧市's 入所を保留している児童数 under 施策
      // 2120611 and 2120632) is one point that names both.
      if let same = list.firstIndex(where: { $0.isSameFigure(as: point) }) {
        list[same].records += point.records
      } else {
        list.append(point)
      }
      points[row[0], default: [:]][row[1]] = list
    }
    var rows: [ConceptRow] = []
    for row in try Row.fetchAll(
      db,
      sql: "SELECT id, label_ja, label_en, unit_label FROM indicator_concepts ORDER BY sort_order")
    {
      let id: String = row[0]
      guard let byCity = points[id] else { continue }
      rows.append(
        ConceptRow(
          id: id, ja: row[1], en: row[2], unitLabel: row[3],
          series: cities.map { ConceptSeries(city: $0, points: byCity[$0.code] ?? []) }))
    }
    return rows
  }

  /// The themes of the records each concept's values come from.
  private func conceptRecordThemes() throws -> [String: Set<String>] {
    var result: [String: Set<String>] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT i.concept_id, r.theme_id FROM indicators i JOIN records r ON r.id = i.record_id
        WHERE i.concept_id IS NOT NULL AND r.theme_id IS NOT NULL
        UNION
        SELECT t.concept_id, r.theme_id FROM targets t JOIN records r ON r.id = t.record_id
        WHERE t.concept_id IS NOT NULL AND r.theme_id IS NOT NULL
        """)
    {
      result[row[0], default: []].insert(row[1])
    }
    return result
  }

  static func names(_ units: [ThemeFacts.Unit]) -> String {
    units.map(\.description).joined(separator: "、")
  }

  static func reason(positions: [String], units: [ThemeFacts.Unit]) -> String {
    var parts: [String] = []
    parts.append(
      positions.isEmpty ? "no plan position" : "plan positions " + positions.joined(separator: "; ")
    )
    parts.append(units.isEmpty ? "no department" : "departments " + names(units))
    return parts.joined(separator: "; ") + "; no keyword matched"
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
