#!/usr/bin/env bash
# data.police.uk open data at a force's size: a year of street-level crime and of stop and search, written by
# `dots synth returns` and prepared by `dots prepare` (read, count by month and area, place each search's point in
# its district with the ONS boundaries, check, write the package). No peer is run: no tool a force or partnership
# uses reads these files into the same counts. Usage: benchmarks/police/run.sh [CRIMES_A_MONTH] [STOPS_A_MONTH]
set -euo pipefail
cd "$(dirname "$0")/../.."
CRIMES=${1:-10000}
STOPS=${2:-2000}
OUT=benchmarks/out/police
mkdir -p "$OUT"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
echo "==> Building dots (release)" >&2
swift build -c release --product dots >/dev/null
DOTS=$(swift build -c release --show-bin-path)/dots
rm -rf "$OUT/synth" "$OUT/package-"*
"$DOTS" synth returns --out "$OUT/synth" --children 0 --looked-after 0 --year 2025 --crimes-per-month "$CRIMES" --stops-per-month "$STOPS" >/dev/null
KEY=$(python3 -c 'print("00" * 32)')
measure() {  # name, rows, then the command
  local name=$1 rows=$2; shift 2
  local log="$OUT/$(echo "$name" | tr ' /()' '____').time"
  /usr/bin/time -v "$@" >"$log.out" 2>"$log"
  local secs rss
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
  printf '| %s | %s | %.2f | %s | %s |\n' "$name" "$rows" "$secs" "$(python3 -c "print(f'{$rows/max($secs,0.01):,.0f}')")" "$rss"
}
echo "| what | rows read | wall s | rows/s | peak RSS MiB |"
echo "|---|---|---|---|---|"
measure "street-level crime, a year: dots prepare" "$((CRIMES * 12))" env DOTS_LINKAGE_KEY="$KEY" "$DOTS" prepare "$OUT/synth/street-crime" --agency staffs-police --out "$OUT/package-street"
measure "stop and search, a year: dots prepare" "$((STOPS * 12))" env DOTS_LINKAGE_KEY="$KEY" "$DOTS" prepare "$OUT/synth/stop-search" --agency staffs-police --out "$OUT/package-stops"
