#!/usr/bin/env bash
# `dots prepare --postcode-lookup` on a postcode directory the size of ONS's National Statistics Postcode Lookup
# (2.7 million postcodes), beside Python's csv module building the same postcode → district table (what a data lead
# would otherwise script). The directory is invented (random postcodes in NSPL's column layout, a subset of its
# columns) and written under benchmarks/out, never committed; the extract is a small demo agency's.
# Usage: benchmarks/prepare/postcode-directory.sh [ROWS]   (default 2700000)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-2700000}
OUT=benchmarks/out/postcode-directory
rm -rf "$OUT" && mkdir -p "$OUT"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
swift build -c release --product dots >/dev/null
DOTS=$(swift build -c release --show-bin-path)/dots
python3 - "$OUT/nspl.csv" "$ROWS" <<'PY'
import random, sys
random.seed(7)
letters = "ABDEFGHJLNPQRSTUWXYZ"
areas = ["ST", "WS", "DE", "B", "WV", "DY", "M", "L", "LS", "NE", "S", "CF", "EH", "G", "BT", "N", "E", "SW", "W", "NW"]
lads = ["E06000021", "E07000192", "E07000193", "E07000194", "E07000195", "E07000196", "E07000197", "E07000198",
        "E07000199", "E08000003", "E08000012", "E09000001", "W06000015", "S12000036", "N09000003"]
seen = set()
with open(sys.argv[1], "w") as f:
    f.write('"pcd7","pcd8","pcds","dointr","doterm","usertype","oa21","cty","laua","ward","ctry","rgn","lsoa21","msoa21"\n')
    while len(seen) < int(sys.argv[2]):
        pc = f"{random.choice(areas)}{random.randint(1, 99)} {random.randint(0, 9)}{random.choice(letters)}{random.choice(letters)}"
        if pc in seen:
            continue
        seen.add(pc)
        f.write(f'"{pc.replace(" ", "")[:7]:7}","{pc}","{pc}","199801","","0","E00000001","E99999999","{random.choice(lads)}",'
                '"E05000001","E92000001","E12000005","E01000001","E02000001"\n')
PY
"$DOTS" demo --no-serve --people 400 --dir "$OUT/demo" >/dev/null
echo "| reader | postcodes | wall s | peak RSS MiB |"
echo "|---|---|---|---|"
row() { # label, time file, postcodes read
  local s kb
  s=$(grep "Elapsed (wall clock)" "$2" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  kb=$(grep "Maximum resident set size" "$2" | awk '{print $NF}')
  echo "| $1 | $3 | $s | $((kb / 1024)) |"
}
PERIOD=$(grep -o '"period" : "[^"]*"' "$OUT/demo/packages/staffs-csc/datapackage.json" | head -1 | cut -d'"' -f4)
prep() { rm -rf "$OUT/package"; "$DOTS" prepare "$OUT/demo/extracts/staffs-csc" --agency staffs-csc --out "$OUT/package" --key-file "$OUT/demo/linkage.key" --period "$PERIOD" "$@" >/dev/null; }
/usr/bin/time -v bash -c "$(declare -f prep); OUT=$OUT DOTS=$DOTS PERIOD=$PERIOD prep" 2>"$OUT/none.time"
row "\`dots prepare\` (a demo agency's 155 people), no directory" "$OUT/none.time" 0
/usr/bin/time -v bash -c "$(declare -f prep); OUT=$OUT DOTS=$DOTS PERIOD=$PERIOD prep --postcode-lookup $OUT/nspl.csv" 2>"$OUT/dots.time"
row "\`dots prepare --postcode-lookup\` (the same, reading the directory)" "$OUT/dots.time" "$ROWS"
/usr/bin/time -v python3 -c "
import csv, sys
with open('$OUT/nspl.csv', newline='') as f:
    table = {r['pcds']: r['laua'] for r in csv.DictReader(f)}
print(len(table))" >/dev/null 2>"$OUT/python.time"
row "Python $(python3 -c 'import sys; print(sys.version.split()[0])') csv.DictReader → dict (the table alone)" "$OUT/python.time" "$ROWS"
echo
echo "$(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'); $(stat -c %s "$OUT/nspl.csv" | awk '{printf "%.0f MB", $1 / 1e6}') directory"
