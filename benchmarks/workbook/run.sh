#!/usr/bin/env bash
# Workbook reading throughput, side by side in one run: `dots prepare --mapping` reading an Annex A-style xlsx
# sheet (read, map, check, pseudonymise, write the package) and openpyxl reading the same sheet read-only (the
# peer; it only reads). Usage: benchmarks/workbook/run.sh [ROWS] (default 15,000, a county's children in a year)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/browser.sh
ROWS=${1:-15000}
OUT=benchmarks/out/workbook
VENV=benchmarks/out/workbook-venv
mkdir -p "$OUT"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import openpyxl' 2>/dev/null; then
  py=$(find_python312); "$py" -m venv "$VENV"; "$VENV/bin/pip" install -q openpyxl==3.1.5
fi
echo "==> Building dots (release)" >&2
swift build -c release --product dots >/dev/null
DOTS=$(swift build -c release --show-bin-path)/dots
rm -rf "$OUT/in" "$OUT/package" && mkdir -p "$OUT/in"
"$VENV/bin/python" benchmarks/workbook/make_workbook.py "$OUT/in/annex_a.xlsx" "$ROWS"
cat > "$OUT/mapping.json" <<'JSON'
{"datasets": {"people": {"file": "annex_a.xlsx", "sheet": "List 1", "listPrefixes": true,
  "columns": {"person_id": "Child Unique ID", "sex": "Gender", "ethnicity": "Ethnicity", "date_of_birth": "Date of Birth"},
  "values": {"sex": {"Female": "F", "Male": "M", "Not stated/recorded": "U"}}}}}
JSON
KEY=$(python3 -c 'print("00" * 32)')
measure() {  # name, then the command; prints name, rows, seconds, rows/s, peak RSS
  local name=$1; shift
  local log="$OUT/$(echo "$name" | tr ' /' '__').time"
  /usr/bin/time -v "$@" >"$log.out" 2>"$log"
  local secs rss
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
  printf '| %s | %s | %.2f | %s | %s |\n' "$name" "$ROWS" "$secs" "$(python3 -c "print(f'{$ROWS/max($secs,0.01):,.0f}')")" "$rss"
}
echo "Workbook: $(du -k "$OUT/in/annex_a.xlsx" | cut -f1) KB, $ROWS children"
echo "| what | rows | wall s | rows/s | peak RSS MiB |"
echo "|---|---|---|---|---|"
measure "dots prepare --mapping (read, check, pseudonymise, write)" env DOTS_LINKAGE_KEY="$KEY" "$DOTS" prepare "$OUT/in" --agency stoke-csc --out "$OUT/package" --mapping "$OUT/mapping.json"
measure "openpyxl read-only (reads only)" "$VENV/bin/python" benchmarks/workbook/read_openpyxl.py "$OUT/in/annex_a.xlsx"
wc -l < "$OUT/package/people.csv" | awk -v n="$ROWS" '{ if ($1 != n + 1) { print "prepare wrote " $1 - 1 " people, not " n; exit 1 } }'
