import Foundation

/// The files a command works on: files named directly, and the files of the wanted kinds found
/// (recursively, in sorted order) in directories named.
public enum InputFiles {
  /// Why an input could not be used: the file and what is wrong, in plain words.
  public struct Problem: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(description: String) {
      self.description = description
    }
  }

  /// Expands `arguments` into file paths; a missing path is a problem, not an empty result.
  public static func expand(_ arguments: [String], extensions: Set<String>) throws(Problem)
    -> [String]
  {
    var files: [String] = []
    let manager = FileManager.default
    for argument in arguments {
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
        throw Problem(description: "\(argument): no such file or directory")
      }
      if !isDirectory.boolValue {
        files.append(argument)
        continue
      }
      guard let walker = manager.enumerator(atPath: argument) else {
        throw Problem(description: "\(argument): the directory cannot be read")
      }
      var found: [String] = []
      while let relative = walker.nextObject() as? String {
        let path = (argument as NSString).appendingPathComponent(relative)
        let fileExtension = (relative as NSString).pathExtension.lowercased()
        var childIsDirectory: ObjCBool = false
        if extensions.contains(fileExtension),
          manager.fileExists(atPath: path, isDirectory: &childIsDirectory),
          !childIsDirectory.boolValue
        {
          found.append(path)
        }
      }
      if found.isEmpty {
        let kinds = extensions.sorted().map { "." + $0 }.joined(separator: ", ")
        throw Problem(description: "\(argument): the directory holds no \(kinds) files")
      }
      files.append(contentsOf: found.sorted())
    }
    return files
  }

  /// Reads a whole file, naming it and the reason in the error.
  public static func read(_ path: String) throws(Problem) -> [UInt8] {
    var isDirectory: ObjCBool = false
    let manager = FileManager.default
    guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw Problem(description: "\(path): no such file")
    }
    if isDirectory.boolValue {
      throw Problem(description: "\(path): is a directory, not a file")
    }
    guard let data = manager.contents(atPath: path) else {
      let reason = manager.isReadableFile(atPath: path) ? "cannot be read" : "permission denied"
      throw Problem(description: "\(path): \(reason)")
    }
    return [UInt8](data)
  }

  /// The last component of a path: the file's name.
  public static func fileName(_ path: String) -> String {
    (path as NSString).lastPathComponent
  }
}
