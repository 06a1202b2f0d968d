import GyoseiModel

/// What a document holds, counted in the words of its family: `4 objectives, 14 actions`.
public enum DocumentContents {
  /// The counts, one phrase each.
  public static func counts(_ document: Document) -> [String] {
    switch document.family {
    case .objectiveSheet:
      return [
        "\(document.objectives?.count ?? 0) objectives",
        "\(document.objectives?.reduce(0) { $0 + $1.actions.count } ?? 0) actions",
      ]
    case .policyEvaluation:
      let basic = (document.goals ?? []).flatMap(\.policies).flatMap(\.basicMeasures)
      let measures = document.measures ?? []
      return [
        "\(basic.count) 基本施策", "\(measures.count) 施策",
        "\(measures.reduce(0) { $0 + $1.indicators.count }) indicators",
      ]
    case .reformActionProgram:
      let items = document.items ?? []
      return [
        "\(document.categories?.count ?? 0) categories", "\(items.count) items",
        "\(items.reduce(0) { $0 + $1.years.count }) years",
      ]
    case .indicatorTable:
      let sets = document.indicatorSets ?? []
      let indicators = sets.flatMap(\.indicators)
      return [
        "\(sets.count) 施策", "\(indicators.count) indicators",
        "\(indicators.reduce(0) { $0 + $1.observations.count }) values",
      ]
    case .projectEvaluation:
      let projects = document.projects ?? []
      return [
        "\(projects.count) projects", "\(projects.reduce(0) { $0 + $1.costs.count }) yearly costs",
        "\(projects.reduce(0) { $0 + $1.indicators.count }) indicators",
      ]
    }
  }

  /// The warnings' codes with their counts, most frequent first: `marker.skipped 3, …`.
  public static func warningSummary(_ warnings: [ConversionWarning]) -> String {
    var counts: [String: Int] = [:]
    for warning in warnings { counts[warning.code, default: 0] += 1 }
    guard !counts.isEmpty else { return "none" }
    return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
      .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
  }
}
