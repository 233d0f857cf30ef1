#!/bin/sh
# Runs every libFuzzer harness of tests/fuzz for SECONDS each (default 60), one after the other
# (FUZZ_JOBS=2 runs two at a time). Builds them first in build-fuzz/ with clang, the core
# instrumented too (ASan, UBSan with no recovery, libFuzzer's coverage). Each harness starts from
# its seed corpus in tests/fuzz/corpus/NAME; what it finds goes to build-fuzz/corpus/NAME, so
# the tree stays as it is. A crash leaves build-fuzz/crash-* and makes the script fail.
#   tests/fuzz/run-fuzzers.sh [SECONDS] [NAME...]     e.g. tests/fuzz/run-fuzzers.sh 600 noc
# The last line reads "fuzzers: N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
seconds=${1:-60}
[ $# -gt 0 ] && shift
names=${*:-check diagnosis draft index language-tables noc rounds rules spouse-links sync-meta}
build=${FUZZ_BUILD_DIR:-build-fuzz}
jobs=${FUZZ_JOBS:-1}

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args='-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer' \
    || { echo "fuzzers: 0 passed, 1 failed"; exit 1; }
fi
targets=""
for name in $names; do targets="$targets tests/fuzz/fuzz-$name"; done
# shellcheck disable=SC2086 # one target per word
ninja -C "$build" $targets || { echo "fuzzers: 0 passed, 1 failed"; exit 1; }

export DECLIC_TODAY=2026-11-22 GSETTINGS_BACKEND=memory LANG=C.UTF-8
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}

run_one () {
  name=$1
  corpus="$build/corpus/$name"
  mkdir -p "$corpus" "$build/artifacts/$name"
  log="$build/fuzz-$name.log"
  # -rss_limit_mb: the harnesses keep nothing between inputs, 2 GB means a runaway allocation.
  "$build/tests/fuzz/fuzz-$name" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=25 \
    -artifact_prefix="$build/artifacts/$name/" -print_final_stats=1 \
    "$corpus" "tests/fuzz/corpus/$name" >"$log" 2>&1
  status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  if [ "$status" -eq 0 ]; then
    echo "fuzz-$name: ${execs:-?} executions in ${seconds} s, no crash"
  else
    echo "fuzz-$name: FAILED (status $status) after ${execs:-?} executions; see $log and $build/artifacts/$name/"
    tail -n 40 "$log"
  fi
  return "$status"
}

passed=0
failed=0
pids=""
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
i=0
for name in $names; do
  (run_one "$name" >"$tmp/$name.out"; echo $? >"$tmp/$name.rc") &
  pids="$pids $!"
  i=$((i + 1))
  if [ $((i % jobs)) -eq 0 ]; then
    # shellcheck disable=SC2086 # one pid per word
    wait $pids
    pids=""
  fi
done
# shellcheck disable=SC2086
[ -n "$pids" ] && wait $pids
for name in $names; do
  cat "$tmp/$name.out"
  if [ "$(cat "$tmp/$name.rc")" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "fuzzers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
