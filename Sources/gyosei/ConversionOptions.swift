import ArgumentParser
import GyoseiModel
import GyoseiPipeline
import SourceReaders

/// The options that say how source sheets are read: shared by `convert`, `validate --source`
/// and `check`.
struct ConversionOptions: ParsableArguments {
  @Option(help: "The mapping to read sheets with: an id from Mappings/, or a .yaml file.")
  var mapping: String?

  @Option(help: "The directory of mapping files (default: Mappings/, found as the README says).")
  var mappings: String?

  /// How to read inputs whose extension does not say (Excel's "Unicode text" is a `.txt`).
  enum ReadAs: String, ExpressibleByArgument, CaseIterable {
    case pdfText = "pdf-text"
    case tab
    case csv

    var format: SourceFormat {
      switch self {
      case .pdfText: return .pdfText
      case .tab: return .tabTable
      case .csv: return .csvTable
      }
    }
  }

  @Option(
    name: .customLong("read-as"),
    help: ArgumentHelp(
      "Read the .txt, .tsv and .csv inputs as pdf-text (text extracted from PDFs, a line per "
        + "row), tab or csv (spreadsheet exports with Excel's quoting), whatever their extension "
        + "says; for Excel's \"Unicode text\" saved as .txt, pass tab."))
  var readAs: ReadAs?

  @Option(
    help: ArgumentHelp(
      "The encoding of the .txt, .tsv, .csv and .xml inputs: utf-8, utf-16le, utf-16be, cp932 "
        + "(shift_jis) or euc-jp (default: detected, for XML the prolog's; the one used is "
        + "recorded in each document's source)."))
  var encoding: TextEncoding?

  @Flag(
    help: ArgumentHelp(
      "Replace bytes that do not decode with U+FFFD instead of failing; each replacement is a "
        + "warning (encoding.replaced) with its byte offset. Text and table inputs only: XML "
        + "exports are always decoded strictly."))
  var lossy = false

  /// The settings these options give the pipeline.
  var settings: ConversionSettings {
    ConversionSettings(
      mapping: mapping, mappingsDirectory: mappings, readAs: readAs?.format, encoding: encoding,
      lossy: lossy)
  }
}

extension TextEncoding: ExpressibleByArgument {
  public init?(argument: String) {
    self.init(name: argument)
  }

  public static var allValueStrings: [String] {
    ["utf-8", "utf-16le", "utf-16be", "cp932", "euc-jp"]
  }
}
