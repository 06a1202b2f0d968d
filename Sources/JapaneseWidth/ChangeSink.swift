/// Where the folder reports its changes; the discarding sink compiles to nothing.
protocol ChangeSink {
  mutating func record(
    input: Range<Int>, output: Range<Int>, rule: WidthRule)
  func changes(
    input: UnsafeBufferPointer<UInt8>, output: UnsafeBufferPointer<UInt8>
  ) -> [WidthChange]
}

/// Keeps nothing: folding without `--explain` pays nothing for explanations.
struct DiscardingSink: ChangeSink {
  @inline(__always)
  mutating func record(input: Range<Int>, output: Range<Int>, rule: WidthRule) {}

  func changes(
    input: UnsafeBufferPointer<UInt8>, output: UnsafeBufferPointer<UInt8>
  ) -> [WidthChange] { [] }
}

/// Keeps every change as byte ranges, turned into text once the fold is done.
struct RecordingSink: ChangeSink {
  private var records: [(input: Range<Int>, output: Range<Int>, rule: WidthRule)] = []

  mutating func record(input: Range<Int>, output: Range<Int>, rule: WidthRule) {
    records.append((input, output, rule))
  }

  func changes(
    input: UnsafeBufferPointer<UInt8>, output: UnsafeBufferPointer<UInt8>
  ) -> [WidthChange] {
    records.map { record in
      WidthChange(
        offset: record.input.lowerBound,
        before: String(decoding: input[record.input], as: UTF8.self),
        after: String(decoding: output[record.output], as: UTF8.self),
        rule: record.rule)
    }
  }
}
