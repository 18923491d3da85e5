#!/usr/bin/env bash
# Intake throughput at 1M rows, side by side in one run:
#   dots ingest --validate-only (check only), dots ingest into SQLite, dots ingest into PostgreSQL,
#   and, as references that check nothing, the sqlite3 shell's .import and psql's \copy of the same file.
# Usage: benchmarks/intake.sh [EPISODES]   (default 1,000,000; writes under benchmarks/out/)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh
ROWS=${1:-1000000}
OUT=benchmarks/out/intake
mkdir -p "$OUT"
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

echo "==> Building dots (release)" >&2
swift build -c release --product dots >/dev/null
DOTS=$(swift build -c release --show-bin-path)/dots

echo "==> Writing the fixture: $ROWS missing episodes, 100000 people" >&2
python3 benchmarks/make_intake_fixture.py "$OUT/submission" "$ROWS" 100000
TOTAL=$(( ROWS + 100000 ))

measure() {  # name, then the command; prints name, seconds, rows/s, peak RSS
  local name=$1; shift
  local log="$OUT/$name.time"
  /usr/bin/time -v "$@" >"$OUT/$name.out" 2>"$log"
  local secs rss
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
  printf '| %s | %s | %.2f | %s | %s |\n' "$name" "$TOTAL" "$secs" "$(python3 -c "print(f'{$TOTAL/$secs:,.0f}')")" "$rss"
}

ARGS=(--agency staffs-police --period 2023-04-01/2026-03-31 --submitted-by bench)
rm -f "$OUT/bench.sqlite"*
PG_EXTRA_OPTIONS="-c fsync=on -c synchronous_commit=on" start_postgres
trap stop_postgres EXIT

echo "| what | rows | wall s | rows/s | peak RSS MiB |"
echo "|---|---|---|---|---|"
measure "dots ingest --validate-only" "$DOTS" ingest "$OUT/submission" "${ARGS[@]}" --validate-only --database "$OUT/bench.sqlite"
rm -f "$OUT/bench.sqlite"*
measure "dots ingest → SQLite" "$DOTS" ingest "$OUT/submission" "${ARGS[@]}" --database "$OUT/bench.sqlite"
measure "dots ingest → PostgreSQL" "$DOTS" ingest "$OUT/submission" "${ARGS[@]}" --database "$DOTS_PG_URL"
rm -f "$OUT/raw.sqlite"
measure "sqlite3 .import (no checks)" sqlite3 "$OUT/raw.sqlite" -cmd ".mode csv" ".import $OUT/submission/missing_episodes.csv me" ".import $OUT/submission/people.csv pe"
ME_COLS=$(head -1 "$OUT/submission/missing_episodes.csv" | sed 's/,/ text, /g')" text"
PE_COLS=$(head -1 "$OUT/submission/people.csv" | sed 's/,/ text, /g')" text"
measure "psql \\copy (no checks)" bash -c "psql '$DOTS_PG_URL' -qc 'CREATE TABLE IF NOT EXISTS me_raw ($ME_COLS); CREATE TABLE IF NOT EXISTS pe_raw ($PE_COLS)' && psql '$DOTS_PG_URL' -qc \"\\copy me_raw FROM '$OUT/submission/missing_episodes.csv' CSV HEADER\" && psql '$DOTS_PG_URL' -qc \"\\copy pe_raw FROM '$OUT/submission/people.csv' CSV HEADER\""
echo
echo "dots' own split (validate / load), from its output:"
for f in "$OUT"/dots*.out; do echo "  $(basename "$f" .out): $(grep -E 'Checked|Loaded' "$f" | tr '\n' ' ')"; done
