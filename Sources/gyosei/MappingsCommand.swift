import ArgumentParser
import Foundation
import GyoseiPipeline
import SheetMapping

/// `gyosei mappings`: the installed mapping files (`list`, the default) and a first mapping for a
/// sheet none recognizes (`draft`).
struct MappingsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mappings",
    abstract: "List the installed mappings, or draft a mapping for a new sheet.",
    subcommands: [MappingsListCommand.self, MappingsDraftCommand.self],
    defaultSubcommand: MappingsListCommand.self
  )
}

/// `gyosei mappings [list]`: lists the installed mapping files, and checks them.
struct MappingsListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the installed mappings (and check that each file reads).",
    discussion: """
      Lists every installed mapping file: the ones built into gyosei, overlaid file by file \
      by a mappings directory (--mappings DIR, else $GYOSEI_MAPPINGS, else ./Mappings): sheet \
      layouts with their family and municipality, XML export layouts with the sheet mapping \
      that reads their rows, the repair file, the theme rules and the indicator concepts, each \
      with where it comes from. A file that does not read is listed with its problem. Use an \
      id with `convert --mapping ID`, or pass a file of your own with `convert --mapping \
      FILE.yaml`. Mappings/README.md explains the language.
      Exit status: 0 all files read, 1 a file has a problem, 2 the directory named is not there.
      """
  )

  @Option(help: "A directory of mapping files that overlays the built-in ones.")
  var mappings: String?

  func run() throws {
    let files: [MappingFiles.Installed.File]
    do {
      files = try MappingFiles.installed(mappings).files
    } catch {
      Console.error("gyosei mappings: \(error)")
      throw ExitCode(ExitStatus.usage)
    }
    var rows: [[String]] = [["id", "kind", "municipality", "file", "from", "description"]]
    var problems = 0
    for file in files {
      let name = (file.name as NSString).lastPathComponent
      do {
        switch try MappingCatalog.decode(file.text, file: file.name) {
        case .mapping(let mapping):
          let city = mapping.municipality
          rows.append([
            mapping.id, mapping.family.rawValue,
            "\(city.name) (\(city.code.digits))", name, file.origin, mapping.description ?? "",
          ])
        case .xmlExport(let layout):
          rows.append([
            layout.id, "xml-export, read by " + (layout.readsAs ?? "the recognized sheet"), "",
            name, file.origin, layout.description,
          ])
        case .repairs:
          rows.append([
            "", "text repairs", "", name, file.origin, "character variants and city lexicons",
          ])
        case .draftVocabulary:
          rows.append([
            "", "draft vocabulary", "", name, file.origin,
            "form words for gyosei mappings draft",
          ])
        case .comparison(.themes):
          rows.append([
            "", "themes", "", name, file.origin, "theme rules for gyosei load and compare",
          ])
        case .comparison(.concepts):
          rows.append([
            "", "indicator concepts", "", name, file.origin,
            "comparable indicators for gyosei load and compare",
          ])
        }
      } catch {
        problems += 1
        Console.error("\(file.name): error: \(error)")
      }
    }
    for line in Self.aligned(rows) { try Console.out(line) }
    if problems > 0 { throw ExitCode(ExitStatus.failure) }
  }

  /// The rows as columns padded to the widest cell (East Asian wide characters count two);
  /// `mappings` and `check` print their tables with it.
  static func aligned(_ rows: [[String]]) -> [String] {
    func width(_ text: String) -> Int {
      text.unicodeScalars.reduce(0) { sum, scalar in
        let value = scalar.value
        let wide =
          (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
          || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
          || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
          || (0xFFE0...0xFFE6).contains(value) || value >= 0x20000
        return sum + (wide ? 2 : 1)
      }
    }
    let count = rows.map(\.count).max() ?? 0
    let widths = (0..<count).map { column in
      rows.map { column < $0.count ? width($0[column]) : 0 }.max() ?? 0
    }
    return rows.map { row in
      row.enumerated().map { column, cell in
        column == row.count - 1
          ? cell : cell + String(repeating: " ", count: widths[column] - width(cell))
      }.joined(separator: "  ")
    }
  }
}
