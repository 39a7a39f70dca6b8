# PostgreSQL nodes for the replica and fault tests (sourced): a primary and streaming standbys on
# loopback ports in a temp directory, from Debian's postgresql packages. initdb refuses root, so as
# root the servers run as the `postgres` user (like scripts/pg-test-cluster.sh).
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
pg_available() { [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_basebackup" ]; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
pg_free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# pg_workdir → a fresh directory the postgres user may write
pg_workdir() {
  local d; d=$(mktemp -d /tmp/parkhq-nodes.XXXXXX); chmod 755 "$d"
  [ "$(id -u)" -eq 0 ] && chown postgres "$d"
  echo "$d"
}
# pg_primary DIR PORT [EXTRA_OPTS]: initdb + start. Durable settings (fsync off only: no OS crash here;
# synchronous_commit on, so an acknowledged commit survives a kill of the server or of PostgreSQL).
pg_primary() {
  local dir=$1 port=$2 extra=${3:-}
  as_pg "'$PG_BIN/initdb' -D '$dir/data' -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = on
max_connections = 200
wal_level = replica
max_wal_senders = 5
wal_keep_size = 256MB
$extra
CONF
  pg_start "$dir"
}
pg_start() { as_pg "'$PG_BIN/pg_ctl' -D '$1/data' -l '$1/server.log' -w -t 60 start" >/dev/null || { tail -20 "$1/server.log" >&2; return 1; }; }
# pg_stop DIR [fast|immediate]
pg_stop() { as_pg "'$PG_BIN/pg_ctl' -D '$1/data' -m ${2:-fast} -w -t 60 stop" >/dev/null 2>&1 || true; }
# pg_standby PRIMARY_PORT DIR PORT [EXTRA_OPTS]: pg_basebackup -R (streaming, hot standby) + start.
pg_standby() {
  local pport=$1 dir=$2 port=$3 extra=${4:-}
  as_pg "'$PG_BIN/pg_basebackup' -h 127.0.0.1 -p $pport -U postgres -D '$dir/data' -R -X stream --no-sync" \
    >"$dir/basebackup.log" 2>&1 || { cat "$dir/basebackup.log" >&2; return 1; }
  cat >>"$dir/data/postgresql.conf" <<CONF
port = $port
unix_socket_directories = '$dir'
hot_standby = on
$extra
CONF
  pg_start "$dir"
}
pg_url() { echo "postgresql://postgres@127.0.0.1:$1/postgres"; }
