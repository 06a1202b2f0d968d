import ComparisonStore

/// Inline SVG charts for the HTML report: drawn from numbers alone, no script, no fonts
/// beyond the page's.
enum SVGChart {
  /// The cities' colours, in column order.
  static let colors = ["#1b6ca8", "#c0392b", "#2e8b57", "#8e44ad", "#b9770e"]

  static func color(_ index: Int) -> String { colors[index % colors.count] }

  /// A concept's values by fiscal year, one colour per city: actual values joined by a line,
  /// targets as hollow diamonds, mid-term reports as hollow squares, final reports as filled
  /// squares; every point labelled with its value.
  static func concept(_ row: ConceptRow) -> String {
    let width = 520.0
    let height = 260.0
    let left = 56.0
    let right = 48.0
    let top = 20.0
    let bottom = 64.0
    let years = row.fiscalYears
    let values = row.series.flatMap { $0.points.map(\.value) }
    let step = niceStep((values.max() ?? 1) * 1.1 / 4)
    let ceiling = step * ((values.max() ?? 1) * 1.1 / step).rounded(.up)
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    func x(_ year: Int) -> Double {
      guard years.count > 1, let first = years.first, let last = years.last else {
        return left + plotWidth / 2
      }
      return left + plotWidth * Double(year - first) / Double(last - first)
    }
    func y(_ value: Double) -> Double {
      top + plotHeight * (1 - value / ceiling)
    }
    var svg = """
      <svg class="chart" xmlns="http://www.w3.org/2000/svg" width="\(f(width))" \
      height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" role="img" \
      aria-label="\(HTMLText.escape(row.ja)) (\(HTMLText.escape(row.unitLabel)))">
      <title>\(HTMLText.escape(row.ja)) (\(HTMLText.escape(row.unitLabel)))</title>

      """
    for tick in 0...Int((ceiling / step).rounded()) {
      let value = step * Double(tick)
      let lineY = y(value)
      svg += """
        <line x1="\(f(left))" y1="\(f(lineY))" x2="\(f(width - right))" y2="\(f(lineY))" \
        stroke="#ddd"/><text x="\(f(left - 6))" y="\(f(lineY + 4))" text-anchor="end" \
        font-size="11" fill="#555">\(ReportText.number((value * 100).rounded() / 100))</text>

        """
    }
    svg += """
      <text x="\(f(left - 44))" y="\(f(top - 6))" font-size="11" fill="#555">\
      \(HTMLText.escape(row.unitLabel))</text>

      """
    for year in years {
      svg += """
        <text x="\(f(x(year)))" y="\(f(height - bottom + 18))" text-anchor="middle" \
        font-size="12" fill="#333">FY\(year)</text>

        """
    }
    for (index, series) in row.series.enumerated() {
      let color = color(index)
      let actual = series.points.filter { $0.kind == "actual" }
      if actual.count > 1 {
        let points = actual.map { "\(f(x($0.fiscalYear))),\(f(y($0.value)))" }
        svg += """
          <polyline fill="none" stroke="\(color)" stroke-width="2.5" \
          points="\(points.joined(separator: " "))"/>

          """
      }
      for (offset, point) in series.points.enumerated() {
        // Points of one year and city sit side by side, not on top of each other.
        let sameYear = series.points.prefix(offset).filter { $0.fiscalYear == point.fiscalYear }
        let px = x(point.fiscalYear) + Double(sameYear.count) * 14 - Double(index) * 4
        let py = y(point.value)
        let title = HTMLText.escape("\(series.city.name) \(ReportText.point(point))")
        svg += "<g><title>\(title)</title>" + marker(point.kind, x: px, y: py, color: color)
        svg += """
          <text x="\(f(px + 7))" y="\(f(py - 7))" font-size="11" fill="\(color)">\
          \(ReportText.number(point.value))</text></g>

          """
      }
    }
    // The legend: cities by colour, kinds by shape.
    var legendX = left
    let legendY = height - 18
    for (index, series) in row.series.enumerated() {
      svg += """
        <rect x="\(f(legendX))" y="\(f(legendY - 9))" width="12" height="12" \
        fill="\(color(index))"/><text x="\(f(legendX + 16))" y="\(f(legendY + 1))" \
        font-size="12" fill="#222">\(HTMLText.escape(series.city.name))</text>

        """
      legendX += 28 + Double(series.city.name.unicodeScalars.count) * 12
    }
    for kind in ["actual", "target", "mid-term", "final"]
    where row.series.contains(where: { $0.points.contains { $0.kind == kind } }) {
      svg += marker(kind, x: legendX + 5, y: legendY - 3, color: "#444")
      svg += """
        <text x="\(f(legendX + 14))" y="\(f(legendY + 1))" font-size="12" fill="#222">\
        \(ReportText.kind(kind))</text>

        """
      legendX += 24 + Double(ReportText.kind(kind).unicodeScalars.count) * 12
    }
    return svg + "</svg>"
  }

  /// An indicator's values by fiscal year as small bars, each labelled.
  static func bars(_ indicator: IndicatorEntry, color: String) -> String {
    let points = indicator.values.filter { $0.kind == "actual" }.compactMap { value in
      value.value.map { (value.fiscalYear, $0) }
    }
    guard !points.isEmpty else { return "" }
    let barWidth = 26.0
    let gap = 6.0
    let height = 46.0
    let width = Double(points.count) * (barWidth + gap) + gap
    let maximum = max(points.map(\.1).max() ?? 1, 1e-9)
    var svg = """
      <svg class="bars" xmlns="http://www.w3.org/2000/svg" width="\(f(width))" \
      height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" role="img" \
      aria-label="\(HTMLText.escape(indicator.name))">
      """
    for (index, point) in points.enumerated() {
      let barHeight = max(1, 30 * max(point.1, 0) / maximum)
      let x = gap + Double(index) * (barWidth + gap)
      svg += """
        <g><title>FY\(point.0): \(HTMLText.escape(ReportText.number(point.1))) \
        \(HTMLText.escape(indicator.unit ?? ""))</title><rect x="\(f(x))" \
        y="\(f(34 - barHeight))" width="\(f(barWidth))" height="\(f(barHeight))" \
        fill="\(color)"/><text x="\(f(x + barWidth / 2))" y="\(f(44))" text-anchor="middle" \
        font-size="9" fill="#555">\(String(point.0 % 100))</text></g>
        """
    }
    return svg + "</svg>"
  }

  private static func marker(_ kind: String, x: Double, y: Double, color: String) -> String {
    switch kind {
    case "target":
      return """
        <path d="M\(f(x)) \(f(y - 6))L\(f(x + 6)) \(f(y))L\(f(x)) \(f(y + 6))L\(f(x - 6)) \
        \(f(y))Z" fill="#fff" stroke="\(color)" stroke-width="2"/>
        """
    case "mid-term", "final":
      let fill = kind == "final" ? color : "#fff"
      return """
        <rect x="\(f(x - 5))" y="\(f(y - 5))" width="10" height="10" fill="\(fill)" \
        stroke="\(color)" stroke-width="2"/>
        """
    default:
      return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"4.5\" fill=\"\(color)\"/>"
    }
  }

  /// The round step at or above `value`: 1, 2, 2.5 or 5 times a power of ten.
  static func niceStep(_ value: Double) -> Double {
    guard value > 0, value.isFinite else { return 1 }
    var power = 1.0
    while power * 10 <= value { power *= 10 }
    while power > value { power /= 10 }
    for step in [1.0, 2.0, 2.5, 5.0] where step * power >= value {
      return step * power
    }
    return 10 * power
  }

  /// A coordinate with at most one decimal.
  static func f(_ value: Double) -> String {
    ReportText.number((value * 10).rounded() / 10)
  }
}
