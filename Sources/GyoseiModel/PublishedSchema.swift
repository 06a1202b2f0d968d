/// The schemas that describe canonical documents, built into the binary so that validation
/// never depends on the source tree.
public enum PublishedSchema {
  /// The XML Schema (XSD 1.0) of canonical XML.
  public static var xsd: [UInt8] { PackageResources.gyosei_1_0_xsd }
  /// The JSON Schema (draft 2020-12) of canonical JSON.
  public static var jsonSchema: [UInt8] { PackageResources.gyosei_1_0_schema_json }
}
