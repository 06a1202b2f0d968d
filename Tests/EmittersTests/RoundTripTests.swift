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

/// Schema 1.0 documents, as gyosei 0.1 wrote them (Corpus/examples/1.0/), still read.
struct Version10Tests {
  static func legacy(_ name: String, _ fileExtension: String) throws -> [UInt8] {
    try CorpusExamples.file("Corpus/examples/1.0/\(name).\(fileExtension)")
  }

  @Test(
    "a 1.0 document reads, JSON and XML alike, and is written as 1.2",
    arguments: CorpusExamples.names)
  func reads(name: String) throws {
    let fromJSON = try CanonicalDecoder.decode(try Self.legacy(name, "json"))
    let fromXML = try CanonicalDecoder.decode(try Self.legacy(name, "xml"))
    #expect(fromJSON == fromXML)
    #expect(fromJSON.schemaVersion == "1.0")
    let written = String(decoding: try JSONEmitter.emit(fromJSON), as: UTF8.self)
    #expect(written.contains("\"schemaVersion\": \"1.2\""))
    let xml = String(decoding: try XMLEmitter.emit(fromJSON), as: UTF8.self)
    #expect(xml.contains("xmlns=\"urn:x-gyosei:document:1.2\""))
  }

  @Test("a 1.0 observation is an actual value; a 1.0 スマートシティ position a plan position")
  func mapped() throws {
    let evaluation = try CanonicalDecoder.decode(
      try Self.legacy("tomakomai-policy-evaluation-2020", "json"))
    let observations = (evaluation.measures ?? []).flatMap(\.indicators).flatMap(\.observations)
    #expect(!observations.isEmpty && observations.allSatisfy { $0.kind == .actual })
    let program = try CanonicalDecoder.decode(
      try Self.legacy("ueda-reform-action-program-2022", "json"))
    let position = try #require(program.items?.first?.planPositions.last)
    #expect(position.plan == "smartCityPosition" && position.path.isEmpty)
    #expect(position.title == "①電子申請手続きの利用促進")
  }
}
