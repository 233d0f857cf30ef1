/* declic-draft-life.h: what happened to a DI once filed in Arrima (schema 1.1, "after_filing").
 *
 * The events are the draft's own fields: filed (filing_date, after_filing.di_number), updated
 * after filing, invited (invitation_date), the invitation declined or answered by filing the
 * selection application (after_filing.invitation_outcome, application_date), the DI expired or
 * withdrawn (after_filing.end). The stage follows them; the deadlines (declic-deadlines.h)
 * follow them too.
 *
 * Filing records a snapshot of the values as filed (after_filing.filed_values, one path and
 * value per field): changing a filed DI's answers means Arrima must be updated too, and
 * declic_draft_life_list_changed () says which values differ from what was filed.
 */
#pragma once

#include <glib.h>

#include "declic-draft.h"

G_BEGIN_DECLS

typedef enum
{
  DECLIC_DI_STAGE_DRAFT,              /* not filed yet */
  DECLIC_DI_STAGE_FILED,
  DECLIC_DI_STAGE_INVITED,
  DECLIC_DI_STAGE_INVITATION_DECLINED,
  DECLIC_DI_STAGE_APPLICATION_FILED,
  DECLIC_DI_STAGE_EXPIRED,
  DECLIC_DI_STAGE_WITHDRAWN,
} DeclicDiStage;

DeclicDiStage declic_draft_life_get_stage        (DeclicDraft   *draft);
const char   *declic_di_stage_get_id             (DeclicDiStage  stage);   /* "draft", "filed", ... */
const char   *declic_di_stage_get_label          (DeclicDiStage  stage);   /* translated */

/* Sets filing_date and the DI number, and keeps the values as filed. */
void          declic_draft_life_record_filing    (DeclicDraft   *draft,
                                                  const GDate   *date,
                                                  const char    *di_number);
/* Keeps the current values as what Arrima holds (after updating the DI there). */
void          declic_draft_life_record_update    (DeclicDraft   *draft,
                                                  const GDate   *date);
/* (element-type utf8): the paths whose value differs from the filed one, sorted; empty when
 * the draft was never filed or nothing changed. */
GPtrArray    *declic_draft_life_list_changed     (DeclicDraft   *draft);
/* Adds the warning that Arrima must be updated too, when a filed DI's answers changed. */
void          declic_draft_life_add_findings     (DeclicDraft   *draft,
                                                  GPtrArray     *findings);

G_END_DECLS
