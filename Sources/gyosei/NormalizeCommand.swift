import ArgumentParser
import Emitters
import EraDates
import Foundation
import GyoseiPipeline
import JapaneseWidth
import ListMarkers
import Quantities
import SourceReaders

/// `gyosei normalize`: folds widths and reads list markers in text from files or standard input.
struct NormalizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "normalize",
    abstract: "Normalize Japanese text: widths, spaces, dashes, and (with --json) list markers.",
    discussion: """
      Reads UTF-8 text from the files named, or from standard input when none is named (or for \
      -), and writes it normalized, streaming, in constant memory. The policy: full-width ASCII \
      becomes ASCII; half-width katakana becomes full-width; U+3000 becomes a space; ～ and 〜 \
      become the range mark ~; dashes between digits become -; a dash after katakana becomes ー; \
      list markers (① ⑴ ㋐ 〇 ○) are never touched.
      --explain prints every change as FILE:LINE:COLUMN: 'before' -> 'after' (rule) instead of \
      the text. --json prints one JSON object per non-empty line (JSON Lines) with the \
      normalized text, its list items and marker findings (OCR-repaired markers, gaps, \
      duplicates), and the dates and quantities of the line as written, each with its ISO \
      rendering or value and unit; --fiscal-year places months and days (8/17, 8月末) in a year.
      Invalid UTF-8 is an error naming the byte offset (exit 1); --lossy replaces each bad \
      sequence with U+FFFD and warns on standard error.
      """
  )

  @Argument(help: "Text files; none, or -, for standard input.")
  var files: [String] = []

  @Flag(help: "List every change with its position and rule instead of printing the text.")
  var explain = false

  @Flag(help: "Print JSON Lines: per line, the text, its list items and findings.")
  var json = false

  @Flag(help: "Replace invalid UTF-8 with U+FFFD (warning for each) instead of failing.")
  var lossy = false

  @Option(
    help: ArgumentHelp(
      "The fiscal year (Gregorian, e.g. 2025) that places months and days without a year.",
      valueName: "year"))
  var fiscalYear: Int?

  func validate() throws {
    if explain && json { throw ValidationError("--explain and --json cannot be combined") }
    if let fiscalYear, !(1868...2200).contains(fiscalYear) {
      throw ValidationError("--fiscal-year takes a Gregorian year such as 2025, got \(fiscalYear)")
    }
  }

  func run() throws {
    let inputs = files.isEmpty ? ["-"] : files
    var failed = false
    for input in inputs {
      do {
        try normalize(input)
      } catch let failure as UTF8Check.Failure {
        Console.error(
          "\(displayName(input)): error: invalid UTF-8 at byte offset \(failure.offset): "
            + "\(failure.reason). Convert the file to UTF-8, or pass --lossy to replace bad bytes.")
        failed = true
      } catch let problem as InputFiles.Problem {
        Console.error("gyosei normalize: \(problem)")
        throw ExitCode(ExitStatus.usage)
      }
    }
    if failed { throw ExitCode(ExitStatus.failure) }
  }

  private func displayName(_ input: String) -> String { input == "-" ? "<stdin>" : input }

  private func normalize(_ input: String) throws {
    if input != "-" && !lossy {
      try prevalidate(input)  // a file that is not UTF-8 gives no output at all
    }
    let reader = try ChunkReader(path: input)
    defer { reader.close() }
    if !explain && !json && !lossy {
      try streamText(reader)
    } else {
      try streamLines(reader, name: displayName(input))
    }
  }

  private func prevalidate(_ path: String) throws {
    let reader = try ChunkReader(path: path)
    defer { reader.close() }
    var check = UTF8Check()
    while let chunk = try reader.next() {
      if let failure = check.check(chunk) { throw failure }
    }
    if let failure = check.finish() { throw failure }
  }

  private func streamText(_ reader: ChunkReader) throws {
    var check = UTF8Check()
    var stream = WidthFoldingStream()
    while let chunk = try reader.next() {
      if let failure = check.check(chunk) { throw failure }
      try Console.write(stream.fold(chunk))
    }
    if let failure = check.finish() { throw failure }
    try Console.write(stream.finish())
  }

  private func streamLines(_ reader: ChunkReader, name: String) throws {
    var pending: [UInt8] = []
    var lineNumber = 0
    var offset = 0
    func flushLine(_ bytes: ArraySlice<UInt8>) throws {
      lineNumber += 1
      let text = try decode(bytes, name: name, line: lineNumber, offset: offset)
      offset += bytes.count
      try emit(line: text, number: lineNumber, name: name)
    }
    while let chunk = try reader.next() {
      pending.append(contentsOf: chunk)
      var start = 0
      while let newline = pending[start...].firstIndex(of: 0x0A) {
        try flushLine(pending[start...newline])
        start = newline + 1
      }
      pending.removeFirst(start)
    }
    if !pending.isEmpty { try flushLine(pending[...]) }
  }

  /// Decodes one line; with --lossy, replaces each invalid sequence and warns.
  private func decode(
    _ bytes: ArraySlice<UInt8>, name: String, line: Int, offset: Int
  ) throws -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    guard lossy else {
      var check = UTF8Check()
      let failure =
        check.check(bytes) ?? check.finish()
        ?? UTF8Check.Failure(offset: 0, reason: "invalid UTF-8")
      throw UTF8Check.Failure(offset: offset + failure.offset, reason: failure.reason)
    }
    let (text, replaced) = UTF8Check.repair(bytes)
    for position in replaced {
      Console.error(
        "\(name):\(line): warning: invalid UTF-8 at byte offset \(offset + position) "
          + "replaced with U+FFFD")
    }
    return text
  }

  private func emit(line: String, number: Int, name: String) throws {
    let content = line.hasSuffix("\n") ? String(line.dropLast()) : line
    if explain {
      let (_, changes) = JapaneseWidth.foldExplained(content)
      // Changes come in offset order: count scalars once along the line, not from its start
      // for every change.
      var utf8 = content.utf8.makeIterator()
      var byteOffset = 0
      var scalarsBefore = 0
      for change in changes {
        while byteOffset < change.offset, let byte = utf8.next() {
          if byte & 0xC0 != 0x80 { scalarsBefore += 1 }
          byteOffset += 1
        }
        let column = scalarsBefore + 1
        try Console.out(
          "\(name):\(number):\(column): '\(change.before)' -> '\(change.after)' (\(change.rule.rawValue))"
        )
      }
      return
    }
    let folded = JapaneseWidth.fold(content)
    if json {
      guard !folded.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) else { return }
      let parse = ListMarkers.parse(folded)
      let record = LineFindings(
        file: name, line: number, text: folded, items: parse.items, findings: parse.findings,
        dates: EraDates.extract(content, fiscalYear: fiscalYear),
        quantities: Quantities.extract(content))
      try Console.write(try JSONEmitter.emitLine(value: record))
      return
    }
    try Console.write(Array((folded + (line.hasSuffix("\n") ? "\n" : "")).utf8))
  }
}

/// One line of `gyosei normalize --json`.
struct LineFindings: Encodable {
  var file: String
  var line: Int
  var text: String
  var items: [ListNode]
  var findings: [MarkerFinding]
  /// Dates found in the line as written (offsets are into the original line).
  var dates: [DateFinding]
  /// Quantities found in the line as written (offsets are into the original line).
  var quantities: [QuantityFinding]
}
