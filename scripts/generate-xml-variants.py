#!/usr/bin/env python3
"""Writes real sheets as XML exports of two kinds, into Corpus/variants/.

1. Excel 2003 XML Spreadsheet (SpreadsheetML), the XML that Excel and many Japanese office
   systems still export: each line of the sheet a <Row>, each non-empty cell a <Cell> at its
   column (ss:Index only after a gap, as Excel writes it), line breaks as &#10;. Read with
   Mappings/excel-xml-spreadsheet.yaml; rows and columns are the sheet's lines and cells.

2. A records layout of gyosei's own invention for the objective sheets, as a 目標管理 system
   would export them: one <重点目標> per objective, its fields as elements and attributes, one
   <取組> per action item. The field texts are the sheet's own cells: the expected canonical
   output (checked by eye against the sheet) says through its provenance which cells hold which
   field, and each field is written with the cells' text as the sheet has it. Written in
   Shift_JIS (CP932 bytes, declared in the prolog), as such systems do. Read with
   Mappings/ueda-objective-records-xml.yaml.

Each variant must convert to the canonical body of its sheet (tested by the corpus suite).
Run from the repository root: python3 scripts/generate-xml-variants.py
"""
import importlib.util
import json
import os
from xml.sax.saxutils import escape, quoteattr

SHEETS = "Corpus/sheets"
OUT = "Corpus/variants"

spec = importlib.util.spec_from_file_location("tables", "scripts/generate-table-variants.py")
tables = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tables)


def sheet_lines(name):
    lines = open(f"{SHEETS}/{name}.txt", encoding="utf-8").read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip("\r").split("\t") for line in lines]


def text(value):
    return escape(value).replace("\n", "&#10;").replace("\t", "&#9;")


def spreadsheet(name):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<?mso-application progid="Excel.Sheet"?>',
           '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"',
           ' xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">',
           f' <Worksheet ss:Name={quoteattr(name[:31])}>', '  <Table>']
    previous_row = 0
    for number, cells in enumerate(sheet_lines(name), start=1):
        filled = [(i, tables.workbook_cell(c)) for i, c in enumerate(cells, start=1) if c.strip()]
        if not filled:
            continue
        index = "" if number == previous_row + 1 else f' ss:Index="{number}"'
        out.append(f"   <Row{index}>")
        previous_cell = 0
        for column, value in filled:
            cell_index = "" if column == previous_cell + 1 else f' ss:Index="{column}"'
            out.append(f'    <Cell{cell_index}><Data ss:Type="String">{text(value)}</Data></Cell>')
            previous_cell = column
        out.append("   </Row>")
        previous_row = number
    out += ["  </Table>", " </Worksheet>", "</Workbook>", ""]
    return "\n".join(out)


PLANS = {"総合計画": "総合計画", "上田再構築プラン Ver.2.0「もっと、前へ」": "再構築プラン",
         "第四次上田市行財政改革大綱・アクションプログラム": "行財政改革大綱"}


def objective_records(name):
    lines = sheet_lines(name)
    expected = json.load(open(f"Corpus/expected/{name}.json", encoding="utf-8"))

    def cells(pointer):
        """The sheet's cells the provenance names for `pointer`, each once, in order."""
        seen = []
        for entry in expected["provenance"]:
            if entry["pointer"] == pointer and (entry["line"], entry["cell"]) not in seen:
                seen.append((entry["line"], entry["cell"]))
        return [lines[line - 1][cell - 1] for line, cell in seen]

    def element(tag, pointer, indent, attributes=""):
        found = cells(pointer)
        if not found:
            return []
        return [f"{indent}<{tag}{attributes}>{text(chr(10).join(found))}</{tag}>"]

    out = ['<?xml version="1.0" encoding="Shift_JIS"?>',
           f'<重点目標管理 年度={quoteattr(expected["fiscalYearText"])} '
           f'部局={quoteattr(cells("/organization/department")[0])}>']
    for n, objective in enumerate(expected["objectives"]):
        base = f"/objectives/{n}"
        priority = cells(f"{base}/priority")[0]
        out.append(f"  <重点目標 番号=\"{n + 1}\" 優先順位={quoteattr(priority)}>")
        # The title's provenance also names the contents line ("- 1 title"), which is the
        # sheet's table of contents, not the objective's record.
        titles = [c for c in cells(f"{base}/title") if not c.startswith("- ")]
        out.append(f"    <名称>{text(chr(10).join(titles))}</名称>")
        places = {}
        for k, position in enumerate(objective.get("planPositions", [])):
            places.setdefault(position["plan"], []).append(f"{base}/planPositions/{k}")
        for plan, pointers in places.items():
            found = []
            for pointer in pointers:
                found += [c for c in cells(pointer) if c not in found]
            out.append(f"    <位置付け 計画={quoteattr(PLANS[plan])}>{text(chr(10).join(found))}</位置付け>")
        out += element("現況課題", f"{base}/situation", "    ")
        out += element("目的効果", f"{base}/purpose", "    ")
        for a, action in enumerate(objective["actions"]):
            pointer = f"{base}/actions/{a}"
            marker = cells(f"{pointer}/marker")
            items = cells(f"{pointer}/items")
            separate = marker and marker[0] not in items
            out.append(f"    <取組 記号={quoteattr(marker[0] if separate else action['marker'])}>")
            out += element("項目", f"{pointer}/items", "      ")
            out += element("期間", f"{pointer}/schedule", "      ")
            out += element("数値目標", f"{pointer}/targets", "      ")
            out += element("中間報告", f"{pointer}/midTermReport", "      ")
            out += element("期末報告", f"{pointer}/finalReport", "      ")
            out.append("    </取組>")
        out.append("  </重点目標>")
    out += ["</重点目標管理>", ""]
    return "\n".join(out)


VARIANTS = [
    ("ueda-objective-sheet-2024-shimin-machizukuri", "spreadsheet.xml", spreadsheet, "utf-8"),
    ("ueda-reform-action-program-2022", "spreadsheet.xml", spreadsheet, "utf-8"),
    ("ueda-objective-sheet-2025-kenko-kodomo-mirai", "records.sjis.xml", objective_records, "cp932"),
]

os.makedirs(OUT, exist_ok=True)
for name, suffix, write, encoding in VARIANTS:
    data = write(name).encode(encoding)
    path = f"{OUT}/{name}.{suffix}"
    open(path, "wb").write(data)
    print(path, len(data), "bytes")
