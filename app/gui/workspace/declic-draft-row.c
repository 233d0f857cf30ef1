/* declic-draft-row.c: one draft in the workspace list: title, last change, completeness. */
#define G_LOG_DOMAIN "declic-draft-row"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-draft-row.h"
#include "declic-utils.h"

struct _DeclicDraftRow
{
  GtkWidget           parent_instance;

  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkBox             *state_box;
  GtkImage           *state_icon;
  GtkLabel           *state_label;
  GtkLabel           *glance_label;

  DeclicDraftSummary *summary;
};

G_DEFINE_FINAL_TYPE (DeclicDraftRow, declic_draft_row, GTK_TYPE_WIDGET)

static void update_glance (DeclicDraftRow     *self,
                           DeclicDraftSummary *summary,
                           GDateTime          *now);

static void
declic_draft_row_dispose (GObject *object)
{
  DeclicDraftRow *self = DECLIC_DRAFT_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DECLIC_TYPE_DRAFT_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->summary);

  G_OBJECT_CLASS (declic_draft_row_parent_class)->dispose (object);
}

static void
declic_draft_row_class_init (DeclicDraftRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = declic_draft_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/ca/declic/Declic/ui/workspace/declic-draft-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DeclicDraftRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, DeclicDraftRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DeclicDraftRow, state_box);
  gtk_widget_class_bind_template_child (widget_class, DeclicDraftRow, state_icon);
  gtk_widget_class_bind_template_child (widget_class, DeclicDraftRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, DeclicDraftRow, glance_label);
}

static void
declic_draft_row_init (DeclicDraftRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", minutes), minutes);
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
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", (int) days), (int) days);

  /* Numeric dates: month names would come from the C library's locale, not from Déclic's
   * language, and YYYY-MM-DD is what Québec's official forms use. */
  return g_date_time_format (local, "%Y-%m-%d");
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

  now = g_date_time_new_now_local ();
  updated = declic_draft_row_format_updated (declic_draft_summary_get_updated (summary), now);
  if (updated == NULL && declic_draft_summary_get_mtime (summary) > 0)
    {
      g_autoptr(GDateTime) mtime = g_date_time_new_from_unix_utc (declic_draft_summary_get_mtime (summary) / G_USEC_PER_SEC);
      g_autofree char *iso = mtime != NULL ? g_date_time_format_iso8601 (mtime) : NULL;
      updated = declic_draft_row_format_updated (iso, now);
    }
  gtk_label_set_label (self->subtitle_label, updated != NULL ? updated : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), updated != NULL);

  if (declic_draft_summary_get_error (summary) != NULL)
    declic_draft_row_set_state (self, DECLIC_DRAFT_ROW_STATE_BROKEN, 0);
  else if (declic_draft_summary_get_checked_on (summary) == NULL)
    declic_draft_row_set_state (self, DECLIC_DRAFT_ROW_STATE_UNKNOWN, 0);
  else if (declic_draft_summary_get_n_errors (summary) == 0)
    declic_draft_row_set_state (self, DECLIC_DRAFT_ROW_STATE_COMPLETE, 0);
  else
    declic_draft_row_set_state (self, DECLIC_DRAFT_ROW_STATE_ERRORS, declic_draft_summary_get_n_errors (summary));

  update_glance (self, summary, now);
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
    g_ptr_array_add (parts, g_strdup_printf (_("%d pts (est.)"), declic_draft_summary_get_score (summary)));

  g_date_clear (&deadline, 1);
  g_date_clear (&today, 1);
  if (deadline_date != NULL && declic_utils_parse_date (deadline_date, &deadline))
    {
      int days;

      g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                      (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
      days = g_date_days_between (&today, &deadline);
      if (days >= 0)
        /* Translators: "Test results expire in 21 days" */
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in %d day", "%s in %d days", days),
                                                 describe_deadline (declic_draft_summary_get_next_deadline_id (summary)), days));
    }

  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
update_glance (DeclicDraftRow     *self,
               DeclicDraftSummary *summary,
               GDateTime          *now)
{
  g_autofree char *glance = declic_draft_row_format_glance (summary, now);

  gtk_label_set_label (self->glance_label, glance != NULL ? glance : "");
  gtk_widget_set_visible (GTK_WIDGET (self->glance_label), glance != NULL);
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
                            guint                n_errors)
{
  GtkWidget *label = GTK_WIDGET (self->state_label);
  g_autofree char *text = NULL;
  const char *icon = NULL;

  g_return_if_fail (DECLIC_IS_DRAFT_ROW (self));

  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "error");

  switch (state)
    {
    case DECLIC_DRAFT_ROW_STATE_COMPLETE:
      icon = "emblem-ok-symbolic";
      text = g_strdup (_("Complete"));
      gtk_widget_add_css_class (label, "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), "success");
      break;
    case DECLIC_DRAFT_ROW_STATE_ERRORS:
      icon = "dialog-warning-symbolic";
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", n_errors), n_errors);
      gtk_widget_add_css_class (label, "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), "warning");
      break;
    case DECLIC_DRAFT_ROW_STATE_BROKEN:
      icon = "dialog-error-symbolic";
      text = g_strdup (self->summary != NULL ? declic_draft_summary_get_error (self->summary) : NULL);
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), "error");
      break;
    case DECLIC_DRAFT_ROW_STATE_UNKNOWN:
    default:
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->state_box), text != NULL);
  gtk_image_set_from_icon_name (self->state_icon, icon);
  gtk_label_set_label (self->state_label, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (label, state == DECLIC_DRAFT_ROW_STATE_BROKEN ? text : NULL);
}
