/* test-deadlines.c: DI expiry, invitation answer, language results and Arrima's draft limit,
 * with days left and the ok / soon / passed boundaries (DI.md §3.5). */
#include "config.h"

#include <locale.h>

#include "declic-deadlines.h"
#include "declic-language-tables.h"
#include "declic-utils.h"
#include "rules-test-util.h"

static GPtrArray *
compute (DeclicDraft *draft,
         const char  *rule_set,
         const char  *reference)
{
  GDate date = date_from (reference);

  return declic_deadlines_compute (draft, get_rule_set (rule_set), &date);
}

static DeclicDeadline *
find (GPtrArray  *deadlines,
      const char *id)
{
  for (guint i = 0; i < deadlines->len; i++)
    {
      DeclicDeadline *deadline = g_ptr_array_index (deadlines, i);

      if (g_str_equal (deadline->id, id))
        return deadline;
    }
  return NULL;
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  g_autofree char *text = declic_utils_format_date (date);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_deadlines_di_expiry (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1990-01-01");
  g_autoptr(GPtrArray) deadlines = NULL;
  DeclicDeadline *expiry;

  declic_draft_set_string (draft, "filing_date", "2025-03-15");
  deadlines = compute (draft, "pstq-2025-07-02", "2025-09-01");
  expiry = find (deadlines, "di_expiry");
  g_assert_nonnull (expiry);
  assert_date (&expiry->date, "2026-03-15");
  g_assert_cmpint (expiry->days_left, ==, 195);
  g_assert_cmpint (expiry->status, ==, DECLIC_DEADLINE_OK);
  g_assert_cmpint (expiry->source_status, ==, DECLIC_RULE_STATUS_OFFICIAL);
  g_assert_true (expiry->confirmed);
  g_assert_cmpstr (expiry->path, ==, "filing_date");
  /* A filed DI is no longer an Arrima draft. */
  g_assert_null (find (deadlines, "arrima_draft"));
}

/* Filed on 29 February: 12 months later there is no 29 February, the last day is the 28th. */
static void
test_deadlines_leap_day (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1990-01-01");
  g_autoptr(GPtrArray) deadlines = NULL;
  DeclicDeadline *expiry, *result;

  declic_draft_set_string (draft, "filing_date", "2024-02-29");
  add_levels (draft, "french", "tcf_canada", "2024-02-29", 7, 7, 7, 7);
  deadlines = compute (draft, "di-filing-2023", "2025-02-28");
  expiry = find (deadlines, "di_expiry");
  assert_date (&expiry->date, "2025-02-28");
  g_assert_cmpint (expiry->days_left, ==, 0);
  g_assert_cmpint (expiry->status, ==, DECLIC_DEADLINE_SOON);

  /* Results of 29 February 2024 stop counting on 28 February 2026: their last day is the 27th. */
  result = find (deadlines, "language_result");
  g_assert_nonnull (result);
  assert_date (&result->date, "2026-02-27");
  g_assert_cmpstr (result->path, ==, "french.results[0].result_date");

  g_clear_pointer (&deadlines, g_ptr_array_unref);
  deadlines = compute (draft, "di-filing-2023", "2025-03-01");
  g_assert_cmpint (find (deadlines, "di_expiry")->days_left, ==, -1);
  g_assert_cmpint (find (deadlines, "di_expiry")->status, ==, DECLIC_DEADLINE_PASSED);
}

/* 31 days → ok, 30 → soon, 0 → soon (the last day), -1 → passed. */
static void
test_deadlines_status_boundaries (void)
{
  static const struct { const char *reference; int days_left; DeclicDeadlineStatus status; } rows[] = {
    { "2026-02-12", 31, DECLIC_DEADLINE_OK },
    { "2026-02-13", 30, DECLIC_DEADLINE_SOON },
    { "2026-03-14", 1, DECLIC_DEADLINE_SOON },
    { "2026-03-15", 0, DECLIC_DEADLINE_SOON },
    { "2026-03-16", -1, DECLIC_DEADLINE_PASSED },
    { "2027-03-15", -365, DECLIC_DEADLINE_PASSED },
  };
  g_autoptr(DeclicDraft) draft = new_person ("1990-01-01");

  declic_draft_set_string (draft, "filing_date", "2025-03-15");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GPtrArray) deadlines = compute (draft, "pstq-2025-07-02", rows[i].reference);
      DeclicDeadline *expiry = find (deadlines, "di_expiry");

      g_test_message ("at %s", rows[i].reference);
      g_assert_cmpint (expiry->days_left, ==, rows[i].days_left);
      g_assert_cmpint (expiry->status, ==, rows[i].status);
    }

  g_assert_cmpint (declic_deadline_status_for (10, 10), ==, DECLIC_DEADLINE_SOON);
  g_assert_cmpint (declic_deadline_status_for (11, 10), ==, DECLIC_DEADLINE_OK);
  g_assert_cmpint (declic_deadline_status_for (0, 0), ==, DECLIC_DEADLINE_SOON);
  g_assert_cmpint (declic_deadline_status_for (-1, 0), ==, DECLIC_DEADLINE_PASSED);
}

/* "Soon" comes from the rule set's data, not from the code. */
static void
test_deadlines_soon_from_data (void)
{
  g_autoptr(DeclicRules) rules = declic_rules_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) draft = new_person ("1990-01-01");
  g_autoptr(GPtrArray) deadlines = NULL;
  DeclicRuleSet *set;
  GDate reference = date_from ("2026-02-13");

  set = declic_rules_add_from_data (rules,
                                    "{\"format\": 1, \"kind\": \"rule-set\", \"id\": \"t\", \"title\": \"t\", \"source\": \"t\","
                                    " \"effective_from\": \"2020-01-01\", \"settings\": {\"soon_days\": 7},"
                                    " \"groups\": {\"di_validity\": {\"status\": \"official\", \"source\": \"t\", \"months\": 12}}}",
                                    -1, &error);
  g_assert_no_error (error);
  declic_draft_set_string (draft, "filing_date", "2025-03-15");
  deadlines = declic_deadlines_compute (draft, set, &reference);
  g_assert_cmpuint (deadlines->len, ==, 1);
  g_assert_cmpint (find (deadlines, "di_expiry")->status, ==, DECLIC_DEADLINE_OK);
}

static void
test_deadlines_invitation (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1990-01-01");
  g_autoptr(GPtrArray) deadlines = NULL;
  DeclicDeadline *answer, *stream3;

  declic_draft_set_string (draft, "filing_date", "2025-08-01");
  declic_draft_set_string (draft, "invitation_date", "2026-01-10");
  deadlines = compute (draft, "pstq-2025-07-02", "2026-02-01");
  answer = find (deadlines, "invitation_answer");
  assert_date (&answer->date, "2026-03-11");
  g_assert_cmpint (answer->days_left, ==, 38);
  g_assert_cmpint (answer->source_status, ==, DECLIC_RULE_STATUS_OFFICIAL);
  g_assert_null (find (deadlines, "invitation_answer_stream3"));

  /* A regulated profession without a declared authorisation: stream 3's 12 months as well. */
  g_clear_pointer (&deadlines, g_ptr_array_unref);
  declic_draft_set_boolean (draft, "quebec.regulated_profession", TRUE);
  deadlines = compute (draft, "pstq-2025-07-02", "2026-02-01");
  stream3 = find (deadlines, "invitation_answer_stream3");
  g_assert_nonnull (stream3);
  assert_date (&stream3->date, "2027-01-10");
  g_assert_cmpint (stream3->status, ==, DECLIC_DEADLINE_OK);

  /* Not under the 2023 rules, which have no stream 3. */
  g_clear_pointer (&deadlines, g_ptr_array_unref);
  deadlines = compute (draft, "di-filing-2023", "2026-02-01");
  g_assert_null (find (deadlines, "invitation_answer_stream3"));
  g_assert_nonnull (find (deadlines, "invitation_answer"));
}

static void
test_deadlines_language_results (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1990-01-01");
  g_autoptr(GPtrArray) deadlines = NULL;
  guint n = 0;

  add_levels (draft, "french", "tcf_canada", "2024-03-10", 7, 7, 7, 7);
  add_levels (draft, "french", "tef_canada", "2025-06-01", 7, 7, 7, 7);
  add_levels (draft, "english", "ielts_general", "2023-01-15", 7, 7, 7, 7);
  /* A spouse who does not accompany: their results are not the DI's concern. */
  add_levels (draft, "family.spouse.french", "tcf_canada", "2025-01-01", 5, 5, 5, 5);
  deadlines = compute (draft, "pstq-2025-07-02", REFERENCE_DATE);

  for (guint i = 0; i < deadlines->len; i++)
    {
      DeclicDeadline *deadline = g_ptr_array_index (deadlines, i);

      if (!g_str_equal (deadline->id, "language_result"))
        continue;
      n++;
      if (g_str_equal (deadline->path, "french.results[0].result_date"))
        {
          /* They stop counting on 2026-03-10, their 2nd anniversary: the 9th is their last day,
           * the day the wizard shows as "valid until". */
          GDate results;
          g_autoptr(GDate) last_day = NULL;

          assert_date (&deadline->date, "2026-03-09");
          g_assert_true (declic_utils_parse_date ("2024-03-10", &results));
          last_day = declic_language_result_last_day (&results);
          g_assert_cmpint (g_date_compare (&deadline->date, last_day), ==, 0);
          g_assert_cmpint (deadline->days_left, ==, 8);
          g_assert_cmpint (deadline->status, ==, DECLIC_DEADLINE_SOON);
        }
      else if (g_str_equal (deadline->path, "english.results[0].result_date"))
        g_assert_cmpint (deadline->status, ==, DECLIC_DEADLINE_PASSED);
      else
        g_assert_cmpint (deadline->status, ==, DECLIC_DEADLINE_OK);
    }
  g_assert_cmpuint (n, ==, 3);
}

static void
test_deadlines_arrima_draft (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1990-01-01");
  g_autoptr(GPtrArray) deadlines = NULL;
  DeclicDeadline *arrima;

  declic_draft_set_string (draft, "created", "2026-01-10T15:00:00Z");
  deadlines = compute (draft, "pstq-2025-07-02", REFERENCE_DATE);
  arrima = find (deadlines, "arrima_draft");
  g_assert_nonnull (arrima);
  assert_date (&arrima->date, "2026-04-10");
  g_assert_cmpint (arrima->days_left, ==, 40);
  /* A secondary source, and not confirmed by MIFI: never shown as a firm rule. */
  g_assert_cmpint (arrima->source_status, ==, DECLIC_RULE_STATUS_SECONDARY);
  g_assert_false (arrima->confirmed);
  g_assert_cmpstr (arrima->path, ==, "created");
}

static void
test_deadlines_empty (void)
{
  g_autoptr(DeclicDraft) draft = new_person (NULL);
  g_autoptr(GPtrArray) deadlines = NULL;

  declic_draft_unset (draft, "created");
  deadlines = compute (draft, "pstq-2025-07-02", REFERENCE_DATE);
  g_assert_cmpuint (deadlines->len, ==, 0);
  g_assert_cmpstr (declic_deadline_status_get_id (DECLIC_DEADLINE_SOON), ==, "soon");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deadlines/di-expiry", test_deadlines_di_expiry);
  g_test_add_func ("/deadlines/leap-day", test_deadlines_leap_day);
  g_test_add_func ("/deadlines/status-boundaries", test_deadlines_status_boundaries);
  g_test_add_func ("/deadlines/soon-from-data", test_deadlines_soon_from_data);
  g_test_add_func ("/deadlines/invitation", test_deadlines_invitation);
  g_test_add_func ("/deadlines/language-results", test_deadlines_language_results);
  g_test_add_func ("/deadlines/arrima-draft", test_deadlines_arrima_draft);
  g_test_add_func ("/deadlines/empty", test_deadlines_empty);

  return g_test_run ();
}
