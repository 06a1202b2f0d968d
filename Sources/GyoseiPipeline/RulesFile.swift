import SheetMapping
import Validation
import Yams

/// A rules file (YAML) that changes the rules' severities.
///
/// ```yaml
/// rules:                          # code: error | warning | info | off
///   indicator.unit-missing: error
///   lexicon.suspicious-word: off  # conversion warnings' codes too
/// conversion-warnings: warning    # every other carried conversion warning
/// ```
public enum RulesFile {
  /// Why a rules file cannot be used.
  public struct Problem: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// Reads a rules file into a configuration; every problem names the file and the entry.
  public static func load(_ path: String, strict: Bool) throws -> RuleConfiguration {
    let bytes = try InputFiles.read(path)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw Problem(description: "\(path): not UTF-8")
    }
    let node: Any?
    do {
      // Composed first (aliases shared, not copied) and measured, so that an alias bomb is
      // refused before anything expands it.
      // Tags resolved (the severities are read from typed values, `off` among them), as UTF-8.
      let composed = try Yams.compose(yaml: text, .default, .default, .utf8)
      if let composed, let problem = YAMLChecks.aliasExpansionProblem(in: composed) {
        throw Problem(description: "\(path): \(problem)")
      }
      node = composed?.any
    } catch let problem as Problem {
      throw problem
    } catch {
      throw Problem(description: "\(path): not YAML: \(error)")
    }
    guard let top = node as? [String: Any] else {
      throw Problem(
        description: "\(path): expected a mapping with 'rules' and 'conversion-warnings'")
    }
    for key in top.keys.sorted() where key != "rules" && key != "conversion-warnings" {
      throw Problem(
        description: "\(path): unknown key '\(key)'; a rules file has 'rules' and "
          + "'conversion-warnings'")
    }
    var rules: [String: String] = [:]
    if let entries = top["rules"] {
      guard let map = entries as? [String: Any] else {
        throw Problem(description: "\(path): 'rules' is a mapping of code: severity")
      }
      for (code, level) in map {
        guard let level = severityWord(level) else {
          throw Problem(
            description: "\(path): rules: \(code): expected error, warning, info or off")
        }
        rules[code] = level
      }
    }
    var carried: String?
    if let value = top["conversion-warnings"] {
      guard let word = severityWord(value) else {
        throw Problem(
          description: "\(path): conversion-warnings: expected error, warning, info or off")
      }
      carried = word
    }
    do {
      return try RuleConfiguration(rules: rules, carriedWarnings: carried, strict: strict)
    } catch {
      throw Problem(description: "\(path): \(error)")
    }
  }

  /// A severity as written: YAML 1.1 reads an unquoted `off` as false.
  private static func severityWord(_ value: Any) -> String? {
    if let flag = value as? Bool { return flag ? nil : "off" }
    return value as? String
  }
}
