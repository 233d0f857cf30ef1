/* test-applies.c: which fields apply (declic-applies.h) and the work history's gaps
 * (declic-work-window.h), the answers both the findings and the wizard's pages use. */
#include "config.h"

#include <string.h>
#include <json-c/json.h>

#include "declic-applies.h"
#include "declic-draft.h"
#include "declic-finding.h"
#include "declic-validate.h"
#include "declic-work-window.h"

/* A new draft's identity and version with the members of @json. */
static DeclicDraft *
draft_from (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) fresh = declic_draft_new ();
  g_autofree char *base = declic_draft_to_data (fresh, NULL);
  json_object *root = json_tokener_parse (base);
  json_object *extra = json_tokener_parse (json);
  const char *text;
  DeclicDraft *draft;

  g_assert_nonnull (root);
  g_assert_nonnull (extra);
  {
    json_object_object_foreach (extra, key, value)
      if (!g_str_equal (key, "schema_version"))
        json_object_object_add (root, key, json_object_get (value));
  }
  text = json_object_to_json_string (root);
  draft = declic_draft_new_from_data (text, strlen (text), &error);
  g_assert_no_error (error);
  json_object_put (extra);
  json_object_put (root);
  return draft;
}

static char *
span_text (const DeclicDateSpan *span)
{
  char first[16], last[16];

  g_date_strftime (first, sizeof first, "%Y-%m-%d", &span->first);
  g_date_strftime (last, sizeof last, "%Y-%m-%d", &span->last);
  return g_strdup_printf ("%s..%s", first, last);
}

/* The case of issue 9: a period from 2021-01-01 checked at 2025-09-01 leaves 2020-09-01 to
 * 2020-12-31 uncovered, the last day inside the gap, in the core and in the finding alike. */
static void
test_gap_last_day (void)
{
  g_autoptr(DeclicDraft) draft = draft_from (
    "{\"schema_version\": \"1.1\", \"planned_filing_date\": \"2025-09-01\","
    " \"work_history\": [{\"type\": \"studies\", \"start_date\": \"2021-01-01\", \"ongoing\": true}]}");
  g_autoptr(GArray) gaps = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *text = NULL;
  DeclicDateSpan window;
  GDate reference;
  guint n_gap_findings = 0;

  g_date_clear (&reference, 1);
  g_date_set_dmy (&reference, 1, G_DATE_SEPTEMBER, 2025);
  declic_work_window_get (&reference, &window);
  text = span_text (&window);
  g_assert_cmpstr (text, ==, "2020-09-01..2025-08-31");
  g_clear_pointer (&text, g_free);

  gaps = declic_work_window_get_gaps (declic_draft_get_root (draft), &reference);
  g_assert_cmpuint (gaps->len, ==, 1);
  text = span_text (&g_array_index (gaps, DeclicDateSpan, 0));
  g_assert_cmpstr (text, ==, "2020-09-01..2020-12-31");
  g_assert_cmpuint (declic_date_span_get_days (&g_array_index (gaps, DeclicDateSpan, 0)), ==, 122);

  findings = declic_validate_draft (draft, &reference, NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      DeclicFinding *finding = g_ptr_array_index (findings, i);

      if (g_strcmp0 (declic_finding_get_code (finding), "work_history.gap") != 0)
        continue;
      n_gap_findings++;
      g_assert_nonnull (strstr (declic_finding_get_message (finding), "September 1, 2020"));
      g_assert_nonnull (strstr (declic_finding_get_message (finding), "December 31, 2020"));
    }
  g_assert_cmpuint (n_gap_findings, ==, 1);
}

/* Several periods, overlapping and out of order; a short gap within the tolerance; one with an
 * end before its start and one without dates cover nothing. */
static void
test_gaps_several (void)
{
  g_autoptr(DeclicDraft) draft = draft_from (
    "{\"schema_version\": \"1.1\", \"work_history\": ["
    " {\"start_date\": \"2023-01-01\", \"end_date\": \"2025-08-31\"},"
    " {\"start_date\": \"2020-09-01\", \"end_date\": \"2021-06-30\"},"
    " {\"start_date\": \"2021-03-01\", \"end_date\": \"2021-12-31\"},"
    " {\"start_date\": \"2022-06-01\", \"end_date\": \"2022-01-01\"},"
    " {\"type\": \"work\"}]}");
  g_autoptr(GArray) gaps = NULL;
  g_autofree char *text = NULL;
  GDate reference;

  g_date_clear (&reference, 1);
  g_date_set_dmy (&reference, 1, G_DATE_SEPTEMBER, 2025);
  gaps = declic_work_window_get_gaps (declic_draft_get_root (draft), &reference);
  g_assert_cmpuint (gaps->len, ==, 1);
  text = span_text (&g_array_index (gaps, DeclicDateSpan, 0));
  g_assert_cmpstr (text, ==, "2022-01-01..2022-12-31");

  /* Nothing declared: the whole window is one gap. */
  {
    g_autoptr(DeclicDraft) empty = draft_from ("{\"schema_version\": \"1.1\"}");
    g_autoptr(GArray) all = declic_work_window_get_gaps (declic_draft_get_root (empty), &reference);
    g_autofree char *whole = NULL;

    g_assert_cmpuint (all->len, ==, 1);
    whole = span_text (&g_array_index (all, DeclicDateSpan, 0));
    g_assert_cmpstr (whole, ==, "2020-09-01..2025-08-31");
  }
}

static gboolean
applies (const char *json,
         const char *path)
{
  g_autoptr(DeclicDraft) draft = draft_from (json);

  return declic_applies_field (declic_draft_get_root (draft), path);
}

static void
test_applies_spouse (void)
{
  const char *none = "{\"schema_version\": \"1.1\"}";
  const char *single = "{\"schema_version\": \"1.1\", \"family\": {\"marital_status\": \"single\"}}";
  const char *married = "{\"schema_version\": \"1.1\", \"family\": {\"marital_status\": \"married\"}}";
  const char *with = "{\"schema_version\": \"1.1\", \"family\": {\"marital_status\": \"de_facto\","
                     " \"spouse_accompanies\": true}}";
  const char *left = "{\"schema_version\": \"1.1\", \"family\": {\"marital_status\": \"single\","
                     " \"spouse_accompanies\": true, \"spouse\": {\"given_names\": \"Lan\"}}}";
  g_autoptr(DeclicDraft) draft = draft_from (with);

  g_assert_true (declic_applies_spouse (declic_draft_get_root (draft)));
  g_assert_false (applies (none, "family.spouse_accompanies"));
  g_assert_false (applies (single, "family.union_date"));
  g_assert_true (applies (married, "family.spouse_accompanies"));
  g_assert_true (applies (married, "family.union_date"));
  g_assert_false (applies (married, "family.spouse.given_names"));
  g_assert_true (applies (with, "family.spouse.given_names"));
  g_assert_true (applies (with, "family.spouse.french.results[0].test"));
  g_assert_true (applies (none, "family.marital_status"));
  g_assert_true (applies (none, "family.children"));
  /* Entered before the status changed: still shown, to be corrected. */
  g_assert_true (applies (left, "family.spouse_accompanies"));
  g_assert_true (applies (left, "family.spouse.given_names"));
  g_assert_false (applies (left, "family.spouse.family_names"));
}

static void
test_applies_items (void)
{
  const char *diplomas = "{\"schema_version\": \"1.1\", \"education\": ["
                         " {\"country\": \"VN\"}, {\"country\": \"CA\"}, {},"
                         " {\"country\": \"FR\", \"subdivision\": \"FR-IDF\"}]}";
  const char *periods = "{\"schema_version\": \"1.1\", \"work_history\": ["
                        " {\"type\": \"work\"}, {\"type\": \"internship\"}, {},"
                        " {\"type\": \"studies\"}, {\"type\": \"inactivity\", \"employer\": \"X\"}]}";

  g_assert_false (applies (diplomas, "education[0].subdivision"));
  g_assert_true (applies (diplomas, "education[1].subdivision"));
  g_assert_false (applies (diplomas, "education[2].subdivision"));
  g_assert_true (applies (diplomas, "education[3].subdivision"));
  g_assert_true (applies (diplomas, "education[0].level"));

  g_assert_false (applies (periods, "work_history[0].paid"));
  g_assert_false (applies (periods, "work_history[0].compulsory"));
  g_assert_true (applies (periods, "work_history[0].noc_code"));
  g_assert_true (applies (periods, "work_history[1].paid"));
  g_assert_true (applies (periods, "work_history[1].compulsory"));
  g_assert_true (applies (periods, "work_history[1].employer"));
  g_assert_false (applies (periods, "work_history[2].paid"));
  g_assert_true (applies (periods, "work_history[2].noc_code"));
  g_assert_false (applies (periods, "work_history[3].hours_per_week"));
  g_assert_true (applies (periods, "work_history[3].start_date"));
  g_assert_true (applies (periods, "work_history[3].description"));
  g_assert_true (applies (periods, "work_history[4].employer"));
  g_assert_false (applies (periods, "work_history[4].job_title"));
  /* Out of range or unknown paths: no rule restricts them. */
  g_assert_true (applies (periods, "personal.sex"));
  g_assert_false (applies (periods, "work_history[9].paid"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/applies/gap-last-day", test_gap_last_day);
  g_test_add_func ("/applies/gaps-several", test_gaps_several);
  g_test_add_func ("/applies/spouse", test_applies_spouse);
  g_test_add_func ("/applies/items", test_applies_items);
  return g_test_run ();
}
