#!/usr/bin/env bash
# Foundation HTTP benchmark (not a test): parkhq vs a bare Beast responder built with the same
# flags, under wrk on loopback. Writes the "Foundation: HTTP" section of bench/RESULTS.md.
#   bench/run.sh            (after make build)   DURATION=10s CONNECTIONS=32 THREADS=2 BENCH_ONLY_HTTP=1
# Module benchmarks (bench/*.sh other than run.sh) run after it when present.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
OUT=bench/out
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)"; exit 1; }
cmake --build build --target parkhq bare_responder >/dev/null

tmp=$(mktemp -d)
cleanup() { kill ${PIDS:-} 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
build/parkhq init --db "$tmp/bench.db" >/dev/null
build/parkhq serve --db "$tmp/bench.db" --listen 127.0.0.1:0 --web-root web/dist >"$tmp/serve.log" 2>&1 &
PIDS="$!"
build/bare_responder 18999 >"$tmp/bare.log" 2>&1 &
PIDS="$PIDS $!"
for _ in $(seq 50); do grep -q serving "$tmp/serve.log" && grep -q bare "$tmp/bare.log" && break; sleep 0.2; done
base=$(sed -n 's/.*serving \(http:[^ ]*\).*/\1/p' "$tmp/serve.log" | head -1)
curl -s -c "$tmp/cookies" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"Admin@2023demo"}' "$base/api/v1/auth/login" >/dev/null
cookie=$(awk '$6 == "phq_session" {print "phq_session=" $7}' "$tmp/cookies")

# run NAME URL [HEADER] → "rps p50_ms p99_ms"
run() {
  local name=$1 url=$2 header=${3:-}
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency)
  [ -n "$header" ] && args+=(-H "$header")
  wrk "${args[@]}" "$url" >"$OUT/$name.txt" 2>&1
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$OUT/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$OUT/$name.txt")
  echo "$rps $(to_ms "$p50") $(to_ms "$p99")"
}
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

read -r bare_rps bare_p50 bare_p99 < <(run bare "http://127.0.0.1:18999/api/v1/health")
read -r h_rps h_p50 h_p99 < <(run health "$base/api/v1/health")
read -r t_rps t_p50 t_p99 < <(run tasks "$base/api/v1/tasks" "Cookie: $cookie")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

section=$(cat <<MD
## Foundation: HTTP (bench/run.sh)

$(date -u +%Y-%m-%d), $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d$DURATION on loopback (client and server share the cores).
Baseline: bench/bare_responder.cc (Boost.Beast, same compiler flags, fixed JSON body).

| endpoint | requests/s | p50 ms | p99 ms | parkhq / bare (req/s) |
|---|---:|---:|---:|---:|
| bare responder | $bare_rps | $bare_p50 | $bare_p99 | 1.00 |
| GET /api/v1/health | $h_rps | $h_p50 | $h_p99 | $(ratio "$h_rps" "$bare_rps") |
| GET /api/v1/tasks (session cookie, SQLite, 25 tasks with units) | $t_rps | $t_p50 | $t_p99 | $(ratio "$t_rps" "$bare_rps") |
MD
)
python3 - "$section" <<'PY'
import re, sys, pathlib
path = pathlib.Path("bench/RESULTS.md")
text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n\nEach section is written by its script; rerun it to refresh. Figures are from shared 2-core machines: compare ratios, not absolutes.\n"
new = sys.argv[1].strip() + "\n"
pattern = re.compile(r"## Foundation: HTTP.*?(?=\n## |\Z)", re.S)
text = pattern.sub(new, text) if pattern.search(text) else text.rstrip() + "\n\n" + new
path.write_text(text, encoding="utf-8")
PY
echo "$section"
[ -n "${BENCH_ONLY_HTTP:-}" ] && exit 0   # skip the module benchmarks
for extra in bench/*.sh; do
  [ "$extra" = bench/run.sh ] && continue
  echo "== $extra"; bash "$extra" || echo "$extra failed"
done
