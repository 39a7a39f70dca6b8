#!/usr/bin/env bash
# The core and the C++ unit tests built with AddressSanitizer + UndefinedBehaviorSanitizer (g++) in
# build-asan, then run. ASAN_API=1 also runs the API suite on SQLite against the ASan server.
# Not part of scripts/test-all.sh (it takes a while on a small machine; see docs/security.md).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=build-asan
FLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined"
start=$(date +%s)
if [ ! -f $BUILD/build.ninja ]; then
  cmake -S . -B $BUILD -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="$FLAGS" -DCMAKE_C_FLAGS="$FLAGS" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
fi
cmake --build $BUILD --target parkhq_tests parkhq
built=$(date +%s)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
$BUILD/parkhq_tests --gtest_brief=1
if [ "${ASAN_API:-0}" = 1 ]; then
  python3 tests/api/run.py --binary $BUILD/parkhq --engine sqlite
fi
end=$(date +%s)
echo "test-asan: build $((built - start)) s, tests $((end - built)) s"
