import Foundation
import SheetMapping

/// Finds and loads the mapping files.
///
/// The mappings of `Mappings/` are built into the binary (the EmbedMappings plugin), so an
/// installed `gyosei` has them wherever it runs. A mappings directory overlays them, file by
/// file name: its files replace the built-in ones of the same name and add the others. The
/// directory is, in order: `--mappings DIR`; `$GYOSEI_MAPPINGS`; `Mappings/` in the working
/// directory; none (the built-in mappings alone). `--mapping` may also name a single YAML file,
/// which is then the mapping used, beside the installed ones.
public enum MappingFiles {
  /// The mappings `convert` uses: the catalog, and what `--mapping` forces, if anything.
  public struct Choice: Sendable {
    public var catalog: MappingCatalog
    /// The sheet mapping `--mapping` names.
    public var forced: SheetMappingFile?
    /// The XML export layout `--mapping` names.
    public var forcedLayout: XMLExportMapping?
  }

  /// The installed mapping files: the built-in ones overlaid by a directory's.
  public struct Installed: Sendable {
    /// One file: its name for messages (a directory's file by its path, a built-in one by its
    /// file name), its text, and where it comes from.
    public struct File: Sendable {
      public var name: String
      public var text: String
      /// The directory it was read from, or nil for a file built into the binary.
      public var directory: String?

      /// Where the file comes from, for `gyosei mappings`.
      public var origin: String { directory ?? "built in" }
    }

    /// The files, by file name.
    public var files: [File]
    /// The directory that overlays the built-in files, if any.
    public var directory: String?

    /// The files as `MappingCatalog` takes them.
    public var catalogFiles: [(name: String, text: String)] { files.map { ($0.name, $0.text) } }

    /// The names of the files built into the binary, which the tests decode: a catalog reads
    /// their layouts only as far as recognition needs until one is used.
    public var builtInNames: Set<String> { Set(files.filter { $0.directory == nil }.map(\.name)) }

    /// The file called `fileName` (`themes.yaml`), if there is one.
    public func file(named fileName: String) -> File? {
      files.first { ($0.name as NSString).lastPathComponent == fileName }
    }
  }

  /// The installed files: the built-in ones, overlaid by the mappings directory's.
  public static func installed(_ directory: String?) throws -> Installed {
    var byName: [String: Installed.File] = [:]
    for file in BuiltInMappingFiles.files {
      byName[file.name] = Installed.File(name: file.name, text: file.text, directory: nil)
    }
    let found = try locate(directory)
    if let found {
      let names = try FileManager.default.contentsOfDirectory(atPath: found)
        .filter(isFile).sorted()
      for name in names {
        let loaded = try load((found as NSString).appendingPathComponent(name))
        byName[name] = Installed.File(name: loaded.name, text: loaded.text, directory: found)
      }
    }
    let files = byName.keys.sorted().compactMap { byName[$0] }
    return Installed(files: files, directory: found)
  }

  /// The catalog to recognize layouts with, and the mapping `--mapping` forces, if any.
  ///
  /// A file given with `--mapping` is used with the installed mappings beside it: the repair
  /// files (character variants, city lexicons) belong to no layout, and an XML export layout
  /// reads its rows with an installed sheet mapping.
  public static func resolve(directory: String?, mappingArgument: String?) throws -> Choice {
    let installed = try installed(directory)
    if let mappingArgument, isFile(mappingArgument) {
      let alone = try MappingCatalog(files: [try load(mappingArgument)])
      let catalog = try MappingCatalog(
        files: installed.catalogFiles, deferring: installed.builtInNames
      ).overlaid(with: alone)
      if let layout = alone.xmlExports.first {
        return Choice(catalog: catalog, forcedLayout: layout)
      }
      guard let mapping = try alone.mappings.first else {
        throw MappingError.invalidMapping(
          file: mappingArgument, problem: "this is a repair file, not a layout mapping")
      }
      return Choice(catalog: catalog, forced: mapping)
    }
    let catalog = try MappingCatalog(
      files: installed.catalogFiles, deferring: installed.builtInNames)
    guard !catalog.heads.isEmpty else {
      throw MappingError.noMappings(directory: installed.directory ?? "the built-in mappings")
    }
    guard let mappingArgument else { return Choice(catalog: catalog) }
    if let layout = catalog.xmlExport(id: mappingArgument) {
      return Choice(catalog: catalog, forcedLayout: layout)
    }
    return Choice(catalog: catalog, forced: try catalog.mapping(id: mappingArgument))
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

  /// The mappings directory that overlays the built-in mappings, or nil when there is none.
  ///
  /// - Throws: when `--mappings` or `$GYOSEI_MAPPINGS` names a directory that is not there.
  public static func locate(_ directory: String?) throws -> String? {
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
    return isDirectory("Mappings") ? "Mappings" : nil
  }
}
