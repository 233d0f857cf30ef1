/* declic-draft-row.c: one draft in the workspace list: title, last change, completeness. */
#define G_LOG_DOMAIN "declic-draft-row"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-draft-row.h"
#include "declic-clock.h"
#include "declic-finding.h"
#include "declic-format.h"
#include "declic-utils.h"

struct _DeclicDraftRow
{
  GtkWidget           parent_instance;

  GtkLabel           *title_label;
  GtkImage           *state_icon;
  GtkLabel           *glance_label;

  DeclicDraftSummary *summary;
  char               *state_text;   /* "Complete", "2 errors", the load error */
  char               *tooltip;      /* everything: name, state, glance, last change */
};

G_DEFINE_FINAL_TYPE (DeclicDraftRow, declic_draft_row, GTK_TYPE_WIDGET)

static void update_line (DeclicDraftRow     *self,
                         DeclicDraftSummary *summary,
                         GDateTime          *now,
                         const char         *updated);

static void
declic_draft_row_dispose (GObject *object)
{
  DeclicDraftRow *self = DECLIC_DRAFT_ROW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->summary);
  g_clear_pointer (&self->state_text, g_free);

  G_OBJECT_CLASS (declic_draft_row_parent_class)->dispose (object);
}

#define LINE_SPACING 1   /* between the name and the second line */
#define ICON_SPACING 4   /* between the state icon and the second line's text */

/* The row lays out its three children itself, the name above the icon and the second line:
 * a box for the lines and another for the icon and its text were two widgets more in each of
 * the ~200 rows GTK 4.8's list view makes again for each filter change. */
static void
measure_child (GtkWidget      *child,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural)
{
  *minimum = *natural = 0;
  if (gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
declic_draft_row_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  DeclicDraftRow *self = DECLIC_DRAFT_ROW (widget);
  int title_min, title_nat, icon_min, icon_nat, glance_min, glance_nat;
  gboolean icon = gtk_widget_should_layout (GTK_WIDGET (self->state_icon));

  /* Single-line, ellipsized labels: their height does not depend on the width given. */
  measure_child (GTK_WIDGET (self->title_label), orientation, -1, &title_min, &title_nat);
  measure_child (GTK_WIDGET (self->state_icon), orientation, -1, &icon_min, &icon_nat);
  measure_child (GTK_WIDGET (self->glance_label), orientation, -1, &glance_min, &glance_nat);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int spacing = icon ? ICON_SPACING : 0;

      *minimum = MAX (title_min, icon_min + spacing + glance_min);
      *natural = MAX (title_nat, icon_nat + spacing + glance_nat);
    }
  else
    {
      *minimum = title_min + LINE_SPACING + MAX (icon_min, glance_min);
      *natural = title_nat + LINE_SPACING + MAX (icon_nat, glance_nat);
    }
}

static void
declic_draft_row_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  DeclicDraftRow *self = DECLIC_DRAFT_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int title_h, line_h, icon_w = 0, icon_h = 0, unused, x = 0;
  GtkAllocation area;

  measure_child (GTK_WIDGET (self->title_label), GTK_ORIENTATION_VERTICAL, -1, &unused, &title_h);
  measure_child (GTK_WIDGET (self->glance_label), GTK_ORIENTATION_VERTICAL, -1, &unused, &line_h);
  title_h = MIN (title_h, height);
  area = (GtkAllocation) { 0, 0, width, title_h };
  gtk_widget_size_allocate (GTK_WIDGET (self->title_label), &area, -1);

  if (gtk_widget_should_layout (GTK_WIDGET (self->state_icon)))
    {
      measure_child (GTK_WIDGET (self->state_icon), GTK_ORIENTATION_HORIZONTAL, -1, &unused, &icon_w);
      measure_child (GTK_WIDGET (self->state_icon), GTK_ORIENTATION_VERTICAL, -1, &unused, &icon_h);
      line_h = MAX (line_h, icon_h);
      area = (GtkAllocation) { rtl ? width - icon_w : 0, title_h + LINE_SPACING + (line_h - icon_h) / 2, icon_w, icon_h };
      gtk_widget_size_allocate (GTK_WIDGET (self->state_icon), &area, -1);
      x = icon_w + ICON_SPACING;
    }
  if (gtk_widget_should_layout (GTK_WIDGET (self->glance_label)))
    {
      area = (GtkAllocation) { rtl ? 0 : x, title_h + LINE_SPACING, MAX (width - x, 0),
                               MAX (height - title_h - LINE_SPACING, 0) };
      gtk_widget_size_allocate (GTK_WIDGET (self->glance_label), &area, -1);
    }
}

/* The tooltip is given when it is asked for: gtk_widget_set_tooltip_text () on each bind looked
 * for the widget under the pointer and parsed markup, 15 % of a filter change on 10,000 drafts
 * (GTK 4.8 binds ~200 rows again for each). */
static gboolean
declic_draft_row_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_mode,
                                GtkTooltip *tooltip)
{
  DeclicDraftRow *self = DECLIC_DRAFT_ROW (widget);

  if (self->tooltip == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->tooltip);
  return TRUE;
}

static void
declic_draft_row_class_init (DeclicDraftRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = declic_draft_row_dispose;
  widget_class->query_tooltip = declic_draft_row_query_tooltip;

  widget_class->measure = declic_draft_row_measure;
  widget_class->size_allocate = declic_draft_row_size_allocate;
}

static GtkLabel *
new_line_label (const char *first_class,
                const char *second_class)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_xalign (label, 0);
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (label, TRUE);
  gtk_label_set_width_chars (label, 10);
  gtk_label_set_max_width_chars (label, 32);
  gtk_widget_add_css_class (GTK_WIDGET (label), first_class);
  if (second_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), second_class);
  return label;
}

/* Two lines, each ellipsized and never wrapped, so that every row has the same height and a
 * list of thousands lays out fast: the name, then status · streams · score · deadline; the full
 * figures are in the tooltip. Built in code, not from a template: GTK 4.8's list view makes its
 * ~200 rows again whenever a filter changes the list, and parsing a template for each was most
 * of the cost of a filter change on 10,000 drafts. */
static void
declic_draft_row_init (DeclicDraftRow *self)
{
  self->title_label = new_line_label ("heading", NULL);
  gtk_widget_set_parent (GTK_WIDGET (self->title_label), GTK_WIDGET (self));

  self->state_icon = GTK_IMAGE (gtk_image_new ());
  gtk_image_set_pixel_size (self->state_icon, 12);
  gtk_widget_set_visible (GTK_WIDGET (self->state_icon), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->state_icon), GTK_WIDGET (self));

  self->glance_label = new_line_label ("caption", "dim-label");
  gtk_widget_set_parent (GTK_WIDGET (self->glance_label), GTK_WIDGET (self));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
declic_draft_row_new (void)
{
  return g_object_new (DECLIC_TYPE_DRAFT_ROW, NULL);
}

char *
declic_draft_row_format_updated (const char *iso8601,
                                 GDateTime  *now)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) today = NULL;
  GTimeSpan ago;
  gint64 days;

  if (iso8601 == NULL)
    return NULL;
  utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (utc == NULL)
    return NULL;
  local = g_date_time_to_local (utc);
  ago = g_date_time_difference (now, local);

  if (ago < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Just now"));
  if (ago < G_TIME_SPAN_HOUR)
    {
      int minutes = (int) (ago / G_TIME_SPAN_MINUTE);
      g_autofree char *text = declic_format_integer (minutes, NULL);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s minute ago", "%s minutes ago", minutes), text);
    }

  today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now), 0, 0, 0);
  if (g_date_time_compare (local, today) >= 0)
    /* Translators: a g_date_time_format () format for a time earlier today */
    return g_date_time_format (local, _("Today at %H:%M"));

  days = 1 + g_date_time_difference (today, local) / G_TIME_SPAN_DAY;
  if (days == 1)
    /* Translators: a g_date_time_format () format */
    return g_date_time_format (local, _("Yesterday at %H:%M"));
  if (days < 7)
    {
      g_autofree char *text = declic_format_integer (days, NULL);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day ago", "%s days ago", (gulong) days), text);
    }

  /* Written out in the interface language by Déclic's own formatter: g_date_time_format's
   * month names would come from the C library's locale, always "C" here. */
  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (local),
                    (GDateMonth) g_date_time_get_month (local), (GDateYear) g_date_time_get_year (local));
    return declic_format_date_long (&date, NULL);
  }
}

void
declic_draft_row_set_summary (DeclicDraftRow     *self,
                              DeclicDraftSummary *summary)
{
  g_autofree char *title = NULL;
  g_autofree char *updated = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (DECLIC_IS_DRAFT_ROW (self));

  if (!g_set_object (&self->summary, summary))
    return;
  if (summary == NULL)
    return;

  title = declic_draft_summary_dup_title (summary);
  gtk_label_set_label (self->title_label, title);

  now = declic_clock_dup_now ();
  updated = declic_draft_row_format_updated (declic_draft_summary_get_updated (summary), now);
  if (updated == NULL && declic_draft_summary_get_mtime (summary) > 0)
    {
      g_autoptr(GDateTime) mtime = g_date_time_new_from_unix_utc (declic_draft_summary_get_mtime (summary) / G_USEC_PER_SEC);
      g_autofree char *iso = mtime != NULL ? g_date_time_format_iso8601 (mtime) : NULL;
      updated = declic_draft_row_format_updated (iso, now);
    }
  if (declic_draft_summary_get_error (summary) != NULL)
    declic_draft_row_set_state (self, DECLIC_DRAFT_ROW_STATE_BROKEN, 0, 0);
  else if (declic_draft_summary_get_checked_on (summary) == NULL)
    declic_draft_row_set_state (self, DECLIC_DRAFT_ROW_STATE_UNKNOWN, 0, 0);
  else if (declic_draft_summary_get_n_errors (summary) == 0)
    declic_draft_row_set_state (self, DECLIC_DRAFT_ROW_STATE_COMPLETE, 0, 0);
  else
    declic_draft_row_set_state (self, DECLIC_DRAFT_ROW_STATE_ERRORS, declic_draft_summary_get_n_errors (summary),
                                declic_draft_summary_get_n_to_fill (summary));

  update_line (self, summary, now, updated);
}

static const char *
describe_deadline (const char *id)
{
  if (g_strcmp0 (id, "di_expiry") == 0)
    return _("DI expires");
  if (g_strcmp0 (id, "invitation_answer") == 0 || g_strcmp0 (id, "invitation_answer_stream3") == 0)
    return _("Invitation answer due");
  if (g_strcmp0 (id, "language_result") == 0)
    return _("Test results expire");
  if (g_strcmp0 (id, "arrima_draft") == 0)
    return _("Arrima draft limit");
  return _("Deadline");
}

/* What a representative scans the list for: the streams met, the estimated score and the next
 * deadline, all from the workspace index (nothing is opened to show them). */
char *
declic_draft_row_format_glance (DeclicDraftSummary *summary,
                                GDateTime          *now)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *streams = declic_draft_summary_get_streams_met (summary);
  const char *deadline_date = declic_draft_summary_get_next_deadline_date (summary);
  GDate deadline, today;

  if (declic_draft_summary_get_checked_on (summary) == NULL)
    return NULL;

  /* Linked spouses: each row names the other, first, so that the pair is seen in the list. */
  if (declic_draft_summary_get_spouse_name (summary) != NULL)
    /* Translators: on a draft's row, the draft linked to it as its spouse's */
    g_ptr_array_add (parts, g_strdup_printf (_("Spouse: %s"), declic_draft_summary_get_spouse_name (summary)));
  else if (declic_draft_summary_get_spouse_id (summary) != NULL)
    g_ptr_array_add (parts, g_strdup (_("Linked spouse’s draft not found")));

  if (streams != NULL && *streams != '\0')
    {
      g_auto(GStrv) numbers = g_strsplit (streams, ",", -1);
      g_autofree char *list = g_strjoinv (", ", numbers);
      guint n = g_strv_length (numbers);

      /* Translators: the PSTQ streams a draft meets, e.g. "Streams 1, 4" */
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Stream %s", "Streams %s", n), list));
    }
  else if (streams != NULL)
    g_ptr_array_add (parts, g_strdup (_("No stream met")));

  if (declic_draft_summary_get_score (summary) >= 0)
    /* Translators: the ranking points, always an estimate; "448 pts (est.)" */
    {
      g_autofree char *score = declic_format_integer (declic_draft_summary_get_score (summary), NULL);

      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s pt (est.)", "%s pts (est.)",
                                                            declic_draft_summary_get_score (summary)),
                                               score));
    }

  g_date_clear (&deadline, 1);
  g_date_clear (&today, 1);
  if (deadline_date != NULL && declic_utils_parse_date (deadline_date, &deadline))
    {
      int days;

      g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                      (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
      days = g_date_days_between (&today, &deadline);
      if (days >= 0)
        {
          g_autofree char *text = declic_format_integer (days, NULL);

          /* Translators: "Test results expire in 21 days" */
          g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in %s day", "%s in %s days", days),
                                                   describe_deadline (declic_draft_summary_get_next_deadline_id (summary)), text));
        }
    }

  /* A filed DI's 12 months count down on every row, even when another deadline comes first. */
  {
    const char *di_expiry = declic_draft_summary_get_di_expiry_date (summary);
    const char *next_id = declic_draft_summary_get_next_deadline_id (summary);
    GDate expiry;

    if (di_expiry != NULL && g_strcmp0 (next_id, "di_expiry") != 0 && declic_utils_parse_date (di_expiry, &expiry))
      {
        int days;

        g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                        (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
        days = g_date_days_between (&today, &expiry);
        if (days >= 0)
          {
            g_autofree char *text = declic_format_integer (days, NULL);

            /* Translators: a filed DI's validity, "DI valid 313 more days" */
            g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "DI valid %s more day", "DI valid %s more days", days),
                                                     text));
          }
      }
  }

  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* The second line: status · streams · score · next deadline, ellipsized; everything, with the
 * last change, in the tooltip. */
static void
update_line (DeclicDraftRow     *self,
             DeclicDraftSummary *summary,
             GDateTime          *now,
             const char         *updated)
{
  g_autofree char *glance = declic_draft_row_format_glance (summary, now);
  g_autofree char *line = NULL;
  g_autofree char *title = declic_draft_summary_dup_title (summary);
  g_autoptr(GString) tooltip = g_string_new (title);

  if (self->state_text != NULL && glance != NULL)
    line = g_strconcat (self->state_text, " · ", glance, NULL);
  else
    line = g_strdup (self->state_text != NULL ? self->state_text : glance);
  gtk_label_set_label (self->glance_label, line != NULL ? line : "");

  if (self->state_text != NULL)
    g_string_append_printf (tooltip, "\n%s", self->state_text);
  if (glance != NULL)
    g_string_append_printf (tooltip, "\n%s", glance);
  if (updated != NULL)
    g_string_append_printf (tooltip, "\n%s", updated);
  g_free (self->tooltip);
  self->tooltip = g_string_free (g_steal_pointer (&tooltip), FALSE);
  /* What gtk_widget_set_tooltip_text () would have told a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->tooltip, -1);
}

DeclicDraftSummary *
declic_draft_row_get_summary (DeclicDraftRow *self)
{
  g_return_val_if_fail (DECLIC_IS_DRAFT_ROW (self), NULL);

  return self->summary;
}

void
declic_draft_row_set_state (DeclicDraftRow      *self,
                            DeclicDraftRowState  state,
                            guint                n_errors,
                            guint                n_to_fill)
{
  g_autofree char *text = NULL;
  const char *icon = NULL;

  g_return_if_fail (DECLIC_IS_DRAFT_ROW (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "error");

  switch (state)
    {
    case DECLIC_DRAFT_ROW_STATE_COMPLETE:
      icon = "emblem-ok-symbolic";
      /* A draft, masculine in French (« Complet »); a section's "Complete" is another msgid. */
      text = g_strdup (C_("draft state", "Complete"));
      gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), "success");
      break;
    case DECLIC_DRAFT_ROW_STATE_ERRORS:
      icon = "dialog-warning-symbolic";
      /* A new draft has fields to fill, not errors: the same words as `declic check`. */
      text = declic_finding_format_counts (n_errors, n_to_fill);
      gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), "warning");
      break;
    case DECLIC_DRAFT_ROW_STATE_BROKEN:
      icon = "dialog-error-symbolic";
      text = g_strdup (self->summary != NULL ? declic_draft_summary_get_error (self->summary) : NULL);
      gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), "error");
      break;
    case DECLIC_DRAFT_ROW_STATE_UNKNOWN:
    default:
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->state_icon), icon != NULL);
  gtk_image_set_from_icon_name (self->state_icon, icon);
  g_free (self->state_text);
  self->state_text = g_steal_pointer (&text);
  if (self->summary == NULL)
    gtk_label_set_label (self->glance_label, self->state_text != NULL ? self->state_text : "");
}
