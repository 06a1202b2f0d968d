import ArgumentParser
import Foundation
import GyoseiModel

/// `gyosei schema`: prints the published schemas built into the binary.
struct SchemaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Print the XSD or the JSON Schema of canonical documents.",
    discussion: "The schemas are built into the binary; they describe exactly what gyosei writes."
  )

  /// Which schema to print.
  enum Kind: String, ExpressibleByArgument, CaseIterable {
    case xsd
    case json
  }

  @Argument(help: "xsd or json.")
  var kind: Kind

  func run() throws {
    let bytes = kind == .xsd ? PublishedSchema.xsd : PublishedSchema.jsonSchema
    FileHandle.standardOutput.write(Data(bytes))
  }
}
