import EraDates
import GyoseiModel
import JapaneseWidth
import ListMarkers
import Quantities
import SourceReaders

/// Turns the pieces of a field into list items: markers and levels from `ListMarkers`, periods
/// from `EraDates`, quantities from `Quantities`, each finding kept as a warning at its cell.
struct ListReading {
  /// What else to read out of each item's text.
  struct Extraction: Hashable, Sendable {
    /// Periods, with month-day dates placed in this fiscal year; nil reads none.
    var periodsInFiscalYear: Int?
    /// Quantities with their units.
    var quantities: Bool

    static let none = Extraction(periodsInFiscalYear: nil, quantities: false)
    static func periods(fiscalYear: Int) -> Extraction {
      Extraction(periodsInFiscalYear: fiscalYear, quantities: false)
    }
    static func periodsAndQuantities(fiscalYear: Int) -> Extraction {
      Extraction(periodsInFiscalYear: fiscalYear, quantities: true)
    }
  }

  /// The pieces joined with a space, as one text, and where each piece starts in it (in UTF-8
  /// bytes, as the normalizers count offsets).
  let pieces: [FieldPiece]
  let text: String
  private let starts: [Int]

  init(_ pieces: [FieldPiece]) {
    self.pieces = pieces
    var starts: [Int] = []
    var offset = 0
    for piece in pieces {
      starts.append(offset)
      offset += piece.text.utf8.count + 1
    }
    self.starts = starts
    self.text = pieces.map(\.text).joined(separator: " ")
  }

  /// The piece holding byte `offset` of the joined text.
  func piece(at offset: Int) -> FieldPiece? {
    guard !pieces.isEmpty else { return nil }
    var index = 0
    while index + 1 < starts.count && starts[index + 1] <= offset { index += 1 }
    return pieces[index]
  }

  /// The list the joined text makes, its marker findings recorded as warnings.
  func parse(into warnings: inout [ConversionWarning]) -> [ListNode] {
    let parse = ListMarkers.parse(text)
    for finding in parse.findings {
      let piece = piece(at: finding.offset)
      warnings.append(
        ConversionWarning(
          DiagnosticCode(finding.code), message: finding.message, at: piece?.cell.position,
          original: finding.original))
    }
    return parse.items
  }

  /// List items for the whole field.
  ///
  /// Text without any list marker is one item per paragraph or `<ul>` entry of the cell (the
  /// reader splits a `<ul>` the PDF conversion left without `<li>` at its sentences).
  func items(extracting extraction: Extraction, into warnings: inout [ConversionWarning])
    -> [ListItem]
  {
    let nodes = parse(into: &warnings)
    let segments =
      nodes.count == 1 && nodes[0].marker == nil && nodes[0].items.isEmpty
      ? unmarkedSegments() : []
    guard segments.count > 1 else {
      return listItems(nodes, level: 1, extracting: extraction, into: &warnings)
    }
    return segments.map { segment in
      var item = ListItem(level: 1, text: segment.text)
      extract(extraction, from: segment.text, piece: segment.piece, into: &item, &warnings)
      return item
    }
  }

  /// List items for `nodes`, `level` being the level of the first.
  func listItems(
    _ nodes: [ListNode], level: Int, extracting extraction: Extraction,
    into warnings: inout [ConversionWarning]
  ) -> [ListItem] {
    nodes.map { node in
      var item = ListItem(
        marker: node.marker?.text, level: level, ordinal: node.marker?.ordinal, text: node.text)
      extract(extraction, from: node.text, piece: piece(at: node.offset), into: &item, &warnings)
      if !node.items.isEmpty {
        item.items = listItems(
          node.items, level: level + 1, extracting: extraction, into: &warnings)
      }
      return item
    }
  }

  private func extract(
    _ extraction: Extraction, from text: String, piece: FieldPiece?, into item: inout ListItem,
    _ warnings: inout [ConversionWarning]
  ) {
    func record(code: DiagnosticCode, message: String, original: String) {
      warnings.append(
        ConversionWarning(
          code, message: message, at: piece?.cell.position,
          original: original))
    }
    if let fiscalYear = extraction.periodsInFiscalYear {
      let findings = EraDates.extract(text, fiscalYear: fiscalYear)
      if !findings.isEmpty { item.periods = findings.map(Self.period) }
      for warning in findings.flatMap(\.warnings) {
        record(
          code: DiagnosticCode(warning.code), message: warning.message, original: warning.original)
      }
    }
    if extraction.quantities {
      let findings = Quantities.extract(text)
      if !findings.isEmpty { item.quantities = findings.map(Self.quantity) }
      for warning in findings.flatMap(\.warnings) {
        record(
          code: DiagnosticCode(warning.code), message: warning.message, original: warning.original)
      }
    }
  }

  /// The canonical period of a date finding (the two kinds share their raw values).
  static func period(_ finding: DateFinding) -> Period {
    Period(
      kind: PeriodKind(rawValue: finding.kind.rawValue) ?? .named, raw: finding.raw,
      iso: finding.iso, start: finding.start, end: finding.end,
      fiscalYearStart: finding.fiscalYearStart, fiscalYearEnd: finding.fiscalYearEnd,
      name: finding.name)
  }

  /// The canonical quantity of a quantity finding.
  static func quantity(_ finding: QuantityFinding) -> Quantity {
    Quantity(
      raw: finding.raw, value: finding.value, unit: finding.unit, unitText: finding.unitText,
      qualifiers: finding.qualifiers.isEmpty ? nil : finding.qualifiers)
  }

  private func unmarkedSegments() -> [(text: String, piece: FieldPiece)] {
    var segments: [(text: String, piece: FieldPiece)] = []
    for piece in pieces {
      guard piece.isWholeCell else {
        segments.append((piece.text, piece))
        continue
      }
      for block in piece.cell.blocks {
        switch block {
        case .text(let text), .paragraph(let text):
          segments.append((JapaneseWidth.fold(text), piece))
        case .list(_, let entries):
          segments += entries.map { (JapaneseWidth.fold($0), piece) }
        case .table(let rows):
          segments += rows.map { (JapaneseWidth.fold($0.joined(separator: " ")), piece) }
        }
      }
    }
    return segments.filter { !$0.text.isEmpty }
  }
}
