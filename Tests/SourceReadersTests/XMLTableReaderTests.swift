import Testing

@testable import SourceReaders

struct XMLTableReaderTests {
  static func table(_ xml: String, _ layout: XMLLayout) throws -> SourceTable {
    try XMLTableReader.read(
      try XMLExport.parse(Array(xml.utf8), fileName: "t.xml"), layout: layout)
  }

  @Test("records: literal labels, values by path and attribute, a row per repeated child")
  func records() throws {
    let xml = """
      <施策一覧 年度="R2">
        <施策 番号="2110111">
          <名称>特定健診</名称>
          <実績 年度="H30">34.9</実績>
          <実績 年度="R1">37.5</実績>
        </施策>
      </施策一覧>
      """
    let layout = XMLLayout(rows: [
      .each(
        select: "/施策一覧/施策", rowNumber: nil,
        rows: [
          .row([.text("施策番号"), .value("@番号"), .text("名称"), .value("名称")]),
          .row([.text("指標"), .values("実績/@年度")]),
          .each(select: "実績", rowNumber: nil, rows: [.row([.value("@年度"), .value(".")])]),
        ])
    ])
    let table = try Self.table(xml, layout)
    #expect(
      table.rows.map { $0.cells.map(\.raw) } == [
        ["施策番号", "2110111", "名称", "特定健診"], ["指標", "H30", "R1"], ["H30", "34.9"],
        ["R1", "37.5"],
      ])
    // Lines point into the XML: the first value's node (an attribute: its element).
    #expect(table.rows.map(\.line) == [2, 4, 4, 5])
    #expect(table.rows[0].cells.map(\.index) == [1, 2, 3, 4])
  }

  @Test("a spreadsheet's rows and columns keep their numbers across gaps (ss:Index)")
  func spreadsheetIndexes() throws {
    let xml = """
      <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
        xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table>
      <Row><Cell><Data>a</Data></Cell><Cell ss:Index="3"><Data>c</Data></Cell></Row>
      <Row ss:Index="5"><Cell ss:Index="2"><Data>x&#10;y</Data></Cell></Row>
      <Row><Cell><Data>z</Data></Cell></Row>
      </Table></Worksheet></Workbook>
      """
    let layout = XMLLayout(
      namespaces: ["ss": "urn:schemas-microsoft-com:office:spreadsheet"],
      rows: [
        .each(
          select: "/ss:Workbook/ss:Worksheet/ss:Table/ss:Row", rowNumber: "@ss:Index",
          rows: [.cells(select: "ss:Cell", column: "@ss:Index", value: "ss:Data")])
      ])
    let table = try Self.table(xml, layout)
    #expect(table.rows.map(\.line) == [1, 5, 6])
    #expect(table.rows.map { $0.cells.map(\.raw) } == [["a", "", "c"], ["", "x\ny"], ["z"]])
    #expect(table.rows[1].cells[1].text == "x y")
    #expect(table.rows[1].cells[1].blocks == [.text("x"), .text("y")])
  }

  @Test("a path that must select nodes but gives a string is an error naming it")
  func notNodes() throws {
    let layout = XMLLayout(rows: [.each(select: "string(/r)", rowNumber: nil, rows: [.row([])])])
    let error = #expect(throws: SourceReadError.self) { try Self.table("<r>x</r>", layout) }
    #expect(error?.message.contains("string(/r) must select nodes") == true)
  }
}
