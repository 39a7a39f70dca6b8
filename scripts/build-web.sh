#!/usr/bin/env bash
# Builds the Vue app into web/dist, skipping npm ci and vite when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/../web"
[ -f package.json ] || { echo "build-web: no web/package.json yet"; exit 0; }
lock_sum=$(sha1sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.lock-sum ] || [ "$(cat node_modules/.lock-sum)" != "$lock_sum" ]; then
  # A worktree sharing another checkout's packages through a symlink must not reinstall them (npm ci
  # empties the target first, under every other user of it).
  if [ -L node_modules ]; then
    echo "build-web: web/node_modules is a symlink with other lock contents; run npm ci in its checkout" >&2
    exit 1
  fi
  npm ci --no-audit --no-fund --prefer-offline
  echo "$lock_sum" > node_modules/.lock-sum
fi
src_sum=$(find src public index.html vite.config.* package.json -type f 2>/dev/null | sort | xargs sha1sum | sha1sum | cut -d' ' -f1)
if [ -f dist/.src-sum ] && [ "$(cat dist/.src-sum)" == "$src_sum" ]; then exit 0; fi
npm run build --silent
echo "$src_sum" > dist/.src-sum
