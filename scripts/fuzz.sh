#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ with clang (+ASan/UBSan) in build-fuzz and runs each for
# FUZZ_SECONDS (default 20) on a copy of its seed corpus fuzz/corpus/<target>. Exit 1 on a crash,
# leak, timeout or out-of-memory; the reproducer is left in build-fuzz/artifacts/.
# FUZZ_TARGETS="xlsx_reader csv_reader" limits the run to some targets.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS=${FUZZ_SECONDS:-20}
TARGETS=${FUZZ_TARGETS:-"xlsx_reader csv_reader geojson json_body http_request rule_expr"}
BUILD=build-fuzz
command -v clang++ >/dev/null || { echo "fuzz: clang++ is missing (scripts/install-deps.sh installs clang)"; exit 1; }
FLAGS="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
if [ ! -f $BUILD/build.ninja ]; then
  CC=clang CXX=clang++ cmake -S . -B $BUILD -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPARKHQ_FUZZ=ON \
    -DCMAKE_CXX_FLAGS="$FLAGS" -DCMAKE_C_FLAGS="$FLAGS" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
fi
cmake --build $BUILD --target $(for t in $TARGETS; do printf '%s_fuzz ' "$t"; done)
mkdir -p $BUILD/artifacts
status=0
for t in $TARGETS; do
  work=$BUILD/corpus/$t
  mkdir -p "$work"
  cp -n fuzz/corpus/$t/* "$work"/ 2>/dev/null || true
  echo "fuzz: $t for ${FUZZ_SECONDS}s"
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      $BUILD/${t}_fuzz -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix=$BUILD/artifacts/${t}- "$work" > $BUILD/$t.log 2>&1; then
    echo "fuzz: $t FAILED (see $BUILD/$t.log and $BUILD/artifacts/)"
    tail -40 $BUILD/$t.log
    status=1
  else
    grep -E "stat::number_of_executed_units|cov:" $BUILD/$t.log | tail -2 | tr '\n' ' '; echo
  fi
done
exit $status
