/// Whether UTF-8 bytes hold a run of bytes: the one substring search of label keys and the
/// patterns' prefilter (folded text, so equal text is equal bytes; no Foundation search by
/// grapheme clusters).
enum ByteSearch {
  static func contains(
    _ bytes: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    guard let first = needle.first else { return true }
    guard needle.count <= bytes.count else { return false }
    // The needle's last byte is tested first: in Japanese UTF-8 it is a continuation byte
    // (64 values), where the first is a lead byte that a third of all bytes share.
    let end = needle.count - 1
    let lastByte = needle[end]
    var index = 0
    let last = bytes.count - needle.count
    while index <= last {
      if bytes[index + end] == lastByte && bytes[index] == first {
        var offset = 1
        while offset < needle.count && bytes[index + offset] == needle[offset] { offset += 1 }
        if offset == needle.count { return true }
      }
      index += 1
    }
    return false
  }
}
