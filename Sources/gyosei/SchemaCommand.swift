import ArgumentParser
import Foundation
import GyoseiModel

/// `gyosei schema`: prints the published schemas built into the binary.
struct SchemaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Print the XSD or the JSON Schema of canonical documents.",
    discussion: """
      The schemas are built into the binary; they describe exactly what gyosei writes (schema \
      \(SchemaVersion.current)). --schema-version prints those of an earlier version gyosei \
      still reads (\(SchemaVersion.readable.joined(separator: ", "))).
      """
  )

  /// Which schema to print.
  enum Kind: String, ExpressibleByArgument, CaseIterable {
    case xsd
    case json
  }

  /// A schema version this build reads.
  struct ReadableVersion: ExpressibleByArgument {
    let text: String

    init?(argument: String) {
      guard SchemaVersion.readable.contains(argument) else { return nil }
      text = argument
    }

    static var allValueStrings: [String] { SchemaVersion.readable }
  }

  @Argument(help: "xsd or json.")
  var kind: Kind

  @Option(name: .customLong("schema-version"), help: "The schema version (default: the current).")
  var schemaVersion: ReadableVersion?

  func run() throws {
    let version = schemaVersion?.text ?? SchemaVersion.current
    let bytes =
      (kind == .xsd
        ? PublishedSchema.xsd(version: version) : PublishedSchema.jsonSchema(version: version))
      ?? []
    try Console.write(bytes)
  }
}
