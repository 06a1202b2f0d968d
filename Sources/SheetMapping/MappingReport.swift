/// How much of a source file ended up in canonical fields: what `gyosei convert --report` prints.
public struct MappingReport: Hashable, Sendable {
  /// Non-empty cells read.
  public var cellsRead = 0
  /// Cells whose text feeds a canonical field, or that are the form's own labels.
  public var cellsMapped = 0
  /// Cells kept in `unmapped`.
  public var cellsUnmapped = 0
  /// Characters (unicode scalars) in all non-empty cells.
  public var characters = 0
  /// Characters in mapped cells.
  public var charactersMapped = 0
  /// Characters in unmapped cells.
  public var charactersUnmapped = 0

  public init() {}

  /// The share of characters in a field or in `unmapped`, in percent: 100 unless text was lost.
  public var accountedPercent: Double {
    characters == 0 ? 100 : Double(charactersMapped + charactersUnmapped) * 100 / Double(characters)
  }

  /// The share of characters in canonical fields, in percent.
  public var mappedPercent: Double {
    characters == 0 ? 100 : Double(charactersMapped) * 100 / Double(characters)
  }
}
