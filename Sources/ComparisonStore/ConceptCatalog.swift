/// Comparable indicators across cities (`Mappings/indicator-concepts.yaml`): the concepts, the
/// words that name each, and the units their values are read in.
///
/// An indicator (苫小牧市's 国民健康保険の特定健診受診率) or a target with its action item
/// (上田市's 特定健診(40~74歳の国保被保険者)の実施率向上 / 実施率 46%) is a concept's value when
/// its text holds one word of every one of the concept's word groups and none of its excluded
/// words, and its unit is the concept's (or converts to it).
public struct ConceptCatalog: Hashable, Sendable, Decodable {
  /// Units and their spellings.
  public var units: [UnitDefinition]
  /// The concepts, in the order reports show them.
  public var concepts: [IndicatorConcept]

  public init(units: [UnitDefinition], concepts: [IndicatorConcept]) throws {
    self.units = units
    self.concepts = concepts
    try check()
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    units = try container.decode([UnitDefinition].self, forKey: .units)
    concepts = try container.decode([IndicatorConcept].self, forKey: .concepts)
    try check()
  }

  private enum CodingKeys: String, CodingKey {
    case units, concepts
  }

  /// The unit a spelling (`%`, `人`) or a unit id (`percent`) names.
  public func unit(named spelling: String) -> UnitDefinition? {
    let trimmed = spelling.trimmingSpaces
    return units.first { $0.id == trimmed || $0.spellings.contains(trimmed) }
  }

  /// The unit with `id`.
  public func unit(id: String) -> UnitDefinition? {
    units.first { $0.id == id }
  }

  /// The first concept whose words `text` holds.
  public func concept(describedBy text: String) -> IndicatorConcept? {
    let text = TextSearch(text)
    return concepts.first { $0.isDescribed(by: text) }
  }

  /// A value in the concept's unit, or nil when `unit` (a spelling or an id) is not one the
  /// concept's values can be read in.
  public func value(_ value: Double, unit spelling: String, for concept: IndicatorConcept)
    -> Double?
  {
    guard let unit = unit(named: spelling) else { return nil }
    if unit.id == concept.unit || concept.accepts.contains(unit.id) { return value }
    if unit.base == concept.unit, let scale = unit.scale { return value * scale }
    return nil
  }

  private func check() throws {
    var unitIDs: Set<String> = []
    var spellings: [String: String] = [:]
    for unit in units {
      let entry = "units[\(unit.id)]"
      guard !unit.id.isEmpty, unitIDs.insert(unit.id).inserted else {
        throw CatalogError(entry: entry, message: "a unit needs an id no other unit has")
      }
      guard !unit.label.isEmpty else {
        throw CatalogError(entry: entry, message: "a unit needs a label, such as %")
      }
      for spelling in unit.spellings {
        if let other = spellings.updateValue(unit.id, forKey: spelling), other != unit.id {
          throw CatalogError(
            entry: entry, message: "the spelling \(spelling) is also a spelling of \(other)")
        }
      }
      if (unit.base == nil) != (unit.scale == nil) {
        throw CatalogError(entry: entry, message: "base and scale are given together")
      }
    }
    for unit in units {
      if let base = unit.base, !unitIDs.contains(base) {
        throw CatalogError(entry: "units[\(unit.id)].base", message: "no unit \(base)")
      }
    }
    var conceptIDs: Set<String> = []
    for concept in concepts {
      let entry = "concepts[\(concept.id)]"
      guard !concept.id.isEmpty, conceptIDs.insert(concept.id).inserted else {
        throw CatalogError(entry: entry, message: "a concept needs an id no other concept has")
      }
      guard !concept.ja.isEmpty, !concept.en.isEmpty else {
        throw CatalogError(
          entry: entry, message: "a concept needs a Japanese and an English label")
      }
      for unit in [concept.unit] + concept.accepts where !unitIDs.contains(unit) {
        throw CatalogError(entry: entry, message: "no unit \(unit) in units")
      }
      guard !concept.words.isEmpty, concept.words.allSatisfy({ !$0.isEmpty }),
        concept.words.joined().allSatisfy({ !$0.isEmpty })
      else {
        throw CatalogError(
          entry: entry + ".words", message: "expected groups of words, none of them empty")
      }
    }
  }
}

/// A unit of measure: an id, the label reports print, the spellings sources use, and for a
/// multiple of another unit (千円 of 円) its base and scale.
public struct UnitDefinition: Hashable, Sendable, Decodable {
  /// A stable id, the one `Quantities` gives (`percent`, `person`, `JPY`).
  public var id: String
  /// How reports print it.
  public var label: String
  /// Spellings in sources' unit cells.
  public var spellings: [String]
  /// The unit this one is a multiple of.
  public var base: String?
  /// How many base units one of this unit is.
  public var scale: Double?

  public init(
    id: String, label: String, spellings: [String] = [], base: String? = nil,
    scale: Double? = nil
  ) {
    self.id = id
    self.label = label
    self.spellings = spellings
    self.base = base
    self.scale = scale
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    label = try container.decode(String.self, forKey: .label)
    spellings = try container.decodeIfPresent([String].self, forKey: .spellings) ?? []
    base = try container.decodeIfPresent(String.self, forKey: .base)
    scale = try container.decodeIfPresent(Double.self, forKey: .scale)
  }

  private enum CodingKeys: String, CodingKey {
    case id, label, spellings, base, scale
  }
}

/// One comparable indicator: its labels, its unit and the words that name it.
public struct IndicatorConcept: Hashable, Sendable, Decodable {
  /// A stable id, such as `specific-health-checkup-rate`.
  public var id: String
  /// The Japanese label, such as 特定健診受診率.
  public var ja: String
  /// The English label.
  public var en: String
  /// The unit id values are compared in.
  public var unit: String
  /// Other units read as the concept's unit as they are (an indicator in 人 whose name says
  /// 人口10万人当たり is a rate per 100,000).
  public var accepts: [String]
  /// Groups of synonyms: the text holds one word of every group.
  public var words: [[String]]
  /// Words that rule a text out.
  public var exclude: [String]

  public init(
    id: String, ja: String, en: String, unit: String, accepts: [String] = [],
    words: [[String]], exclude: [String] = []
  ) {
    self.id = id
    self.ja = ja
    self.en = en
    self.unit = unit
    self.accepts = accepts
    self.words = words
    self.exclude = exclude
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    ja = try container.decode(String.self, forKey: .ja)
    en = try container.decode(String.self, forKey: .en)
    unit = try container.decode(String.self, forKey: .unit)
    accepts = try container.decodeIfPresent([String].self, forKey: .accepts) ?? []
    words = try container.decode([[String]].self, forKey: .words)
    exclude = try container.decodeIfPresent([String].self, forKey: .exclude) ?? []
  }

  private enum CodingKeys: String, CodingKey {
    case id, ja, en, unit, accepts, words, exclude
  }

  /// Whether `text` names this concept.
  public func isDescribed(by text: String) -> Bool {
    isDescribed(by: TextSearch(text))
  }

  func isDescribed(by text: TextSearch) -> Bool {
    words.allSatisfy { group in group.contains { text.contains($0) } }
      && !exclude.contains { text.contains($0) }
  }
}

extension String {
  /// The string without leading and trailing spaces (ASCII and ideographic).
  var trimmingSpaces: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.isSpace }),
      let last = scalars.lastIndex(where: { !$0.isSpace })
    else { return "" }
    return String(scalars[first...last])
  }
}

extension Unicode.Scalar {
  fileprivate var isSpace: Bool {
    self == " " || self == "\t" || self == "\u{3000}" || self == "\n" || self == "\r"
  }
}
