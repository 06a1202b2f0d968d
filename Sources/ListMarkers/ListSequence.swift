/// The open lists while a cell is read: one level per style, outermost first, each with the
/// ordinal it has reached.
struct ListSequence {
  struct Level {
    var style: String
    var marker: ListMarker
  }

  var levels: [Level] = []

  /// What placing `marker` here would mean: its level, and the anomaly it would cause.
  struct Placement {
    var depth: Int
    var anomaly: MarkerFinding.Code?
    var previous: ListMarker?
  }

  func placement(of marker: ListMarker, startsNewListHere: Bool) -> Placement {
    let style = marker.style
    if let depth = levels.firstIndex(where: { $0.style == style }) {
      let previous = levels[depth].marker
      guard let ordinal = marker.ordinal, let last = previous.ordinal else {
        return Placement(depth: depth, anomaly: nil, previous: previous)
      }
      let anomaly: MarkerFinding.Code?
      if ordinal == last + 1 {
        anomaly = nil
      } else if ordinal == last {
        anomaly = .duplicate
      } else if ordinal > last {
        anomaly = .skipped
      } else {
        anomaly = .outOfOrder
      }
      return Placement(depth: depth, anomaly: anomaly, previous: previous)
    }
    let starts = marker.ordinal == nil || marker.ordinal == 1
    return Placement(
      depth: levels.count, anomaly: starts && startsNewListHere ? nil : .skipped, previous: nil)
  }

  mutating func place(_ marker: ListMarker, at placement: Placement) {
    levels.removeSubrange(min(placement.depth, levels.count)...)
    levels.append(Level(style: marker.style, marker: marker))
  }
}
