/* declic-check.c: one draft, checked at one date, with one rule set. */
#define G_LOG_DOMAIN "declic-check"

#include "config.h"

#include "declic-check.h"
#include "declic-clock.h"
#include "declic-draft-life.h"
#include "declic-i18n.h"
#include "declic-spouse-link.h"

/**
 * declic_check_choose_rule_set:
 * @in_force: (out) (optional): the rule set in force at @reference
 *
 * A draft keeps the rule set it records ("rule_set_id") until the person switches: checking
 * never rewrites it. Without a record, or with one this build does not know, the rule set in
 * force at @reference is used.
 *
 * Returns: (transfer none) (nullable): the rule set to check @draft with
 */
DeclicRuleSet *
declic_check_choose_rule_set (DeclicRules    *rules,
                              DeclicDraft    *draft,
                              const GDate    *reference,
                              DeclicRuleSet **in_force)
{
  DeclicRuleSet *current = NULL;
  DeclicRuleSet *recorded = NULL;
  const char *recorded_id;

  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (reference != NULL && g_date_valid (reference), NULL);

  if (rules != NULL)
    {
      current = declic_rules_pick_for_date (rules, reference, NULL);
      recorded_id = declic_draft_get_string (draft, "rule_set_id");
      if (recorded_id != NULL)
        recorded = declic_rules_lookup (rules, recorded_id);
    }

  if (in_force != NULL)
    *in_force = current;
  return recorded != NULL ? recorded : current;
}

static gint
compare_deadlines (gconstpointer a,
                   gconstpointer b)
{
  const DeclicDeadline *da = *(DeclicDeadline * const *) a;
  const DeclicDeadline *db = *(DeclicDeadline * const *) b;

  return g_date_compare (&da->date, &db->date);
}

/**
 * declic_check_run:
 * @today: (nullable): today's date; %NULL for the clock's. The draft is checked at its
 *   reference date (the planned filing date when it has not passed, else @today); days left
 *   count from @today
 * @forced_rule_set: (nullable): check with this rule set rather than the draft's own
 * @context: (nullable): reference data for validation
 *
 * Returns: (transfer full): the findings, eligibility, points and deadlines of @draft
 */
DeclicCheck *
declic_check_run (DeclicDraft           *draft,
                  const GDate           *today,
                  DeclicRuleSet         *forced_rule_set,
                  DeclicValidateContext *context)
{
  DeclicCheck *check;

  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), NULL);

  /* One language for the whole check, and each message translated once (declic-i18n.h). */
  declic_i18n_freeze ();
  check = g_new0 (DeclicCheck, 1);
  if (today != NULL && g_date_valid (today))
    check->today = *today;
  else
    declic_clock_get_today (&check->today);
  declic_draft_get_reference_date (draft, &check->today, &check->reference);
  check->recorded = declic_draft_get_string (draft, "rule_set_id");
  check->rule_set = declic_check_choose_rule_set (declic_rules_get_default (), draft,
                                                  &check->reference, &check->in_force);
  if (forced_rule_set != NULL)
    check->rule_set = forced_rule_set;

  check->findings = declic_validate_draft (draft, &check->today, context);
  declic_draft_life_add_findings (draft, check->findings);
  check->fileable = declic_validate_can_file (check->findings, draft);
  check->stage = declic_draft_life_get_stage (draft);

  if (check->rule_set != NULL)
    {
      check->profile = declic_profile_new (draft, check->rule_set, &check->reference);
      if (declic_rule_set_has_group (check->rule_set, "streams"))
        check->eligibility = declic_eligibility_evaluate (check->profile, check->rule_set);
      if (declic_rule_set_has_group (check->rule_set, "grid"))
        check->points = declic_points_compute (check->profile, check->rule_set, NULL);
      check->deadlines = declic_deadlines_compute (draft, check->rule_set, &check->today);
    }
  if (check->deadlines == NULL)
    check->deadlines = g_ptr_array_new_with_free_func ((GDestroyNotify) declic_deadline_free);
  g_ptr_array_sort (check->deadlines, compare_deadlines);
  declic_i18n_thaw ();

  return check;
}

/**
 * declic_check_add_spouse:
 * @spouse: (nullable): the linked spouse's draft, %NULL when it is not found
 * @spouse_id: (nullable): its id
 */
void
declic_check_add_spouse (DeclicCheck *check,
                         DeclicDraft *draft,
                         DeclicDraft *spouse,
                         const char  *spouse_id)
{
  g_return_if_fail (check != NULL);
  g_return_if_fail (DECLIC_IS_DRAFT (draft));

  declic_spouse_link_add_findings (check->findings, draft, spouse, spouse_id, &check->today);
  check->fileable = declic_validate_can_file (check->findings, draft);
}

/**
 * declic_check_get_next_deadline:
 *
 * Returns: (transfer none) (nullable): the first deadline that has not passed yet
 */
DeclicDeadline *
declic_check_get_next_deadline (DeclicCheck *check)
{
  g_return_val_if_fail (check != NULL, NULL);

  for (guint i = 0; i < check->deadlines->len; i++)
    {
      DeclicDeadline *deadline = g_ptr_array_index (check->deadlines, i);
      if (deadline->status != DECLIC_DEADLINE_PASSED)
        return deadline;
    }
  return NULL;
}

void
declic_check_free (DeclicCheck *check)
{
  if (check == NULL)
    return;

  g_clear_pointer (&check->findings, g_ptr_array_unref);
  g_clear_pointer (&check->profile, declic_profile_free);
  g_clear_pointer (&check->eligibility, declic_eligibility_free);
  g_clear_pointer (&check->points, declic_points_free);
  g_clear_pointer (&check->deadlines, g_ptr_array_unref);
  g_free (check);
}
