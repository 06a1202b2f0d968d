#!/usr/bin/env python3
"""Builds the hand-made example documents in Corpus/examples/ from the real sheets.

The structure of each example (which cell is which field, where a list item ends, which period a
word names) is read off the sheet by a person and written out below; the strings themselves are
cut from the named line and cell of the real file, so nothing is retyped. `cell(line, n)` checks
that every piece asked for is really in that cell. Full-width ASCII (！ to ～) is folded to
half-width, as gyosei's normalizers do; `raw` in provenance keeps the text as written.

Run from the repository root: python3 scripts/build-examples.py
The JSON written here is byte-for-byte what gyosei's emitter writes (a test checks that), and
`gyosei convert --format xml` gives the XML versions.
"""
import hashlib
import json
import sys

CORPUS = sys.argv[1] if len(sys.argv) > 1 else "Corpus/sheets"


def fold(text):
    return "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text)


class Sheet:
    def __init__(self, name):
        self.name = name
        self.bytes = open(f"{CORPUS}/{name}", "rb").read()
        self.lines = self.bytes.decode("utf-8").split("\n")
        self.provenance = []

    def sha256(self):
        return hashlib.sha256(self.bytes).hexdigest()

    def cell(self, line, n=1):
        cells = self.lines[line - 1].split("\t")
        return cells[n - 1].strip()

    def piece(self, line, n, text):
        whole = self.cell(line, n)
        if text not in fold(whole) and text not in whole:
            sys.exit(f"{self.name}:{line}:{n}: '{text}' is not in '{whole}'")
        return fold(text)

    def trace(self, pointer, line, n=None, raw=None):
        entry = {"pointer": pointer, "line": line}
        if n is not None:
            entry["cell"] = n
        entry["raw"] = raw if raw is not None else (self.cell(line, n) if n else self.lines[line - 1].strip())
        self.provenance.append(entry)


def smart_city(cell):
    # Schema 1.1 reads the スマートシティ row as a plan position: its marker, then its title.
    text = fold(cell)
    return {"plan": "スマートシティ化推進計画", "path": [text[0]], "title": text[1:].strip()}


def named(raw, name, fy):
    return {"kind": "named", "raw": raw, "iso": f"FY{fy}", "fiscalYearStart": fy, "fiscalYearEnd": fy,
            "name": name}


def month(raw, number, fy):
    # A month of fiscal year fy (April to March).
    year = fy if number >= 4 else fy + 1
    iso = f"{year}-{number:02d}"
    return {"kind": "month", "raw": raw, "iso": iso, "start": iso, "end": iso, "fiscalYearStart": fy,
            "fiscalYearEnd": fy}


def item(marker, ordinal, text, level=1, periods=None, quantities=None, items=None):
    result = {}
    if marker is not None:
        result["marker"] = marker
    result["level"] = level
    if ordinal is not None:
        result["ordinal"] = ordinal
    result["text"] = text
    if periods:
        result["periods"] = periods
    if quantities:
        result["quantities"] = quantities
    if items:
        result["items"] = items
    return result


def qty(raw, value, unit, unit_text, qualifiers=None):
    result = {"raw": raw, "value": value, "unit": unit, "unitText": unit_text}
    if qualifiers:
        result["qualifiers"] = qualifiers
    return result


def write(path, document):
    with open(path, "w", encoding="utf-8") as out:
        out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def objective_sheet():
    s = Sheet("ueda-objective-sheet-2025-kenko-kodomo-mirai.txt")
    fy = 2025
    c = lambda line, n, text: s.piece(line, n, text)
    yearly = lambda raw: named(raw, "throughout-year", fy)
    within = lambda raw: named(raw, "within-fiscal-year", fy)
    action1 = {
        "number": 1, "marker": "①", "title": c(27, 2, "若い世代が参加しやすい健康づくり事業の推進"),
        "items": [
            item("(1)", 1, c(27, 2, "健康づくりチャレンジポイントのデジタル化による利便性向上")),
            item("(2)", 2, c(27, 2, "地域企業と連携した働き盛り世代の健康増進")),
            item("(3)", 3, c(27, 2, "地域の健康増進事業の再構築")),
            item("(4)", 4, c(27, 2, "子どもの健康づくり支援 保育園運動プロジェクト「チャレンジキッズ」の実施")),
            item("(5)", 5, c(27, 2, "若い世代からの健康づくり支援"), items=[
                item("ア", 1, c(27, 2, "30歳代若年健診の実施"), level=2),
                item("イ", 2, c(27, 2, "妊婦無料歯科検診の実施"), level=2),
                item("ウ", 3, c(27, 2, "歯周病検診の実施"), level=2),
            ]),
        ],
        "schedule": [
            item("(1)", 1, "年度内", periods=[within("年度内")]),
            item("(2)", 2, "通年", periods=[yearly("通年")]),
            item("(3)", 3, "年度内", periods=[within("年度内")]),
            item("(4)", 4, "", items=[item("ア", 1, "通年", level=2, periods=[yearly("通年")])]),
            item("(5)", 5, "", items=[
                item("ア", 1, "通年", level=2, periods=[yearly("通年")]),
                item("イ", 2, "通年", level=2, periods=[yearly("通年")]),
                item("ウ", 3, "通年", level=2, periods=[yearly("通年")]),
            ]),
        ],
        "targets": [
            item("(1)", 1, c(27, 4, "健康アプリ「うえいく」の機能拡充")),
            item("(2)", 2, c(27, 4, "健康経営推進事業の実施")),
            item("(3)", 3, c(27, 4, "健康推進委員のあり方検討")),
            item("(4)", 4, c(27, 4, "運動指導園児数：延べ3,000人"),
                 quantities=[qty("延べ3,000人", 3000, "person", "人", ["cumulative"])]),
            item("(5)", 5, "", items=[
                item("ア", 1, c(27, 4, "（社保）受診者数：400人 ※（国保）受診者数：300人"), level=2,
                     quantities=[qty("400人", 400, "person", "人"), qty("300人", 300, "person", "人")]),
                item("イ", 2, c(27, 4, "受診者数：500人"), level=2, quantities=[qty("500人", 500, "person", "人")]),
                item("ウ", 3, c(27, 4, "20歳受診者数：150人"), level=2,
                     quantities=[qty("150人", 150, "person", "人")]),
            ]),
        ],
        "midTermReport": [
            item("(1)", 1, c(27, 5, "6月補正予算にて予算化・9月中旬にアプリ開発着手"),
                 periods=[month("6月", 6, fy), month("9月", 9, fy)]),
            item("(2)", 2, c(27, 5, "地元企業との連携による健康経営懇談会の開催（2回）"),
                 quantities=[qty("2回", 2, "times", "回")]),
            item("(3)", 3, c(27, 5, "健康推進委員制度に代わる事業等の検討 今年度での制度終了の決定"),
                 periods=[{"kind": "fiscal-year", "raw": "今年度", "iso": f"FY{fy}", "fiscalYearStart": fy,
                           "fiscalYearEnd": fy}]),
            item("(4)", 4, c(27, 5, "運動指導園児数：延べ1,800人"),
                 quantities=[qty("延べ1,800人", 1800, "person", "人", ["cumulative"])]),
            item("(5)", 5, "", items=[
                item("ア", 1, c(27, 5, "（社保）受診者数：111人 ※（国保）受診者数：78人"), level=2,
                     quantities=[qty("111人", 111, "person", "人"), qty("78人", 78, "person", "人")]),
                item("イ", 2, c(27, 5, "受診者数：208人（8月末時点）"), level=2,
                     periods=[{"kind": "date", "raw": "8月末時点", "iso": "2025-08-31", "start": "2025-08-31",
                               "end": "2025-08-31", "fiscalYearStart": fy, "fiscalYearEnd": fy}],
                     quantities=[qty("208人", 208, "person", "人")]),
                item("ウ", 3, c(27, 5, "20歳受診者数：40人（8月末時点）"), level=2,
                     periods=[{"kind": "date", "raw": "8月末時点", "iso": "2025-08-31", "start": "2025-08-31",
                               "end": "2025-08-31", "fiscalYearStart": fy, "fiscalYearEnd": fy}],
                     quantities=[qty("40人", 40, "person", "人")]),
            ]),
        ],
        "finalReport": [],
    }
    action2 = {
        "number": 2, "marker": "②", "title": c(28, 2, "食育の推進"),
        "items": [
            item("(1)", 1, c(28, 2, "広報等を通じた情報発信及び学習機会の提供")),
            item("(2)", 2, c(28, 2, "セブン＆アイ・ホールディングスとの包括連携協定に基づく官民連携イベントの実施")),
        ],
        "schedule": [
            item("(1)", 1, "通年", periods=[yearly("通年")]),
            item("(2)", 2, "8月", periods=[{"kind": "month", "raw": "8月", "iso": "2025-08", "start": "2025-08",
                                            "end": "2025-08", "fiscalYearStart": fy, "fiscalYearEnd": fy}]),
        ],
        "targets": [
            item("(1)", 1, c(28, 4, "広報うえだ、ホームページ掲載")),
            item("(2)", 2, c(28, 4, "1回開催"), quantities=[qty("1回", 1, "times", "回")]),
        ],
        "midTermReport": [
            item("(1)", 1, c(28, 5, "広報うえだ6月号、ホームページ掲載"), periods=[month("6月", 6, fy)]),
            item("(2)", 2, c(28, 5, "8月7日アリオ上田にて開催 参加者数：716人"),
                 periods=[{"kind": "date", "raw": "8月7日", "iso": "2025-08-07", "start": "2025-08-07",
                           "end": "2025-08-07", "fiscalYearStart": fy, "fiscalYearEnd": fy}],
                 quantities=[qty("716人", 716, "person", "人")]),
        ],
        "finalReport": [],
    }
    situation = s.cell(24, 2)
    purpose = s.cell(25, 2)

    def numbered(text, count):
        # "1 … 2 … 3 …": split before each number, checking the numbers run 1..count.
        parts, rest = [], text
        for n in range(1, count + 1):
            assert rest.startswith(f"{n} "), (n, rest[:20])
            nxt = rest.find(f" {n + 1} ") if n < count else -1
            body = rest[len(f"{n} "):nxt if nxt >= 0 else None]
            parts.append(item(str(n), n, fold(body)))
            rest = rest[nxt + 1:] if nxt >= 0 else ""
        return parts

    objective = {
        "priority": 1,
        "title": c(21, 3, "人生１００年時代を見据えた子どもや若い世代からの健康づくりの推進"),
        "planPositions": [
            {"plan": "総合計画", "path": ["第4編", "第1章", "第1節"],
             "title": c(22, 3, "健幸都市を目指した健康づくり事業の推進")},
            # the plan as the mapping names it; this sheet writes "上田再構築プランVer.2.0 「もっと、前へ」"
            {"plan": "上田再構築プラン Ver.2.0「もっと、前へ」", "path": [],
             "title": c(22, 6, "からだもこころも元気な健幸(けんこう)都市上田の実現")},
            {"plan": "第四次上田市行財政改革大綱・アクションプログラム", "path": ["(1)", "イ"],
             "title": c(23, 3, "多様な主体が市政に参画・協働する制度づくり")},
        ],
        "situation": numbered(situation, 8),
        "purpose": numbered(purpose, 8),
        "actions": [action1, action2],
    }
    s.trace("/title", 19)
    s.trace("/fiscalYear", 19, raw="令和7年度")
    s.trace("/organization/department", 21, 6)
    s.trace("/objectives/0/priority", 21, 8)
    s.trace("/objectives/0/title", 21, 3)
    s.trace("/objectives/0/planPositions/0", 22, 3)
    s.trace("/objectives/0/planPositions/1", 22, 6)
    s.trace("/objectives/0/planPositions/2", 23, 3)
    s.trace("/objectives/0/situation", 24, 2)
    s.trace("/objectives/0/purpose", 25, 2)
    for index, line in ((0, 27), (1, 28)):
        s.trace(f"/objectives/0/actions/{index}/marker", line, 1)
        for n, key in ((2, "items"), (3, "schedule"), (4, "targets"), (5, "midTermReport")):
            s.trace(f"/objectives/0/actions/{index}/{key}", line, n)
    return {
        "schemaVersion": "1.2",
        "id": f"202037-objective-sheet-{fy}-{s.sha256()[:12]}",
        "family": "objective-sheet",
        "title": "令和7年度 重点目標管理シート",
        "municipality": {"name": "上田市", "prefecture": "長野県", "code": "202037"},
        "fiscalYear": fy,
        "fiscalYearText": "令和7年度",
        "organization": {"department": s.cell(21, 6), "sections": []},
        "source": {"fileName": s.name, "sha256": s.sha256(), "format": "pdf-text", "encoding": "UTF-8"},
        "objectives": [objective],
        "warnings": [],
        "unmapped": [],
        "provenance": s.provenance,
    }


def policy_evaluation():
    s = Sheet("tomakomai-policy-evaluation-2020.txt")
    fy = 2020
    para = lambda line: item(None, None, fold(s.cell(line, 1)))
    measures = []
    for code, first, indicator_line in (("2110111", 57, 67), ("2110112", 77, 87), ("2110113", 97, 107)):
        assert s.cell(first + 1, 1) == code, (code, s.cell(first + 1, 1))
        org_line = first + 3
        department, section = s.cell(org_line, 2).split(" ")
        label = s.cell(org_line, 4)
        assert label.startswith("A (") and label.endswith(")")
        activities_line = first + 8
        assert s.cell(activities_line, 1) == "具体的な取組 (R2年度)"
        name, unit = s.cell(indicator_line, 2), s.cell(indicator_line, 3)
        observations = []
        for offset, year in ((4, 2018), (5, 2019), (6, 2020), (7, 2021), (8, 2022)):
            raw = s.cell(indicator_line, offset) if len(s.lines[indicator_line - 1].split("\t")) >= offset else ""
            if raw:
                observations.append({"fiscalYear": year, "kind": "actual", "value": float(raw.replace(",", "")),
                                     "raw": raw})
        direction_line = indicator_line + 1
        assert s.cell(direction_line, 1) == "今後の取組の方向性"
        index = len(measures)
        measures.append({
            "code": code, "codeScheme": "tomakomai-policy-evaluation", "basicMeasure": "01", "majorMeasure": "1",
            "description": fold(s.cell(first, 2)),
            "organizations": [{"department": department, "sections": [section]}],
            "reflection": "A", "reflectionLabel": label[3:-1],
            "activitiesFiscalYear": fy,
            "activities": [item(None, None, fold(s.cell(activities_line, 2)))],
            "indicators": [{"name": fold(name), "unit": unit, "observations": observations}],
            "direction": fold(s.cell(direction_line, 2)),
        })
        s.trace(f"/measures/{index}/code", first + 1, 1)
        s.trace(f"/measures/{index}/description", first, 2)
        s.trace(f"/measures/{index}/organizations", org_line, 2)
        s.trace(f"/measures/{index}/reflection", org_line, 4)
        s.trace(f"/measures/{index}/activities", activities_line, 2)
        s.trace(f"/measures/{index}/indicators/0/name", indicator_line, 2)
        s.trace(f"/measures/{index}/indicators/0/unit", indicator_line, 3)
        s.trace(f"/measures/{index}/direction", direction_line, 2)
    for m in measures:
        for o in m["indicators"][0]["observations"]:
            if o["value"] == int(o["value"]):
                o["value"] = int(o["value"])
    plan_text = s.cell(45, 1)
    assert plan_text == "- ・ 苫小牧市健康増進計画（平成30～34年度（2018～2022年度））", plan_text
    basic = {
        "number": "01", "title": "保健予防対策の充実",
        "situation": [para(33), para(35), para(37)],
        "basicGoal": fold(s.cell(41, 1)),
        "relatedPlans": [
            {"name": "苫小牧市健康増進計画",
             "period": {"kind": "fiscal-year-range", "raw": "平成30～34年度", "iso": "FY2018..FY2022",
                        "fiscalYearStart": 2018, "fiscalYearEnd": 2022}},
            {"name": "苫小牧市食育推進計画"},
        ],
        "majorMeasures": [{"number": "1", "title": "健康づくりの推進"}],
    }
    for pointer, line in (("/title", 5), ("/fiscalYear", 3), ("/goals/0", 9), ("/goals/0/policies/0", 11),
                          ("/goals/0/policies/0/basicMeasures/0", 29),
                          ("/goals/0/policies/0/basicMeasures/0/situation/0", 33),
                          ("/goals/0/policies/0/basicMeasures/0/situation/1", 35),
                          ("/goals/0/policies/0/basicMeasures/0/situation/2", 37),
                          ("/goals/0/policies/0/basicMeasures/0/basicGoal", 41),
                          ("/goals/0/policies/0/basicMeasures/0/relatedPlans/0", 45),
                          ("/goals/0/policies/0/basicMeasures/0/relatedPlans/1", 46),
                          ("/goals/0/policies/0/basicMeasures/0/majorMeasures/0", 50)):
        s.trace(pointer, line, 1 if pointer != "/fiscalYear" else None,
                raw=None if pointer != "/fiscalYear" else "令和2年度")
    s.provenance.sort(key=lambda e: (e["line"], e.get("cell", 0)))
    unmapped = [{"line": 7, "cell": 1, "text": s.cell(7, 1)}]
    for line in range(50, 111):
        if s.cell(line, 1) in ("SDGs", "17の目標"):
            unmapped.append({"line": line, "cell": 1, "text": s.cell(line, 1)})
    return {
        "schemaVersion": "1.2",
        "id": f"012131-policy-evaluation-{fy}-{s.sha256()[:12]}",
        "family": "policy-evaluation",
        "title": "第6次基本計画 施策評価表",
        "municipality": {"name": "苫小牧市", "prefecture": "北海道", "code": "012131"},
        "fiscalYear": fy,
        "fiscalYearText": "令和2年度",
        "source": {"fileName": s.name, "sha256": s.sha256(), "format": "pdf-text", "encoding": "UTF-8"},
        "goals": [{"number": "1", "title": "共に支え合い健やかに暮らすまち", "policies": [
            {"number": "1", "title": "健康な暮らしの実現", "basicMeasures": [basic]}]}],
        "measures": measures,
        "warnings": [{"code": "era.past-end",
                      "message": "平成 ended in its 31st year; 平成34年度 is read arithmetically as FY2022",
                      "line": 45, "cell": 1, "original": "平成30～34年度"}],
        "unmapped": unmapped,
        "provenance": s.provenance,
    }


def reform_action_program():
    s = Sheet("ueda-reform-action-program-2022.txt")
    fy = 2022
    items = []
    for number, line, page, contents_line in ((4, 201, 9, 35), (5, 218, 10, 36)):
        assert s.cell(line, 1) == "No." and s.cell(line, 2) == str(number)
        assert s.cell(contents_line, 1) == str(number)
        years = []
        header = line + 10
        assert s.cell(header, 1) == "取組年度"
        result_column = s.lines[header - 1].split("\t").index(
            next(c for c in s.lines[header - 1].split("\t") if c.startswith("実績"))) + 1
        for offset, year in enumerate(range(2021, 2026)):
            row = header + 1 + offset
            cells = s.lines[row - 1].split("\t")
            entry = {"fiscalYear": year, "plan": fold(s.cell(row, 2))}
            result = cells[result_column - 1].strip() if len(cells) >= result_column else ""
            if result:
                entry["result"] = fold(result)
            years.append(entry)
            s.trace(f"/items/{len(items)}/years/{offset}/plan", row, 2)
            if result:
                s.trace(f"/items/{len(items)}/years/{offset}/result", row, result_column)
        items.append((number, line, page, contents_line, years))
    i4, i5 = items
    item4 = {
        "number": 4, "localNumber": 4, "title": fold(s.cell(201, 4)), "categoryPath": ["(1)", "ア"], "page": 9,
        "departments": ["総務部", "会計管理者組織"], "sections": ["総務課", "行政管理課", "会計課"],
        "overview": fold(s.cell(202, 2)), "resultsSoFar": fold(s.cell(205, 2)), "means": fold(s.cell(206, 2)),
        "fiveYearGoal": fold(s.cell(207, 2)),
        "planPositions": [
            {"plan": "第二次上田市総合計画", "path": ["第1編", "第3章", "第1節"], "title": "行財政改革の推進と住民サービスの充実"},
            {"plan": "第二次上田市総合計画", "path": ["第1編", "第3章", "第2編"], "title": "市民と行政との情報共有の推進"},
            smart_city(s.cell(209, 2)),
        ],
        "years": i4[4],
    }
    assert s.cell(204, 2) == "総務部 会計管理者組織" and s.cell(204, 3) == "総務課 行政管理課 会計課"
    assert "【第1編 第3章 第2編】" in s.cell(208, 2)
    assert s.cell(221, 2) == "市民まちづくり推進部 福祉部 健康こども未来部 市民課 福祉課 国保年金課 子育て子育ち支援課"
    item5 = {
        "number": 5, "localNumber": 5, "title": fold(s.cell(218, 4)), "categoryPath": ["(1)", "ア"], "page": 10,
        "departments": ["市民まちづくり推進部", "福祉部", "健康こども未来部"],
        "sections": ["市民課", "福祉課", "国保年金課", "子育て子育ち支援課"],
        "overview": fold(s.cell(219, 2)), "resultsSoFar": fold(s.cell(222, 2)), "means": fold(s.cell(223, 2)),
        "fiveYearGoal": fold(s.cell(224, 2)),
        "planPositions": [
            {"plan": "第二次上田市総合計画", "path": ["第1編", "第3章", "第1節"], "title": "行財政改革の推進と住民サービスの充実"},
            smart_city(s.cell(226, 2)),
        ],
        "years": i5[4],
    }
    for index, base in ((0, 201), (1, 218)):
        s.trace(f"/items/{index}/number", base, 2)
        s.trace(f"/items/{index}/title", base, 4)
        s.trace(f"/items/{index}/overview", base + 1, 2)
        s.trace(f"/items/{index}/departments", base + 3, 2)
        s.trace(f"/items/{index}/resultsSoFar", base + 4, 2)
        s.trace(f"/items/{index}/means", base + 5, 2)
        s.trace(f"/items/{index}/fiveYearGoal", base + 6, 2)
        s.trace(f"/items/{index}/planPositions", base + 7, 2)
        s.trace(f"/items/{index}/planPositions", base + 8, 2)
    s.trace("/items/0/sections", 204, 3)
    s.trace("/title", 4)
    s.trace("/fiscalYear", 8)
    s.trace("/categories/0", 27, 1)
    s.trace("/categories/0/categories/0", 29, 1)
    s.provenance.sort(key=lambda e: (e["line"], e.get("cell", 0)))
    assert s.cell(27, 1) == "(1) 将来を見据えた新たな行政サービスへの改革……20項目"
    assert s.cell(29, 1) == "ア ICTの活用による行政サービスの向上と業務の効率化（5項目）"
    contents_title = s.cell(35, 3)
    warnings = [{
        "code": "contents.title-mismatch",
        "message": "the table of contents and the item page give No.4 different titles; the page's is kept",
        "line": 201, "cell": 4, "original": contents_title,
    }]
    for line in range(229, 234):
        if "府内" in s.cell(line, 2):
            warnings.append({"code": "lexicon.suspicious-word",
                             "message": "府内 may be an OCR misreading of 庁内; kept as written",
                             "line": line, "cell": 2, "original": s.cell(line, 2)})
    return {
        "schemaVersion": "1.2",
        "id": f"202037-reform-action-program-{fy}-{s.sha256()[:12]}",
        "family": "reform-action-program",
        "title": "第四次 上田市行財政改革大綱 アクションプログラム",
        "municipality": {"name": "上田市", "prefecture": "長野県", "code": "202037"},
        "fiscalYear": fy,
        "fiscalYearText": "令和4年度末",
        "source": {"fileName": s.name, "sha256": s.sha256(), "format": "pdf-text", "encoding": "UTF-8"},
        "categories": [{"number": "(1)", "title": "将来を見据えた新たな行政サービスへの改革", "declaredItemCount": 20,
                        "categories": [{"number": "ア", "title": "ICTの活用による行政サービスの向上と業務の効率化",
                                        "declaredItemCount": 5, "categories": []}]}],
        "items": [item4, item5],
        "warnings": warnings,
        "unmapped": [],
        "provenance": s.provenance,
    }


if __name__ == "__main__":
    write("Corpus/examples/ueda-objective-sheet-2025.json", objective_sheet())
    write("Corpus/examples/tomakomai-policy-evaluation-2020.json", policy_evaluation())
    write("Corpus/examples/ueda-reform-action-program-2022.json", reform_action_program())
