#!/usr/bin/env bash
# Linkage, side by side in one run: Dots on the pseudonymised packages, Splink (DuckDB) on the clear
# identifiers, anonlink on clkhash encodings, for the same synthetic partnership at each size.
# Usage: [NOISE=standard|hard] benchmarks/linkage/run.sh [PEOPLE ...]   (default 4400 43000 430000 ≈ 10k, 100k,
# 1M person records; NOISE is the generator's identifier noise profile, docs/synthetic-data.md). Dots runs twice:
# with its default settings, and with version 2's (before the keys and levels that survive typing errors,
# docs/linkage.md), each row with its block recall.
# Peers are installed from PyPI into a throwaway virtual environment (benchmarks/out/peers), never committed.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=benchmarks/out/linkage
mkdir -p "$OUT"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
VENV=benchmarks/out/peers
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q splink anonlink clkhash pandas pyarrow
fi
swift build -c release --product dots >/dev/null
DOTS=$(swift build -c release --show-bin-path)/dots

timed() {  # label, records, then the command; prints a table row from its JSON or dots output
  local label=$1 records=$2; shift 2
  /usr/bin/time -v "$@" >"$OUT/last.out" 2>"$OUT/last.time"
  local secs rss
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$OUT/last.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$OUT/last.time")
  local f1 p r
  if grep -q '^{' "$OUT/last.out"; then
    read -r f1 p r < <(python3 -c 'import json,sys; d=json.loads([l for l in open(sys.argv[1]) if l.startswith("{")][-1]); print(d["f1"], d["precision"], d["recall"])' "$OUT/last.out")
  else
    read -r p r f1 < <(grep '^Pairwise' "$OUT/last.out" | sed 's/%//g' | awk '{printf "%.4f %.4f %.4f\n", $3/100, $5/100, $7/100}')
  fi
  printf '| %s | %s | %s | %s | %s | %s | %s | |\n' "$records" "$label" "$f1" "$p" "$r" "$secs" "$rss"
}

echo "| person records | linker (input) | F1 | precision | recall | wall s | peak RSS MiB | block recall |"
echo "|---|---|---|---|---|---|---|---|"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(4400 43000 430000)
for PEOPLE in "${SIZES[@]}"; do
  DIR="$OUT/p$PEOPLE"
  rm -rf "$DIR"
  "$DOTS" demo --no-serve --dir "$DIR" --people "$PEOPLE" --noise "${NOISE:-standard}" >"$DIR.demo.log" 2>&1
  RECORDS=$(tail -n +2 "$DIR/extracts/truth.csv" | wc -l)
  # Timed without --evaluate (the peers' timings leave out scoring against the truth too); then F1 from a second,
  # identical run (runs are deterministic and keep every id).
  /usr/bin/time -v "$DOTS" link --database "$DIR/dots.sqlite" >"$OUT/dots.out" 2>"$OUT/dots.time"
  grep -E '^  time' "$OUT/dots.out" | sed 's/^/    /' >&2
  "$DOTS" link --database "$DIR/dots.sqlite" --evaluate "$DIR/extracts/truth.csv" >"$OUT/eval.out"
  read -r p r f1 < <(grep '^Pairwise' "$OUT/eval.out" | sed 's/%//g' | awk '{printf "%.4f %.4f %.4f\n", $3/100, $5/100, $7/100}')
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$OUT/dots.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$OUT/dots.time")
  block=$(grep -oE 'recall [0-9.]+% of true pairs' "$OUT/eval.out" | grep -oE '[0-9.]+' | head -1)
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$RECORDS" "Dots \`dots link\` (pseudonymised packages)" "$f1" "$p" "$r" "$secs" "$rss" "$block%"
  # The same with version 2's settings: no rule on the keys that survive typing errors, version 2's levels, and
  # without both names as a training rule.
  "$DOTS" link settings | python3 -c '
import json, sys
s = json.load(sys.stdin)
tolerant = {"first_name_phonetic", "surname_phonetic", "names_unordered", "dob_month_day"}
s["version"] = 2
s["blockingRules"] = [r for r in s["blockingRules"] if not tolerant & set(r) and r not in (["dob", "postcode"], ["dob", "sex", "area"])]
s["trainingRules"] = [r for r in s["trainingRules"] if r != ["first_name", "surname"]]
print(json.dumps(s))' >"$OUT/v2.json"
  /usr/bin/time -v "$DOTS" link --database "$DIR/dots.sqlite" --settings "$OUT/v2.json" >"$OUT/dots.out" 2>"$OUT/dots.time"
  "$DOTS" link --database "$DIR/dots.sqlite" --settings "$OUT/v2.json" --evaluate "$DIR/extracts/truth.csv" >"$OUT/eval.out"
  read -r p r f1 < <(grep '^Pairwise' "$OUT/eval.out" | sed 's/%//g' | awk '{printf "%.4f %.4f %.4f\n", $3/100, $5/100, $7/100}')
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$OUT/dots.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$OUT/dots.time")
  block=$(grep -oE 'recall [0-9.]+% of true pairs' "$OUT/eval.out" | grep -oE '[0-9.]+' | head -1)
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$RECORDS" "Dots, version 2 settings" "$f1" "$p" "$r" "$secs" "$rss" "$block%"
  # Leave the store linked with the defaults, as the demo left it.
  "$DOTS" link --database "$DIR/dots.sqlite" >/dev/null
  timed "Splink 5, DuckDB (clear identifiers)" "$RECORDS" "$VENV/bin/python" benchmarks/linkage/peers.py splink "$DIR/extracts"
  timed "anonlink + clkhash (encodings)" "$RECORDS" timeout 600 "$VENV/bin/python" benchmarks/linkage/peers.py anonlink "$DIR/extracts" \
    || echo "| $RECORDS | anonlink + clkhash (encodings) | did not finish in 10 minutes | | | | | |"
done
