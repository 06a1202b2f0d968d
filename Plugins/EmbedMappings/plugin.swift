import Foundation
import PackagePlugin

/// Builds the installed mappings into the binary.
///
/// Every YAML file of the package's `Mappings/` becomes a string of a generated Swift file of the
/// target, so that an installed `gyosei` has its mappings without a checkout beside it. The file
/// is generated in the build directory, so no city's layout is written into `Sources/`.
@main
struct EmbedMappings: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let directory = context.package.directoryURL.appending(path: "Mappings")
    let files = try FileManager.default.contentsOfDirectory(
      at: directory, includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "yaml" || $0.pathExtension == "yml" }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
    let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInMappingFiles.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(files.count) files of Mappings/",
        executable: try context.tool(named: "EmbedMappingsTool").url,
        arguments: [output.path] + files.map(\.path),
        inputFiles: files + [directory],
        outputFiles: [output])
    ]
  }
}
