import JapaneseWidth

/// Reads the list markers of Japanese official documents and builds the list they make.
///
/// Levels come from the order in which marker styles appear (① over (1) over ア over (ア) in
/// the usual case). A candidate that could be read two ways — `(7)` as itself or as the misread
/// `(ア)` — is read the way that leaves the rest of the cell with the fewest gaps, duplicates and
/// reversals; a repair costs a little, so that a tie keeps the text as written. Every repair and
/// every anomaly is a finding; nothing is dropped.
public enum ListMarkers {
  /// Parses `text` into list items.
  ///
  /// - Parameter context: markers of lists already open when the text starts, outermost first
  ///   (for a list that runs on from a previous cell, for example `[(ウ)]` so that `(工)` reads
  ///   as `(エ)`).
  public static func parse(_ text: String, context: [ListMarker] = []) -> ListParse {
    let scalars = Array(text.unicodeScalars)
    var offsets = [Int](repeating: 0, count: scalars.count + 1)
    for (index, scalar) in scalars.enumerated() {
      offsets[index + 1] = offsets[index] + UTF8.width(scalar)
    }
    let candidates = MarkerScanner.candidates(in: scalars)
    var sequence = ListSequence()
    for marker in context { sequence.levels.append(.init(style: marker.style, marker: marker)) }
    var accepted: [(candidate: MarkerCandidate, marker: ListMarker, depth: Int)] = []
    var findings: [MarkerFinding] = []

    for (position, candidate) in candidates.enumerated() {
      let options = viable(candidate, scalars: scalars, sequence: sequence)
      guard var best = options.first else { continue }
      if options.count > 1 {
        var bestCost = Double.infinity
        for option in options {
          var after = sequence
          after.place(option.reading.marker, at: option.placement)
          let cost =
            option.cost
            + lookahead(
              candidates[(position + 1)..<min(position + 1 + lookaheadWindow, candidates.count)],
              scalars: scalars, sequence: after)
          if cost < bestCost {
            bestCost = cost
            best = option
          }
        }
      }
      sequence.place(best.reading.marker, at: best.placement)
      accepted.append((candidate, best.reading.marker, best.placement.depth))
      findings += Self.findings(
        for: best.reading, placement: best.placement, offset: offsets[candidate.start])
    }
    return ListParse(
      items: tree(accepted, scalars: scalars, offsets: offsets, contextDepth: context.count),
      findings: findings)
  }

  /// How many later candidates decide between two readings: enough for any real list, and a
  /// bound that keeps a pathological cell linear.
  static let lookaheadWindow = 24

  private struct Option {
    var reading: MarkerCandidate.Reading
    var placement: ListSequence.Placement
    var cost: Double
  }

  /// The readings of a candidate that may stand here, with their immediate cost.
  private static func viable(
    _ candidate: MarkerCandidate, scalars: [Unicode.Scalar], sequence: ListSequence
  ) -> [Option] {
    let atLineStart = candidate.start == 0 || scalars[candidate.start - 1] == "\n"
    return candidate.readings.compactMap { reading in
      let newListHere = reading.marker.kind != .number || atLineStart
      let placement = sequence.placement(of: reading.marker, startsNewListHere: newListHere)
      if reading.conditional && placement.anomaly != nil { return nil }
      let cost = (placement.anomaly == nil ? 0 : 1) + (reading.repaired ? 0.5 : 0)
      return Option(reading: reading, placement: placement, cost: cost)
    }
  }

  /// The anomalies the rest of the cell would show, each later candidate read its cheapest way.
  private static func lookahead(
    _ rest: ArraySlice<MarkerCandidate>, scalars: [Unicode.Scalar], sequence: ListSequence
  ) -> Double {
    var sequence = sequence
    var total = 0.0
    for candidate in rest {
      let options = viable(candidate, scalars: scalars, sequence: sequence)
      guard var best = options.first else { continue }
      for option in options.dropFirst() where option.cost < best.cost { best = option }
      total += best.cost
      sequence.place(best.reading.marker, at: best.placement)
    }
    return total
  }

  private static func findings(
    for reading: MarkerCandidate.Reading, placement: ListSequence.Placement, offset: Int
  ) -> [MarkerFinding] {
    let marker = reading.marker
    var found: [MarkerFinding] = []
    if reading.repaired {
      found.append(
        MarkerFinding(
          code: .ocrRepaired,
          message: "\(marker.written) read as \(marker.text): the sequence continues there",
          offset: offset, original: marker.written))
    }
    if let anomaly = placement.anomaly {
      let message: String
      switch (anomaly, placement.previous) {
      case (.duplicate, _):
        message = "\(marker.text) repeats the marker before it"
      case (.skipped, let previous?):
        let missing = (previous.ordinal ?? 0) + 1
        message =
          "\(marker.text) follows \(previous.text): "
          + "\(MarkerTables.canonicalText(marker.kind, missing)) is missing"
      case (.skipped, nil):
        message = "the list starts at \(marker.text)"
      case (_, let previous):
        message = "\(marker.text) follows \(previous?.text ?? "nothing")"
      }
      found.append(
        MarkerFinding(code: anomaly, message: message, offset: offset, original: marker.written))
    }
    if marker.kind == .bullet && marker.written == "〇" {
      found.append(
        MarkerFinding(
          code: .zeroAsBullet,
          message: "〇 (U+3007, the kanji zero) is used as a bullet; the bullet is ○ (U+25CB)",
          offset: offset, original: "〇"))
    }
    return found
  }

  private static func tree(
    _ accepted: [(candidate: MarkerCandidate, marker: ListMarker, depth: Int)],
    scalars: [Unicode.Scalar], offsets: [Int], contextDepth: Int
  ) -> [ListNode] {
    func text(_ range: Range<Int>) -> String {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[range])
      return JapaneseWidth.trimmed(String(view))
    }
    var roots: [ListNode] = []
    let firstStart = accepted.first?.candidate.start ?? scalars.count
    let preamble = text(0..<firstStart)
    if !preamble.isEmpty {
      let start = scalars.firstIndex { !MarkerTables.isSpace($0) } ?? 0
      roots.append(ListNode(marker: nil, level: 1, text: preamble, offset: offsets[start]))
    }
    for (index, entry) in accepted.enumerated() {
      let end = index + 1 < accepted.count ? accepted[index + 1].candidate.start : scalars.count
      let node = ListNode(
        marker: entry.marker, level: entry.depth + 1, text: text(entry.candidate.end..<end),
        offset: offsets[entry.candidate.start])
      insert(node, into: &roots)
    }
    return roots
  }

  private static func insert(_ node: ListNode, into siblings: inout [ListNode]) {
    if let last = siblings.indices.last, node.level > siblings[last].level {
      insert(node, into: &siblings[last].items)
    } else {
      siblings.append(node)
    }
  }
}
