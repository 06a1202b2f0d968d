import GRDB
import GyoseiModel

/// Writes one canonical document's rows.
///
/// The document, its records (objectives and their actions, measures, reform items), their
/// plan positions, organizations, targets with their quantities and periods, indicators with
/// their observations. Themes and concepts are given afterwards, over the whole store, by
/// `Classifier`.
struct DocumentWriter {
  let db: Database
  let document: Document
  private var order = 0
  /// Where each value was read from: every row keeps the source line and cell of the value
  /// that stands for it.
  private let provenance: ProvenanceIndex

  init(db: Database, document: Document) {
    self.db = db
    self.document = document
    provenance = ProvenanceIndex(document.provenance)
  }

  /// Runs one of the writer's statements, prepared once per load and kept by GRDB: the same
  /// dozen statements run for every row of every document, and preparing each anew was a
  /// fifth of `load`.
  private func run(sql: String, arguments: StatementArguments) throws {
    try db.cachedStatement(sql: sql).execute(arguments: arguments)
  }

  /// The source line and cell of the first of `pointers` the provenance knows.
  private func source(_ pointers: JSONPointer...) -> (line: Int?, cell: Int?) {
    let position = provenance.entry(forFirstOf: pointers)?.position
    return (position?.line, position?.cell)
  }

  mutating func insert(loadedFrom path: String) throws {
    try run(
      sql: """
        INSERT INTO documents (id, family, title, municipality_code, municipality_name, prefecture,
          fiscal_year, fiscal_year_text, department, source_file, source_sha256, source_format,
          source_encoding, mapping, schema_version, loaded_from)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        document.id, document.family.rawValue, document.title,
        document.municipality.code.digits, document.municipality.name,
        document.municipality.prefecture, document.fiscalYear, document.fiscalYearText,
        document.organization?.department, document.source.fileName, document.source.sha256,
        document.source.format.rawValue, document.source.encoding, document.source.mapping,
        document.schemaVersion, path,
      ])
    for (seq, warning) in document.warnings.enumerated() {
      try run(
        sql: """
          INSERT INTO warnings (document_id, seq, code, message, original, source_line,
            source_cell)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          document.id, seq, warning.code, warning.message, warning.original,
          warning.position?.line, warning.position?.cell,
        ])
    }
    for (place, objective) in (document.objectives ?? []).enumerated() {
      try insert(objective, place: place + 1, at: .root / "objectives" / place)
    }
    try insertMeasures()
    for (setIndex, set) in (document.indicatorSets ?? []).enumerated() {
      // An indicator table has the measures' indicators without their text: a record per
      // measure, themed like the measure of the same code in the city's policy evaluation.
      let pointer = JSONPointer.root / "indicatorSets" / setIndex
      let id = try record(
        kind: "measure", key: set.measure, number: set.measure, title: "施策 \(set.measure)",
        source: source(pointer / "measure", pointer / "indicators" / 0 / "name"))
      for (index, indicator) in set.indicators.enumerated() {
        try insert(indicator, record: id, seq: index, at: pointer / "indicators" / index)
      }
    }
    for (place, item) in (document.items ?? []).enumerated() {
      try insert(item, place: place + 1, at: .root / "items" / place)
    }
    for (index, project) in (document.projects ?? []).enumerated() {
      try insert(project, at: .root / "projects" / index)
    }
  }

  /// A project: a record with its plan position, organization, indicators (which concepts
  /// match like any other) and yearly costs.
  private mutating func insert(_ project: Project, at pointer: JSONPointer) throws {
    let context = project.planLevels.map { level in
      [level.code.map { level.level + $0 } ?? level.level, level.name].compactMap { $0 }
        .joined(separator: " ")
    }.joined(separator: " / ")
    let id = try record(
      kind: "project", key: project.code, number: project.code, title: project.name,
      context: context, description: project.overview, goal: project.logic?.intent,
      direction: project.directions.first?.text,
      source: source(pointer / "code", pointer / "name"))
    if !project.planLevels.isEmpty {
      try insert(
        PlanPosition(
          plan: document.title ?? "",
          path: project.planLevels.map { $0.level + ($0.code ?? "") },
          title: project.planLevels.last?.name),
        record: id, seq: 0)
    }
    if let organization = project.organization { try insert(organization, record: id) }
    for (index, indicator) in project.indicators.enumerated() {
      try insert(
        Indicator(name: indicator.name, unit: indicator.unit, observations: indicator.observations),
        record: id, seq: index, at: pointer / "indicators" / index)
    }
    for (costIndex, cost) in project.costs.enumerated() {
      let costPointer = pointer / "costs" / costIndex
      let costSource = source(
        costPointer / "totalCost", costPointer / "projectCost", costPointer / "personnelCost",
        costPointer / "funding" / 0)
      try run(
        sql: """
          INSERT INTO project_costs (record_id, fiscal_year, kind, unit, project_cost, staff,
            hours, personnel_cost, total_cost, source_line, source_cell)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          id, cost.fiscalYear, cost.kind.rawValue, cost.unit, cost.projectCost?.value,
          cost.staff?.value, cost.hours?.value, cost.personnelCost?.value, cost.totalCost?.value,
          costSource.line, costSource.cell,
        ])
      for (seq, amount) in cost.funding.enumerated() {
        let fundingSource = source(costPointer / "funding" / seq)
        try run(
          sql: """
            INSERT INTO project_funding (record_id, fiscal_year, kind, seq, source, value, raw,
              source_line, source_cell)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            id, cost.fiscalYear, cost.kind.rawValue, seq, amount.source ?? "", amount.value,
            amount.raw, fundingSource.line, fundingSource.cell,
          ])
      }
    }
  }

  private mutating func insert(_ objective: Objective, place: Int, at pointer: JSONPointer)
    throws
  {
    let key = objective.key(place: place)
    let id = try record(
      kind: "objective", key: "\(key)", number: "\(key)",
      title: objective.title, description: Self.flatten(objective.situation),
      goal: Self.flatten(objective.purpose),
      source: source(pointer / "title", pointer / "priority", pointer / "situation"))
    for (seq, position) in objective.planPositions.enumerated() {
      try insert(position, record: id, seq: seq)
    }
    if let organization = objective.organization ?? document.organization {
      try insert(organization, record: id)
    }
    for (kind, field, list) in [
      ("target", "targets", objective.targets ?? []),
      ("final", "finalReport", objective.finalReport ?? []),
    ] {
      for (seq, item) in list.enumerated() {
        try insertTarget(
          item, kind: kind, seq: seq, record: id, itemText: nil,
          source: source(pointer / field / seq, pointer / field))
      }
    }
    for (actionIndex, action) in objective.actions.enumerated() {
      let actionPointer = pointer / "actions" / actionIndex
      let actionID = try record(
        kind: "action", key: "\(key).\(action.number)", parent: id,
        number: "\(action.number)", title: action.title,
        description: Self.flatten(action.items),
        source: source(
          actionPointer / "title", actionPointer / "marker", actionPointer / "items"))
      try insertSchedule(action.schedule, record: actionID)
      let lists = [
        ("target", "targets", action.targets), ("mid-term", "midTermReport", action.midTermReport),
        ("final", "finalReport", action.finalReport),
      ]
      for (kind, field, list) in lists {
        for (seq, item) in list.enumerated() {
          try insertTarget(
            item, kind: kind, seq: seq, record: actionID,
            itemText: Self.pairedItem(item, in: action.items)?.text,
            source: source(actionPointer / field / seq, actionPointer / field))
        }
      }
    }
  }

  private mutating func insertMeasures() throws {
    guard let measures = document.measures else { return }
    let structure = PlanStructure(goals: document.goals ?? [])
    var ids: [String: Int64] = [:]
    for (measureIndex, measure) in measures.enumerated() {
      let pointer = JSONPointer.root / "measures" / measureIndex
      let place = structure.place(of: measure)
      let id = try record(
        kind: "measure", key: measure.code, parent: measure.parent.flatMap { ids[$0] },
        number: measure.code,
        title: measure.title ?? place.majorTitle ?? measure.description ?? measure.code,
        context: place.context,
        description: measure.description, direction: measure.direction,
        fiscalYear: measure.activitiesFiscalYear ?? document.fiscalYear,
        source: source(pointer / "code", pointer / "description"))
      if !place.path.isEmpty {
        try insert(
          PlanPosition(plan: document.title ?? "", path: place.path, title: place.majorTitle),
          record: id, seq: 0)
      }
      var seq = 0
      for organization in measure.organizations {
        try insert(organization, record: id, from: &seq)
      }
      for (index, indicator) in measure.indicators.enumerated() {
        try insert(indicator, record: id, seq: index, at: pointer / "indicators" / index)
      }
      if ids[measure.code] == nil { ids[measure.code] = id }
    }
  }

  private mutating func insert(_ item: ReformItem, place: Int, at pointer: JSONPointer) throws {
    let key = item.key ?? String(place)
    let id = try record(
      kind: "reform-item", key: key, number: key, title: item.title,
      context: item.categoryPath.joined(separator: " "), description: item.overview,
      goal: item.fiveYearGoal, direction: item.means,
      source: source(pointer / "title", pointer / "number"))
    for (seq, position) in item.planPositions.enumerated() {
      try insert(position, record: id, seq: seq)
    }
    var seq = 0
    for department in item.departments {
      try insert(Organization(department: department), record: id, from: &seq)
    }
    for section in item.sections {
      try insertUnit(department: nil, section: section, record: id, seq: &seq)
    }
    for (index, year) in item.years.enumerated() {
      for (kind, text) in [("plan", year.plan), ("result", year.result)] {
        guard let text, !text.isEmpty else { continue }
        let yearSource = source(pointer / "years" / index / kind)
        try run(
          sql: """
            INSERT INTO targets (record_id, kind, seq, level, text, fiscal_year, source_line,
              source_cell)
            VALUES (?, ?, ?, 1, ?, ?, ?, ?)
            """,
          arguments: [id, kind, index, text, year.fiscalYear, yearSource.line, yearSource.cell])
      }
    }
  }

  // MARK: - Rows

  private mutating func record(
    kind: String, key: String, parent: Int64? = nil, number: String?, title: String,
    context: String? = nil, description: String? = nil, goal: String? = nil,
    direction: String? = nil, fiscalYear: Int? = nil, source: (line: Int?, cell: Int?)
  ) throws -> Int64 {
    order += 1
    try run(
      sql: """
        INSERT INTO records (document_id, parent_id, kind, record_key, sort_order, number, title,
          context, description, goal, direction, fiscal_year, source_line, source_cell)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        document.id, parent, kind, key, order, number, title, Self.nonEmpty(context),
        Self.nonEmpty(description), Self.nonEmpty(goal), Self.nonEmpty(direction),
        fiscalYear ?? document.fiscalYear, source.line, source.cell,
      ])
    return db.lastInsertedRowID
  }

  private func insert(_ position: PlanPosition, record: Int64, seq: Int) throws {
    try run(
      sql: "INSERT INTO plan_positions (record_id, seq, plan, path, title) VALUES (?, ?, ?, ?, ?)",
      arguments: [record, seq, position.plan, position.path.joined(separator: "/"), position.title]
    )
  }

  private func insert(_ organization: Organization, record: Int64) throws {
    var seq = 0
    try insert(organization, record: record, from: &seq)
  }

  /// An organization as rows of department and section: the department alone when it has no
  /// sections.
  private func insert(_ organization: Organization, record: Int64, from seq: inout Int) throws {
    if organization.sections.isEmpty {
      try insertUnit(
        department: organization.department, section: nil, record: record, seq: &seq)
    }
    for section in organization.sections {
      try insertUnit(
        department: organization.department, section: section, record: record, seq: &seq)
    }
  }

  private func insertUnit(department: String?, section: String?, record: Int64, seq: inout Int)
    throws
  {
    guard department != nil || section != nil else { return }
    try run(
      sql: "INSERT INTO organizations (record_id, seq, department, section) VALUES (?, ?, ?, ?)",
      arguments: [record, seq, department, section])
    seq += 1
  }

  private func insertSchedule(_ schedule: [ListItem], record: Int64) throws {
    var seq = 0
    for item in Self.allItems(schedule) {
      for period in item.periods ?? [] {
        try insert(
          period, field: "schedule", itemText: item.text, record: record, target: nil, seq: seq)
        seq += 1
      }
    }
  }

  private func insertTarget(
    _ item: ListItem, kind: String, seq: Int, record: Int64, itemText: String?,
    source: (line: Int?, cell: Int?)
  ) throws {
    let periods = item.periods ?? []
    let single = periods.first {
      $0.fiscalYearStart != nil && $0.fiscalYearStart == $0.fiscalYearEnd
    }
    let asOf = periods.first { $0.kind == .date }?.start
    let details = Self.flatten(item.items ?? [])
    try run(
      sql: """
        INSERT INTO targets (record_id, kind, seq, marker, level, text, details, item_text,
          fiscal_year, as_of, source_line, source_cell)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        record, kind, seq, item.marker, item.level, item.text, Self.nonEmpty(details), itemText,
        single?.fiscalYearStart ?? document.fiscalYear, asOf, source.line, source.cell,
      ])
    let target = db.lastInsertedRowID
    for (index, quantity) in (item.quantities ?? []).enumerated() {
      try run(
        sql: """
          INSERT INTO quantities (target_id, seq, raw, value, unit, unit_text)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [target, index, quantity.raw, quantity.value, quantity.unit, quantity.unitText])
    }
    for (index, period) in periods.enumerated() {
      try insert(
        period, field: "\(kind)-\(seq)", itemText: item.text, record: record, target: target,
        seq: index)
    }
  }

  private func insert(
    _ period: Period, field: String, itemText: String, record: Int64, target: Int64?, seq: Int
  ) throws {
    try run(
      sql: """
        INSERT INTO periods (record_id, target_id, field, seq, item_text, kind, raw, iso,
          start_date, end_date, fiscal_year_start, fiscal_year_end, name)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        record, target, field, seq, itemText, period.kind.rawValue, period.raw, period.iso,
        period.start, period.end, period.fiscalYearStart, period.fiscalYearEnd, period.name,
      ])
  }

  private func insert(_ indicator: Indicator, record: Int64, seq: Int, at pointer: JSONPointer)
    throws
  {
    let indicatorSource = source(pointer / "name", pointer / "unit")
    try run(
      sql: """
        INSERT INTO indicators (record_id, seq, name, unit, direction, source_line, source_cell)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        record, seq, indicator.name, indicator.unit, indicator.direction?.rawValue,
        indicatorSource.line, indicatorSource.cell,
      ])
    let id = db.lastInsertedRowID
    for (index, observation) in indicator.observations.enumerated() {
      let observationSource = source(pointer / "observations" / index)
      try run(
        sql: """
          INSERT INTO observations (indicator_id, fiscal_year, kind, value, raw, source_line,
            source_cell)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          id, observation.fiscalYear, observation.kind.rawValue, observation.value,
          observation.raw, observationSource.line, observationSource.cell,
        ])
    }
  }

  // MARK: - Text

  /// The action item a target or report item is about: the one with the same ordinal (targets
  /// (1) (2) answer items (1) (2)).
  static func pairedItem(_ item: ListItem, in items: [ListItem]) -> ListItem? {
    guard let ordinal = item.ordinal else { return nil }
    return items.first { $0.ordinal == ordinal && $0.level == item.level }
  }

  static func allItems(_ items: [ListItem]) -> [ListItem] {
    items.flatMap { [$0] + allItems($0.items ?? []) }
  }

  static func flatten(_ items: [ListItem]) -> String {
    allItems(items).map(\.line).joined(separator: "\n")
  }

  static func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.isEmpty else { return nil }
    return text
  }
}

extension ListItem {
  /// The item as one line: its marker, then its text.
  var line: String {
    guard let marker else { return text }
    return marker + " " + text
  }
}

/// Where a 施策 sits in the policy evaluation's plan: 基本目標, 政策, 基本施策, 主要施策.
struct PlanStructure {
  struct Place {
    var path: [String] = []
    var context: String?
    var majorTitle: String?
  }

  private var places: [String: Place] = [:]

  init(goals: [PolicyGoal]) {
    for goal in goals {
      for policy in goal.policies {
        for basic in policy.basicMeasures {
          for major in basic.majorMeasures {
            places[basic.number + "/" + major.number] = Place(
              path: [
                "基本目標" + goal.number, "政策" + policy.number, "基本施策" + basic.number,
                "主要施策" + major.number,
              ],
              context: "基本施策\(basic.number) \(basic.title) / 主要施策\(major.number) \(major.title)",
              majorTitle: major.title)
          }
        }
      }
    }
  }

  func place(of measure: Measure) -> Place {
    guard let basic = measure.basicMeasure else { return Place() }
    guard let major = measure.majorMeasure else {
      return Place(path: ["基本施策" + basic], context: "基本施策\(basic)")
    }
    return places[basic + "/" + major]
      ?? Place(
        path: ["基本施策" + basic, "主要施策" + major],
        context: "基本施策\(basic) / 主要施策\(major)")
  }
}
