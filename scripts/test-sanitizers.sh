#!/bin/sh
# The core and CLI tests (meson suites "core" and "upload") built with AddressSanitizer and
# UndefinedBehaviorSanitizer in their own build folder (build-sanitize/), and run; not the "dates"
# suite, which runs the same programs on other days (under faketime, which ASan refuses). UBSan stops
# at the first report; LeakSanitizer runs with tests/lsan.supp (GLib, fontconfig, Mesa only).
# Ends with the line "N passed, N failed, N skipped", as scripts/test.sh does.
set -u
cd "$(dirname "$0")/.."
build=${SANITIZE_BUILD_DIR:-build-sanitize}

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args='-fno-sanitize-recover=undefined -fno-omit-frame-pointer' \
    || { echo "0 passed, 1 failed"; exit 1; }
fi

# Regenerate first when meson.build changed, or the list below misses new tests.
ninja -C "$build" build.ninja >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
# Build what the two suites run, which is everything but the GUI tests' programs.
targets=$(meson introspect --targets "$build" | python3 -c '
import json, os, sys
build = os.path.abspath(sys.argv[1])
gui = {"test-draft-row", "test-window", "test-wizard", "test-wizard-fr", "test-workspace-list",
       "test-upload-gui", "test-dates-agree", "screenshots", "need-display"}
files = []
for target in json.load(sys.stdin):
    if target["name"] in gui or target["name"].startswith("bench-") or target["type"] == "run":
        continue
    files += [os.path.relpath(f, build) for f in target["filename"]]
print(" ".join(files))
' "$build") || { echo "0 passed, 1 failed"; exit 1; }
# shellcheck disable=SC2086 # one target per word
ninja -C "$build" $targets || { echo "0 passed, 1 failed"; exit 1; }

# fast_unwind_on_malloc=0: whole stacks through GLib (built without frame pointers), or leak
# reports stop at g_malloc and suppressions cannot match.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_odr_violation=0:fast_unwind_on_malloc=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
sh scripts/gui-session.sh \
  meson test -C "$build" --no-rebuild --print-errorlogs --num-processes 2 --suite core --suite upload \
  --no-suite dates --timeout-multiplier 3
status=$?
log="$build/meson-logs/testlog.json"
if [ -f "$log" ]; then
  python3 - "$log" <<'PY'
import json, sys
passed = failed = skipped = 0
for line in open(sys.argv[1], encoding="utf-8"):
    result = json.loads(line).get("result")
    if result in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif result == "SKIP":
        skipped += 1
    else:
        failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
else
  echo "0 passed, 1 failed"
fi
exit $status
