import Foundation
import GyoseiModel
import SheetMapping
import SourceReaders

/// Reads one sheet into a canonical document, as `convert` does, through the mapping that
/// recognizes its layout.
///
/// The mapping files are loaded once, when the first sheet needs them.
struct SheetConversion {
  /// A mapping directory or `--mapping` that cannot be used: a usage error, not a document's.
  struct MappingProblem: Error, CustomStringConvertible {
    var description: String
  }

  /// What an input became.
  struct Converted {
    /// The document.
    var document: Document
    /// The cells read, mapped and left unmapped.
    var report: MappingReport
    /// The mapping that read the sheet.
    var mappingID: String
  }

  let options: ConversionOptions
  private var choice: MappingFiles.Choice?

  init(options: ConversionOptions) {
    self.options = options
  }

  /// Converts a sheet; a canonical document is refused (it is validated, not converted).
  ///
  /// - Parameter input: the kind of input, when the caller has already told it (an XML
  ///   export is parsed then, and need not be parsed again).
  mutating func convert(_ file: String, bytes: [UInt8], input: SheetInput? = nil) throws
    -> Converted
  {
    let input = try input ?? SheetInput.kind(file, bytes: bytes, encoding: options.chosenEncoding)
    if case .canonical = input {
      throw ConversionFailure(
        description: "this is a canonical gyosei document, not a sheet: validate it as it is")
    }
    let mappings = try mappingChoice()
    let fileName = (file as NSString).lastPathComponent
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
      (table, format) = try SheetInput.read(
        bytes, fileName: fileName, as: options.readAs?.format, encoding: options.chosenEncoding,
        lossy: options.lossy)
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
    return Converted(
      document: result.document, report: result.report,
      mappingID: result.document.source.mapping ?? chosen.id)
  }

  private mutating func mappingChoice() throws(MappingProblem) -> MappingFiles.Choice {
    if let choice { return choice }
    do {
      let resolved = try MappingFiles.resolve(
        directory: options.mappings, mappingArgument: options.mapping)
      choice = resolved
      return resolved
    } catch {
      throw MappingProblem(description: "\(error)")
    }
  }
}
