import ComparisonStore
import TextEscaping

/// The comparison as one self-contained HTML page: a style sheet inside, inline SVG charts, no
/// script and no external file, so it opens from a mail attachment or a file share as it is.
public enum HTMLReport {
  public static func render(_ comparison: Comparison) -> String {
    let names = comparison.cities.map(\.name).joined(separator: " × ")
    var html = """
      <!DOCTYPE html>
      <html lang="ja">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>自治体比較 \(HTMLText.escape(names))</title>
      <style>\(style)</style>
      </head>
      <body>
      <h1>自治体比較 \(HTMLText.escape(names))</h1>
      <p class="lead">\(HTMLText.escape(comparison.cities.map(\.label).joined(separator: " / ")))</p>

      """
    for note in comparison.notes {
      html += "<p class=\"note\">注意: \(HTMLText.escape(note))</p>\n"
    }
    html += "<nav><a href=\"#concepts\">比較できる指標</a>"
    for theme in comparison.themes {
      html += " <a href=\"#theme-\(theme.id)\">\(HTMLText.escape(theme.ja))</a>"
    }
    html += " <a href=\"#unthemed\">テーマ未設定</a> <a href=\"#documents\">文書</a></nav>\n"

    html += "<section id=\"concepts\">\n<h2>比較できる指標 <small>Matched indicators</small></h2>\n"
    html += concepts(comparison.concepts, cities: comparison.cities)
    html += "</section>\n"

    for theme in comparison.themes {
      html += """
        <section id="theme-\(theme.id)">
        <h2>\(HTMLText.escape(theme.ja)) <small>\(HTMLText.escape(theme.en))</small></h2>

        """
      if !theme.concepts.isEmpty {
        html += "<h3>比較できる指標</h3>\n" + conceptTable(theme.concepts, cities: comparison.cities)
      }
      html +=
        "<div class=\"cities\" style=\"grid-template-columns: repeat(\(theme.columns.count), minmax(0, 1fr))\">\n"
      for (index, column) in theme.columns.enumerated() {
        html += cityColumn(column, color: SVGChart.color(index))
      }
      html += "</div>\n</section>\n"
    }

    html += "<section id=\"unthemed\">\n<h2>テーマ未設定の記録 <small>Unthemed records</small></h2>\n"
    if comparison.unthemed.isEmpty {
      html += "<p>すべての記録にテーマがあります。</p>\n"
    } else {
      html += table(.unthemed(comparison.unthemed))
    }
    html += "</section>\n"

    html += "<section id=\"documents\">\n<h2>読み込んだ文書 <small>Documents</small></h2>\n"
    html += table(.documents(comparison))
    html += "</section>\n</body>\n</html>\n"
    return html
  }

  private static func concepts(_ concepts: [ConceptRow], cities: [City]) -> String {
    guard !concepts.isEmpty else { return "<p>比較できる指標はありません。</p>\n" }
    var html = conceptTable(concepts, cities: cities)
    html += "<div class=\"charts\">\n"
    for concept in concepts {
      html += """
        <figure><figcaption>\(HTMLText.escape(concept.ja)) \
        <small>\(HTMLText.escape(concept.en))</small></figcaption>
        \(SVGChart.concept(concept))</figure>

        """
    }
    return html + "</div>\n"
  }

  private static func conceptTable(_ concepts: [ConceptRow], cities: [City]) -> String {
    var html = "<table class=\"concepts\">\n<tr><th>指標</th><th>単位</th>"
    for city in cities { html += "<th>\(HTMLText.escape(city.name))</th>" }
    html += "</tr>\n"
    for concept in concepts {
      html +=
        "<tr><th>\(HTMLText.escape(concept.ja))<br><small>\(HTMLText.escape(concept.en))</small></th>"
      html += "<td>\(HTMLText.escape(concept.unitLabel))</td>"
      for series in concept.series {
        let lines = ReportText.series(series).map(HTMLText.escape)
        html += "<td>\(lines.isEmpty ? "—" : lines.joined(separator: "<br>"))</td>"
      }
      html += "</tr>\n"
    }
    return html + "</table>\n"
  }

  private static func cityColumn(_ column: CityColumn, color: String) -> String {
    var html = """
      <div class="city"><h3 style="border-color: \(color)">\(HTMLText.escape(column.city.name)) \
      <small>\(column.recordCount)件</small></h3>

      """
    if column.isEmpty {
      return html + "<p class=\"empty\">このテーマの記録はありません。</p></div>\n"
    }
    for objective in column.objectives {
      let department = objective.department.map { " " + $0 } ?? ""
      html += """
        <h4>重点目標 \(HTMLText.escape(objective.number)) \(HTMLText.escape(objective.title))</h4>
        <p class="meta">FY\(objective.fiscalYear)\(HTMLText.escape(department)) · \
        \(HTMLText.escape(objective.rule))</p>

        """
      // An objective without actions (a list of objectives) has no table; of the others'
      // columns, those no action fills are left out.
      guard !objective.actions.isEmpty else { continue }
      let lists: [(heading: String, lines: (ActionEntry) -> [TargetEntry])] = [
        ("目標", \.targets), ("中間報告", \.midTerm), ("最終報告", \.final),
      ].filter { list in objective.actions.contains { !list.lines($0).isEmpty } }
      html += "<table><tr><th>取組</th>" + lists.map { "<th>\($0.heading)</th>" }.joined()
      html += "</tr>\n"
      for action in objective.actions {
        html += "<tr><td>\(HTMLText.escape(action.number)). \(HTMLText.escape(action.title))</td>"
        for list in lists {
          html +=
            "<td>"
            + list.lines(action).map { entry in
              let text = HTMLText.lines(entry.line)
              return entry.conceptID == nil ? text : "<mark>\(text)</mark>"
            }.joined(separator: "<br>") + "</td>"
        }
        html += "</tr>\n"
      }
      html += "</table>\n"
    }
    if !column.measures.isEmpty {
      let years = ReportText.fiscalYears(column.measures.flatMap(\.indicators))
      let units = column.measures.contains { $0.indicators.contains { !($0.unit ?? "").isEmpty } }
      html += "<h4>施策と指標</h4>\n<table>\n<tr><th>施策</th><th>指標</th>"
      if units { html += "<th>単位</th>" }
      for year in years { html += "<th>FY\(year)</th>" }
      html += "<th>推移</th></tr>\n"
      for measure in column.measures {
        let head = """
          <td rowspan="\(max(measure.indicators.count, 1))">\(HTMLText.escape(measure.code))<br>\
          \(HTMLText.escape(measure.title))<br><small>\(HTMLText.escape(measure.organizations))\
          </small></td>
          """
        if measure.indicators.isEmpty {
          let span = years.count + (units ? 3 : 2)
          html += "<tr>\(head)<td colspan=\"\(span)\">(指標なし)</td></tr>\n"
        }
        for (index, indicator) in measure.indicators.enumerated() {
          let name = HTMLText.escape(indicator.name)
          html += "<tr>\(index == 0 ? head : "")"
          html += "<td>\(indicator.conceptID == nil ? name : "<mark>\(name)</mark>")</td>"
          if units { html += "<td>\(HTMLText.escape(indicator.unit ?? ""))</td>" }
          for year in years {
            html +=
              "<td class=\"number\">\(HTMLText.escape(ReportText.value(indicator, year)))</td>"
          }
          html += "<td>\(SVGChart.bars(indicator, color: color))</td></tr>\n"
        }
      }
      html += "</table>\n"
    }
    if !column.reformItems.isEmpty {
      html += "<h4>行財政改革の項目</h4>\n" + table(.reformItems(column.reformItems))
    }
    if !column.projects.isEmpty {
      let years = ReportText.costYears(column.projects)
      let organizations = column.projects.contains { !$0.organizations.isEmpty }
      html +=
        "<h4>事務事業とトータルコスト（単位: "
        + HTMLText.escape(ReportText.costUnit(column.projects)) + "）</h4>\n<table>\n"
        + "<tr><th>事業</th>" + (organizations ? "<th>所管</th>" : "")
        + years.map { "<th>\(HTMLText.escape(ReportText.costHeading($0)))</th>" }.joined()
        + "</tr>\n"
      for project in column.projects {
        html +=
          "<tr><td>\(HTMLText.escape(project.code)) \(HTMLText.escape(project.name))</td>"
          + (organizations ? "<td>\(HTMLText.escape(project.organizations))</td>" : "")
          + years.map {
            "<td class=\"number\">\(HTMLText.escape(ReportText.cost(project.costs, $0)))</td>"
          }.joined() + "</tr>\n"
      }
      html +=
        "<tr><th>計 \(column.projects.count)事業</th>" + (organizations ? "<th></th>" : "")
        + years.map {
          "<th class=\"number\">\(HTMLText.escape(ReportText.cost(column.projectCosts, $0)))</th>"
        }.joined() + "</tr>\n</table>\n"
    }
    return html + "</div>\n"
  }

  private static func table(_ table: ReportTable) -> String {
    let table = table.withoutEmptyColumns
    return "<table>\n<tr>" + table.header.map { "<th>\(HTMLText.escape($0))</th>" }.joined()
      + "</tr>\n"
      + table.rows.map { row in
        "<tr>" + row.map { "<td>\(HTMLText.lines($0))</td>" }.joined() + "</tr>\n"
      }.joined() + "</table>\n"
  }

  private static let style = """
    body { font-family: "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", "Meiryo", \
    "Noto Sans CJK JP", "IPAPGothic", "IPAGothic", sans-serif; margin: 24px; color: #222; \
    line-height: 1.5; }
    h1 { font-size: 26px; margin: 0 0 4px; }
    h2 { font-size: 21px; border-bottom: 2px solid #333; margin-top: 36px; }
    h3 { font-size: 17px; border-left: 6px solid #888; padding-left: 8px; }
    h4 { font-size: 15px; margin: 18px 0 2px; }
    small { color: #666; font-weight: normal; }
    .lead, .meta { color: #555; margin: 0 0 8px; }
    .note { background: #fff4d6; padding: 6px 10px; }
    nav a { margin-right: 10px; }
    table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; font-size: 13px; }
    th, td { border: 1px solid #ccc; padding: 4px 6px; vertical-align: top; text-align: left; }
    th { background: #f2f2f2; }
    td.number { text-align: right; white-space: nowrap; }
    mark { background: #fff0a8; }
    .cities { display: grid; gap: 20px; }
    .city { min-width: 0; }
    .charts { display: flex; flex-wrap: wrap; gap: 16px; }
    figure { margin: 0; border: 1px solid #ddd; padding: 8px; }
    figcaption { font-weight: bold; }
    @media print { .cities { display: block; } }
    """
}

/// Text made safe for HTML and SVG.
enum HTMLText {
  /// Text for an HTML cell: escaped, its line breaks as `<br>`.
  static func lines(_ text: String) -> String {
    escape(text).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "<br>")
  }

  /// Text for HTML or SVG content and attribute values.
  static func escape(_ text: String) -> String {
    MarkupEscaping.escaped(text)
  }
}
