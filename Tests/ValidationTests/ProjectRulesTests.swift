import GyoseiModel
import Testing

@testable import Validation

/// The rules of project evaluations: costs that add up, values that are numbers, codes once.
struct ProjectRulesTests {
  static func document(_ projects: [Project]) throws -> Document {
    Document(
      id: "032034-project-evaluation-2025-000000000000", family: .projectEvaluation,
      municipality: Municipality(
        name: "大船渡市", prefecture: "岩手県", code: try #require(MunicipalityCode("032034"))),
      fiscalYear: 2025,
      source: SourceInfo(
        fileName: "p.xlsx", sha256: String(repeating: "0", count: 64), format: .xlsxWorkbook,
        encoding: "UTF-8"),
      projects: projects)
  }

  static func amount(_ value: Double, _ source: String? = nil) -> CostAmount {
    CostAmount(source: source, value: value, raw: String(Int(value)))
  }

  static func cost(funding: [Double], total: Double, personnel: Double, all: Double) -> ProjectCost
  {
    ProjectCost(
      fiscalYear: 2024, unit: "千円", funding: funding.map { amount($0, "一般財源") },
      projectCost: amount(total), personnelCost: amount(personnel), totalCost: amount(all))
  }

  static func findings(_ projects: [Project]) throws -> [String] {
    try DocumentRules(reading: StubReading()).findings(in: document(projects)).map {
      "\($0.code) \($0.pointer)"
    }
  }

  @Test("costs that add up break no rule")
  func consistent() throws {
    let project = Project(
      code: "0086", name: "不法投棄対策事業",
      costs: [Self.cost(funding: [0, 3089], total: 3089, personnel: 1120, all: 4209)])
    #expect(try Self.findings([project]).isEmpty)
  }

  @Test("funding that does not add up to 事業費計, and A + B that is not the total")
  func inconsistent() throws {
    let project = Project(
      code: "0086", name: "不法投棄対策事業",
      costs: [Self.cost(funding: [100, 3000], total: 3089, personnel: 1120, all: 4200)])
    #expect(
      try Self.findings([project]) == [
        "cost.funding-sum /projects/0/costs/0/projectCost",
        "cost.total-mismatch /projects/0/costs/0/totalCost",
      ])
  }

  @Test("a value that is not a number, where the indicator's others are; a dash is no value")
  func textValue() throws {
    let indicator = ProjectIndicator(
      kind: .activity, name: "回数",
      observations: [
        Observation(fiscalYear: 2023, value: 1, raw: "1"),
        Observation(fiscalYear: 2024, value: nil, raw: "集計中"),
        Observation(fiscalYear: 2025, value: nil, raw: "－"),
      ])
    let project = Project(code: "0086", name: "事業", indicators: [indicator])
    #expect(
      try Self.findings([project]) == [
        "indicator.value-not-numeric /projects/0/indicators/0/observations/1"
      ])
  }

  @Test("a code that appears twice")
  func duplicateCode() throws {
    let projects = [Project(code: "0086", name: "a"), Project(code: "0086", name: "b")]
    #expect(try Self.findings(projects) == ["id.duplicate /projects/1/code"])
  }
}
