import EraDates
import Foundation
import GyoseiModel
import GyoseiPipeline
import JapaneseWidth
import ListMarkers
import Quantities
import SheetMapping
import SourceReaders
import Validation

/// What one fuzzing process exercises, chosen by `GYOSEI_FUZZ_TARGET` (Fuzz/run.sh sets it).
///
/// Each target hands the mutated bytes to one entry point of gyosei as a user's file would reach
/// it; any error it throws is an answer, and only a crash, a leak or a sanitizer report is a
/// finding.
enum Target: String, CaseIterable {
  /// A text sheet (PDF text or tab-separated) through recognition, reading and mapping.
  case convertText = "convert-text"
  /// A CSV table.
  case convertCSV = "convert-csv"
  /// An XML export (or a canonical XML document).
  case convertXML = "convert-xml"
  /// An Excel workbook.
  case convertXLSX = "convert-xlsx"
  /// A canonical document, JSON or XML, through the schemas and the semantic rules.
  case validate
  /// Legacy encodings: CP932, EUC-JP, UTF-16.
  case decode
  /// The four normalizers on one line of text.
  case normalize
  /// A text sheet through `gyosei mappings draft`: the draft written from its cells, loaded
  /// back as a mapping file and tried on the sheet. The draft must always be YAML that loads
  /// or says why, under the id and municipality it was given: a cell's text must never change
  /// what the file says.
  case draft
}

nonisolated(unsafe) private var target = Target.convertText
nonisolated(unsafe) private var converter: SheetConverter?
nonisolated(unsafe) private var validator: DocumentValidator?
nonisolated(unsafe) private var catalog: MappingCatalog?

@_cdecl("LLVMFuzzerInitialize")
public func initialize(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  let environment = ProcessInfo.processInfo.environment
  guard let name = environment["GYOSEI_FUZZ_TARGET"], let chosen = Target(rawValue: name) else {
    let names = Target.allCases.map(\.rawValue).joined(separator: ", ")
    FileHandle.standardError.write(Data("set GYOSEI_FUZZ_TARGET to one of \(names)\n".utf8))
    exit(2)
  }
  target = chosen
  converter = SheetConverter(
    settings: ConversionSettings(mappingsDirectory: environment["GYOSEI_MAPPINGS"] ?? "Mappings"))
  validator = DocumentValidator()
  catalog = try? MappingDrafting.installedCatalog(
    ConversionSettings(mappingsDirectory: environment["GYOSEI_MAPPINGS"] ?? "Mappings"))
  // The mappings and the schemas are loaded and compiled once, on the first use: do it here, so
  // that what they keep for the process is not taken for a leak of the first input.
  for name in ["warm.txt", "warm.csv", "warm.xml", "warm.xlsx"] {
    convert(name, Array("重点目標\n".utf8))
  }
  _ = validator?.validate(Array("{}".utf8), file: "warm.json")
  _ = validator?.validate(Array("<document/>".utf8), file: "warm.xml")
  return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  switch target {
  case .convertText: convert("fuzz.txt", bytes)
  case .convertCSV: convert("fuzz.csv", bytes)
  case .convertXML: convert("fuzz.xml", bytes)
  case .convertXLSX: convert("fuzz.xlsx", bytes)
  case .validate:
    _ = validator?.validate(bytes, file: "fuzz.json")
  case .decode:
    for encoding in [TextEncoding.cp932, .eucJP, .utf16LittleEndian, .utf8] {
      _ = try? TextDecoder.decode(bytes, encoding: encoding, fileName: "fuzz.txt")
    }
    _ = try? TextDecoder.decode(bytes, lossy: true, fileName: "fuzz.txt")
  case .normalize:
    let text = String(decoding: bytes, as: UTF8.self)
    _ = JapaneseWidth.fold(text)
    _ = ListMarkers.parse(text)
    _ = EraDates.extract(text, fiscalYear: 2025)
    _ = Quantities.extract(text)
    _ = Quantities.parse(text)
  case .draft:
    draft(bytes)
  }
  return 0
}

private func draft(_ bytes: [UInt8]) {
  guard let catalog, let code = MunicipalityCode("072095") else { return }
  let request = MappingDrafting.Request(
    publisher: MappingDraft.Publisher(name: "相馬市", prefecture: nil, code: code),
    id: "fuzz-draft", outputName: "draft.yaml")
  guard
    let result = try? MappingDrafting.draft(
      "fuzz.txt", bytes: bytes, request: request, settings: ConversionSettings(),
      catalog: catalog)
  else { return }
  do {
    guard case .mapping(let mapping) = try MappingCatalog.decode(result.yaml, file: "draft.yaml")
    else { fatalError("the draft is not a layout mapping:\n\(result.yaml)") }
    guard mapping.id == "fuzz-draft", mapping.municipality.code == code else {
      fatalError("a cell changed what the draft says:\n\(result.yaml)")
    }
  } catch {
    // A draft that lacks a part says so (the decoding throws only MappingError); a draft
    // that is not YAML is a defect.
    if "\(error)".contains("not valid YAML") || "\(error)".contains("unknown key") {
      fatalError("the draft does not read: \(error)\n\(result.yaml)")
    }
  }
}

private func convert(_ name: String, _ bytes: [UInt8]) {
  guard let converter, let validator else { return }
  guard let conversion = try? converter.convert(name, bytes: bytes) else { return }
  // What gyosei writes must pass its own check, or say why: the emitters and the checker run too.
  let forms = CanonicalForms(.both, directory: "/nonexistent-fuzz", validator: validator)
  _ = try? forms.outputs(of: conversion.document, for: name)
}

/// libFuzzer's driver, entered from the executable's main: SwiftPM names an executable target's
/// entry point `GyoseiFuzz_main`, which stands in for libFuzzer's own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("GyoseiFuzz_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  var count = argc
  var arguments = argv
  return runDriver(&count, &arguments) { data, size in
    guard let data else { return 0 }
    return testOneInput(data, size)
  }
}
