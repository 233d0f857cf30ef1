#!/bin/sh
# A test must not depend on the real date: run the given test programs with the wall clock moved
# far away (faketime) while DECLIC_TODAY stays what tests/meson.build sets. A program that reads
# the wall clock behind declic-clock.h's back, or a test that assumes today's real date, fails.
# Usage: check-real-date.sh TEST-PROGRAM...
set -u
command -v faketime >/dev/null 2>&1 || { echo "faketime is not installed (scripts/setup-debian.sh installs it)"; exit 77; }
status=0
for when in '2031-07-04 12:00:00' '2024-02-29 23:59:00' '2019-12-31 23:30:00'; do
  for program in "$@"; do
    if ! out=$(faketime -f "@$when" "$program" 2>&1); then
      echo "FAIL with the wall clock at $when: $program"
      echo "$out" | tail -20
      status=1
    fi
  done
done
[ $status -eq 0 ] && echo "$# programs pass with the wall clock at three other dates"
exit $status
