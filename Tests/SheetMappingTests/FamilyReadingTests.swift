import GyoseiModel
import SourceReaders
import TestSupport
import Testing

@testable import SheetMapping

/// The pieces the policy-evaluation and reform-program readers are made of, on the corpus's
/// strings, and the mapping and repair files that drive them.
@Suite("family readers")
struct FamilyReadingTests {
  /// An installed mapping of Mappings/, by file name.
  static func mapping(_ name: String) throws -> SheetMappingFile {
    let file = try #require(try CorpusExamples.mappingFiles().first { $0.name == name })
    return try #require(try MappingCatalog(files: [file]).mappings.first)
  }

  /// The level and captures of the first heading rule that matches `text`.
  static func heading(_ text: String, in spec: SheetMappingFile.EvaluationSpec, body: Bool)
    -> (level: SheetMappingFile.EvaluationSpec.HeadingLevel, number: String?, title: String?)?
  {
    for rule in spec.headings {
      if let scope = rule.scope, (scope == .body) != body { continue }
      if let match = rule.pattern.wholeMatch(text) {
        return (rule.level, match["number"], match["title"])
      }
    }
    return nil
  }

  @Test(
    "苫小牧市's headings, as its mapping reads them: level, number and title",
    arguments: [
      ("基本施策01 保健予防対策の充実", false, "basic-measure", "01", "保健予防対策の充実"),
      ("第1 共に支え合い健やかに暮らすまち", false, "goal", "1", "共に支え合い健やかに暮らすまち"),
      ("1 健康な暮らしの実現", false, "policy", "1", "健康な暮らしの実現"),
      ("1 健康づくりの推進", true, "major-measure", "1", "健康づくりの推進"),
      ("3 必要なサービスを利用できる 仕組みづくり", false, "policy", "3", "必要なサービスを利用できる 仕組みづくり"),
    ])
  func heading(text: String, body: Bool, level: String, number: String, title: String) throws {
    let spec = try #require(try Self.mapping("tomakomai-policy-evaluation.yaml").evaluation)
    let heading = Self.heading(text, in: spec, body: body)
    #expect(heading?.level.rawValue == level)
    #expect(heading?.number == number && heading?.title == title)
  }

  @Test(
    "what is not a heading of 苫小牧市's",
    arguments: [
      "第2節 5つのまちづくりの目標に関する取組", "第6次基本計画 (令和2年度実施状況)", "2110111", "17の目標",
      "基本施策",
    ])
  func notHeading(text: String) throws {
    let spec = try #require(try Self.mapping("tomakomai-policy-evaluation.yaml").evaluation)
    #expect(Self.heading(text, in: spec, body: false) == nil)
    #expect(Self.heading(text, in: spec, body: true) == nil)
  }

  @Test("苫小牧市's code pattern spells a 施策's place; its title line names the year")
  func codeAndTitle() throws {
    let spec = try #require(try Self.mapping("tomakomai-policy-evaluation.yaml").evaluation)
    let match = try #require(spec.code?.wholeMatch("2110111"))
    #expect(
      match.captures == ["goal": "1", "policy": "1", "basic": "01", "major": "1", "sequence": "1"])
    #expect(spec.code?.wholeMatch("211011") == nil)
    let title = try #require(spec.titleLine?.wholeMatch("第6次基本計画 (令和2年度実施状況)"))
    #expect(title["plan"] == "第6次基本計画" && title["year"] == "令和2年度")
    #expect(spec.reflection?.wholeMatch("A (拡充)")?.captures == ["value": "A", "label": "拡充"])
  }

  @Test(
    "上田市's contents categories with their declared counts, as its mapping reads them",
    arguments: [
      ("(1) 将来を見据えた新たな行政サービスへの改革……20項目", 1, "(1)", "将来を見据えた新たな行政サービスへの改革", 20),
      ("(2)健全で持続可能な財政基盤への改革……29項目", 1, "(2)", "健全で持続可能な財政基盤への改革", 29),
      ("ア ICTの活用による行政サービスの向上と業務の効率化(5項目)", 2, "ア", "ICTの活用による行政サービスの向上と業務の効率化", 5),
      ("イ 多様な主体が市政に参画・協働する制度づくり", 2, "イ", "多様な主体が市政に参画・協働する制度づくり", nil),
    ])
  func categoryHeading(text: String, level: Int, number: String, title: String, count: Int?) throws
  {
    let spec = try #require(try Self.mapping("ueda-reform-action-program.yaml").program)
    let rule = try #require(spec.categories.first { $0.pattern.wholeMatch(text) != nil })
    let match = try #require(rule.pattern.wholeMatch(text))
    #expect(rule.level == level)
    #expect(match["number"] == number)
    #expect(match["title"] == title)
    #expect(match["count"].flatMap { Int($0) } == count)
  }

  @Test("an item's category path from 改革の体系項目, a sub-category glued to its category too")
  func categoryPath() {
    let categories = [
      ProgramCategory(
        number: "(1)", title: "将来を見据えた新たな行政サービスへの改革",
        categories: [ProgramCategory(number: "ア", title: "ICTの活用による…")]),
      ProgramCategory(number: "(3)", title: "時代に即した行政運営への改革"),
    ]
    #expect(
      ReformProgramReader.categoryPath(
        "(1) 将来を見据えた新たな行政サービスへの改革 ア ICTの活用による行政サービスの向上と業務の効率化",
        categories: categories) == ["(1)", "ア"])
    #expect(
      ReformProgramReader.categoryPath("(3) 時代に即した行政運営への改革", categories: categories) == ["(3)"])
    #expect(ReformProgramReader.categoryPath("行財政改革", categories: categories) == [])
    // Regression: 区分 "(1)ア" kept only "(1)" (issue #18).
    #expect(ReformProgramReader.categoryPath("(1)ア", categories: categories) == ["(1)", "ア"])
  }

  @Test("departments and their sections from one cell")
  func organizations() {
    let words = OrganizationWords(departmentSuffixes: ["部"])
    #expect(
      words.organizations("福祉部 介護福祉課 健康こども部 健康支援課") == [
        Organization(department: "福祉部", sections: ["介護福祉課"]),
        Organization(department: "健康こども部", sections: ["健康支援課"]),
      ])
    #expect(words.organizations("健康支援課") == [Organization(sections: ["健康支援課"])])
    #expect(
      OrganizationWords.words("行政管理課 施設所管課 (個別施設計画策定時の計画策定主担当課)")
        == ["行政管理課", "施設所管課(個別施設計画策定時の計画策定主担当課)"])
  }

  @Test("plan positions in brackets, each bracket one path as written")
  func bracketedPositions() throws {
    let positions = try #require(
      PlanPositionReader.bracketed(
        plan: "第二次上田市総合計画",
        text: "【第1編 第3章 第1節】 行財政改革の推進と住民サービスの充実 【第1編 第3章 第2編】 市民と行政との情報共有の推進"))
    #expect(positions.map(\.path) == [["第1編", "第3章", "第1節"], ["第1編", "第3章", "第2編"]])
    #expect(positions.map(\.title) == ["行財政改革の推進と住民サービスの充実", "市民と行政との情報共有の推進"])
    #expect(PlanPositionReader.bracketed(plan: "p", text: "第4編 第1章 第1節") == nil)
    #expect(PlanPositionReader.isRegular(["第1編", "第3章", "第1節"]))
    #expect(!PlanPositionReader.isRegular(["第1編", "第3章", "第2編"]))
    #expect(!PlanPositionReader.isRegular(["第4章", "第1章", "第2節"]))
  }

  static let repairs = """
    variants:
      續: 続
    lexicons:
      - municipality: "202037"
        suspicious:
          - {word: 府内, likely: 庁内}
    """

  @Test("variants are replaced and doubtful words flagged, each with the text as written")
  func textRepairs() throws {
    let catalog = try MappingCatalog(files: [("repairs.yaml", Self.repairs)])
    #expect(catalog.heads.isEmpty)
    let table = try PDFTextReader.read(
      Array("電子申請手續の利用促進\t府内関係課で検討\n".utf8), fileName: "t.txt")
    let ueda = try #require(MunicipalityCode("202037"))
    let repaired = TextRepairer(catalog.repairs, municipality: ueda).repair(table)
    #expect(repaired.table.rows[0].cells[0].text == "電子申請手続の利用促進")
    #expect(repaired.table.rows[0].cells[0].raw == "電子申請手續の利用促進")
    #expect(repaired.table.rows[0].cells[1].text == "府内関係課で検討")
    #expect(repaired.warnings.map(\.code) == ["text.variant-character", "lexicon.suspicious-word"])
    #expect(repaired.warnings.map(\.original) == ["電子申請手續の利用促進", "府内関係課で検討"])
    let tomakomai = try #require(MunicipalityCode("012131"))
    let elsewhere = TextRepairer(catalog.repairs, municipality: tomakomai).repair(table)
    #expect(elsewhere.warnings.map(\.code) == ["text.variant-character"])
  }

  @Test(
    "mistakes in repair and family files are errors that say where",
    arguments: [
      (
        repairs.replacingOccurrences(of: "likely:", with: "meant:"),
        "unknown key 'lexicons[].suspicious[].meant'"
      ),
      (repairs.replacingOccurrences(of: "續: 続", with: "續: 続く"), "one character to one character"),
      (
        """
        id: x
        family: policy-evaluation
        municipality: {name: 苫小牧市, code: "012131"}
        recognize: [施策番号]
        """, "evaluation: a policy-evaluation mapping needs this section"
      ),
      (
        """
        id: x
        family: reform-action-program
        municipality: {name: 上田市, code: "202037"}
        recognize: [取組項目名]
        program: {titel: [x]}
        """, "unknown key 'program.titel'"
      ),
    ])
  func invalidFiles(text: String, fragment: String) {
    #expect {
      _ = try MappingCatalog(files: [("broken.yaml", text)])
    } throws: { error in
      guard let error = error as? MappingError, case .invalidMapping(_, let problem) = error
      else { return false }
      return problem.contains(fragment)
    }
  }

  @Test("the repository's mappings: ten sheet layouts, three XML layouts, one repair file")
  func repositoryFiles() throws {
    let catalog = try MappingCatalog(files: try CorpusExamples.mappingFiles())
    #expect(
      catalog.heads.map(\.id) == [
        "kizugawa-reform-progress", "nagasaki-policy-evaluation", "ofunato-project-evaluation",
        "soma-objective-table",
        "soma-reform-results", "tomakomai-indicator-table", "tomakomai-policy-evaluation",
        "ueda-objective-sheet", "ueda-reform-action-program", "yonago-objective-list",
      ])
    #expect(
      catalog.xmlExports.map(\.id) == [
        "excel-xml-spreadsheet", "tomakomai-indicator-records-xml", "ueda-objective-records-xml",
      ])
    #expect(catalog.repairs.variants["營"] == "営")
    #expect(catalog.repairs.lexicons.count == 2)
  }
}

/// The silent failures of issue #18, each now loud.
@Suite("silent failures made loud")
struct SilentFailureTests {
  static func convert(_ text: String, mapping: String) throws -> Document {
    let file = try #require(try CorpusExamples.mappingFiles().first { $0.name == mapping })
    let catalog = try MappingCatalog(files: [file])
    let table = try PDFTextReader.read(Array(text.utf8), fileName: "t.txt")
    return try SheetMapper.map(
      table, sha256: String(repeating: "0", count: 64), format: .pdfText,
      mapping: try catalog.mappings[0]
    ).document
  }

  @Test("an objective with an empty title is an error naming its line, not an unmapped row")
  func emptyObjectiveTitle() {
    // 相馬市's table, with the 事務事業名 of row 2 gone.
    let text = """
      令和6年度業務目標
      No\t事務事業名\t令和6年度目標\t担当部課など
      1\t行政区の運営についての検討と加入促進\t行政区未加入者への対応…\t総務課
      2\t\t多様な市民ニーズに対応でき、業務の効率化・質の向上を追求する職員を育成する。\t総務課
      """
    #expect {
      try Self.convert(text, mapping: "soma-objective-table.yaml")
    } throws: { error in
      guard let error = error as? MappingError else { return false }
      return error.description.contains("the objective at line 4 has no title")
    }
  }

  @Test("a reform item with an empty title is an error naming its line")
  func emptyItemTitle() {
    // 相馬市's savings table, with the 主な取り組み内容 of a row gone.
    let text = """
      第5次行財政改革大綱にかかる取り組み実績
      令和元年度~令和4年度の合計削減額 147,364千円
      (1)令和元年度における削減額:34,784千円
      主な取り組み内容\t担当課\t削減額
      学校ICT支援員の配置見直し\t学校教育課\t4,610千円
      \t中央公民館\t8,907千円
      """
    #expect {
      try Self.convert(text, mapping: "soma-reform-results.yaml")
    } throws: { error in
      guard let error = error as? MappingError else { return false }
      return error.description.contains("row at line 6 has no title")
    }
  }

  @Test("a part-table heading in the number column is a line, not a record (相馬市's 「(21~40)」)")
  func oneCellRowInTable() throws {
    let text = """
      令和6年度業務目標
      No\t事務事業名\t令和6年度目標\t担当部課など
      1\t行政区の運営についての検討と加入促進\t行政区未加入者への対応…\t総務課
      令和6年度業務目標(21~40)
      """
    let document = try Self.convert(text, mapping: "soma-objective-table.yaml")
    #expect(document.objectives?.count == 1)
    #expect(document.unmapped.map(\.text) == ["令和6年度業務目標(21~40)"])
  }
}
