import ArgumentParser
import Foundation
import Glibc

/// How far a command over many files has come, on standard error: a bar redrawn in place on a
/// terminal (files done of the total, megabytes, MB/s and the time left), a plain line every
/// few seconds in a log (`GYOSEI_PROGRESS_SECONDS`, default 10; 0 prints one per file; set, it
/// asks for these lines on a terminal too), and nothing with `--quiet`.
///
/// The bar lives on the last line: before the command prints a line it calls `erase`, and the
/// next `advance` draws the bar again below that line.
final class ProgressDisplay {
  enum Style: Equatable {
    case bar
    /// A line each time `interval` seconds have passed since the last.
    case lines(interval: Double)
    case none
  }

  private let command: String
  private let style: Style
  private let total: Int
  private let totalBytes: Int
  /// Each file's size, read once when the work starts.
  private let sizes: [String: Int]
  private var done = 0
  private var doneBytes = 0
  private let clock = ContinuousClock()
  private let start: ContinuousClock.Instant
  private var lastShown: ContinuousClock.Instant
  private var barShown = false

  /// - Parameters:
  ///   - command: the name shown (`convert`, `check`, …).
  ///   - files: the files the command will work through; their sizes are the megabytes.
  init(_ command: String, files: [String], quiet: Bool) {
    self.command = command
    style = quiet ? .none : Self.style(environment: ProcessInfo.processInfo.environment)
    total = files.count
    var sizes: [String: Int] = [:]
    if style != .none {
      for file in files { sizes[file] = Self.size(of: file) }
    }
    self.sizes = sizes
    totalBytes = files.reduce(0) { $0 + (sizes[$1] ?? 0) }
    start = clock.now
    lastShown = start
  }

  /// The bar when standard error is a terminal that can redraw a line, plain lines otherwise.
  static func style(environment: [String: String]) -> Style {
    if isatty(STDERR_FILENO) == 1, environment["TERM"] != "dumb",
      environment["GYOSEI_PROGRESS_SECONDS"] == nil
    {
      return .bar
    }
    let interval = environment["GYOSEI_PROGRESS_SECONDS"].flatMap(Double.init) ?? 10
    return .lines(interval: max(0, interval))
  }

  private static func size(of path: String) -> Int {
    var status = stat()
    return stat(path, &status) == 0 ? Int(status.st_size) : 0
  }

  /// One more file done (its size when the work started counts towards the megabytes).
  func advance(_ file: String) {
    done += 1
    doneBytes += sizes[file] ?? 0
    let now = clock.now
    switch style {
    case .none:
      return
    case .bar:
      // Redrawn at most ten times a second, and always for the last file.
      guard barShown == false || now - lastShown >= .milliseconds(100) || done == total
      else { return }
      lastShown = now
      draw()
    case .lines(let interval):
      guard seconds(now - lastShown) >= interval, done < total else { return }
      lastShown = now
      Console.error("gyosei \(command): " + summary(bar: false))
    }
  }

  /// Erases the bar, so that the command's own line can be printed; the next `advance` draws
  /// it again.
  func erase() {
    guard barShown else { return }
    Console.status("\r\u{1B}[K")
    barShown = false
  }

  /// The work is over: the bar goes, the summary of the command follows.
  func finish() {
    erase()
  }

  private func draw() {
    guard done < total else {
      erase()
      return
    }
    let width = 20
    let filled = total == 0 ? 0 : width * done / total
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    Console.status("\r\u{1B}[K\(command) [\(bar)] " + summary(bar: true))
    barShown = true
  }

  /// `412/1000  30.2/74.0 MB  1.5 MB/s  0:29 left` for the bar; for a log line
  /// `412 of 1000 files, 30.2 of 74.0 MB, 1.5 MB/s, about 0:29 left`.
  private func summary(bar: Bool) -> String {
    let elapsed = seconds(clock.now - start)
    let (done, total) = (Self.megabytes(doneBytes), Self.megabytes(totalBytes))
    var parts =
      bar
      ? ["\(self.done)/\(self.total)", "\(done)/\(total) MB"]
      : ["\(self.done) of \(self.total) files", "\(done) of \(total) MB"]
    if elapsed >= 0.5, doneBytes > 0 {
      let rate = Double(doneBytes) / elapsed
      let left = Self.clockTime(Double(totalBytes - doneBytes) / rate)
      parts.append("\(Self.megabytes(Int(rate))) MB/s")
      parts.append(bar ? "\(left) left" : "about \(left) left")
    }
    return parts.joined(separator: bar ? "  " : ", ")
  }

  private func seconds(_ duration: Duration) -> Double {
    let (whole, fraction) = duration.components
    return Double(whole) + Double(fraction) * 1e-18
  }

  /// Megabytes with one decimal.
  static func megabytes(_ bytes: Int) -> String {
    let tenths = (bytes + 52_428) / 104_858
    return "\(tenths / 10).\(tenths % 10)"
  }

  /// `0:29`, `12:05`, `1:02:03`.
  static func clockTime(_ seconds: Double) -> String {
    let whole = seconds.isFinite ? Int(seconds.rounded()) : 0
    let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
    let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
    return hours > 0
      ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))"
  }
}

/// `--quiet`, for the commands that show their progress.
struct ProgressOptions: ParsableArguments {
  @Flag(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Show no progress (on a terminal a bar on standard error; in a log a line every "
        + "GYOSEI_PROGRESS_SECONDS, default 10)."))
  var quiet = false
}

/// The end summaries' lists: the files that failed, the warnings by code.
enum EndSummary {
  /// The first ten files, then how many more.
  static func files(_ files: [String]) -> String {
    let shown = files.prefix(10).joined(separator: ", ")
    return files.count > 10 ? shown + " and \(files.count - 10) more" : shown
  }

  /// `contents.unlabeled 12, date.ambiguous 3`: codes by count, the most frequent first.
  static func codes(_ counts: [String: Int]) -> String {
    counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
      .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
  }
}
