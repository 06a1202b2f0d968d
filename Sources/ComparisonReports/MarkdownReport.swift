import ComparisonStore

/// The comparison as Markdown: overview tables, then each theme with each city's records.
public enum MarkdownReport {
  public static func render(_ comparison: Comparison) -> String {
    var out: [String] = []
    let names = comparison.cities.map(\.name).joined(separator: " × ")
    out.append("# 自治体比較 \(names)")
    out.append("")
    out.append(
      "Cross-municipality comparison: " + comparison.cities.map(\.label).joined(separator: "; "))
    out.append("")
    for note in comparison.notes {
      out.append("> 注意: \(note)")
    }
    if !comparison.notes.isEmpty { out.append("") }

    out.append("## 読み込んだ文書 / Documents")
    out.append("")
    out.append(contentsOf: table(.documents(comparison)))
    out.append("")

    out.append("## 比較できる指標 / Matched indicators")
    out.append("")
    out.append(contentsOf: conceptTable(comparison.concepts, cities: comparison.cities))
    out.append("")

    for theme in comparison.themes {
      out.append("## \(theme.ja) / \(theme.en)")
      out.append("")
      out.append(
        "件数: "
          + theme.columns.map { "\($0.city.name) \($0.recordCount)" }.joined(separator: "、"))
      out.append("")
      if !theme.concepts.isEmpty {
        out.append("### 比較できる指標")
        out.append("")
        out.append(contentsOf: conceptTable(theme.concepts, cities: comparison.cities))
        out.append("")
      }
      for column in theme.columns {
        out.append("### \(column.city.label)")
        out.append("")
        if column.isEmpty {
          out.append("このテーマの記録はありません。")
          out.append("")
          continue
        }
        out.append(contentsOf: objectives(column.objectives))
        out.append(contentsOf: measures(column.measures))
        out.append(contentsOf: reformItems(column.reformItems))
        out.append(contentsOf: projects(column))
      }
    }

    out.append("## テーマ未設定 / Unthemed records")
    out.append("")
    if comparison.unthemed.isEmpty {
      out.append("すべての記録にテーマがあります。")
    } else {
      out.append(contentsOf: table(.unthemed(comparison.unthemed)))
    }
    out.append("")
    return out.joined(separator: "\n")
  }

  private static func conceptTable(_ concepts: [ConceptRow], cities: [City]) -> [String] {
    guard !concepts.isEmpty else { return ["比較できる指標はありません。"] }
    var rows: [[String]] = []
    for concept in concepts {
      let cells = concept.series.map { series in
        series.points.isEmpty ? "—" : ReportText.series(series).joined(separator: "\n")
      }
      rows.append(["\(concept.ja) (\(concept.en))", concept.unitLabel] + cells)
    }
    return table(ReportTable(header: ["指標", "単位"] + cities.map(\.name), rows: rows))
  }

  private static func objectives(_ objectives: [ObjectiveEntry]) -> [String] {
    var lines: [String] = []
    for objective in objectives {
      let department = objective.department.map { " \($0)" } ?? ""
      lines.append(
        "#### 重点目標 \(objective.number) \(objective.title) (FY\(objective.fiscalYear)\(department))")
      lines.append("")
      lines.append("テーマの根拠: \(objective.rule)")
      lines.append("")
      if !objective.actions.isEmpty {
        lines += table(
          ReportTable(
            header: ["取組", "目標", "中間報告", "最終報告"],
            rows: objective.actions.map { action in
              [
                "\(action.number). \(action.title)", list(action.targets), list(action.midTerm),
                list(action.final),
              ]
            }))
        lines.append("")
      }
    }
    return lines
  }

  private static func measures(_ measures: [MeasureEntry]) -> [String] {
    guard !measures.isEmpty else { return [] }
    let years = ReportText.fiscalYears(measures.flatMap(\.indicators))
    var rows: [[String]] = []
    for measure in measures {
      let head = [measure.code, measure.title, measure.organizations]
      if measure.indicators.isEmpty {
        rows.append(head + ["(指標なし)", ""] + years.map { _ in "" })
      }
      for (index, indicator) in measure.indicators.enumerated() {
        let lead = index == 0 ? head : ["", "", ""]
        rows.append(
          lead + [indicator.name, indicator.unit ?? ""]
            + years.map { ReportText.value(indicator, $0) })
      }
    }
    let header = ["施策番号", "主要施策", "所管", "指標", "単位"] + years.map { "FY\($0)" }
    return ["#### 施策と指標", ""] + table(ReportTable(header: header, rows: rows)) + [""]
  }

  /// The theme's projects with their total cost by year, and the sum: what the theme costs.
  private static func projects(_ column: CityColumn) -> [String] {
    let projects = column.projects
    guard !projects.isEmpty else { return [] }
    let years = ReportText.costYears(projects)
    var rows = projects.map { project in
      [project.code, project.name, project.organizations]
        + years.map { ReportText.cost(project.costs, $0) }
    }
    rows.append(
      ["計", "\(projects.count)事業", ""] + years.map { ReportText.cost(column.projectCosts, $0) })
    let header = ["事業コード", "事務事業名", "所管"] + years.map(ReportText.costHeading)
    return ["#### 事務事業とトータルコスト（単位: \(ReportText.costUnit(projects))）", ""]
      + table(ReportTable(header: header, rows: rows)) + [""]
  }

  private static func reformItems(_ items: [ReformEntry]) -> [String] {
    guard !items.isEmpty else { return [] }
    return ["#### 行財政改革の項目", ""] + table(.reformItems(items)) + [""]
  }

  private static func list(_ entries: [TargetEntry]) -> String {
    entries.map(\.line).joined(separator: "\n")
  }

  private static func table(_ table: ReportTable) -> [String] {
    let table = table.withoutEmptyColumns
    return [row(table.header), rule(table.header.count)] + table.rows.map(row)
  }

  private static func row(_ cells: [String]) -> String {
    "| " + cells.map(escape).joined(separator: " | ") + " |"
  }

  private static func rule(_ count: Int) -> String {
    "|" + String(repeating: " --- |", count: count)
  }

  /// A table cell: pipes escaped, line breaks as <br>.
  private static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "|": out += "\\|"
      case "\n": out += "<br>"
      case "\r": continue
      case "<": out += "&lt;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
