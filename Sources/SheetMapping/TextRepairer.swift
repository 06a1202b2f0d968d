import GyoseiModel
import SourceReaders

/// Applies a city's `TextRepairs` to a source table before it is mapped.
///
/// A cell's `raw` stays as read (provenance shows the source); its `text` and blocks get the
/// standard characters. Each repair and each doubtful word is a warning at its cell whose
/// `original` is the surrounding text as written.
struct TextRepairer {
  private let variants: [Unicode.Scalar: Unicode.Scalar]
  /// A bit per scalar value modulo 65,536 set for each variant: most scalars of a table are
  /// ruled out by one bit, not a dictionary lookup.
  private let variantBits: [UInt64]
  private let suspicious: [TextRepairs.SuspiciousWord]

  init(_ repairs: TextRepairs, municipality: MunicipalityCode) {
    var variants: [Unicode.Scalar: Unicode.Scalar] = [:]
    for (variant, standard) in repairs.variants {
      if let from = variant.unicodeScalars.first, let to = standard.unicodeScalars.first {
        variants[from] = to
      }
    }
    self.variants = variants
    var bits = [UInt64](repeating: 0, count: 1024)
    for scalar in variants.keys {
      let value = Int(scalar.value & 0xFFFF)
      bits[value >> 6] |= 1 << UInt64(value & 63)
    }
    variantBits = bits
    suspicious = repairs.lexicons.filter { $0.municipality == municipality }
      .flatMap(\.suspicious)
  }

  /// The table with variants replaced, and the warnings for each replacement and doubtful word.
  func repair(_ table: SourceTable) -> (table: SourceTable, warnings: [ConversionWarning]) {
    var table = table
    var warnings: [ConversionWarning] = []
    for rowIndex in table.rows.indices {
      for cellIndex in table.rows[rowIndex].cells.indices {
        var cell = table.rows[rowIndex].cells[cellIndex]
        guard !cell.isEmpty else { continue }
        if cell.text.unicodeScalars.contains(where: isVariant) {
          let scalars = Array(cell.text.unicodeScalars)
          for (offset, scalar) in scalars.enumerated() {
            guard let standard = variants[scalar] else { continue }
            warnings.append(
              ConversionWarning(
                .textVariantCharacter,
                message: "\(scalar) is a variant of \(standard); the text has \(standard)",
                at: cell.position,
                original: Self.context(scalars, offset, length: 1)))
          }
          cell.text = replaced(cell.text)
          cell.blocks = cell.blocks.map(replaced)
          table.rows[rowIndex].cells[cellIndex] = cell
        }
        var scalarsOfText: [Unicode.Scalar]?
        for word in suspicious where Self.holds(cell.text, word.word) {
          let scalars = scalarsOfText ?? Array(cell.text.unicodeScalars)
          scalarsOfText = scalars
          let wordScalars = Array(word.word.unicodeScalars)
          var offset = 0
          while let found = Self.find(wordScalars, in: scalars, from: offset) {
            warnings.append(
              ConversionWarning(
                .lexiconSuspiciousWord,
                message: "\(word.word) may be an OCR misreading of \(word.likely); kept as written",
                at: cell.position,
                original: Self.context(scalars, found, length: wordScalars.count)))
            offset = found + wordScalars.count
          }
        }
      }
    }
    return (table, warnings)
  }

  private func isVariant(_ scalar: Unicode.Scalar) -> Bool {
    // ASCII is never a variant; the bit rules out most of the rest.
    guard scalar.value >= 0x80 else { return false }
    let value = Int(scalar.value & 0xFFFF)
    guard variantBits[value >> 6] & (1 << UInt64(value & 63)) != 0 else { return false }
    return variants[scalar] != nil
  }

  /// Whether `text` holds `word`, by bytes: the scalars are compared only where it does.
  private static func holds(_ text: String, _ word: String) -> Bool {
    var text = text
    var word = word
    return text.withUTF8 { bytes in word.withUTF8 { ByteSearch.contains(bytes, $0) } }
  }

  private func replaced(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { result.append(variants[scalar] ?? scalar) }
    return String(result)
  }

  private func replaced(_ block: CellBlock) -> CellBlock {
    switch block {
    case .text(let text): return .text(replaced(text))
    case .paragraph(let text): return .paragraph(replaced(text))
    case .list(let ordered, let items): return .list(ordered: ordered, items: items.map(replaced))
    case .table(let rows): return .table(rows: rows.map { $0.map(replaced) })
    }
  }

  private static func find(_ word: [Unicode.Scalar], in scalars: [Unicode.Scalar], from: Int)
    -> Int?
  {
    guard !word.isEmpty, scalars.count >= word.count, from <= scalars.count - word.count else {
      return nil
    }
    for start in from...(scalars.count - word.count)
    where scalars[start] == word[0] && Array(scalars[start..<start + word.count]) == word {
      return start
    }
    return nil
  }

  /// Up to eight scalars either side of `offset..<offset+length`, as written.
  private static func context(_ scalars: [Unicode.Scalar], _ offset: Int, length: Int) -> String {
    let lower = max(0, offset - 8)
    let upper = min(scalars.count, offset + length + 8)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[lower..<upper])
    return String(view)
  }
}
