#!/usr/bin/env bash
# A bounded scan of a throwaway loopback server with sqlmap (SQL injection in query parameters and
# JSON bodies) and wapiti (XSS, injection, CRLF, file and command execution probes), signed in as
# the demo sysadmin. Needs the built server (make server); installs sqlmap/wapiti (Debian) when
# missing. SCAN_SECONDS (default 300) bounds each tool. Reports go to build/security-scan/.
# What was found is summarised in docs/security.md, "Untrusted input".
set -euo pipefail
cd "$(dirname "$0")/.."
SCAN_SECONDS=${SCAN_SECONDS:-300}
OUT=build/security-scan
mkdir -p $OUT
for tool in sqlmap wapiti; do
  if ! command -v $tool >/dev/null; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends sqlmap wapiti >/dev/null
  fi
done
DB=$(mktemp -d)/scan.db
export PARKHQ_FAST_HASH=1
build/parkhq init --db "$DB" >/dev/null
build/parkhq serve --db "$DB" --listen 127.0.0.1:0 --web-root web/dist > $OUT/server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$(dirname "$DB")"' EXIT
for _ in $(seq 50); do grep -q "serving http" $OUT/server.log && break; sleep 0.2; done
BASE=$(grep -o 'http://[0-9.:]*' $OUT/server.log | head -1)
[ -n "$BASE" ] || { echo "security-scan: server did not start"; cat $OUT/server.log; exit 1; }
LOGIN=$(curl -s -c $OUT/cookies.txt -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"Admin@2023demo"}' "$BASE/api/v1/auth/login")
CSRF=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get("csrf_token",""))' "$LOGIN")
COOKIE=$(sed 's/^#HttpOnly_//' $OUT/cookies.txt | awk '!/^#/ && NF>=7 {printf "%s=%s; ", $6, $7}')
[ -n "$COOKIE" ] || { echo "security-scan: login failed: $LOGIN"; exit 1; }
echo "security-scan: $BASE as admin"

# sqlmap: query parameters that reach SQL filters and the sort order, and a JSON body.
URLS=(
  "$BASE/api/v1/enterprises?q=test&status=active&page=1&page_size=20"
  "$BASE/api/v1/projects?q=test&stage=signed&sort=id&page=1"
  "$BASE/api/v1/parks/1/parcels?status=x&q=a"
  "$BASE/api/v1/audit?entity=users&page=1"
  "$BASE/api/v1/industries?q=26"
)
for u in "${URLS[@]}"; do
  timeout "$SCAN_SECONDS" sqlmap -u "$u" --cookie="$COOKIE" --batch --level=2 --risk=1 --threads=2 \
    --technique=BEUT --time-sec=2 --output-dir=$OUT/sqlmap --disable-coloring >> $OUT/sqlmap.log 2>&1 || true
done
timeout "$SCAN_SECONDS" sqlmap -u "$BASE/api/v1/parks/1/parcels" --method=POST --cookie="$COOKIE" \
  --headers="X-CSRF-Token: $CSRF" --data='{"code":"SCAN-1","name":"scan","area_mu":1}' --batch --level=2 \
  --risk=1 --technique=BEUT --output-dir=$OUT/sqlmap --disable-coloring >> $OUT/sqlmap.log 2>&1 || true
if grep -qiE "is vulnerable|injectable" $OUT/sqlmap.log && ! grep -qiE "not injectable|might not be injectable" <(grep -iE "is vulnerable|injectable" $OUT/sqlmap.log); then
  echo "security-scan: sqlmap reports an injection:"; grep -iE "vulnerable|injectable" $OUT/sqlmap.log | head
  SQLMAP=found
else
  SQLMAP=none
fi

# wapiti: the web app is a single page, so it is given the API URLs above as start points; it
# probes every query parameter of each.
STARTS=(); for u in "${URLS[@]}"; do STARTS+=(-s "$u"); done
timeout "$((SCAN_SECONDS + 30))" wapiti -u "$BASE/" --scope domain "${STARTS[@]}" -H "Cookie: $COOKIE" \
  -m sql,blindsql,xss,permanentxss,exec,file,crlf,redirect,ssrf --max-scan-time "$SCAN_SECONDS" \
  --flush-session -f json -o $OUT/wapiti.json > $OUT/wapiti.log 2>&1 || true
WAPITI=$(python3 - $OUT/wapiti.json <<'PY'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
except Exception as e:
    print(f"no report ({e})"); sys.exit()
v = {k: len(x) for k, x in d.get("vulnerabilities", {}).items() if x}
print("none" if not v else ", ".join(f"{k}: {n}" for k, n in v.items()))
PY
)
echo "security-scan: $(date -u +%F) sqlmap: $SQLMAP; wapiti: $WAPITI (reports in $OUT)"
# The server must have survived the scan.
curl -sf "$BASE/api/v1/health" >/dev/null || curl -sf -b $OUT/cookies.txt "$BASE/api/v1/parks" >/dev/null || {
  echo "security-scan: the server no longer answers"; exit 1; }
[ "$SQLMAP" = none ] && [ "$WAPITI" = none ]
