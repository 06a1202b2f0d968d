/// A piece of a cell's structure, recovered from the HTML a PDF conversion left behind.
public enum CellBlock: Sendable, Hashable {
  /// Text outside any element.
  case text(String)
  /// `<p>…</p>`.
  case paragraph(String)
  /// `<ul …>` or `<ol …>` and what follows it in the cell. The converters that wrote these
  /// sheets left the lists unclosed and without `<li>`, so items are the sentences (split after
  /// 。) unless `<li>` elements are there.
  case list(ordered: Bool, items: [String])
  /// `<table>` with its rows of cells.
  case table(rows: [[String]])
}
