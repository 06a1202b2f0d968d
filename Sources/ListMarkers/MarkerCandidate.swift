/// A place in a text where a marker may stand, with every reading of it.
struct MarkerCandidate {
  /// One way to read the candidate.
  struct Reading {
    var marker: ListMarker
    /// The reading replaces what was written (an OCR look-alike).
    var repaired: Bool
    /// The reading is a marker only if it fits its sequence exactly (bare numbers and katakana,
    /// look-alikes); otherwise the candidate is text.
    var conditional: Bool
  }

  /// The scalar index where the marker starts.
  var start: Int
  /// The scalar index just after the marker.
  var end: Int
  /// The readings, the literal one first.
  var readings: [Reading]
}
