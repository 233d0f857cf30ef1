/* bench-kill.c: 1,000 kills during saves (issue 11). Each kill lands at a random moment of a
 * child process that saves a large draft over and over; after each, the workspace is loaded
 * again. Fails when the draft does not load as one of its versions or when a temporary file of a
 * save is left after that load. The test suite runs the same with 100 kills (draft-io).
 *
 *   build/tests/benchmarks/bench-kill [N_KILLS] [SEED]
 */
#include "config.h"

#include <stdlib.h>

#include "declic-test-utils.h"

int
main (int   argc,
      char *argv[])
{
  guint n_kills = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000;
  guint seed = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : g_random_int ();
  gint64 start = g_get_monotonic_time ();
  guint n_left;

  n_left = declic_test_kill_while_saving (n_kills, seed);
  g_print ("%u kills (seed %u) in %.1f s: %u temporary files left by the kills, all removed by the next load\n",
           n_kills, seed, (g_get_monotonic_time () - start) / 1e6, n_left);
  return EXIT_SUCCESS;
}
