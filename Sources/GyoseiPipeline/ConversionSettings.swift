import GyoseiModel
import SourceReaders

/// How sources are read: the mapping, the mappings directory, the reader, the encoding.
///
/// The defaults read every source as its extension says, with the encoding detected and the
/// mapping recognized among the installed ones.
public struct ConversionSettings: Sendable, Hashable {
  /// A mapping id of the installed mappings, or a `.yaml` file, that every sheet is read with.
  public var mapping: String?
  /// The directory of mapping files (default: found as `MappingFiles.locate` says).
  public var mappingsDirectory: String?
  /// Read text and table inputs as this, whatever their extension says.
  public var readAs: SourceFormat?
  /// The encoding of the inputs (default: detected; for XML the prolog's).
  public var encoding: TextEncoding?
  /// Replace bytes that do not decode with U+FFFD, each a warning, instead of failing.
  public var lossy: Bool

  public init(
    mapping: String? = nil, mappingsDirectory: String? = nil, readAs: SourceFormat? = nil,
    encoding: TextEncoding? = nil, lossy: Bool = false
  ) {
    self.mapping = mapping
    self.mappingsDirectory = mappingsDirectory
    self.readAs = readAs
    self.encoding = encoding
    self.lossy = lossy
  }
}
