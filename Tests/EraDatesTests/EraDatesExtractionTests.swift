import Testing

@testable import EraDates

struct EraDatesExtractionTests {
  @Test("dates are found in running text with their offsets and original text")
  func sentence() {
    let text = "(2) 8月7日アリオ上田にて開催 参加者数：716人"
    let found = EraDates.extract(text, fiscalYear: 2025)
    #expect(found.map(\.raw) == ["8月7日"])
    #expect(found.first?.iso == "2025-08-07")
    #expect(found.first?.offset == 4)
    #expect(found.first?.length == "8月7日".utf8.count)
  }

  @Test("a plan period inside a plan name (002 line 45)")
  func planPeriod() {
    let found = EraDates.extract("- ・ 苫小牧市健康増進計画（平成30～34年度（2018～2022年度））")
    #expect(found.map(\.raw) == ["平成30～34年度", "2018～2022年度"])
    #expect(found.map(\.iso) == ["FY2018..FY2022", "FY2018..FY2022"])
    #expect(found.first?.warnings.map(\.code) == [.pastEnd])
    #expect(found.first?.warnings.first?.message.contains("31st year") == true)
    #expect(found.first?.warnings.first?.original == "平成30～34年度")
  }

  @Test("a schedule cell (000 line 46 cell 3)")
  func scheduleCell() {
    let found = EraDates.extract("(1) 通年 (2) 年度末 (3) ア (7) 8月末 (4) 12月末 (ウ) 12月末", fiscalYear: 2025)
    #expect(found.map(\.raw) == ["通年", "年度末", "8月末", "12月末", "12月末"])
  }

  @Test(
    "numbers that are not dates are left alone",
    arguments: [
      "1,200千円", "28.30%", "延べ3,000人", "R1:34件 67人", "第1子1万円", "(1) 受診者数：400人",
      "Ver.2.0", "2110111", "年3回", "10名以上", "1回/月", "20, 083", "12345年",
    ])
  func notDates(text: String) {
    #expect(EraDates.extract(text, fiscalYear: 2025).isEmpty)
  }

  @Test("full-width digits need no prior folding, and offsets stay in the original text")
  func fullwidth() {
    let found = EraDates.extract("期限：令和７年１２月２５日まで")
    #expect(found.first?.iso == "2025-12-25")
    #expect(found.first?.raw == "令和７年１２月２５日")
    #expect(found.first?.offset == "期限：".utf8.count)
  }

  @Test(
    "empty text and a lone combining mark give nothing",
    arguments: ["", "\u{3099}", "年", "R", "令和"])
  func edges(text: String) {
    #expect(EraDates.extract(text, fiscalYear: 2025).isEmpty)
  }

  @Test("era arithmetic and boundaries")
  func eras() {
    #expect(Era.all.map(\.name) == ["明治", "大正", "昭和", "平成", "令和"])
    #expect(Era.all[1].start == (1912, 7, 30) ? true : false)
    let heisei = Era.all[3]
    #expect(heisei.gregorianYear(31) == 2019)
    #expect(heisei.end.map { [$0.year, $0.month, $0.day] } == [2019, 4, 30])
    #expect(Era.all[4].end == nil)
  }
}
