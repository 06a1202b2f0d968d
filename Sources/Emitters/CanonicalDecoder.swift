import Foundation
import GyoseiModel

/// Reads canonical documents back into the model, from JSON or from XML.
public enum CanonicalDecoder {
  /// Reads a canonical JSON document.
  public static func decodeJSON(_ bytes: [UInt8]) throws -> Document {
    do {
      return try JSONDecoder().decode(Document.self, from: Data(bytes))
    } catch let error as DecodingError {
      throw EmitterError(decodingError: error)
    }
  }

  /// Reads a canonical XML document.
  public static func decodeXML(_ bytes: [UInt8]) throws -> Document {
    let root = try XMLElementTree.parse(bytes)
    guard root.name == "document" else {
      throw EmitterError(
        pointer: "", message: "the root element is <\(root.name)>, expected <document>")
    }
    do {
      return try Document(from: XMLTreeDecoder(element: root, codingPath: []))
    } catch let error as DecodingError {
      throw EmitterError(decodingError: error)
    }
  }

  /// Reads a canonical document, choosing JSON or XML by its first significant byte.
  public static func decode(_ bytes: [UInt8]) throws -> Document {
    switch CanonicalForm.detect(bytes) {
    case .xml: return try decodeXML(bytes)
    case .json: return try decodeJSON(bytes)
    }
  }
}

extension EmitterError {
  init(decodingError: DecodingError) {
    func pointer(_ path: [any CodingKey]) -> String {
      JSONPointer(tokens: path.map { $0.intValue.map(String.init) ?? $0.stringValue }).text
    }
    switch decodingError {
    case .keyNotFound(let key, let context):
      self.init(
        pointer: pointer(context.codingPath), message: "missing '\(key.stringValue)'")
    case .typeMismatch(let type, let context):
      self.init(
        pointer: pointer(context.codingPath),
        message: "expected \(type): \(context.debugDescription)")
    case .valueNotFound(let type, let context):
      self.init(pointer: pointer(context.codingPath), message: "missing \(type) value")
    case .dataCorrupted(let context):
      self.init(pointer: pointer(context.codingPath), message: context.debugDescription)
    @unknown default:
      self.init(pointer: "", message: "\(decodingError)")
    }
  }
}
