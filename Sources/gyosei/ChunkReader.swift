import Foundation
import GyoseiPipeline

/// Reads a file or standard input in fixed-size chunks, so memory stays constant.
struct ChunkReader {
  static let chunkSize = 1 << 16
  private let handle: FileHandle
  private let closesHandle: Bool

  /// Opens `path`, or standard input for `-`.
  init(path: String) throws {
    if path == "-" {
      handle = FileHandle.standardInput
      closesHandle = false
    } else {
      guard let opened = FileHandle(forReadingAtPath: path) else {
        throw InputFiles.Problem(description: "\(path): cannot be read")
      }
      handle = opened
      closesHandle = true
    }
  }

  /// The next chunk of `chunkSize` bytes (fewer only at the end), or `nil` at the end.
  ///
  /// A pipe's smaller reads are joined. The bytes come in an array, which the checks and folds
  /// read at full speed (a `Data`'s iterator is a call per byte).
  func next() throws -> [UInt8]? {
    var bytes: [UInt8] = []
    while bytes.count < Self.chunkSize {
      guard let data = try handle.read(upToCount: Self.chunkSize - bytes.count), !data.isEmpty
      else { break }
      data.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
    return bytes.isEmpty ? nil : bytes
  }

  func close() {
    if closesHandle { try? handle.close() }
  }
}
