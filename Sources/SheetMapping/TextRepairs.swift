import GyoseiModel

/// The character variants gyosei repairs and the words it doubts, from a `Mappings/` file with
/// `variants` and `lexicons` (not a layout mapping).
///
/// Variants (`續` for `続`) are old or misread forms of one character: the text gets the
/// standard form and a `text.variant-character` warning keeps the original. Suspicious words
/// (`府内` where the city means `庁内`) belong to one city's vocabulary and are only flagged
/// (`lexicon.suspicious-word`): a machine cannot know that the word is wrong.
public struct TextRepairs: Sendable, Hashable, Codable {
  /// Variant character → standard character.
  public var variants: [String: String]
  /// Each city's doubtful words.
  public var lexicons: [Lexicon]

  public init(variants: [String: String] = [:], lexicons: [Lexicon] = []) {
    self.variants = variants
    self.lexicons = lexicons
  }

  enum CodingKeys: String, CodingKey {
    case variants
    case lexicons
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    variants = try container.decodeIfPresent([String: String].self, forKey: .variants) ?? [:]
    lexicons = try container.decodeIfPresent([Lexicon].self, forKey: .lexicons) ?? []
  }

  /// One city's doubtful words.
  public struct Lexicon: Sendable, Hashable, Codable {
    /// The city's 全国地方公共団体コード.
    public var municipality: MunicipalityCode
    /// Words that are probably misread, each with what was likely meant.
    public var suspicious: [SuspiciousWord]
  }

  /// A word that is probably misread, and what was likely meant.
  public struct SuspiciousWord: Sendable, Hashable, Codable {
    public var word: String
    public var likely: String
  }

  /// Both files' entries; a variant given twice must agree.
  func merged(with other: TextRepairs, file: String) throws(MappingError) -> TextRepairs {
    var result = self
    for (variant, standard) in other.variants {
      if let known = result.variants[variant], known != standard {
        throw .invalidMapping(
          file: file, problem: "variants: \(variant) is \(known) in one file, \(standard) here")
      }
      result.variants[variant] = standard
    }
    result.lexicons += other.lexicons
    return result
  }

  /// What is wrong with the entries, or nil.
  var problem: String? {
    for (variant, standard) in variants.sorted(by: { $0.key < $1.key }) {
      guard variant.unicodeScalars.count == 1, standard.unicodeScalars.count == 1 else {
        return "variants: '\(variant): \(standard)' must map one character to one character"
      }
    }
    for (index, lexicon) in lexicons.enumerated() {
      for word in lexicon.suspicious where word.word.isEmpty || word.likely.isEmpty {
        return "lexicons[\(index)].suspicious: every entry names a word and what is likely meant"
      }
    }
    return nil
  }
}
