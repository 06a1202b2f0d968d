#!/usr/bin/env python3
"""Writes Corpus/broken/*.json and *.xml: the hand-built objective sheet example of the current
schema (Corpus/examples/ueda-objective-sheet-2025) with one defect each, which the schemas (or the
check-digit rule) must reject at the place named. The edits are textual, so every other line stays
as gyosei writes it and the line of each defect is known.

Run from the repository root: python3 scripts/generate-broken-documents.py
"""
import os

EXAMPLE = "Corpus/examples/ueda-objective-sheet-2025"
OUT = "Corpus/broken"


def read(extension):
    with open(EXAMPLE + "." + extension, encoding="utf-8") as f:
        return f.read()


def replace_first(text, old, new, after=None):
    start = text.index(after) if after else 0
    index = text.index(old, start)
    return text[:index] + new + text[index + len(old):]


def drop_line(text, fragment, after):
    index = text.index(fragment, text.index(after))
    line_start = text.rindex("\n", 0, index) + 1
    line_end = text.index("\n", index) + 1
    return text[:line_start] + text[line_end:]


JSON = read("json")
XML = read("xml")

BROKEN = {
    # The first objective has no title.
    "missing-field": (
        drop_line(JSON, '"title": ', after='"objectives": ['),
        drop_line(XML, "<title>", after="<objectives>"),
    ),
    # A priority as the sheet prints it, not as the schema types it.
    "wrong-type": (
        replace_first(JSON, '"priority": 1,', '"priority": "1位",'),
        replace_first(XML, "<priority>1</priority>", "<priority>1位</priority>"),
    ),
    # 上田市's code with a wrong check digit (202037 is right).
    "code-202038": (
        replace_first(JSON, '"code": "202037"', '"code": "202038"'),
        replace_first(XML, "<code>202037</code>", "<code>202038</code>"),
    ),
    # The fiscal year as written instead of as a number.
    "fiscal-year-text": (
        replace_first(JSON, '"fiscalYear": 2025,', '"fiscalYear": "令和7年度",'),
        replace_first(XML, "<fiscalYear>2025</fiscalYear>", "<fiscalYear>令和7年度</fiscalYear>"),
    ),
    # A key the schema does not know.
    "unknown-key": (
        replace_first(JSON, '"fiscalYear": 2025,\n', '"fiscalYear": 2025,\n  "comment": "extra",\n'),
        replace_first(
            XML, "<fiscalYear>2025</fiscalYear>\n",
            "<fiscalYear>2025</fiscalYear>\n  <comment>extra</comment>\n"),
    ),
    # An objective sheet's body under another family's name.
    "family-mismatch": (
        replace_first(JSON, '"family": "objective-sheet"', '"family": "policy-evaluation"'),
        None,
    ),
}

for name, (json_text, xml_text) in BROKEN.items():
    for extension, text in (("json", json_text), ("xml", xml_text)):
        if text is None:
            continue
        path = os.path.join(OUT, name + "." + extension)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        print(path)
