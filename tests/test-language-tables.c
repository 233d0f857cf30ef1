/* test-language-tables.c: score → level conversion with the tables of DI.md §6. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "declic-language-tables.h"
#include "declic-test-utils.h"

typedef struct
{
  const char *test;
  const char *results_date;  /* YYYY-MM-DD, or NULL for the current table */
  const char *skill;
  double      score;
  guint       level;
  const char *table_id;
} ConversionCase;

/* Each boundary on both sides: the row's minimum gives the level, one step less the level below. */
static const ConversionCase conversions[] = {
  /* TEF Canada, results after 2023-12-10. */
  { "tef_canada", "2024-06-01", "reading", 434, 7, "tef-canada-nclc-2023-12-11" },
  { "tef_canada", "2024-06-01", "reading", 433, 6, "tef-canada-nclc-2023-12-11" },
  { "tef_canada", "2024-06-01", "reading", 546, 10, "tef-canada-nclc-2023-12-11" },
  { "tef_canada", "2024-06-01", "reading", 545, 9, "tef-canada-nclc-2023-12-11" },
  { "tef_canada", "2024-06-01", "reading", 306, 4, "tef-canada-nclc-2023-12-11" },
  { "tef_canada", "2024-06-01", "reading", 305, 0, "tef-canada-nclc-2023-12-11" },
  { "tef_canada", "2024-06-01", "reading", 0, 0, "tef-canada-nclc-2023-12-11" },
  { "tef_canada", "2024-06-01", "reading", 699, 10, "tef-canada-nclc-2023-12-11" },
  { "tef_canada", "2024-06-01", "writing", 428, 7, "tef-canada-nclc-2023-12-11" },
  { "tef_canada", "2024-06-01", "writing", 427, 6, "tef-canada-nclc-2023-12-11" },
  { "tef_canada", "2024-06-01", "writing", 268, 4, "tef-canada-nclc-2023-12-11" },
  { "tef_canada", "2024-06-01", "writing", 267, 0, "tef-canada-nclc-2023-12-11" },
  { "tef_canada", "2024-06-01", "listening", 503, 9, "tef-canada-nclc-2023-12-11" },
  { "tef_canada", "2024-06-01", "listening", 502, 8, "tef-canada-nclc-2023-12-11" },
  { "tef_canada", "2024-06-01", "speaking", 456, 7, "tef-canada-nclc-2023-12-11" },
  { "tef_canada", "2024-06-01", "speaking", 455, 6, "tef-canada-nclc-2023-12-11" },
  { "tef_canada", "2024-06-01", "speaking", 556, 10, "tef-canada-nclc-2023-12-11" },
  { "tef_canada", "2024-06-01", "speaking", 555, 9, "tef-canada-nclc-2023-12-11" },
  { "tef_canada", NULL, "reading", 434, 7, "tef-canada-nclc-2023-12-11" },

  /* TEF Canada, 2019-10-01 to 2023-12-10: the same 450 is level 7 there, 8 after. */
  { "tef_canada", "2023-12-10", "reading", 450, 7, "tef-canada-nclc-2019-10-01" },
  { "tef_canada", "2023-12-10", "reading", 449, 6, "tef-canada-nclc-2019-10-01" },
  { "tef_canada", "2023-12-11", "reading", 450, 7, "tef-canada-nclc-2023-12-11" },
  { "tef_canada", "2023-12-10", "reading", 566, 10, "tef-canada-nclc-2019-10-01" },
  { "tef_canada", "2023-12-10", "reading", 565, 9, "tef-canada-nclc-2019-10-01" },
  { "tef_canada", "2023-12-11", "reading", 462, 8, "tef-canada-nclc-2023-12-11" },
  { "tef_canada", "2023-12-10", "reading", 462, 7, "tef-canada-nclc-2019-10-01" },
  { "tef_canada", "2019-10-01", "speaking", 300, 4, "tef-canada-nclc-2019-10-01" },
  { "tef_canada", "2019-10-01", "speaking", 299, 0, "tef-canada-nclc-2019-10-01" },
  { "tef_canada", "2019-10-01", "writing", 500, 8, "tef-canada-nclc-2019-10-01" },
  { "tef_canada", "2019-10-01", "writing", 499, 7, "tef-canada-nclc-2019-10-01" },

  /* TEF before 2019-10-01, with its own maxima (reading /300, listening /360). */
  { "tef_canada", "2019-09-30", "reading", 263, 10, "tef-canada-nclc-before-2019-10-01" },
  { "tef_canada", "2019-09-30", "reading", 262, 9, "tef-canada-nclc-before-2019-10-01" },
  { "tef_canada", "2019-09-30", "reading", 300, 10, "tef-canada-nclc-before-2019-10-01" },
  { "tef_canada", "2019-09-30", "reading", 207, 7, "tef-canada-nclc-before-2019-10-01" },
  { "tef_canada", "2019-09-30", "reading", 206, 6, "tef-canada-nclc-before-2019-10-01" },
  { "tef_canada", "2019-09-30", "reading", 120, 0, "tef-canada-nclc-before-2019-10-01" },
  { "tef_canada", "2019-09-30", "listening", 316, 10, "tef-canada-nclc-before-2019-10-01" },
  { "tef_canada", "2019-09-30", "listening", 145, 4, "tef-canada-nclc-before-2019-10-01" },
  { "tef_canada", "2019-09-30", "listening", 144, 0, "tef-canada-nclc-before-2019-10-01" },
  { "tef_canada", "2019-09-30", "writing", 310, 7, "tef-canada-nclc-before-2019-10-01" },
  { "tef_canada", "2019-09-30", "writing", 309, 6, "tef-canada-nclc-before-2019-10-01" },
  { "tef_canada", "2019-09-30", "speaking", 393, 10, "tef-canada-nclc-before-2019-10-01" },
  { "tef_canada", "2019-09-30", "speaking", 392, 9, "tef-canada-nclc-before-2019-10-01" },
  { "tef_canada", "2010-01-01", "speaking", 181, 4, "tef-canada-nclc-before-2019-10-01" },

  /* TCF Canada: 0–699 for listening and reading, 0–20 for speaking and writing. */
  { "tcf_canada", "2024-01-15", "speaking", 10, 7, "tcf-canada-nclc" },
  { "tcf_canada", "2024-01-15", "speaking", 9, 6, "tcf-canada-nclc" },
  { "tcf_canada", "2024-01-15", "speaking", 16, 10, "tcf-canada-nclc" },
  { "tcf_canada", "2024-01-15", "speaking", 15, 9, "tcf-canada-nclc" },
  { "tcf_canada", "2024-01-15", "speaking", 20, 10, "tcf-canada-nclc" },
  { "tcf_canada", "2024-01-15", "speaking", 4, 4, "tcf-canada-nclc" },
  { "tcf_canada", "2024-01-15", "speaking", 3, 0, "tcf-canada-nclc" },
  { "tcf_canada", "2024-01-15", "writing", 7, 6, "tcf-canada-nclc" },
  { "tcf_canada", "2024-01-15", "writing", 6, 5, "tcf-canada-nclc" },
  { "tcf_canada", "2024-01-15", "reading", 453, 7, "tcf-canada-nclc" },
  { "tcf_canada", "2024-01-15", "reading", 452, 6, "tcf-canada-nclc" },
  { "tcf_canada", "2024-01-15", "reading", 549, 10, "tcf-canada-nclc" },
  { "tcf_canada", "2024-01-15", "reading", 548, 9, "tcf-canada-nclc" },
  { "tcf_canada", "2024-01-15", "listening", 523, 9, "tcf-canada-nclc" },
  { "tcf_canada", "2024-01-15", "listening", 522, 8, "tcf-canada-nclc" },
  { "tcf_canada", "2024-01-15", "listening", 331, 4, "tcf-canada-nclc" },
  { "tcf_canada", "2024-01-15", "listening", 330, 0, "tcf-canada-nclc" },
  { "tcf_canada", "2015-01-15", "listening", 398, 6, "tcf-canada-nclc" },
  { "tcf_canada", NULL, "listening", 398, 6, "tcf-canada-nclc" },

  /* IELTS General Training, by half bands. */
  { "ielts_general", "2024-03-01", "listening", 6.0, 7, "ielts-general-clb" },
  { "ielts_general", "2024-03-01", "listening", 5.5, 6, "ielts-general-clb" },
  { "ielts_general", "2024-03-01", "listening", 8.5, 10, "ielts-general-clb" },
  { "ielts_general", "2024-03-01", "listening", 8.0, 9, "ielts-general-clb" },
  { "ielts_general", "2024-03-01", "listening", 4.5, 4, "ielts-general-clb" },
  { "ielts_general", "2024-03-01", "listening", 4.0, 0, "ielts-general-clb" },
  { "ielts_general", "2024-03-01", "reading", 8.0, 10, "ielts-general-clb" },
  { "ielts_general", "2024-03-01", "reading", 7.5, 9, "ielts-general-clb" },
  { "ielts_general", "2024-03-01", "reading", 5.0, 6, "ielts-general-clb" },
  { "ielts_general", "2024-03-01", "reading", 4.5, 5, "ielts-general-clb" },
  { "ielts_general", "2024-03-01", "reading", 3.5, 4, "ielts-general-clb" },
  { "ielts_general", "2024-03-01", "reading", 3.0, 0, "ielts-general-clb" },
  { "ielts_general", "2024-03-01", "writing", 7.5, 10, "ielts-general-clb" },
  { "ielts_general", "2024-03-01", "writing", 7.0, 9, "ielts-general-clb" },
  { "ielts_general", "2024-03-01", "speaking", 6.5, 8, "ielts-general-clb" },
  { "ielts_general", "2024-03-01", "speaking", 6.0, 7, "ielts-general-clb" },
  { "ielts_general", "2024-03-01", "speaking", 9.0, 10, "ielts-general-clb" },

  /* CELPIP: the level is the CLB level; above 10 the tables say "10 or more". */
  { "celpip_general", "2024-03-01", "reading", 7, 7, "celpip-general-clb" },
  { "celpip_general", "2024-03-01", "reading", 4, 4, "celpip-general-clb" },
  { "celpip_general", "2024-03-01", "reading", 3, 0, "celpip-general-clb" },
  { "celpip_general", "2024-03-01", "speaking", 12, 10, "celpip-general-clb" },
  { "celpip_general", "2024-03-01", "speaking", 11, 10, "celpip-general-clb" },
};

static void
parse_date (const char *text,
            GDate      *date)
{
  guint year, month, day;

  g_assert_cmpint (sscanf (text, "%u-%u-%u", &year, &month, &day), ==, 3);
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  g_assert_true (g_date_valid (date));
}

static DeclicLanguageTables *
get_tables (void)
{
  DeclicLanguageTables *tables = declic_language_tables_get_default ();

  g_assert_nonnull (tables);
  return tables;
}

static void
test_language_tables_metadata (void)
{
  DeclicLanguageTables *tables = get_tables ();
  const DeclicLanguageTable *table;
  GDate date;

  g_assert_cmpstr (declic_language_tables_get_id (tables), ==, "language-tables-2025");
  g_assert_cmpstr (declic_language_tables_get_status (tables), ==, "secondary");
  g_assert_nonnull (strstr (declic_language_tables_get_note (tables), "MIFI"));
  g_assert_nonnull (declic_language_tables_get_source (tables));

  table = declic_language_tables_lookup_table (tables, "tef-canada-nclc-2019-10-01");
  g_assert_nonnull (table);
  g_assert_cmpstr (declic_language_table_get_test (table), ==, "tef_canada");
  g_assert_cmpstr (declic_language_table_get_scale (table), ==, "NCLC");
  g_assert_nonnull (strstr (declic_language_table_get_name (table), "TEF Canada"));
  g_assert_true (declic_language_table_get_effective_from (table, &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2019);
  g_assert_cmpint (g_date_get_month (&date), ==, 10);
  g_assert_cmpint (g_date_get_day (&date), ==, 1);
  g_assert_true (declic_language_table_get_effective_until (table, &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2023);
  g_assert_cmpint (g_date_get_day (&date), ==, 11);

  table = declic_language_tables_lookup_table (tables, "tef-canada-nclc-before-2019-10-01");
  g_assert_false (declic_language_table_get_effective_from (table, &date));
  g_assert_cmpfloat (declic_language_table_get_max_score (table, "reading"), ==, 300);
  g_assert_cmpfloat (declic_language_table_get_max_score (table, "writing"), ==, 450);
  g_assert_cmpfloat (declic_language_table_get_max_score (table, "listening"), ==, 360);
  g_assert_cmpfloat (declic_language_table_get_max_score (table, "speaking"), ==, 450);
  g_assert_cmpfloat (declic_language_table_get_max_score (table, "singing"), ==, -1);

  table = declic_language_tables_lookup_table (tables, "tcf-canada-nclc");
  g_assert_cmpfloat (declic_language_table_get_max_score (table, "speaking"), ==, 20);
  g_assert_cmpfloat (declic_language_table_get_max_score (table, "listening"), ==, 699);

  table = declic_language_tables_lookup_table (tables, "ielts-general-clb");
  g_assert_cmpfloat (declic_language_table_get_step (table), ==, 0.5);
  g_assert_cmpstr (declic_language_table_get_scale (table), ==, "CLB");
  g_assert_false (declic_language_table_get_effective_until (table, &date));

  g_assert_null (declic_language_tables_lookup_table (tables, "nope"));
}

static void
test_language_tables_conversions (void)
{
  DeclicLanguageTables *tables = get_tables ();

  for (guint i = 0; i < G_N_ELEMENTS (conversions); i++)
    {
      const ConversionCase *c = &conversions[i];
      g_autoptr(GError) error = NULL;
      const char *table_id = NULL;
      guint level = 999;
      GDate date;

      if (c->results_date != NULL)
        parse_date (c->results_date, &date);

      g_test_message ("%s %s %s %g", c->test, c->results_date ? c->results_date : "(current)", c->skill, c->score);
      g_assert_true (declic_language_tables_convert (tables, c->test, c->results_date ? &date : NULL,
                                                     c->skill, c->score, &level, &table_id, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (level, ==, c->level);
      g_assert_cmpstr (table_id, ==, c->table_id);
    }
}

static void
test_language_tables_no_table (void)
{
  DeclicLanguageTables *tables = get_tables ();
  const char *without_table[] = { "tefaq", "tcf_quebec", "delf", "dalf", "french_study_diploma",
                                  "pte_core", "english_study_diploma" };
  const char *with_table[] = { "tef_canada", "tcf_canada", "ielts_general", "celpip_general" };
  GDate date;

  parse_date ("2024-06-01", &date);

  for (guint i = 0; i < G_N_ELEMENTS (without_table); i++)
    {
      g_autoptr(GError) error = NULL;
      guint level = 999;

      g_assert_true (declic_language_tables_is_known_test (tables, without_table[i]));
      g_assert_false (declic_language_tables_has_table (tables, without_table[i]));
      g_assert_false (declic_language_tables_convert (tables, without_table[i], &date, "reading", 10,
                                                      &level, NULL, &error));
      g_assert_error (error, DECLIC_LANGUAGE_TABLES_ERROR, DECLIC_LANGUAGE_TABLES_ERROR_NO_TABLE);
      g_assert_cmpuint (level, ==, 999);
    }

  for (guint i = 0; i < G_N_ELEMENTS (with_table); i++)
    {
      g_assert_true (declic_language_tables_is_known_test (tables, with_table[i]));
      g_assert_true (declic_language_tables_has_table (tables, with_table[i]));
    }

  g_assert_cmpstr (declic_language_tables_get_test_language (tables, "tef_canada"), ==, "fr");
  g_assert_cmpstr (declic_language_tables_get_test_language (tables, "delf"), ==, "fr");
  g_assert_cmpstr (declic_language_tables_get_test_language (tables, "ielts_general"), ==, "en");
  g_assert_cmpstr (declic_language_tables_get_test_language (tables, "pte_core"), ==, "en");
  g_assert_null (declic_language_tables_get_test_language (tables, "toefl"));
  g_assert_false (declic_language_tables_is_known_test (tables, "toefl"));
  g_assert_false (declic_language_tables_has_table (tables, "toefl"));
}

typedef struct
{
  const char *test;
  const char *skill;
  double      score;
  int         code;
} ErrorCase;

static void
test_language_tables_errors (void)
{
  DeclicLanguageTables *tables = get_tables ();
  const ErrorCase cases[] = {
    { "tef_canada", "reading", 700, DECLIC_LANGUAGE_TABLES_ERROR_SCORE_OUT_OF_RANGE },
    { "tef_canada", "reading", -1, DECLIC_LANGUAGE_TABLES_ERROR_SCORE_OUT_OF_RANGE },
    { "tef_canada", "reading", NAN, DECLIC_LANGUAGE_TABLES_ERROR_SCORE_OUT_OF_RANGE },
    { "tef_canada", "reading", 433.5, DECLIC_LANGUAGE_TABLES_ERROR_INVALID_SCORE },
    { "tcf_canada", "speaking", 21, DECLIC_LANGUAGE_TABLES_ERROR_SCORE_OUT_OF_RANGE },
    { "tcf_canada", "listening", 700, DECLIC_LANGUAGE_TABLES_ERROR_SCORE_OUT_OF_RANGE },
    { "ielts_general", "listening", 9.5, DECLIC_LANGUAGE_TABLES_ERROR_SCORE_OUT_OF_RANGE },
    { "ielts_general", "listening", 6.3, DECLIC_LANGUAGE_TABLES_ERROR_INVALID_SCORE },
    { "celpip_general", "listening", 13, DECLIC_LANGUAGE_TABLES_ERROR_SCORE_OUT_OF_RANGE },
    { "toefl", "listening", 100, DECLIC_LANGUAGE_TABLES_ERROR_UNKNOWN_TEST },
    { "tef_canada", "singing", 100, DECLIC_LANGUAGE_TABLES_ERROR_UNKNOWN_SKILL },
  };
  GDate date;

  parse_date ("2024-06-01", &date);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (declic_language_tables_convert (tables, cases[i].test, &date, cases[i].skill,
                                                      cases[i].score, NULL, NULL, &error));
      g_assert_error (error, DECLIC_LANGUAGE_TABLES_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
    }

  /* The old TEF's maxima apply to its dates: 350 in reading was fine in 2020, not in 2018. */
  {
    g_autoptr(GError) error = NULL;
    guint level = 0;

    parse_date ("2020-01-01", &date);
    g_assert_true (declic_language_tables_convert (tables, "tef_canada", &date, "reading", 350, &level, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (level, ==, 5);

    parse_date ("2018-01-01", &date);
    g_assert_false (declic_language_tables_convert (tables, "tef_canada", &date, "reading", 350, &level, NULL, &error));
    g_assert_error (error, DECLIC_LANGUAGE_TABLES_ERROR, DECLIC_LANGUAGE_TABLES_ERROR_SCORE_OUT_OF_RANGE);
  }
}

static void
test_language_tables_french_messages (void)
{
  DeclicLanguageTables *tables = get_tables ();
  g_autoptr(GError) error = NULL;

  if (!declic_test_speak_french ())
    return;

  g_assert_false (declic_language_tables_convert (tables, "delf", NULL, "reading", 10, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Aucune table"));
  g_clear_error (&error);

  g_assert_false (declic_language_tables_convert (tables, "tcf_canada", NULL, "speaking", 21, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "production orale"));

  g_setenv ("LANGUAGE", "", TRUE);
  setlocale (LC_ALL, "");
}

static void
test_language_level_strings (void)
{
  g_autofree char *below = declic_language_level_to_string (0);
  g_autofree char *seven = declic_language_level_to_string (7);
  g_autofree char *ten = declic_language_level_to_string (10);

  g_assert_cmpstr (below, ==, "Below level 4");
  g_assert_cmpstr (seven, ==, "7");
  g_assert_cmpstr (ten, ==, "10 or more");
}

typedef struct
{
  const char *results_date;
  const char *expiry;
} ExpiryCase;

static void
test_language_result_expiry (void)
{
  const ExpiryCase cases[] = {
    { "2024-03-01", "2026-03-01" },
    { "2023-12-31", "2025-12-31" },
    /* 29 February: no 29 February two years later, GDate clamps to the 28th. */
    { "2024-02-29", "2026-02-28" },
    { "2024-02-28", "2026-02-28" },
    { "2022-02-28", "2024-02-28" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) expiry = NULL;
      GDate results, expected;

      parse_date (cases[i].results_date, &results);
      parse_date (cases[i].expiry, &expected);
      expiry = declic_language_result_expiry (&results);
      g_assert_cmpint (g_date_compare (expiry, &expected), ==, 0);
      /* The last day they count is the day before. */
      g_clear_pointer (&expiry, g_date_free);
      expiry = declic_language_result_last_day (&results);
      g_date_subtract_days (&expected, 1);
      g_assert_cmpint (g_date_compare (expiry, &expected), ==, 0);
    }

  {
    GDate results, on;

    parse_date ("2024-03-01", &results);
    parse_date ("2026-02-28", &on);
    g_assert_false (declic_language_result_is_expired (&results, &on));
    parse_date ("2026-03-01", &on);
    g_assert_true (declic_language_result_is_expired (&results, &on));
    parse_date ("2025-01-01", &on);
    g_assert_false (declic_language_result_is_expired (&results, &on));
  }
}

static void
test_language_tables_malformed (void)
{
  const char *cases[] = {
    "not json",
    "{\"id\": \"x\", \"status\": \"secondary\", \"source\": \"s\", \"tests\": [], \"tables\": []",
    /* A table for a test not in the list. */
    "{\"id\": \"x\", \"status\": \"secondary\", \"source\": \"s\", \"tests\": [],"
    " \"tables\": [{\"id\": \"t\", \"name\": \"T\", \"test\": \"tef_canada\", \"step\": 1,"
    " \"max\": {\"reading\": 9, \"writing\": 9, \"listening\": 9, \"speaking\": 9},"
    " \"levels\": [{\"level\": 5, \"reading\": 5, \"writing\": 5, \"listening\": 5, \"speaking\": 5}]}]}",
    /* Minimums that do not rise with the level. */
    "{\"id\": \"x\", \"status\": \"secondary\", \"source\": \"s\", \"tests\": [{\"code\": \"a\"}],"
    " \"tables\": [{\"id\": \"t\", \"name\": \"T\", \"test\": \"a\", \"step\": 1,"
    " \"max\": {\"reading\": 9, \"writing\": 9, \"listening\": 9, \"speaking\": 9},"
    " \"levels\": [{\"level\": 5, \"reading\": 5, \"writing\": 5, \"listening\": 5, \"speaking\": 5},"
    "              {\"level\": 6, \"reading\": 4, \"writing\": 6, \"listening\": 6, \"speaking\": 6}]}]}",
    /* A minimum above the maximum. */
    "{\"id\": \"x\", \"status\": \"secondary\", \"source\": \"s\", \"tests\": [{\"code\": \"a\"}],"
    " \"tables\": [{\"id\": \"t\", \"name\": \"T\", \"test\": \"a\", \"step\": 1,"
    " \"max\": {\"reading\": 9, \"writing\": 9, \"listening\": 9, \"speaking\": 9},"
    " \"levels\": [{\"level\": 5, \"reading\": 10, \"writing\": 5, \"listening\": 5, \"speaking\": 5}]}]}",
    /* A bad date. */
    "{\"id\": \"x\", \"status\": \"secondary\", \"source\": \"s\", \"tests\": [{\"code\": \"a\"}],"
    " \"tables\": [{\"id\": \"t\", \"name\": \"T\", \"test\": \"a\", \"step\": 1, \"effective_from\": \"2023-02-30\","
    " \"max\": {\"reading\": 9, \"writing\": 9, \"listening\": 9, \"speaking\": 9},"
    " \"levels\": [{\"level\": 5, \"reading\": 5, \"writing\": 5, \"listening\": 5, \"speaking\": 5}]}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DeclicLanguageTables) tables = declic_language_tables_new_from_data (cases[i], -1, &error);

      g_assert_null (tables);
      g_assert_error (error, DECLIC_LANGUAGE_TABLES_ERROR, DECLIC_LANGUAGE_TABLES_ERROR_MALFORMED);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/language-tables/metadata", test_language_tables_metadata);
  g_test_add_func ("/language-tables/conversions", test_language_tables_conversions);
  g_test_add_func ("/language-tables/no-table", test_language_tables_no_table);
  g_test_add_func ("/language-tables/errors", test_language_tables_errors);
  g_test_add_func ("/language-tables/french-messages", test_language_tables_french_messages);
  g_test_add_func ("/language-tables/level-strings", test_language_level_strings);
  g_test_add_func ("/language-tables/result-expiry", test_language_result_expiry);
  g_test_add_func ("/language-tables/malformed", test_language_tables_malformed);

  return g_test_run ();
}
