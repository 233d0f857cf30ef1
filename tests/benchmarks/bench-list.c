/* bench-list.c: a workspace of 10,000 drafts in the window, the way a representative sees it.
 *
 * Start-up: from process start to the first frame, and to the first frame with rows of the list
 * painted, of Déclic (bench-list-child: app/main.c's start with probes) against a bare
 * AdwApplicationWindow (bench-bare-window), both spawned by this program, alternately, in the
 * same run; the figures are medians and the ratios are what the issue sets (≤ 1.3× for the first
 * frame, ≤ 2× for the first rows). The workspace's index is written by an unmeasured first run:
 * the figures are those of every start after the first.
 *
 * Filter change: in the window of the last run, "language results expire within 60 days" then
 * "all drafts" again, ten times: the time of the call (filtering and the filter bar's counts) and
 * the time to the next frame painted (the list updated on screen), medians (≤ 16 ms).
 *
 *   ninja -C build benchmarks
 *   dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" build/tests/benchmarks/bench-list [N_DRAFTS]
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-common.h"

#define N_RUNS 5

typedef struct
{
  gint64 first_frame;
  gint64 rows;
  guint  n_rows;
  double call_ms[16];
  double frame_ms[16];
  guint  n_changes;
} ChildRun;

static void
run_child (const char * const *argv,
           ChildRun           *out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 start;
  int status;

  memset (out, 0, sizeof *out);
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL, &status, &error))
    g_error ("%s", error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", argv[0], error->message);
  lines = g_strsplit (output, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 t;
      guint n;
      double call, frame;

      if (sscanf (lines[i], "first-frame %" G_GINT64_FORMAT, &t) == 1)
        out->first_frame = t - start;
      else if (sscanf (lines[i], "rows %" G_GINT64_FORMAT " %u", &t, &n) == 2)
        {
          out->rows = t - start;
          out->n_rows = n;
        }
      else if (sscanf (lines[i], "filter %lf %lf %u", &call, &frame, &n) == 3 && out->n_changes < 16)
        {
          out->call_ms[out->n_changes] = call;
          out->frame_ms[out->n_changes] = frame;
          out->n_changes++;
        }
    }
  if (out->first_frame <= 0)
    g_error ("%s printed no first frame", argv[0]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) sample = NULL;
  g_autofree char *folder = NULL;
  guint n_drafts = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  double bare[N_RUNS], first[N_RUNS], rows[N_RUNS];
  ChildRun run;

  setlocale (LC_ALL, "");
  bench_setup_env ();
  sample = declic_draft_new_from_file (SAMPLE_DRAFT, &error);
  if (sample == NULL)
    g_error ("%s", error->message);
  folder = bench_make_workspace (sample, n_drafts);

  {
    const char *bare_argv[] = { BARE_WINDOW_EXE, NULL };
    const char *declic_argv[] = { LIST_CHILD_EXE, "--workspace", folder, NULL };

    /* Unmeasured: writes the index, fills the page cache. */
    run_child (declic_argv, &run);
    run_child (bare_argv, &run);
    for (guint r = 0; r < N_RUNS; r++)
      {
        run_child (bare_argv, &run);
        bare[r] = run.first_frame / 1000.0;
        run_child (declic_argv, &run);
        first[r] = run.first_frame / 1000.0;
        rows[r] = run.rows / 1000.0;
        if (run.n_rows != n_drafts)
          g_error ("the list showed %u drafts of %u", run.n_rows, n_drafts);
      }
  }

  {
    double b = bench_median (bare, N_RUNS), f = bench_median (first, N_RUNS), w = bench_median (rows, N_RUNS);

    g_print ("bare AdwApplicationWindow, first frame: %.0f ms (median of %d)\n", b, N_RUNS);
    g_print ("Déclic with %u drafts, first frame: %.0f ms (%.2f×, target ≤ 1.3×)\n", n_drafts, f, f / b);
    g_print ("Déclic with %u drafts, first rows painted: %.0f ms (%.2f×, target ≤ 2×)\n", n_drafts, w, w / b);
  }
  if (run.n_changes > 0)
    {
      g_print ("filter change on %u drafts (last run): call %.1f ms, to the frame that shows it %.1f ms "
               "(medians of %u; target ≤ 16 ms)\n",
               n_drafts, bench_median (run.call_ms, run.n_changes), bench_median (run.frame_ms, run.n_changes),
               run.n_changes);
    }

  bench_remove_tree (folder);
  return 0;
}
