/* declic-draft-values.h: every value of a draft as a person reads it, in the form's order.
 *
 * The printed summary and the Arrima entry companion both show a draft's values section by
 * section, with their labels, countries and NOC codes by name and dates written out: this is
 * the one walk of the field table that does it. Each value keeps its path and the stored
 * value's JSON text, so that a mark set on it ("entered in Arrima") can tell when it changed.
 */
#pragma once

#include "declic-draft.h"
#include "declic-draft-fields.h"

G_BEGIN_DECLS

typedef struct
{
  DeclicSection  section;
  char          *heading;      /* the repeated item it belongs to, "Diploma 1"; NULL when none */
  char          *label;        /* the field's label, translated */
  char          *text;         /* the value as a person reads it */
  char          *typed;        /* what to type in Arrima: the text, or the code where a form
                                * asks for one (a NOC code, not its title; an ISO date) */
  char          *path;         /* where it is stored, "education[0].title" */
  char          *fingerprint;  /* the stored value as JSON text */
} DeclicDraftValue;

void       declic_draft_value_free  (DeclicDraftValue *value);

GPtrArray *declic_draft_values_list (DeclicDraft *draft,
                                     const char  *lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeclicDraftValue, declic_draft_value_free)

G_END_DECLS
