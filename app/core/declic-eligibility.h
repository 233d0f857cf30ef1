/* declic-eligibility.h: which PSTQ streams a profile meets, and why not.
 *
 * The streams and their conditions come from the rule set's "streams" group (DI.md §4, a
 * [secondary] source). For every stream not met, each unmet condition is a DeclicFinding with a
 * stable code ("eligibility.stream1.french_oral") and a message that gives the values: "Oral
 * French level 6 is below the 7 required for stream 1." Eligibility never blocks filing a DI:
 * the reasons are warnings.
 */
#pragma once

#include <glib.h>

#include "declic-profile.h"
#include "declic-rules.h"

G_BEGIN_DECLS

typedef struct
{
  char      *id;        /* "stream1" */
  int        number;
  char      *title;     /* in the UI's language */
  gboolean   met;
  gboolean   certain;   /* FALSE when part of the conditions is set per invitation round */
  GPtrArray *reasons;   /* DeclicFinding: the conditions not met */
  GPtrArray *notes;     /* DeclicFinding: information about how it was decided */
} DeclicStreamEligibility;

typedef struct
{
  char             *rule_set_id;
  DeclicRuleStatus  status;   /* of the streams' figures */
  GPtrArray        *streams;  /* DeclicStreamEligibility */
} DeclicEligibility;

DeclicEligibility       *declic_eligibility_evaluate   (DeclicProfile     *profile,
                                                        DeclicRuleSet     *rule_set);
void                     declic_eligibility_free       (DeclicEligibility *eligibility);
DeclicStreamEligibility *declic_eligibility_get_stream (DeclicEligibility *eligibility,
                                                        const char        *id);
guint                    declic_eligibility_count_met  (DeclicEligibility *eligibility);
/* "conditions met", "not met" or "met, to be confirmed", translated, for a report or a page. */
const char              *declic_stream_eligibility_get_verdict (DeclicStreamEligibility *stream);
char                    *declic_eligibility_dup_met_numbers    (DeclicEligibility       *eligibility);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeclicEligibility, declic_eligibility_free)

G_END_DECLS
