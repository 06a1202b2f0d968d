import Foundation
import Glibc

/// The one way gyosei writes files.
///
/// Each goes to a temporary file beside its target, synced to the disk, then renamed over the
/// target, and the directory synced; several files together are written all or none. A kill
/// leaves the old file or the new one, never half of one; a full disk leaves no output at all
/// and an error in plain words. (Should the second of two renames fail, the first file is
/// removed again: neither form is left, and an older file of that name is gone too.)
public enum OutputFile {
  /// A file that could not be written: which, and why, in words (never a framework's code).
  public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "cannot write \(path): \(reason)" }
  }

  /// Writes every file or none.
  ///
  /// - Throws: `WriteError` for the first file that fails; no target has changed then.
  public static func write(_ files: [(path: String, bytes: [UInt8])]) throws(WriteError) {
    var temporaries: [(temporary: String, path: String)] = []
    do throws(WriteError) {
      for file in files {
        let temporary = temporaryPath(for: file.path)
        temporaries.append((temporary, file.path))
        try writeSynced(file.bytes, to: temporary, shownAs: file.path)
      }
    } catch {
      for entry in temporaries { unlink(entry.temporary) }
      throw error
    }
    var renamed: [String] = []
    for entry in temporaries {
      guard rename(entry.temporary, entry.path) == 0 else {
        let reason = Self.reason(errno)
        // All or none: what was already put in place goes too.
        for rest in temporaries.dropFirst(renamed.count) { unlink(rest.temporary) }
        for path in renamed { unlink(path) }
        throw WriteError(path: entry.path, reason: reason)
      }
      renamed.append(entry.path)
    }
    for directory in Set(files.map { Self.directory(of: $0.path) }) {
      syncDirectory(directory)
    }
  }

  /// Writes one file.
  public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
    try write([(path, bytes)])
  }

  /// A hidden name in the target's directory (a rename does not cross file systems), unique
  /// to this process and call.
  static func temporaryPath(for path: String) -> String {
    let directory = directory(of: path)
    let name =
      path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init)
      ?? path
    let serial = counter.next()
    let prefix = directory == "." && !path.hasPrefix("./") ? "" : directory + "/"
    return prefix + ".\(name).gyosei-\(getpid())-\(serial).tmp"
  }

  static func directory(of path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
    let directory = String(path[..<slash])
    return directory.isEmpty ? "/" : directory
  }

  private static func writeSynced(_ bytes: [UInt8], to temporary: String, shownAs path: String)
    throws(WriteError)
  {
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw WriteError(path: path, reason: reason(errno, directoryOf: path))
    }
    var failure = writeAll(bytes, to: descriptor)
    if failure == nil && fsync(descriptor) != 0 { failure = errno }
    if close(descriptor) != 0 && failure == nil { failure = errno }
    if let failure {
      unlink(temporary)
      throw WriteError(path: path, reason: reason(failure))
    }
  }

  /// Writes all of `bytes` to an open descriptor (a file, standard output), through short
  /// writes and interruptions; the error number when it fails, nil when everything was written.
  public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
    bytes.withUnsafeBytes { buffer -> Int32? in
      guard let base = buffer.baseAddress else { return nil }
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return nil
    }
  }

  private static func syncDirectory(_ directory: String) {
    let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    close(descriptor)
  }

  /// An error number in plain words, with what to do where there is something to do.
  public static func reason(_ code: Int32, directoryOf path: String? = nil) -> String {
    switch code {
    case EPIPE: return "the pipe was closed (what reads the output stopped reading)"
    case ENOSPC: return "no space left on device; free some space and run again"
    case EDQUOT: return "the disk quota is used up; free some space and run again"
    case EACCES, EPERM:
      return path.map { "permission denied (the directory \(directory(of: $0)))" }
        ?? "permission denied"
    case ENOENT:
      return path.map { "the directory \(directory(of: $0)) does not exist" }
        ?? "no such file or directory"
    case ENOTDIR: return "a part of the path is a file, not a directory"
    case EISDIR: return "it is a directory"
    case EROFS: return "the file system is read-only"
    case EIO: return "an input/output error on the device"
    case ENAMETOOLONG: return "the file name is too long"
    default: return String(cString: strerror(code))
    }
  }

  /// Numbers the temporary files of this process.
  private static let counter = Counter()

  private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func next() -> Int {
      lock.lock()
      defer { lock.unlock() }
      value += 1
      return value
    }
  }
}
