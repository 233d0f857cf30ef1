/* declic-clock.c: the one clock of Déclic (see the header). */
#define G_LOG_DOMAIN "declic-clock"

#include "config.h"

#include "declic-clock.h"
#include "declic-utils.h"

/* The workspace index is worked out on a worker thread while the main thread may set the day. */
static GMutex clock_lock;
static gboolean initialized;
static GDate fixed_day;   /* cleared: follow the wall clock */

static void
ensure_initialized_locked (void)
{
  const char *env;

  if (initialized)
    return;
  initialized = TRUE;
  g_date_clear (&fixed_day, 1);
  env = g_getenv ("DECLIC_TODAY");
  if (env != NULL && *env != '\0' && !declic_utils_parse_date (env, &fixed_day))
    {
      g_warning ("DECLIC_TODAY=%s is not a date (YYYY-MM-DD); using the real date", env);
      g_date_clear (&fixed_day, 1);
    }
}

/**
 * declic_clock_set_today:
 * @today: (nullable): the day to use as today; %NULL for the default again: DECLIC_TODAY when
 *   the environment sets it, else the wall clock
 */
void
declic_clock_set_today (const GDate *today)
{
  g_return_if_fail (today == NULL || g_date_valid (today));

  g_mutex_lock (&clock_lock);
  initialized = FALSE;
  if (today != NULL)
    {
      initialized = TRUE;
      fixed_day = *today;
    }
  g_mutex_unlock (&clock_lock);
}

gboolean
declic_clock_is_fixed (void)
{
  gboolean fixed;

  g_mutex_lock (&clock_lock);
  ensure_initialized_locked ();
  fixed = g_date_valid (&fixed_day);
  g_mutex_unlock (&clock_lock);
  return fixed;
}

/**
 * declic_clock_dup_now:
 *
 * Returns: (transfer full): now, in the local time zone; on the fixed day when one is set
 */
GDateTime *
declic_clock_dup_now (void)
{
  g_autoptr(GDateTime) wall = g_date_time_new_now_local ();
  GDateTime *fixed;
  GDate day;

  g_mutex_lock (&clock_lock);
  ensure_initialized_locked ();
  day = fixed_day;
  g_mutex_unlock (&clock_lock);

  if (!g_date_valid (&day))
    return g_steal_pointer (&wall);
  fixed = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                 g_date_get_day (&day), g_date_time_get_hour (wall),
                                 g_date_time_get_minute (wall), g_date_time_get_seconds (wall));
  /* That time of day may not exist on the fixed day (a daylight saving gap): use noon. */
  if (fixed == NULL)
    fixed = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                   g_date_get_day (&day), 12, 0, 0);
  return fixed;
}

/**
 * declic_clock_get_today:
 * @today: (out caller-allocates): today's date, in the local calendar
 */
void
declic_clock_get_today (GDate *today)
{
  g_autoptr(GDateTime) now = declic_clock_dup_now ();

  g_return_if_fail (today != NULL);

  g_date_clear (today, 1);
  g_date_set_dmy (today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

/* Now, in UTC, to the second: "2026-11-22T14:03:07Z", for the draft's stamps. */
char *
declic_clock_dup_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = declic_clock_dup_now ();
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

gint64
declic_clock_get_file_time_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}
