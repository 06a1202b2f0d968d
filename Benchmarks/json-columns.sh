#!/usr/bin/env bash
# Validation of one canonical JSON document, pretty-printed and minified to a single line.
#
#   Benchmarks/json-columns.sh [DOCUMENT.json]
#
# The parser gives every value its line and column; it must count columns as it goes, so that
# a minified document (one line of hundreds of kilobytes) costs no more than the same document
# pretty-printed. Builds gyosei in release mode, writes the document (default: the reform
# program's expected output, 270 KB minified) on one line with Python's json module, and times
# `gyosei bench validate` on both. Prints both rates and their ratio; the target is a ratio of
# at most 2. A benchmark, not a test: it reports figures and never fails on them.
set -euo pipefail
cd "$(dirname "$0")/.."
document=${1:-Corpus/expected/ueda-reform-action-program-2022.json}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
swift build -c release --product gyosei 2>&1 | tail -n 1
python3 - "$document" "$scratch/minified.json" <<'PY'
import json, sys
value = json.load(open(sys.argv[1], encoding="utf-8"))
text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
open(sys.argv[2], "w", encoding="utf-8").write(text)
print(f"minified: {len(text.encode())} bytes on one line")
PY
pretty=$(.build/release/gyosei bench validate "$document" --runs 7)
minified=$(.build/release/gyosei bench validate "$scratch/minified.json" --runs 7)
echo "pretty:   $pretty"
echo "minified: $minified"
seconds() { echo "$1" | sed -E 's/.* ([0-9.]+) MB: best ([0-9.]+) MB\/s.*/\1 \2/'; }
python3 - "$(seconds "$pretty")" "$(seconds "$minified")" <<'PY'
import sys
(pm, pr), (mm, mr) = (map(float, arg.split()) for arg in sys.argv[1:3])
pretty, minified = pm / pr, mm / mr
print(f"one document: pretty {pretty * 1000:.1f} ms, minified {minified * 1000:.1f} ms; "
      f"minified takes {minified / pretty:.2f}x the time (target: at most 2x)")
PY
