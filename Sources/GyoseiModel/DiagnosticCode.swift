/// Every stable code gyosei reports: the document checks, the semantic rules and the warnings
/// conversion records, each with its default severity and what it means in English and
/// Japanese.
///
/// This is the one registry: the readers record warnings by these cases, the rules report by
/// them, `gyosei validate --list-rules` and `--list-codes` print them, and a test checks the
/// README's tables against them. A canonical document read from elsewhere may carry a code
/// this list does not know (`ConversionWarning.code` is text); it is reported as it is.
public enum DiagnosticCode: String, CaseIterable, Sendable, Hashable, Comparable {
  // MARK: The document itself (fixed errors: a document must read and match the schema)
  case schemaJSON = "schema.json"
  case schemaXSD = "schema.xsd"
  case jsonSyntax = "json.syntax"
  case xmlDoctype = "xml.doctype"
  case xmlNotWellFormed = "xml.not-well-formed"
  case documentFamilyBody = "document.family-body"
  case ioMemory = "io.memory"
  case ioRead = "io.read"
  case conversionFailed = "conversion.failed"

  // MARK: Semantic rules
  case municipalityCode = "municipality.code"
  case municipalityCheckDigit = "municipality.check-digit"
  case fiscalYearImplausible = "fiscal-year.implausible"
  case fiscalYearTextMismatch = "fiscal-year.text-mismatch"
  case fiscalYearInconsistent = "fiscal-year.inconsistent"
  case dateInvalid = "date.invalid"
  case eraBeforeStart = "era.before-start"
  case eraPastEnd = "era.past-end"
  case observationOutOfRange = "observation.out-of-range"
  case indicatorUnitMissing = "indicator.unit-missing"
  case indicatorUnitMismatch = "indicator.unit-mismatch"
  case idDuplicate = "id.duplicate"
  case markerSkipped = "marker.skipped"
  case markerDuplicate = "marker.duplicate"
  case actionTargetWithoutPeriod = "action.target-without-period"
  case costFundingSum = "cost.funding-sum"
  case costTotalMismatch = "cost.total-mismatch"
  case indicatorValueNotNumeric = "indicator.value-not-numeric"

  // MARK: Conversion warnings
  case markerOCRRepaired = "marker.ocr-repaired"
  case markerOutOfOrder = "marker.out-of-order"
  case markerZeroAsBullet = "marker.zero-as-bullet"
  case dateNeedsFiscalYear = "date.needs-fiscal-year"
  case quantitySplitSeparator = "quantity.split-separator"
  case quantityUnknownUnit = "quantity.unknown-unit"
  case quantityOutOfRange = "quantity.out-of-range"
  case rowLabelInferred = "row.label-inferred"
  case actionUnnumbered = "action.unnumbered"
  case actionEmpty = "action.empty"
  case actionCellOutsideColumns = "action.cell-outside-columns"
  case objectivePriorityMissing = "objective.priority-missing"
  case organizationDepartmentDiffers = "organization.department-differs"
  case sheetFiscalYearDiffers = "sheet.fiscal-year-differs"
  case contentsMismatch = "contents.mismatch"
  case contentsMissing = "contents.missing"
  case contentsTitleMismatch = "contents.title-mismatch"
  case contentsCategoryMismatch = "contents.category-mismatch"
  case contentsSectionsMismatch = "contents.sections-mismatch"
  case contentsCountMismatch = "contents.count-mismatch"
  case headingTitleMismatch = "heading.title-mismatch"
  case measureCodeMismatch = "measure.code-mismatch"
  case indicatorRowShifted = "indicator.row-shifted"
  case indicatorHeaderIncomplete = "indicator.header-incomplete"
  case indicatorMeasureCarried = "indicator.measure-carried"
  case indicatorMeasureInvalid = "indicator.measure-invalid"
  case indicatorMeasureMissing = "indicator.measure-missing"
  case indicatorBaselineEraAssumed = "indicator.baseline-era-assumed"
  case indicatorBaselineYearMissing = "indicator.baseline-year-missing"
  case indicatorUnitFromBaseline = "indicator.unit-from-baseline"
  case indicatorRowUnread = "indicator.row-unread"
  case indicatorYearHeaderAssumed = "indicator.year-header-assumed"
  case categoryNumberedByPlace = "category.numbered-by-place"
  case tableFiscalYearAssumed = "table.fiscal-year-assumed"
  case planPeriodMismatch = "plan.period-mismatch"
  case planPathIrregular = "plan.path-irregular"
  case itemTitleCellsSwapped = "item.title-cells-swapped"
  case itemTitleMarkerRepeated = "item.title-marker-repeated"
  case itemPageMissing = "item.page-missing"
  case yearResultSpansCells = "year.result-spans-cells"
  case textVariantCharacter = "text.variant-character"
  case textDuplicatedWord = "text.duplicated-word"
  case lexiconSuspiciousWord = "lexicon.suspicious-word"
  case encodingReplaced = "encoding.replaced"
  case projectIndicatorUnnamed = "project.indicator-unnamed"
  case costValueNotNumeric = "cost.value-not-numeric"
  case sheetHiddenCells = "sheet.hidden-cells"
  case tableQuoteSpansRows = "table.quote-spans-rows"

  /// Who reports a code.
  public enum Kind: String, Sendable, Hashable {
    /// The document does not read or match the schema: always an error, never configurable.
    case document
    /// A semantic rule of `gyosei validate` (some are also recorded during conversion).
    case rule
    /// A repair, guess or doubt recorded while converting a source.
    case conversion
  }

  public var kind: Kind {
    switch self {
    case .schemaJSON, .schemaXSD, .jsonSyntax, .xmlDoctype, .xmlNotWellFormed,
      .documentFamilyBody, .ioMemory, .ioRead, .conversionFailed:
      return .document
    case .municipalityCode, .municipalityCheckDigit, .fiscalYearImplausible,
      .fiscalYearTextMismatch, .fiscalYearInconsistent, .dateInvalid, .eraBeforeStart,
      .eraPastEnd, .observationOutOfRange, .indicatorUnitMissing, .indicatorUnitMismatch,
      .idDuplicate, .markerSkipped, .markerDuplicate, .actionTargetWithoutPeriod,
      .costFundingSum, .costTotalMismatch, .indicatorValueNotNumeric:
      return .rule
    default:
      return .conversion
    }
  }

  /// The severity the code is reported with unless a rules file says otherwise (a conversion
  /// warning carried in a document is a warning).
  public var severity: DiagnosticSeverity {
    switch self {
    case .fiscalYearInconsistent, .eraPastEnd, .indicatorUnitMissing, .indicatorUnitMismatch,
      .markerSkipped, .markerDuplicate, .actionTargetWithoutPeriod, .costFundingSum,
      .costTotalMismatch, .indicatorValueNotNumeric:
      return .warning
    default:
      return kind == .conversion ? .warning : .error
    }
  }

  /// The rules, in the order reports list them.
  public static let rules = allCases.filter { $0.kind == .rule }

  /// The codes no rules file may change.
  public static let fixed = Set(allCases.filter { $0.kind == .document })

  public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool {
    lhs.rawValue < rhs.rawValue
  }

  /// What the code means, in English.
  public var summary: String { descriptions.english }

  /// What the code means, in Japanese.
  public var summaryJapanese: String { descriptions.japanese }

  // swift-format-ignore: FunctionBodyLength
  private var descriptions: (english: String, japanese: String) {
    switch self {
    case .schemaJSON: return ("the JSON document matches the JSON Schema", "JSON文書がJSONスキーマに適合する")
    case .schemaXSD: return ("the XML document matches the XSD", "XML文書がXSDに適合する")
    case .jsonSyntax: return ("the file is strict JSON", "ファイルが厳密なJSONである")
    case .xmlDoctype: return ("the XML has no DOCTYPE", "XMLにDOCTYPE宣言がない")
    case .xmlNotWellFormed: return ("the XML is well-formed", "XMLが整形式である")
    case .documentFamilyBody:
      return ("the body is the one the family names", "本文が文書種別に合っている")
    case .ioMemory: return ("the document could be read into memory", "文書をメモリに読み込めた")
    case .ioRead: return ("the file could be read", "ファイルを読めた")
    case .conversionFailed: return ("the source converts", "元の表が変換できる")
    case .municipalityCode:
      return (
        "the 全国地方公共団体コード is six digits with a prefecture 01–47",
        "全国地方公共団体コードは6桁で、都道府県番号は01〜47"
      )
    case .municipalityCheckDigit:
      return (
        "its sixth digit is the check digit", "全国地方公共団体コードの6桁目は検査数字と一致する"
      )
    case .fiscalYearImplausible:
      return (
        "the fiscal year lies in 1947 (the Local Autonomy Act) … 2099",
        "年度は1947年度（地方自治法施行）から2099年度まで"
      )
    case .fiscalYearTextMismatch:
      return (
        "the year as written (fiscalYearText, 令和7年度) is the fiscal year",
        "年度の表記（令和7年度など）が年度の値と一致する"
      )
    case .fiscalYearInconsistent:
      return (
        "the body fits the year: a 施策's activities are of the document's year; an evaluation or "
          + "indicator table has values for its year; a program's year lies in its planned years",
        "本文の年度が文書の年度と整合する"
      )
    case .dateInvalid:
      return (
        "every date exists (no 2月30日, no 2025-02-29) and every period starts before it ends",
        "日付が実在し（2月30日などでない）、期間の開始が終了より前"
      )
    case .eraBeforeStart:
      return ("no era date lies before its era began (令和元年4月1日)", "和暦の日付が元号の始まる前でない")
    case .eraPastEnd:
      return (
        "no era year lies past its era's end (平成34年度, read arithmetically)",
        "和暦の年が元号の終わった後でない（平成34年度など）"
      )
    case .observationOutOfRange:
      return (
        "actual values (and rates) are for the document's year or the nine before it",
        "指標の実績値の年度が文書の年度とその前9年度の範囲内"
      )
    case .indicatorUnitMissing: return ("every indicator has a unit", "指標に単位がある")
    case .indicatorUnitMismatch:
      return (
        "a value written with a unit (12人) uses its indicator's unit (%); rates aside",
        "単位付きの値の単位が指標の単位と一致する（達成率を除く）"
      )
    case .idDuplicate:
      return (
        "施策番号, item, category, goal and policy numbers, priorities are unique in a document; "
          + "in one run, a document id belongs to one source (sha256)",
        "施策番号・項目番号・優先順位・文書IDが重複しない"
      )
    case .markerSkipped:
      return (
        "numbered lists (① (1) ア …) and actions start at 1 and skip no number",
        "番号付きの箇条が1から始まり、番号が飛ばない"
      )
    case .markerDuplicate:
      return ("numbered lists and actions repeat no number", "番号付きの箇条で番号が重複しない")
    case .actionTargetWithoutPeriod:
      return (
        "an action with a numeric target has a period in its targets or its schedule",
        "数値目標のある取組は、目標またはスケジュールに期間がある"
      )
    case .costFundingSum:
      return (
        "a year's funding sources (国庫支出金 … 一般財源) add up to its 事業費計 (A)",
        "財源内訳の合計が事業費計（A）と一致する"
      )
    case .costTotalMismatch:
      return (
        "a year's 事業費計 (A) plus 人件費計 (B) is its トータルコスト",
        "事業費計（A）と人件費計（B）の和がトータルコストと一致する"
      )
    case .indicatorValueNotNumeric:
      return (
        "an indicator whose values are numbers has no value that is not one",
        "数値の指標に数値でない値がない"
      )
    case .markerOCRRepaired:
      return (
        "a misread list marker was read as its sequence needs ((7) as (ア))",
        "誤読された箇条記号を前後の並びから読み直した"
      )
    case .markerOutOfOrder: return ("a list marker goes back in its sequence", "箇条記号の順序が逆行している")
    case .markerZeroAsBullet:
      return ("〇 (the kanji zero) stands where the bullet ○ belongs", "記号○の位置に漢数字の〇が使われている")
    case .dateNeedsFiscalYear:
      return ("a month or day without a year, and no fiscal year to place it in", "年のない月日を置く年度がない")
    case .quantitySplitSeparator:
      return (
        "a number split at its separator by the text extraction (20, 083)", "桁区切りの後で数値が分断されている"
      )
    case .quantityUnknownUnit: return ("a unit gyosei does not know", "未知の単位")
    case .quantityOutOfRange:
      return ("a number too large to hold as a value (kept as written)", "値として扱えないほど大きな数（原文のまま保持）")
    case .rowLabelInferred:
      return (
        "a row without a label was read as the next field of the form", "見出しのない行を様式の次の項目として読んだ"
      )
    case .actionUnnumbered:
      return ("an action row without a number was numbered by its place", "番号のない取組行を位置で番号付けした")
    case .actionEmpty: return ("a numbered action row holds nothing else", "番号だけの取組行")
    case .actionCellOutsideColumns:
      return ("a cell under no column header of the action table", "取組表のどの列見出しにも属さないセル")
    case .objectivePriorityMissing: return ("the objective has no priority", "重点目標に優先順位がない")
    case .organizationDepartmentDiffers:
      return ("a sheet names another department than the first sheet", "シートの部局名が最初のシートと異なる")
    case .sheetFiscalYearDiffers:
      return (
        "a sheet's title names another fiscal year than the file's first", "シートの表題の年度が最初のシートと異なる"
      )
    case .contentsMismatch:
      return ("the list of objectives disagrees with the sheets", "重点目標の一覧とシートが一致しない")
    case .contentsMissing:
      return ("a section is not listed in the contents", "目次にない節がある")
    case .contentsTitleMismatch: return ("the contents give an item another title", "目次の項目名が本文と異なる")
    case .contentsCategoryMismatch:
      return ("the contents place an item in another category", "目次の区分が本文と異なる")
    case .contentsSectionsMismatch:
      return ("the contents name other sections for an item", "目次の担当課所が本文と異なる")
    case .contentsCountMismatch:
      return ("a category declares another number of items than it has", "区分の項目数の記載と実数が異なる")
    case .headingTitleMismatch:
      return ("a repeated heading is worded differently", "繰り返された見出しの文言が異なる")
    case .measureCodeMismatch:
      return ("a measure's code disagrees with the headings it stands under", "施策番号が見出しの体系と一致しない")
    case .indicatorRowShifted:
      return ("an indicator row that lost a cell was read one column over", "セルが欠けた指標の行を1列ずらして読んだ")
    case .indicatorHeaderIncomplete:
      return ("the indicator table's header lacks a column", "指標表の見出しに列が足りない")
    case .indicatorMeasureCarried:
      return (
        "an indicator row without a measure code continues the measure above",
        "施策番号のない指標行を上の施策のものとした"
      )
    case .indicatorMeasureInvalid: return ("a measure code that does not read", "施策番号が読めない")
    case .indicatorMeasureMissing:
      return ("an indicator without a measure code and none above it", "施策番号がなく、上にもない指標")
    case .indicatorBaselineEraAssumed:
      return (
        "a baseline's period names no era and was read in the era of the table's year columns",
        "基準値の時期に元号がないため、表の年度列の元号で読んだ"
      )
    case .indicatorBaselineYearMissing:
      return ("a baseline names no period gyosei reads", "基準値の時期が読めない")
    case .indicatorUnitFromBaseline:
      return (
        "an indicator without a unit column takes its unit from its baseline",
        "単位の列がないため、基準値の単位を指標の単位とした"
      )
    case .indicatorYearHeaderAssumed:
      return (
        "an indicator table's year columns write no 年度 (H23) and were read as fiscal years",
        "指標表の年度列に「年度」がなく (H23)、年度として読んだ"
      )
    case .indicatorRowUnread:
      return ("a row of an indicator table that is no indicator's", "どの指標にも属さない指標表の行")
    case .categoryNumberedByPlace:
      return (
        "a category printed without a number was numbered by its place",
        "番号のない区分を位置で番号付けした"
      )
    case .tableFiscalYearAssumed:
      return ("the table's fiscal year was taken from its last year column", "表の年度を最後の年度列から推定した")
    case .planPeriodMismatch:
      return ("two spellings of a plan period name different years", "計画期間の二つの表記が異なる年を示す")
    case .planPathIrregular:
      return ("a plan position's path does not run 編・章・節", "計画上の位置付けが編・章・節の順でない")
    case .itemTitleCellsSwapped:
      return ("the cells of an item's title were in the wrong order", "項目名のセルの順序が入れ替わっていた")
    case .itemTitleMarkerRepeated:
      return ("an item title's marker was written twice", "項目名の記号が二重に書かれていた")
    case .itemPageMissing: return ("an item of the contents has no page", "目次の項目に本文のページがない")
    case .yearResultSpansCells:
      return ("a yearly result spread over two cells was joined", "年度の実績が二つのセルにまたがっていたので結合した")
    case .textVariantCharacter:
      return ("a variant character was replaced (續 → 続)", "異体字を置き換えた（續→続）")
    case .textDuplicatedWord:
      return (
        "a word is written twice in a row, probably by the PDF conversion",
        "語が二度続けて書かれている（PDF変換によるものと思われる）"
      )
    case .lexiconSuspiciousWord:
      return (
        "a word is probably misread (府内 for 庁内); kept as written", "誤読と思われる語（府内→庁内など）。原文のまま残した"
      )
    case .encodingReplaced:
      return ("bytes that do not decode were replaced with U+FFFD", "復号できないバイトをU+FFFDに置き換えた")
    case .projectIndicatorUnnamed:
      return (
        "values stand under an indicator whose name is empty; they are kept as unmapped",
        "名称が空欄の指標に値がある。値は未対応セルとして残した"
      )
    case .tableQuoteSpansRows:
      return (
        "a quoted field runs over lines that look like rows: a stray \" may have joined them",
        "引用符で囲まれたフィールドが行のような複数行にまたがる（閉じ忘れの \" で行が一つのセルに結合された可能性）"
      )
    case .sheetHiddenCells:
      return (
        "a row or column the workbook hides holds cells; they were read like the others",
        "ブックで非表示の行・列にセルがある。ほかのセルと同じく読み取った"
      )
    case .costValueNotNumeric:
      return (
        "a cost cell is not a number; its text is kept and it has no value",
        "事業費のセルが数値でない。原文を残し、値は空とした"
      )
    }
  }
}

/// How serious a reported problem is.
public enum DiagnosticSeverity: String, Hashable, Sendable, Comparable, CaseIterable {
  case error
  case warning
  case info

  public static func < (lhs: DiagnosticSeverity, rhs: DiagnosticSeverity) -> Bool {
    let order: [DiagnosticSeverity] = [.error, .warning, .info]
    return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
  }
}
