/// Whether UTF-8 bytes hold a run of bytes: the one substring search of label keys and the
/// patterns' prefilter (folded text, so equal text is equal bytes; no Foundation search by
/// grapheme clusters).
enum ByteSearch {
  /// Whether `bytes` hold `needle`, by Boyer–Moore–Horspool.
  ///
  /// The window moves by how far the byte under its last position is from the needle's end,
  /// most often the needle's whole length: a recognition label searched through the megabytes
  /// of a workbook's cells looks at a few bytes in every label's length.
  static func contains(
    _ bytes: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    guard !needle.isEmpty else { return true }
    guard needle.count <= bytes.count else { return false }
    let end = needle.count - 1
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { shifts in
      shifts.initialize(repeating: needle.count)
      for index in 0..<end { shifts[Int(needle[index])] = end - index }
      let lastByte = needle[end]
      var start = 0
      let lastStart = bytes.count - needle.count
      while start <= lastStart {
        let byte = bytes[start + end]
        if byte == lastByte {
          var offset = 0
          while offset < end && bytes[start + offset] == needle[offset] { offset += 1 }
          if offset == end { return true }
        }
        start += shifts[Int(byte)]
      }
      return false
    }
  }
}
