import Foundation
import TestSupport
import Testing

/// The map of the house is true: every file of `Sources/` imports only what ARCHITECTURE.md's
/// table lets its target import.
struct ArchitectureTests {
  /// The table's rows: target → the modules it may import.
  static func allowedImports() throws -> [String: Set<String>] {
    let text = String(decoding: try CorpusExamples.file("ARCHITECTURE.md"), as: UTF8.self)
    var table: [String: Set<String>] = [:]
    for line in text.split(separator: "\n") where line.hasPrefix("| `") {
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard cells.count >= 4 else { continue }
      let target = Self.names(in: cells[1]).first ?? ""
      var allowed = Set(Self.names(in: cells[3]))
      if cells[3].contains("Foundation") { allowed.insert("Foundation") }
      if cells[3].contains("the four normalizers") {
        allowed.formUnion(["JapaneseWidth", "ListMarkers", "EraDates", "Quantities"])
      }
      if cells[3].contains("everything above") {
        allowed.formUnion(table.values.flatMap { $0 })
        allowed.formUnion(table.keys)
        allowed.insert("Foundation")
      }
      table[target] = allowed
    }
    return table
  }

  /// The names written in backticks in a cell.
  static func names(in cell: String) -> [String] {
    cell.split(separator: "`", omittingEmptySubsequences: false).enumerated()
      .filter { $0.offset % 2 == 1 }.map { String($0.element) }
  }

  @Test("every import in Sources/ is one ARCHITECTURE.md allows its target")
  func imports() throws {
    let table = try Self.allowedImports()
    let sources = CorpusExamples.root.appendingPathComponent("Sources")
    let targets = try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted()
    var checked = 0
    for target in targets where target != "CLibXML2" {
      let allowed = try #require(table[target], "ARCHITECTURE.md has no row for \(target)")
      let directory = sources.appendingPathComponent(target)
      let walker = FileManager.default.enumerator(atPath: directory.path)
      while let file = walker?.nextObject() as? String {
        guard file.hasSuffix(".swift") else { continue }
        let text = try String(
          contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        for line in text.split(separator: "\n") where line.hasPrefix("import ") {
          let module = String(line.dropFirst("import ".count))
          #expect(
            allowed.contains(module), "\(target)/\(file) imports \(module), which the map forbids")
          checked += 1
        }
      }
    }
    #expect(checked > 100)
  }

  @Test("the normalizers and the model import nothing but the standard library and each other")
  func leaves() throws {
    let table = try Self.allowedImports()
    #expect(table["JapaneseWidth"] == [])
    #expect(table["GyoseiModel"] == [])
    #expect(table["TextEscaping"] == [])
    for normalizer in ["ListMarkers", "EraDates", "Quantities"] {
      #expect(table[normalizer] == ["JapaneseWidth"])
    }
  }
}
