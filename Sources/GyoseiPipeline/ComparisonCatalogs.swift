import ComparisonStore
import Foundation
import SheetMapping
import Yams

/// The comparison catalogs `gyosei load` applies: `themes.yaml` and `indicator-concepts.yaml` of
/// the installed mappings (built in, or the mappings directory's), or the files named with
/// `--themes` and `--concepts`.
public enum ComparisonCatalogs {
  static let themesFile = "themes.yaml"
  static let conceptsFile = "indicator-concepts.yaml"

  /// The themes file at `path`, or the mappings directory's.
  public static func themes(_ path: String?, mappings: String?) throws -> ThemeCatalog {
    try decode(
      ThemeCatalog.self, file: try file(path, installed: themesFile, mappings: mappings),
      allowed: [
        "": ["themes"],
        "themes[]": ["id", "ja", "en", "plan-positions", "departments", "keywords"],
        "themes[].plan-positions[]": ["city", "plan", "path"],
        "themes[].departments[]": ["city", "department", "section"],
      ])
  }

  /// The indicator concept table at `path`, or the mappings directory's.
  public static func concepts(_ path: String?, mappings: String?) throws -> ConceptCatalog {
    try decode(
      ConceptCatalog.self, file: try file(path, installed: conceptsFile, mappings: mappings),
      allowed: [
        "": ["units", "concepts"],
        "units[]": ["id", "label", "spellings", "base", "scale"],
        "concepts[]": ["id", "ja", "en", "unit", "accepts", "words", "exclude"],
      ])
  }

  /// The file at `path`, or the installed file called `name`, as (name for messages, text).
  private static func file(_ path: String?, installed name: String, mappings: String?) throws
    -> (name: String, text: String)
  {
    if let path {
      guard let text = String(validating: try InputFiles.read(path), as: UTF8.self) else {
        throw InputFiles.Problem(description: "\(path): not UTF-8 text")
      }
      return (path, text)
    }
    guard let file = try MappingFiles.installed(mappings).file(named: name) else {
      throw InputFiles.Problem(
        description: "no \(name) among the installed mappings; pass its path (--themes, "
          + "--concepts) or a --mappings DIR that holds it")
    }
    return (file.name, file.text)
  }

  private static func decode<T: Decodable>(
    _ type: T.Type, file: (name: String, text: String), allowed: [String: Set<String>]
  ) throws -> T {
    let path = file.name
    let text = file.text
    var root: Node?
    do {
      root = try YAMLChecks.compose(text)
      guard let node = root else {
        throw InputFiles.Problem(description: "\(path): the file is empty")
      }
      if let problem = YAMLChecks.aliasExpansionProblem(in: node) {
        throw InputFiles.Problem(description: "\(path): \(problem)")
      }
      if let problem = YAMLChecks.unknownKey(in: node, path: "", allowed: allowed) {
        throw InputFiles.Problem(description: "\(path): \(problem)")
      }
      return try YAMLDecoder().decode(type, from: node)
    } catch let error as InputFiles.Problem {
      throw error
    } catch let error as CatalogError {
      throw InputFiles.Problem(description: "\(path): \(error)")
    } catch let error as DecodingError {
      if case .dataCorrupted(let context) = error,
        let catalog = context.underlyingError as? CatalogError
      {
        throw InputFiles.Problem(description: "\(path): \(catalog)")
      }
      throw InputFiles.Problem(description: "\(path): \(YAMLChecks.describe(error, in: root))")
    } catch {
      throw InputFiles.Problem(description: "\(path): not valid YAML: \(error)")
    }
  }
}
