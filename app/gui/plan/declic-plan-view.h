/* declic-plan-view.h: the wizard's Plan page: how the draft's estimate, streams and fileability
 * change over the next 36 months (declic-plan.h), what single change would add the most, and
 * recent rounds' cut-offs. The plan is worked out on a worker thread, on a copy of the draft. */
#pragma once

#include <adwaita.h>

#include "declic-draft.h"
#include "declic-validate.h"

G_BEGIN_DECLS

#define DECLIC_PLAN_VIEW_MONTHS 36

#define DECLIC_TYPE_PLAN_VIEW (declic_plan_view_get_type ())
G_DECLARE_FINAL_TYPE (DeclicPlanView, declic_plan_view, DECLIC, PLAN_VIEW, GtkBox)

GtkWidget *declic_plan_view_new       (DeclicDraft           *draft,
                                       DeclicValidateContext *context);
/* TRUE once the plan is shown (for tests). */
gboolean   declic_plan_view_is_ready  (DeclicPlanView        *self);

G_END_DECLS
