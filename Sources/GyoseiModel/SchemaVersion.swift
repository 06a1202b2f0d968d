/// The versions of the canonical document format and the XML namespaces that carry them.
///
/// This build writes `current` and reads every version of `readable` (a 1.0 document is read
/// into today's model: its observations are actual values, its `smartCityPosition` a plan
/// position).
public enum SchemaVersion {
  /// The schema version every document written by this build declares.
  public static let current = "1.2"
  /// The XML namespace of canonical XML documents this build writes.
  public static let xmlNamespace = namespace(of: current)
  /// The versions this build reads, oldest first.
  public static let readable = ["1.0", "1.1", "1.2"]

  /// The XML namespace of a version.
  public static func namespace(of version: String) -> String {
    "urn:x-gyosei:document:\(version)"
  }

  /// The version an XML namespace carries, when it is one of gyosei's.
  public static func version(ofNamespace namespace: String) -> String? {
    readable.first { self.namespace(of: $0) == namespace }
  }
}
