/* fuzz-rules.c: libFuzzer harness for rule sets and their grids. Any input must either be added
 * (beside the built-in sets, so a "parent" can name one) and then answer every question the
 * check asks of it, and run a full check of the complete sample draft, or be refused with an
 * error of the rules domain.
 */
#include "config.h"

#include <json-c/json.h>

#include "declic-check.h"
#include "declic-clock.h"
#include "declic-rules.h"
#include "declic-validate.h"
#include "fuzz-common.h"
#include "fuzz-sample.h"

static DeclicDraft *sample;
static DeclicValidateContext *context;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_common_init ();
  sample = fuzz_sample_load_draft ();
  context = declic_validate_context_new_default ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicRules) rules = declic_rules_new_from_resources (DECLIC_RULES_RESOURCE_DIR, &error);
  g_autoptr(DeclicCheck) check = NULL;
  g_auto(GStrv) groups = NULL;
  DeclicRuleSet *set;
  GDate today, date;

  g_assert_no_error (error);
  set = declic_rules_add_from_data (rules, (const char *) data, (gssize) size, &error);
  if (set == NULL)
    {
      g_assert (error != NULL && error->domain == DECLIC_RULES_ERROR);
      return 0;
    }
  g_assert_no_error (error);

  declic_clock_get_today (&today);
  (void) declic_rule_set_get_id (set);
  (void) declic_rule_set_get_title (set);
  (void) declic_rule_set_get_source (set);
  (void) declic_rule_set_get_program (set);
  (void) declic_rule_set_get_soon_days (set);
  declic_rule_set_get_effective_from (set, &date);
  (void) declic_rule_set_get_effective_to (set, &date);
  (void) declic_rule_set_is_in_force (set, &today);
  groups = declic_rule_set_list_groups (set);
  for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
    {
      (void) declic_rule_set_get_group (set, groups[i]);
      (void) declic_rule_set_get_group_status (set, groups[i]);
      (void) declic_rule_set_get_group_source (set, groups[i]);
    }

  check = declic_check_run (sample, &today, set, context);
  g_assert (check != NULL);
  return 0;
}
