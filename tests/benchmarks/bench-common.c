/* bench-common.c: see bench-common.h. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "bench-common.h"

/* A folder of @n_drafts copies of @sample, each with its own id, birth date, months outside
 * the CMM and, one in three, a French result that expires within 60 days of DECLIC_TODAY:
 * enough variety for the filters and the checks to have work, the same from run to run. */
char *
bench_make_workspace (DeclicDraft *sample,
                      guint        n_drafts)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("declic-bench-XXXXXX", &error);

  if (folder == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < n_drafts; i++)
    {
      g_autoptr(DeclicDraft) copy = declic_draft_duplicate (sample);
      g_autofree char *id = g_strdup_printf ("bench-%05u", i);
      g_autofree char *label = g_strdup_printf ("Client %05u", i);
      g_autofree char *birth = g_strdup_printf ("%04u-%02u-%02u", 1960 + i % 45, 1 + i % 12, 1 + i % 28);
      g_autofree char *name = g_strdup_printf ("%s.json", id);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      declic_draft_set_string (copy, "id", id);
      declic_draft_set_string (copy, "client_label", label);
      declic_draft_set_string (copy, "personal.birth_date", birth);
      declic_draft_set_integer (copy, "quebec.months_outside_cmm_work", i % 60);
      if (i % 3 == 0)
        {
          /* DECLIC_TODAY is 2026-11-22 in benchmarks; results count for two years. */
          g_autofree char *date = g_strdup_printf ("2024-12-%02u", 1 + i % 28);
          declic_draft_set_string (copy, "french.results[0].result_date", date);
        }
      if (!declic_draft_save_to_file (copy, path, &error))
        g_error ("%s", error->message);
    }
  return folder;
}

void
bench_remove_tree (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        bench_remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (folder);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
bench_median (double *values,
              guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* The nearest-rank @p-th percentile (0 < @p ≤ 100) of @n values, which are sorted in place:
 * the smallest value that at least @p % of them do not exceed. */
double
bench_percentile (double *values,
                  guint   n,
                  double  p)
{
  guint rank = (guint) (p / 100.0 * n + 0.999999);

  qsort (values, n, sizeof (double), compare_doubles);
  return values[CLAMP (rank, 1, n) - 1];
}

/* The build tree's schemas, data and translations, a fixed day, no settings written: what the
 * test suite uses, so that a benchmark run needs no installation and does not depend on the date. */
void
bench_setup_env (void)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", BENCH_BUILD_ROOT "/resources", FALSE);
  g_setenv ("DECLIC_NOC_FILE", BENCH_SOURCE_ROOT "/resources/data/noc-2021.csv", FALSE);
  g_setenv ("DECLIC_LOCALEDIR", BENCH_BUILD_ROOT "/po", FALSE);
  g_setenv ("DECLIC_TODAY", "2026-11-22", FALSE);
  /* Under Xvfb GL is software rendering, slower than any desktop's: the start-up figures would
   * measure Mesa. Set GDK_DEBUG= (empty) to measure with GL anyway. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
}
