#!/usr/bin/env python3
"""Rewrites the README's tables of codes from the registry, as `gyosei validate --list-codes`
prints it: the rules (between <!-- codes:rules … --> and <!-- /codes:rules -->) and the
conversion warnings (<!-- codes:conversion … --> … <!-- /codes:conversion -->).

Run from the repository root after changing DiagnosticCode:
    python3 scripts/update-readme-codes.py [path/to/gyosei]
A test (DiagnosticCodeTests) fails while the README and the registry disagree.
"""
import re
import subprocess
import sys

gyosei = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/gyosei"
rows = [line.split("\t") for line in
        subprocess.run([gyosei, "validate", "--list-codes"], check=True, capture_output=True,
                       text=True).stdout.splitlines()]


def cell(text):
    return text.replace("|", "\\|")


tables = {
    "rules": ["| code | default | asks |", "|---|---|---|"]
    + [f"| `{code}` | {severity} | {cell(english)} |"
       for code, kind, severity, english, _ in rows if kind == "rule"],
    "conversion": ["| code | records |", "|---|---|"]
    + [f"| `{code}` | {cell(english)} |"
       for code, kind, severity, english, _ in rows if kind == "conversion"],
}
text = open("README.md", encoding="utf-8").read()
for name, lines in tables.items():
    pattern = re.compile(r"(<!-- codes:%s [^\n]*-->\n)(.*?)(<!-- /codes:%s -->)" % (name, name), re.S)
    text, count = pattern.subn(lambda m: m.group(1) + "\n".join(lines) + "\n" + m.group(3), text)
    if count != 1:
        sys.exit(f"README.md: no table codes:{name}")
open("README.md", "w", encoding="utf-8").write(text)
