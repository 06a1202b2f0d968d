import SourceReaders
import Testing

@testable import SheetMapping

struct LinePatternTests {
  /// Patterns of the installed mappings, with the literals the prefilter takes from them: the
  /// prefix after `^` and the longest run every match holds.
  static let literalCases: [(pattern: String, prefix: String, required: String)] = [
    (#"^基本施策(?<number>[0-9]{1,3})\s+(?<title>.+)$"#, "基本施策", "基本施策"),
    (#"^(?<year>(令和|平成)\S+年度)\s*(?<title>業務目標)$"#, "", ""),
    (#"^-\s*重点改革項目(?<category>[0-9]+)\s*No\.(?<code>\S+)"#, "-", "重点改革項目"),
    (#"^合計(?<items>[0-9]+)項目$"#, "合計", "合計"),
    (#"^全行動計画項目\s*…\s*(?<items>[0-9]+)項目(\(.*\))?$"#, "全行動計画項目", "全行動計画項目"),
    // An optional or repeated literal is not required: 第? leaves nothing before the group.
    (#"^第?(?<number>[0-9]+)"#, "", ""),
    (#"^ab*c"#, "a", "a"),
    // A top-level alternation guarantees no literal.
    (#"^S:[0-9]+|A:[0-9]+"#, "", ""),
    // An escaped bracket is a literal; a class is not.
    (#"^\(対象外・未評価項目"#, "(対象外・未評価項目", "(対象外・未評価項目"),
    (#"^[①-⑳](?<title>.+)"#, "", ""),
    // Case-insensitive matching changes what a literal matches: no prefilter.
    (#"(?i)^no\.(?<number>[0-9]+)"#, "", ""),
  ]

  @Test("the prefilter's literals are ones every match holds", arguments: literalCases)
  func literals(_ example: (pattern: String, prefix: String, required: String)) {
    let found = LinePattern.literals(of: example.pattern)
    #expect(String(decoding: found.prefix, as: UTF8.self) == example.prefix, "\(example.pattern)")
    #expect(
      String(decoding: found.required, as: UTF8.self) == example.required, "\(example.pattern)")
  }

  /// Lines of the other cities' sheets and whether each pattern takes them (the prefilter must
  /// never refuse a line the regex would match).
  static let matchCases: [(pattern: String, text: String, captures: [String: String]?)] = [
    (
      #"^基本施策(?<code>[A-Z][0-9]+)\s*(?<title>.+)$"#, "基本施策E1 災害に強いまちづくりを進めます",
      ["code": "E1", "title": "災害に強いまちづくりを進めます"]
    ),
    (#"^基本施策(?<code>[A-Z][0-9]+)\s*(?<title>.+)$"#, "イ 基本施策の評価", nil),
    (
      #"^合計(?<items>[0-9]+)項目$"#, "合計10項目", ["items": "10"]
    ),
    (#"^合計(?<items>[0-9]+)項目$"#, "評価対象項目6項目 対象外項目4項目", nil),
    (
      #"^-\s*(?<grade>[SABC]):(?<label>.+?)\s*…\s*(?<count>[0-9]+)項目\((?<percent>[0-9.]+)%\)$"#,
      "- S:特に良好に進捗 … 4項目(4.7%)",
      ["grade": "S", "label": "特に良好に進捗", "count": "4", "percent": "4.7"]
    ),
    (
      #"^(?<department>[^\s()。、]+?)(\((?<section>[^()]+)\))?$"#, "総務部(防災安全課)",
      ["department": "総務部", "section": "防災安全課"]
    ),
    // An optional group that did not take part is absent, not empty.
    (
      #"^(?<department>[^\s()。、]+?)(\((?<section>[^()]+)\))?$"#, "総合政策部",
      ["department": "総合政策部"]
    ),
  ]

  @Test("whole-line matches and their named captures", arguments: matchCases)
  func wholeMatch(_ example: (pattern: String, text: String, captures: [String: String]?)) throws {
    let pattern = try LinePattern(example.pattern)
    #expect(pattern.wholeMatch(example.text)?.captures == example.captures, "\(example.text)")
  }

  @Test("every entry of a line, one match each: a category's grades (木津川市)")
  func allMatches() throws {
    let entry = try LinePattern(#"(?<grade>[SABC]):(?<count>[0-9]+)"#)
    let found = entry.allMatches("S:1、A:7、B:13、C:7")
    #expect(found.map { $0["grade"] ?? "" } == ["S", "A", "B", "C"])
    #expect(found.map { $0["count"] ?? "" } == ["1", "7", "13", "7"])
  }

  @Test("a pattern that does not compile is an error quoting it")
  func compileError() {
    #expect {
      try LinePattern(#"^(?<year>[^)]+年度"#)
    } throws: { error in
      (error as? LinePattern.Problem)?.description.contains("^(?<year>[^)]+年度 does not compile")
        == true
    }
  }

  @Test(
    "a capture's year: one fiscal year, a range's last, or four digits",
    arguments: [
      ("令和6年度", 2024), ("R2年度", 2020), ("平成27年度", 2015), ("令和元年度~令和4年度", 2022),
      ("2015", 2015), ("令和", nil), ("15", nil),
    ] as [(String, Int?)])
  func captureYear(text: String, year: Int?) {
    #expect(FiscalYearSource.fiscalYear(text) == year, "\(text)")
  }

  @Test("the fiscal year from a line of the file, the file's name, or the mapping")
  func fiscalYearSources() throws {
    let text = "第5次行財政改革大綱にかかる取り組み実績\n\n令和元年度~令和4年度の合計削減額 147,364千円\n"
    let table = try PDFTextReader.read(Array(text.utf8), fileName: "soma-reform-results-2022.txt")
    let line = FiscalYearSource(
      line: try LinePattern(#"^(?<year>(令和|平成)\S+年度~(令和|平成)\S+年度)の合計削減額"#))
    let found = try #require(line.find(in: table))
    #expect(found.year == 2022 && found.text == "令和元年度~令和4年度" && found.cell?.line == 3)
    let name = FiscalYearSource(fileName: try LinePattern(#"(?<year>(19|20)[0-9]{2})"#))
    #expect(name.find(in: table)?.year == 2022)
    #expect(FiscalYearSource(fixed: 2024).find(in: table)?.year == 2024)
    #expect(FiscalYearSource(fixed: 1700).problem?.contains("not a fiscal year") == true)
    #expect(FiscalYearSource().problem == "give exactly one of line, file-name and fixed")
    #expect(
      FiscalYearSource(line: try LinePattern("^令和")).problem?.contains("(?<year>…)") == true)
  }
}
