# Sourced by the web benchmarks (benchmarks/web/run.sh, benchmarks/journeys/run.sh): a free port, signing in as a
# browser does, and nginx serving saved pages as the ceiling for any server on this machine.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# sign_in BASE EMAIL PASSWORD JAR: the form's CSRF token, then the session cookie; prints the session, fails without one.
sign_in() {
  local base=$1 email=$2 password=$3 jar=$4 csrf session
  csrf=$(curl -s -c "$jar" "$base/sign-in" | grep -o 'name="csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "email=$email" --data-urlencode "password=$password" \
    --data-urlencode "csrf=$csrf" --data-urlencode "next=" "$base/sign-in"
  session=$(awk '$6 == "dots_session" {print $7}' "$jar")
  [ -n "$session" ] || { echo "sign-in failed" >&2; return 1; }
  echo "$session"
}

# start_nginx OUT PROBE: nginx serving OUT/static on a free port (NPORT), its pid in NGINX_PID; waits until PROBE
# (a file under OUT/static) is served.
start_nginx() {
  local out=$1 probe=$2
  NPORT=$(free_port)
  cat >"$out/nginx.conf" <<CONF
worker_processes auto;
daemon off;
user root;
pid $out/nginx.pid;
error_log $out/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NPORT;
    root $out/static;
    location / { default_type "text/html; charset=utf-8"; }
  }
}
CONF
  nginx -c "$out/nginx.conf" &
  NGINX_PID=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$NPORT/$probe" >/dev/null 2>&1 && break; sleep 0.1; done
}
