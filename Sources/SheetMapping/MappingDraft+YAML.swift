import GyoseiModel

extension MappingDraft {
  /// Who publishes the sheet: the mapping's `municipality`.
  public struct Publisher: Sendable, Hashable {
    public var name: String
    public var prefecture: String?
    public var code: MunicipalityCode

    public init(name: String, prefecture: String?, code: MunicipalityCode) {
      (self.name, self.prefecture, self.code) = (name, prefecture, code)
    }
  }

  /// What the draft could not find, each as a sentence: the parts of the mapping left out
  /// (the file says so in a comment where each would stand).
  public var gaps: [String] {
    var gaps: [String] = []
    if case .unknown = fiscalYear {
      gaps.append(
        "no line names the fiscal year and the file's name holds none: pass --fiscal-year YEAR")
    }
    switch family {
    case .objectiveSheet:
      if shape == nil {
        gaps.append(
          "no table with an objective column (事務事業名, 重点目標 …), no labelled sheet and no "
            + "bulleted list was found")
      }
    case .policyEvaluation:
      if measureHeading == nil {
        gaps.append(
          "no numbered heading repeats (such as 基本施策E1 …) to start each measure")
      }
    case .reformActionProgram:
      if itemColumns.isEmpty && bulletList == nil {
        gaps.append("no item table (取組内容, 担当課 …) and no bulleted list was found")
      }
      if titleLine == nil { gaps.append("no title line was found") }
    default:
      gaps.append(
        "the sheet resembles a \(family.rawValue), and gyosei drafts "
          + DraftVocabulary.draftable.map(\.rawValue).joined(separator: ", ")
          + " only: start from an installed \(family.rawValue) mapping (gyosei mappings)")
    }
    return gaps
  }

  /// How an objective sheet is laid out, as far as the draft can tell.
  enum ObjectiveShape {
    case records, fields, lines
  }

  /// Labelled sheets where labelled rows name the objective and more, and an action table or
  /// no objectives table follows them (an action table's header also reads as an objectives
  /// table's: 取組項目, 数値目標); tables with an objective per row; else a bulleted list.
  var shape: ObjectiveShape? {
    let fields = Set(labels.filter { $0.place == .fields }.map(\.field))
    let labelled = fields.contains("objective") && fields.count >= 2
    let records = headerRows.contains { $0.place == .records }
    let actions = headerRows.contains { $0.place == .actions }
    if labelled && (actions || !records) { return .fields }
    if records { return .records }
    if bulletList != nil { return .lines }
    return nil
  }

  /// The heading that starts each measure: a code's, else the most frequent.
  var measureHeading: Heading? {
    headings.first(where: \.isCode) ?? headings.max { $0.lines.count < $1.lines.count }
  }

  /// The columns of every header row of a place, merged field by field in the order they
  /// were first found: (field, labels, header pattern, where each label was found).
  func columns(of place: DraftVocabulary.Place) -> [(field: String, labels: [Label])] {
    var order: [String] = []
    var byField: [String: [Label]] = [:]
    for row in headerRows where row.place == place {
      for column in row.columns {
        if byField[column.field] == nil { order.append(column.field) }
        if !(byField[column.field] ?? []).contains(where: {
          $0.label == column.label && $0.header == column.header
        }) {
          byField[column.field, default: []].append(column)
        }
      }
    }
    return order.map { ($0, byField[$0] ?? []) }
  }

  var itemColumns: [(field: String, labels: [Label])] { columns(of: .itemTable) }

  /// The title line the mapping uses (a policy evaluation's only when it dates the document).
  public var writtenTitleLine: TitleLine? {
    family == .policyEvaluation && titleLine?.hasYear != true ? nil : titleLine
  }

  /// The headings the mapping uses: a policy evaluation's measure heading, a reform
  /// program's first two (its categories).
  public var writtenHeadings: [Heading] {
    switch family {
    case .policyEvaluation: return measureHeading.map { [$0] } ?? []
    case .reformActionProgram: return itemColumns.isEmpty ? [] : Array(headings.prefix(2))
    default: return []
    }
  }

  /// The bulleted list the mapping reads: an objective list's, or a reform program's items
  /// when it has no item table.
  public var writtenBulletList: BulletList? {
    switch family {
    case .objectiveSheet: return shape == .lines ? bulletList : nil
    case .reformActionProgram: return itemColumns.isEmpty ? bulletList : nil
    default: return nil
    }
  }

  /// "1 line", "3 lines".
  public static func count(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)" + (count == 1 ? "" : "s")
  }

  /// The draft as a commented mapping file.
  public func yaml(id: String, publisher: Publisher, outputName: String) -> String {
    var out = YAMLLines()
    let scoreText = scores.filter { $0.score > 0 }.map { "\($0.family.rawValue) \($0.score)" }
    out.comment(
      "A first mapping drafted by `gyosei mappings draft` from \(fileName), as the family "
        + family.rawValue
        + (scoreText.isEmpty ? "." : " (scores: " + scoreText.joined(separator: ", ") + ")."))
    out.comment(
      "Every label is the text of a cell of the sheet as labels are compared (width folded, "
        + "without spaces), with the line and cell where it was found; what the draft guessed "
        + "says so. Check each against the sheet, then convert with it and read where the "
        + "cells went (the mapping language: Mappings/README.md):")
    out.line(
      DraftText.commentText(
        "#   gyosei convert \(fileName) --mapping \(outputName) --out out --report"))
    for gap in gaps { out.comment("NOT FOUND: " + gap + ".") }
    out.line("id: " + DraftText.quoted(id))
    out.line("family: " + family.rawValue)
    out.line("description: " + DraftText.quoted("draft from \(fileName)"))
    out.line("municipality:")
    out.line("  name: " + DraftText.quoted(publisher.name))
    if let prefecture = publisher.prefecture {
      out.line("  prefecture: " + DraftText.quoted(prefecture))
    }
    out.line("  code: \"\(publisher.code.digits)\"")
    out.comment("A file is this layout when every one of these words occurs in it.")
    out.line("recognize:")
    for word in recognizeWords { out.line("  - " + DraftText.quoted(word)) }
    switch family {
    case .objectiveSheet: writeObjectiveSheet(&out)
    case .policyEvaluation: writePolicyEvaluation(&out)
    case .reformActionProgram: writeReformProgram(&out)
    default: break
    }
    return out.text
  }

  /// The family words found, else the title's words, else the first label: never empty.
  var recognizeWords: [String] {
    var words = familyWords
    if let title = titleLine?.title, !title.isEmpty, title.unicodeScalars.count <= 30,
      !words.contains(where: { title.contains($0) })
    {
      words.append(title)
    }
    if words.isEmpty, let first = labels.first ?? headerRows.first?.columns.first {
      words.append(first.label)
    }
    return words
  }

  private func writeFiscalYear(_ out: inout YAMLLines, indent: String) {
    switch fiscalYear {
    case .titleLine:
      break
    case .line(let pattern, let line, let text):
      out.comment("line \(line): \(text)", indent: indent)
      out.line(indent + "fiscal-year: {line: " + DraftText.quoted(pattern) + "}")
    case .fileName(let pattern):
      out.comment(
        "GUESS: no line names the fiscal year; the file's name does (\(fileName))",
        indent: indent)
      out.line(indent + "fiscal-year: {file-name: " + DraftText.quoted(pattern) + "}")
    case .fixed(let year):
      out.comment("given on the command line", indent: indent)
      out.line(indent + "fiscal-year: {fixed: \(year)}")
    case .unknown:
      out.comment(
        "NOT FOUND: where the fiscal year is; give one of fiscal-year: {fixed: 2024}, "
          + "{line: '^(?<year>令和\\S+年度)'}, {file-name: '(?<year>20[0-9]{2})'}",
        indent: indent)
    }
  }

  private func writeTitleLine(_ out: inout YAMLLines, indent: String) {
    guard let titleLine else { return }
    out.comment("line \(titleLine.line): " + YAMLLines.excerpt(titleLine.text), indent: indent)
    out.line(indent + "title-line: " + DraftText.quoted(titleLine.pattern))
  }

  private func writeColumns(
    _ out: inout YAMLLines, _ columns: [(field: String, labels: [Label])], indent: String
  ) {
    out.line(indent + "columns:")
    for (field, labels) in columns {
      for label in labels {
        out.found(label, indent: indent + "  ")
      }
      let plain = labels.filter { $0.header == nil }
      if plain.isEmpty, let header = labels.first?.header {
        out.line(indent + "  - {field: \(field), header: " + DraftText.quoted(header) + "}")
      } else {
        out.line(indent + "  - {field: \(field), labels: " + YAMLLines.list(plain) + "}")
      }
    }
  }

  private func headerComment(_ out: inout YAMLLines, place: DraftVocabulary.Place, indent: String) {
    // Header rows printed alike (a table in parts) are said once, with all their lines.
    var order: [[String]] = []
    var rows: [[String]: [HeaderRow]] = [:]
    for row in headerRows where row.place == place {
      if rows[row.cells] == nil { order.append(row.cells) }
      rows[row.cells, default: []].append(row)
    }
    for cells in order {
      let alike = rows[cells] ?? []
      let records = alike.reduce(0) { $0 + $1.records }
      out.comment(
        (alike.count == 1 ? "header row, line " : "header rows, lines ")
          + alike.map { String($0.line) }.joined(separator: ", ") + ": "
          + YAMLLines.excerpt(cells.joined(separator: " | "), most: 160)
          + " (\(Self.count(records, "row")) under "
          + (alike.count == 1 ? "it)" : "them)"), indent: indent)
    }
  }

  private func writeObjectiveSheet(_ out: inout YAMLLines) {
    out.line("sheet:")
    writeTitleLine(&out, indent: "  ")
    writeFiscalYear(&out, indent: "  ")
    if titleLine == nil, case .unknown = fiscalYear { out.line("  {}") }
    switch shape {
    case .records:
      out.comment("A table with one objective per row.")
      out.line("records:")
      headerComment(&out, place: .records, indent: "  ")
      writeColumns(&out, columns(of: .records), indent: "  ")
    case .fields:
      out.comment("The labelled rows of each sheet, in the order the form prints them.")
      out.line("fields:")
      for label in labels where label.place == .fields {
        out.found(label, indent: "  ")
        out.line(
          "  - {field: \(label.field), labels: " + YAMLLines.list([label]) + "}")
      }
      let actions = columns(of: .actions)
      if !actions.isEmpty {
        out.comment("The action table. Its rows start with a circled number (① …) unless")
        out.comment("actions.number says otherwise.")
        out.line("actions:")
        headerComment(&out, place: .actions, indent: "  ")
        writeColumns(&out, actions, indent: "  ")
      }
    case .lines:
      guard let list = bulletList else { break }
      out.comment(
        "A list: \(list.lines.count) lines open with '\(list.bullet)' (the first on line "
          + "\(list.lines[0]))"
          + (list.headings.isEmpty
            ? "."
            : ", under headings such as line \(list.headings[0]) (GUESS: a department)."))
      out.line("lines:")
      out.line("  - role: objective")
      out.line(
        "    pattern: "
          + DraftText.quoted("^" + DraftText.literal([list.bullet]) + "\\s*(?<title>.+)$"))
      if !list.headings.isEmpty {
        out.line("  - role: department")
        out.line(
          "    pattern: "
            + DraftText.quoted("^(?<department>[^\\s()。、]+?)(\\((?<section>[^()]+)\\))?$"))
      }
    case nil:
      break
    }
  }

  private func writePolicyEvaluation(_ out: inout YAMLLines) {
    out.line("evaluation:")
    if writtenTitleLine != nil { writeTitleLine(&out, indent: "  ") }
    writeFiscalYear(&out, indent: "  ")
    out.line("  headings:")
    if let heading = measureHeading {
      out.comment(
        "\(Self.count(heading.lines.count, "line")) such as line \(heading.lines[0]): \(YAMLLines.excerpt(heading.example))",
        indent: "    ")
      let pattern =
        heading.isCode ? heading.pattern : heading.pattern.replacing("(?<number>", with: "(?<code>")
      out.line("    - {level: measure, pattern: " + DraftText.quoted(pattern) + "}")
    } else {
      out.comment("NOT FOUND: the heading that starts each measure", indent: "    ")
    }
    let found = labels.filter { $0.place == .labels }
    var fields = found.map(\.field).reduce(into: [String]()) {
      if !$0.contains($1) { $0.append($1) }
    }
    if fields.contains("indicators") && !fields.contains("indicator-name") {
      fields.removeAll { $0 == "indicators" }
    }
    if !fields.isEmpty {
      out.line("  labels:")
      for field in fields {
        out.labelList(field, found.filter { $0.field == field }, indent: "    ")
      }
    }
    if let grade = gradeCell {
      out.comment(
        "GUESS: the grade, as line \(grade.line) cell \(grade.cell) prints it: "
          + YAMLLines.excerpt(grade.text), indent: "  ")
      out.line("  grade: " + DraftText.quoted(grade.pattern))
    }
    let table = labels.filter { $0.place == .indicatorTable }
    guard !table.isEmpty else { return }
    out.line("  indicator-table:")
    for field in ["baseline", "direction"] {
      out.labelList(field, table.filter { $0.field == field }, indent: "    ")
    }
    let marks = ["up", "down"].map { direction in
      (direction, table.filter { $0.field == direction })
    }.filter { !$0.1.isEmpty }
    if !marks.isEmpty {
      for (_, list) in marks { for label in list { out.found(label, indent: "    ") } }
      out.line(
        "    directions: {"
          + marks.map { direction, list in direction + ": " + YAMLLines.list(list) }
          .joined(separator: ", ") + "}")
    }
    let kinds = Observation.Kind.allCases.map(\.rawValue).filter { $0 != "baseline" }
    guard table.contains(where: { kinds.contains($0.field) }) else { return }
    out.line("    kinds:")
    for kind in kinds {
      out.labelList(kind, table.filter { $0.field == kind }, indent: "      ")
    }
  }

  private func writeReformProgram(_ out: inout YAMLLines) {
    out.line("program:")
    writeTitleLine(&out, indent: "  ")
    writeFiscalYear(&out, indent: "  ")
    let categories = writtenHeadings
    if !categories.isEmpty {
      out.comment(
        "Numbered headings that repeat: GUESS: categories, in the order met.", indent: "  ")
      out.line("  categories:")
      for (level, heading) in zip(1..., categories) {
        out.comment(
          "\(Self.count(heading.lines.count, "line")) such as line \(heading.lines[0]): \(YAMLLines.excerpt(heading.example))",
          indent: "    ")
        let pattern =
          heading.isCode
          ? heading.pattern.replacing("(?<code>", with: "(?<number>") : heading.pattern
        out.line("    - {level: \(level), pattern: " + DraftText.quoted(pattern) + "}")
      }
    }
    let columns = itemColumns
    if columns.isEmpty, let list = writtenBulletList {
      out.comment(
        "GUESS: no item table; the \(Self.count(list.lines.count, "line")) that open with "
          + "'\(list.bullet)' (the first on line \(list.lines[0])) are read as items, each line "
          + "its title. Where the items have a shape of their own (a code, the section in "
          + "charge), write it into the pattern with captures (Mappings/README.md, lines).",
        indent: "  ")
      out.line("  lines:")
      out.line("    - role: item")
      out.line(
        "      pattern: "
          + DraftText.quoted("^" + DraftText.literal([list.bullet]) + "\\s*(?<title>.+)$"))
    }
    guard !columns.isEmpty else { return }
    out.comment("The item tables: a header row, then an item per row.", indent: "  ")
    out.line("  item-table:")
    headerComment(&out, place: .itemTable, indent: "    ")
    writeColumns(&out, columns, indent: "    ")
  }
}

/// The lines of a YAML file being written, comments wrapped at 100 columns.
struct YAMLLines {
  private(set) var text = ""

  /// A cell's text for a comment: on one line, and cut after 60 characters.
  static func excerpt(_ text: String, most: Int = 60) -> String {
    let flat = DraftText.commentText(text).unicodeScalars
    let cut = flat.prefix(most)
    return String(String.UnicodeScalarView(cut)) + (flat.count > most ? "…" : "")
  }

  /// `key: ['label', …]`, each label after the comment that says where it was found; nothing
  /// when there is no label.
  mutating func labelList(_ key: String, _ labels: [MappingDraft.Label], indent: String) {
    guard !labels.isEmpty else { return }
    for label in labels { found(label, indent: indent) }
    line(indent + key + ": " + Self.list(labels))
  }

  /// The labels as a YAML flow sequence: `['主管課', '担当課']`.
  static func list(_ labels: [MappingDraft.Label]) -> String {
    "[" + labels.map { DraftText.quoted($0.label) }.joined(separator: ", ") + "]"
  }

  /// The comment that says where a label was found.
  mutating func found(_ label: MappingDraft.Label, indent: String) {
    comment("line \(label.line) cell \(label.cell): " + Self.excerpt(label.text), indent: indent)
  }

  mutating func line(_ line: String) {
    text += line + "\n"
  }

  mutating func comment(_ comment: String, indent: String = "") {
    let comment = DraftText.commentText(comment)
    var current = indent + "#"
    var width = current.unicodeScalars.count
    for word in comment.split(separator: " ", omittingEmptySubsequences: false) {
      let wordWidth = word.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
      if width + 1 + wordWidth > 100, current != indent + "#" {
        text += current + "\n"
        current = indent + "#"
        width = current.unicodeScalars.count
      }
      current += " " + word
      width += 1 + wordWidth
    }
    text += current + "\n"
  }
}
