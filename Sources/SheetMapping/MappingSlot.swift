import GyoseiModel
import Synchronization

/// What recognition reads of a layout mapping.
///
/// Its id, family, recognition labels and the workbook sheet it names: decoded alone from a
/// mapping file, it costs a small part of the whole mapping.
public struct MappingHead: Sendable, Hashable, Decodable {
  public var id: String
  public var family: DocumentFamily
  public var recognize: [String]
  /// The sheet of a workbook the mapping reads (`project-table.sheet`), if it names one.
  public var sheetName: String?

  init(_ mapping: SheetMappingFile) {
    (id, family, recognize, sheetName) = (
      mapping.id, mapping.family, mapping.recognize, mapping.sheetName
    )
  }

  private enum CodingKeys: String, CodingKey {
    case id, family, recognize
    case projectTable = "project-table"
  }

  private enum ProjectTableKeys: String, CodingKey {
    case sheet
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    family = try container.decode(DocumentFamily.self, forKey: .family)
    recognize = try container.decode([String].self, forKey: .recognize)
    sheetName =
      try container.contains(.projectTable)
      ? container.nestedContainer(keyedBy: ProjectTableKeys.self, forKey: .projectTable)
        .decodeIfPresent(String.self, forKey: .sheet)
      : nil
  }
}

/// A layout mapping of a catalog: its head at once, the whole mapping when it is first used.
///
/// The mappings built into the binary are known to decode (the tests decode every one, and
/// `gyosei mappings` checks them all), so a conversion decodes only the mapping it uses:
/// decoding the sixteen built-in files cost 110 M instructions in every process, most of a
/// small sheet's conversion. A file from a mappings directory or `--mapping` is decoded at
/// once, so that its mistakes are reported whether or not it is used.
final class MappingSlot: Sendable {
  let head: MappingHead
  private let file: String
  private let text: String
  private let decoded: Mutex<Result<SheetMappingFile, MappingError>?>

  init(_ mapping: SheetMappingFile, file: String) {
    head = MappingHead(mapping)
    self.file = file
    text = ""
    decoded = Mutex(.success(mapping))
  }

  init(deferred head: MappingHead, text: String, file: String) {
    self.head = head
    self.file = file
    self.text = text
    decoded = Mutex(nil)
  }

  /// The whole mapping, decoded once (the outcome, a failure too, is kept for later callers).
  func mapping() throws(MappingError) -> SheetMappingFile {
    let outcome = decoded.withLock { state -> Result<SheetMappingFile, MappingError> in
      if let state { return state }
      let outcome: Result<SheetMappingFile, MappingError>
      do throws(MappingError) {
        guard case .mapping(let mapping) = try MappingCatalog.decode(text, file: file) else {
          throw .invalidMapping(file: file, problem: "not a layout mapping")
        }
        outcome = .success(mapping)
      } catch {
        outcome = .failure(error)
      }
      state = outcome
      return outcome
    }
    return try outcome.get()
  }
}
