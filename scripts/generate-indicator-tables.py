#!/usr/bin/env python3
"""Writes 苫小牧市's evaluation indicators (from the 施策評価表 of FY2020) as an indicator table,
in two forms, into Corpus/variants/:

- tomakomai-indicator-table-2020.cp932.tsv: the spreadsheet a 企画課 keeps: a title line, a
  header (施策番号, 指標名, 単位, then fiscal years written as people write them: 平成30年度,
  令和元年度, R2年度, 令和3年度, R4年度), one row per indicator; the 施策番号 is a merged cell,
  exported only on a 施策's first row; in every fifth row the digits are full-width. CP932.
- tomakomai-indicator-table-2020.records.xml: the same indicators as a system exports them, one
  <施策 番号="…"> record per 施策, one <指標> per indicator, one <実績 年度="…"> per fiscal year.

Every name, unit and value is the sheet's own cell, as written: the expected canonical output of
Corpus/sheets/tomakomai-policy-evaluation-2020.txt (checked by eye) says through its provenance
which cell holds which, and the text is taken from the sheet. Both forms must convert to that
document's indicators (tested by the corpus suite).
Run from the repository root: python3 scripts/generate-indicator-tables.py
"""
import json
from xml.sax.saxutils import escape, quoteattr

SHEET = "Corpus/sheets/tomakomai-policy-evaluation-2020.txt"
EXPECTED = "Corpus/expected/tomakomai-policy-evaluation-2020.json"
OUT = "Corpus/variants/tomakomai-indicator-table-2020"
YEARS = [(2018, "平成30年度"), (2019, "令和元年度"), (2020, "R2年度"), (2021, "令和3年度"),
         (2022, "R4年度")]
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

lines = [line.rstrip("\r").split("\t") for line in open(SHEET, encoding="utf-8").read().split("\n")]
expected = json.load(open(EXPECTED, encoding="utf-8"))
cells = {}
for entry in expected["provenance"]:
    cells[entry["pointer"]] = lines[entry["line"] - 1][entry["cell"] - 1].strip()

records = []  # (code, [(name, unit, {year: value})])
for m, measure in enumerate(expected["measures"]):
    indicators = []
    for i, indicator in enumerate(measure["indicators"]):
        base = f"/measures/{m}/indicators/{i}"
        values = {}
        for k, observation in enumerate(indicator["observations"]):
            values[observation["fiscalYear"]] = cells[f"{base}/observations/{k}"]
        indicators.append((cells[f"{base}/name"], cells.get(f"{base}/unit", ""), values))
    if indicators:
        records.append((measure["code"], indicators))

title = f"{expected['fiscalYearText']} 施策評価 評価指標一覧"

rows = [[title], ["施策番号", "指標名", "単位"] + [label for _, label in YEARS]]
for code, indicators in records:
    for n, (name, unit, values) in enumerate(indicators):
        row = [code if n == 0 else "", name, unit] + [values.get(year, "") for year, _ in YEARS]
        if len(rows) % 5 == 4:
            row = row[:3] + [value.translate(FULL_WIDTH) for value in row[3:]]
        rows.append(row)


def field(text):
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in '\t\n"') else text


tsv = "".join("\t".join(field(c) for c in row) + "\r\n" for row in rows)
open(f"{OUT}.cp932.tsv", "wb").write(tsv.encode("cp932"))

xml = ['<?xml version="1.0" encoding="UTF-8"?>',
       f"<評価指標一覧 市町村=\"苫小牧市\" 年度={quoteattr(expected['fiscalYearText'])}>",
       "  <年度一覧>" + "".join(f"<年度>{label}</年度>" for _, label in YEARS) + "</年度一覧>"]
for code, indicators in records:
    xml.append(f'  <施策 番号="{code}">')
    for name, unit, values in indicators:
        xml.append(f"    <指標 名称={quoteattr(name)} 単位={quoteattr(unit)}>")
        for year, label in YEARS:
            xml.append(f"      <実績 年度={quoteattr(label)}>{escape(values.get(year, ''))}</実績>")
        xml.append("    </指標>")
    xml.append("  </施策>")
xml += ["</評価指標一覧>", ""]
open(f"{OUT}.records.xml", "w", encoding="utf-8").write("\n".join(xml))
print(f"{OUT}.cp932.tsv", len(rows), "rows;", f"{OUT}.records.xml", len(records), "施策")
