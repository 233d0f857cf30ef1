/* fuzz-language-tables.c: libFuzzer harness for the language-test conversion tables. Any input
 * must either load and then convert every known test's scores (a table's edges, zero, a negative
 * and a huge score) and run a full check of the complete sample draft with it, or be refused with
 * an error of the language-tables domain.
 */
#include "config.h"

#include "declic-check.h"
#include "declic-clock.h"
#include "declic-countries.h"
#include "declic-language-tables.h"
#include "declic-noc.h"
#include "declic-validate.h"
#include "fuzz-common.h"
#include "fuzz-sample.h"

static DeclicDraft *sample;

static const char * const tests[] = {
  "tcf_canada", "tef_canada", "ielts_general", "celpip_general", "tefaq", "pte_core", "nope", NULL
};
static const char * const skills[] = { "reading", "writing", "listening", "speaking", "other", NULL };
static const double scores[] = { -1, 0, 0.5, 4, 10, 12, 331, 549, 699, 700, 1e300 };

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_common_init ();
  sample = fuzz_sample_load_draft ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicLanguageTables) tables = declic_language_tables_new_from_data ((const char *) data,
                                                                                 (gssize) size,
                                                                                 &error);
  DeclicValidateContext *context;
  DeclicCheck *check;
  GDate today;

  if (tables == NULL)
    {
      g_assert (error != NULL && error->domain == DECLIC_LANGUAGE_TABLES_ERROR);
      return 0;
    }

  declic_clock_get_today (&today);
  (void) declic_language_tables_get_id (tables);
  (void) declic_language_tables_get_status (tables);
  for (guint t = 0; tests[t] != NULL; t++)
    {
      const DeclicLanguageTable *table;

      (void) declic_language_tables_is_known_test (tables, tests[t]);
      (void) declic_language_tables_get_test_language (tables, tests[t]);
      table = declic_language_tables_find_table (tables, tests[t], &today, NULL);
      if (table != NULL)
        {
          GDate date;

          g_assert (declic_language_tables_lookup_table (tables, declic_language_table_get_id (table)) != NULL);
          (void) declic_language_table_get_step (table);
          (void) declic_language_table_get_effective_from (table, &date);
          (void) declic_language_table_get_effective_until (table, &date);
        }
      for (guint s = 0; skills[s] != NULL; s++)
        for (guint k = 0; k < G_N_ELEMENTS (scores); k++)
          {
            guint level = 0;
            const char *table_id = NULL;
            g_autoptr(GError) convert_error = NULL;

            if (declic_language_tables_convert (tables, tests[t], &today, skills[s], scores[k],
                                                &level, &table_id, &convert_error))
              g_assert (level <= 12);
            else
              g_assert (convert_error != NULL);
          }
    }

  context = declic_validate_context_new (declic_noc_get_default (), declic_countries_get_default ());
  declic_validate_context_set_language_tables (context, tables);
  check = declic_check_run (sample, &today, NULL, context);
  g_assert (check != NULL);
  declic_check_free (check);
  declic_validate_context_unref (context);
  return 0;
}
