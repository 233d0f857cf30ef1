/* bench-plan.c: what a 36-month plan of one draft costs (`declic plan`, the wizard's Plan page),
 * against its floor measured in the same run: one full check of the same draft, and a bare
 * json-c parse of its file. Run `ninja -C build benchmarks && build/tests/benchmarks/bench-plan`.
 */
#include "config.h"

#include <json-c/json.h>
#include <locale.h>

#include "declic-check.h"
#include "declic-plan.h"
#include "declic-utils.h"

#define N_RUNS 40

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) draft = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GArray) plans = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) checks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) parses = g_array_new (FALSE, FALSE, sizeof (double));
  DeclicValidateContext *ctx;
  gsize length;
  GDate today;
  guint n_dates = 0;

  setlocale (LC_ALL, "");
  draft = declic_draft_new_from_file (SAMPLE_DRAFT, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (SAMPLE_DRAFT, &contents, &length, NULL));
  ctx = declic_validate_context_new_default ();
  declic_utils_parse_date ("2026-12-01", &today);

  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      DeclicPlan *plan = declic_plan_compute (draft, &today, 36, NULL, 0, ctx);
      double elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (plans, elapsed);
      n_dates = plan->points->len;
      declic_plan_free (plan);

      start = g_get_monotonic_time ();
      declic_check_free (declic_check_run (draft, &today, NULL, ctx));
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (checks, elapsed);

      start = g_get_monotonic_time ();
      json_object_put (json_tokener_parse (contents));
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (parses, elapsed);
    }

  g_print ("36-month plan of the sample (%u dates): %.2f ms median over %d runs\n", n_dates, median (plans), N_RUNS);
  g_print ("floor: one full check %.3f ms (plan = %.1f× a check, %.2f× one check per date); "
           "bare json-c parse %.3f ms (plan = %.0f× a parse)\n",
           median (checks), median (plans) / median (checks), median (plans) / (median (checks) * n_dates),
           median (parses), median (plans) / median (parses));
  declic_validate_context_unref (ctx);
  return 0;
}
