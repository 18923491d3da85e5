#!/usr/bin/env bash
# Return readers' throughput, side by side in one run with Data to Insight's validators (the peer a local authority
# already runs on the same files), at a county's size: a CIN census of 15,000 children, and SSDA903 tables of 2,000
# children across 5 years. Dots: `dots returns check` (read and check the DfE rules) and `dots prepare` (read, check
# every schema rule, pseudonymise, write the package). Usage: benchmarks/returns/run.sh [CIN_CHILDREN] [LAC_CHILDREN]
set -euo pipefail
cd "$(dirname "$0")/../.."
CIN=${1:-15000}
LAC=${2:-2000}
OUT=benchmarks/out/returns
mkdir -p "$OUT"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
VENV=.build-validators/venv
if [ ! -x "$VENV/bin/python" ] || ! cmp -s Tests/Validators/requirements.txt "$VENV/requirements.installed"; then
  python3.11 -m venv "$VENV" && "$VENV/bin/pip" install -q -r Tests/Validators/requirements.txt
  cp Tests/Validators/requirements.txt "$VENV/requirements.installed"
fi
echo "==> Building dots (release)" >&2
swift build -c release --product dots >/dev/null
DOTS=$(swift build -c release --show-bin-path)/dots
rm -rf "$OUT/cin" "$OUT/lac" "$OUT/package-"*
"$DOTS" synth returns --out "$OUT/cin" --children "$CIN" --looked-after 0 --year 2025 >/dev/null
"$DOTS" synth returns --out "$OUT/lac" --children 0 --looked-after "$LAC" --years 5 --year 2025 >/dev/null
rm "$OUT/lac/returns/"*.xml "$OUT/cin/returns/"*.csv
KEY=$(python3 -c 'print("00" * 32)')
measure() {  # name, units, then the command; prints name, units, seconds, units/s, peak RSS
  local name=$1 units=$2; shift 2
  local log="$OUT/$(echo "$name" | tr ' /()' '____').time"
  /usr/bin/time -v "$@" >"$log.out" 2>"$log"
  local secs rss
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
  printf '| %s | %s | %.2f | %s | %s |\n' "$name" "$units" "$secs" "$(python3 -c "print(f'{$units/max($secs,0.01):,.0f}')")" "$rss"
}
echo "CIN census: $(du -k "$OUT/cin/returns/"*.xml | cut -f1) KB, $CIN children; SSDA903: $(cat "$OUT/lac/returns/"*.csv | wc -l) rows, $LAC children over 5 years"
echo "| what | children | wall s | children/s | peak RSS MiB |"
echo "|---|---|---|---|---|"
measure "CIN census: dots returns check" "$CIN" "$DOTS" returns check "$OUT/cin/returns"
measure "CIN census: dots prepare" "$CIN" env DOTS_LINKAGE_KEY="$KEY" "$DOTS" prepare "$OUT/cin/returns" --agency staffs-csc --out "$OUT/package-cin"
measure "CIN census: csc-validator-be-cin (cin2024_25)" "$CIN" "$VENV/bin/python" benchmarks/returns/validate.py cin "$OUT/cin/returns/cin-census-2025.xml" cin2024_25
measure "SSDA903: dots returns check" "$LAC" "$DOTS" returns check "$OUT/lac/returns" --la-code 860
measure "SSDA903: dots prepare" "$LAC" env DOTS_LINKAGE_KEY="$KEY" "$DOTS" prepare "$OUT/lac/returns" --agency staffs-csc --out "$OUT/package-lac" --la-code 860 --period 2020-04-01/2025-03-31
measure "SSDA903: csc-validator-be-903 (lac2024_25)" "$LAC" "$VENV/bin/python" benchmarks/returns/validate.py 903 lac2024_25 "$OUT/lac/returns/"*.csv
