/// Text escaped for XML and HTML: the one helper every XML, HTML and SVG writer of gyosei uses.
///
/// `&`, `<` and `>` become entities everywhere; `"` and `'` too where the text may stand in an
/// attribute; a carriage return becomes `&#13;` so that a parser reads it back as written; the
/// characters XML 1.0 forbids (C0 controls but tab and line feed, U+FFFE, U+FFFF) are either
/// replaced by U+FFFD or reported, as the writer needs.
public enum MarkupEscaping {
  /// What to do with a character XML 1.0 forbids.
  public enum Forbidden: Sendable {
    /// Write U+FFFD in its place (reports: a message is still worth reading).
    case replace
    /// Stop and report it (canonical documents: a value must round-trip exactly).
    case reject
  }

  /// Text for element content and attribute values, forbidden characters replaced.
  public static func escaped(_ text: String) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(text.utf8.count)
    _ = append(text, to: &output, quotes: true, forbidden: .replace)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends `text` escaped to `output`, working on its UTF-8 bytes.
  ///
  /// - Parameters:
  ///   - quotes: escape `"` and `'` (for text that may stand in an attribute).
  ///   - forbidden: what to do with a character XML 1.0 forbids.
  /// - Returns: the first forbidden character when `forbidden` is `.reject` (the output then
  ///   holds the text up to it); `nil` when all was written.
  @discardableResult
  public static func append(
    _ text: String, to output: inout [UInt8], quotes: Bool, forbidden: Forbidden
  ) -> Unicode.Scalar? {
    var text = text
    return text.withUTF8 { bytes in
      var index = 0
      var runStart = 0
      while index < bytes.count {
        let byte = bytes[index]
        let entity: [UInt8]
        var length = 1
        switch byte {
        case UInt8(ascii: "&"): entity = ampersand
        case UInt8(ascii: "<"): entity = lessThan
        case UInt8(ascii: ">"): entity = greaterThan
        case UInt8(ascii: "\"") where quotes: entity = quotation
        case UInt8(ascii: "'") where quotes: entity = apostrophe
        case 0x0D: entity = carriageReturn
        case 0x09, 0x0A:
          index += 1
          continue
        case 0x00..<0x20:
          if forbidden == .reject {
            output += bytes[runStart..<index]
            return Unicode.Scalar(byte)
          }
          entity = replacement
        case 0xEF
        where index + 2 < bytes.count && bytes[index + 1] == 0xBF
          && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
          // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
          if forbidden == .reject {
            output += bytes[runStart..<index]
            return Unicode.Scalar(bytes[index + 2] == 0xBE ? 0xFFFE : 0xFFFF)
          }
          entity = replacement
          length = 3
        default:
          index += 1
          continue
        }
        output += bytes[runStart..<index]
        output += entity
        index += length
        runStart = index
      }
      output += bytes[runStart..<bytes.count]
      return nil
    }
  }

  private static let ampersand = Array("&amp;".utf8)
  private static let lessThan = Array("&lt;".utf8)
  private static let greaterThan = Array("&gt;".utf8)
  private static let quotation = Array("&quot;".utf8)
  private static let apostrophe = Array("&#39;".utf8)
  private static let carriageReturn = Array("&#13;".utf8)

  /// U+FFFD in UTF-8.
  private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
}
