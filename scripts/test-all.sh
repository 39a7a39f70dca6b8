#!/usr/bin/env bash
# Runs every suite: C++ unit and storage tests (SQLite and a throwaway PostgreSQL), web unit tests,
# API tests against the real binary on both engines, and the browser tests. Prints a summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=build/parkhq
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
results=()
total_pass=0
total_fail=0
record() {  # name passed failed
  results+=("$1: $2 passed, $3 failed")
  total_pass=$((total_pass + $2))
  total_fail=$((total_fail + $3))
}

eval "$(scripts/pg-test-cluster.sh start)"
cleanup() { [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null; scripts/pg-test-cluster.sh stop "$PARKHQ_PG_DIR"; }
trap cleanup EXIT

echo "== English message catalog covers every Chinese error message in src/"
out=$($PY scripts/check_messages.py --self-test 2>&1 && $PY scripts/check_messages.py 2>&1); rc=$?
echo "$out" | tail -20
if [ $rc -eq 0 ]; then record "messages" 1 0; else record "messages" 0 1; fi

echo "== C++ unit and storage tests (SQLite + PostgreSQL)"
out=$(build/parkhq_tests --gtest_brief=1 2>&1); rc=$?
echo "$out" | tail -25
p=$(echo "$out" | sed -n 's/.*\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
f=$(echo "$out" | sed -n 's/.*\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
p=${p:-0}; f=${f:-0}; [ $rc -ne 0 ] && [ "$f" -eq 0 ] && f=1
record "cpp" "$p" "$f"

if [ -f web/package.json ]; then
  echo "== web unit tests (vitest)"
  out=$(cd web && NO_COLOR=1 npx vitest run 2>&1 | sed "s/\x1b\[[0-9;]*m//g"); rc=$?
  echo "$out" | tail -6
  p=$(echo "$out" | sed -n 's/.*Tests *\([0-9]*\) passed.*/\1/p' | tail -1)
  f=$(echo "$out" | sed -n 's/.*Tests *\([0-9]*\) failed.*/\1/p' | tail -1)
  p=${p:-0}; f=${f:-0}; [ $rc -ne 0 ] && [ "$f" -eq 0 ] && f=1
  record "web" "$p" "$f"
fi

for engine in sqlite postgresql; do
  echo "== API tests ($engine)"
  out=$($PY tests/api/run.py --binary $BIN --engine $engine 2>&1); rc=$?
  echo "$out" | grep -vE '^ok ' | tail -40
  line=$(echo "$out" | grep -E "^api-$engine: " | tail -1)
  p=$(echo "$line" | sed -n 's/.* \([0-9]*\) passed.*/\1/p'); f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
  p=${p:-0}; f=${f:-0}; [ $rc -ne 0 ] && [ "$f" -eq 0 ] && f=1
  record "api-$engine" "$p" "$f"
done

# Issue 18: read replicas (a primary and a streaming standby) and the fault tests, bounded
# (FAULT_ROUNDS=3 here; the full run is FAULT_ROUNDS=20 tests/fault/run_fault_tests.sh).
for suite in replica fault; do
  if [ $suite = replica ]; then
    echo "== read replicas (PostgreSQL primary + streaming standby)"
    out=$(bash tests/replica/run_replica_test.sh $BIN 2>&1); rc=$?
  else
    echo "== fault tests (kill -9 during imports and writes, PostgreSQL restart, full disk)"
    out=$(FAULT_ROUNDS=${FAULT_ROUNDS:-3} bash tests/fault/run_fault_tests.sh $BIN 2>&1); rc=$?
  fi
  echo "$out" | grep -vE '^ok ' | tail -30
  line=$(echo "$out" | grep -E "^$suite: [0-9]+ passed" | tail -1)
  p=$(echo "$line" | sed -n 's/.* \([0-9]*\) passed.*/\1/p'); f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
  p=${p:-0}; f=${f:-0}; [ $rc -ne 0 ] && [ "$f" -eq 0 ] && f=1
  record "$suite" "$p" "$f"
done

if [ -f tests/e2e/run.mjs ] && [ -d web/node_modules/playwright-core ]; then
  echo "== browser tests (headless chromium)"
  tmp=$(mktemp -d)
  PARKHQ_FAST_HASH=1 $BIN init --db "$tmp/e2e.db" >/dev/null
  PARKHQ_FAST_HASH=1 $BIN serve --db "$tmp/e2e.db" --listen 127.0.0.1:0 --web-root web/dist >"$tmp/serve.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 50); do grep -q serving "$tmp/serve.log" && break; sleep 0.2; done
  base=$(sed -n 's/.*serving \(http:[^ ]*\).*/\1/p' "$tmp/serve.log" | head -1)
  out=$(BASE_URL=$base node tests/e2e/run.mjs 2>&1); rc=$?
  echo "$out" | tail -30
  line=$(echo "$out" | grep -E "^[0-9]+ passed, [0-9]+ failed" | tail -1)
  p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p'); f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
  p=${p:-0}; f=${f:-0}; [ $rc -ne 0 ] && [ "$f" -eq 0 ] && f=1
  record "e2e" "$p" "$f"
  kill $SERVER_PID 2>/dev/null; wait $SERVER_PID 2>/dev/null; SERVER_PID=
  rm -rf "$tmp"
fi

if [ -f scripts/test-package.sh ]; then
  echo "== Debian package (make package; install, start, upgrade, remove in a throwaway root)"
  if make -s package >/dev/null 2>&1; then out=$(bash scripts/test-package.sh 2>&1); rc=$?
  else out="package: 0 passed, 1 failed (make package)"; rc=1; fi
  echo "$out" | grep -vE '^ok ' | tail -20
  line=$(echo "$out" | grep -E "^package: " | tail -1)
  p=$(echo "$line" | sed -n 's/.* \([0-9]*\) passed.*/\1/p'); f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
  p=${p:-0}; f=${f:-0}; [ $rc -ne 0 ] && [ "$f" -eq 0 ] && f=1
  record "package" "$p" "$f"
fi

echo
echo "== summary"
for r in "${results[@]}"; do echo "  $r"; done
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ] && [ "$total_pass" -gt 0 ]
