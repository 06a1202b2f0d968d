import EraDates
import Foundation
import GyoseiPipeline
import JapaneseWidth
import ListMarkers
import Quantities
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
}

nonisolated(unsafe) private var target = Target.convertText
nonisolated(unsafe) private var converter: SheetConverter?
nonisolated(unsafe) private var validator: DocumentValidator?

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
  }
  return 0
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
