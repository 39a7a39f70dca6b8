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

# PAIRS back-to-back rounds (bare, health, tasks); each ratio is taken within its round, and the
# table shows the medians (the shared machine's speed drifts between rounds).
PAIRS=${PAIRS:-5}
: >"$OUT/rounds.txt"
for i in $(seq "$PAIRS"); do
  read -r b_rps b_p50 b_p99 < <(run bare "http://127.0.0.1:18999/api/v1/health")
  read -r h_rps h_p50 h_p99 < <(run health "$base/api/v1/health")
  read -r t_rps t_p50 t_p99 < <(run tasks "$base/api/v1/tasks" "Cookie: $cookie")
  echo "$b_rps $b_p50 $b_p99 $h_rps $h_p50 $h_p99 $t_rps $t_p50 $t_p99" >>"$OUT/rounds.txt"
done
# median of column N of rounds.txt; ratio medians are of per-round ratios
med() { awk -v c="$1" '{print $c}' "$OUT/rounds.txt" | sort -g | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
medratio() { awk -v a="$1" -v b="$2" '{printf "%.4f\n", $a / $b}' "$OUT/rounds.txt" | sort -g | awk '{a[NR]=$1} END {m = (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2); printf "%.2f (%.2f–%.2f)", m, a[1], a[NR]}'; }
load=$(cut -d' ' -f1-3 /proc/loadavg)

section=$(cat <<MD
## Foundation: HTTP (bench/run.sh)

$(date -u +%Y-%m-%d), $(nproc) cores, load average $load at the end (a machine shared with other builds:
compare ratios, not absolutes). wrk -t$THREADS -c$CONNECTIONS -d$DURATION on loopback (client and server share the cores),
$PAIRS back-to-back rounds of bare / health / tasks; medians, each ratio taken within its round (range over the rounds).
Baseline: bench/bare_responder.cc (Boost.Beast, same compiler flags, fixed JSON body).

| endpoint | requests/s | p50 ms | p99 ms | parkhq / bare (req/s) |
|---|---:|---:|---:|---:|
| bare responder | $(med 1) | $(med 2) | $(med 3) | 1.00 |
| GET /api/v1/health | $(med 4) | $(med 5) | $(med 6) | $(medratio 4 1) |
| GET /api/v1/tasks (session cookie, SQLite, 25 tasks with units) | $(med 7) | $(med 8) | $(med 9) | $(medratio 7 1) |

Aims (issue 18): health ≥ 0.7x, the authenticated list ≥ 0.3x. Sessions are held in memory with
write-behind of last_seen and health is answered on the I/O thread (docs/scale.md).
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
