#!/usr/bin/env bash
# Installs what ParkHQ needs on Debian 12, only when something is missing.
# Uses sudo when not root. Safe to run again: a no-op when all is present.
set -euo pipefail
PKGS=(build-essential cmake ninja-build ccache pkg-config
      libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
      libsqlite3-dev sqlite3 libpq-dev postgresql
      libsodium-dev libxlsxwriter-dev libzip-dev libpugixml-dev libspdlog-dev zlib1g-dev
      libgtest-dev libgmock-dev libbenchmark-dev
      nodejs npm chromium fonts-wqy-microhei wrk python3 python3-openpyxl
      python3-docx libreoffice-writer-nogui  # briefings: the DOCX test opens it and converts it to PDF
      clang libclang-rt-14-dev)  # clang: the libFuzzer targets (make fuzz)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node may come from elsewhere than Debian (a newer build on the machine): accept any node >= 18.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=(); for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  echo "install-deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
