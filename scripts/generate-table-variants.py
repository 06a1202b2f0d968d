#!/usr/bin/env python3
"""Writes the real sheets as spreadsheet exports, into Corpus/variants/.

Each sheet of Corpus/sheets/ becomes the table Excel would export if the sheet had been kept in
a workbook: a row per line, a column per cell, at the same row and column as the text
extracted from the PDF. What a workbook cell holds differs from what the PDF conversion left:

- paragraphs (<p>…</p>) and <br> become line breaks inside the cell;
- a table inside a cell (<table><tr><td>…) becomes lines of tab-separated values inside the cell;
- lists (<ul>, <ol>) stay as the conversion wrote them: without <li> where one item ends is not
  known, and a cell pasted from the PDF conversion keeps its markup;
- in every seventh row, ASCII digits are written full-width, as Japanese users type them.

Fields holding a separator, a line break or a quote are quoted, quotes doubled, rows end in CRLF;
Excel's forms are used: "Unicode text" (UTF-16LE with BOM, tabs), "CSV UTF-8" (BOM, commas),
CSV from a Japanese Windows (CP932), and UTF-8 tab text without BOM.

Each export must convert to the canonical body of its sheet (tested by the corpus suite).
Run from the repository root: python3 scripts/generate-table-variants.py
"""
import os
import re

SHEETS = "Corpus/sheets"
OUT = "Corpus/variants"

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
TAG = re.compile(r"<(/?)([a-zA-Z]+)[^<>]*>")


def workbook_cell(raw):
    """The cell as a workbook holds it."""
    names = {m.group(2).lower() for m in TAG.finditer(raw)}
    if not names or names & {"ul", "ol", "li"} or not names <= {"p", "br", "table", "tr", "td", "th"}:
        return raw
    if "table" in names:
        rows = re.findall(r"<tr[^>]*>(.*?)</tr>", raw, flags=re.S)
        lines = []
        for row in rows:
            cells = [c.strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, flags=re.S)]
            lines.append("\t".join(cells))
        before = raw[: raw.lower().index("<table")].strip()
        after = raw[raw.lower().rindex("</table>") + len("</table>"):].strip()
        return "\n".join([x for x in [before] if x] + lines + [x for x in [after] if x])
    text = re.sub(r"<br\s*/?>", "\n", raw, flags=re.I)
    text = re.sub(r"</p>\s*", "\n", text, flags=re.I)
    text = re.sub(r"<p[^>]*>", "\n", text, flags=re.I)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def field(text, separator):
    if any(c in text for c in (separator, "\n", "\r", '"')):
        return '"' + text.replace('"', '""') + '"'
    return text


def export(name, separator):
    lines = open(f"{SHEETS}/{name}.txt", encoding="utf-8").read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    rows = []
    for number, line in enumerate(lines, start=1):
        cells = [workbook_cell(cell) for cell in line.rstrip("\r").split("\t")]
        if number % 7 == 0:
            cells = [cell.translate(FULL_WIDTH) for cell in cells]
        rows.append(separator.join(field(cell, separator) for cell in cells))
    return "".join(row + "\r\n" for row in rows)


VARIANTS = [
    ("ueda-objective-sheet-2024-fukushi", "utf8.tsv", "\t", lambda t: t.encode("utf-8")),
    ("ueda-objective-sheet-2024-shimin-machizukuri", "utf8bom.csv", ",",
     lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
    ("ueda-objective-sheet-2025-kenko-kodomo-mirai", "cp932.tsv", "\t", lambda t: t.encode("cp932")),
    ("tomakomai-policy-evaluation-2020", "cp932.csv", ",", lambda t: t.encode("cp932")),
    # The action program has characters CP932 lacks (², —): Excel's Unicode text.
    ("ueda-reform-action-program-2022", "utf16le.tsv", "\t",
     lambda t: b"\xff\xfe" + t.encode("utf-16-le")),
]

os.makedirs(OUT, exist_ok=True)
for name, suffix, separator, encode in VARIANTS:
    data = encode(export(name, separator))
    path = f"{OUT}/{name}.{suffix}"
    open(path, "wb").write(data)
    print(path, len(data), "bytes")
