/* declic-what-if.h: a change a plan may assume, without changing the draft.
 *
 * A what-if is written one way on the command line ("level:speaking:9:2027-03-01") and chosen
 * another way in the window (a kind, a skill, a level, a date): both end here, in one struct
 * checked by one function, so that the two cannot accept different things.
 */
#pragma once

#include <glib.h>

#include "declic-profile.h"

G_BEGIN_DECLS

#define DECLIC_WHAT_IF_ERROR (declic_what_if_error_quark ())

typedef enum
{
  DECLIC_WHAT_IF_ERROR_INVALID,
} DeclicWhatIfError;

typedef enum
{
  DECLIC_WHAT_IF_LEVEL,              /* a new French result: @skill at @level on @date */
  DECLIC_WHAT_IF_JOB_CONTINUES,      /* the most recent job goes on (no end date) */
  DECLIC_WHAT_IF_JOB_ENDS,           /* the most recent job ends on @date */
  DECLIC_WHAT_IF_OUTSIDE_CMM,        /* living outside the CMM from @date */
  DECLIC_WHAT_IF_OFFER_INSIDE_CMM,   /* a validated job offer inside the CMM */
  DECLIC_WHAT_IF_OFFER_OUTSIDE_CMM,  /* a validated job offer outside the CMM */
  DECLIC_N_WHAT_IF_KINDS
} DeclicWhatIfKind;

#define DECLIC_WHAT_IF_MIN_LEVEL 1
#define DECLIC_WHAT_IF_MAX_LEVEL 12

typedef struct
{
  DeclicWhatIfKind kind;
  GDate            date;    /* cleared when the what-if has none: from today */
  DeclicSkill      skill;
  int              level;
} DeclicWhatIf;

GQuark      declic_what_if_error_quark     (void);

/* What a kind of what-if is made of: a level and skill, a date (optional or needed). */
const char *declic_what_if_kind_get_label  (DeclicWhatIfKind    kind);
gboolean    declic_what_if_kind_takes_level (DeclicWhatIfKind   kind);
gboolean    declic_what_if_kind_takes_date (DeclicWhatIfKind    kind);
gboolean    declic_what_if_kind_needs_date (DeclicWhatIfKind    kind);

gboolean    declic_what_if_validate        (const DeclicWhatIf *what_if,
                                            GError            **error);
gboolean    declic_what_if_parse           (const char         *spec,
                                            DeclicWhatIf       *what_if,
                                            GError            **error);
char       *declic_what_if_describe        (const DeclicWhatIf *what_if);
gboolean    declic_what_if_equal           (const DeclicWhatIf *a,
                                            const DeclicWhatIf *b);

G_END_DECLS
