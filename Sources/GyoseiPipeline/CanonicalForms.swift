import Emitters
import Foundation
import GyoseiModel
import Validation

/// The canonical forms of a document written for one source: JSON, XML or both, each checked
/// against its schema before anything is written, and written atomically.
public struct CanonicalForms: Sendable {
  /// Which forms to write.
  public enum Selection: String, Sendable, CaseIterable {
    case json
    case xml
    case both
  }

  /// One form: where it goes and its bytes.
  public struct Output: Sendable {
    public var path: String
    public var bytes: [UInt8]
    /// The tree the JSON form was written from, until it is checked: the schema reads the
    /// tree rather than parsing the bytes again.
    var tree: CanonicalTree?
    /// The input the form was made from and the document's provenance, for naming the cell
    /// behind a value that fails.
    var source: String?
    var provenance: [ProvenanceEntry] = []

    public init(path: String, bytes: [UInt8]) {
      self.path = path
      self.bytes = bytes
    }
  }

  public let selection: Selection
  public let directory: String
  private let validator: DocumentValidator

  public init(_ selection: Selection, directory: String, validator: DocumentValidator) {
    self.selection = selection
    self.directory = directory
    self.validator = validator
  }

  /// The forms of `document` for the source `file`, each valid against its schema.
  ///
  /// - Throws: `SheetConverter.Failure` when a form cannot be written or would not be valid.
  public func outputs(of document: Document, for file: String) throws -> [Output] {
    try checked(try encoded(document, for: file))
  }

  /// The forms of `document`, not yet checked: a caller that lets the document go before
  /// `checked` holds the model and the checker's tree of a large document one after the other,
  /// not both at once.
  public func encoded(_ document: Document, for file: String) throws -> [Output] {
    let base = (InputFiles.fileName(file) as NSString).deletingPathExtension
    let tree = try CanonicalTree(document)
    var outputs: [Output] = []
    if selection != .xml {
      var output = Output(path: path(base + ".json"), bytes: try JSONEmitter.emit(tree))
      output.tree = tree
      output.source = file
      output.provenance = document.provenance
      outputs.append(output)
    }
    if selection != .json {
      outputs.append(Output(path: path(base + ".xml"), bytes: try XMLEmitter.emit(tree)))
    }
    return outputs
  }

  /// The outputs, each checked against its schema.
  ///
  /// A JSON form is checked from the tree it was written from (the writer is a function of
  /// the tree alone); only a tree the schema refuses is checked again from its bytes, and each
  /// problem is reported at the source cell its value was read from (the document's
  /// provenance), since the output file it would be in is never written.
  ///
  /// - Throws: `SheetConverter.Failure` when a form would not be valid.
  public func checked(_ outputs: [Output]) throws -> [Output] {
    var checked: [Output] = []
    for var output in outputs {
      let (tree, provenance) = (output.tree, output.provenance)
      (output.tree, output.provenance) = (nil, [])
      if let tree, validator.accepts(json: tree) {
        checked.append(output)
        continue
      }
      var issues = validator.validate(output.bytes, file: output.path)
      if issues.isEmpty && tree != nil {
        issues = [
          ValidationIssue(
            file: output.path, line: 1, column: 0, code: .schemaJSON,
            message: "the document's tree breaks the schema, though its bytes do not")
        ]
      }
      if !issues.isEmpty {
        // Indexed only now: a valid output never pays for it.
        let index = ProvenanceIndex(provenance)
        throw SheetConverter.Failure(
          description: "the output would not be valid, nothing was written:\n"
            + issues.map { issue in
              "  " + Self.located(issue, index, source: output.source ?? output.path)
            }.joined(separator: "\n"))
      }
      checked.append(output)
    }
    return checked
  }

  /// Writes the outputs, all or none (`OutputFile`): `--format both` never leaves one form
  /// without the other.
  public static func write(_ outputs: [Output]) throws(OutputFile.WriteError) {
    try OutputFile.write(outputs.map { ($0.path, $0.bytes) })
  }

  /// An issue at the source cell of its value (or of the nearest enclosing value that has
  /// one); at the output form's pointer when the value has no source.
  private static func located(
    _ issue: ValidationIssue, _ provenance: ProvenanceIndex, source: String
  ) -> String {
    guard let pointer = issue.pointer, let entry = provenance.entry(for: pointer) else {
      return "\(source): \(issue.formatted)"
    }
    let place = SourceLocation(
      file: source, line: entry.position.line, cell: entry.position.cell
    ).formatted
    let shown = pointer == .root ? "/" : pointer.text
    return "\(place): \(shown): \(issue.severity.rawValue): \(issue.message) "
      + "(read from 「\(entry.raw)」)"
  }

  private func path(_ name: String) -> String {
    (directory as NSString).appendingPathComponent(name)
  }
}
