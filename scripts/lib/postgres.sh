# Sourced by scripts/test and benchmarks: start_postgres starts a throwaway PostgreSQL on a free loopback port,
# installing it from Debian's packages when absent, and exports DOTS_PG_URL; stop_postgres removes it. Call both
# in the same shell (not in a pipeline or a subshell that ends first): a server started in a subshell keeps
# running, and its URL is lost with the subshell.

start_postgres() {
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "==> Installing PostgreSQL from Debian" >&2
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  PG_TMP=$(mktemp -d /tmp/dots-pg.XXXXXX)
  PG_RUN=()
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_TMP"; PG_RUN=(runuser -u postgres --); fi
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  PG_BIN=$bindir
  "${PG_RUN[@]}" "$bindir/initdb" -D "$PG_TMP/data" -U dots --auth=trust -E UTF8 >/dev/null
  # Swift Testing runs tests side by side, each store with a connection per event loop: 200 connections ran out
  # now and then ("sorry, too many clients already" in the server's log, a PSQLError in whichever test came next).
  "${PG_RUN[@]}" "$bindir/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/log" -w \
    -o "-p $PG_PORT -k $PG_TMP -c listen_addresses=127.0.0.1 -c max_connections=500 ${PG_EXTRA_OPTIONS:-}" start >/dev/null
  export DOTS_PG_URL="postgres://dots@127.0.0.1:$PG_PORT/postgres?sslmode=disable"
  echo "==> PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT" >&2
}

stop_postgres() {
  [ -n "${PG_TMP:-}" ] || return 0
  "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_TMP"
  PG_TMP=
}
