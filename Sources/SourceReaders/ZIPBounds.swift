/// Checks that every offset and length a ZIP archive's directory states lies inside its bytes,
/// before ZIPFoundation reads it: its in-memory reader traps on an offset past the end, and a
/// damaged or hostile workbook must be an error, not a crash.
///
/// Read as APPNOTE describes: the end-of-central-directory record (within the last 64 KB),
/// the central directory it points to, and each entry's local header and data. ZIP64 archives
/// (workbooks over 4 GB, which Excel does not write for a sheet gyosei can hold) are refused.
enum ZIPBounds {
  /// What is wrong with the archive's structure, or nil when every part is inside the bytes.
  static func problem(_ bytes: [UInt8]) -> String? {
    let count = bytes.count
    func uint16(_ offset: Int) -> Int { Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 }
    func uint32(_ offset: Int) -> Int { uint16(offset) | uint16(offset + 2) << 16 }
    guard count >= 22 else { return "the archive is shorter than its own directory record" }
    var end = -1
    var candidate = count - 22
    while candidate >= max(0, count - 22 - 65_535) {
      if bytes[candidate] == 0x50, bytes[candidate + 1] == 0x4B, bytes[candidate + 2] == 0x05,
        bytes[candidate + 3] == 0x06, candidate + 22 + uint16(candidate + 20) <= count
      {
        end = candidate
        break
      }
      candidate -= 1
    }
    guard end >= 0 else { return "the archive's directory record is missing (a truncated file?)" }
    let entries = uint16(end + 10)
    let directorySize = uint32(end + 12)
    let directoryOffset = uint32(end + 16)
    if entries == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
      return "a ZIP64 archive, which gyosei does not read"
    }
    guard directoryOffset + directorySize <= end else {
      return "the archive's directory lies outside the file (a truncated file?)"
    }
    var position = directoryOffset
    let directoryEnd = directoryOffset + directorySize
    for index in 0..<entries {
      guard position + 46 <= directoryEnd, uint32(position) == 0x0201_4B50 else {
        return "entry \(index + 1) of the archive's directory is damaged"
      }
      let flags = uint16(position + 8)
      let compressed = uint32(position + 20)
      let uncompressed = uint32(position + 24)
      let header = uint32(position + 42)
      if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || header == 0xFFFF_FFFF {
        return "a ZIP64 archive, which gyosei does not read"
      }
      position += 46 + uint16(position + 28) + uint16(position + 30) + uint16(position + 32)
      guard position <= directoryEnd else {
        return "entry \(index + 1) of the archive's directory runs past it"
      }
      guard header + 30 <= count, uint32(header) == 0x0403_4B50 else {
        return "entry \(index + 1) points to a local header outside the file or damaged"
      }
      var dataEnd = header + 30 + uint16(header + 26) + uint16(header + 28) + compressed
      if flags & 0x08 != 0 { dataEnd += 12 }  // the data descriptor after the data
      guard dataEnd <= count else {
        return "entry \(index + 1)'s data runs past the end of the file (a truncated file?)"
      }
    }
    return nil
  }
}
