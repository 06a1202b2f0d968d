import ComparisonStore

/// The comparison as one long CSV table for Excel: UTF-8 with a byte order mark, CRLF line
/// ends, one row per value (a concept's value, a target or report line, an indicator's value
/// for a fiscal year, a reform item's plan or result), so that a pivot table can regroup it.
///
/// A cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`:
/// a spreadsheet would otherwise run it as a formula.
public enum CSVReport {
  /// The columns, in order.
  public static let columns = [
    "section", "theme_id", "theme_ja", "municipality_code", "municipality", "fiscal_year",
    "record_kind", "record_number", "record_title", "item", "value_kind", "concept_id",
    "concept_ja", "value", "unit", "text", "as_of", "theme_rule",
  ]

  public static func render(_ comparison: Comparison) -> [UInt8] {
    var rows: [[String]] = [columns]
    func add(
      _ section: String, theme: ThemeSection?, city: City, fiscalYear: Int?, kind: String = "",
      number: String = "", title: String = "", item: String = "", valueKind: String = "",
      concept: ConceptRow? = nil, value: Double? = nil, unit: String = "", text: String = "",
      asOf: String? = nil, rule: String = ""
    ) {
      rows.append([
        section, theme?.id ?? "", theme?.ja ?? "", city.code, city.name,
        fiscalYear.map(String.init) ?? "", kind, number, title, item, valueKind,
        concept?.id ?? "", concept?.ja ?? "", value.map(ReportText.number) ?? "", unit, text,
        asOf ?? "", rule,
      ])
    }
    for concept in comparison.concepts {
      for series in concept.series {
        for point in series.points {
          add(
            "concept", theme: nil, city: series.city, fiscalYear: point.fiscalYear,
            number: point.records.map(ReportText.reference).joined(separator: ", "),
            item: point.label, valueKind: point.kind,
            concept: concept, value: point.value,
            unit: concept.unitLabel, text: point.text, asOf: point.asOf)
        }
      }
    }
    for theme in comparison.themes {
      for column in theme.columns {
        let city = column.city
        for objective in column.objectives {
          // An objective without actions (a list of department objectives) is a row of its own.
          if objective.actions.isEmpty {
            add(
              "objective", theme: theme, city: city, fiscalYear: objective.fiscalYear,
              kind: "objective", number: objective.number, title: objective.title,
              item: objective.department ?? "", rule: objective.rule)
          }
          for action in objective.actions {
            let lists = [
              ("target", action.targets), ("mid-term", action.midTerm), ("final", action.final),
            ]
            let item = "\(action.number). \(action.title)"
            if lists.allSatisfy({ $0.1.isEmpty }) {
              add(
                "objective", theme: theme, city: city, fiscalYear: objective.fiscalYear,
                kind: "objective", number: objective.number, title: objective.title, item: item,
                rule: objective.rule)
            }
            for (kind, list) in lists {
              for entry in list {
                add(
                  "objective", theme: theme, city: city, fiscalYear: objective.fiscalYear,
                  kind: "objective", number: objective.number, title: objective.title,
                  item: item, valueKind: kind, text: entry.line, rule: objective.rule)
              }
            }
          }
        }
        for measure in column.measures {
          if measure.indicators.isEmpty {
            add(
              "measure", theme: theme, city: city, fiscalYear: measure.fiscalYear,
              kind: "measure", number: measure.code, title: measure.title,
              text: measure.description ?? "", rule: measure.rule)
          }
          for indicator in measure.indicators {
            for value in indicator.values {
              add(
                "measure", theme: theme, city: city, fiscalYear: value.fiscalYear,
                kind: "measure", number: measure.code, title: measure.title,
                item: indicator.name, valueKind: value.kind, value: value.value,
                unit: indicator.unit ?? "", text: value.raw, rule: measure.rule)
            }
          }
        }
        for project in column.projects {
          for cost in project.costs {
            add(
              "project", theme: theme, city: city, fiscalYear: cost.fiscalYear,
              kind: "project", number: project.code, title: project.name, item: "トータルコスト",
              valueKind: cost.kind, value: cost.totalCost, unit: cost.unit,
              text: cost.totalCost.map(ReportText.number) ?? "", rule: project.rule)
          }
          for indicator in project.indicators {
            for value in indicator.values {
              add(
                "project", theme: theme, city: city, fiscalYear: value.fiscalYear,
                kind: "project", number: project.code, title: project.name,
                item: indicator.name, valueKind: value.kind, value: value.value,
                unit: indicator.unit ?? "", text: value.raw, rule: project.rule)
            }
          }
        }
        for item in column.reformItems {
          for year in item.years {
            for (kind, text) in [("plan", year.plan), ("result", year.result)] {
              guard let text else { continue }
              add(
                "reform-item", theme: theme, city: city, fiscalYear: year.fiscalYear,
                kind: "reform-item", number: item.number, title: item.title,
                item: item.goal ?? "", valueKind: kind, text: text, rule: item.rule)
            }
          }
        }
      }
    }
    for record in comparison.unthemed {
      add(
        "unthemed", theme: nil, city: record.city, fiscalYear: record.fiscalYear,
        kind: record.kind, number: record.key, title: record.title, text: record.reason)
    }
    var out: [UInt8] = [0xEF, 0xBB, 0xBF]
    for row in rows {
      out += Array(row.map(cell).joined(separator: ",").utf8)
      out += [0x0D, 0x0A]
    }
    return out
  }

  /// A field: neutralized against formula injection, quoted when it holds a comma, a quote or
  /// a line break.
  static func cell(_ text: String) -> String {
    var text = text
    if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
      text = "'" + text
    }
    guard
      text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
    else { return text }
    return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
  }
}

extension String {
  /// The string with every `target` scalar replaced (without Foundation).
  func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
    var out = ""
    for scalar in unicodeScalars {
      if scalar == target { out += replacement } else { out.unicodeScalars.append(scalar) }
    }
    return out
  }
}
