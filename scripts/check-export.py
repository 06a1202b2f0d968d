#!/usr/bin/env python3
"""Checks `gyosei export` with independent readers.

    check-export.py CSV_DIR WORKBOOK.xlsx SOURCE_DIR

1. Every sheet of the workbook (read by openpyxl) holds the rows of its CSV file (read by
   Python's csv module): the same cells, numbers as numbers in the workbook.
2. Every project cost, funding amount and indicator value whose source is a workbook in
   SOURCE_DIR equals that workbook's cell at the row's source_line and source_cell (read by
   openpyxl): the export names the cell each value came from.
Exits 1 with the first differences listed.
"""
import csv
import os
import sys

import openpyxl


def text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def main():
    csv_dir, workbook_path, source_dir = sys.argv[1:4]
    workbook = openpyxl.load_workbook(workbook_path, read_only=True)
    problems = []
    tables = {}
    for name in workbook.sheetnames:
        rows = [list(row) for row in workbook[name].iter_rows(values_only=True)]
        with open(os.path.join(csv_dir, name + ".csv"), encoding="utf-8-sig", newline="") as f:
            expected = list(csv.reader(f))
        if len(rows) != len(expected):
            problems.append(f"{name}: {len(rows)} rows in the workbook, {len(expected)} in CSV")
            continue
        for number, (row, wanted) in enumerate(zip(rows, expected), start=1):
            cells = [text(v) for v in row] + [""] * (len(wanted) - len(row))
            for column, (got, want) in enumerate(zip(cells, wanted), start=1):
                # CSV guards text a spreadsheet would run as a formula; the workbook need not.
                if got != want and not (want.startswith("'") and got == want[1:]):
                    problems.append(f"{name} row {number} column {column}: {got!r} != {want!r}")
        tables[name] = [dict(zip(expected[0], r)) for r in expected[1:]]
    print(f"{len(workbook.sheetnames)} sheets equal their CSV files")

    sources = {}
    checked = 0
    value_columns = {
        "project_costs": ["total_cost", "project_cost", "personnel_cost", "staff", "hours"],
        "project_funding": ["value"],
        "observations": ["value"],
    }
    for name, columns in value_columns.items():
        for row in tables.get(name, []):
            source = os.path.join(source_dir, row["source_file"])
            if not source.endswith(".xlsx") or not os.path.exists(source):
                continue
            if source not in sources:
                sources[source] = openpyxl.load_workbook(source, data_only=True).worksheets[0]
            sheet = sources[source]
            cell = sheet.cell(row=int(row["source_line"]), column=int(row["source_cell"])).value
            value = next((row[c] for c in columns if row.get(c, "") != ""), "")
            if value == "":
                continue
            try:
                same = abs(float(value) - float(str(cell).replace(",", ""))) < 1e-9
            except ValueError:
                same = False
            if not same:
                problems.append(
                    f"{name}: {row['record_key']} {row.get('fiscal_year')}: {value} but "
                    f"{row['source_file']} row {row['source_line']} column {row['source_cell']} "
                    f"holds {cell!r}")
            checked += 1
    print(f"{checked} values equal the workbook cell their row names")
    if problems or checked == 0:
        for problem in problems[:20]:
            print(problem)
        if checked == 0:
            print("no value was checked against its source workbook")
        sys.exit(1)


main()
