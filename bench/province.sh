#!/usr/bin/env bash
# Province-scale benchmark (issue 18 item 4; not a test): bench/province.py on SQLite, and on
# PostgreSQL too when PARKHQ_TEST_PG names a cluster (scripts/pg-test-cluster.sh start).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build build --target parkhq >/dev/null
python3 bench/province.py --engine sqlite "$@"
if [ -n "${PARKHQ_TEST_PG:-}" ]; then python3 bench/province.py --engine postgresql --pg-url "$PARKHQ_TEST_PG" "$@"; fi
