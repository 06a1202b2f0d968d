#!/usr/bin/env python3
"""Checks gyosei's canonical JSON of a project workbook against the workbook itself, read
independently with openpyxl (PyPI).

For every data row (a row with a 事務事業ID), the document must hold one project with that code
and name (width folded, as NFKC folds it), and every cost figure and indicator value of every yearly block must equal the
workbook's cell: the value as a number (a number stored as text, '11', counts as the number),
the text as shown. The columns are found here by their headers, with no use of gyosei's mapping:
each block opens with a 国庫支出金 column and holds 19 columns in the form's order.

Usage: python3 scripts/check-project-workbook.py WORKBOOK.xlsx SHEET DOCUMENT.json FIRST_FY
(FIRST_FY: the fiscal year of the first block, 2020 for 令和2年度). Exit 1 on any difference.
"""
import json
import sys
import unicodedata

import openpyxl

FUNDING = ["国庫支出金", "都道府県支出金", "地方債", "その他", "一般財源"]
NAMED = ["projectCost", "staff", "hours", "personnelCost", "totalCost"]
INDICATORS = ["ア", "イ", "ウ", "カ", "キ", "ク", "サ", "シ", "ス"]


def number(value):
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip().replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def main():
    workbook_path, sheet, document_path, first_year = sys.argv[1:5]
    first_year = int(first_year)
    rows = list(openpyxl.load_workbook(workbook_path, read_only=True, data_only=True)[sheet]
                .iter_rows(values_only=True))
    header = [("" if v is None else str(v)) for v in rows[1]]
    code_column = header.index("事務事業ID")
    name_column = header.index("事務事業名")
    starts = [i for i, h in enumerate(header) if h == "国庫支出金"]
    indicator_names = {}
    for i, h in enumerate(header):
        for letter in INDICATORS:
            if h.endswith(f"{letter}：名称"):
                indicator_names[letter] = i
    document = json.load(open(document_path, encoding="utf-8"))
    projects = {p["code"]: p for p in document["projects"]}
    problems = []
    checked = {"projects": 0, "cost figures": 0, "indicator values": 0}

    def compare(where, cell, amount):
        if cell is None or str(cell).strip() == "":
            if amount is not None:
                problems.append(f"{where}: the cell is empty, the document has {amount}")
            return
        if amount is None:
            problems.append(f"{where}: the cell holds {cell!r}, the document nothing")
            return
        expected = number(cell)
        if expected is None:
            # A CSV saved by Excel in CP932 has ? for a character CP932 lacks.
            shown = {str(cell).strip(), str(cell).strip().encode("cp932", "replace").decode("cp932")}
            if amount.get("value") is not None or amount.get("raw", "").strip() not in shown:
                problems.append(f"{where}: the cell holds {cell!r}, the document {amount}")
        elif amount.get("value") != expected:
            problems.append(f"{where}: the cell holds {cell!r}, the document {amount}")

    data_rows = [(n, r) for n, r in enumerate(rows[2:], start=3)
                 if r[code_column] not in (None, "")]
    for line, row in data_rows:
        code = str(row[code_column]).strip()
        project = projects.get(code)
        if project is None:
            problems.append(f"row {line}: project {code} is missing")
            continue
        checked["projects"] += 1
        # gyosei folds widths (（ → (, Ｙ → Y, U+3000 → space) as NFKC does for these.
        if project["name"] != unicodedata.normalize("NFKC", str(row[name_column])).strip():
            problems.append(f"row {line}: name {project['name']!r} != {row[name_column]!r}")
        costs = {(c["fiscalYear"]): c for c in project["costs"]}
        indicators = {i.get("label"): i for i in project["indicators"]}
        for block, start in enumerate(starts):
            year = first_year + block
            cost = costs.get(year)
            funding = {a["source"]: a for a in (cost or {}).get("funding", [])}
            for offset, source in enumerate(FUNDING):
                compare(f"row {line} FY{year} {source}", row[start + offset], funding.get(source))
                checked["cost figures"] += 1
            for offset, field in enumerate(NAMED, start=5):
                compare(f"row {line} FY{year} {field}", row[start + offset],
                        (cost or {}).get(field))
                checked["cost figures"] += 1
            for offset, letter in enumerate(INDICATORS, start=10):
                cell = row[start + offset]
                named = row[indicator_names[letter]] not in (None, "") and \
                    str(row[indicator_names[letter]]).strip() != ""
                indicator = indicators.get(letter)
                observation = None
                if indicator is not None:
                    observation = next((o for o in indicator["observations"]
                                        if o["fiscalYear"] == year), None)
                if not named:
                    if observation is not None:
                        problems.append(f"row {line} FY{year} {letter}: unnamed, but has a value")
                    continue
                compare(f"row {line} FY{year} indicator {letter}", cell, observation)
                checked["indicator values"] += 1
    if len(projects) != len(data_rows):
        problems.append(f"{len(data_rows)} data rows, {len(projects)} projects")
    for problem in problems[:50]:
        print(problem)
    summary = ", ".join(f"{v} {k}" for k, v in checked.items())
    if problems:
        print(f"{document_path}: {len(problems)} differences ({summary} checked)")
        sys.exit(1)
    print(f"{document_path}: equal to {workbook_path} ({summary})")


if __name__ == "__main__":
    main()
