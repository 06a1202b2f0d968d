/// Where a canonical document was read from, and how.
public struct SourceInfo: Hashable, Sendable, Codable {
  /// The source file's name, without its directory.
  public var fileName: String
  /// The lowercase hex SHA-256 of the source file's bytes.
  public var sha256: String
  /// The form of the source file.
  public var format: SourceFormat
  /// The character encoding the source was decoded with, for example `UTF-8` or `CP932`.
  public var encoding: String
  /// The id of the mapping that read it, when one did.
  public var mapping: String?
  /// The workbook sheet the document was read from (a source's line is then the sheet's row,
  /// its cell the column: line 3, cell 8 is `H3`).
  public var sheet: String?

  public init(
    fileName: String, sha256: String, format: SourceFormat, encoding: String,
    mapping: String? = nil, sheet: String? = nil
  ) {
    self.fileName = fileName
    self.sha256 = sha256
    self.format = format
    self.encoding = encoding
    self.mapping = mapping
    self.sheet = sheet
  }
}
