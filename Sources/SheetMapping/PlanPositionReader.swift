import GyoseiModel
import JapaneseWidth
import ListMarkers

/// Reads where an objective sits in one of the city's plans.
///
/// `第4編 … 第1章 … 第1節 健幸都市を目指した…` gives the path `[第4編, 第1章, 第1節]` and the
/// deepest title; `(1) イ 多様な主体が…` gives `[(1), イ]`. A cell naming several places gives one
/// position per innermost place (`(1) … ア … イ …` gives `[(1), ア]` and `[(1), イ]`); the titles
/// of the enclosing levels belong to the plan and stay in the provenance's raw text.
enum PlanPositionReader {
  static func positions(plan: String, text: String) -> [PlanPosition] {
    if let bracketed = bracketed(plan: plan, text: text) { return bracketed }
    let text = JapaneseWidth.trimmed(text)
    guard !text.isEmpty else { return [] }
    let sections = sectionTokens(text)
    if !sections.isEmpty { return positions(plan: plan, sections: sections, text: text) }
    let nodes = ListMarkers.parse(text).items
    var result: [PlanPosition] = []
    collectLeaves(nodes, path: [], plan: plan, into: &result)
    return result
  }

  /// `【第1編 第3章 第1節】 行財政改革の… 【第4編 …】 …`: each bracket is one path, as
  /// written, and the text after it up to the next bracket its title; nil without brackets.
  static func bracketed(plan: String, text: String) -> [PlanPosition]? {
    let parts = text.unicodeScalars.split(separator: "【", omittingEmptySubsequences: true)
    guard text.unicodeScalars.contains("【"), parts.count >= 1 else { return nil }
    var result: [PlanPosition] = []
    for part in parts {
      guard let close = part.firstIndex(of: "】") else {
        if result.isEmpty, JapaneseWidth.trimmed(String(String.UnicodeScalarView(part))).isEmpty {
          continue
        }
        return nil
      }
      let path = String(String.UnicodeScalarView(part[..<close])).unicodeScalars
        .split(whereSeparator: JapaneseWidth.isSpace).map { String(String.UnicodeScalarView($0)) }
      let title = JapaneseWidth.trimmed(
        String(String.UnicodeScalarView(part[part.index(after: close)...])))
      result.append(PlanPosition(plan: plan, path: path, title: title.isEmpty ? nil : title))
    }
    return result.isEmpty ? nil : result
  }

  /// Whether a path runs 編, 章, 節 from the outside in, each at most once (`第4章 第1章 第2節`
  /// and `第1編 第3章 第2編` do not).
  static func isRegular(_ path: [String]) -> Bool {
    let order: [Unicode.Scalar] = ["編", "章", "節"]
    var last = -1
    for step in path {
      guard let unit = step.unicodeScalars.last, let rank = order.firstIndex(of: unit) else {
        return true
      }
      if rank <= last { return false }
      last = rank
    }
    return true
  }

  private static func collectLeaves(
    _ nodes: [ListNode], path: [String], plan: String, into result: inout [PlanPosition]
  ) {
    for node in nodes {
      let nodePath = path + (node.marker.map { [$0.text] } ?? [])
      if node.items.isEmpty {
        let lead = leadingMarkers(node.text)
        let fullPath = nodePath + lead.path
        let parts = katakanaParts(lead.rest)
        if parts.count > 1, let last = fullPath.last, isKatakanaMarker(last[...]) {
          // `ア ICTの活用… エ 受益と…`: the later katakana items are siblings of this one.
          result.append(PlanPosition(plan: plan, path: fullPath, title: parts[0].title))
          for part in parts.dropFirst() {
            result.append(
              PlanPosition(plan: plan, path: fullPath.dropLast() + [part.marker], title: part.title)
            )
          }
        } else if parts.count > 1 {
          // `(1) 将来を見据えた… イ 多様な…`: the later katakana items are inside this one.
          for part in parts.dropFirst() {
            result.append(
              PlanPosition(plan: plan, path: fullPath + [part.marker], title: part.title))
          }
        } else if !lead.rest.isEmpty || !fullPath.isEmpty {
          result.append(
            PlanPosition(plan: plan, path: fullPath, title: lead.rest.isEmpty ? nil : lead.rest))
        }
      } else {
        if !node.text.isEmpty && node.marker == nil {
          result.append(PlanPosition(plan: plan, path: path, title: node.text))
        }
        collectLeaves(node.items, path: nodePath, plan: plan, into: &result)
      }
    }
  }

  /// Markers that open a title but that the list reader leaves in it because they start no
  /// sequence here: `イ 多様な…` (a sub-item cited alone), `3 福祉を…`, `05 人と自然が…`.
  static func leadingMarkers(_ text: String) -> (path: [String], rest: String) {
    var path: [String] = []
    var rest = Substring(text)
    while let space = rest.firstIndex(of: " ") {
      let token = rest[..<space]
      guard isMarkerToken(token) else { break }
      path.append(String(token))
      rest = rest[rest.index(after: space)...].drop { $0 == " " }
    }
    return (path, String(rest))
  }

  /// Splits a title at the katakana of sub-items it names.
  ///
  /// `将来を見据えた…への改革 イ 多様な主体が…`: a title that names a sub-item by its katakana
  /// alone (the list reader keeps a lone イ as text, since no ア precedes it). The first part is
  /// the enclosing item's own title; each later part is a sub-item.
  static func katakanaParts(_ text: String) -> [(marker: String, title: String)] {
    let scalars = Array(text.unicodeScalars)
    var parts: [(marker: String, title: String)] = []
    var start = 0
    var marker = ""
    var index = 1
    while index + 2 < scalars.count {
      if scalars[index] == " ", scalars[index + 2] == " ",
        ListMarker.katakanaOrdinal(scalars[index + 1]) != nil
      {
        parts.append((marker, String(String.UnicodeScalarView(scalars[start..<index]))))
        marker = String(scalars[index + 1])
        start = index + 3
        index += 3
      } else {
        index += 1
      }
    }
    parts.append((marker, String(String.UnicodeScalarView(scalars[start...]))))
    return parts
  }

  /// `3`, `05`, `イ`, `①`, `(1)`, `(ア)`.
  private static func isMarkerToken(_ token: Substring) -> Bool {
    if isDigits(token) || isKatakanaMarker(token) { return true }
    if let only = token.unicodeScalars.first, token.unicodeScalars.count == 1,
      ListMarker.circledNumber(only) != nil
    {
      return true
    }
    guard token.hasPrefix("("), token.hasSuffix(")"), token.count >= 3 else { return false }
    let inner = token.dropFirst().dropLast()
    return isDigits(inner) || isKatakanaMarker(inner)
  }

  private static func isDigits(_ token: Substring) -> Bool {
    (1...2).contains(token.unicodeScalars.count)
      && token.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
  }

  private static func isKatakanaMarker(_ token: Substring) -> Bool {
    guard let only = token.unicodeScalars.first, token.unicodeScalars.count == 1 else {
      return false
    }
    return ListMarker.katakanaOrdinal(only) != nil
  }

  /// A `第N編`, `第N章` or `第N節` heading: where it starts and ends (in scalars) and its rank.
  private struct SectionToken {
    var start: Int
    var end: Int
    var rank: Int
    var label: String
  }

  private static let ranks: [Unicode.Scalar: Int] = ["編": 0, "章": 1, "節": 2, "項": 3]

  private static func sectionTokens(_ text: String) -> [SectionToken] {
    let scalars = Array(text.unicodeScalars)
    var tokens: [SectionToken] = []
    var index = 0
    while index < scalars.count {
      guard scalars[index] == "第", index == 0 || JapaneseWidth.isSpace(scalars[index - 1]) else {
        index += 1
        continue
      }
      var end = index + 1
      while end < scalars.count,
        ("0"..."9").contains(scalars[end]) || KanjiNumeral.isNumeral(scalars[end].value)
      {
        end += 1
      }
      if end > index + 1, end < scalars.count, let rank = ranks[scalars[end]] {
        let label = String(String.UnicodeScalarView(scalars[index...end]))
        tokens.append(SectionToken(start: index, end: end + 1, rank: rank, label: label))
        index = end + 1
      } else {
        index += 1
      }
    }
    return tokens
  }

  private static func positions(plan: String, sections: [SectionToken], text: String)
    -> [PlanPosition]
  {
    let scalars = Array(text.unicodeScalars)
    var result: [PlanPosition] = []
    var open: [(rank: Int, label: String)] = []
    var pendingTitle: String?
    let lead = JapaneseWidth.trimmed(
      String(String.UnicodeScalarView(scalars[0..<sections[0].start])))
    if !lead.isEmpty { result.append(PlanPosition(plan: plan, path: [], title: lead)) }
    for (position, token) in sections.enumerated() {
      if let last = open.last, token.rank <= last.rank {
        result.append(PlanPosition(plan: plan, path: open.map(\.label), title: pendingTitle))
        open.removeAll { $0.rank >= token.rank }
      }
      open.append((token.rank, token.label))
      let titleEnd = position + 1 < sections.count ? sections[position + 1].start : scalars.count
      let title = JapaneseWidth.trimmed(
        String(String.UnicodeScalarView(scalars[token.end..<titleEnd])))
      pendingTitle = title.isEmpty ? nil : title
    }
    result.append(PlanPosition(plan: plan, path: open.map(\.label), title: pendingTitle))
    return result
  }
}
