/// A canonical gyosei document: one source sheet set, read, normalized and traced to its source.
///
/// Exactly one family body is present: `objectives` for objective sheets, `goals` and
/// `measures` for policy evaluations, `categories` and `items` for reform action programs,
/// `indicatorSets` for indicator tables.
public struct Document: Hashable, Sendable, Codable {
  /// The schema version (`1.0`).
  public var schemaVersion: String
  /// A stable id, derived from the municipality, family, fiscal year and source.
  public var id: String
  /// The document family.
  public var family: DocumentFamily
  /// The document's title as the source states it.
  public var title: String?
  /// The municipality.
  public var municipality: Municipality
  /// The fiscal year the document is about (Gregorian year of its April).
  public var fiscalYear: Int
  /// The fiscal year as the source writes it, for example 令和7年度.
  public var fiscalYearText: String?
  /// The organization the document belongs to, when it is one department's.
  public var organization: Organization?
  /// Where the document was read from.
  public var source: SourceInfo
  /// Objective sheets: the 重点目標.
  public var objectives: [Objective]?
  /// Policy evaluations: the hierarchy of goals, policies, 基本施策 and 主要施策.
  public var goals: [PolicyGoal]?
  /// Policy evaluations: the 施策.
  public var measures: [Measure]?
  /// Reform action programs: the category tree.
  public var categories: [ProgramCategory]?
  /// Reform action programs: the items.
  public var items: [ReformItem]?
  /// Indicator tables: the indicators, by 施策.
  public var indicatorSets: [IndicatorSet]?
  /// Every repair, guess and doubt of the conversion.
  public var warnings: [ConversionWarning]
  /// Source cells no mapping claimed.
  public var unmapped: [UnmappedCell]
  /// Where each value came from, keyed by JSON Pointer.
  public var provenance: [ProvenanceEntry]

  public init(
    id: String, family: DocumentFamily, title: String? = nil, municipality: Municipality,
    fiscalYear: Int, fiscalYearText: String? = nil, organization: Organization? = nil,
    source: SourceInfo, objectives: [Objective]? = nil, goals: [PolicyGoal]? = nil,
    measures: [Measure]? = nil, categories: [ProgramCategory]? = nil,
    items: [ReformItem]? = nil, indicatorSets: [IndicatorSet]? = nil,
    warnings: [ConversionWarning] = [],
    unmapped: [UnmappedCell] = [], provenance: [ProvenanceEntry] = []
  ) {
    self.schemaVersion = SchemaVersion.current
    self.id = id
    self.family = family
    self.title = title
    self.municipality = municipality
    self.fiscalYear = fiscalYear
    self.fiscalYearText = fiscalYearText
    self.organization = organization
    self.source = source
    self.objectives = objectives
    self.goals = goals
    self.measures = measures
    self.categories = categories
    self.items = items
    self.indicatorSets = indicatorSets
    self.warnings = warnings
    self.unmapped = unmapped
    self.provenance = provenance
  }
}
