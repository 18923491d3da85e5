#!/usr/bin/env bash
# The whole default framework over a synthetic partnership of about a million events, side by side in one run:
# Dots on SQLite, Dots on PostgreSQL, and DuckDB running the very queries Dots runs on PostgreSQL.
# Usage: benchmarks/framework/run.sh [PEOPLE]   (default 195000 young people ≈ 1.0 M events)
# DuckDB comes from PyPI into a throwaway virtual environment (benchmarks/out/duckdb-venv), never committed.
set -euo pipefail
cd "$(dirname "$0")/../.."
PEOPLE=${1:-195000}
OUT=benchmarks/out/framework
rm -rf "$OUT" && mkdir -p "$OUT/csv"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
VENV=benchmarks/out/duckdb-venv
[ -x "$VENV/bin/python" ] || { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q duckdb; }
swift build -c release --product dots >/dev/null
DOTS=$(swift build -c release --show-bin-path)/dots
source scripts/lib/postgres.sh
start_postgres
trap stop_postgres EXIT
chmod 777 "$OUT/csv"

"$DOTS" demo --no-serve --dir "$OUT/sqlite" --people "$PEOPLE" >"$OUT/demo-sqlite.log"
"$DOTS" demo --no-serve --dir "$OUT/postgres" --people "$PEOPLE" --database "$DOTS_PG_URL" >"$OUT/demo-postgres.log"
EVENTS=$(sqlite3 "$OUT/sqlite/dots.sqlite" "SELECT (SELECT count(*) FROM ce_screenings) + (SELECT count(*) FROM missing_episodes)
  + (SELECT count(*) FROM police_incidents) + (SELECT count(*) FROM nrm_referrals) + (SELECT count(*) FROM health_contacts)
  + (SELECT count(*) FROM education_events) + (SELECT count(*) FROM youth_justice) + (SELECT count(*) FROM mace_discussions)")
echo "Synthetic partnership: $PEOPLE young people, $EVENTS events (plus person records), linked." >&2

timed() {  # label, then the command; prints wall seconds and peak RSS MiB
  local label=$1; shift
  /usr/bin/time -v "$@" >"$OUT/$label.out" 2>"$OUT/$label.time"
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; printf "%s ", s}
              /Maximum resident set size/ {printf "%.0f\n", $2/1024}' "$OUT/$label.time"
}
read -r sqlite_wall sqlite_rss < <(timed sqlite "$DOTS" framework compute --timings --database "$OUT/sqlite/dots.sqlite")
read -r pg_wall pg_rss < <(timed postgres "$DOTS" framework compute --timings --database "$DOTS_PG_URL")
"$DOTS" framework sql --database "$DOTS_PG_URL" >"$OUT/postgres.sql.jsonl"
PSQL=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql
/usr/bin/time -v "$VENV/bin/python" benchmarks/framework/duckdb_framework.py "$PSQL" "$DOTS_PG_URL" "$OUT/postgres.sql.jsonl" "$(cd "$OUT/csv" && pwd)" \
  >"$OUT/duckdb.json" 2>"$OUT/duckdb.time"

queries() { awk '/queries:/ {print $2}' "$OUT/$1.out"; }
duck=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["query_seconds"], d["load_seconds"], d["same_as_postgres"], d["indicators"], d["duckdb"])' "$OUT/duckdb.json")
read -r duck_q duck_load duck_same duck_n duck_version <<<"$duck"
echo "| engine | events | indicators | all queries, wall s | × DuckDB | whole compute s (read profile, query, assemble, store) | peak RSS MiB |"
echo "|---|---|---|---|---|---|---|"
INDICATORS=$(sed -nE 's/^Computed ([0-9]+) indicators.*/\1/p' "$OUT/sqlite.out")
printf '| Dots on SQLite | %s | %s | %s | %.1f | %s | %s |\n' "$EVENTS" "$INDICATORS" "$(queries sqlite)" "$(echo "$(queries sqlite) / $duck_q" | bc -l)" "$sqlite_wall" "$sqlite_rss"
printf '| Dots on PostgreSQL | %s | %s | %s | %.1f | %s | %s |\n' "$EVENTS" "$INDICATORS" "$(queries postgres)" "$(echo "$(queries postgres) / $duck_q" | bc -l)" "$pg_wall" "$pg_rss"
printf '| DuckDB %s, the same queries (%s of %s results identical to PostgreSQL'"'"'s) | %s | %s | %s | 1.0 | (load from PostgreSQL: %s s) | |\n' \
  "$duck_version" "$duck_same" "$duck_n" "$EVENTS" "$duck_n" "$duck_q" "$duck_load"
echo
echo "Slowest indicators (query seconds):"
python3 - "$OUT" <<'PY'
import json, re, sys
out = sys.argv[1]
def dots(name):
    t = {}
    for line in open(f"{out}/{name}.out"):
        m = re.match(r"\s+([\d.]+) s\s+(\S+)$", line)
        if m: t[m.group(2)] = float(m.group(1))
    return t
s, p, d = dots("sqlite"), dots("postgres"), json.load(open(f"{out}/duckdb.json"))["timings"]
print("| indicator | SQLite | PostgreSQL | DuckDB |")
print("|---|---|---|---|")
for k in sorted(s, key=lambda k: -s[k])[:8]:
    print(f"| {k} | {s[k]:.2f} | {p.get(k, 0):.2f} | {d.get(k, 0):.2f} |")
PY
