import Foundation
import GyoseiModel
import SheetMapping
import SourceReaders

/// Turns a source's bytes into a canonical document: the kind of input, its decoding, the
/// layout that recognizes it, the table, the mapping.
///
/// The mapping files are loaded once, when the first sheet needs them (a run over canonical
/// documents alone needs none). A converter may be shared by several threads.
public final class SheetConverter: @unchecked Sendable {
  /// A mapping directory or `--mapping` that cannot be used: a usage error, not a document's.
  public struct MappingProblem: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// Why one source did not convert.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(description: String) {
      self.description = description
    }
  }

  /// What a source became.
  public struct Conversion: Sendable {
    /// The document.
    public var document: Document
    /// The cells read, mapped and left unmapped.
    public var report: MappingReport
    /// The mapping that read the sheet (an XML layout's as `layout/sheet-mapping`).
    public var mappingID: String
  }

  public let settings: ConversionSettings
  private let lock = NSLock()
  private var choice: MappingFiles.Choice?
  private var choiceProblem: MappingProblem?

  public init(settings: ConversionSettings = ConversionSettings()) {
    self.settings = settings
  }

  /// Converts a source; a canonical document is refused (it is validated, not converted).
  ///
  /// - Parameters:
  ///   - file: the path, for its extension and in messages; the document records its name.
  ///   - input: the kind of input, when the caller has already told it (an XML export is then
  ///     not parsed again).
  /// - Throws: `MappingProblem` when the mappings cannot be used at all; any other error
  ///   (`SourceReadError`, `MappingError`, `Failure`) is this source's.
  public func convert(_ file: String, bytes: [UInt8], input: InputKind? = nil) throws
    -> Conversion
  {
    let input = try input ?? InputKind.of(file, bytes: bytes, encoding: settings.encoding)
    if case .canonical = input {
      throw Failure(
        description: "this is a canonical gyosei document, not a sheet: validate it as it is")
    }
    let mappings = try mappingChoice()
    let fileName = InputFiles.fileName(file)
    let catalog = mappings.catalog
    let table: SourceTable
    let format: SourceFormat
    var layout: XMLExportMapping?
    switch input {
    case .xmlExport(let export):
      let chosenLayout = try mappings.forcedLayout ?? catalog.recognize(export)
      table = try XMLTableReader.read(export, layout: chosenLayout.layout)
      format = .xmlExport
      layout = chosenLayout
    default:
      // A workbook's sheet: the one the forced mapping names, else the first sheet some
      // mapping names, else the first.
      let sheets = (mappings.forced.map { [$0.sheetName] } ?? catalog.heads.map(\.sheetName))
        .compactMap { $0 }
      (table, format) = try InputKind.read(
        bytes, fileName: fileName, as: settings.readAs, encoding: settings.encoding,
        lossy: settings.lossy, sheet: { names in sheets.first { names.contains($0) } })
    }
    let chosen: SheetMappingFile
    if let forced = mappings.forced {
      chosen = forced
    } else if let layout {
      chosen = try catalog.sheetMapping(for: table, layout: layout)
    } else {
      chosen = try catalog.recognize(table)
    }
    let result = try SheetMapper.map(
      table, sha256: SHA256Digest.hex(bytes), format: format, mapping: chosen,
      repairs: catalog.repairs, layout: layout?.id)
    return Conversion(
      document: result.document, report: result.report,
      mappingID: result.document.source.mapping ?? chosen.id)
  }

  /// The mappings, loaded on first use; a problem is remembered and thrown to every caller.
  private func mappingChoice() throws(MappingProblem) -> MappingFiles.Choice {
    lock.lock()
    defer { lock.unlock() }
    if let choice { return choice }
    if let choiceProblem { throw choiceProblem }
    do {
      let resolved = try MappingFiles.resolve(
        directory: settings.mappingsDirectory, mappingArgument: settings.mapping)
      choice = resolved
      return resolved
    } catch {
      let problem = MappingProblem(description: "\(error)")
      choiceProblem = problem
      throw problem
    }
  }
}
