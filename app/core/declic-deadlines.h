/* declic-deadlines.h: the dates a DI's holder must not miss, counted from the draft's dates.
 *
 * Every period comes from the rule set (DI.md §3.5): the DI's validity, the time to answer an
 * invitation (and stream 3's 12 months without an authorisation to practise), each language
 * result's validity, and Arrima's 90-day limit on an unfiled draft, which no MIFI text confirms.
 * Each deadline says how sure its rule is. A deadline's date is its last day: on that day it has
 * 0 days left and is "soon"; the day after, it has passed.
 */
#pragma once

#include <glib.h>

#include "declic-draft.h"
#include "declic-rules.h"

G_BEGIN_DECLS

typedef enum
{
  DECLIC_DEADLINE_OK,
  DECLIC_DEADLINE_SOON,
  DECLIC_DEADLINE_PASSED,
} DeclicDeadlineStatus;

typedef struct
{
  char                 *id;             /* "di_expiry", "invitation_answer", "language_result", ... */
  char                 *label;          /* translated */
  char                 *path;           /* the draft field it is counted from */
  char                 *rule_group;     /* the rule set's group it comes from */
  GDate                 date;           /* the last day */
  int                   days_left;      /* from today; negative once passed */
  DeclicDeadlineStatus  status;
  DeclicRuleStatus      source_status;  /* how sure the rule is */
  gboolean              confirmed;      /* FALSE when no official text confirms the rule */
} DeclicDeadline;

GPtrArray   *declic_deadlines_compute        (DeclicDraft          *draft,
                                              DeclicRuleSet        *rule_set,
                                              const GDate          *today);
void         declic_deadline_free            (DeclicDeadline       *deadline);
DeclicDeadlineStatus declic_deadline_status_for (int                days_left,
                                              guint                 soon_days);

const char  *declic_deadline_status_get_id   (DeclicDeadlineStatus  status);  /* "ok", "soon", "passed" */
const char  *declic_deadline_status_get_label (DeclicDeadlineStatus status);  /* translated */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeclicDeadline, declic_deadline_free)

G_END_DECLS
