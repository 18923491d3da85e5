#!/usr/bin/env bash
# What figures by LSOA cost a framework run: the same store computed with the default framework (children screened,
# children missing and exploitation-flagged crimes broken down by LSOA within districts) and with the lsoa breakdown
# taken out, in one run: figures, query and whole-compute seconds, and what disclosure control then takes
# (`dots framework audit`: suppression seconds and hidden cells, and that nothing is exposed).
# Usage: benchmarks/framework/lsoa.sh [PEOPLE] [PER_DISTRICT]   (default 43000 young people and the demo's invented
# LSOAs, at least 8 a district; 80 a district imitates the partnership's real some 700)
set -euo pipefail
cd "$(dirname "$0")/../.."
PEOPLE=${1:-43000}
PER_DISTRICT=${2:-8}
OUT=benchmarks/out/framework-lsoa
rm -rf "$OUT" && mkdir -p "$OUT"
swift build -c release --product dots >/dev/null
DOTS=$(swift build -c release --show-bin-path)/dots
DB="$OUT/demo/dots.sqlite"
"$DOTS" demo --no-serve --dir "$OUT/demo" --people "$PEOPLE" --lsoas-per-district "$PER_DISTRICT" >"$OUT/demo.log"
grep -E "invented LSOAs imported" "$OUT/demo.log" | sed 's/^ *//'
"$DOTS" framework default >"$OUT/with.yaml"
sed 's/district, lsoa,/district,/' "$OUT/with.yaml" >"$OUT/without.yaml"
echo "| framework | figures | all queries, wall s | whole compute s | suppression s | hidden (primary + secondary + withheld) | exposed |"
echo "|---|---|---|---|---|---|---|"
for f in without with; do
  "$DOTS" framework compute --timings --framework "$OUT/$f.yaml" --database "$DB" >"$OUT/$f.compute"
  "$DOTS" framework audit --framework "$OUT/$f.yaml" --database "$DB" >"$OUT/$f.audit"
  figures=$(sed -nE 's/^Computed [0-9]+ indicators \(([0-9]+) figures\) in ([0-9.]+) s.*/\1 \2/p' "$OUT/$f.compute")
  queries=$(awk '/queries:/ {print $2}' "$OUT/$f.compute")
  audit=$(sed -nE 's/^Total \(linked\): [0-9]+ non-zero cells; ([0-9]+) primary, ([0-9]+) secondary, ([0-9]+) withheld.* ([0-9]+) exposed\. Suppression took ([0-9.]+) s\./\1 \2 \3 \4 \5/p' "$OUT/$f.audit")
  read -r n secs <<<"$figures"
  read -r p s w exposed supp <<<"$audit"
  label=$([ "$f" = with ] && echo "default (3 indicators by LSOA)" || echo "without the lsoa breakdown")
  echo "| $label | $n | $queries | $secs | $supp | $p + $s + $w | $exposed |"
done
echo
echo "LSOA indicators' query seconds (with):"
grep -E "ce-screened-children$|missing-children$|police-ce-incidents$" "$OUT/with.compute" | sed 's/^ */  /'
echo "and without:"
grep -E "ce-screened-children$|missing-children$|police-ce-incidents$" "$OUT/without.compute" | sed 's/^ */  /'
