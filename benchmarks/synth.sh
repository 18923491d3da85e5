#!/usr/bin/env bash
# The synthetic generator at scale: wall time, peak memory and output size for N young people (default 1,000,000).
# Usage: benchmarks/synth.sh [PEOPLE]
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${1:-1000000}
OUT=benchmarks/out/synth
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
swift build -c release --product dots >/dev/null
DOTS=$(swift build -c release --show-bin-path)/dots
rm -rf "$OUT"
/usr/bin/time -v "$DOTS" synth --out "$OUT" --people "$PEOPLE" >"$OUT.log" 2>"$OUT.time"
secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$OUT.time")
rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$OUT.time")
rows=$(cat "$OUT"/*/*.csv | wc -l)
echo "| dots synth --people $PEOPLE | $secs s | $rss MiB peak | $rows CSV lines | $(du -sh "$OUT" | cut -f1) |"
head -3 "$OUT.log"
