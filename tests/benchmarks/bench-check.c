/* bench-check.c: what `declic check` costs, on one draft and on a folder of 10,000.
 *
 * One draft: validation, profile, eligibility, points and deadlines on the complete sample, in
 * microseconds per check (the GUI re-runs this as the person types). A folder: 10,000 synthetic
 * drafts written to a temporary folder, then each read from disk and checked, in seconds (a
 * representative's workspace). Run `ninja -C build benchmarks && build/tests/benchmarks/bench-check`.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "declic-deadlines.h"
#include "declic-draft.h"
#include "declic-eligibility.h"
#include "declic-points.h"
#include "declic-profile.h"
#include "declic-rules.h"
#include "declic-utils.h"
#include "declic-validate.h"

#define N_SINGLE  2000
#define N_FOLDER  10000

static gboolean
check_one (DeclicDraft           *draft,
           DeclicValidateContext *ctx,
           const GDate           *override)
{
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(DeclicProfile) profile = NULL;
  g_autoptr(DeclicEligibility) eligibility = NULL;
  g_autoptr(DeclicPoints) points = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  DeclicRuleSet *set;
  GDate reference;

  declic_draft_get_reference_date (draft, override, &reference);
  set = declic_rules_pick_for_date (declic_rules_get_default (), &reference, NULL);
  issues = declic_validate_draft (draft, &reference, ctx);
  profile = declic_profile_new (draft, set, &reference);
  eligibility = declic_eligibility_evaluate (profile, set);
  points = declic_points_compute (profile, set, NULL);
  deadlines = declic_deadlines_compute (draft, set, &reference);

  return declic_validate_can_file (issues, draft) && points != NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) sample = NULL;
  g_autoptr(DeclicValidateContext) ctx = NULL;
  g_autofree char *folder = NULL;
  GDate reference;
  gint64 start, elapsed;
  guint fileable = 0;

  setlocale (LC_ALL, "");
  sample = declic_draft_new_from_file (SAMPLE_DRAFT, &error);
  if (sample == NULL)
    g_error ("%s", error->message);
  ctx = declic_validate_context_new_default ();
  declic_utils_parse_date ("2026-03-01", &reference);

  /* Warm up: the rule sets, the NOC list and the language tables load once per process. */
  check_one (sample, ctx, &reference);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_SINGLE; i++)
    check_one (sample, ctx, &reference);
  elapsed = g_get_monotonic_time () - start;
  g_print ("check one draft: %.1f µs (mean of %d)\n", (double) elapsed / N_SINGLE, N_SINGLE);

  folder = g_dir_make_tmp ("declic-bench-check-XXXXXX", &error);
  if (folder == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < N_FOLDER; i++)
    {
      g_autoptr(DeclicDraft) copy = declic_draft_duplicate (sample);
      g_autofree char *id = g_strdup_printf ("bench-%05u", i);
      g_autofree char *birth = g_strdup_printf ("%04u-%02u-%02u", 1960 + i % 45, 1 + i % 12, 1 + i % 28);
      g_autofree char *name = g_strdup_printf ("%s.json", id);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      declic_draft_set_string (copy, "id", id);
      declic_draft_set_string (copy, "personal.birth_date", birth);
      declic_draft_set_integer (copy, "quebec.months_outside_cmm_work", i % 60);
      if (!declic_draft_save_to_file (copy, path, &error))
        g_error ("%s", error->message);
    }

  start = g_get_monotonic_time ();
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = NULL;
        g_autoptr(DeclicDraft) draft = NULL;

        if (!g_str_has_suffix (name, ".json"))
          continue;
        path = g_build_filename (folder, name, NULL);
        draft = declic_draft_new_from_file (path, &error);
        if (draft == NULL)
          g_error ("%s", error->message);
        if (check_one (draft, ctx, &reference))
          fileable++;
      }
  }
  elapsed = g_get_monotonic_time () - start;
  g_print ("check a folder of %d drafts: %.2f s (%u can be filed)\n",
           N_FOLDER, (double) elapsed / G_USEC_PER_SEC, fileable);

  /* Leave nothing behind: drafts are private even when synthetic. */
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);
        g_unlink (path);
      }
    g_rmdir (folder);
  }

  return 0;
}
