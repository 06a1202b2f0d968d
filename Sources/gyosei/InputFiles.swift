import Foundation

/// The files a command works on: files named directly, and the files of the wanted kinds found
/// (recursively, in sorted order) in directories named.
struct InputFiles {
  /// Why an input could not be used.
  struct Problem: Error, CustomStringConvertible {
    var description: String
  }

  /// Expands `arguments` into file paths; a missing path is a problem, not an empty result.
  static func expand(_ arguments: [String], extensions: Set<String>) throws -> [String] {
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

  /// Reads a whole file, naming it in the error.
  static func read(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Problem(description: "\(path): cannot be read")
    }
    return [UInt8](data)
  }
}
