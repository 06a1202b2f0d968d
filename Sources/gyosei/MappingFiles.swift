import Foundation
import SheetMapping

/// Finds and loads the mapping files for `convert`.
///
/// Looked for, in order: `--mappings DIR`; `$GYOSEI_MAPPINGS`; `Mappings/` in the working
/// directory; `Mappings/` beside the executable or in a directory above it (so that a
/// `swift run` from anywhere in the checkout, and `.build/release/gyosei`, find the repository's).
/// `--mapping` may also name a single YAML file, which is then the only mapping.
enum MappingFiles {
  /// The catalog to recognize layouts with, and the mapping `--mapping` forces, if any.
  static func resolve(directory: String?, mappingArgument: String?) throws -> (
    catalog: MappingCatalog, forced: SheetMappingFile?
  ) {
    if let mappingArgument, isFile(mappingArgument) {
      var catalog = try MappingCatalog(files: [try load(mappingArgument)])
      guard let mapping = catalog.mappings.first else {
        throw MappingError.invalidMapping(
          file: mappingArgument, problem: "this is a repair file, not a layout mapping")
      }
      // The installed repair files (character variants, city lexicons) belong to no layout:
      // they apply to this mapping too, when a Mappings/ directory is found.
      if let found = try? locate(directory) { catalog.repairs = try installed(found).repairs }
      return (catalog, mapping)
    }
    let found = try locate(directory)
    let catalog = try installed(found)
    guard !catalog.mappings.isEmpty else { throw MappingError.noMappings(directory: found) }
    return (catalog, try mappingArgument.map { try catalog.mapping(id: $0) })
  }

  /// The mapping and repair files of a directory.
  private static func installed(_ directory: String) throws -> MappingCatalog {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory)
      .filter(isFile).sorted()
    return try MappingCatalog(
      files: try names.map { try load((directory as NSString).appendingPathComponent($0)) })
  }

  /// Whether `--mapping` names a file rather than an id.
  static func isFile(_ argument: String) -> Bool {
    argument.hasSuffix(".yaml") || argument.hasSuffix(".yml")
  }

  private static func load(_ path: String) throws -> (name: String, text: String) {
    guard let text = String(validating: try InputFiles.read(path), as: UTF8.self) else {
      throw MappingError.invalidMapping(file: path, problem: "not UTF-8 text")
    }
    return (path, text)
  }

  private static func locate(_ directory: String?) throws -> String {
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
