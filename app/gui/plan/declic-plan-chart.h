/* declic-plan-chart.h: the estimate over the months of a plan, drawn, and walked with the keys.
 *
 * Left and Right (Home, End) move from date to date; the chosen date's figures are the chart's
 * accessible description, so a screen reader reads what the eye sees. The page beside it has
 * the same figures as text. */
#pragma once

#include <gtk/gtk.h>

#include "declic-plan.h"

G_BEGIN_DECLS

#define DECLIC_TYPE_PLAN_CHART (declic_plan_chart_get_type ())
G_DECLARE_FINAL_TYPE (DeclicPlanChart, declic_plan_chart, DECLIC, PLAN_CHART, GtkWidget)

GtkWidget *declic_plan_chart_new          (void);
/* @plan is read, not kept. @cutoffs: the lowest scores of recent rounds, drawn as lines. */
void       declic_plan_chart_set_plan     (DeclicPlanChart *self,
                                           DeclicPlan      *plan,
                                           const int       *cutoffs,
                                           guint            n_cutoffs);
guint      declic_plan_chart_get_selected (DeclicPlanChart *self);
void       declic_plan_chart_select       (DeclicPlanChart *self,
                                           guint            index);
/* What the chart says of the chosen date, translated. */
const char *declic_plan_chart_get_description (DeclicPlanChart *self);

G_END_DECLS
