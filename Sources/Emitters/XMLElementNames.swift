/// The names canonical XML gives to the entries of each array, keyed by the array's name.
///
/// JSON arrays have no element names; XML needs one per entry. The XSD declares exactly these.
enum XMLElementNames {
  static let entryNames: [String: String] = [
    "objectives": "objective", "planPositions": "planPosition", "path": "part",
    "situation": "item", "purpose": "item", "actions": "action", "items": "item",
    "schedule": "item", "targets": "item", "midTermReport": "item", "finalReport": "item",
    "periods": "period", "quantities": "quantity", "qualifiers": "qualifier", "goals": "goal",
    "policies": "policy", "basicMeasures": "basicMeasure", "relatedPlans": "relatedPlan",
    "majorMeasures": "majorMeasure", "measures": "measure", "organizations": "organization",
    "sections": "section", "departments": "department", "activities": "item",
    "indicators": "indicator", "indicatorSets": "indicatorSet",
    "observations": "observation", "categories": "category", "categoryPath": "part",
    "years": "year", "remarks": "remark", "warnings": "warning", "unmapped": "cell",
    "provenance": "entry", "grades": "gradeCount", "projects": "project", "planLevels": "level",
    "costs": "cost", "funding": "amount", "assessments": "assessment", "directions": "direction",
    "details": "detail",
  ]

  /// The element name of an entry of the array called `arrayName`.
  static func entry(of arrayName: String) -> String { entryNames[arrayName] ?? "entry" }
}
