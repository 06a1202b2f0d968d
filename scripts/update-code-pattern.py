#!/usr/bin/env python3
"""Writes the municipality-code check-digit pattern into both published schemas.

The pattern matches exactly the six-digit 全国地方公共団体コード with prefecture 01-47 and a
correct check digit, so independent validators (xmllint, jsonschema) enforce the check digit too.
Swift computes the same pattern (MunicipalityCode.checkDigitPattern); a test compares them.
Run from the repository root after changing the rule: python3 scripts/update-code-pattern.py
"""
import json
import re
import sys

WEIGHTS = [6, 5, 4, 3, 2]


def rest(position, residue):
    if position == 5:
        return str((11 - residue % 11) % 10)
    alternatives = [str(d) + rest(position + 1, (residue + WEIGHTS[position] * d) % 11) for d in range(10)]
    return "(" + "|".join(alternatives) + ")"


def pattern():
    groups = {}
    for prefecture in range(1, 48):
        tens, ones = divmod(prefecture, 10)
        groups.setdefault((tens * WEIGHTS[0] + ones * WEIGHTS[1]) % 11, []).append(f"{tens}{ones}")
    return "|".join("(" + "|".join(groups[r]) + ")" + rest(2, r) for r in sorted(groups))


def main():
    core = pattern()
    root = "Sources/GyoseiModel/Resources/"
    xsd_path = root + "gyosei-1.0.xsd"
    json_path = root + "gyosei-1.0.schema.json"
    xsd = open(xsd_path, encoding="utf-8").read()
    xsd, count = re.subn(r'(<xs:simpleType name="MunicipalityCode">.*?<xs:pattern value=")[^"]*(")',
                         lambda m: m.group(1) + core + m.group(2), xsd, flags=re.S)
    if count != 1:
        sys.exit("MunicipalityCode pattern not found in " + xsd_path)
    open(xsd_path, "w", encoding="utf-8").write(xsd)
    text = open(json_path, encoding="utf-8").read()
    text, count = re.subn(r'("municipalityCode": \{.*?"pattern": )"[^"]*"',
                          lambda m: m.group(1) + json.dumps("^(?:" + core + ")$"), text, flags=re.S)
    if count != 1:
        sys.exit("municipalityCode pattern not found in " + json_path)
    open(json_path, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main()
