import GyoseiModel
import SourceReaders
import Testing

@testable import SheetMapping

/// The project table reader on small tab tables: columns by header, yearly blocks, numbers,
/// and the errors a city's engineer sees when the mapping and the sheet disagree.
struct ProjectTableReaderTests {
  static let mapping = """
    id: p
    family: project-evaluation
    municipality: {name: 大船渡市, code: "032034"}
    recognize: [事務事業ID, 事務事業名]
    project-table:
      code-scheme: 事務事業ID
      fiscal-year: {column: 年度, era: 令和}
      columns: {code: 事務事業ID, name: 事務事業名, overview: 事務事業の概要}
      plan:
        - {level: 政策, code: [政策番号十の位, 政策番号一の位], name: 政策名}
      indicators:
        - {kind: activity, label: ア, name: 活動指標…ア:名称, value: 活動指標ア}
      years:
        first: 国庫支出金
        offsets: [-1, 0]
        kinds: [actual, plan]
        unit: 千円
        funding: [国庫支出金, 一般財源]
        project-cost: 事業費計(A)
        personnel-cost: 人件費計(B)
        total-cost: トータルコスト(A)+(B)
        staff: 正規職員従事人数
      assessments:
        - {viewpoint: 公共関与の妥当性, grade: ②公共関与の妥当性, reasoning: なぜこの事業を…}
      directions:
        - {label: 改革改善の方向性, column: (1)改革改善の方向性}
      details: [担当者]
    """

  static let header = [
    "年度", "事務事業ID", "事務事業名", "政策番号\n十の位", "政策番号\n一の位", "政策名",
    "事務事業の概要（具体的なやり方）", "活動指標（活動量）\nア：名称", "国庫支出金", "一般財源",
    "事業費計  （A）", "正規職員従事人数", "人件費計  (B)", "トータルコスト(A)＋(B)", "活動指標\nア",
    "国庫支出金", "一般財源", "事業費計  （A）", "正規職員従事人数", "人件費計  (B)",
    "トータルコスト(A)＋(B)", "活動指標\nア", "② 公共関与の妥当性", "なぜこの事業を当市が行うのか",
    "(1) 改革改善の方向性", "担当者",
  ]

  static func tsv(_ rows: [[String]]) -> String {
    rows.map { row in
      row.map { $0.contains("\n") ? "\"\($0)\"" : $0 }.joined(separator: "\t")
    }.joined(separator: "\n") + "\n"
  }

  static let row = [
    "７", "0086", "不法投棄対策事業", "0", "6", "自然豊かな環境", "看板を設置する。\nまた、巡回する。",
    "看板の基数", "0", "3,089", "3089", "0.5", "1120", "4209", "11", "△1", "2948", "2947", "3",
    "1120", "4067", "-", "妥当である", "市が行う事業である", "１　現状維持", "中井",
  ]

  static func read(_ rows: [[String]], mapping: String = mapping) throws -> Document {
    let catalog = try MappingCatalog(files: [("p.yaml", mapping)])
    let table = try TabTableReader.read(
      Array(tsv(rows).utf8), fileName: "p.tsv", separator: .tab)
    return try SheetMapper.map(
      table, sha256: String(repeating: "0", count: 64), format: .tabTable,
      mapping: try catalog.mappings[0]
    ).document
  }

  static func problem(_ rows: [[String]], mapping: String = mapping) -> String? {
    do {
      _ = try read(rows, mapping: mapping)
      return nil
    } catch {
      return "\(error)"
    }
  }

  @Test("a row becomes a project: fields by header, blocks by year, numbers read")
  func oneProject() throws {
    let document = try Self.read([Self.header, Self.row])
    #expect(document.fiscalYear == 2025)
    let project = try #require(document.projects?.first)
    #expect(project.code == "0086" && project.codeScheme == "事務事業ID")
    #expect(project.overview == "看板を設置する。\nまた、巡回する。")
    #expect(project.planLevels == [PlanLevel(level: "政策", code: "06", name: "自然豊かな環境")])
    #expect(project.costs.map(\.fiscalYear) == [2024, 2025])
    #expect(project.costs.map(\.kind) == [.actual, .plan])
    #expect(project.costs[0].funding.map(\.value) == [0, 3089])
    #expect(project.costs[1].funding.map(\.value) == [-1, 2948])  // △1: minus one
    #expect(project.costs[0].staff?.value == 0.5)
    let indicator = try #require(project.indicators.first)
    #expect(indicator.name == "看板の基数" && indicator.kind == .activity)
    #expect(indicator.observations.map(\.value) == [11, nil])
    #expect(indicator.observations.map(\.kind) == [.actual, .target])
    #expect(
      project.assessments == [
        Assessment(viewpoint: "公共関与の妥当性", grade: "妥当である", reasoning: "市が行う事業である")
      ])
    #expect(project.directions == [ProjectDirection(label: "改革改善の方向性", text: "1 現状維持")])
    #expect(project.details == [ProjectDetail(label: "担当者", text: "中井")])
    #expect(document.unmapped.isEmpty)
    // Every cell of the row is traced to its field.
    let traced = Set(document.provenance.map(\.position))
    #expect((1...Self.row.count).allSatisfy { traced.contains(SourcePosition(line: 2, cell: $0)) })
  }

  @Test(
    "numbers as sheets write them",
    arguments: [
      ("3089", 3089.0), ("3,089", 3089), ("３，０８９", 3089), ("0.5", 0.5), ("△1", -1),
      ("▲1,200", -1200), ("-5.1", -5.1), ("42.9", 42.9), ("1e3", 1000),
    ] as [(String, Double)])
  func numbers(text: String, value: Double) {
    #expect(ProjectTableReader.number(text) == value)
  }

  @Test(
    "a cell holds text unless it folds to white space alone",
    arguments: [
      ("0", true), ("市民協働推進事業", true), ("Ｅ　一般", true), ("ア", true), ("△", true),
      ("", false), (" ", false), ("　", false), ("\t\r\n", false), ("　 　", false),
      (" 0", true), ("　手段", true),
    ])
  func holdsText(text: String, holds: Bool) {
    #expect(SourceRow.holdsText(text) == holds)
  }

  @Test("not numbers", arguments: ["-", "－", "", "inf", "nan", "1e999", "約3", "3件", "△", "1-2"])
  func notNumbers(text: String) {
    #expect(ProjectTableReader.number(text) == nil)
  }

  @Test("a cost cell that is not a number keeps its text, with a warning; a dash does not warn")
  func costText() throws {
    var row = Self.row
    row[8] = "未定"
    row[15] = "－"
    let document = try Self.read([Self.header, row])
    let cost = try #require(document.projects?.first?.costs)
    #expect(cost[0].funding[0] == CostAmount(source: "国庫支出金", value: nil, raw: "未定"))
    #expect(cost[1].funding[0].value == nil)
    #expect(document.warnings.map(\.code) == ["cost.value-not-numeric"])
    #expect(document.warnings.first?.position == SourcePosition(line: 2, cell: 9))
  }

  @Test("values under an indicator without a name stay unmapped, with a warning")
  func unnamedIndicator() throws {
    var row = Self.row
    row[7] = ""
    let document = try Self.read([Self.header, row])
    #expect(document.projects?.first?.indicators.isEmpty == true)
    #expect(document.warnings.map(\.code) == ["project.indicator-unnamed"])
    #expect(
      document.unmapped == [
        UnmappedCell(position: SourcePosition(line: 2, cell: 15), text: "11"),
        UnmappedCell(position: SourcePosition(line: 2, cell: 22), text: "-"),
      ])
  }

  @Test("a row without a code is an error naming its line and the column")
  func rowWithoutCode() {
    var row = Self.row
    row[1] = ""
    #expect(
      Self.problem([Self.header, Self.row, row])?.hasPrefix(
        "line 3: this row has cells but no 「事務事業ID」 (column B)") == true)
  }

  @Test("a header the sheet lacks is an error naming it and the headers that come close")
  func missingHeader() {
    var header = Self.header
    header[24] = "(1) 方向性"
    let problem = Self.problem([header, Self.row])
    #expect(
      problem?.contains("directions[0].column: the header row has no column headed 「(1)改革改善の方向性」")
        == true)
    #expect(problem?.contains("headers that come close: Y 「(1)方向性」") == true)
  }

  @Test("a name that fits two columns is an error listing them")
  func ambiguousHeader() {
    let mapping = Self.mapping.replacingOccurrences(of: "details: [担当者]", with: "details: [政策…]")
    let problem = Self.problem([Self.header, Self.row], mapping: mapping)
    #expect(
      problem?.contains(
        "details[0]: 「政策…」 names 3 columns of the header row (D 「政策番号十の位」, E 「政策番号一の位」, F 「政策名」)")
        == true)
  }

  @Test("the blocks the mapping declares must be the blocks the header has")
  func blockCount() {
    let mapping = Self.mapping.replacingOccurrences(
      of: "offsets: [-1, 0]", with: "offsets: [-2, -1, 0]"
    )
    .replacingOccurrences(of: "kinds: [actual, plan]", with: "kinds: [actual, actual, plan]")
    #expect(
      Self.problem([Self.header, Self.row], mapping: mapping)?.contains(
        "the mapping declares 3 yearly blocks opening with 「国庫支出金」, but the header row has 2 such columns (I, P)"
      ) == true)
  }

  @Test("a mapping that misses what a project table needs is refused when it loads")
  func mappingProblems() {
    func refusal(_ mapping: String) -> String? {
      do {
        _ = try MappingCatalog(files: [("p.yaml", mapping)])
        return nil
      } catch {
        return "\(error)"
      }
    }
    #expect(
      refusal(Self.mapping.replacingOccurrences(of: "code: 事務事業ID, ", with: ""))?.contains(
        "columns.code") == true)
    #expect(
      refusal(
        Self.mapping.replacingOccurrences(of: "kinds: [actual, plan]", with: "kinds: [plan]"))?
        .contains(
          "project-table.years (line ") == true)
    #expect(
      refusal(
        Self.mapping.replacingOccurrences(of: "kinds: [actual, plan]", with: "kinds: [plan]"))?
        .contains("): kinds: 1 kinds for 2 blocks") == true)
    #expect(
      refusal(Self.mapping.replacingOccurrences(of: "overview: 事務事業の概要", with: "summary: 事務事業の概要"))?
        .contains("unknown key 'project-table.columns.summary'") == true)
  }

  @Test("a workbook's hidden row is read like the others, with a warning")
  func hiddenRow() throws {
    let catalog = try MappingCatalog(files: [("p.yaml", Self.mapping)])
    var table = try TabTableReader.read(
      Array(Self.tsv([Self.header, Self.row]).utf8), fileName: "p.xlsx", separator: .tab)
    table.hiddenRows = [2]
    let document = try SheetMapper.map(
      table, sha256: String(repeating: "0", count: 64), format: .xlsxWorkbook,
      mapping: try catalog.mappings[0]
    ).document
    #expect(document.projects?.count == 1)
    #expect(document.warnings.map(\.code) == ["sheet.hidden-cells"])
    #expect(document.warnings.first?.position == SourcePosition(line: 2, cell: 1))
  }
}
