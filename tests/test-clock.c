/* test-clock.c: the one clock: fixed by DECLIC_TODAY, by a caller, or following the wall. */
#include "config.h"

#include <string.h>

#include "declic-clock.h"
#include "declic-utils.h"

static void
assert_today_is (const char *expected)
{
  GDate today;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) now = declic_clock_dup_now ();
  g_autofree char *stamp = declic_clock_dup_now_iso8601 ();
  g_autofree char *now_day = g_date_time_format (now, "%Y-%m-%d");

  declic_clock_get_today (&today);
  text = declic_utils_format_date (&today);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpstr (now_day, ==, expected);
  /* "2026-11-22T14:03:07Z": the stamp is UTC, so its day may be the local day's neighbour. */
  g_assert_cmpuint (strlen (stamp), ==, 20);
  g_assert_true (g_str_has_suffix (stamp, "Z"));
}

static void
test_environment (void)
{
  /* The test suite sets DECLIC_TODAY for every test program (tests/meson.build). */
  const char *env = g_getenv ("DECLIC_TODAY");

  if (env == NULL || *env == '\0')
    {
      g_test_skip ("DECLIC_TODAY is not set");
      return;
    }
  g_assert_true (declic_clock_is_fixed ());
  assert_today_is (env);
}

static void
test_set_and_reset (void)
{
  GDate day;
  g_autoptr(GDateTime) wall = NULL;
  g_autofree char *wall_day = NULL;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 29, G_DATE_FEBRUARY, 2028);
  declic_clock_set_today (&day);
  g_assert_true (declic_clock_is_fixed ());
  assert_today_is ("2028-02-29");

  g_date_set_dmy (&day, 31, G_DATE_DECEMBER, 2026);
  declic_clock_set_today (&day);
  assert_today_is ("2026-12-31");

  /* Back to the default: the environment's day when it gives one. */
  declic_clock_set_today (NULL);
  if (g_getenv ("DECLIC_TODAY") != NULL && *g_getenv ("DECLIC_TODAY") != '\0')
    {
      assert_today_is (g_getenv ("DECLIC_TODAY"));
      return;
    }
  /* Else the wall clock: the only place a real "now" may come from. */
  g_assert_false (declic_clock_is_fixed ());
  wall = g_date_time_new_now_local ();
  wall_day = g_date_time_format (wall, "%Y-%m-%d");
  {
    GDate today;
    g_autofree char *text = NULL;

    declic_clock_get_today (&today);
    text = declic_utils_format_date (&today);
    /* Around midnight the two reads may fall on either side of it. */
    if (g_strcmp0 (text, wall_day) != 0)
      g_test_message ("midnight passed between two reads: %s, %s", text, wall_day);
    else
      g_assert_cmpstr (text, ==, wall_day);
  }
}

/* Stamps written one after the other on a fixed day keep their order. */
static void
test_stamps_follow_each_other (void)
{
  GDate day;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GDateTime) wall = g_date_time_new_now_local ();

  /* A fixed day keeps the wall's time of day, which starts again at local midnight. */
  if (g_date_time_get_hour (wall) == 23 && g_date_time_get_minute (wall) == 59)
    {
      g_test_skip ("too close to midnight");
      return;
    }
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_MARCH, 2027);
  declic_clock_set_today (&day);
  first = declic_clock_dup_now_iso8601 ();
  g_usleep (G_USEC_PER_SEC + G_USEC_PER_SEC / 10);
  second = declic_clock_dup_now_iso8601 ();
  g_assert_cmpstr (first, <, second);
  declic_clock_set_today (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock/environment", test_environment);
  g_test_add_func ("/clock/set-and-reset", test_set_and_reset);
  g_test_add_func ("/clock/stamps-follow-each-other", test_stamps_follow_each_other);

  return g_test_run ();
}
