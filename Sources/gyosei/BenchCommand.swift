import ArgumentParser
import EraDates
import Foundation
import JapaneseWidth
import Quantities
import SourceReaders
import Validation

/// `gyosei bench`: measures the normalizers' throughput on a file, for the Benchmarks/ harness.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure a normalizer's throughput on a file (use a release build).",
    discussion: """
      Reads the whole file into memory, runs the normalizer over it --runs times on one thread, \
      and prints the best and median throughput in MB/s (10^6 bytes per second of input). \
      Benchmarks/run.sh builds a 50 MB corpus and compares with other tools.
      """
  )

  /// Which normalizer to measure.
  enum Normalizer: String, ExpressibleByArgument, CaseIterable {
    case width
    case dates
    case quantities
    case dateLines = "date-lines"
    case kanjiLines = "kanji-lines"
    /// Decoding a file in a legacy encoding (detected) to UTF-8.
    case decode
    /// Validating a canonical document (JSON or XML) against its schema.
    case validate
  }

  @Argument(help: "The normalizer: \(Normalizer.allCases.map(\.rawValue).joined(separator: ", ")).")
  var normalizer: Normalizer

  @Argument(
    help: ArgumentHelp(
      "A UTF-8 text file (for decode: a file in any encoding gyosei reads; for validate: a "
        + "canonical document)."))
  var file: String

  @Option(help: "How many timed runs.")
  var runs = 5

  func run() throws {
    guard let data = FileManager.default.contents(atPath: file) else {
      Console.error("gyosei bench: \(file): cannot be read")
      throw ExitCode(ExitStatus.usage)
    }
    guard runs > 0 else {
      Console.error("gyosei bench: --runs must be at least 1")
      throw ExitCode(ExitStatus.usage)
    }
    let input = [UInt8](data)
    if normalizer == .dateLines || normalizer == .kanjiLines {
      try benchLines(String(decoding: input, as: UTF8.self))
      return
    }
    let validator = normalizer == .validate ? DocumentValidator() : nil
    var output = [UInt8](repeating: 0, count: input.count)
    var seconds: [Double] = []
    var written = 0
    for _ in 0..<runs {
      let clock = ContinuousClock()
      let elapsed = clock.measure {
        written = input.withUnsafeBufferPointer { source in
          switch normalizer {
          case .width:
            return output.withUnsafeMutableBufferPointer { target in
              guard let base = target.baseAddress else { return 0 }
              return JapaneseWidth.fold(utf8: source, into: base)
            }
          case .dates:
            return EraDates.extract(utf8: source, fiscalYear: 2025).count
          case .quantities:
            return Quantities.extract(utf8: source).count
          case .decode:
            return (try? TextDecoder.decode(input, fileName: file).text.count) ?? 0
          case .validate:
            return validator?.validate(input, file: file).count ?? 0
          case .dateLines, .kanjiLines:
            return 0
          }
        }
      }
      seconds.append(
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    seconds.sort()
    let megabytes = Double(input.count) / 1e6
    let best = megabytes / seconds[0]
    let median = megabytes / seconds[seconds.count / 2]
    try Console.out(
      String(
        format: "%@ %.1f MB: best %.1f MB/s, median %.1f MB/s (%ld runs, %ld %@)",
        normalizer.rawValue, megabytes, best, median, runs, written,
        normalizer == .width || normalizer == .decode
          ? "bytes out" : normalizer == .validate ? "issues" : "findings"))
  }

  /// Times parsing each line on its own (the forms other tools support, one per line), and
  /// prints lines per second and a checksum of the values to compare with theirs.
  private func benchLines(_ text: String) throws {
    let lines = text.split(separator: "\n").map(String.init)
    var checksum = 0
    var seconds: [Double] = []
    for _ in 0..<runs {
      var sum = 0
      let elapsed = ContinuousClock().measure {
        for line in lines {
          switch normalizer {
          case .dateLines:
            let iso = EraDates.parse(line)?.iso ?? ""
            sum &+= iso.utf8.count
          default:
            let value = KanjiNumeral.value(of: line.unicodeScalars.map(\.value)) ?? 0
            sum &+= value
          }
        }
      }
      checksum = sum
      seconds.append(
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    seconds.sort()
    try Console.out(
      String(
        format: "%@ %ld lines: best %.0f lines/s, median %.0f lines/s (checksum %ld)",
        normalizer.rawValue, lines.count, Double(lines.count) / seconds[0],
        Double(lines.count) / seconds[seconds.count / 2], checksum))
  }
}
