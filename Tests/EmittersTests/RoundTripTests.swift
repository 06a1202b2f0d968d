import Foundation
import GyoseiModel
import TestSupport
import Testing

@testable import Emitters

struct RoundTripTests {
  @Test("JSON -> model -> JSON gives the same bytes", arguments: CorpusExamples.names)
  func jsonIdentity(name: String) throws {
    let json = try CorpusExamples.bytes(name, "json")
    let document = try CanonicalDecoder.decodeJSON(json)
    #expect(try JSONEmitter.emit(document) == json)
  }

  @Test("XML -> model -> XML gives the same bytes", arguments: CorpusExamples.names)
  func xmlIdentity(name: String) throws {
    let xml = try CorpusExamples.bytes(name, "xml")
    let document = try CanonicalDecoder.decodeXML(xml)
    #expect(try XMLEmitter.emit(document) == xml)
  }

  @Test("JSON and XML carry the same document", arguments: CorpusExamples.names)
  func jsonAndXMLAgree(name: String) throws {
    let fromJSON = try CanonicalDecoder.decode(try CorpusExamples.bytes(name, "json"))
    let fromXML = try CanonicalDecoder.decode(try CorpusExamples.bytes(name, "xml"))
    #expect(fromJSON == fromXML)
  }

  @Test("emitting twice gives identical bytes", arguments: CorpusExamples.names)
  func deterministic(name: String) throws {
    let document = try CanonicalDecoder.decodeJSON(try CorpusExamples.bytes(name, "json"))
    #expect(try JSONEmitter.emit(document) == JSONEmitter.emit(document))
    #expect(try XMLEmitter.emit(document) == XMLEmitter.emit(document))
  }

  @Test("members follow the model's declaration order")
  func keyOrder() throws {
    let json = String(
      decoding: try CorpusExamples.bytes("ueda-objective-sheet-2025", "json"), as: UTF8.self)
    let keys = [
      "\"schemaVersion\"", "\"id\"", "\"family\"", "\"municipality\"", "\"fiscalYear\"",
      "\"source\"", "\"objectives\"", "\"warnings\"", "\"unmapped\"", "\"provenance\"",
    ]
    let offsets = try keys.map { key in try #require(json.range(of: key)).lowerBound }
    #expect(offsets == offsets.sorted())
  }
}
