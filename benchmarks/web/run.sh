#!/usr/bin/env bash
# Web load: the framework overview and an indicator page served by `dots serve` (release build, SQLite demo
# store of the default 5,000 young people), signed in as a strategic lead, under wrk at 64 connections on loopback;
# beside nginx serving the same pages saved as static files, the ceiling for a server on this machine.
# Usage: benchmarks/web/run.sh [SECONDS]   (default 20 s per run). wrk and nginx come from Debian when absent.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECS=${1:-20}
OUT=benchmarks/out/web
rm -rf "$OUT" && mkdir -p "$OUT/static"
OUT=$(cd "$OUT" && pwd)
command -v wrk >/dev/null && command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk nginx-light >/dev/null; }
swift build -c release --product dots >/dev/null
DOTS=$(swift build -c release --show-bin-path)/dots
source benchmarks/lib/web.sh

"$DOTS" demo --no-serve --dir "$OUT/demo" >"$OUT/demo.log"
DB="$OUT/demo/dots.sqlite"
PASSWORD="load-test-$(date +%s)-pw"
DOTS_PASSWORD=$PASSWORD "$DOTS" user add --email reader@load.example --name "Load reader" --role strategic-lead --database "$DB" >/dev/null
PORT=$(free_port)
"$DOTS" serve --port "$PORT" --database "$DB" >"$OUT/serve.log" 2>&1 &
SERVER=$!
NGINX_PID=""
trap 'kill $SERVER 2>/dev/null || true; [ -z "$NGINX_PID" ] || kill $NGINX_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

# Sign in as a browser does (benchmarks/lib/web.sh).
SESSION=$(sign_in "http://127.0.0.1:$PORT" reader@load.example "$PASSWORD" "$OUT/cookies")
OVERVIEW=/framework
INDICATOR=/framework/indicators/missing-children
# The first request builds the disclosure-controlled report (cached until the next framework run); save each page.
curl -fs -H "Cookie: dots_session=$SESSION" "http://127.0.0.1:$PORT$OVERVIEW" >"$OUT/static/overview.html"
curl -fs -H "Cookie: dots_session=$SESSION" "http://127.0.0.1:$PORT$INDICATOR" >"$OUT/static/indicator.html"

start_nginx "$OUT" overview.html

echo "| what | page bytes | requests/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|---|"
row() {  # label, path, saved file
  local label=$1 path=$2 file=$3
  wrk -t2 -c64 -d"${SECS}s" --latency -H "Cookie: dots_session=$SESSION" "http://127.0.0.1:$PORT$path" >"$OUT/$file.dots.wrk"
  wrk -t2 -c64 -d"${SECS}s" --latency "http://127.0.0.1:$NPORT/$file" >"$OUT/$file.nginx.wrk"
  for who in dots nginx; do
    local f="$OUT/$file.$who.wrk"
    printf '| %s, %s | %s | %.0f | %s | %s | %s |\n' "$label" "$([ $who = dots ] && echo "Dots (signed in, SQLite)" || echo "nginx, saved page")" \
      "$(wc -c <"$OUT/static/$file")" "$(awk '/Requests\/sec/ {print $2}' "$f")" \
      "$(awk '$1 == "50%" {print $2}' "$f")" "$(awk '$1 == "99%" {print $2}' "$f")" "$(awk '/Non-2xx or 3xx responses/ {print $NF}' "$f" | grep . || echo 0)"
  done
}
row "Framework overview" "$OVERVIEW" overview.html
row "Indicator page" "$INDICATOR" indicator.html
echo
echo "wrk -t2 -c64 -d${SECS}s --latency on 127.0.0.1; $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo); $(wrk --version 2>&1 | head -1 | awk '{print $1, $2}'); nginx $(nginx -v 2>&1 | awk -F/ '{print $2}')"
