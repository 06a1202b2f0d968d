#!/usr/bin/env python3
"""Writes the real workbooks as the CSV Excel saves, into Corpus/variants/.

Each workbook of Corpus/workbooks/ becomes "CSV (comma delimited)" as a Japanese Windows Excel
saves it: CP932, CRLF, every row of the sheet from row 1 to its last row with a value (so the
CSV's line N is the sheet's row N and its field K is column K), fields with a comma, a quote or a
line break quoted. A cell shows what Excel shows: the cached value of a formula, a whole number
without a decimal point.

The values are read with openpyxl (PyPI), not with gyosei, so the variant is an independent
rendering of the workbook. Each variant must convert, with the workbook's own mapping, to the
same projects as the workbook (tested by the corpus suite).
Run from the repository root: python3 scripts/generate-workbook-variants.py
"""
import csv
import io
import os

import openpyxl

WORKBOOKS = "Corpus/workbooks"
OUT = "Corpus/variants"
SHEET = {"ofunato-project-evaluation-2025.xlsx": "データ集計マクロ用シート"}


def shown(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def main():
    for name, sheet in sorted(SHEET.items()):
        workbook = openpyxl.load_workbook(
            os.path.join(WORKBOOKS, name), read_only=True, data_only=True)
        rows = [[shown(v) for v in row] for row in workbook[sheet].iter_rows(values_only=True)]
        while rows and not any(rows[-1]):
            rows.pop()
        for row in rows:
            while row and not row[-1]:
                row.pop()
        text = io.StringIO()
        csv.writer(text, lineterminator="\r\n").writerows(rows)
        base = os.path.splitext(name)[0]
        path = os.path.join(OUT, f"{base}.cp932.csv")
        with open(path, "wb") as out:
            # Excel writes ? for a character CP932 lacks (㎥, ㏊, ℓ, ➁ …), and so does this.
            out.write(text.getvalue().encode("cp932", errors="replace"))
        print(f"{path}: {len(rows)} rows")


if __name__ == "__main__":
    main()
