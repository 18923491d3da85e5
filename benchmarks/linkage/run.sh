#!/usr/bin/env bash
# Linkage, side by side in one run: Dots on the pseudonymised packages, Splink (DuckDB) on the clear
# identifiers, anonlink on clkhash encodings, for the same synthetic partnership at each size.
# Usage: [NOISE=standard|hard] benchmarks/linkage/run.sh [PEOPLE ...]   (default 4400 43000 430000 ≈ 10k, 100k,
# 1M person records; NOISE is the generator's identifier noise profile, docs/synthetic-data.md). Each linker runs
# on the partnership as made, then on the same people with every shared identifier (NHS number, UPN, other id)
# blanked at the agency. Dots runs twice on the first:
# with its default settings, and with version 2's (before the keys and levels that survive typing errors,
# docs/linkage.md), each row with its block recall.
# Peers are installed from PyPI into a throwaway virtual environment (benchmarks/out/peers), never committed.
# anonlink is given ANONLINK_TIMEOUT seconds (default 600; at a million records on two cores it needs about 550).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=benchmarks/out/linkage
mkdir -p "$OUT"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
source benchmarks/linkage/lib.sh
peers_venv
swift build -c release --product dots >/dev/null
DOTS=$(swift build -c release --show-bin-path)/dots

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
  dots_row "Dots \`dots link\` (pseudonymised packages)" "$RECORDS"
  # The same with version 2's settings: no rule on the keys that survive typing errors, version 2's levels, and
  # without both names as a training rule.
  "$DOTS" link settings | python3 -c '
import json, sys
s = json.load(sys.stdin)
tolerant = {"first_name_phonetic", "surname_phonetic", "names_unordered", "dob_month_day"}
s["version"] = 2
s["blockingRules"] = [r for r in s["blockingRules"] if not tolerant & set(r) and r != ["dob", "sex", "area"]]
s["trainingRules"] = [r for r in s["trainingRules"] if r != ["first_name", "surname"]]
print(json.dumps(s))' >"$OUT/v2.json"
  /usr/bin/time -v "$DOTS" link --database "$DIR/dots.sqlite" --settings "$OUT/v2.json" >"$OUT/dots.out" 2>"$OUT/dots.time"
  "$DOTS" link --database "$DIR/dots.sqlite" --settings "$OUT/v2.json" --evaluate "$DIR/extracts/truth.csv" >"$OUT/eval.out"
  dots_row "Dots, version 2 settings" "$RECORDS"
  # Leave the store linked with the defaults, as the demo left it.
  "$DOTS" link --database "$DIR/dots.sqlite" >/dev/null
  timed "Splink 5, DuckDB (clear identifiers)" "$RECORDS" "$VENV/bin/python" benchmarks/linkage/peers.py splink "$DIR/extracts"
  timed "anonlink + clkhash (encodings)" "$RECORDS" timeout "${ANONLINK_TIMEOUT:-600}" "$VENV/bin/python" benchmarks/linkage/peers.py anonlink "$DIR/extracts" \
    || echo "| $RECORDS | anonlink + clkhash (encodings) | did not finish in ${ANONLINK_TIMEOUT:-600} s | | | | | |"
  # Without a shared identifier: the same people with their NHS numbers, UPNs and other ids blanked at the agency,
  # prepared under the same key and ingested into a store of their own; every linker sees the same blanked files.
  NOID="$DIR/no-shared-id"
  rm -rf "$NOID"
  python3 - "$DIR/extracts" "$NOID/extracts" <<'PY'
import csv, os, shutil, sys
src, dst = sys.argv[1], sys.argv[2]
for agency in sorted(os.listdir(src)):
    path = os.path.join(src, agency, "people.csv")
    if not os.path.exists(path):
        continue
    os.makedirs(os.path.join(dst, agency))
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with open(os.path.join(dst, agency, "people.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        for r in rows:
            w.writerows([{**r, "nhs_number": "", "upn": "", "local_id": ""}])
shutil.copy(os.path.join(src, "truth.csv"), dst)
PY
  for agency in $(ls "$NOID/extracts" | grep -v truth.csv); do
    "$DOTS" prepare "$NOID/extracts/$agency" --agency "$agency" --out "$NOID/packages/$agency" --key-file "$DIR/linkage.key" --period 2025-26 >/dev/null
    "$DOTS" ingest "$NOID/packages/$agency" --database "$NOID/dots.sqlite" >/dev/null
  done
  /usr/bin/time -v "$DOTS" link --database "$NOID/dots.sqlite" >"$OUT/dots.out" 2>"$OUT/dots.time"
  "$DOTS" link --database "$NOID/dots.sqlite" --evaluate "$NOID/extracts/truth.csv" >"$OUT/eval.out"
  dots_row "Dots, no shared identifier" "$RECORDS"
  timed "Splink 5, no shared identifier" "$RECORDS" "$VENV/bin/python" benchmarks/linkage/peers.py splink "$NOID/extracts"
  timed "anonlink + clkhash, no shared identifier" "$RECORDS" timeout "${ANONLINK_TIMEOUT:-600}" "$VENV/bin/python" benchmarks/linkage/peers.py anonlink "$NOID/extracts" \
    || echo "| $RECORDS | anonlink + clkhash, no shared identifier | did not finish in ${ANONLINK_TIMEOUT:-600} s | | | | | |"
done
