#!/bin/sh
# Builds Déclic from scratch in build-test/ and runs the whole test suite under a virtual display
# and a private D-Bus session. Ends with the line "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
rm -rf build-test
meson setup build-test || { echo "0 passed, 1 failed"; exit 1; }
meson compile -C build-test || { echo "0 passed, 1 failed"; exit 1; }
sh scripts/gui-session.sh \
  meson test -C build-test --print-errorlogs --num-processes 2
status=$?
log=build-test/meson-logs/testlog.json
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
