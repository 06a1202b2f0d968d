#!/usr/bin/env bash
# Throughput of gyosei's normalizers against other tools, on the real corpus repeated to >= 50 MB.
#
#   Benchmarks/run.sh [MEGABYTES]
#
# Builds gyosei in release mode, writes the corpus text repeated to MEGABYTES (default 50) into a
# scratch directory, and measures on one core (taskset -c 0 when available):
#   - gyosei's JapaneseWidth (gyosei bench width),
#   - ICU NFKC (PyICU), mojimoji (zen_to_han) and neologdn (normalize), installed from PyPI into
#     a virtual environment this script creates under .build/bench-venv;
#   - EraDates and Quantities extraction over the same text (MB/s);
#   - per line, on the forms they support: era dates against japanera, kanji numerals against
#     kanjize (lines/s; the values are checked to agree).
# Prints MB/s for each (best of several runs, input bytes per second) and gyosei's ratio to each.
# A benchmark, not a test: it reports figures and never fails on them.
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-50}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
pin=()
if command -v taskset >/dev/null 2>&1; then pin=(taskset -c 0); fi

echo "== building gyosei (release)"
swift build -c release --product gyosei 2>&1 | tail -n 1

echo "== corpus: Corpus/sheets/*.txt repeated to ${megabytes} MB"
python3 - "$megabytes" "$scratch/corpus.txt" <<'PY'
import glob, sys
data = b"".join(open(f, "rb").read() for f in sorted(glob.glob("Corpus/sheets/*.txt")))
target = int(sys.argv[1]) * 1_000_000
with open(sys.argv[2], "wb") as out:
    written = 0
    while written < target:
        out.write(data)
        written += len(data)
print(f"{written / 1e6:.1f} MB from {len(data)} bytes of real sheets")
PY

echo "== comparison tools (PyPI, in .build/bench-venv)"
venv=.build/bench-venv
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/pip" install --quiet --disable-pip-version-check pyicu-wheels mojimoji neologdn japanera \
  kanjize

echo "== measuring on one core"
gyosei_line=$("${pin[@]}" .build/release/gyosei bench width "$scratch/corpus.txt" --runs 7)
echo "$gyosei_line"
gyosei_rate=$(echo "$gyosei_line" | sed -E 's/.*best ([0-9.]+) MB\/s.*/\1/')
"${pin[@]}" "$venv/bin/python" Benchmarks/compare_width.py "$scratch/corpus.txt" "$gyosei_rate"

echo "== extraction (EraDates, Quantities) on the same text"
"${pin[@]}" .build/release/gyosei bench dates "$scratch/corpus.txt" --runs 5
"${pin[@]}" .build/release/gyosei bench quantities "$scratch/corpus.txt" --runs 5

echo "== per line, against japanera and kanjize"
"$venv/bin/python" Benchmarks/compare_extraction.py prepare "$scratch/corpus.txt" "$scratch"
date_line=$("${pin[@]}" .build/release/gyosei bench date-lines "$scratch/era-dates.txt" --runs 3)
kanji_line=$("${pin[@]}" .build/release/gyosei bench kanji-lines "$scratch/kanji.txt" --runs 3)
echo "$date_line"
echo "$kanji_line"
rate() { echo "$1" | sed -E 's/.*best ([0-9.]+) lines\/s.*/\1/'; }
"${pin[@]}" "$venv/bin/python" Benchmarks/compare_extraction.py time "$scratch" \
  "$(rate "$date_line")" "$(rate "$kanji_line")"

echo "== converting the five real sheets end to end (read, map, emit, validate, write)"
for run in 1 2 3; do
  start=$(date +%s.%N)
  "${pin[@]}" .build/release/gyosei convert Corpus/sheets/*.txt \
    --out "$scratch/converted" --format both >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "run $run: $(python3 -c "print(f'{$end - $start:.2f}')") s"
done

echo "== decoding legacy encodings, 50 MB each (detection included), against iconv and Python"
python3 - "$scratch" <<'PY'
import sys
scratch = sys.argv[1]
cp932 = open("Corpus/variants/tomakomai-policy-evaluation-2020.cp932.txt", "rb").read()
open(f"{scratch}/big.cp932", "wb").write(cp932 * (50_000_000 // len(cp932) + 1))
euc = open("Corpus/variants/ueda-objective-sheet-2024-fukushi.eucjp.txt", "rb").read()
open(f"{scratch}/big.eucjp", "wb").write(euc * (50_000_000 // len(euc) + 1))
PY
"${pin[@]}" .build/release/gyosei bench decode "$scratch/big.cp932" --runs 5
"${pin[@]}" .build/release/gyosei bench decode "$scratch/big.eucjp" --runs 5
for pair in "CP932 big.cp932" "EUC-JP-MS big.eucjp"; do
  set -- $pair
  start=$(date +%s.%N)
  "${pin[@]}" iconv -f "$1" -t UTF-8 "$scratch/$2" >/dev/null
  end=$(date +%s.%N)
  echo "iconv $1: $(python3 -c "import os; print(f'{os.path.getsize(\"$scratch/$2\") / 1e6 / ($end - $start):.1f}')") MB/s"
done
python3 - "$scratch" <<'PY'
import sys, time
data = open(f"{sys.argv[1]}/big.cp932", "rb").read()
runs = []
for _ in range(3):
    start = time.perf_counter()
    data.decode("cp932")
    runs.append(time.perf_counter() - start)
print(f"Python cp932: {len(data) / 1e6 / min(runs):.1f} MB/s")
PY
