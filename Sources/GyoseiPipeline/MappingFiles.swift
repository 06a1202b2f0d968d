import Foundation
import SheetMapping

/// Finds and loads the mapping files.
///
/// Looked for, in order: `--mappings DIR`; `$GYOSEI_MAPPINGS`; `Mappings/` in the working
/// directory; `Mappings/` beside the executable or in a directory above it (so that a
/// `swift run` from anywhere in the checkout, and `.build/release/gyosei`, find the repository's).
/// `--mapping` may also name a single YAML file, which is then the only mapping.
public enum MappingFiles {
  /// The mappings `convert` uses: the catalog, and what `--mapping` forces, if anything.
  public struct Choice: Sendable {
    public var catalog: MappingCatalog
    /// The sheet mapping `--mapping` names.
    public var forced: SheetMappingFile?
    /// The XML export layout `--mapping` names.
    public var forcedLayout: XMLExportMapping?
  }

  /// The catalog to recognize layouts with, and the mapping `--mapping` forces, if any.
  ///
  /// A file given with `--mapping` is used with the installed mappings beside it: the repair
  /// files (character variants, city lexicons) belong to no layout, and an XML export layout
  /// reads its rows with an installed sheet mapping.
  public static func resolve(directory: String?, mappingArgument: String?) throws -> Choice {
    if let mappingArgument, isFile(mappingArgument) {
      let alone = try MappingCatalog(files: [try load(mappingArgument)])
      // Without a Mappings/ directory the file stands alone; a directory that is there must read.
      let installed = try (try? locate(directory)).map {
        try MappingCatalog(files: installedFiles($0))
      }
      let catalog = installed?.overlaid(with: alone) ?? alone
      if let layout = alone.xmlExports.first {
        return Choice(catalog: catalog, forcedLayout: layout)
      }
      guard let mapping = alone.mappings.first else {
        throw MappingError.invalidMapping(
          file: mappingArgument, problem: "this is a repair file, not a layout mapping")
      }
      return Choice(catalog: catalog, forced: mapping)
    }
    let found = try locate(directory)
    let catalog = try MappingCatalog(files: try installedFiles(found))
    guard !catalog.mappings.isEmpty else { throw MappingError.noMappings(directory: found) }
    guard let mappingArgument else { return Choice(catalog: catalog) }
    if let layout = catalog.xmlExport(id: mappingArgument) {
      return Choice(catalog: catalog, forcedLayout: layout)
    }
    return Choice(catalog: catalog, forced: try catalog.mapping(id: mappingArgument))
  }

  /// The mapping and repair files of a directory, as (path, text).
  public static func installedFiles(_ directory: String) throws -> [(name: String, text: String)] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory)
      .filter(isFile).sorted()
    return try names.map { try load((directory as NSString).appendingPathComponent($0)) }
  }

  /// Whether `--mapping` names a file rather than an id.
  public static func isFile(_ argument: String) -> Bool {
    argument.hasSuffix(".yaml") || argument.hasSuffix(".yml")
  }

  private static func load(_ path: String) throws -> (name: String, text: String) {
    guard let text = String(validating: try InputFiles.read(path), as: UTF8.self) else {
      throw MappingError.invalidMapping(file: path, problem: "not UTF-8 text")
    }
    return (path, text)
  }

  public static func locate(_ directory: String?) throws -> String {
    let manager = FileManager.default
    func isDirectory(_ path: String) -> Bool {
      var flag: ObjCBool = false
      return manager.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
    if let directory {
      guard isDirectory(directory) else {
        throw InputFiles.Problem(description: "\(directory): no such mappings directory")
      }
      return directory
    }
    if let fromEnvironment = ProcessInfo.processInfo.environment["GYOSEI_MAPPINGS"],
      !fromEnvironment.isEmpty
    {
      guard isDirectory(fromEnvironment) else {
        throw InputFiles.Problem(
          description: "GYOSEI_MAPPINGS=\(fromEnvironment): no such mappings directory")
      }
      return fromEnvironment
    }
    if isDirectory("Mappings") { return "Mappings" }
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    for _ in 0..<6 {
      let candidate = url.appendingPathComponent("Mappings").path
      if isDirectory(candidate) { return candidate }
      url.deleteLastPathComponent()
    }
    throw InputFiles.Problem(
      description: "no Mappings/ directory was found; pass --mappings DIR or set GYOSEI_MAPPINGS")
  }
}
