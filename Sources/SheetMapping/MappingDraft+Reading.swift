import GyoseiModel

extension MappingDraft {
  /// One pass over a sheet's cells: every labelled cell, header row, repeated heading and
  /// bulleted list of every family, from which the draft keeps its family's.
  struct Reading {
    let cells: [[DraftCell]]
    let lines: [Int]
    private(set) var labels: [Label] = []
    private(set) var headerRows: [HeaderRow] = []
    private(set) var headings: [Heading] = []
    private(set) var bulletList: BulletList?
    /// Per family, its family words that occur in the sheet.
    private(set) var familyWords: [DocumentFamily: [String]] = [:]

    /// A field's word, as label keys compare.
    private struct Word {
      var place: DraftVocabulary.Place
      var field: String
      var key: [Unicode.Scalar]
    }

    private static let tablePlaces: [DraftVocabulary.Place] = [.records, .actions, .itemTable]
    private static let labelPlaces: [DraftVocabulary.Place] = [.fields, .labels, .indicatorTable]
    /// The longest cell a field's word may end (a label with words before the form word).
    static let longestLabel = 24
    /// The most cells a row of labels has (labels inline with their values: 重点目標 … 部局名 …
    /// 優先順位 …; an indicator table's row of values by year).
    static let widestLabelledRow = 12

    init(cells: [[DraftCell]], lines: [Int], vocabulary: DraftVocabulary) {
      self.cells = cells
      self.lines = lines
      var words: [DraftVocabulary.Place: [Word]] = [:]
      // Every cell's key in one buffer, each followed by a 0: one search per family word.
      var keys: [UInt8] = [0]
      for row in cells {
        for cell in row {
          var key = String(String.UnicodeScalarView(cell.key))
          key.withUTF8 { keys.append(contentsOf: $0) }
          keys.append(0)
        }
      }
      for family in DocumentFamily.allCases {
        guard let entries = vocabulary.families[family] else { continue }
        let found = entries.familyWords.filter { word in
          var needle = LabelKey(word).text
          return keys.withUnsafeBufferPointer { haystack in
            needle.withUTF8 { ByteSearch.contains(haystack, $0) }
          }
        }
        if !found.isEmpty { familyWords[family] = found }
        for (place, list) in entries.places {
          words[place, default: []] += list.flatMap { entry in
            entry.words.map {
              Word(place: place, field: entry.field, key: Array(LabelKey($0).text.unicodeScalars))
            }
          }
        }
      }
      readLabels(words)
      readHeaderRows(words)
      readHeadings()
      readBullets()
    }

    /// The word a text names: the longest that equals it, else (when `suffix` allows) the
    /// longest it ends with.
    private static func word(
      for text: [Unicode.Scalar], in words: [Word], suffix: Bool
    ) -> Word? {
      guard !text.isEmpty else { return nil }
      var best: Word?
      var bestStrength = 0
      for word in words where !word.key.isEmpty {
        let strength: Int
        if word.key == text {
          strength = 1_000 + word.key.count
        } else if suffix, word.key.count >= 2, text.count <= longestLabel,
          text.count > word.key.count, text.suffix(word.key.count).elementsEqual(word.key)
        {
          strength = word.key.count
        } else {
          continue
        }
        if strength > bestStrength { (best, bestStrength) = (word, strength) }
      }
      return best
    }

    /// Cells that print a field's word.
    ///
    /// A row's first cell (equal or ending with the word), or a later cell equal to it (an
    /// inline label: 重点目標 … 部局名 …). A cell with a fiscal year or a sentence is text, not
    /// a label.
    private mutating func readLabels(_ words: [DraftVocabulary.Place: [Word]]) {
      var seen: Set<[String]> = []
      // A row of many cells is a table's header or record, not labelled rows.
      for row in cells where row.count <= Self.widestLabelledRow {
        for (position, cell) in row.enumerated() {
          guard !cell.isSentence, cell.year == nil else { continue }
          let core = cell.core
          for place in Self.labelPlaces {
            // The kinds of an indicator table's rows stand anywhere in their row.
            let first = position == 0 || place == .indicatorTable
            guard
              let word = Self.word(for: core.word, in: words[place] ?? [], suffix: first)
            else { continue }
            let label = String(String.UnicodeScalarView(core.label))
            guard seen.insert([place.rawValue, word.field, label]).inserted else { continue }
            labels.append(
              Label(
                place: place, field: word.field, label: label, header: nil,
                exact: word.key == core.word, line: cell.line, cell: cell.index, text: cell.text))
          }
        }
      }
    }

    /// Rows whose cells name two or more columns of a table, with its required column.
    private mutating func readHeaderRows(_ words: [DraftVocabulary.Place: [Word]]) {
      for (rowIndex, row) in cells.enumerated() where row.count >= 2 {
        for place in Self.tablePlaces {
          var columns: [Label] = []
          for cell in row where !cell.isSentence {
            guard let (word, label, header) = Self.column(cell, words[place] ?? []),
              !columns.contains(where: { $0.field == word.field })
            else { continue }
            columns.append(
              Label(
                place: place, field: word.field, label: label, header: header,
                exact: header == nil && word.key == cell.core.word, line: cell.line,
                cell: cell.index, text: cell.text))
          }
          let required: Set<String> =
            switch place {
            case .actions: ["title", "schedule"]
            case .records: ["objective"]
            default: ["title"]
            }
          guard columns.count >= 2, required.isSubset(of: columns.map(\.field)) else { continue }
          let titleField = place == .records ? "objective" : "title"
          let titleColumn = columns.first { $0.field == titleField }?.cell ?? 0
          var records = 0
          for next in cells[(rowIndex + 1)...] {
            guard next.count >= 2 else { break }
            if next.contains(where: { $0.index == titleColumn }) { records += 1 }
          }
          headerRows.append(
            HeaderRow(
              place: place, line: lines[rowIndex], cells: row.map(\.text), columns: columns,
              records: records))
        }
      }
    }

    /// The column a header cell names: its word, the label, and for a cell with a fiscal
    /// year the header pattern that matches it whatever the year.
    private static func column(_ cell: DraftCell, _ words: [Word])
      -> (Word, String, String?)?
    {
      if let year = cell.year {
        let rest = Array(
          cell.folded[..<year.range.lowerBound] + cell.folded[year.range.upperBound...])
        let key = Array(
          LabelKey(folded: String(String.UnicodeScalarView(rest))).text.unicodeScalars)
        guard let word = word(for: key, in: words, suffix: true) else { return nil }
        let pattern =
          "^" + DraftText.literal(cell.folded[..<year.range.lowerBound]) + year.pattern
          + DraftText.literal(cell.folded[year.range.upperBound...]) + "$"
        return (word, cell.text, pattern)
      }
      let core = cell.core
      guard let word = word(for: core.word, in: words, suffix: true) else { return nil }
      return (word, String(String.UnicodeScalarView(core.label)), nil)
    }

    /// Lines of one cell that open with the same words, then a number or code and a title.
    ///
    /// 基本施策E1 …, 1 …, (1)…: two lines or more make a heading, and so does one that a label
    /// follows.
    private mutating func readHeadings() {
      var groups: [String: Heading] = [:]
      var order: [String] = []
      for (rowIndex, row) in cells.enumerated() where row.count == 1 {
        let text = row[0].folded
        guard !DraftText.isSentence(text), let heading = Self.heading(text) else { continue }
        let key = heading.pattern
        if groups[key] == nil {
          order.append(key)
          groups[key] = heading
        }
        groups[key]?.lines.append(lines[rowIndex])
      }
      // A heading printed once (a sheet of one measure) counts when a label follows it within
      // three lines: it opens a labelled section.
      let labelLines = Set(labels.map(\.line))
      let rowOfLine = Dictionary(
        lines.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
      func opensSection(_ line: Int) -> Bool {
        guard let row = rowOfLine[line] else { return false }
        let following = cells[(row + 1)...].enumerated().filter { !$0.element.isEmpty }.prefix(3)
        return following.contains { labelLines.contains(lines[row + 1 + $0.offset]) }
      }
      headings = order.compactMap { groups[$0] }.filter {
        $0.lines.count >= 2 || opensSection($0.lines[0])
      }
    }

    /// The heading shape of one line, if it has one.
    private static func heading(_ text: [Unicode.Scalar]) -> Heading? {
      func isWord(_ scalar: Unicode.Scalar) -> Bool {
        (0x3040...0x30FF).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value)
      }
      let isDigit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
      var index = 0
      while index < text.count, index < 8, isWord(text[index]) { index += 1 }
      let prefix = text[..<index]
      let token: String
      var isCode = false
      var spaced = true
      if index < text.count, text[index] == "(" {
        var end = index + 1
        while end < text.count, isDigit(text[end]) { end += 1 }
        guard end > index + 1, end < text.count, text[end] == ")" else { return nil }
        token = "\\([0-9]+\\)"
        index = end + 1
        spaced = false
      } else {
        if index < text.count, ("A"..."Z").contains(text[index]) {
          isCode = true
          index += 1
        }
        let start = index
        while index < text.count, isDigit(text[index]) { index += 1 }
        guard index > start else { return nil }
        token = isCode ? "[A-Z][0-9]+" : "[0-9]+"
      }
      var titleStart = index
      while titleStart < text.count, text[titleStart] == " " { titleStart += 1 }
      guard titleStart < text.count, !spaced || titleStart > index,
        !isDigit(text[titleStart])
      else { return nil }
      let title = Array(text[titleStart...])
      var titlePattern = "(?<title>.+)"
      if let year = DraftText.year(in: title), year.range.lowerBound == 0 {
        titlePattern = "(?<title>(?<year>" + year.pattern + ").+)"
      }
      let capture = isCode ? "code" : "number"
      let pattern =
        "^" + DraftText.literal(prefix) + "(?<\(capture)>" + token + ")"
        + (spaced ? "\\s+" : "\\s*") + titlePattern + "$"
      return Heading(
        pattern: pattern, lines: [], example: String(String.UnicodeScalarView(text)),
        isCode: isCode)
    }

    /// Lines of one cell that open with a bullet (- ・ ● ○ ■ ◆), and the short lines of one cell
    /// just above each run of them (the headings they are listed under).
    private mutating func readBullets() {
      let bullets: [Unicode.Scalar] = ["-", "・", "●", "○", "■", "◆"]
      var counts: [Unicode.Scalar: [Int]] = [:]
      for (rowIndex, row) in cells.enumerated() where row.count == 1 {
        guard let first = row[0].folded.first, bullets.contains(first), row[0].folded.count > 1
        else { continue }
        counts[first, default: []].append(rowIndex)
      }
      guard
        let (bullet, rows) = bullets.compactMap({ bullet in counts[bullet].map { (bullet, $0) } })
          .max(by: { $0.1.count < $1.1.count }), rows.count >= 2
      else { return }
      let bulletRows = Set(rows)
      var headingRows: [Int] = []
      for rowIndex in rows where !bulletRows.contains(rowIndex - 1) {
        var above = rowIndex - 1
        while above >= 0, cells[above].isEmpty { above -= 1 }
        guard above >= 0, !bulletRows.contains(above), cells[above].count == 1 else { continue }
        let text = cells[above][0].folded
        guard text.count <= 20, !DraftText.isSentence(text), DraftText.year(in: text) == nil
        else { continue }
        headingRows.append(above)
      }
      bulletList = BulletList(
        bullet: bullet, lines: rows.map { lines[$0] }, headings: headingRows.map { lines[$0] })
    }

    /// The first cell of the first row after a grade label, when it is one to three ASCII
    /// letters or digits (A, Bb, 3): a pattern of their classes, the letters after the first
    /// optional (a scale of A, Ab, B …).
    func gradeCell(after labels: [Label]) -> (line: Int, cell: Int, text: String, pattern: String)?
    {
      for label in labels {
        guard let row = lines.firstIndex(of: label.line) else { continue }
        guard let next = cells[(row + 1)...].first(where: { !$0.isEmpty }), let cell = next.first
        else { continue }
        let text = cell.folded
        guard (1...3).contains(text.count),
          text.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        else { continue }
        let classes = text.enumerated().map { index, scalar in
          let range =
            ("A"..."Z").contains(scalar)
            ? "[A-Z]" : ("a"..."z").contains(scalar) ? "[a-z]" : "[0-9]"
          return index == 0 ? range : range + "?"
        }
        return (cell.line, cell.index, cell.text, "^(?<grade>" + classes.joined() + ")$")
      }
      return nil
    }

    /// A family's score: 3 for each family word found, 5 more when one is in the sheet's
    /// first lines of one cell (where a form prints its name), 1 for each field found, 2 for
    /// each header row, and for objective sheets 2 for a bulleted list.
    func score(of family: DocumentFamily) -> Int {
      let words = (familyWords[family] ?? []).map { LabelKey($0) }
      let opening = cells.filter { $0.count == 1 }.prefix(5).map {
        LabelKey(folded: String(String.UnicodeScalarView($0[0].key)))
      }
      let named = opening.contains { line in words.contains { line.contains($0) } }
      let list = family == .objectiveSheet && bulletList != nil
      let places = Set(DraftVocabulary.Place.allCases.filter { $0.family == family })
      let fields = Set(
        labels.filter { places.contains($0.place) }.map { [$0.place.rawValue, $0.field] })
      let tables = headerRows.filter { places.contains($0.place) }
      let tableFields = Set(tables.flatMap { $0.columns.map { [$0.place.rawValue, $0.field] } })
      return 3 * words.count + (named ? 5 : 0) + fields.count + tableFields.count
        + 2 * tables.count + (list ? 2 : 0)
    }

    /// The line that names the sheet.
    ///
    /// With a fiscal year: a line of one cell that begins or
    /// ends with it, whose other words carry no number unless they hold a family word; the
    /// line printed most often (a title repeats on every sheet), then the first. Without one:
    /// the first line of one cell, within the first twenty, that holds a family word.
    func titleLine(familyWords: [String]) -> TitleLine? {
      let familyKeys = familyWords.map { LabelKey($0) }
      var candidates: [(line: Int, text: [Unicode.Scalar], year: DraftText.Year)] = []
      var counts: [[Unicode.Scalar]: Int] = [:]
      var plain: (line: Int, text: [Unicode.Scalar])?
      for (rowIndex, row) in cells.enumerated() where row.count == 1 {
        let text = row[0].folded
        guard text.count <= 60, !DraftText.isSentence(text) else { continue }
        let key = LabelKey(folded: String(String.UnicodeScalarView(text)))
        let hasFamilyWord = familyKeys.contains { key.contains($0) }
        guard let year = DraftText.year(in: text) else {
          if plain == nil, rowIndex < 20, hasFamilyWord { plain = (lines[rowIndex], text) }
          continue
        }
        let rest = text[..<year.range.lowerBound] + text[year.range.upperBound...]
        let atEdge = year.range.lowerBound == 0 || year.range.upperBound >= text.count - 3
        guard atEdge, hasFamilyWord || !rest.contains(where: { ("0"..."9").contains($0) })
        else { continue }
        counts[text, default: 0] += 1
        candidates.append((lines[rowIndex], text, year))
      }
      if let best = candidates.max(by: { counts[$0.text, default: 0] < counts[$1.text, default: 0] }
      ) {
        let first = candidates.first { counts[$0.text] == counts[best.text] } ?? best
        var before = first.text[..<first.year.range.lowerBound]
        let after = first.text[first.year.range.upperBound...]
        // A year in brackets after the title (進捗状況の概要(令和2年度末)): the bracket is not
        // the title's.
        var bracket: [Unicode.Scalar] = []
        if let last = before.last, "([【〈「".unicodeScalars.contains(last), before.count > 1 {
          bracket = [last]
          before = before.dropLast()
        }
        let title = before.isEmpty ? Array(after.drop { $0 == " " }) : Array(before)
        let pattern =
          before.isEmpty
          ? "^(?<year>" + first.year.pattern + ")\\s*(?<title>" + DraftText.literal(title) + ")$"
          : "^(?<title>" + DraftText.literal(before) + ")" + DraftText.literal(bracket)
            + "(?<year>" + first.year.pattern + ")" + DraftText.literal(after) + "$"
        return TitleLine(
          pattern: pattern, line: first.line, text: String(String.UnicodeScalarView(first.text)),
          title: String(String.UnicodeScalarView(title)), hasYear: true)
      }
      guard let plain else { return nil }
      let text = String(String.UnicodeScalarView(plain.text))
      return TitleLine(
        pattern: "^(?<title>" + DraftText.literal(plain.text) + ")$", line: plain.line,
        text: text, title: text, hasYear: false)
    }

    /// A line of one cell that names a range of fiscal years (the last is the year reported
    /// on), else the first within the first thirty that names one: the pattern matches its
    /// start, up to the words after the year.
    func fiscalYearLine() -> FiscalYear? {
      var first: FiscalYear?
      for (rowIndex, row) in cells.enumerated() where row.count == 1 {
        let text = row[0].folded
        guard text.count <= 60, !DraftText.isSentence(text), let year = DraftText.year(in: text)
        else { continue }
        var end = year.range.upperBound
        while end < text.count, text[end] != " ", !("0"..."9").contains(text[end]) { end += 1 }
        let pattern =
          "^" + DraftText.literal(text[..<year.range.lowerBound]) + "(?<year>" + year.pattern
          + ")" + DraftText.literal(text[year.range.upperBound..<end])
        let found = FiscalYear.line(
          pattern: pattern, line: lines[rowIndex], text: String(String.UnicodeScalarView(text)))
        if year.pattern.contains("~") { return found }
        if first == nil, rowIndex < 30 { first = found }
      }
      return first
    }
  }
}
