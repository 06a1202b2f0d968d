/// A canonical gyosei document: one source sheet set, read, normalized and traced to its source.
///
/// Exactly one family body is present: `objectives` for objective sheets, `goals` and
/// `measures` for policy evaluations, `categories` and `items` for reform action programs,
/// `indicatorSets` for indicator tables, `projects` for project evaluations.
public struct Document: Hashable, Sendable, Codable {
  /// The schema version the document was read as (`1.0`, `1.1`); a document is always
  /// written in this build's version, `SchemaVersion.current`.
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
  /// Reform action programs: how far the items have come, when the report summarizes it.
  public var progress: ProgressSummary?
  /// Indicator tables: the indicators, by 施策.
  public var indicatorSets: [IndicatorSet]?
  /// Project evaluations: the 事務事業.
  public var projects: [Project]?
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
    items: [ReformItem]? = nil, progress: ProgressSummary? = nil,
    indicatorSets: [IndicatorSet]? = nil, projects: [Project]? = nil,
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
    self.progress = progress
    self.indicatorSets = indicatorSets
    self.projects = projects
    self.warnings = warnings
    self.unmapped = unmapped
    self.provenance = provenance
  }

  private enum CodingKeys: String, CodingKey {
    case schemaVersion, id, family, title, municipality, fiscalYear, fiscalYearText
    case organization, source, objectives, goals, measures, categories, items, progress
    case indicatorSets, projects, warnings, unmapped, provenance
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    schemaVersion = try container.decode(String.self, forKey: .schemaVersion)
    id = try container.decode(String.self, forKey: .id)
    family = try container.decode(DocumentFamily.self, forKey: .family)
    title = try container.decodeIfPresent(String.self, forKey: .title)
    municipality = try container.decode(Municipality.self, forKey: .municipality)
    fiscalYear = try container.decode(Int.self, forKey: .fiscalYear)
    fiscalYearText = try container.decodeIfPresent(String.self, forKey: .fiscalYearText)
    organization = try container.decodeIfPresent(Organization.self, forKey: .organization)
    source = try container.decode(SourceInfo.self, forKey: .source)
    objectives = try container.decodeIfPresent([Objective].self, forKey: .objectives)
    goals = try container.decodeIfPresent([PolicyGoal].self, forKey: .goals)
    measures = try container.decodeIfPresent([Measure].self, forKey: .measures)
    categories = try container.decodeIfPresent([ProgramCategory].self, forKey: .categories)
    items = try container.decodeIfPresent([ReformItem].self, forKey: .items)
    progress = try container.decodeIfPresent(ProgressSummary.self, forKey: .progress)
    indicatorSets = try container.decodeIfPresent([IndicatorSet].self, forKey: .indicatorSets)
    projects = try container.decodeIfPresent([Project].self, forKey: .projects)
    warnings = try container.decode([ConversionWarning].self, forKey: .warnings)
    unmapped = try container.decode([UnmappedCell].self, forKey: .unmapped)
    provenance = try container.decode([ProvenanceEntry].self, forKey: .provenance)
  }

  /// Writes the document in this build's schema version, whatever version it was read as.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(SchemaVersion.current, forKey: .schemaVersion)
    try container.encode(id, forKey: .id)
    try container.encode(family, forKey: .family)
    try container.encodeIfPresent(title, forKey: .title)
    try container.encode(municipality, forKey: .municipality)
    try container.encode(fiscalYear, forKey: .fiscalYear)
    try container.encodeIfPresent(fiscalYearText, forKey: .fiscalYearText)
    try container.encodeIfPresent(organization, forKey: .organization)
    try container.encode(source, forKey: .source)
    try container.encodeIfPresent(objectives, forKey: .objectives)
    try container.encodeIfPresent(goals, forKey: .goals)
    try container.encodeIfPresent(measures, forKey: .measures)
    try container.encodeIfPresent(categories, forKey: .categories)
    try container.encodeIfPresent(items, forKey: .items)
    try container.encodeIfPresent(progress, forKey: .progress)
    try container.encodeIfPresent(indicatorSets, forKey: .indicatorSets)
    try container.encodeIfPresent(projects, forKey: .projects)
    try container.encode(warnings, forKey: .warnings)
    try container.encode(unmapped, forKey: .unmapped)
    try container.encode(provenance, forKey: .provenance)
  }
}
