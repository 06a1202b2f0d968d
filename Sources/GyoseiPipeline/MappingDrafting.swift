import GyoseiModel
import SheetMapping
import SourceReaders
import Validation

/// `gyosei mappings draft`: a first mapping for a sheet no mapping recognizes, written, then
/// tried: loaded as a mapping file, used to convert the sheet, and the document checked.
public enum MappingDrafting {
  /// What the caller knows that the sheet may not say.
  public struct Request: Sendable {
    public var publisher: MappingDraft.Publisher
    public var family: DocumentFamily?
    public var fiscalYear: Int?
    /// The mapping's id (default: `draft-` and the file's name without its extension).
    public var id: String?
    /// The name the draft will be saved under, for the command its comments suggest.
    public var outputName: String

    public init(
      publisher: MappingDraft.Publisher, family: DocumentFamily? = nil, fiscalYear: Int? = nil,
      id: String? = nil, outputName: String
    ) {
      (self.publisher, self.family, self.fiscalYear, self.id, self.outputName) = (
        publisher, family, fiscalYear, id, outputName
      )
    }
  }

  /// How the draft fared when it was tried.
  public enum Trial: Sendable {
    /// It loads and converts the sheet: the document's records, its warnings and unmapped
    /// cells, the cells read and mapped, and the document check's errors.
    case converts(
      records: [String: Int], document: Document, report: MappingReport, errors: [ValidationIssue])
    /// It does not load as a mapping file (a part the draft did not find): why.
    case doesNotLoad(String)
    /// It loads, but the sheet does not convert with it: why.
    case doesNotConvert(String)
  }

  public struct Result: Sendable {
    public var yaml: String
    public var draft: MappingDraft
    public var trial: Trial
  }

  /// The installed mapping files (the built-in ones and a mappings directory's) as a catalog.
  public static func installedCatalog(_ settings: ConversionSettings) throws -> MappingCatalog {
    let installed = try MappingFiles.installed(settings.mappingsDirectory)
    return try MappingCatalog(files: installed.catalogFiles, deferring: installed.builtInNames)
  }

  /// Drafts a mapping for the sheet `file` (its bytes), and tries it.
  ///
  /// - Throws: when the file cannot be read as a sheet (`SourceReadError`), is a canonical
  ///   document, or the installed files do not load.
  /// - Parameter catalog: the installed files, when the caller has loaded them (else they are
  ///   loaded from `settings`).
  public static func draft(
    _ file: String, bytes: [UInt8], request: Request, settings: ConversionSettings,
    catalog: MappingCatalog? = nil
  ) throws -> Result {
    let catalog = try catalog ?? installedCatalog(settings)
    let fileName = InputFiles.fileName(file)
    let table: SourceTable
    let format: SourceFormat
    switch try InputKind.of(file, bytes: bytes, encoding: settings.encoding) {
    case .canonical:
      throw SheetConverter.Failure(
        description: "this is a canonical gyosei document, not a sheet: there is nothing to map")
    case .xmlExport(let export):
      table = try XMLTableReader.read(export, layout: try catalog.recognize(export).layout)
      format = .xmlExport
    case .table:
      (table, format) = try InputKind.read(
        bytes, fileName: fileName, as: settings.readAs, encoding: settings.encoding,
        lossy: settings.lossy)
    }
    let draft = MappingDraft(
      table, vocabulary: catalog.vocabulary, family: request.family,
      fiscalYear: request.fiscalYear)
    let stem = fileName.split(separator: ".").dropLast().joined(separator: ".")
    let yaml = draft.yaml(
      id: request.id ?? "draft-" + (stem.isEmpty ? fileName : stem), publisher: request.publisher,
      outputName: request.outputName)
    let mapping: SheetMappingFile
    do {
      guard case .mapping(let decoded) = try MappingCatalog.decode(yaml, file: request.outputName)
      else {
        return Result(yaml: yaml, draft: draft, trial: .doesNotLoad("not a layout mapping"))
      }
      mapping = decoded
    } catch {
      return Result(yaml: yaml, draft: draft, trial: .doesNotLoad("\(error)"))
    }
    do {
      let mapped = try SheetMapper.map(
        table, sha256: SHA256Digest.hex(bytes), format: format, mapping: mapping,
        repairs: catalog.repairs, layout: nil)
      let document = mapped.document
      let entry = DocumentChecker().check(converted: document, file: file)
      let records: [String: Int] = [
        "objectives": document.objectives?.count ?? 0,
        "actions": document.objectives?.reduce(0) { $0 + $1.actions.count } ?? 0,
        "measures": document.measures?.count ?? 0,
        "indicators": document.measures?.reduce(0) { $0 + ($1.indicators.count) } ?? 0,
        "categories": document.categories?.count ?? 0,
        "items": document.items?.count ?? 0,
      ].filter { $0.value > 0 }
      return Result(
        yaml: yaml, draft: draft,
        trial: .converts(
          records: records, document: document, report: mapped.report,
          errors: entry.issues.filter { $0.severity == .error }))
    } catch {
      return Result(yaml: yaml, draft: draft, trial: .doesNotConvert("\(error)"))
    }
  }
}
