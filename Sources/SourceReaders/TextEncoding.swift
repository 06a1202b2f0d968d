/// The character encodings legacy municipal files come in.
///
/// The raw value is the name gyosei records in a document's `source.encoding`.
public enum TextEncoding: String, Sendable, CaseIterable {
  case utf8 = "UTF-8"
  /// Excel's "Unicode text" export (with a BOM), and files without a BOM told by their NULs.
  case utf16LittleEndian = "UTF-16LE"
  case utf16BigEndian = "UTF-16BE"
  /// Windows' Shift_JIS, with the NEC and IBM rows (① ㈱ 髙) that municipal files use.
  case cp932 = "CP932"
  /// EUC-JP as Windows-born systems write it (eucJP-ms): the CP932 characters in JIS rows, and
  /// JIS X 0212 after 0x8F.
  case eucJP = "EUC-JP"

  /// The encoding a user names on the command line: `utf-8`, `utf16le`, `sjis`, `shift_jis`,
  /// `cp932`, `windows-31j`, `euc-jp`, `eucjp-ms`, …, in any case.
  public init?(name: String) {
    let key = String(
      String.UnicodeScalarView(
        name.lowercased().unicodeScalars.filter { $0 != "-" && $0 != "_" }))
    switch key {
    case "utf8": self = .utf8
    case "utf16le", "utf16": self = .utf16LittleEndian
    case "utf16be": self = .utf16BigEndian
    case "cp932", "sjis", "shiftjis", "windows31j", "ms932", "mskanji": self = .cp932
    case "eucjp", "eucjpms", "cp51932": self = .eucJP
    default: return nil
    }
  }

  /// The names `init(name:)` accepts, for help and error messages.
  public static let acceptedNames = "utf-8, utf-16le, utf-16be, cp932 (shift_jis), euc-jp"
}
