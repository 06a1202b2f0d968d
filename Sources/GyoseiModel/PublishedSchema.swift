/// The schemas that describe canonical documents, built into the binary so that validation
/// never depends on the source tree.
public enum PublishedSchema {
  /// The XML Schema (XSD 1.0) of canonical XML, of this build's version.
  public static var xsd: [UInt8] { xsd(version: SchemaVersion.current) ?? [] }
  /// The JSON Schema (draft 2020-12) of canonical JSON, of this build's version.
  public static var jsonSchema: [UInt8] { jsonSchema(version: SchemaVersion.current) ?? [] }

  /// The XSD of a readable version.
  public static func xsd(version: String) -> [UInt8]? {
    switch version {
    case "1.0": return PackageResources.gyosei_1_0_xsd
    case "1.1": return PackageResources.gyosei_1_1_xsd
    case "1.2": return PackageResources.gyosei_1_2_xsd
    default: return nil
    }
  }

  /// The JSON Schema of a readable version.
  public static func jsonSchema(version: String) -> [UInt8]? {
    switch version {
    case "1.0": return PackageResources.gyosei_1_0_schema_json
    case "1.1": return PackageResources.gyosei_1_1_schema_json
    case "1.2": return PackageResources.gyosei_1_2_schema_json
    default: return nil
    }
  }
}
