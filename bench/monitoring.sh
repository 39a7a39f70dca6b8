#!/usr/bin/env bash
# Monitoring benchmark (not a test): a generated region of 100 parks × 5 years of monthly figures;
# GET monitoring for the region and for one park under wrk, against the bare Beast responder.
# Writes the "Monitoring" section of bench/RESULTS.md.
#   bench/monitoring.sh     (after make build)   DURATION=10s CONNECTIONS=32 THREADS=2
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PARKS=${PARKS:-100}
OUT=bench/out
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)"; exit 1; }
cmake --build build --target parkhq bare_responder >/dev/null
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3

tmp=$(mktemp -d)
cleanup() { kill ${PIDS:-} 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
PARKHQ_FAST_HASH=1 build/parkhq init --db "$tmp/bench.db" >/dev/null

# 100 demo parks in a new city, 2021-2025, nine indicators, every month approved, 2025 targets.
read -r region park < <($PY - "$tmp/bench.db" "$PARKS" <<'PY'
import math, sqlite3, sys
db, n = sys.argv[1], int(sys.argv[2])
c = sqlite3.connect(db)
now = "2026-01-01T00:00:00Z"
c.execute("INSERT INTO regions(name, parent_id, level, created_at) VALUES ('基准测试市（演示）', 1, 'city', ?)", (now,))
region = c.execute("SELECT MAX(id) FROM regions").fetchone()[0]
codes = {"fai": 300, "output": 1500, "sales": 1480, "value_added": 180, "tax": 95, "energy": 12000,
         "employees": 900, "new_above_scale": 0.4, "new_enterprises": 0.5}
first = None
for i in range(n):
    c.execute("INSERT INTO parks(region_id, name, is_demo, sort, created_at) VALUES (?,?,1,?,?)",
              (region, f"基准园区{i + 1:03d}（演示）", 100 + i, now))
    pid = c.execute("SELECT MAX(id) FROM parks").fetchone()[0]
    first = first or pid
    rows, months = [], []
    for y in range(2021, 2026):
        for m in range(1, 13):
            p = f"{y}-{m:02d}"
            months.append((pid, p, now, now))
            for code, base in codes.items():
                v = base * (1 + 0.06 * (y - 2021)) * (1 + 0.1 * math.sin(m + i)) * (1 + i / n)
                rows.append((pid, p, code, round(v, 2) if base > 1 else float(round(v + 0.3))))
    c.executemany("INSERT INTO indicator_values(park_id, period, indicator_code, value, is_demo, updated_at, updated_by) "
                  "VALUES (?,?,?,?,1,'2026-01-01T00:00:00Z','bench')", rows)
    c.executemany("INSERT INTO monitoring_months(park_id, period, state, submitted_at, submitted_by, approved_at, "
                  "approved_by, updated_at) VALUES (?,?,'approved',?,'bench',?,'bench','2026-01-01T00:00:00Z')", months)
    c.executemany("INSERT INTO targets(park_id, year, indicator_code, target, updated_at) VALUES (?,2025,?,?,?)",
                  [(pid, code, round(base * 12 * 1.3 * (1 + i / n), 2), now) for code, base in codes.items() if code != "employees"])
c.commit()
print(region, first)
PY
)

PARKHQ_FAST_HASH=1 build/parkhq serve --db "$tmp/bench.db" --listen 127.0.0.1:0 --web-root web/dist >"$tmp/serve.log" 2>&1 &
PIDS="$!"
build/bare_responder 18998 >"$tmp/bare.log" 2>&1 &
PIDS="$PIDS $!"
for _ in $(seq 50); do grep -q serving "$tmp/serve.log" && grep -q bare "$tmp/bare.log" && break; sleep 0.2; done
base=$(sed -n 's/.*serving \(http:[^ ]*\).*/\1/p' "$tmp/serve.log" | head -1)
curl -s -c "$tmp/cookies" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"Admin@2023demo"}' "$base/api/v1/auth/login" >/dev/null
cookie=$(awk '$6 == "phq_session" {print "phq_session=" $7}' "$tmp/cookies")
check=$(curl -s -H "Cookie: $cookie" "$base/api/v1/regions/$region/monitoring?period=2025-06" | $PY -c \
  'import json,sys; d=json.load(sys.stdin); print(len(d["park_ids"]), next(i["ytd"] for i in d["indicators"] if i["code"]=="output"))')
echo "region $region: parks and output ytd = $check"

run() {  # NAME URL [HEADER] → "rps p50_ms p99_ms"
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
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }

read -r bare_rps bare_p50 bare_p99 < <(run mon-bare "http://127.0.0.1:18998/api/v1/health")
read -r r_rps r_p50 r_p99 < <(run mon-region "$base/api/v1/regions/$region/monitoring?period=2025-06" "Cookie: $cookie")
read -r p_rps p_p50 p_p99 < <(run mon-park "$base/api/v1/parks/$park/monitoring?period=2025-06" "Cookie: $cookie")
read -r d_rps d_p50 d_p99 < <(run mon-region-dash "$base/api/v1/regions/$region/dashboard?period=2025-06" "Cookie: $cookie")
load=$(cut -d' ' -f1 /proc/loadavg)

section=$(cat <<MD
## Monitoring (bench/monitoring.sh)

$(date -u +%Y-%m-%d), $(nproc) cores (load average $load at the end), wrk -t$THREADS -c$CONNECTIONS -d$DURATION on loopback, SQLite.
Data: a generated city of $PARKS parks × 5 years (2021-2025) × 9 indicators of monthly figures, every month
approved, 2025 targets ($((PARKS * 540)) values). Period 2025-06. The service caches each park's figures
per year after the first read (dropped on every write), so steady state computes from memory.
A region result is kept as one immutable object and its JSON (~200 KB for the dashboard of 100 parks)
is rendered once per object (src/http/json/render_cache.h; before that the dashboard ran at 216 req/s,
p50 146 ms). Results live 2 s (a park may take indicators from enterprise reports or project investment, read
live); past them the last result is served while a background thread computes the next (issue 18,
docs/scale.md), so no request waits for the recompute. On a machine this loaded (other builds running)
p99 is set by the scheduler: compare each p99 with the bare responder's in the same run.

| endpoint | requests/s | p50 ms | p99 ms | parkhq / bare (req/s) |
|---|---:|---:|---:|---:|
| bare responder | $bare_rps | $bare_p50 | $bare_p99 | 1.000 |
| GET /api/v1/regions/{id}/monitoring ($PARKS parks summed) | $r_rps | $r_p50 | $r_p99 | $(ratio "$r_rps" "$bare_rps") |
| GET /api/v1/parks/{id}/monitoring (one park) | $p_rps | $p_p50 | $p_p99 | $(ratio "$p_rps" "$bare_rps") |
| GET /api/v1/regions/{id}/dashboard (+ $PARKS per-park rows, series, warnings) | $d_rps | $d_p50 | $d_p99 | $(ratio "$d_rps" "$bare_rps") |

Aim (issue 3): region-level monitoring p99 under 20 ms on these 2-core machines.
MD
)
$PY - "$section" <<'PY'
import re, sys, pathlib
path = pathlib.Path("bench/RESULTS.md")
text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
new = sys.argv[1].strip() + "\n"
pattern = re.compile(r"## Monitoring \(bench/monitoring.sh\).*?(?=\n## |\Z)", re.S)
text = pattern.sub(new, text) if pattern.search(text) else text.rstrip() + "\n\n" + new
path.write_text(text, encoding="utf-8")
PY
echo "$section"
