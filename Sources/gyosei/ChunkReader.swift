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

  /// The next chunk, or `nil` at the end.
  func next() throws -> Data? {
    let data = try handle.read(upToCount: Self.chunkSize) ?? Data()
    return data.isEmpty ? nil : data
  }

  func close() {
    if closesHandle { try? handle.close() }
  }
}
