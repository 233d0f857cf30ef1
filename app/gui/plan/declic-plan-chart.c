/* declic-plan-chart.c: the estimate over the months of a plan (see the header). */
#define G_LOG_DOMAIN "declic-plan-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-plan-chart.h"
#include "declic-format.h"
#include "declic-utils.h"

typedef struct
{
  GDate    date;
  int      total;
  gboolean fileable;
} ChartPoint;

struct _DeclicPlanChart
{
  GtkWidget  parent_instance;

  GArray    *points;    /* ChartPoint */
  GArray    *cutoffs;   /* int */
  guint      selected;
  char      *description;
};

G_DEFINE_FINAL_TYPE (DeclicPlanChart, declic_plan_chart, GTK_TYPE_WIDGET)

#define MARGIN 24.0
#define LEFT 56.0     /* room for the points scale */
#define BOTTOM 32.0   /* room for the years */

static void
describe_selected (DeclicPlanChart *self)
{
  g_clear_pointer (&self->description, g_free);
  if (self->points->len > 0)
    {
      ChartPoint *p = &g_array_index (self->points, ChartPoint, self->selected);
      g_autofree char *date = declic_format_date_long (&p->date, NULL);
      g_autofree char *total = declic_format_integer (p->total, NULL);

      /* TRANSLATORS: the chart's chosen date: "2027-03-01: 498 points (estimate), can be filed" */
      self->description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s point (estimate), %s",
                                                        "%s: %s points (estimate), %s", (gulong) MAX (p->total, 0)),
                                           date, total,
                                           p->fileable ? _("can be filed") : _("cannot be filed as it is"));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description != NULL ? self->description : "", -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->description);
}

static void
range_of (DeclicPlanChart *self,
          int             *low,
          int             *high)
{
  *low = G_MAXINT;
  *high = 0;
  for (guint i = 0; i < self->points->len; i++)
    {
      int total = g_array_index (self->points, ChartPoint, i).total;
      *low = MIN (*low, total);
      *high = MAX (*high, total);
    }
  for (guint i = 0; i < self->cutoffs->len; i++)
    {
      int cutoff = g_array_index (self->cutoffs, int, i);
      *low = MIN (*low, cutoff);
      *high = MAX (*high, cutoff);
    }
  if (*low == G_MAXINT)
    *low = 0;
  /* Some room above and below, in steps of 50 points. */
  *low = MAX (0, (*low / 50) * 50 - 50);
  *high = (*high / 50) * 50 + 50;
}

/* The two scales a reader needs to read a point: points on the left, every 100 (50 when the
 * range is small), and each new year along the bottom. */
static void
draw_scales (DeclicPlanChart *self,
             cairo_t         *cr,
             const GdkRGBA   *color,
             double           width,
             double           height,
             int              low,
             int              high,
             double           julian0,
             double           span)
{
  int step = high - low > 300 ? 100 : 50;
  GDate first, last, year_start;

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  for (int v = ((low + step - 1) / step) * step; v <= high; v += step)
    {
      double y = height - BOTTOM - ((double) v - low) / MAX (1, high - low) * (height - BOTTOM - MARGIN / 2);
      g_autofree char *text = g_strdup_printf ("%d", v);
      PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      int text_width, text_height;

      cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.12);
      cairo_move_to (cr, LEFT, y);
      cairo_line_to (cr, width - MARGIN, y);
      cairo_stroke (cr);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.7);
      cairo_move_to (cr, LEFT - 8 - text_width, y - text_height / 2.0);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
    }

  first = g_array_index (self->points, ChartPoint, 0).date;
  last = g_array_index (self->points, ChartPoint, self->points->len - 1).date;
  for (GDateYear year = g_date_get_year (&first) + 1; year <= g_date_get_year (&last); year++)
    {
      g_autofree char *text = g_strdup_printf ("%u", (guint) year);
      PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      double x;
      int text_width, text_height;

      g_date_clear (&year_start, 1);
      g_date_set_dmy (&year_start, 1, G_DATE_JANUARY, year);
      x = LEFT + ((double) g_date_get_julian (&year_start) - julian0) / span * (width - LEFT - MARGIN);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.25);
      cairo_move_to (cr, x, MARGIN / 2);
      cairo_line_to (cr, x, height - BOTTOM + 4);
      cairo_stroke (cr);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.7);
      cairo_move_to (cr, x - text_width / 2.0, height - BOTTOM + 8);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
    }
  cairo_restore (cr);
}

static void
declic_plan_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  DeclicPlanChart *self = DECLIC_PLAN_CHART (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr;
  GdkRGBA color;
  double julian0, span, x, y;
  int low, high;

  if (self->points->len == 0 || width <= LEFT + MARGIN || height <= BOTTOM + MARGIN)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* GTK 4.8 has no gtk_widget_get_color (). */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  range_of (self, &low, &high);
  julian0 = g_date_get_julian (&g_array_index (self->points, ChartPoint, 0).date);
  span = MAX (1.0, g_date_get_julian (&g_array_index (self->points, ChartPoint, self->points->len - 1).date) - julian0);

#define X_AT(julian) (LEFT + ((double) (julian) - julian0) / span * (width - LEFT - MARGIN))
#define X_OF(p) X_AT (g_date_get_julian (&(p)->date))
#define Y_OF(v) (height - BOTTOM - ((double) (v) - low) / MAX (1, high - low) * (height - BOTTOM - MARGIN / 2))

  draw_scales (self, cr, &color, width, height, low, high, julian0, span);

  /* Recent rounds' cut-offs: dashed, faint; a comparison, not a target. */
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.35);
  cairo_set_dash (cr, (double[]) { 4, 4 }, 2, 0);
  for (guint i = 0; i < self->cutoffs->len; i++)
    {
      y = Y_OF (g_array_index (self->cutoffs, int, i));
      cairo_move_to (cr, LEFT, y);
      cairo_line_to (cr, width - MARGIN, y);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  /* The estimate, as steps: it holds until the next date of the plan. */
  cairo_set_line_width (cr, 2);
  cairo_set_source_rgba (cr, 0.11, 0.44, 0.85, 1);
  for (guint i = 0; i < self->points->len; i++)
    {
      ChartPoint *p = &g_array_index (self->points, ChartPoint, i);
      x = X_OF (p);
      y = Y_OF (p->total);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        {
          double previous_y = Y_OF (g_array_index (self->points, ChartPoint, i - 1).total);
          cairo_line_to (cr, x, previous_y);
          cairo_line_to (cr, x, y);
        }
    }
  cairo_stroke (cr);

  /* A filled dot where the DI can be filed, a ring where it cannot. */
  for (guint i = 0; i < self->points->len; i++)
    {
      ChartPoint *p = &g_array_index (self->points, ChartPoint, i);
      cairo_arc (cr, X_OF (p), Y_OF (p->total), i == self->selected ? 6 : 3, 0, 2 * G_PI);
      if (p->fileable)
        cairo_fill (cr);
      else
        cairo_stroke (cr);
    }

  if (gtk_widget_has_focus (widget))
    {
      ChartPoint *p = &g_array_index (self->points, ChartPoint, self->selected);
      cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.6);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, X_OF (p), MARGIN / 4);
      cairo_line_to (cr, X_OF (p), height - BOTTOM);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
#undef X_AT
#undef X_OF
#undef Y_OF
}

static void
declic_plan_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 220;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                DeclicPlanChart       *self)
{
  guint n = self->points->len;

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      declic_plan_chart_select (self, self->selected > 0 ? self->selected - 1 : 0);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      declic_plan_chart_select (self, MIN (self->selected + 1, n - 1));
      return TRUE;
    case GDK_KEY_Home:
      declic_plan_chart_select (self, 0);
      return TRUE;
    case GDK_KEY_End:
      declic_plan_chart_select (self, n - 1);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            DeclicPlanChart *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  guint best = 0;
  double best_distance = G_MAXDOUBLE;
  double julian0, span;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->points->len == 0)
    return;
  julian0 = g_date_get_julian (&g_array_index (self->points, ChartPoint, 0).date);
  span = MAX (1.0, g_date_get_julian (&g_array_index (self->points, ChartPoint, self->points->len - 1).date) - julian0);
  for (guint i = 0; i < self->points->len; i++)
    {
      double px = MARGIN + (g_date_get_julian (&g_array_index (self->points, ChartPoint, i).date) - julian0)
                           / span * (width - 2 * MARGIN);
      if (ABS (px - x) < best_distance)
        {
          best_distance = ABS (px - x);
          best = i;
        }
    }
  declic_plan_chart_select (self, best);
}

static void
declic_plan_chart_finalize (GObject *object)
{
  DeclicPlanChart *self = DECLIC_PLAN_CHART (object);

  g_array_unref (self->points);
  g_array_unref (self->cutoffs);
  g_free (self->description);
  G_OBJECT_CLASS (declic_plan_chart_parent_class)->finalize (object);
}

static void
declic_plan_chart_class_init (DeclicPlanChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = declic_plan_chart_finalize;
  widget_class->snapshot = declic_plan_chart_snapshot;
  widget_class->measure = declic_plan_chart_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "plan-chart");
}

static void
declic_plan_chart_init (DeclicPlanChart *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->points = g_array_new (FALSE, FALSE, sizeof (ChartPoint));
  self->cutoffs = g_array_new (FALSE, FALSE, sizeof (int));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Estimated score over the plan’s dates; Left and Right move from date to date"), -1);
}

GtkWidget *
declic_plan_chart_new (void)
{
  return g_object_new (DECLIC_TYPE_PLAN_CHART, NULL);
}

void
declic_plan_chart_set_plan (DeclicPlanChart *self,
                            DeclicPlan      *plan,
                            const int       *cutoffs,
                            guint            n_cutoffs)
{
  g_return_if_fail (DECLIC_IS_PLAN_CHART (self));

  g_array_set_size (self->points, 0);
  g_array_set_size (self->cutoffs, 0);
  for (guint i = 0; plan != NULL && i < plan->points->len; i++)
    {
      DeclicPlanPoint *point = g_ptr_array_index (plan->points, i);
      ChartPoint p = { point->date, point->check->points != NULL ? point->check->points->total : 0,
                       point->check->fileable };
      g_array_append_val (self->points, p);
    }
  if (cutoffs != NULL)
    g_array_append_vals (self->cutoffs, cutoffs, n_cutoffs);
  self->selected = 0;
  describe_selected (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
declic_plan_chart_get_selected (DeclicPlanChart *self)
{
  g_return_val_if_fail (DECLIC_IS_PLAN_CHART (self), 0);
  return self->selected;
}

void
declic_plan_chart_select (DeclicPlanChart *self,
                          guint            index)
{
  g_return_if_fail (DECLIC_IS_PLAN_CHART (self));

  if (self->points->len == 0)
    return;
  index = MIN (index, self->points->len - 1);
  if (index == self->selected && self->description != NULL)
    return;
  self->selected = index;
  describe_selected (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
declic_plan_chart_get_description (DeclicPlanChart *self)
{
  g_return_val_if_fail (DECLIC_IS_PLAN_CHART (self), NULL);
  return self->description;
}
