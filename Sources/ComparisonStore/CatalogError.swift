/// Why a themes file or an indicator concept table cannot be used: the entry and what is wrong.
public struct CatalogError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Where in the file: a theme or concept id and field, such as `themes[health].ja`.
  public var entry: String
  /// What is wrong and what is expected instead.
  public var message: String

  public init(entry: String, message: String) {
    self.entry = entry
    self.message = message
  }

  public var description: String { "\(entry): \(message)" }
}
