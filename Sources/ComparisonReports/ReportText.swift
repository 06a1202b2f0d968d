import ComparisonStore

/// Words and numbers as the comparison reports print them.
enum ReportText {
  /// A value without a trailing .0: 46, 13.6, 32.7.
  static func number(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
      return String(Int64(value))
    }
    return String(value)
  }

  /// The Japanese word for a value's kind.
  static func kind(_ kind: String) -> String {
    switch kind {
    case "actual": return "実績"
    case "target": return "目標"
    case "mid-term": return "中間報告"
    case "final": return "最終報告"
    case "plan": return "計画"
    case "result": return "実績"
    default: return kind
    }
  }

  /// A record kind's Japanese name.
  static func recordKind(_ kind: String) -> String {
    switch kind {
    case "objective": return "重点目標"
    case "action": return "取組"
    case "measure": return "施策"
    case "reform-item": return "改革項目"
    case "project": return "事務事業"
    default: return kind
    }
  }

  /// A record as a reader finds it in its sheet: 施策2120711, 重点目標4 取組1, 改革項目23.
  static func reference(_ record: RecordReference) -> String {
    reference(kind: record.kind, key: record.key)
  }

  /// A record as a reader finds it in its sheet, from its kind and key.
  static func reference(kind: String, key: String) -> String {
    switch kind {
    case "action":
      let parts = key.split(separator: ".")
      guard parts.count == 2 else { return "取組\(key)" }
      return "重点目標\(parts[0]) 取組\(parts[1])"
    case "objective": return "重点目標\(key)"
    case "measure": return "施策\(key)"
    case "reform-item": return "改革項目\(key)"
    case "project": return "事務事業\(key)"
    default: return key
    }
  }

  /// A document family's Japanese name.
  static func family(_ family: String) -> String {
    switch family {
    case "objective-sheet": return "重点目標管理シート"
    case "policy-evaluation": return "施策評価表"
    case "reform-action-program": return "行財政改革アクションプログラム"
    case "indicator-table": return "指標一覧"
    case "project-evaluation": return "事務事業評価"
    default: return family
    }
  }

  /// One value of a concept: FY2025 目標 46 (実施率 46%(国が示す目標60%)).
  static func point(_ point: ConceptPoint) -> String {
    var text = "FY\(point.fiscalYear) \(kind(point.kind)) \(number(point.value))"
    if let asOf = point.asOf { text += " [\(asOf)時点]" }
    if point.text != number(point.value) { text += " (\(point.text))" }
    return text
  }

  /// A city's values of a concept as lines, one per indicator or action item.
  ///
  /// 国民健康保険の特定健診受診率(R2年度は速報値) [施策2120711]: FY2018 実績 34.9; FY2019 …
  static func series(_ series: ConceptSeries) -> [String] {
    series.byLabel.map { group in
      let records = Set(group.points.flatMap(\.records).map(reference)).sorted()
        .joined(separator: ", ")
      return "\(group.label) [\(records)]: "
        + group.points.map(point).joined(separator: "; ")
    }
  }

  /// The fiscal years of a set of indicators' actual values, ascending.
  static func fiscalYears(_ indicators: [IndicatorEntry]) -> [Int] {
    Set(indicators.flatMap { $0.values.filter { $0.kind == "actual" }.map(\.fiscalYear) }).sorted()
  }

  /// The indicator's actual value for a fiscal year as written, empty when it has none.
  static func value(_ indicator: IndicatorEntry, _ year: Int) -> String {
    indicator.values.first { $0.fiscalYear == year && $0.kind == "actual" }?.raw ?? ""
  }

  /// The fiscal years and kinds of the projects' costs, in order: FY2020 実績 … FY2025 計画.
  static func costYears(_ projects: [ProjectEntry]) -> [(fiscalYear: Int, kind: String)] {
    var seen = Set<String>()
    var years: [(fiscalYear: Int, kind: String)] = []
    for cost in projects.flatMap(\.costs).sorted(by: {
      ($0.fiscalYear, $0.kind) < ($1.fiscalYear, $1.kind)
    })
    where seen.insert("\(cost.fiscalYear)/\(cost.kind)").inserted {
      years.append((cost.fiscalYear, cost.kind))
    }
    return years
  }

  /// A cost column's heading: FY2024 実績, FY2025 計画.
  static func costHeading(_ year: (fiscalYear: Int, kind: String)) -> String {
    "FY\(year.fiscalYear) \(year.kind == "plan" ? "計画" : "実績")"
  }

  /// A project's total cost in a column, empty when it has none.
  static func cost(_ costs: [ProjectCostEntry], _ year: (fiscalYear: Int, kind: String)) -> String {
    costs.first { $0.fiscalYear == year.fiscalYear && $0.kind == year.kind }?.totalCost
      .map(number) ?? ""
  }

  /// The unit of the projects' costs (千円), when they share one.
  static func costUnit(_ projects: [ProjectEntry]) -> String {
    let units = Set(projects.flatMap(\.costs).map(\.unit))
    return units.count == 1 ? units.first ?? "" : units.sorted().joined(separator: "/")
  }
}
