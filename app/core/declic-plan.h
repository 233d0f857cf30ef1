/* declic-plan.h: how a draft's estimate, streams and fileability change over the coming months.
 *
 * A plan is the check of declic-check.h run again, as if the DI were filed on each date of the
 * plan: the first of each month for the next months, and each date where something changes
 * (a birthday, a result's 2nd anniversary, a deadline). Nothing is forecast beyond what the
 * draft's own dates say: ages grow, ongoing periods accrue months, results expire, deadlines
 * pass. What-ifs change a copy of the draft, never the draft.
 *
 * Every figure keeps the labels of the check it comes from: the points are an estimate from a
 * derived grid, with its id and version.
 */
#pragma once

#include <glib.h>

#include "declic-check.h"
#include "declic-what-if.h"

G_BEGIN_DECLS

typedef struct
{
  GDate        date;
  DeclicCheck *check;    /* as if filed on @date, with today = @date */
  GPtrArray   *events;   /* char *, translated: what changed since the previous date */
} DeclicPlanPoint;

typedef struct
{
  DeclicWhatIf what_if;
  char        *label;    /* translated */
  int          delta;    /* points added (or removed) at its date, against the plan without it */
  GDate        at;       /* the date the delta is measured at */
} DeclicPlanWhatIfEffect;

typedef struct
{
  GDate      today;
  guint      months;
  GPtrArray *points;          /* DeclicPlanPoint, by date, the first one today */
  GPtrArray *effects;         /* DeclicPlanWhatIfEffect, one per what-if asked for */
  int        best_score;      /* -1 when no date is fileable with every result valid */
  GDate      best_from;       /* the first date the best score is reached, and the last one of */
  GDate      best_until;      /* that first run of dates */
  GDate      stream_met_from[4];   /* the first date each stream is met, cleared when never */
  gboolean   only_down;       /* the estimate never rises, and falls, over the plan */
  double     loss_per_month;  /* when only_down: the average loss in points per month */
} DeclicPlan;

GArray     *declic_plan_suggest_what_ifs (DeclicDraft         *draft,
                                       const GDate             *today);
int         declic_plan_what_if_delta (DeclicDraft             *draft,
                                       const DeclicWhatIf      *what_if,
                                       const GDate             *today,
                                       DeclicValidateContext   *context,
                                       GDate                   *at);
DeclicPlan *declic_plan_compute       (DeclicDraft             *draft,
                                       const GDate             *today,
                                       guint                    months,
                                       const DeclicWhatIf      *what_ifs,
                                       guint                    n_what_ifs,
                                       DeclicValidateContext   *context);
void        declic_plan_free          (DeclicPlan              *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeclicPlan, declic_plan_free)

G_END_DECLS
