/* declic-filter-bar.c: drop-downs over a DeclicDraftFilter; the counts are the core's. */
#define G_LOG_DOMAIN "declic-filter-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-format.h"
#include "declic-gui-utils.h"
#include "declic-filter-bar.h"

struct _DeclicFilterBar
{
  GtkWidget          parent_instance;

  GtkDropDown       *attention_dropdown;
  GtkDropDown       *status_dropdown;
  GtkDropDown       *stream_dropdown;
  GtkDropDown       *sort_dropdown;
  GtkSpinButton     *score_min;
  GtkSpinButton     *score_max;
  GtkButton         *reset_button;
  GtkLabel          *count_label;

  DeclicDraftFilter *filter;
  gulong             items_changed_id;
  guint              update_source;
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (DeclicFilterBar, declic_filter_bar, GTK_TYPE_WIDGET)

#define ATTENTION_MASK ((1u << DECLIC_DRAFT_CRITERION_DEADLINE) | \
                        (1u << DECLIC_DRAFT_CRITERION_LANGUAGE_EXPIRY) | \
                        (1u << DECLIC_DRAFT_CRITERION_INVITATION))

static const struct
{
  DeclicDraftCriterion criterion;
  int                  value;
} attention_criteria[DECLIC_N_ATTENTION] = {
  [DECLIC_ATTENTION_ALL] = { DECLIC_DRAFT_N_CRITERIA, 0 },
  [DECLIC_ATTENTION_DEADLINE_14] = { DECLIC_DRAFT_CRITERION_DEADLINE, 14 },
  [DECLIC_ATTENTION_DEADLINE_30] = { DECLIC_DRAFT_CRITERION_DEADLINE, 30 },
  [DECLIC_ATTENTION_EXPIRY_60] = { DECLIC_DRAFT_CRITERION_LANGUAGE_EXPIRY, 60 },
  [DECLIC_ATTENTION_INVITATION] = { DECLIC_DRAFT_CRITERION_INVITATION, TRUE },
};

static char *
dup_attention_label (DeclicAttention attention,
                     guint           count)
{
  /* Grouped as every count is: « (1 234) ». */
  g_autofree char *n = declic_format_integer (count, NULL);

  switch (attention)
    {
    case DECLIC_ATTENTION_ALL:
      /* Translators: a filter choice and how many drafts it keeps */
      return g_strdup_printf (_("All drafts (%s)"), n);
    case DECLIC_ATTENTION_DEADLINE_14:
      return g_strdup_printf (_("A deadline within 14 days (%s)"), n);
    case DECLIC_ATTENTION_DEADLINE_30:
      return g_strdup_printf (_("A deadline within 30 days (%s)"), n);
    case DECLIC_ATTENTION_EXPIRY_60:
      return g_strdup_printf (_("Results expire within 60 days (%s)"), n);
    case DECLIC_ATTENTION_INVITATION:
      return g_strdup_printf (_("An invitation to answer (%s)"), n);
    case DECLIC_N_ATTENTION:
    default:
      g_assert_not_reached ();
    }
}

static char *
dup_status_label (DeclicDraftStatus status,
                  guint             count)
{
  /* Grouped as every count is: « (1 234) ». */
  g_autofree char *n = declic_format_integer (count, NULL);

  switch (status)
    {
    case DECLIC_DRAFT_STATUS_UNKNOWN:
      return g_strdup_printf (_("Any status (%s)"), n);
    case DECLIC_DRAFT_STATUS_FILEABLE:
      return g_strdup_printf (_("Can be filed (%s)"), n);
    case DECLIC_DRAFT_STATUS_ERRORS:
      return g_strdup_printf (_("Has errors (%s)"), n);
    case DECLIC_DRAFT_STATUS_BROKEN:
      return g_strdup_printf (_("Cannot be opened (%s)"), n);
    default:
      g_assert_not_reached ();
    }
}

static char *
dup_stream_label (int   stream,
                  guint count)
{
  /* Grouped as every count is: « (1 234) ». */
  g_autofree char *n = declic_format_integer (count, NULL);

  if (stream == 0)
    return g_strdup_printf (_("Any stream (%s)"), n);
  /* Translators: a PSTQ stream met, and how many drafts meet it */
  return g_strdup_printf (_("Stream %d (%s)"), stream, n);
}

/* Replaces the labels of a drop-down's choices, keeping the one chosen. */
static void
set_labels (GtkDropDown *dropdown,
            GPtrArray   *labels)
{
  GtkStringList *list = GTK_STRING_LIST (gtk_drop_down_get_model (dropdown));
  guint selected = gtk_drop_down_get_selected (dropdown);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_ptr_array_add (labels, NULL);
  for (guint i = 0; i < n && i < labels->len - 1; i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), g_ptr_array_index (labels, i)) != 0)
      goto differ;
  if (n == labels->len - 1)
    return;

differ:
  gtk_string_list_splice (list, 0, n, (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (dropdown, selected);
}

static void
update_counts (DeclicFilterBar *self)
{
  g_autoptr(GPtrArray) labels = NULL;
  guint total, shown;
  g_autofree char *shown_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *count = NULL;

  if (self->filter == NULL)
    return;

  self->updating = TRUE;

  /* Every count in one pass over the drafts: the attention choices, the statuses, the streams. */
  {
    DeclicDraftCountQuery queries[DECLIC_N_ATTENTION + DECLIC_DRAFT_STATUS_BROKEN + 1 + 5];
    guint counts[G_N_ELEMENTS (queries)];
    guint q = 0;

    for (DeclicAttention a = 0; a < DECLIC_N_ATTENTION; a++)
      queries[q++] = (DeclicDraftCountQuery) { attention_criteria[a].criterion, attention_criteria[a].value, ATTENTION_MASK };
    for (DeclicDraftStatus st = DECLIC_DRAFT_STATUS_UNKNOWN; st <= DECLIC_DRAFT_STATUS_BROKEN; st++)
      queries[q++] = (DeclicDraftCountQuery) { DECLIC_DRAFT_CRITERION_STATUS, st, 0 };
    for (int stream = 0; stream <= 4; stream++)
      queries[q++] = (DeclicDraftCountQuery) { DECLIC_DRAFT_CRITERION_STREAM, stream, 0 };
    g_assert (q == G_N_ELEMENTS (queries));
    declic_draft_filter_count_many (self->filter, queries, q, counts);

    q = 0;
    labels = g_ptr_array_new_with_free_func (g_free);
    for (DeclicAttention a = 0; a < DECLIC_N_ATTENTION; a++)
      g_ptr_array_add (labels, dup_attention_label (a, counts[q++]));
    set_labels (self->attention_dropdown, labels);

    g_clear_pointer (&labels, g_ptr_array_unref);
    labels = g_ptr_array_new_with_free_func (g_free);
    for (DeclicDraftStatus st = DECLIC_DRAFT_STATUS_UNKNOWN; st <= DECLIC_DRAFT_STATUS_BROKEN; st++)
      g_ptr_array_add (labels, dup_status_label (st, counts[q++]));
    set_labels (self->status_dropdown, labels);

    g_clear_pointer (&labels, g_ptr_array_unref);
    labels = g_ptr_array_new_with_free_func (g_free);
    for (int stream = 0; stream <= 4; stream++)
      g_ptr_array_add (labels, dup_stream_label (stream, counts[q++]));
    set_labels (self->stream_dropdown, labels);
  }

  total = declic_draft_filter_get_n_total (self->filter);
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter));
  shown_text = declic_format_integer (shown, NULL);
  total_text = declic_format_integer (total, NULL);
  /* Translators: "30 of 10 000 drafts shown" */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s draft shown", "%s of %s drafts shown", total),
                           shown_text, total_text);
  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button), declic_draft_filter_is_filtering (self->filter));

  self->updating = FALSE;
}

static gboolean
update_cb (gpointer user_data)
{
  DeclicFilterBar *self = user_data;

  self->update_source = 0;
  update_counts (self);
  return G_SOURCE_REMOVE;
}

/* Many changes in a row (a folder being listed) count once. */
static void
on_filter_items_changed (DeclicFilterBar *self)
{
  if (self->update_source == 0)
    self->update_source = g_idle_add (update_cb, self);
}

static void
apply (DeclicFilterBar *self)
{
  DeclicAttention attention = gtk_drop_down_get_selected (self->attention_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint stream = gtk_drop_down_get_selected (self->stream_dropdown);
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);
  int min = gtk_spin_button_get_value_as_int (self->score_min);
  int max = gtk_spin_button_get_value_as_int (self->score_max);

  if (self->updating || self->filter == NULL)
    return;

  if (attention >= DECLIC_N_ATTENTION)
    attention = DECLIC_ATTENTION_ALL;
  declic_draft_filter_set_deadline_within (self->filter, attention == DECLIC_ATTENTION_DEADLINE_14 ? 14
                                                         : attention == DECLIC_ATTENTION_DEADLINE_30 ? 30 : -1);
  declic_draft_filter_set_language_expiry_within (self->filter, attention == DECLIC_ATTENTION_EXPIRY_60 ? 60 : -1);
  declic_draft_filter_set_invitation (self->filter, attention == DECLIC_ATTENTION_INVITATION);
  declic_draft_filter_set_status (self->filter, status <= DECLIC_DRAFT_STATUS_BROKEN ? status : DECLIC_DRAFT_STATUS_UNKNOWN);
  declic_draft_filter_set_stream (self->filter, stream <= 4 ? (int) stream : 0);
  declic_draft_filter_set_score_range (self->filter, min > 0 ? min : -1, max > 0 ? max : -1);
  if (sort <= DECLIC_DRAFT_SORT_SCORE)
    declic_draft_filter_set_sort (self->filter, sort);
  /* The list changed under the setters above and queued a count: counted here once instead. */
  g_clear_handle_id (&self->update_source, g_source_remove);
  update_counts (self);
}

static void
on_score_changed (DeclicFilterBar *self)
{
  apply (self);
}

static void
on_reset_button_clicked (DeclicFilterBar *self)
{
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->attention_dropdown, DECLIC_ATTENTION_ALL);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->stream_dropdown, 0);
  gtk_spin_button_set_value (self->score_min, 0);
  gtk_spin_button_set_value (self->score_max, 0);
  self->updating = FALSE;
  if (self->filter != NULL)
    {
      /* The search words are the search entry's: only what this bar chose is undone. */
      declic_draft_filter_set_deadline_within (self->filter, -1);
      declic_draft_filter_set_language_expiry_within (self->filter, -1);
      declic_draft_filter_set_invitation (self->filter, FALSE);
      declic_draft_filter_set_status (self->filter, DECLIC_DRAFT_STATUS_UNKNOWN);
      declic_draft_filter_set_stream (self->filter, 0);
      declic_draft_filter_set_score_range (self->filter, -1, -1);
    }
  update_counts (self);
}

static void
declic_filter_bar_dispose (GObject *object)
{
  DeclicFilterBar *self = DECLIC_FILTER_BAR (object);
  GtkWidget *child;

  declic_filter_bar_set_filter (self, NULL);
  g_clear_handle_id (&self->update_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DECLIC_TYPE_FILTER_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (declic_filter_bar_parent_class)->dispose (object);
}

static void
declic_filter_bar_class_init (DeclicFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = declic_filter_bar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/ca/declic/Declic/ui/workspace/declic-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, DeclicFilterBar, attention_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeclicFilterBar, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeclicFilterBar, stream_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeclicFilterBar, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeclicFilterBar, score_min);
  gtk_widget_class_bind_template_child (widget_class, DeclicFilterBar, score_max);
  gtk_widget_class_bind_template_child (widget_class, DeclicFilterBar, reset_button);
  gtk_widget_class_bind_template_child (widget_class, DeclicFilterBar, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_score_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_button_clicked);
}

static void
set_strings (GtkDropDown *dropdown,
             guint        n)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, "");
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

static void
declic_filter_bar_init (DeclicFilterBar *self)
{
  const char *sorts[] = {
    N_("Sort by name"), N_("Sort by last change"), N_("Sort by next deadline"), N_("Sort by score"), NULL
  };
  g_autoptr(GtkStringList) sort_list = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  declic_gui_name_drop_down (self->attention_dropdown, _("Show"));
  declic_gui_name_drop_down (self->status_dropdown, _("Status"));
  declic_gui_name_drop_down (self->stream_dropdown, _("PSTQ stream met"));
  declic_gui_name_drop_down (self->sort_dropdown, _("Sort by"));
  set_strings (self->attention_dropdown, DECLIC_N_ATTENTION);
  set_strings (self->status_dropdown, DECLIC_DRAFT_STATUS_BROKEN + 1);
  set_strings (self->stream_dropdown, 5);
  for (guint i = 0; sorts[i] != NULL; i++)
    gtk_string_list_append (sort_list, _(sorts[i]));
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (sort_list));
  gtk_drop_down_set_selected (self->sort_dropdown, DECLIC_DRAFT_SORT_UPDATED);

  g_signal_connect_swapped (self->attention_dropdown, "notify::selected", G_CALLBACK (apply), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (apply), self);
  g_signal_connect_swapped (self->stream_dropdown, "notify::selected", G_CALLBACK (apply), self);
  g_signal_connect_swapped (self->sort_dropdown, "notify::selected", G_CALLBACK (apply), self);
}

GtkWidget *
declic_filter_bar_new (void)
{
  return g_object_new (DECLIC_TYPE_FILTER_BAR, NULL);
}

void
declic_filter_bar_set_filter (DeclicFilterBar   *self,
                              DeclicDraftFilter *filter)
{
  g_return_if_fail (DECLIC_IS_FILTER_BAR (self));

  if (self->filter == filter)
    return;
  if (self->filter != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->filter);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    {
      self->items_changed_id = g_signal_connect_swapped (filter, "items-changed",
                                                         G_CALLBACK (on_filter_items_changed), self);
      self->updating = TRUE;
      gtk_drop_down_set_selected (self->sort_dropdown, declic_draft_filter_get_sort (filter));
      self->updating = FALSE;
      update_counts (self);
    }
}

void
declic_filter_bar_set_attention (DeclicFilterBar *self,
                                 DeclicAttention  attention)
{
  g_return_if_fail (DECLIC_IS_FILTER_BAR (self));
  g_return_if_fail (attention < DECLIC_N_ATTENTION);

  gtk_drop_down_set_selected (self->attention_dropdown, attention);
}

void
declic_filter_bar_focus (DeclicFilterBar *self)
{
  g_return_if_fail (DECLIC_IS_FILTER_BAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->attention_dropdown));
}

const char *
declic_filter_bar_get_count_text (DeclicFilterBar *self)
{
  g_return_val_if_fail (DECLIC_IS_FILTER_BAR (self), NULL);

  return gtk_label_get_label (self->count_label);
}
