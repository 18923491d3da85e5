#!/usr/bin/env bash
# A young person's journey under load, and the cohort journeys computed once, at the issue's scale: a synthetic
# partnership of 200,000 young people (SQLite, release build), an agency data lead opening the journeys of 1,000
# young people their agency holds, at random, through `POST /journeys` as a browser does (session, CSRF token,
# purpose, and an audit record written before each page), under wrk at 64 connections; beside nginx serving one
# saved journey page, the ceiling for any server on this machine. The load starts once the server has prepared the
# framework's figures, as it does when it starts. Then the cohort journeys page's first request,
# which computes the sequences and times to response over every young person (later requests read the cached result).
# Usage: benchmarks/journeys/run.sh [PEOPLE] [SECONDS] [sqlite|postgres]   (defaults 200000, 20, sqlite). wrk and nginx
# come from Debian when absent; PostgreSQL is the throwaway server scripts/lib/postgres.sh starts.
set -euo pipefail
cd "$(dirname "$0")/../.."
PEOPLE=${1:-200000}
SECS=${2:-20}
ENGINE=${3:-sqlite}
OUT=benchmarks/out/journeys
rm -rf "$OUT" && mkdir -p "$OUT/static"
OUT=$(cd "$OUT" && pwd)
command -v wrk >/dev/null && command -v nginx >/dev/null && command -v sqlite3 >/dev/null \
  || { apt-get update -qq && apt-get install -y -qq wrk nginx-light sqlite3 >/dev/null; }
swift build -c release --product dots >/dev/null
DOTS=$(swift build -c release --show-bin-path)/dots
source benchmarks/lib/web.sh

START=$(date +%s)
if [ "$ENGINE" = postgres ]; then
  source scripts/lib/postgres.sh
  start_postgres >/dev/null
  trap stop_postgres EXIT
  DB=$DOTS_PG_URL
  PSQL="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql"
  q() { "$PSQL" "$DOTS_PG_URL" -tAc "$1"; }
else
  DB="$OUT/demo/dots.sqlite"
  q() { sqlite3 "$DB" "$1"; }
fi
# The audit chain: a SQLite store's own file beside it (docs/data-model.md), else the store.
qa() { if [ "$ENGINE" = postgres ]; then q "$1"; else sqlite3 "${DB%.sqlite}.audit.sqlite" "$1"; fi; }
"$DOTS" demo --no-serve --dir "$OUT/demo" --people "$PEOPLE" --database "$DB" >"$OUT/demo.log"
echo "Demo store of $PEOPLE young people built in $(( $(date +%s) - START )) s." >&2
AGENCY=staffs-police
PASSWORD="load-test-$(date +%s)-pw"
DOTS_PASSWORD=$PASSWORD "$DOTS" user add --email lead@load.example --name "Load lead" --role agency-lead --agency "$AGENCY" --database "$DB" >/dev/null
# 1,000 of the agency's young people whom linkage placed, at random: the ids a lead would type.
q "SELECT person_id FROM person_links WHERE agency_id = '$AGENCY' ORDER BY random() LIMIT 1000" >"$OUT/ids.txt"
YOUNG=$(q "SELECT COUNT(DISTINCT partnership_person_id) FROM person_links")
ROWS=$(q "SELECT (SELECT COUNT(*) FROM ce_screenings) + (SELECT COUNT(*) FROM missing_episodes) + (SELECT COUNT(*) FROM police_incidents)
  + (SELECT COUNT(*) FROM nrm_referrals) + (SELECT COUNT(*) FROM health_contacts) + (SELECT COUNT(*) FROM education_events)
  + (SELECT COUNT(*) FROM youth_justice) + (SELECT COUNT(*) FROM mace_discussions) + (SELECT COUNT(*) FROM voice_feedback)")

PORT=$(free_port)
"$DOTS" serve --port "$PORT" --database "$DB" >"$OUT/serve.log" 2>&1 &
SERVER=$!
NGINX_PID=""
trap 'kill $SERVER 2>/dev/null || true; [ -z "$NGINX_PID" ] || kill $NGINX_PID 2>/dev/null || true; [ "$ENGINE" != postgres ] || stop_postgres' EXIT
for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

# Sign in as a browser does (benchmarks/lib/web.sh); then the journeys form's token.
SESSION=$(sign_in "http://127.0.0.1:$PORT" lead@load.example "$PASSWORD" "$OUT/cookies")
# A server starts by preparing the framework's published figures (disclosure control over every cell: ~10 s at this
# size), which would share the cores with the first seconds of load. The overview waits for them; the run starts after.
WARM=$(curl -fs -o /dev/null -w '%{time_total}' -H "Cookie: dots_session=$SESSION" "http://127.0.0.1:$PORT/framework")
FORM=$(curl -fs -H "Cookie: dots_session=$SESSION" "http://127.0.0.1:$PORT/journeys" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
FIRST=$(head -1 "$OUT/ids.txt")
curl -fs -H "Cookie: dots_session=$SESSION" --data-urlencode "csrf=$FORM" --data-urlencode "kind=agency" --data-urlencode "id=$FIRST" \
  --data-urlencode "purpose=mace-meeting" "http://127.0.0.1:$PORT/journeys" >"$OUT/static/journey.html"
grep -q "Young person" "$OUT/static/journey.html" || { echo "the journey page did not open" >&2; exit 1; }

cat >"$OUT/journey.lua" <<LUA
local ids = {}
for line in io.lines("$OUT/ids.txt") do ids[#ids + 1] = line end
wrk.method = "POST"
wrk.headers["Cookie"] = "dots_session=$SESSION"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
request = function()
  local id = ids[math.random(#ids)]
  return wrk.format("POST", "/journeys", nil, "csrf=$FORM&kind=agency&purpose=mace-meeting&id=" .. id)
end
LUA

start_nginx "$OUT" journey.html

AUDIT_BEFORE=$(qa "SELECT COUNT(*) FROM audit_events WHERE action = 'journey.view'")
wrk -t2 -c64 -d"${SECS}s" --latency -s "$OUT/journey.lua" "http://127.0.0.1:$PORT/journeys" >"$OUT/dots.wrk"
wrk -t2 -c64 -d"${SECS}s" --latency "http://127.0.0.1:$NPORT/journey.html" >"$OUT/nginx.wrk"
AUDIT_AFTER=$(qa "SELECT COUNT(*) FROM audit_events WHERE action = 'journey.view'")

# The cohort journeys: the first request computes them; later ones read the cache (the median of five, after one).
COHORT1=$(curl -fs -o "$OUT/cohort.html" -w '%{time_total}' -H "Cookie: dots_session=$SESSION" "http://127.0.0.1:$PORT/framework/journeys")
curl -fs -o /dev/null -H "Cookie: dots_session=$SESSION" "http://127.0.0.1:$PORT/framework/journeys"
COHORT2=$(for _ in 1 2 3 4 5; do curl -fs -o /dev/null -w '%{time_total}\n' -H "Cookie: dots_session=$SESSION" "http://127.0.0.1:$PORT/framework/journeys"; done | sort -n | sed -n 3p)
RSS=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$SERVER/status")

echo "Synthetic partnership: $PEOPLE generated, $YOUNG young people linked, $ROWS event rows; 1,000 of $AGENCY's young people opened at random."
echo
echo "| what | page bytes | requests/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|---|"
for who in dots nginx; do
  f="$OUT/$who.wrk"
  printf '| %s | %s | %.0f | %s | %s | %s |\n' "$([ $who = dots ] && echo "Journey page, Dots (agency lead, POST with purpose, audited; $ENGINE)" || echo "Journey page, nginx, one saved page")" \
    "$(wc -c <"$OUT/static/journey.html")" "$(awk '/Requests\/sec/ {print $2}' "$f")" \
    "$(awk '$1 == "50%" {print $2}' "$f")" "$(awk '$1 == "99%" {print $2}' "$f")" "$(awk '/Non-2xx or 3xx responses/ {print $NF}' "$f" | grep . || echo 0)"
done
echo
echo "Journey views audited during the run: $((AUDIT_AFTER - AUDIT_BEFORE)) (wrk completed $(awk '/requests in/ {print $1}' "$OUT/dots.wrk"))."
echo "The server's start-up preparation of the framework's figures, waited for before the load: ${WARM} s."
echo "Cohort journeys page: first request (computes) ${COHORT1} s, later (cached, median) ${COHORT2} s; server peak RSS ${RSS} MiB."
echo
echo "wrk -t2 -c64 -d${SECS}s --latency on 127.0.0.1; $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo); $(wrk --version 2>&1 | head -1 | awk '{print $1, $2}'); nginx $(nginx -v 2>&1 | awk -F/ '{print $2}')"
