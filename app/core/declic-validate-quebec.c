/* declic-validate-quebec.c: ties to Québec. Only what a plan needs to count is checked here: the
 * months outside the CMM that are still going on grow from the date they were counted on. */
#define G_LOG_DOMAIN "declic-validate"

#include "config.h"

#include "declic-i18n.h"
#include "declic-validate-private.h"

void
declic_validate_quebec (Checker     *c,
                        json_object *root)
{
  static const char *const ongoing[] = {
    "outside_cmm_residence_ongoing", "outside_cmm_work_ongoing", "outside_cmm_study_ongoing",
  };
  Scope s = { member (root, "quebec"), "quebec", "quebec", "quebec", DECLIC_SECTION_QUEBEC };
  gboolean any_ongoing = FALSE;
  GDate counted_on;

  for (guint i = 0; i < G_N_ELEMENTS (ongoing); i++)
    if (get_answer (s.obj, ongoing[i]) == ANSWER_YES)
      any_ongoing = TRUE;

  if (any_ongoing && get_date (s.obj, "outside_cmm_counted_on", &counted_on) == DATE_ABSENT)
    declic_validate_report (c, &s, "outside_cmm_counted_on", "missing", DECLIC_SEVERITY_WARNING,
                            _("Give the date the months outside the CMM were counted on: without it, the months still going on are not counted as they grow."));
  else
    declic_validate_check_date (c, &s, "outside_cmm_counted_on", DATE_NOT_FUTURE, &counted_on);
}
