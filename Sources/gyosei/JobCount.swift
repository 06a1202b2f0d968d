import ArgumentParser
import Foundation

/// How many inputs are converted at once (`--jobs N`): by default one per core.
struct JobCount: ExpressibleByArgument, Sendable, Equatable {
  let value: Int

  init(_ value: Int) {
    self.value = max(1, value)
  }

  init?(argument: String) {
    guard let value = Int(argument), value >= 1, value <= 1024 else { return nil }
    self.value = value
  }

  /// One job per core the process may use.
  static var cores: JobCount { JobCount(ProcessInfo.processInfo.activeProcessorCount) }

  var defaultValueDescription: String { "the number of cores" }

  /// The items in runs of `value`: each run is worked on at once, and its results handled
  /// (written, printed) before the next starts, so memory holds `value` results at most.
  func runs<Item>(_ items: [Item]) -> [ArraySlice<Item>] {
    stride(from: 0, to: items.count, by: value).map {
      items[$0..<min($0 + value, items.count)]
    }
  }

  /// `body` applied to every item of a run at once, the results in the items' order: the same
  /// results, in the same order, whatever the number of jobs.
  func map<Item: Sendable, Result: Sendable>(
    _ items: ArraySlice<Item>, _ body: @Sendable (Item) -> Result
  ) -> [Result] {
    let items = Array(items)
    guard value > 1, items.count > 1 else { return items.map(body) }
    let results = ResultSlots<Result>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
      results.set(index, body(items[index]))
    }
    return results.values
  }
}

/// The results of a parallel map, each written once by its own job.
private final class ResultSlots<Result: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Result?]

  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  func set(_ index: Int, _ value: Result) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  var values: [Result] { slots.compactMap { $0 } }
}
