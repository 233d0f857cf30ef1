/* declic-check.h: everything Déclic works out about one draft at one date, in one place.
 *
 * The command line, the wizard's pages and the workspace list all ask this module, so they
 * agree on the rule set used, the findings, the streams, the score and the deadlines.
 */
#pragma once

#include <glib.h>

#include "declic-deadlines.h"
#include "declic-draft.h"
#include "declic-draft-life.h"
#include "declic-eligibility.h"
#include "declic-points.h"
#include "declic-profile.h"
#include "declic-rules.h"
#include "declic-validate.h"

G_BEGIN_DECLS

typedef struct
{
  GDate              today;        /* what days left count from */
  GDate              reference;    /* when the DI would be filed: ages, windows, validity */
  DeclicRuleSet     *rule_set;     /* used (owned by the rules), or NULL when none applies */
  DeclicRuleSet     *in_force;     /* in force at the reference date, or NULL */
  const char        *recorded;     /* the draft's "rule_set_id", or NULL (owned by the draft) */
  GPtrArray         *findings;     /* DeclicFinding */
  gboolean           fileable;
  DeclicDiStage      stage;      /* where the DI is in Arrima: a draft, filed, invited… */
  DeclicProfile     *profile;      /* NULL without a rule set */
  DeclicEligibility *eligibility;  /* NULL when the rule set has no streams */
  DeclicPoints      *points;       /* NULL when the rule set has no grid */
  GPtrArray         *deadlines;    /* DeclicDeadline, soonest first; empty without a rule set */
} DeclicCheck;

DeclicRuleSet *declic_check_choose_rule_set (DeclicRules           *rules,
                                             DeclicDraft           *draft,
                                             const GDate           *reference,
                                             DeclicRuleSet        **in_force);
DeclicCheck   *declic_check_run             (DeclicDraft           *draft,
                                             const GDate           *today,
                                             DeclicRuleSet         *forced_rule_set,
                                             DeclicValidateContext *context);
/* Adds what @draft (the draft @check is of) and its linked spouse's draft @spouse declare
 * differently about each other (declic-spouse-link.h), and whether the DI can be filed then.
 * With @spouse %NULL, @spouse_id names a linked draft that is not found. */
void           declic_check_add_spouse      (DeclicCheck           *check,
                                             DeclicDraft           *draft,
                                             DeclicDraft           *spouse,
                                             const char            *spouse_id);
void           declic_check_free            (DeclicCheck           *check);
DeclicDeadline *declic_check_get_next_deadline (DeclicCheck        *check);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeclicCheck, declic_check_free)

G_END_DECLS
