/// The plan (取組計画) and the result (実績) of a reform item for one fiscal year.
public struct ReformYear: Hashable, Sendable, Codable {
  /// The fiscal year (Gregorian year of its April).
  public var fiscalYear: Int
  /// 取組計画（数値目標）, absent when the cell is empty.
  public var plan: String?
  /// 実績（効果額）, absent when the cell is empty.
  public var result: String?

  public init(fiscalYear: Int, plan: String? = nil, result: String? = nil) {
    self.fiscalYear = fiscalYear
    self.plan = plan
    self.result = result
  }
}
