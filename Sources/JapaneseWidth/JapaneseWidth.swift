/// Folds the widths of Japanese text in one pass over its UTF-8 bytes.
///
/// Full-width ASCII becomes ASCII; half-width katakana becomes full-width; the ideographic space,
/// the wave dash and dashes follow `WidthOptions`. Everything else, list markers included, is
/// copied as it is. The output is never longer than the input.
public enum JapaneseWidth {
  /// Folds `text` with `options`.
  public static func fold(_ text: String, options: WidthOptions = .standard) -> String {
    var sink = DiscardingSink()
    return foldString(text, options: options, sink: &sink).text
  }

  /// Folds `text` and lists every change with its byte offset in `text`, what it was, what it
  /// became and why.
  public static func foldExplained(
    _ text: String, options: WidthOptions = .standard
  ) -> (text: String, changes: [WidthChange]) {
    var sink = RecordingSink()
    return foldString(text, options: options, sink: &sink)
  }

  /// Folds UTF-8 bytes into `output`, which must have room for `input.count` bytes, and returns
  /// how many bytes it wrote.
  ///
  /// `input` must be valid UTF-8 ending on a scalar boundary; an incomplete sequence at the
  /// very end is copied unchanged.
  public static func fold(
    utf8 input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>,
    options: WidthOptions = .standard
  ) -> Int {
    var sink = DiscardingSink()
    return WidthFolder.run(input, output, options, &sink)
  }

  private static func foldString<Sink: ChangeSink>(
    _ text: String, options: WidthOptions, sink: inout Sink
  ) -> (text: String, changes: [WidthChange]) {
    var text = text
    text.makeContiguousUTF8()
    return text.utf8.withContiguousStorageIfAvailable { input in
      var changes: [WidthChange] = []
      let folded = String(unsafeUninitializedCapacity: max(input.count, 1)) { output in
        guard let outputBase = output.baseAddress else { return 0 }
        let written = WidthFolder.run(input, outputBase, options, &sink)
        changes = sink.changes(
          input: input, output: UnsafeBufferPointer(start: outputBase, count: written))
        return written
      }
      return (folded, changes)
    } ?? (text, [])
  }
}
