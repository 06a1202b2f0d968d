/// The local government a document belongs to.
public struct Municipality: Hashable, Sendable, Codable {
  /// The name as the document writes it, for example 上田市.
  public var name: String
  /// The prefecture, for example 長野県, when known.
  public var prefecture: String?
  /// The 全国地方公共団体コード.
  public var code: MunicipalityCode

  public init(name: String, prefecture: String? = nil, code: MunicipalityCode) {
    self.name = name
    self.prefecture = prefecture
    self.code = code
  }
}
