#!/usr/bin/env bash
# Read replicas end to end (issue 18): a PostgreSQL primary and a streaming standby (pg_basebackup -R)
# on loopback ports, the server with --db-replica, traffic that checks every read after a write sees
# it (tests/replica/replica_traffic.py). The standby applies commits 400 ms late so that a read
# wrongly sent to it would miss the write. Prints "replica: N passed, M failed".
#   tests/replica/run_replica_test.sh [build/parkhq]
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-build/parkhq}
. tests/replica/pg_nodes.sh
if ! pg_available || ! command -v psql >/dev/null; then
  echo "replica: skipped: PostgreSQL server binaries (initdb, pg_basebackup, psql) not found"; echo "replica: 0 passed, 0 failed"; exit 0
fi
work=$(pg_workdir)
mkdir -p "$work/primary" "$work/standby"; chmod 755 "$work/primary" "$work/standby"
[ "$(id -u)" -eq 0 ] && chown postgres "$work/primary" "$work/standby"
p1=$(pg_free_port); p2=$(pg_free_port)
cleanup() { pg_stop "$work/standby" immediate; pg_stop "$work/primary" immediate; rm -rf "$work"; }
trap cleanup EXIT
pg_primary "$work/primary" "$p1" || { echo "replica: 0 passed, 1 failed (primary did not start)"; exit 1; }
PARKHQ_FAST_HASH=1 "$BIN" init --db "$(pg_url "$p1")" >"$work/init.log" 2>&1 \
  || { tail -5 "$work/init.log"; echo "replica: 0 passed, 1 failed (init)"; exit 1; }
pg_standby "$p1" "$work/standby" "$p2" "recovery_min_apply_delay = '400ms'" \
  || { echo "replica: 0 passed, 1 failed (standby did not start)"; exit 1; }
# The standby is a real streaming replica of the primary.
for _ in $(seq 100); do
  [ "$(psql -XAtq "$(pg_url "$p1")" -c 'SELECT count(*) FROM pg_stat_replication WHERE state = '"'streaming'"'')" = 1 ] && break
  sleep 0.2
done
[ "$(psql -XAtq "$(pg_url "$p2")" -c 'SELECT pg_is_in_recovery()')" = t ] || { echo "replica: 0 passed, 1 failed (not a standby)"; exit 1; }
as_stop="pg_stop '$work/standby' fast"
python3 tests/replica/replica_traffic.py --binary "$BIN" --primary "$(pg_url "$p1")" --replica "$(pg_url "$p2")" \
  --stop-replica "bash -c '. tests/replica/pg_nodes.sh; $as_stop'"
