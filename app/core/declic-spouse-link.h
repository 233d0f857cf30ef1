/* declic-spouse-link.h: two drafts of one workspace linked as spouses, checked against each other.
 *
 * A spouse aged 18 or more may file their own DI (DI.md §3.1). A representative who prepares
 * both links the two drafts (declic-spouse-links.h keeps the link); the two must then tell the
 * same story. What one draft declares about the spouse in its "family.spouse" block (names, date
 * of birth, education level, French and English results, DI number) is compared with what the
 * spouse's own draft declares about themself, in both directions, and what both declare about
 * the family (marital status, union date, children) is compared as well.
 *
 * Values are compared as the DI means them: names without regard to case, accents or spaces;
 * dates as dates; children as a set of (given names, date of birth); language results as a set
 * of (test, date of the results) with the levels, or the scores, given for each skill; the
 * education level against the spouse's highest diploma that counts (declic-profile.h's rule). A
 * value left empty on either side is not compared: validation reports missing values.
 *
 * Each disagreement is one error finding on each draft ("spouse_link.<what>.differs"), on the
 * field of that draft, naming the other draft and both values.
 */
#pragma once

#include <glib.h>

#include "declic-draft.h"
#include "declic-finding.h"

G_BEGIN_DECLS

/* Adds to @findings the disagreements between @draft and its linked spouse's draft @spouse, as
 * findings on @draft. Call again with the two swapped for @spouse's findings. @today: for the
 * reference date of @spouse's education (the clock's when %NULL). */
void      declic_spouse_link_compare       (DeclicDraft  *draft,
                                            DeclicDraft  *spouse,
                                            const GDate  *today,
                                            GPtrArray    *findings);
/* What the check, the wizard and the list add for @draft, linked to @spouse_id: the
 * disagreements with @spouse, or that the spouse's draft (%NULL) is not found. */
void      declic_spouse_link_add_findings  (GPtrArray    *findings,
                                            DeclicDraft  *draft,
                                            DeclicDraft  *spouse,
                                            const char   *spouse_id,
                                            const GDate  *today);
/* Adds to @findings (of a draft linked to @spouse_id) that the spouse's draft is not found. */
void      declic_spouse_link_add_missing   (GPtrArray    *findings,
                                            const char   *spouse_id);
/* Whether @finding comes from the comparison of linked spouses. */
gboolean  declic_spouse_link_is_finding    (DeclicFinding *finding);

/* "marie tremblay": @name folded for comparison (case, accents, runs of spaces). */
char     *declic_spouse_link_fold_name     (const char   *name);

G_END_DECLS
