#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL 15 cluster:
#   scripts/with-postgres.sh build/src/store_test
# Initialises a cluster in a temp directory (as the postgres user when run as root; no systemd),
# listening on a unix socket in that directory and on a free loopback port, creates the database
# gongkai_test, exports GONGKAI_TEST_PG=postgresql://… for the command, runs it, and stops and
# removes the cluster whatever happens. Exits with the command's status.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 COMMAND [ARGS...]   (runs COMMAND with GONGKAI_TEST_PG set)" >&2
  exit 2
fi

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [[ -z "$PG_BIN" || ! -x "$PG_BIN/initdb" ]]; then
  echo "with-postgres: initdb not found under /usr/lib/postgresql/*/bin;" \
       "install postgresql (scripts/install-deps.sh) or set PG_BIN" >&2
  exit 2
fi

# Run PostgreSQL's tools as an unprivileged user: the server refuses to run as root.
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

DIR=$(mktemp -d /tmp/gongkai-pg.XXXXXX)
chmod 755 "$DIR"
[[ $(id -u) -eq 0 ]] && chown postgres: "$DIR"
PORT=$(free_port)
LOG="$DIR/server.log"

cleanup() {
  as_pg "$PG_BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT INT TERM

as_pg "$PG_BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 \
  --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
as_pg "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$LOG" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c full_page_writes=off" \
  start >/dev/null || { cat "$LOG" >&2; exit 1; }
as_pg "$PG_BIN/createdb" -h "$DIR" -p "$PORT" -U postgres gongkai_test

export GONGKAI_TEST_PG="postgresql://postgres@127.0.0.1:$PORT/gongkai_test"
echo "with-postgres: $GONGKAI_TEST_PG (socket in $DIR)" >&2
set +e
"$@"
status=$?
set -e
exit $status
