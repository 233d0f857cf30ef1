/* bench-validate.c: how long one check of a draft takes. The GUI re-checks on every keystroke,
 * so a check must stay well under a millisecond. Prints the figures; it is not a test.
 *
 *   ninja -C build benchmarks && build/tests/benchmarks/bench-validate [ITERATIONS]
 *
 * The NOC list is read from $DECLIC_NOC_FILE, else the default search path.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "declic-validate.h"

static DeclicDraft *
load_sample (void)
{
  g_autoptr(GError) error = NULL;
  DeclicDraft *draft = declic_draft_new_from_file (SAMPLE_DRAFT, &error);

  if (draft == NULL)
    g_error ("%s", error->message);
  return draft;
}

/* The sample with a long history: 20 periods, several overlapping, gaps and errors in them. */
static DeclicDraft *
make_busy_draft (void)
{
  DeclicDraft *draft = load_sample ();

  for (guint i = 2; i < 22; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("work_history[%u]", i);
      g_autofree char *type = g_strconcat (prefix, ".type", NULL);
      g_autofree char *start = g_strconcat (prefix, ".start_date", NULL);
      g_autofree char *end = g_strconcat (prefix, ".end_date", NULL);
      g_autofree char *noc = g_strconcat (prefix, ".noc_code", NULL);
      g_autofree char *hours = g_strconcat (prefix, ".hours_per_week", NULL);
      g_autofree char *start_date = g_strdup_printf ("%u-01-15", 2000 + i);
      g_autofree char *end_date = g_strdup_printf ("%u-03-31", 2001 + i);

      declic_draft_set_string (draft, type, "work");
      declic_draft_set_string (draft, start, start_date);
      declic_draft_set_string (draft, end, end_date);
      declic_draft_set_string (draft, noc, i % 3 ? "21231" : "2123");
      declic_draft_set_number (draft, hours, 20 + i);
    }
  for (guint i = 1; i < 4; i++)
    {
      g_autofree char *test = g_strdup_printf ("french.results[%u].test", i);
      g_autofree char *date = g_strdup_printf ("french.results[%u].result_date", i);
      g_autofree char *level = g_strdup_printf ("french.results[%u].listening.level", i);

      declic_draft_set_string (draft, test, "tcf_canada");
      declic_draft_set_string (draft, date, "2023-05-02");
      declic_draft_set_integer (draft, level, 7);
    }
  return draft;
}

static void
measure (const char            *name,
         DeclicDraft           *draft,
         DeclicValidateContext *ctx,
         guint                  iterations)
{
  GDate reference;
  gint64 start, elapsed;
  guint n_findings = 0;

  g_date_clear (&reference, 1);
  g_date_set_dmy (&reference, 22, G_DATE_NOVEMBER, 2026);

  /* Warm up: the field table, the gettext catalogue and the caches are built once. */
  g_ptr_array_unref (declic_validate_draft (draft, &reference, ctx));

  start = g_get_monotonic_time ();
  for (guint i = 0; i < iterations; i++)
    {
      GPtrArray *findings = declic_validate_draft (draft, &reference, ctx);

      n_findings = findings->len;
      g_ptr_array_unref (findings);
    }
  elapsed = g_get_monotonic_time () - start;

  printf ("%-34s %8.1f µs per check  (%u findings, %u checks)\n",
          name, (double) elapsed / iterations, n_findings, iterations);
}

int
main (int   argc,
      char *argv[])
{
  guint iterations = argc > 1 ? (guint) atoi (argv[1]) : 2000;
  const char *noc_file = g_getenv ("DECLIC_NOC_FILE");
  g_autoptr(DeclicNoc) noc = NULL;
  g_autoptr(DeclicValidateContext) ctx = NULL;
  g_autoptr(DeclicValidateContext) bare = declic_validate_context_new (NULL, NULL);
  g_autoptr(DeclicDraft) sample = load_sample ();
  g_autoptr(DeclicDraft) busy = make_busy_draft ();
  g_autoptr(DeclicDraft) empty = declic_draft_new ();

  if (iterations == 0)
    iterations = 1;

  noc = noc_file != NULL ? declic_noc_new_from_file (noc_file, NULL) : NULL;
  if (noc == NULL)
    noc = declic_noc_get_default () != NULL ? g_object_ref (declic_noc_get_default ()) : NULL;
  ctx = declic_validate_context_new (noc, declic_countries_get_default ());
  declic_validate_context_set_language_tables (ctx, declic_language_tables_get_default ());
  printf ("reference data: NOC list %s, countries %s, language tables %s\n",
          noc != NULL ? "yes" : "no",
          declic_validate_context_get_countries (ctx) != NULL ? "yes" : "no",
          declic_validate_context_get_language_tables (ctx) != NULL ? "yes" : "no");

  measure ("complete sample", sample, ctx, iterations);
  measure ("complete sample, no reference data", sample, bare, iterations);
  measure ("22 periods, 4 results, errors", busy, ctx, iterations);
  measure ("empty draft", empty, ctx, iterations);

  return 0;
}
