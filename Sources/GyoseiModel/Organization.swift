/// A department (部局) and the sections (課・課所) under it that are responsible for something.
public struct Organization: Hashable, Sendable, Codable {
  /// The 部局, for example 健康こども未来部; absent when only sections are named.
  public var department: String?
  /// The 課 or 課所 in the order the source lists them.
  public var sections: [String]

  public init(department: String? = nil, sections: [String] = []) {
    self.department = department
    self.sections = sections
  }
}
