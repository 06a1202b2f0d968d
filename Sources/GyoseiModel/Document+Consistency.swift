extension Document {
  /// The top-level keys of each family's body, in document order.
  public static func bodyKeys(of family: DocumentFamily) -> [String] {
    switch family {
    case .objectiveSheet: return ["objectives"]
    case .policyEvaluation: return ["goals", "measures"]
    case .reformActionProgram: return ["categories", "items"]
    case .indicatorTable: return ["indicatorSets"]
    case .projectEvaluation: return ["projects"]
    }
  }

  /// Problems a schema cannot express.
  ///
  /// The body must match the family, and the schema version must be this build's. Each problem names the JSON Pointer it concerns.
  public var consistencyProblems: [(pointer: String, message: String)] {
    var problems: [(pointer: String, message: String)] = []
    let present: [String: Bool] = [
      "objectives": objectives != nil, "goals": goals != nil, "measures": measures != nil,
      "categories": categories != nil, "items": items != nil,
      "indicatorSets": indicatorSets != nil, "projects": projects != nil,
    ]
    let expected = Set(Self.bodyKeys(of: family))
    for key in [
      "objectives", "goals", "measures", "categories", "items", "indicatorSets", "projects",
    ] {
      let isPresent = present[key] ?? false
      if expected.contains(key) && !isPresent {
        problems.append(("/\(key)", "a \(family.rawValue) document needs '\(key)'"))
      } else if !expected.contains(key) && isPresent {
        problems.append(("/\(key)", "'\(key)' does not belong in a \(family.rawValue) document"))
      }
    }
    if !SchemaVersion.readable.contains(schemaVersion) {
      problems.append(
        (
          "/schemaVersion",
          "schema version '\(schemaVersion)', expected one of "
            + SchemaVersion.readable.joined(separator: ", ")
        ))
    }
    if progress != nil && family != .reformActionProgram {
      problems.append(("/progress", "'progress' does not belong in a \(family.rawValue) document"))
    }
    return problems
  }
}
