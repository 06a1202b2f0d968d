import ComparisonStore

/// A plain table that every report format prints the same way: its header and its rows of text.
///
/// The tables whose cells are text alone (documents, unthemed records, reform items) are built
/// here once, so that Markdown and HTML show the same columns.
struct ReportTable: Hashable, Sendable {
  var header: [String]
  var rows: [[String]]

  /// The table without the columns no row fills (a department column of cities that name
  /// none, a unit column of unitless indicators): what every format prints.
  var withoutEmptyColumns: ReportTable {
    guard !rows.isEmpty else { return self }
    let kept = header.indices.filter { column in
      rows.contains { column < $0.count && !$0[column].isEmpty }
    }
    guard kept.count < header.count else { return self }
    return ReportTable(
      header: kept.map { header[$0] },
      rows: rows.map { row in kept.map { $0 < row.count ? row[$0] : "" } })
  }

  /// The documents a comparison reads.
  static func documents(_ comparison: Comparison) -> ReportTable {
    let names = Dictionary(uniqueKeysWithValues: comparison.cities.map { ($0.code, $0.name) })
    return ReportTable(
      header: ["自治体", "年度", "種別", "表題", "部局", "出典", "文書ID"],
      rows: comparison.documents.map { document in
        [
          names[document.city] ?? document.city, "FY\(document.fiscalYear)",
          ReportText.family(document.family), document.title ?? "", document.department ?? "",
          document.sourceFile, document.id,
        ]
      })
  }

  /// Records no theme rule matched, with what the rules looked at.
  static func unthemed(_ records: [UnthemedRecord]) -> ReportTable {
    ReportTable(
      header: ["自治体", "年度", "種別", "番号", "表題", "テーマ規則が見たもの"],
      rows: records.map { record in
        [
          record.city.name, "FY\(record.fiscalYear)", ReportText.recordKind(record.kind),
          record.key, record.title, record.reason,
        ]
      })
  }

  /// A city's reform items in one theme, each with its latest result.
  static func reformItems(_ items: [ReformEntry]) -> ReportTable {
    ReportTable(
      header: ["No.", "項目", "区分", "所管", "5年後の目標", "直近の実績"],
      rows: items.map { item in
        let latest = item.years.last { $0.result != nil }
        return [
          item.number, item.title, item.context ?? "", item.organizations, item.goal ?? "",
          latest.map { "FY\($0.fiscalYear): \($0.result ?? "")" } ?? "",
        ]
      })
  }
}
