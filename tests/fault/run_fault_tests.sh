#!/usr/bin/env bash
# Fault tests (issue 18) on both engines: kill -9 during a large import and during a write burst
# (FAULT_ROUNDS times each, default 20; make test runs fewer), restart PostgreSQL under load, and a
# full disk under SQLite. See tests/fault/fault_test.py. Prints one "fault-...: N passed, M failed"
# line per test and a total "fault: N passed, M failed".
#   FAULT_ROUNDS=20 tests/fault/run_fault_tests.sh [build/parkhq]
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-build/parkhq}
ROUNDS=${FAULT_ROUNDS:-20}
. tests/replica/pg_nodes.sh
tp=0; tf=0
run() {  # fault_test.py arguments...
  local out
  out=$(FAULT_ROUNDS=$ROUNDS python3 tests/fault/fault_test.py "$@" --binary "$BIN" 2>&1)
  echo "$out" | grep -vE '^ok ' | tail -15
  local line; line=$(echo "$out" | grep -E '^fault-.*: [0-9]+ passed' | tail -1)
  local p f; p=$(echo "$line" | sed -n 's/.* \([0-9]*\) passed.*/\1/p'); f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
  [ -z "$line" ] && { echo "fault $1: no result line"; f=1; p=0; }
  tp=$((tp + ${p:-0})); tf=$((tf + ${f:-0}))
}
work=$(mktemp -d /tmp/parkhq-fault.XXXXXX)
pgdir=""
cleanup() { [ -n "$pgdir" ] && { pg_stop "$pgdir" immediate; rm -rf "$pgdir"; }; rm -rf "$work"; }
trap cleanup EXIT

echo "== faults on SQLite ($ROUNDS rounds)"
for t in kill-import kill-burst disk-full; do
  rm -f "$work"/s.db*
  PARKHQ_FAST_HASH=1 "$BIN" init --db "$work/s.db" >/dev/null 2>&1 || { echo "init failed"; tf=$((tf + 1)); continue; }
  run "$t" --db "$work/s.db"
done

if pg_available && command -v psql >/dev/null; then
  echo "== faults on PostgreSQL ($ROUNDS rounds)"
  pgdir=$(pg_workdir); port=$(pg_free_port)
  if pg_primary "$pgdir" "$port"; then
    url=$(pg_url "$port")
    export PG_AMCHECK=$PG_BIN/pg_amcheck
    for t in kill-import kill-burst pg-restart; do
      psql -XAtq "$url" -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public" >/dev/null 2>&1
      PARKHQ_FAST_HASH=1 "$BIN" init --db "$url" >/dev/null 2>&1 || { echo "init failed"; tf=$((tf + 1)); continue; }
      run "$t" --db "$url" --pg-restart "bash -c '. tests/replica/pg_nodes.sh; pg_stop $pgdir MODE; pg_start $pgdir'"
    done
  else
    echo "fault: PostgreSQL did not start"; tf=$((tf + 1))
  fi
else
  echo "fault: PostgreSQL skipped: server binaries (initdb, psql) not found"
fi
echo "fault: $tp passed, $tf failed"
[ "$tf" -eq 0 ]
