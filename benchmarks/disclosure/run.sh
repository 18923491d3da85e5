#!/usr/bin/env bash
# The reference for Dots' cell suppression: an optimal suppression (minimum number of cells hidden beyond the
# primaries, then their sum) for every system of linked counts of the demo and the small partnership, by
# mixed-integer programming with HiGHS (benchmarks/disclosure/optimal.py), beside what Dots' linked method hid on
# the same systems. Reads the systems scripts/disclosure-audit wrote (.build-audit/run; run it, or ./scripts/test,
# first). Usage: benchmarks/disclosure/run.sh [SECONDS PER SYSTEM] (default 60)
set -euo pipefail
cd "$(dirname "$0")/../.."
LIMIT=${1:-60}
VENV=.build-audit/venv
RUN=.build-audit/run
[ -x "$VENV/bin/python" ] && [ -f "$RUN/demo-linked.jsonl" ] || { echo "Run scripts/disclosure-audit first (it installs HiGHS and writes the systems)." >&2; exit 1; }
OUT=benchmarks/out/disclosure
mkdir -p "$OUT"
for name in small demo; do
  echo "== $name partnership (time limit ${LIMIT}s per system)"
  "$VENV/bin/python" benchmarks/disclosure/optimal.py "$RUN/$name-linked.jsonl" --time-limit "$LIMIT" --json "$OUT/$name-optimal.json" | grep -v '^{' | grep -v -E '^(Running HiGHS|Includes third-party)'
done
