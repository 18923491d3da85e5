#!/usr/bin/env bash
# Freshness: how long after an accepted submission the new figures are live. Builds the default demo store (5,000
# young people, SQLite, release build), serves it, resubmits Staffordshire Police's package through the API as the
# agency's data lead, and times until /api/v1/framework reports a new computation (the background recomputation
# that `dots serve` runs, relinking included). Usage: benchmarks/web/freshness.sh [PEOPLE] (default: the demo's 5,000)
set -euo pipefail
cd "$(dirname "$0")/../.."
PEOPLE=${1:-}
OUT=benchmarks/out/freshness${PEOPLE:+-$PEOPLE}
rm -rf "$OUT" && mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
swift build -c release --product dots >/dev/null
DOTS=$(swift build -c release --show-bin-path)/dots
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

"$DOTS" demo --no-serve ${PEOPLE:+--people "$PEOPLE"} --dir "$OUT/demo" >"$OUT/demo.log"
DB="$OUT/demo/dots.sqlite"
DOTS_PASSWORD="freshness-$(date +%s)-pw" "$DOTS" user add --email lead@fresh.example --name "Police lead" --role agency-lead --agency staffs-police --database "$DB" >/dev/null
TOKEN=$("$DOTS" token issue --email lead@fresh.example --label freshness --database "$DB" | grep -o 'dots_[A-Za-z0-9_-]*' | head -1)
[ -n "$TOKEN" ] || { echo "no token" >&2; exit 1; }
PORT=$(free_port)
"$DOTS" serve --port "$PORT" --database "$DB" >"$OUT/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
# The run the API reports; a failed request ends the benchmark (it must not pass for new figures).
computed() {
  local body
  body=$(curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/framework") || { echo "GET /api/v1/framework failed" >&2; tail -20 "$OUT/serve.log" >&2; exit 1; }
  python3 -c 'import json,sys; print(json.load(sys.stdin)["computedAt"])' <<<"$body"
}
BEFORE=$(computed)
ARGS=()
for f in "$OUT/demo/packages/staffs-police"/*; do ARGS+=(-F "files[]=@$f"); done
START=$(date +%s.%N)
STATUS=$(curl -s -o "$OUT/upload.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "${ARGS[@]}" "http://127.0.0.1:$PORT/api/v1/submissions")
ACCEPTED=$(date +%s.%N)
[ "$STATUS" = 201 ] || { echo "upload answered $STATUS" >&2; head -c 600 "$OUT/upload.json" >&2; exit 1; }
while NOW=$(computed) && [ "$NOW" = "$BEFORE" ]; do sleep 0.2; done
[ -n "$NOW" ] || exit 1
LIVE=$(date +%s.%N)
python3 - "$START" "$ACCEPTED" "$LIVE" <<'PY'
import sys
start, accepted, live = map(float, sys.argv[1:])
print("| step | seconds |\n|---|---|")
print(f"| upload checked and loaded (201) | {accepted - start:.1f} |")
print(f"| from acceptance to new figures live (relink + framework) | {live - accepted:.1f} |")
print(f"| upload to new figures, in all | {live - start:.1f} |")
PY
