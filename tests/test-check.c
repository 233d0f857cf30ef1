/* test-check.c: one draft checked at one date — which rule set, what comes first. */
#include "config.h"

#include "declic-check.h"
#include "declic-utils.h"
#include "rules-test-util.h"

static void
set_date (GDate      *date,
          const char *text)
{
  g_date_clear (date, 1);
  g_assert_true (declic_utils_parse_date (text, date));
}

/* The recorded rule set wins while this build knows it; otherwise the one in force. */
static void
test_choose_rule_set (void)
{
  g_autoptr(DeclicDraft) draft = load_sample ();
  DeclicRules *rules = declic_rules_get_default ();
  DeclicRuleSet *in_force = NULL;
  DeclicRuleSet *used;
  GDate date;

  g_assert_nonnull (rules);
  set_date (&date, "2026-11-22");

  used = declic_check_choose_rule_set (rules, draft, &date, &in_force);
  g_assert_cmpstr (declic_rule_set_get_id (used), ==, "pstq-2025-07-02");
  g_assert_true (used == in_force);

  declic_draft_set_string (draft, "rule_set_id", "di-filing-2023");
  used = declic_check_choose_rule_set (rules, draft, &date, &in_force);
  g_assert_cmpstr (declic_rule_set_get_id (used), ==, "di-filing-2023");
  g_assert_cmpstr (declic_rule_set_get_id (in_force), ==, "pstq-2025-07-02");

  declic_draft_set_string (draft, "rule_set_id", "a-rule-set-from-the-future");
  used = declic_check_choose_rule_set (rules, draft, &date, NULL);
  g_assert_cmpstr (declic_rule_set_get_id (used), ==, "pstq-2025-07-02");

  /* Before the PSTQ grid took effect, the 2023 conditions are in force. */
  declic_draft_unset (draft, "rule_set_id");
  set_date (&date, "2024-06-01");
  used = declic_check_choose_rule_set (rules, draft, &date, NULL);
  g_assert_cmpstr (declic_rule_set_get_id (used), ==, "di-filing-2023");
}

static void
test_run (void)
{
  g_autoptr(DeclicDraft) draft = load_sample ();
  g_autoptr(DeclicCheck) check = NULL;
  g_autoptr(DeclicCheck) older = NULL;
  g_autofree char *before = declic_draft_to_data (draft, NULL);
  g_autofree char *after = NULL;
  DeclicDeadline *next;
  GDate date;

  set_date (&date, "2026-11-22");
  check = declic_check_run (draft, &date, NULL, NULL);
  g_assert_true (check->fileable);
  g_assert_nonnull (check->eligibility);
  g_assert_nonnull (check->points);
  g_assert_true (check->points->estimate);
  g_assert_cmpint (check->points->total, >, 0);

  /* Deadlines come soonest first; the next one is the first that has not passed. */
  g_assert_cmpuint (check->deadlines->len, >=, 2);
  for (guint i = 1; i < check->deadlines->len; i++)
    g_assert_cmpint (g_date_compare (&((DeclicDeadline *) g_ptr_array_index (check->deadlines, i - 1))->date,
                                     &((DeclicDeadline *) g_ptr_array_index (check->deadlines, i))->date), <=, 0);
  next = declic_check_get_next_deadline (check);
  g_assert_nonnull (next);
  g_assert_cmpint (next->days_left, >=, 0);

  /* A forced rule set without a grid gives no points, and the draft is not rewritten. */
  older = declic_check_run (draft, &date, declic_rules_lookup (declic_rules_get_default (), "di-filing-2023"), NULL);
  g_assert_null (older->points);
  after = declic_draft_to_data (draft, NULL);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check/choose-rule-set", test_choose_rule_set);
  g_test_add_func ("/check/run", test_run);

  return g_test_run ();
}
