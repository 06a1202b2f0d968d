import GRDB

/// One table `gyosei export` writes: a view of the store (`export_<name>`), its columns and its
/// rows, every value with its SQLite type kept (numbers stay numbers).
public struct ExportTable: Sendable {
  /// A value of a row.
  public enum Value: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
  }

  /// The table's name (`observations`), which names its file or its sheet.
  public var name: String
  public var columns: [String]
  public var rows: [[Value]]

  public init(name: String, columns: [String], rows: [[Value]]) {
    self.name = name
    self.columns = columns
    self.rows = rows
  }
}

extension ComparisonStore {
  /// The tables `gyosei export` writes, in order.
  public static var exportTableNames: [String] { StoreSchema.exportTables }

  /// The rows of each table in `names` (all of them when empty), read in one transaction so
  /// that they agree with each other.
  ///
  /// - Throws: `StoreError` for a name that is not an export table (the message lists them).
  public func exportTables(_ names: [String] = []) throws -> [ExportTable] {
    let chosen = names.isEmpty ? StoreSchema.exportTables : names
    if let unknown = chosen.first(where: { !StoreSchema.exportTables.contains($0) }) {
      throw StoreError(
        message: "there is no table \(unknown) to export; the tables are "
          + StoreSchema.exportTables.joined(separator: ", "))
    }
    do {
      return try read { db in try Self.rows(of: chosen, in: db) }
    } catch let error as DatabaseError {
      throw StoreError(message: "the store cannot be read: \(error.message ?? "\(error)")")
    }
  }

  private static func rows(of chosen: [String], in db: Database) throws -> [ExportTable] {
    try chosen.map { name in
      let statement = try db.makeStatement(sql: "SELECT * FROM export_\(name)")
      let columns = statement.columnNames
      var rows: [[ExportTable.Value]] = []
      let cursor = try Row.fetchCursor(statement)
      while let row = try cursor.next() {
        rows.append(
          (0..<columns.count).map { index in
            switch (row[index] as DatabaseValue).storage {
            case .null: return .null
            case .int64(let value): return .integer(value)
            case .double(let value): return .real(value)
            case .string(let text): return .text(text)
            case .blob: return .null
            }
          })
      }
      return ExportTable(name: name, columns: columns, rows: rows)
    }
  }
}
