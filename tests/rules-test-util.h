/* rules-test-util.h: building drafts for the rules' tests (points, eligibility, deadlines).
 *
 * Drafts are built with the model's own setters, so that a test reads as the person's situation:
 * born on ..., French levels ..., worked from ... to .... Every test uses the same reference date
 * unless it says otherwise.
 */
#pragma once

#include "declic-draft.h"
#include "declic-rules.h"
#include "declic-utils.h"

#define REFERENCE_DATE "2026-03-01"

static G_GNUC_UNUSED GDate
date_from (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (declic_utils_parse_date (text, &date));
  return date;
}

/* The full sample draft of tests/fixtures. */
static G_GNUC_UNUSED DeclicDraft *
load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "sample-complete.json", NULL);
  g_autoptr(GError) error = NULL;
  DeclicDraft *draft = declic_draft_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (draft);
  return draft;
}

static G_GNUC_UNUSED DeclicRuleSet *
get_rule_set (const char *id)
{
  DeclicRuleSet *set = declic_rules_lookup (declic_rules_get_default (), id);

  g_assert_nonnull (set);
  return set;
}

static G_GNUC_UNUSED DeclicDraft *
new_person (const char *birth_date)
{
  DeclicDraft *draft = declic_draft_new ();

  if (birth_date != NULL)
    declic_draft_set_string (draft, "personal.birth_date", birth_date);
  return draft;
}

/* A result with the four levels entered (0 leaves a level out). @prefix: "french" or
 * "family.spouse.french". */
static G_GNUC_UNUSED guint
add_levels (DeclicDraft *draft,
            const char  *prefix,
            const char  *test,
            const char  *result_date,
            int          listening,
            int          speaking,
            int          reading,
            int          writing)
{
  g_autofree char *results = g_strconcat (prefix, ".results", NULL);
  guint i = declic_draft_append_item (draft, results);
  const int levels[4] = { listening, speaking, reading, writing };
  const char *skills[4] = { "listening", "speaking", "reading", "writing" };
  g_autofree char *test_path = g_strdup_printf ("%s[%u].test", results, i);
  g_autofree char *date_path = g_strdup_printf ("%s[%u].result_date", results, i);

  declic_draft_set_string (draft, test_path, test);
  declic_draft_set_string (draft, date_path, result_date);
  for (guint s = 0; s < 4; s++)
    if (levels[s] > 0)
      {
        g_autofree char *path = g_strdup_printf ("%s[%u].%s.level", results, i, skills[s]);

        declic_draft_set_integer (draft, path, levels[s]);
      }
  return i;
}

/* A work period; @end NULL means ongoing; @subdivision "CA-QC" with @country "CA" is Québec. */
static G_GNUC_UNUSED guint
add_period (DeclicDraft *draft,
            const char  *type,
            const char  *start,
            const char  *end,
            double       hours,
            const char  *noc,
            const char  *country,
            const char  *subdivision)
{
  guint i = declic_draft_append_item (draft, "work_history");
  g_autofree char *base = g_strdup_printf ("work_history[%u]", i);
  g_autofree char *p_type = g_strconcat (base, ".type", NULL);
  g_autofree char *p_start = g_strconcat (base, ".start_date", NULL);
  g_autofree char *p_end = g_strconcat (base, ".end_date", NULL);
  g_autofree char *p_ongoing = g_strconcat (base, ".ongoing", NULL);
  g_autofree char *p_hours = g_strconcat (base, ".hours_per_week", NULL);
  g_autofree char *p_noc = g_strconcat (base, ".noc_code", NULL);
  g_autofree char *p_country = g_strconcat (base, ".country", NULL);
  g_autofree char *p_subdivision = g_strconcat (base, ".subdivision", NULL);

  declic_draft_set_string (draft, p_type, type);
  declic_draft_set_string (draft, p_start, start);
  if (end != NULL)
    declic_draft_set_string (draft, p_end, end);
  else
    declic_draft_set_boolean (draft, p_ongoing, TRUE);
  if (hours >= 0)
    declic_draft_set_number (draft, p_hours, hours);
  declic_draft_set_string (draft, p_noc, noc);
  declic_draft_set_string (draft, p_country, country);
  declic_draft_set_string (draft, p_subdivision, subdivision);
  return i;
}

static G_GNUC_UNUSED guint
add_job (DeclicDraft *draft,
         const char  *start,
         const char  *end,
         const char  *noc)
{
  return add_period (draft, "work", start, end, 40, noc, "FR", NULL);
}

static G_GNUC_UNUSED guint
add_quebec_job (DeclicDraft *draft,
                const char  *start,
                const char  *end,
                const char  *noc)
{
  return add_period (draft, "work", start, end, 37.5, noc, "CA", "CA-QC");
}

static G_GNUC_UNUSED guint
add_diploma (DeclicDraft *draft,
             const char  *level,
             const char  *end_date,
             gboolean     quebec)
{
  guint i = declic_draft_append_item (draft, "education");
  g_autofree char *p_level = g_strdup_printf ("education[%u].level", i);
  g_autofree char *p_end = g_strdup_printf ("education[%u].end_date", i);
  g_autofree char *p_quebec = g_strdup_printf ("education[%u].quebec_diploma", i);

  declic_draft_set_string (draft, p_level, level);
  declic_draft_set_string (draft, p_end, end_date);
  declic_draft_set_boolean (draft, p_quebec, quebec);
  return i;
}

static G_GNUC_UNUSED void
add_spouse (DeclicDraft *draft,
            const char  *birth_date)
{
  declic_draft_set_string (draft, "family.marital_status", "married");
  declic_draft_set_boolean (draft, "family.spouse_accompanies", TRUE);
  declic_draft_set_string (draft, "family.spouse.birth_date", birth_date);
}
