#!/usr/bin/env bash
# Tests the Debian package (build/parkhq_*.deb, from `make package`): install, start, upgrade,
# remove and purge, without touching this machine's own system.
#
# What runs where (docs/deploy.md, "How the package is tested"):
#   - always: dpkg-deb checks the control data (conffiles, maintainer scripts, dependencies) and the
#     file list (binary, web app, config, systemd units), the unit's hardening options, and
#     `systemd-analyze verify` when systemd-analyze is present;
#   - as root where overlay mounts work (a developer machine, CI): a throwaway root whose /usr is an
#     overlay of this machine's (writes go to a temporary layer) and whose /etc is a copy. In it
#     `dpkg --root` installs the package for real (maintainer scripts run chrooted: the parkhq
#     user, /var/lib/parkhq, migrations), the binary is started chrooted as user parkhq with the
#     packaged /etc/parkhq/parkhq.toml and must answer /api/v1/health, the web app and /metrics;
#     then an upgrade to a rebuilt higher version (data kept, migrations run), remove (config and
#     data kept) and purge (config gone);
#   - otherwise (not root, no overlay): `dpkg-deb -x` into a directory and the same start checks with
#     paths given as flags. systemd itself is not started in either mode (no PID 1 in a chroot).
# Usage: scripts/test-package.sh [build/parkhq_X_Y.deb]      Prints "package: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
DEB=${1:-$(ls -1t build/parkhq_*.deb 2>/dev/null | head -1)}
[ -n "$DEB" ] && [ -f "$DEB" ] || { echo "no package: run make package first"; exit 1; }
DEB=$(realpath "$DEB")
pass=0; fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
check() { local name=$1; shift; if "$@" >/dev/null 2>&1; then ok "$name"; else bad "$name"; fi; }

WORK=$(mktemp -d /tmp/parkhq-pkg-XXXXXX)
ROOT=$WORK/root
SERVER_PID=
MOUNTS=()
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do umount -l "${MOUNTS[$i]}" 2>/dev/null; done
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== package $DEB"
info=$(dpkg-deb --info "$DEB"); files=$(dpkg-deb --contents "$DEB" | awk '{print $6}')
check "control: package name" grep -q "Package: parkhq" <<<"$info"
check "control: conffiles lists the config" bash -c "dpkg-deb --ctrl-tarfile '$DEB' | tar -xO ./conffiles | grep -qx /etc/parkhq/parkhq.toml"
for s in postinst prerm postrm; do
  check "control: $s script" bash -c "dpkg-deb --ctrl-tarfile '$DEB' | tar -t | grep -qx ./$s"
done
check "control: shared-library dependencies" grep -Eq "Depends:.*libsqlite3" <<<"$info"
for f in ./usr/bin/parkhq ./etc/parkhq/parkhq.toml ./lib/systemd/system/parkhq.service \
         ./lib/systemd/system/parkhq-backup.timer ./usr/share/parkhq/web/index.html \
         ./usr/share/doc/parkhq/deploy.md; do
  check "contains $f" grep -qx "$f" <<<"$files"
done

mkdir -p "$WORK/x" && dpkg-deb -x "$DEB" "$WORK/x"
unit=$WORK/x/lib/systemd/system/parkhq.service
for opt in "ProtectSystem=strict" "NoNewPrivileges=yes" "StateDirectory=parkhq" "User=parkhq" "PrivateTmp=yes"; do
  check "unit: $opt" grep -qx "$opt" "$unit"
done
if command -v systemd-analyze >/dev/null; then
  # Inside the extracted tree (where ExecStart exists) verify still reports the missing
  # sysinit.target of a bare root; only errors naming a line of the unit ("parkhq.service:12:") fail.
  out=$(systemd-analyze verify --root="$WORK/x" /lib/systemd/system/parkhq.service 2>&1); rc=$?
  if [ $rc -eq 0 ] || ! grep -qiE "parkhq.service:[0-9]+:" <<<"$out"; then ok "systemd-analyze verify"; else bad "systemd-analyze verify: $out"; fi
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_health() {  # port
  for _ in $(seq 100); do
    curl -fsS "http://127.0.0.1:$1/api/v1/health" 2>/dev/null | grep -q '"status":"ok"' && return 0
    sleep 0.2
  done
  return 1
}
serve_checks() {  # label port
  check "$1: /api/v1/health answers" wait_health "$2"
  check "$1: web app served" bash -c "curl -fsS http://127.0.0.1:$2/ | grep -qi '<div id=\"app\"'"
  check "$1: /metrics from loopback" bash -c "curl -fsS http://127.0.0.1:$2/metrics | grep -q '# TYPE parkhq_http_requests_total counter'"
  check "$1: openapi.json" bash -c "curl -fsS http://127.0.0.1:$2/api/v1/openapi.json | grep -q '\"openapi\":\"3'"
}
stop_server() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; SERVER_PID=; }

overlay_ok=0
if [ "$(id -u)" -eq 0 ]; then
  mkdir -p "$WORK/probe"/{l,u,w,m}
  mount -t overlay overlay -o "lowerdir=$WORK/probe/l,upperdir=$WORK/probe/u,workdir=$WORK/probe/w" "$WORK/probe/m" 2>/dev/null \
    && umount "$WORK/probe/m" && overlay_ok=1
fi

if [ $overlay_ok -eq 1 ]; then
  echo "== install into a throwaway root (dpkg --root, overlay /usr, copied /etc)"
  mkdir -p "$ROOT"/{usr,etc,var/lib/dpkg/info,var/lib/dpkg/updates,var/log,tmp,dev,proc,run} "$WORK"/{upper,wk}
  for l in bin sbin lib lib32 lib64 libx32; do [ -L "/$l" ] && ln -s "$(readlink "/$l")" "$ROOT/$l"; done
  mount -t overlay overlay -o "lowerdir=/usr,upperdir=$WORK/upper,workdir=$WORK/wk" "$ROOT/usr" && MOUNTS+=("$ROOT/usr")
  cp -a /etc/. "$ROOT/etc/" 2>/dev/null
  rm -rf "$ROOT/etc/parkhq"
  mount --bind /dev "$ROOT/dev" && MOUNTS+=("$ROOT/dev")
  mount -t proc proc "$ROOT/proc" && MOUNTS+=("$ROOT/proc")
  chmod 1777 "$ROOT/tmp"
  : >"$ROOT/var/lib/dpkg/status"; : >"$ROOT/var/lib/dpkg/available"
  DPKG=(dpkg --root="$ROOT" --force-depends --force-not-root --log=/dev/null)
  out=$("${DPKG[@]}" -i "$DEB" 2>&1); rc=$?
  if [ $rc -eq 0 ]; then ok "dpkg -i (postinst ran)"; else bad "dpkg -i: $out"; fi
  check "user parkhq created" chroot "$ROOT" getent passwd parkhq
  check "/var/lib/parkhq owned by parkhq" bash -c "[ \"\$(chroot '$ROOT' stat -c %U /var/lib/parkhq)\" = parkhq ]"
  check "migrations ran (database created)" test -s "$ROOT/var/lib/parkhq/parkhq.db"
  check "config is root:parkhq 0640" bash -c "[ \"\$(chroot '$ROOT' stat -c '%U:%G %a' /etc/parkhq/parkhq.toml)\" = 'root:parkhq 640' ]"
  check "parkhq config check (packaged file)" chroot --userspec=parkhq:parkhq "$ROOT" /usr/bin/parkhq config check

  start_chrooted() {  # port
    chroot --userspec=parkhq:parkhq "$ROOT" /usr/bin/parkhq serve --listen "127.0.0.1:$1" >"$WORK/serve.log" 2>&1 &
    SERVER_PID=$!
  }
  port=$(free_port); start_chrooted "$port"
  serve_checks "installed" "$port"
  curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/no-such-route"  # a 404 is logged at info
  check "logs are JSON lines (packaged log.format)" bash -c "sleep 0.3; grep -q '^{\"time\":.*no-such-route' '$WORK/serve.log'"
  stop_server
  # Data that must survive the upgrade: an account made with the CLI.
  check "create an account" chroot --userspec=parkhq:parkhq "$ROOT" env PARKHQ_FAST_HASH=1 /usr/bin/parkhq user add \
    --username upgrade_probe --password 'UpgradeProbe@2023' --role sysadmin

  echo "== upgrade to a higher version"
  mkdir -p "$WORK/up" && dpkg-deb -R "$DEB" "$WORK/up"
  old=$(sed -n 's/^Version: //p' "$WORK/up/DEBIAN/control")
  sed -i "s/^Version: .*/Version: ${old}+upgradetest1/" "$WORK/up/DEBIAN/control"
  dpkg-deb -b --root-owner-group "$WORK/up" "$WORK/parkhq_upgrade.deb" >/dev/null
  out=$("${DPKG[@]}" -i "$WORK/parkhq_upgrade.deb" 2>&1); rc=$?
  if [ $rc -eq 0 ]; then ok "dpkg -i (upgrade)"; else bad "dpkg -i upgrade: $out"; fi
  check "version after upgrade" bash -c "dpkg --root='$ROOT' -s parkhq | grep -q 'Version: ${old}+upgradetest1'"
  port=$(free_port); start_chrooted "$port"
  serve_checks "upgraded" "$port"
  code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"username":"upgrade_probe","password":"UpgradeProbe@2023"}' "http://127.0.0.1:$port/api/v1/auth/login")
  if [ "$code" = 200 ]; then ok "data kept across the upgrade (login)"; else bad "login after upgrade: $code"; fi
  stop_server

  echo "== remove and purge"
  out=$("${DPKG[@]}" -r parkhq 2>&1); rc=$?
  if [ $rc -eq 0 ]; then ok "dpkg -r"; else bad "dpkg -r: $out"; fi
  check "binary removed" test ! -e "$ROOT/usr/bin/parkhq"
  check "config kept after remove" test -f "$ROOT/etc/parkhq/parkhq.toml"
  check "data kept after remove" test -s "$ROOT/var/lib/parkhq/parkhq.db"
  out=$("${DPKG[@]}" -P parkhq 2>&1); rc=$?
  if [ $rc -eq 0 ]; then ok "dpkg -P"; else bad "dpkg -P: $out"; fi
  check "config removed by purge" test ! -e "$ROOT/etc/parkhq/parkhq.toml"
else
  echo "== not root or no overlay mounts: checking the extracted package only"
  X=$WORK/x
  port=$(free_port)
  PARKHQ_FAST_HASH=1 "$X/usr/bin/parkhq" migrate --db "$WORK/p.db" >/dev/null || bad "migrate"
  "$X/usr/bin/parkhq" serve --config "$X/etc/parkhq/parkhq.toml" --db "$WORK/p.db" \
    --web-root "$X/usr/share/parkhq/web" --listen "127.0.0.1:$port" >"$WORK/serve.log" 2>&1 &
  SERVER_PID=$!
  serve_checks "extracted" "$port"
  stop_server
fi

echo "package: $pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
