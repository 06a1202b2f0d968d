#!/usr/bin/env bash
# Memory and time of one conversion as the input grows: issue #21 asks that memory stay within a
# small multiple of the input (4× plus a fixed amount) and that one long line convert in linear
# time.
#
#   Benchmarks/memory.sh [MEGABYTES...]
#
# Builds gyosei in release mode and, for each size (default 5 10 20), converts to validated JSON
# on one core (`taskset -c 0`, GNU time for the wall clock and the peak resident set):
# - a sheet: 苫小牧市's 施策評価表 (Corpus/sheets) repeated to that size, one document with every
#   copy's 施策 (their repeated numbers are warnings, as they should be);
# - a line: 米子市's list with one objective's title that long (one cell of that size).
# Prints the input size, seconds, peak MB and the peak as a multiple of the input. A benchmark,
# not a test: it reports figures and never fails on them.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(5 10 20)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
swift build -c release --product gyosei 2>&1 | tail -n 1

measure() {  # name, input file
  /usr/bin/time -f "%e %M" -o "$scratch/time" taskset -c 0 .build/release/gyosei convert "$2" \
    --out "$scratch/out" --format json --quiet >/dev/null 2>"$scratch/err" || {
    echo "$1: conversion failed: $(tail -n 1 "$scratch/err")"
    return
  }
  read -r seconds kilobytes <"$scratch/time"
  bytes=$(stat -c %s "$2")
  python3 -c "
import sys
name, size, seconds, kb = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
print(f'{name:<28} {size / 1048576:7.1f} MB {seconds:7.2f} s {kb / 1024:8.0f} MB peak'
      f' {kb * 1024 / size:6.1f}x the input')" "$1" "$bytes" "$seconds" "$kilobytes"
  rm -rf "$scratch/out"
}

for size in "${sizes[@]}"; do
  python3 - "$size" "$scratch" <<'PY'
import sys
size, scratch = int(sys.argv[1]) * 1048576, sys.argv[2]
sheet = open("Corpus/sheets/tomakomai-policy-evaluation-2020.txt", encoding="utf-8").read()
with open(f"{scratch}/tomakomai-policy-evaluation-2020.txt", "w", encoding="utf-8") as out:
    written = 0
    while written < size:
        out.write(sheet)
        written += len(sheet.encode())
lines = open("Corpus/sheets/yonago-objective-list-2024.txt", encoding="utf-8").read().split("\n")
index = next(i for i, line in enumerate(lines) if line.startswith("- "))
word = "地域の魅力を発信する取組を進め、"
lines[index] = "- " + word * (size // len(word.encode()))
with open(f"{scratch}/yonago-objective-list-2024.txt", "w", encoding="utf-8") as out:
    out.write("\n".join(lines))
PY
  measure "sheet, ${size} MB" "$scratch/tomakomai-policy-evaluation-2020.txt"
  measure "one line, ${size} MB" "$scratch/yonago-objective-list-2024.txt"
done
