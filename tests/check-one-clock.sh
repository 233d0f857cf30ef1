#!/bin/sh
# One clock: only app/core/declic-clock.c may read the wall clock. Everything else asks it, so
# that tests, `declic check --date` and DECLIC_TODAY can set the day (declic-clock.h).
set -eu
root="$1"
found=$(grep -rlE 'time \(NULL\)|g_date_time_new_now|g_get_real_time|g_date_set_time_t|gettimeofday|clock_gettime \(CLOCK_REALTIME' \
          "$root/app" | grep -v '/app/core/declic-clock\.c$' || true)
if [ -n "$found" ]; then
  echo "These files read the wall clock instead of asking declic-clock.h:"
  echo "$found"
  exit 1
fi
echo "only app/core/declic-clock.c reads the wall clock"
