#!/usr/bin/env python3
"""Writes Corpus/broken/rules/: one canonical document per semantic rule, each a real expected
document with one change that breaks that rule and nothing else. Every file matches the schemas;
`gyosei validate` reports the code its name starts with (up to `--`), found by the rule (not a
warning the document carries), and `gyosei validate --strict` exits 1 on it.

Run from the repository root: python3 scripts/generate-broken-rules.py
"""
import copy
import json
import os

EXPECTED = "Corpus/expected"
OUT = "Corpus/broken/rules"


def load(name):
    with open(os.path.join(EXPECTED, name + ".json"), encoding="utf-8") as f:
        return json.load(f)


OBJECTIVES = load("ueda-objective-sheet-2025-kenko-kodomo-mirai")
EVALUATION = load("tomakomai-policy-evaluation-2020")
PROGRAM = load("ueda-reform-action-program-2022")


def first_projects(document, count):
    """The workbook's document cut to its first projects (rows 3 to 2 + count), with their
    provenance, warnings and unmapped cells: a real document of a size to read."""
    document = copy.deepcopy(document)
    document["projects"] = document["projects"][:count]
    keep = tuple(f"/projects/{i}/" for i in range(count))
    document["provenance"] = [
        e for e in document["provenance"] if e["pointer"] == "/fiscalYear" or e["pointer"].startswith(keep)]
    rows = range(3, 3 + count)
    document["warnings"] = [w for w in document["warnings"] if w.get("line") in rows]
    document["unmapped"] = [u for u in document["unmapped"] if u["line"] in rows]
    return document


PROJECTS = first_projects(load("ofunato-project-evaluation-2025"), 3)


def objective_sheet(change):
    document = copy.deepcopy(OBJECTIVES)
    change(document)
    return document


def evaluation(change):
    document = copy.deepcopy(EVALUATION)
    change(document)
    return document


def program(change):
    document = copy.deepcopy(PROGRAM)
    change(document)
    return document


def projects(change):
    document = copy.deepcopy(PROJECTS)
    change(document)
    return document


def cost_value(field, value):
    """Project 0086's 令和2年度 figure `field` (a JSON Pointer below the cost) set to `value`."""
    def change(document):
        node = document["projects"][0]["costs"][0]
        *parents, last = field.split("/")
        for token in parents:
            node = node[int(token)] if isinstance(node, list) else node[token]
        node = node[int(last)] if isinstance(node, list) else node[last]
        node.update(value=value, raw=str(value))
    return change


def set_key(path, value):
    """A change that sets the value at a JSON Pointer."""
    def change(document):
        *parents, last = path.strip("/").split("/")
        node = document
        for token in parents:
            node = node[int(token)] if isinstance(node, list) else node[token]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return change


def period_0(document):
    return document["objectives"][0]["actions"][1]["midTermReport"][1]["periods"][0]


def date(raw, iso):
    def change(document):
        period = period_0(document)
        period.update(raw=raw, iso=iso, start=iso, end=iso)
    return change


def observation(field, value):
    def change(document):
        document["measures"][0]["indicators"][0]["observations"][0][field] = value
    return change


def renumber_last_item(marker, ordinal):
    """The last of (1) … (5) renumbered."""
    def change(document):
        item = document["objectives"][0]["actions"][0]["items"][4]
        item.update(marker=marker, ordinal=ordinal)
    return change


def program_year(year, text):
    def change(document):
        document.update(fiscalYear=year, fiscalYearText=text)
    return change


def before_autonomy_act(document):
    document["fiscalYear"] = 1900
    del document["fiscalYearText"]


def strip_periods(document):
    action = document["objectives"][3]["actions"][0]
    for field in ("schedule", "targets"):
        for item in action[field]:
            item.pop("periods", None)


CASES = {
    # 1900 is before the Local Autonomy Act; the text is changed with it so only this rule fires.
    "fiscal-year.implausible": objective_sheet(before_autonomy_act),
    "fiscal-year.text-mismatch": objective_sheet(set_key("/fiscalYearText", "令和6年度")),
    "fiscal-year.inconsistent": evaluation(set_key("/measures/0/activitiesFiscalYear", 2019)),
    "date.invalid": objective_sheet(date("2月30日", "2026-02-30")),
    "era.before-start": objective_sheet(date("令和元年4月1日", "2019-04-01")),
    "era.past-end": objective_sheet(date("平成34年4月1日", "2022-04-01")),
    "observation.out-of-range": evaluation(observation("fiscalYear", 2021)),
    "indicator.unit-missing": evaluation(
        lambda d: d["measures"][0]["indicators"][0].pop("unit")),
    "indicator.unit-mismatch": evaluation(observation("raw", "10.3人")),
    "id.duplicate": evaluation(set_key("/measures/1/code", EVALUATION["measures"][0]["code"])),
    "marker.skipped": objective_sheet(renumber_last_item("(6)", 6)),
    "marker.duplicate": objective_sheet(renumber_last_item("(4)", 4)),
    "action.target-without-period": objective_sheet(strip_periods),
    "fiscal-year.inconsistent--program": program(program_year(2030, "令和12年度末")),
    # 一般財源 3089 of 事業費計 3089 made 3000: the sources no longer add up.
    "cost.funding-sum": projects(cost_value("funding/4", 3000)),
    # トータルコスト 4209 = 3089 + 1120 made 4200.
    "cost.total-mismatch": projects(cost_value("totalCost", 4200)),
    # 意識啓発事業の回数 of 令和3年度, 1, made text.
    "indicator.value-not-numeric": projects(
        set_key("/projects/0/indicators/0/observations/1", {
            "fiscalYear": 2021, "kind": "actual", "value": None, "raw": "集計中"})),
}


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        os.remove(os.path.join(OUT, name))
    for code, document in CASES.items():
        with open(os.path.join(OUT, code + ".json"), "w", encoding="utf-8") as f:
            json.dump(document, f, ensure_ascii=False, indent=2)
            f.write("\n")
    print(f"{len(CASES)} documents in {OUT}")


if __name__ == "__main__":
    main()
