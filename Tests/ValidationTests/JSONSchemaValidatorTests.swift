import GyoseiModel
import Testing

@testable import Validation

struct JSONSchemaValidatorTests {
  func violations(schema: String, instance: String) throws -> [JSONSchemaValidator.Violation] {
    let validator = try JSONSchemaValidator(schemaBytes: Array(schema.utf8))
    return validator.validate(try JSONParser.parse(Array(instance.utf8)))
  }

  @Test("the published schema compiles with the keywords this validator knows")
  func publishedSchemaCompiles() throws {
    _ = try JSONSchemaValidator(schemaBytes: PublishedSchema.jsonSchema)
  }

  @Test("a substitute pattern is checked in place of the one at its location, and only there")
  func substitutePattern() throws {
    let schema = #"""
      {"properties": {"code": {"$ref": "#/$defs/code"}, "id": {"pattern": "^[a-z]+$"}},
       "$defs": {"code": {"type": "string", "pattern": "^(?:012025|202037)$"}}}
      """#
    let plain = try JSONSchemaValidator(schemaBytes: Array(schema.utf8))
    let relaxed = try JSONSchemaValidator(
      schemaBytes: Array(schema.utf8), substitutes: ["#/$defs/code": "^[0-9]{6}$"])
    let instance = try JSONParser.parse(Array(#"{"code": "202038", "id": "ueda"}"#.utf8))
    #expect(plain.validate(instance).map(\.pointer) == [.root / "code"])
    #expect(relaxed.validate(instance).isEmpty)
    let wrong = try JSONParser.parse(Array(#"{"code": "20203", "id": "Ueda"}"#.utf8))
    #expect(relaxed.validate(wrong).map(\.pointer) == [.root / "code", .root / "id"])
  }

  @Test("every readable version's built-in schema compiles in DocumentValidator")
  func everyVersionCompiles() throws {
    let validator = DocumentValidator()
    for version in SchemaVersion.readable {
      let document = #"{"schemaVersion": "\#(version)"}"#
      let issues = validator.validate(Array(document.utf8), file: "v.json")
      #expect(!issues.isEmpty)
      #expect(!issues.contains { $0.message.contains("does not compile") }, "\(version)")
    }
  }

  @Test("a keyword the validator does not implement is refused, not ignored")
  func unknownKeyword() {
    #expect(throws: JSONSchemaValidator.SchemaError.self) {
      _ = try JSONSchemaValidator(schemaBytes: Array(#"{"oneOf": [true]}"#.utf8))
    }
  }

  @Test(
    "keywords behave as draft 2020-12 says",
    arguments: [
      (#"{"type": "integer"}"#, "2025", 0),
      (#"{"type": "integer"}"#, "2025.0", 0),
      (#"{"type": "integer"}"#, "2025.5", 1),
      (#"{"type": "number"}"#, "7", 0),
      (#"{"type": ["number", "null"]}"#, "null", 0),
      (#"{"type": "string", "minLength": 2}"#, #""上""#, 1),
      (#"{"type": "string", "minLength": 2}"#, #""上田""#, 0),
      (#"{"minimum": 1868, "maximum": 2200}"#, "1867", 1),
      (#"{"const": "1.0"}"#, #""1.0""#, 0),
      (#"{"enum": ["a", "b"]}"#, #""c""#, 1),
      (#"{"pattern": "^[0-9]{7}$"}"#, #""2110111""#, 0),
      (#"{"pattern": "^[0-9]{7}$"}"#, #""211011""#, 1),
      (#"{"required": ["a", "b"]}"#, #"{"a": 1}"#, 1),
      (#"{"properties": {"a": false}}"#, #"{"a": 1}"#, 1),
      (#"{"additionalProperties": false, "properties": {"a": true}}"#, #"{"a": 1, "b": 2}"#, 1),
      (#"{"items": {"type": "integer"}}"#, "[1, 2, \"x\"]", 1),
      (#"{"minItems": 1}"#, "[]", 1),
      (#"{"if": {"const": 1}, "then": {"const": 2}}"#, "1", 1),
      (#"{"if": {"const": 1}, "then": {"const": 2}, "else": {"const": 3}}"#, "4", 1),
      (#"{"allOf": [{"type": "integer"}, {"minimum": 5}]}"#, "3", 1),
      (##"{"$defs": {"y": {"type": "integer"}}, "$ref": "#/$defs/y"}"##, "\"x\"", 1),
    ])
  func keyword(schema: String, instance: String, count: Int) throws {
    #expect(try violations(schema: schema, instance: instance).count == count)
  }

  @Test("violations carry the JSON Pointer, escaped, and the position of the value")
  func pointers() throws {
    let found = try violations(
      schema: #"{"properties": {"a/b": {"items": {"type": "string"}}}}"#,
      instance: "{\n  \"a/b\": [\"x\", 2]\n}")
    #expect(found.first?.pointer.text == "/a~1b/1")
    #expect(found.first?.line == 2)
    #expect(found.first?.column == 16)
  }
}
