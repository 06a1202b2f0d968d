/// What `gyosei compare` reports.
///
/// Per theme, the cities side by side, and the concepts' values on one row each. Reports
/// render it (`MarkdownReport`, `CSVReport`, `HTMLReport`).
public struct Comparison: Hashable, Sendable {
  /// The cities, in the order asked for.
  public var cities: [City]
  /// The documents the comparison reads, per city.
  public var documents: [DocumentSummary]
  /// Every concept with a value in any of the cities, in the concept table's order.
  public var concepts: [ConceptRow]
  /// The themes with records in any of the cities, in the themes file's order.
  public var themes: [ThemeSection]
  /// Records no theme rule matched.
  public var unthemed: [UnthemedRecord]
  /// Notes on the data: documents loaded with other theme files, cities without documents.
  public var notes: [String]
}

/// A municipality.
public struct City: Hashable, Sendable {
  public var code: String
  public var name: String
  public var prefecture: String?

  /// 上田市 (長野県, 202037).
  public var label: String {
    "\(name) (\([prefecture, code].compactMap { $0 }.joined(separator: ", ")))"
  }
}

/// One loaded document, as the report names it.
public struct DocumentSummary: Hashable, Sendable {
  public var id: String
  public var city: String
  public var family: String
  public var title: String?
  public var fiscalYear: Int
  public var department: String?
  public var sourceFile: String
}

/// One theme: its concepts' rows and each city's records.
public struct ThemeSection: Hashable, Sendable {
  /// The id of the section that holds the values of the records no theme rule matched (they
  /// keep their values in every report, after the themes).
  public static let unthemedID = "unthemed"

  public var id: String
  public var ja: String
  public var en: String
  /// The concepts with a value in this theme's records (each row with all the concept's
  /// values, whatever their theme).
  public var concepts: [ConceptRow]
  /// One column per city, in the cities' order.
  public var columns: [CityColumn]
}

/// A city's records in one theme.
public struct CityColumn: Hashable, Sendable {
  public var city: City
  public var objectives: [ObjectiveEntry]
  public var measures: [MeasureEntry]
  public var reformItems: [ReformEntry]
  public var projects: [ProjectEntry] = []

  public init(
    city: City, objectives: [ObjectiveEntry] = [], measures: [MeasureEntry] = [],
    reformItems: [ReformEntry] = [], projects: [ProjectEntry] = []
  ) {
    self.city = city
    self.objectives = objectives
    self.measures = measures
    self.reformItems = reformItems
    self.projects = projects
  }

  public var isEmpty: Bool {
    objectives.isEmpty && measures.isEmpty && reformItems.isEmpty && projects.isEmpty
  }
  public var recordCount: Int {
    objectives.count + measures.count + reformItems.count + projects.count
  }

  /// The projects' total cost (トータルコスト) by fiscal year and kind, summed: what the theme
  /// costs the city.
  public var projectCosts: [ProjectCostEntry] {
    var sums: [String: ProjectCostEntry] = [:]
    for cost in projects.flatMap(\.costs) {
      guard let total = cost.totalCost else { continue }
      let key = "\(cost.fiscalYear)/\(cost.kind)"
      var sum =
        sums[key]
        ?? ProjectCostEntry(
          fiscalYear: cost.fiscalYear, kind: cost.kind, unit: cost.unit, totalCost: 0)
      sum.totalCost = (sum.totalCost ?? 0) + total
      sums[key] = sum
    }
    return sums.values.sorted { ($0.fiscalYear, $0.kind) < ($1.fiscalYear, $1.kind) }
  }
}

/// A project (事務事業) with its yearly total cost and its indicators.
public struct ProjectEntry: Hashable, Sendable {
  public var code: String
  public var fiscalYear: Int
  public var name: String
  /// Its place in the plan: 政策06 … / 施策21 ….
  public var context: String?
  public var organizations: String
  public var rule: String
  public var costs: [ProjectCostEntry]
  public var indicators: [IndicatorEntry]
}

/// A project's cost in one fiscal year (`actual` or `plan`), in the unit the sheet prints.
public struct ProjectCostEntry: Hashable, Sendable {
  public var fiscalYear: Int
  public var kind: String
  public var unit: String
  public var totalCost: Double?
}

/// An objective of an objective sheet with its actions.
public struct ObjectiveEntry: Hashable, Sendable {
  public var fiscalYear: Int
  public var department: String?
  public var number: String
  public var title: String
  /// Why the objective has this theme.
  public var rule: String
  public var actions: [ActionEntry]
}

/// An action with its targets and its mid-term and final reports.
public struct ActionEntry: Hashable, Sendable {
  public var number: String
  public var title: String
  public var targets: [TargetEntry]
  public var midTerm: [TargetEntry]
  public var final: [TargetEntry]
}

/// One target or report line, with the action item it is for.
public struct TargetEntry: Hashable, Sendable {
  public var marker: String?
  public var text: String
  public var itemText: String?
  public var conceptID: String?

  /// The line with its marker.
  public var line: String { [marker, text].compactMap { $0 }.joined(separator: " ") }
}

/// A measure (施策) of a policy evaluation with its indicators.
public struct MeasureEntry: Hashable, Sendable {
  public var code: String
  public var fiscalYear: Int
  public var title: String
  public var context: String?
  public var description: String?
  public var organizations: String
  public var rule: String
  public var indicators: [IndicatorEntry]
}

/// An indicator with its values by fiscal year.
public struct IndicatorEntry: Hashable, Sendable {
  public var name: String
  public var unit: String?
  public var conceptID: String?
  public var values: [IndicatorValue]
}

/// One fiscal year's value of an indicator.
public struct IndicatorValue: Hashable, Sendable {
  public var fiscalYear: Int
  /// `actual`, `target`, `rate`, `baseline` or `estimate`.
  public var kind: String
  public var value: Double?
  public var raw: String
}

/// A reform program's item with its plan and result per fiscal year.
public struct ReformEntry: Hashable, Sendable {
  public var number: String
  public var fiscalYear: Int
  public var title: String
  public var context: String?
  public var goal: String?
  public var organizations: String
  public var rule: String
  public var years: [ReformYearEntry]
}

/// A reform item's plan and result for one fiscal year.
public struct ReformYearEntry: Hashable, Sendable {
  public var fiscalYear: Int
  public var plan: String?
  public var result: String?
}

/// One comparable indicator across the cities: every value, by city and fiscal year.
public struct ConceptRow: Hashable, Sendable {
  public var id: String
  public var ja: String
  public var en: String
  public var unitLabel: String
  public var series: [ConceptSeries]

  /// The fiscal years with a value in any city, ascending.
  public var fiscalYears: [Int] {
    Set(series.flatMap { $0.points.map(\.fiscalYear) }).sorted()
  }
}

/// A city's values of one concept.
public struct ConceptSeries: Hashable, Sendable {
  public var city: City
  public var points: [ConceptPoint]
}

/// One value of a concept: an observation (actual) or a target or report of an action.
public struct ConceptPoint: Hashable, Sendable {
  public var fiscalYear: Int
  /// `actual`, `target`, `mid-term` or `final`.
  public var kind: String
  public var value: Double
  /// The source's own text: 32.7, 実施率13.6%(8月末現在).
  public var text: String
  /// The date a report's value stands at, ISO 8601.
  public var asOf: String?
  /// The indicator's name or the action item's text.
  public var label: String
  /// The records it is read from.
  public var records: [RecordReference]

  func isSameFigure(as other: ConceptPoint) -> Bool {
    fiscalYear == other.fiscalYear && kind == other.kind && value == other.value
      && text == other.text && asOf == other.asOf && label == other.label
  }
}

extension ConceptSeries {
  /// The points grouped by label, in order of first appearance: one line per indicator or
  /// action item.
  public var byLabel: [(label: String, points: [ConceptPoint])] {
    var groups: [(label: String, points: [ConceptPoint])] = []
    for point in points {
      if let index = groups.firstIndex(where: { $0.label == point.label }) {
        groups[index].points.append(point)
      } else {
        groups.append((point.label, [point]))
      }
    }
    return groups
  }
}

/// A record that no theme rule matched, with what the rules looked at.
public struct UnthemedRecord: Hashable, Sendable {
  public var city: City
  public var kind: String
  public var key: String
  public var title: String
  public var documentTitle: String?
  public var fiscalYear: Int
  /// Its plan positions and organizations: what a rule would have to name.
  public var reason: String
}

/// A record as the store keys it: its kind and its key in its document.
public struct RecordReference: Hashable, Sendable {
  /// `objective`, `action`, `measure` or `reform-item`.
  public var kind: String
  /// The measure code (2120711), objective.action numbers (4.1), item number (23).
  public var key: String

  public init(kind: String, key: String) {
    self.kind = kind
    self.key = key
  }
}
