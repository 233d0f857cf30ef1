/* declic-validate.h: checking every section of a draft before it is typed into Arrima.
 *
 * declic_validate_draft () walks a draft once and returns its findings (declic-finding.h):
 * required fields, formats (dates, e-mail, phone, countries, provinces, postal codes, NOC
 * codes), coherence between fields and the filing rules of DI.md §3 (ages, de facto union,
 * diplomas that count, full-time work, 5-year history, language result validity). Where DI.md
 * marks a fact [unknown] the finding is a warning that says so, never an error.
 *
 * Errors block filing; warnings should be looked at; information notes explain how a value will
 * be read (full-time or part-time, a level entered by hand).
 *
 * The GUI re-checks on every keystroke: a check walks the json-c tree directly and builds
 * paths and messages only for what it reports, well under a millisecond for a full draft
 * (tests/benchmarks/bench-validate.c).
 *
 * Dates are judged at the reference date: the draft's planned filing date when it has not
 * passed, else today (declic_draft_get_reference_date ()). A planned filing date in the past
 * is a warning of its own.
 */
#pragma once

#include <glib.h>

#include "declic-countries.h"
#include "declic-draft.h"
#include "declic-finding.h"
#include "declic-language-tables.h"
#include "declic-noc.h"

G_BEGIN_DECLS

/* Full-time work starts at this many hours a week [official, DI.md §3.3]. */
#define DECLIC_VALIDATE_FULL_TIME_HOURS 30.0
/* The work history must cover this many years before the reference date [official]. */
#define DECLIC_VALIDATE_HISTORY_YEARS   5
/* Gaps in the work history up to this many days are not reported: changing jobs takes a few
 * days or weeks, and MIFI's exact no-gap rule is [unknown] (DI.md §3.3). */
#define DECLIC_VALIDATE_GAP_TOLERANCE_DAYS 31
/* Language results are valid this many years from the results date [official, DI.md §3.4]. */
#define DECLIC_VALIDATE_LANGUAGE_VALIDITY_YEARS 2

typedef enum
{
  DECLIC_SECTION_STATE_EMPTY,       /* no field of the section is set */
  DECLIC_SECTION_STATE_INCOMPLETE,  /* at least one error */
  DECLIC_SECTION_STATE_COMPLETE,    /* no error (warnings allowed) */
} DeclicSectionState;

/* What the checks may look things up in. All optional: without the NOC list a code's form and
 * TEER digit are checked and an information finding says the list was not found; without the
 * countries a code's form is checked; without the language tables a built-in list says which
 * test assesses which language and which has a score table, and levels typed next to a score
 * are not compared with the table. */
typedef struct _DeclicValidateContext DeclicValidateContext;

#define DECLIC_TYPE_VALIDATE_CONTEXT (declic_validate_context_get_type ())
GType                  declic_validate_context_get_type    (void) G_GNUC_CONST;
DeclicValidateContext *declic_validate_context_new         (DeclicNoc             *noc,
                                                            DeclicCountries       *countries);
DeclicValidateContext *declic_validate_context_new_default (void);
DeclicValidateContext *declic_validate_context_ref         (DeclicValidateContext *self);
void                   declic_validate_context_unref       (DeclicValidateContext *self);
DeclicNoc             *declic_validate_context_get_noc     (DeclicValidateContext *self);
DeclicCountries       *declic_validate_context_get_countries (DeclicValidateContext *self);
void                   declic_validate_context_set_language_tables (DeclicValidateContext *self,
                                                            DeclicLanguageTables  *tables);
DeclicLanguageTables  *declic_validate_context_get_language_tables (DeclicValidateContext *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeclicValidateContext, declic_validate_context_unref)

GPtrArray          *declic_validate_draft             (DeclicDraft           *draft,
                                                       const GDate           *today,
                                                       DeclicValidateContext *ctx);

gboolean            declic_validate_section_is_empty  (DeclicDraft           *draft,
                                                       DeclicSection          section);
gboolean            declic_validate_section_is_required (DeclicSection        section);
DeclicSectionState  declic_validate_section_state     (GPtrArray             *findings,
                                                       DeclicSection          section,
                                                       guint                 *n_errors);
gboolean            declic_validate_can_file          (GPtrArray             *findings,
                                                       DeclicDraft           *draft);

G_END_DECLS
