/// One action item (取組項目) of an objective: what is done, when, to what level, and how it went.
public struct Action: Hashable, Sendable, Codable {
  /// The item's number in its objective (① is 1).
  public var number: Int
  /// The marker as written (`①`), absent when the source numbered nothing.
  public var marker: String?
  /// The heading of the item, for example ○若い世代が参加しやすい健康づくり事業の推進.
  public var title: String
  /// 取組項目及び方法・手段: the means, as a list.
  public var items: [ListItem]
  /// 期間・期限, as a list whose items carry periods.
  public var schedule: [ListItem]
  /// 数値目標, as a list whose items carry quantities.
  public var targets: [ListItem]
  /// 中間報告.
  public var midTermReport: [ListItem]
  /// 期末報告.
  public var finalReport: [ListItem]

  public init(
    number: Int, marker: String? = nil, title: String, items: [ListItem] = [],
    schedule: [ListItem] = [], targets: [ListItem] = [], midTermReport: [ListItem] = [],
    finalReport: [ListItem] = []
  ) {
    self.number = number
    self.marker = marker
    self.title = title
    self.items = items
    self.schedule = schedule
    self.targets = targets
    self.midTermReport = midTermReport
    self.finalReport = finalReport
  }
}
