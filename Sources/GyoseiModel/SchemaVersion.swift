/// The version of the canonical document format and the XML namespace that carries it.
public enum SchemaVersion {
  /// The schema version every document written by this build declares.
  public static let current = "1.0"
  /// The one XML namespace of canonical XML documents.
  public static let xmlNamespace = "urn:x-gyosei:document:1.0"
}
