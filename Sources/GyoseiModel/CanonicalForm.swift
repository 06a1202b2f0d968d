/// The two forms a canonical document is written in.
public enum CanonicalForm: String, Sendable, CaseIterable {
  case json
  case xml

  /// Tells JSON from XML by the first byte that is not a UTF-8 BOM or white space.
  public static func detect(_ bytes: [UInt8]) -> CanonicalForm {
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    return index < bytes.count && bytes[index] == UInt8(ascii: "<") ? .xml : .json
  }
}
