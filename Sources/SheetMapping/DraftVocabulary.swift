import GyoseiModel
import Yams

/// The printed words of municipal forms, by family and by the field they name: what
/// `MappingDraft` looks for in a sheet no mapping recognizes (`Mappings/draft-vocabulary.yaml`).
///
/// It is data, not code: a form word the draft should know is added to the file.
public struct DraftVocabulary: Sendable, Hashable {
  /// One field's words, in the file's order.
  public struct Entry: Sendable, Hashable {
    public var field: String
    public var words: [String]
  }

  /// The words of one family.
  public struct Family: Sendable, Hashable {
    /// Words that make a sheet resemble the family.
    public var familyWords: [String] = []
    /// Each place of a mapping the words fill (`fields`, `records`, …) and its fields' words.
    public var places: [Place: [Entry]] = [:]
  }

  /// A place of a mapping that the draft fills with the labels it finds.
  public enum Place: String, Sendable, Hashable, CaseIterable {
    /// Objective sheets: the labelled rows (`fields`).
    case fields
    /// Objective sheets: the columns of a table with an objective per row (`records`).
    case records
    /// Objective sheets: the columns of the action table (`actions`).
    case actions
    /// Policy evaluations: `evaluation.labels`.
    case labels
    /// Policy evaluations: `evaluation.indicator-table`.
    case indicatorTable = "indicator-table"
    /// Reform programs: `program.item-table`.
    case itemTable = "item-table"

    /// The family whose mapping has this place.
    var family: DocumentFamily {
      switch self {
      case .fields, .records, .actions: return .objectiveSheet
      case .labels, .indicatorTable: return .policyEvaluation
      case .itemTable: return .reformActionProgram
      }
    }

    /// The fields a place's words may name: the keys or field values the mapping language has
    /// there.
    var fields: [String] {
      switch self {
      case .fields:
        // A plan position needs its plan's name, a remark and form text are prompts: a
        // draft cannot tell them from a label alone.
        return [.objective, .department, .priority, .situation, .purpose].map(
          \SheetMappingFile.FieldRole.rawValue)
      case .records: return SheetMappingFile.RecordField.allCases.map(\.rawValue)
      case .actions: return SheetMappingFile.ColumnRole.allCases.map(\.rawValue)
      case .labels:
        return [
          "organizations", "sub-measures", "description", "grade", "indicators",
          "indicator-name", "indicator-unit", "situation", "direction", "remarks",
        ]
      case .indicatorTable:
        // up and down: the marks of a direction column (⇧ ⇩).
        return ["baseline", "direction", "up", "down"]
          + Observation.Kind.allCases.filter { $0 != .baseline }.map(\.rawValue)
      case .itemTable: return SheetMappingFile.ProgramSpec.ItemField.allCases.map(\.rawValue)
      }
    }
  }

  public var families: [DocumentFamily: Family] = [:]

  public init() {}

  /// The families a draft can be written for.
  public static let draftable: [DocumentFamily] = [
    .objectiveSheet, .policyEvaluation, .reformActionProgram,
  ]

  /// Reads the `draft-vocabulary` node of a vocabulary file; `file` names it in errors.
  static func decode(_ node: Node, file: String) throws(MappingError) -> DraftVocabulary {
    var vocabulary = DraftVocabulary()
    func problem(_ node: Node, _ text: String) -> MappingError {
      .invalidMapping(
        file: file, problem: "draft-vocabulary." + text + YAMLChecks.place(of: node))
    }
    func words(_ node: Node) -> [String]? {
      guard let sequence = node.sequence else { return nil }
      let list = sequence.compactMap(\.string)
      return list.count == sequence.count && !list.isEmpty ? list : nil
    }
    guard let families = node.mapping else {
      throw problem(node, "expected a mapping of families (objective-sheet, …)")
    }
    for (key, value) in families {
      let familyName = key.string ?? ""
      guard let family = DocumentFamily(rawValue: familyName) else {
        throw problem(
          key,
          "\(familyName): not a family; the families are "
            + DocumentFamily.allCases.map(\.rawValue).joined(separator: ", "))
      }
      guard let places = value.mapping else {
        throw problem(value, "\(familyName): expected a mapping of places (family, fields, …)")
      }
      var entries = Family()
      for (key, value) in places {
        let placeName = key.string ?? ""
        if placeName == "family" {
          guard let list = words(value) else {
            throw problem(value, "\(familyName).family: expected a list of words, such as [施策評価]")
          }
          entries.familyWords = list
          continue
        }
        let allowed = Place.allCases.filter { $0.family == family }
        guard let place = Place(rawValue: placeName), place.family == family else {
          throw problem(
            key,
            "\(familyName).\(placeName): not a place of \(familyName) mappings; the places "
              + "are family, " + allowed.map(\.rawValue).joined(separator: ", "))
        }
        guard let fields = value.mapping else {
          throw problem(value, "\(familyName).\(placeName): expected a mapping of fields to words")
        }
        var list: [Entry] = []
        for (key, value) in fields {
          let field = key.string ?? ""
          guard place.fields.contains(field) else {
            throw problem(
              key,
              "\(familyName).\(placeName).\(field): not a field the draft fills there; the "
                + "fields are " + place.fields.joined(separator: ", "))
          }
          guard let words = words(value) else {
            throw problem(
              value,
              "\(familyName).\(placeName).\(field): expected a list of words, such as [主管課]")
          }
          list.append(Entry(field: field, words: words))
        }
        entries.places[place] = list
      }
      vocabulary.families[family] = entries
    }
    return vocabulary
  }

  /// This vocabulary with another's words added, field by field (the other's words first).
  func merged(with other: DraftVocabulary) -> DraftVocabulary {
    var merged = self
    for (family, words) in other.families {
      var mine = merged.families[family] ?? Family()
      mine.familyWords =
        words.familyWords
        + mine.familyWords.filter {
          !words.familyWords.contains($0)
        }
      for (place, entries) in words.places {
        var list = mine.places[place] ?? []
        for entry in entries.reversed() {
          if let index = list.firstIndex(where: { $0.field == entry.field }) {
            list[index].words =
              entry.words + list[index].words.filter { !entry.words.contains($0) }
          } else {
            list.insert(entry, at: 0)
          }
        }
        mine.places[place] = list
      }
      merged.families[family] = mine
    }
    return merged
  }
}
