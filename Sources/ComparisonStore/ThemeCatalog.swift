/// The comparison themes (`Mappings/themes.yaml`) and the rules that give each record its theme.
///
/// A record (an objective and its actions, a measure, a reform item) takes the theme of the first
/// rule that matches, trying the kinds in this order: a plan position, then a department or
/// section, then a keyword in the record's title or text. Within a kind, themes are tried in
/// the file's order. A record that no rule matches is unthemed, and the report lists it.
public struct ThemeCatalog: Hashable, Sendable, Decodable {
  /// The themes, in the order reports show them.
  public var themes: [Theme]

  public init(themes: [Theme]) throws {
    self.themes = themes
    try check()
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    themes = try container.decode([Theme].self, forKey: .themes)
    try check()
  }

  private enum CodingKeys: String, CodingKey {
    case themes
  }

  /// The theme with `id`, if the catalog has it.
  public func theme(id: String) -> Theme? {
    themes.first { $0.id == id }
  }

  /// The theme for a record, with the rule that chose it, or nil when no rule matches.
  public func assign(_ record: ThemeFacts) -> ThemeAssignment? {
    for position in record.planPositions {
      for theme in themes {
        for rule in theme.planPositions where rule.matches(position, city: record.city) {
          return ThemeAssignment(themeID: theme.id, rule: "計画上の位置付け \(position)")
        }
      }
    }
    for organization in record.organizations {
      for theme in themes {
        for rule in theme.departments where rule.matches(organization, city: record.city) {
          return ThemeAssignment(themeID: theme.id, rule: "所管 \(organization)")
        }
      }
    }
    let text = TextSearch(record.text)
    for theme in themes {
      for keyword in theme.keywords where text.contains(keyword) {
        return ThemeAssignment(themeID: theme.id, rule: "キーワード \(keyword)")
      }
    }
    return nil
  }

  private func check() throws {
    guard !themes.isEmpty else {
      throw CatalogError(entry: "themes", message: "expected at least one theme")
    }
    var seen: Set<String> = []
    for theme in themes {
      let entry = "themes[\(theme.id)]"
      guard !theme.id.isEmpty, theme.id.unicodeScalars.allSatisfy(Self.isIDScalar) else {
        throw CatalogError(
          entry: entry, message: "an id is lower-case ASCII letters, digits and hyphens")
      }
      guard seen.insert(theme.id).inserted else {
        throw CatalogError(entry: entry, message: "the id is used by an earlier theme")
      }
      guard !theme.ja.isEmpty, !theme.en.isEmpty else {
        throw CatalogError(entry: entry, message: "a theme needs a Japanese and an English label")
      }
      for rule in theme.planPositions where rule.plan.isEmpty || rule.path.isEmpty {
        throw CatalogError(
          entry: entry + ".plan-positions", message: "a rule needs a plan and a path")
      }
      for rule in theme.departments where rule.department == nil && rule.section == nil {
        throw CatalogError(
          entry: entry + ".departments", message: "a rule needs a department or a section")
      }
      for keyword in theme.keywords where keyword.isEmpty {
        throw CatalogError(entry: entry + ".keywords", message: "a keyword cannot be empty")
      }
    }
  }

  private static func isIDScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a"..."z", "0"..."9", "-": return true
    default: return false
    }
  }
}

/// One comparison theme: its id, its labels and the rules that choose it.
public struct Theme: Hashable, Sendable, Decodable {
  /// A stable id, such as `health-promotion`.
  public var id: String
  /// The Japanese label, such as 健康づくり.
  public var ja: String
  /// The English label.
  public var en: String
  /// Positions in the cities' plans: the most exact rules.
  public var planPositions: [PlanPositionRule]
  /// Departments and sections.
  public var departments: [DepartmentRule]
  /// Words in a record's title or text: the last resort.
  public var keywords: [String]

  public init(
    id: String, ja: String, en: String, planPositions: [PlanPositionRule] = [],
    departments: [DepartmentRule] = [], keywords: [String] = []
  ) {
    self.id = id
    self.ja = ja
    self.en = en
    self.planPositions = planPositions
    self.departments = departments
    self.keywords = keywords
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    ja = try container.decode(String.self, forKey: .ja)
    en = try container.decode(String.self, forKey: .en)
    planPositions =
      try container.decodeIfPresent([PlanPositionRule].self, forKey: .planPositions) ?? []
    departments = try container.decodeIfPresent([DepartmentRule].self, forKey: .departments) ?? []
    keywords = try container.decodeIfPresent([String].self, forKey: .keywords) ?? []
  }

  private enum CodingKeys: String, CodingKey {
    case id, ja, en, keywords, departments
    case planPositions = "plan-positions"
  }
}

/// A theme rule on a plan position: the plan's name contains `plan` and the position's path
/// starts with `path` (第4編, 第1章 matches 第4編/第1章/第1節).
public struct PlanPositionRule: Hashable, Sendable, Decodable {
  /// The municipality code the rule is for; nil for every city.
  public var city: String?
  /// A part of the plan's name, such as 総合計画.
  public var plan: String
  /// The leading segments of the position's path.
  public var path: [String]

  public init(city: String? = nil, plan: String, path: [String]) {
    self.city = city
    self.plan = plan
    self.path = path
  }

  func matches(_ position: ThemeFacts.Position, city code: String) -> Bool {
    if let city, city != code { return false }
    return TextSearch.contains(position.plan, plan) && position.path.starts(with: path)
  }
}

/// A theme rule on an organization: the department and the section, where given, are equal.
public struct DepartmentRule: Hashable, Sendable, Decodable {
  /// The municipality code the rule is for; nil for every city.
  public var city: String?
  /// The department (部局), such as 福祉部.
  public var department: String?
  /// The section (課), such as 保険年金課.
  public var section: String?

  public init(city: String? = nil, department: String? = nil, section: String? = nil) {
    self.city = city
    self.department = department
    self.section = section
  }

  func matches(_ organization: ThemeFacts.Unit, city code: String) -> Bool {
    if let city, city != code { return false }
    if let department, department != organization.department { return false }
    if let section, section != organization.section { return false }
    return true
  }
}

/// What the theme rules look at in a record.
public struct ThemeFacts: Hashable, Sendable {
  /// A position in a plan.
  public struct Position: Hashable, Sendable, CustomStringConvertible {
    public var plan: String
    public var path: [String]

    public init(plan: String, path: [String]) {
      self.plan = plan
      self.path = path
    }

    public var description: String { "\(plan) \(path.joined(separator: "/"))" }
  }

  /// A department with one of its sections.
  public struct Unit: Hashable, Sendable, CustomStringConvertible {
    public var department: String?
    public var section: String?

    public init(department: String?, section: String?) {
      self.department = department
      self.section = section
    }

    public var description: String {
      [department, section].compactMap { $0 }.joined(separator: " ")
    }
  }

  /// The municipality code.
  public var city: String
  public var planPositions: [Position]
  public var organizations: [Unit]
  /// The title and the record's own text, for keywords.
  public var text: String

  public init(city: String, planPositions: [Position], organizations: [Unit], text: String) {
    self.city = city
    self.planPositions = planPositions
    self.organizations = organizations
    self.text = text
  }
}

/// A record's theme and the rule that chose it, as the report explains it.
public struct ThemeAssignment: Hashable, Sendable {
  public var themeID: String
  public var rule: String

  public init(themeID: String, rule: String) {
    self.themeID = themeID
    self.rule = rule
  }
}
