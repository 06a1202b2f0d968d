import ComparisonStore
import Emitters
import Foundation
import GyoseiModel
import TestSupport
import Yams

/// The real catalogs of Mappings/ and the real corpus's expected documents.
public enum StoreFixtures {
  public static func themes() throws -> ThemeCatalog {
    try YAMLDecoder().decode(ThemeCatalog.self, from: mapping("themes.yaml"))
  }

  public static func concepts() throws -> ConceptCatalog {
    try YAMLDecoder().decode(ConceptCatalog.self, from: mapping("indicator-concepts.yaml"))
  }

  public static func mapping(_ name: String) throws -> String {
    try String(
      contentsOf: CorpusExamples.root.appendingPathComponent("Mappings/\(name)"), encoding: .utf8)
  }

  /// Corpus/expected/NAME.json for every real sheet.
  public static func expectedDocuments() throws -> [LoadInput] {
    try CorpusExamples.sheets.map { name in
      let path = "Corpus/expected/\(name).json"
      let data = try Data(contentsOf: CorpusExamples.root.appendingPathComponent(path))
      return LoadInput(document: try CanonicalDecoder.decodeJSON([UInt8](data)), path: path)
    }
  }

  /// An in-memory store holding the whole corpus.
  public static func corpusStore() throws -> ComparisonStore {
    let store = try ComparisonStore()
    _ = try store.load(try expectedDocuments(), themes: themes(), concepts: concepts())
    return store
  }
}
