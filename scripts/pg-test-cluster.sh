#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests, on a loopback port in a temp directory.
#   eval "$(scripts/pg-test-cluster.sh start)"   # exports PARKHQ_TEST_PG (a postgresql:// URL) and PARKHQ_PG_DIR
#   scripts/pg-test-cluster.sh stop "$PARKHQ_PG_DIR"
# initdb refuses to run as root, so as root the cluster runs as the `postgres` user.
set -euo pipefail
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$BIN" ] || { echo "pg-test-cluster: PostgreSQL server binaries not found" >&2; exit 1; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/parkhq-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    port=${PARKHQ_PG_PORT:-$(( 20000 + RANDOM % 20000 ))}
    as_pg "'$BIN/initdb' -D '$dir/data' -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_pg "'$BIN/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-k '$dir' -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start" >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "export PARKHQ_PG_DIR='$dir'"
    echo "export PARKHQ_TEST_PG='postgresql://postgres@127.0.0.1:$port/postgres'"
    echo "export PARKHQ_PG_PORT=$port"
    ;;
  stop)
    dir=${2:?usage: stop DIR}
    as_pg "'$BIN/pg_ctl' -D '$dir/data' -m immediate -w stop" >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
