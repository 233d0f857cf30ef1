/* declic-validate-languages.c: sections 7 and 8 and the spouse's results: language tests, their
 * dates and validity, and levels against the score tables. */
#define G_LOG_DOMAIN "declic-validate"

#include "config.h"

#include "declic-format.h"
#include "declic-i18n.h"
#include "declic-validate-private.h"

typedef struct
{
  const char *test;
  const char *language;  /* "fr" or "en" */
  gboolean    has_table;
  gboolean    acceptance_unknown;  /* DI.md §3.4: MIFI's acceptance [unknown] */
} TestInfo;

/* Used when no language tables were loaded; the tables' own data wins when they are. */
static const TestInfo known_tests[] = {
  { "tef_canada", "fr", TRUE, FALSE },
  { "tefaq", "fr", FALSE, FALSE },
  { "tcf_canada", "fr", TRUE, FALSE },
  { "tcf_quebec", "fr", FALSE, FALSE },
  { "delf", "fr", FALSE, FALSE },
  { "dalf", "fr", FALSE, FALSE },
  { "french_study_diploma", "fr", FALSE, FALSE },
  { "ielts_general", "en", TRUE, FALSE },
  { "celpip_general", "en", TRUE, TRUE },
  { "pte_core", "en", FALSE, TRUE },
  { "english_study_diploma", "en", FALSE, FALSE },
};

static const TestInfo *
lookup_test (const char *test)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_tests); i++)
    if (g_str_equal (known_tests[i].test, test))
      return &known_tests[i];
  return NULL;
}

static const char * const skills[] = { "listening", "speaking", "reading", "writing" };

/* A result of 2024-11-22 still counts on 2026-11-21, not on 2026-11-22: the rule and its
 * reading live in declic_language_result_is_expired (), shared with the deadlines. */
static gboolean
result_is_expired (Checker     *c,
                   const GDate *results_date,
                   GDate       *expiry)
{
  g_autoptr(GDate) end = declic_language_result_expiry (results_date);

  *expiry = *end;
  return declic_language_result_is_expired (results_date, &c->ref);
}

/* The tables stop at 10 ("10 or more") and give 0 below 4, so 11 next to a converted 10, or 3
 * next to a converted 0, say the same thing. */
static gboolean
level_agrees (guint level,
              guint converted)
{
  if (converted == DECLIC_LANGUAGE_LEVEL_HIGHEST)
    return level >= DECLIC_LANGUAGE_LEVEL_HIGHEST;
  if (converted == DECLIC_LANGUAGE_LEVEL_BELOW_LOWEST)
    return level < 4;
  return level == converted;
}

static void
check_skill (Checker     *c,
             const Scope *result,
             const char  *skill,
             const char  *test,
             const GDate *results_date,
             gboolean     has_table)
{
  char path[192], pattern[192], code[192];
  Scope s = *result;
  double score = 0, level = 0;
  gboolean has_score, has_level;

  join (path, sizeof path, result->path, skill);
  join (pattern, sizeof pattern, result->pattern, skill);
  join (code, sizeof code, result->code, skill);
  s.obj = member (result->obj, skill);
  s.path = path;
  s.pattern = pattern;
  s.code = code;

  has_score = get_number (s.obj, "score", &score);
  has_level = get_number (s.obj, "level", &level);

  if (!has_score && !has_level)
    {
      declic_validate_report (c, &s, NULL, "required", DECLIC_SEVERITY_ERROR,
                              _("“%s” has neither a score nor a level: enter the one shown on the results."),
                              declic_validate_label_of (result, skill));
      return;
    }

  if (has_level && (level < 1 || level > 12 || level != floor (level)))
    {
      g_autofree char *level_text = declic_format_number (level, 2, NULL);

      declic_validate_report (c, &s, "level", "out_of_range", DECLIC_SEVERITY_ERROR,
                              _("The “%s” level is %s: levels are whole numbers from 1 to 12."),
                              declic_validate_label_of (result, skill), level_text);
      return;
    }

  if (test == NULL)
    return;
  /* The test's name is only for the messages below: it is looked up when one is written
   * (four skills, every result, every check). */
  if (!has_table)
    {
      if (!has_level)
        declic_validate_report (c, &s, "level", "required", DECLIC_SEVERITY_ERROR,
                                _("No table converts %s scores to levels: enter the “%s” level shown on the results."),
                                declic_enum_choice_get_label ("french.results[].test", test),
                                declic_validate_label_of (result, skill));
      return;
    }

  /* A table exists: a level that is not the table's reading of the score was set by hand. */
  if (has_score && c->tables != NULL && results_date != NULL)
    {
      g_autoptr(GError) error = NULL;
      guint converted = 0;

      if (!declic_language_tables_convert (c->tables, test, results_date, skill, score, &converted, NULL, &error))
        {
          if (g_error_matches (error, DECLIC_LANGUAGE_TABLES_ERROR, DECLIC_LANGUAGE_TABLES_ERROR_SCORE_OUT_OF_RANGE) ||
              g_error_matches (error, DECLIC_LANGUAGE_TABLES_ERROR, DECLIC_LANGUAGE_TABLES_ERROR_INVALID_SCORE))
            declic_validate_report (c, &s, "score", "invalid", DECLIC_SEVERITY_ERROR, "%s", error->message);
          else if (!has_level)
            declic_validate_report (c, &s, "level", "required", DECLIC_SEVERITY_ERROR,
                                    _("No table converts %s scores of this date to levels: enter the “%s” level shown on the results."),
                                    declic_enum_choice_get_label ("french.results[].test", test),
                                    declic_validate_label_of (result, skill));
          return;
        }
      if (has_level && !level_agrees ((guint) level, converted))
        {
          g_autofree char *level_text = declic_format_number (level, 2, NULL);
          g_autofree char *score_text = declic_format_number (score, 2, NULL);

          declic_validate_report (c, &s, "level", "override", DECLIC_SEVERITY_INFO,
                                  _("The “%s” level %s was entered by hand, while the conversion table gives %u for a score of %s (override): make sure it is the level on the results."),
                                  declic_validate_label_of (result, skill), level_text, converted, score_text);
        }
      return;
    }

  if (has_level)
    {
      g_autofree char *level_text = declic_format_number (level, 2, NULL);

      declic_validate_report (c, &s, "level", "override", DECLIC_SEVERITY_INFO,
                              _("The “%s” level %s was entered by hand rather than converted from a score (override): make sure it is the level on the results."),
                              declic_validate_label_of (result, skill), level_text);
    }
}

void
declic_validate_language_block (Checker             *c,
                                json_object         *block,
                                const LanguageBlock *b)
{
  char results_path[96], results_pattern[96];
  Scope s = { block, b->path, b->path, b->path, b->section };
  json_object *results = get_array (block, "results");
  gsize n = array_length (results);
  Answer no_result = get_answer (block, "no_result");
  gboolean any_valid = FALSE;

  g_snprintf (results_pattern, sizeof results_pattern, "%s.results[]", b->path);

  if (no_result == ANSWER_YES)
    {
      if (n > 0 && has_value (results))
        declic_validate_report (c, &s, "no_result", "conflict", DECLIC_SEVERITY_ERROR,
                                _("“No standardized result” is ticked, yet results are entered: untick it, or remove the results."));
      return;
    }
  if (n == 0)
    {
      declic_validate_report (c, &s, NULL, "required", DECLIC_SEVERITY_ERROR,
                              _("Enter at least one test result or diploma, or tick “No standardized result”."));
      return;
    }

  /* Whether an older result is only superseded (a warning) or the only one (an error). */
  for (gsize i = 0; i < n; i++)
    {
      json_object *item = json_object_array_get_idx (results, i);
      GDate date, expiry;

      if (get_date (item, "result_date", &date) == DATE_VALID && g_date_compare (&date, &c->ref) <= 0 &&
          !result_is_expired (c, &date, &expiry))
        any_valid = TRUE;
    }

  for (gsize i = 0; i < n; i++)
    {
      json_object *item = json_object_array_get_idx (results, i);
      char code[96];
      Scope r = { item, results_path, results_pattern, code, b->section,
                  b->spouse ? ITEM_SPOUSE_RESULT : ITEM_RESULT, (guint) i + 1 };
      const char *test;
      const TestInfo *info = NULL;
      gboolean has_table = FALSE;
      GDate date, expiry;
      gboolean date_ok;

      g_snprintf (results_path, sizeof results_path, "%s.results[%" G_GSIZE_FORMAT "]", b->path, i);
      g_snprintf (code, sizeof code, "%s.results", b->path);

      test = declic_validate_require_text (c, &r, "test");
      if (test != NULL)
        {
          const char *language;

          info = lookup_test (test);
          language = c->tables != NULL ? declic_language_tables_get_test_language (c->tables, test) : NULL;
          if (language == NULL && info != NULL)
            language = info->language;
          has_table = c->tables != NULL ? declic_language_tables_has_table (c->tables, test)
                                        : (info != NULL && info->has_table);

          if (language == NULL)
            {
              declic_validate_report (c, &r, "test", "invalid", DECLIC_SEVERITY_ERROR,
                                      _("“%s” is not a language test or diploma Déclic knows: choose one from the list."),
                                      test);
              test = NULL;
            }
          else if (b->french != g_str_equal (language, "fr"))
            {
              const char *test_label = declic_enum_choice_get_label ("french.results[].test", test);

              if (b->french)
                declic_validate_report (c, &r, "test", "wrong_language", DECLIC_SEVERITY_ERROR,
                                        _("%s assesses English, not French: move this result to the English results."),
                                        test_label);
              else
                declic_validate_report (c, &r, "test", "wrong_language", DECLIC_SEVERITY_ERROR,
                                        _("%s assesses French, not English: move this result to the French results."),
                                        test_label);
              test = NULL;
            }
          else if (info != NULL && info->acceptance_unknown)
            declic_validate_report (c, &r, "test", "acceptance_unknown", DECLIC_SEVERITY_WARNING,
                                    _("Whether MIFI accepts %s is not confirmed (no official source was found): check before relying on it; IELTS General Training is accepted."),
                                    declic_enum_choice_get_label ("french.results[].test", test));
        }

      date_ok = declic_validate_check_date (c, &r, "result_date", DATE_REQUIRED | DATE_NOT_FUTURE, &date) &&
                g_date_compare (&date, &c->ref) <= 0;
      if (date_ok && result_is_expired (c, &date, &expiry))
        {
          if (any_valid)
            declic_validate_report (c, &r, "result_date", "expired", DECLIC_SEVERITY_WARNING,
                                    _("These results of %s expired on %s (results are valid 2 years): they no longer count, but a more recent result does. You may remove them."),
                                    date_text (&date).text, date_text (&expiry).text);
          else
            declic_validate_report (c, &r, "result_date", "expired", DECLIC_SEVERITY_ERROR,
                                    _("These results of %s expired on %s, before the reference date %s: results are valid 2 years. Take the test again, or tick “No standardized result”."),
                                    date_text (&date).text, date_text (&expiry).text, c->ref_text.text);
        }

      for (guint k = 0; k < G_N_ELEMENTS (skills); k++)
        check_skill (c, &r, skills[k], test, date_ok ? &date : NULL, has_table);
    }
}
