/// Why a file could not be mapped, said so that the person running gyosei can act on it.
public enum MappingError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A mapping file that cannot be read or does not say what a mapping must.
  case invalidMapping(file: String, problem: String)
  /// No mapping file was found where mappings were looked for.
  case noMappings(directory: String)
  /// `--mapping` named a mapping that does not exist.
  case unknownMapping(id: String, available: [String])
  /// No mapping recognizes the file; the closest one and the labels it did not find.
  case unrecognized(closest: String?, family: String?, found: Int, missing: [String])
  /// No XML export layout matches the document; its root element and the layouts tried.
  case unrecognizedExport(root: String, available: [String])
  /// The file looks like the layout but lacks something every document needs.
  case incomplete(line: Int?, problem: String)

  public var description: String {
    switch self {
    case .invalidMapping(let file, let problem):
      return "mapping file \(file): \(problem)"
    case .noMappings(let directory):
      return "no mapping files (*.yaml) in \(directory); pass --mappings DIR"
    case .unknownMapping(let id, let available):
      return "no mapping with id '\(id)'; available: \(available.joined(separator: ", "))"
    case .unrecognized(let closest, let family, let found, let missing):
      let advice =
        "Write a mapping for this layout (the language: Mappings/README.md) and pass it as "
        + "--mapping FILE.yaml, or put it in a mappings directory (--mappings DIR); "
        + "--mapping ID reads the file with an installed one."
      guard let closest, let family else { return "no mapping recognizes this file. " + advice }
      return
        "not a known sheet layout; the closest is \(closest) (\(family)), which found "
        + "\(found) of \(found + missing.count) of its labels and missed: "
        + missing.joined(separator: ", ") + ". Start from that mapping (gyosei mappings lists "
        + "where it comes from). " + advice
    case .unrecognizedExport(let root, let available):
      return "an XML document with root element \(root) is neither a canonical gyosei document "
        + "nor an export layout gyosei knows (tried: "
        + (available.isEmpty ? "none installed" : available.joined(separator: ", "))
        + "). Write a mapping with format: xml-export (Mappings/README.md) and pass it as "
        + "--mapping FILE.yaml or put it in a mappings directory (--mappings DIR), or pass "
        + "--mapping ID."
    case .incomplete(let line, let problem):
      return (line.map { "line \($0): " } ?? "") + problem
    }
  }
}
