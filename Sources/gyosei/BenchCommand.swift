import ArgumentParser
import EraDates
import Foundation
import JapaneseWidth

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
  }

  @Argument(help: "The normalizer: \(Normalizer.allCases.map(\.rawValue).joined(separator: ", ")).")
  var normalizer: Normalizer

  @Argument(help: "A UTF-8 text file.")
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
    Console.out(
      String(
        format: "%@ %.1f MB: best %.1f MB/s, median %.1f MB/s (%d runs, %d %@)",
        normalizer.rawValue, megabytes, best, median, runs, written,
        normalizer == .width ? "bytes out" : "findings"))
  }
}
