#!/usr/bin/env bash
# The fixed cost of one process: `gyosei validate` of one small canonical document, JSON and XML,
# as a CI step or an editor runs it, once per file.
#
#   Benchmarks/fixed-cost.sh [RUNS]
#
# Builds gyosei in release mode twice: as `swift build -c release` makes it (the Swift runtime
# and Foundation as shared libraries) and with `--static-swift-stdlib` (in .build/static, the
# way README's "Installing" builds the binary to copy onto other machines), then times RUNS
# (default 30) runs of each command under `taskset -c 0` and prints the fastest, the median and
# the slowest, beside `gyosei --help` (the cost of starting the process at all) and
# `xmllint --noout --schema` of the same XML against the published XSD. The target of issue #20
# is 20 ms. A benchmark, not a test: it reports figures and never fails on them.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
json=Corpus/expected/yonago-objective-list-2024.json
xml=Corpus/expected/yonago-objective-list-2024.xml
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
swift build -c release --product gyosei 2>&1 | tail -n 1
swift build -c release --product gyosei --static-swift-stdlib --build-path .build/static 2>&1 |
  tail -n 1
.build/release/gyosei schema xsd >"$scratch/gyosei.xsd"

# Prints "fastest / median / slowest ms" of RUNS runs of the command.
timed() {
  python3 - "$runs" "$@" <<'PY'
import subprocess, sys, time
runs, command = int(sys.argv[1]), ["taskset", "-c", "0", *sys.argv[2:]]
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append((time.perf_counter() - start) * 1000)
times.sort()
print(f"{times[0]:6.1f} / {times[len(times) // 2]:6.1f} / {times[-1]:6.1f} ms")
PY
}

printf '%-52s %s\n' "work (fastest / median / slowest of $runs)" ""
for build in release static/release; do
  binary=.build/$build/gyosei
  printf '%-52s %s\n' "$build: gyosei --help" "$(timed "$binary" --help)"
  printf '%-52s %s\n' "$build: gyosei validate one JSON document" "$(timed "$binary" validate "$json")"
  printf '%-52s %s\n' "$build: gyosei validate one XML document" "$(timed "$binary" validate "$xml")"
done
if command -v xmllint >/dev/null; then
  printf '%-52s %s\n' "xmllint --schema (published XSD), same XML" \
    "$(timed xmllint --noout --schema "$scratch/gyosei.xsd" "$xml")"
fi
