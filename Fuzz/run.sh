#!/usr/bin/env bash
# Fuzzes gyosei's readers and normalizers with libFuzzer (the toolchain's -sanitize=fuzzer, with
# AddressSanitizer), each target seeded from Corpus/.
#
#   Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
#
# FUZZ_SEED=N fixes libFuzzer's random seed (CI uses 1, so that a run is repeatable as far as
# the time allows).
# Targets: convert-text convert-csv convert-xml convert-xlsx validate decode normalize draft
# (default: all). Builds Fuzz/ (a package of its own, so the main build never links libFuzzer) in release
# mode with the sanitizers, then runs each target for SECONDS_PER_TARGET (default 60) on both
# cores (-fork=2), inputs up to 4 KB (64 KB for workbooks). The working corpus grows under
# Fuzz/corpus/TARGET (git-ignored) and is reused by the next run; a finding (crash, sanitizer
# report, an input that runs past 10 s or 2 GB) is written to Fuzz/findings/TARGET/ and fails the
# script. Leaks are not checked: the process-wide caches (mappings, compiled schemas) are kept on
# purpose. Prints, per target: executions, executions per second, coverage (edges), findings.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(convert-text convert-csv convert-xml convert-xlsx validate decode normalize draft)

(cd Fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address 2>&1 | tail -n 1)
fuzzer=Fuzz/.build/release/GyoseiFuzz

seeds() {
  case "$1" in
    convert-text) ls Corpus/sheets/*.txt Corpus/variants/*.txt ;;
    convert-csv) ls Corpus/variants/*.csv Corpus/variants/*.tsv ;;
    convert-xml) ls Corpus/variants/*.xml Corpus/expected/*.xml ;;
    convert-xlsx) ls Fuzz/seeds/convert-xlsx/*.xlsx ;;
    validate) ls Corpus/expected/*.json Corpus/expected/*.xml Corpus/broken/*.json Corpus/broken/*.xml ;;
    decode) ls Corpus/variants/*.txt ;;
    normalize) ls Corpus/sheets/*.txt ;;
    draft) ls Corpus/sheets/*.txt ;;
  esac
}

failed=0
printf '%-13s %12s %10s %8s %9s\n' target executions "exec/s" edges findings
for target in "${targets[@]}"; do
  corpus=Fuzz/corpus/$target
  findings=Fuzz/findings/$target
  mkdir -p "$corpus" "$findings"
  if [ -z "$(ls -A "$corpus")" ]; then
    for seed in $(seeds "$target"); do cp "$seed" "$corpus/"; done
  fi
  length=4096
  [ "$target" = convert-xlsx ] && length=65536
  log=$(mktemp)
  GYOSEI_FUZZ_TARGET=$target GYOSEI_MAPPINGS=Mappings ASAN_OPTIONS=detect_leaks=0 \
    "$fuzzer" "$corpus" -max_total_time="$seconds" -max_len="$length" -timeout=10 \
    -rss_limit_mb=2048 -fork=2 -ignore_crashes=1 -artifact_prefix="$findings/" \
    -print_final_stats=1 ${FUZZ_SEED:+-seed=$FUZZ_SEED} >"$log" 2>&1 || true
  executions=$({ grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" || true; } \
    | awk '{s+=$2} END {print s+0}')
  if [ "$executions" = 0 ]; then
    executions=$({ grep -oE '#[0-9]+' "$log" || true; } | tail -n 1 | tr -d '#')
  fi
  edges=$({ grep -oE 'cov: [0-9]+' "$log" || true; } | tail -n 1 | awk '{print $2}')
  found=$(find "$findings" -type f | wc -l)
  printf '%-13s %12s %10s %8s %9s\n' "$target" "${executions:-0}" \
    "$(( ${executions:-0} / seconds ))" "${edges:-?}" "$found"
  if [ "$found" -gt 0 ]; then
    failed=1
    { grep -E 'ERROR|SUMMARY|Test unit written' "$log" || true; } | head -n 10
  fi
  rm -f "$log"
done
exit "$failed"
