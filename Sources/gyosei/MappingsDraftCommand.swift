import ArgumentParser
import Foundation
import GyoseiModel
import GyoseiPipeline
import SheetMapping
import SourceReaders

/// `gyosei mappings draft FILE`: a first mapping for a sheet no mapping recognizes, tried on
/// the sheet before it is written.
struct MappingsDraftCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "draft",
    abstract: "Draft a first mapping for a sheet that no mapping recognizes.",
    discussion: """
      Reads the sheet, looks for the form words of Mappings/draft-vocabulary.yaml (the labels \
      of labelled rows, the header rows of tables, the kinds of an indicator table's rows), \
      the title line and where the fiscal year is, the numbered headings that repeat and the \
      bulleted lists, picks the family the sheet resembles most (objective-sheet, \
      policy-evaluation or reform-action-program), and writes a commented mapping: every \
      label with the line and cell it was found in, every guess marked GUESS, every part it \
      did not find marked NOT FOUND. Then it tries the draft: loads it, converts the sheet \
      with it and checks the document, and says what landed (records, warnings, unmapped \
      cells). Read the draft against the sheet, then: gyosei convert FILE --mapping \
      DRAFT.yaml --out out --report.
      Exit status: 0 the draft converts the sheet to a valid document, 1 the draft was \
      written but does not load, convert or validate yet (what is missing is said), 2 usage \
      (the file cannot be read, a wrong option).
      """
  )

  @Argument(help: "The sheet: PDF text, a tab/CSV table, an .xlsx workbook (its first sheet).")
  var file: String

  @Option(help: "The municipality's name, as the documents will record it (上田市).")
  var name: String

  @Option(
    help: "The municipality's 全国地方公共団体コード: six digits with the check digit.",
    transform: MunicipalityCode.argument)
  var code: MunicipalityCode

  @Option(help: "The prefecture (長野県).")
  var prefecture: String?

  @Option(
    help: ArgumentHelp(
      "The family to draft (objective-sheet, policy-evaluation, reform-action-program); "
        + "default: the one the sheet resembles most."))
  var family: DocumentFamily?

  @Option(
    name: .customLong("fiscal-year"),
    help: "The fiscal year, when neither the sheet nor its file name says it (2024).")
  var fiscalYear: Int?

  @Option(help: "The mapping's id (default: draft- and the file's name without its extension).")
  var id: String?

  @Option(name: .shortAndLong, help: "Write the draft to this file (default: standard output).")
  var out: String?

  @Option(help: "A directory of mapping files that overlays the built-in ones.")
  var mappings: String?

  @Option(help: "The encoding of a text or table input (default: detected).")
  var encoding: TextEncoding?

  @Option(
    name: .customLong("read-as"),
    help: "Read the input as pdf-text, tab or csv, whatever its extension says.")
  var readAs: ConversionOptions.ReadAs?

  func validate() throws {
    if let family, !DraftVocabulary.draftable.contains(family) {
      throw ValidationError(
        "--family \(family.rawValue): gyosei drafts "
          + DraftVocabulary.draftable.map(\.rawValue).joined(separator: ", ")
          + "; for a \(family.rawValue), start from an installed mapping (gyosei mappings)")
    }
    if let fiscalYear, !(1868...2200).contains(fiscalYear) {
      throw ValidationError("--fiscal-year \(fiscalYear): not a fiscal year (1868–2200)")
    }
  }

  func run() throws {
    let outputName = out ?? "draft.yaml"
    let result: MappingDrafting.Result
    do {
      let bytes = try InputFiles.read(file)
      result = try MappingDrafting.draft(
        file, bytes: bytes,
        request: MappingDrafting.Request(
          publisher: MappingDraft.Publisher(name: name, prefecture: prefecture, code: code),
          family: family, fiscalYear: fiscalYear, id: id, outputName: outputName),
        settings: ConversionSettings(
          mappingsDirectory: mappings, readAs: readAs?.format, encoding: encoding))
    } catch let error as InputFiles.Problem {
      Console.error("gyosei mappings draft: \(error)")
      throw ExitCode(ExitStatus.usage)
    } catch {
      Console.error("\(file): \(error)")
      throw ExitCode(ExitStatus.usage)
    }
    if let out {
      // The directory it goes in is made, as `convert --out` makes its own.
      let directory = (out as NSString).deletingLastPathComponent
      if !directory.isEmpty {
        try OutputDirectory.make(
          directory, command: "gyosei mappings draft", purpose: " for \(out)")
      }
      do {
        try OutputFile.write(Array(result.yaml.utf8), to: out)
      } catch {
        Console.error("gyosei mappings draft: \(error)")
        throw ExitCode(ExitStatus.usage)
      }
    } else {
      try Console.write(Array(result.yaml.utf8))
    }
    for line in Self.summary(result, file: file) { Console.error(line) }
    switch result.trial {
    case .converts(_, _, _, let errors) where errors.isEmpty:
      if let out {
        Console.error(
          "wrote \(out); read it against the sheet, then: gyosei convert \(file) --mapping "
            + "\(out) --out out --report")
      }
    default:
      if let out { Console.error("wrote \(out), which needs the work above before it converts") }
      throw ExitCode(ExitStatus.failure)
    }
  }

  /// What the draft found and how it fared, for standard error.
  static func summary(_ result: MappingDrafting.Result, file: String) -> [String] {
    let draft = result.draft
    let scores = draft.scores.filter { $0.score > 0 }.map { "\($0.family.rawValue) \($0.score)" }
    var lines = [
      "\(file): drafted as the family \(draft.family.rawValue)"
        + (scores.isEmpty ? "" : " (scores: " + scores.joined(separator: ", ") + ")")
    ]
    var found: [String] = []
    if !draft.labels.isEmpty { found.append("\(draft.labels.count) labelled cells") }
    for place in DraftVocabulary.Place.allCases {
      let rows = draft.headerRows.filter { $0.place == place }
      guard let first = rows.first else { continue }
      let records = rows.reduce(0) { $0 + $1.records }
      found.append(
        (rows.count == 1
          ? "a \(place.rawValue) header on line \(first.line)"
          : "\(rows.count) \(place.rawValue) headers from line \(first.line)")
          + " (" + MappingDraft.count(records, "row") + " under "
          + (rows.count == 1 ? "it)" : "them)"))
    }
    if let title = draft.writtenTitleLine { found.append("the title on line \(title.line)") }
    switch draft.fiscalYear {
    case .titleLine: found.append("the fiscal year in the title")
    case .line(_, let line, _): found.append("the fiscal year on line \(line)")
    case .fileName: found.append("the fiscal year in the file's name (a guess)")
    case .fixed(let year): found.append("fiscal year \(year) as given")
    case .unknown: break
    }
    for heading in draft.writtenHeadings {
      found.append(
        "a numbered heading on " + MappingDraft.count(heading.lines.count, "line")
          + " (from line \(heading.lines[0]))")
    }
    if let list = draft.writtenBulletList {
      found.append("a list of \(list.lines.count) bulleted lines")
    }
    lines.append("  found: " + (found.isEmpty ? "nothing it knows" : found.joined(separator: "; ")))
    for gap in draft.gaps { lines.append("  not found: " + gap) }
    switch result.trial {
    case .doesNotLoad(let problem):
      lines.append("  the draft does not load yet: \(problem)")
    case .doesNotConvert(let problem):
      lines.append("  the draft loads; the sheet does not convert with it: \(problem)")
    case .converts(let records, let document, let report, let errors):
      let counts = records.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
      lines.append(
        "  tried: converts to a document with "
          + (counts.isEmpty ? "no records" : counts.joined(separator: ", "))
          + "; " + MappingDraft.count(document.warnings.count, "warning") + ", "
          + MappingDraft.count(document.unmapped.count, "unmapped cell") + "; "
          + "\(report.cellsMapped) of \(report.cellsRead) cells in fields")
      if errors.isEmpty {
        lines.append("  the document is valid")
      } else {
        lines.append(
          "  the document is not valid yet (\(errors.count) errors), the first: "
            + errors[0].message)
      }
    }
    return lines
  }
}

extension MunicipalityCode {
  /// A code given on the command line, or an error that says what is wrong with it (its
  /// check digit, its prefecture).
  static func argument(_ text: String) throws -> MunicipalityCode {
    guard let code = MunicipalityCode(text) else {
      throw ValidationError(MunicipalityCode.validationProblem(text) ?? "not a municipality code")
    }
    return code
  }
}

extension DocumentFamily: ExpressibleByArgument {}
