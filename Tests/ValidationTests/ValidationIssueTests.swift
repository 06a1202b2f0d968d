import GyoseiModel
import Testing

@testable import Validation

struct ValidationIssueTests {
  @Test(
    "issues print in the documented one-line forms",
    arguments: [
      (
        ValidationIssue(file: "a.xml", line: 3, column: 7, code: "schema.xsd", message: "bad"),
        "a.xml:3:7: error: bad"
      ),
      (
        ValidationIssue(
          file: "a.json", line: 3, column: 7, pointer: .root / "fiscalYear", code: "schema.json",
          message: "bad"),
        "a.json: /fiscalYear: error: bad"
      ),
      (
        ValidationIssue(
          file: "a.json", line: 1, column: 1, pointer: .root, code: "schema.json", message: "bad"),
        "a.json: /: error: bad"
      ),
      (ValidationIssue(file: "a.json", code: "io.read", message: "gone"), "a.json: error: gone"),
    ])
  func formatted(issue: ValidationIssue, text: String) {
    #expect(issue.formatted == text)
  }
}
