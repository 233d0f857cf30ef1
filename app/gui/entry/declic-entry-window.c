/* declic-entry-window.c: the Arrima entry companion (see the header). */
#define G_LOG_DOMAIN "declic-entry-window"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-draft-values.h"
#include "declic-entry-progress.h"
#include "declic-entry-window.h"
#include "declic-format.h"

/* The widgets of one value's row. */
typedef struct
{
  GtkWidget *row;
  GtkWidget *check;
  GtkWidget *changed_icon;
} ValueRow;

/* The group of one section. */
typedef struct
{
  AdwPreferencesGroup *group;
  DeclicSection        section;
} SectionGroup;

struct _DeclicEntryWindow
{
  AdwWindow            parent_instance;

  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  AdwPreferencesPage  *page;

  DeclicDraft         *draft;
  char                *workspace;
  DeclicEntryProgress *progress;
  GPtrArray           *values;   /* DeclicDraftValue */
  GArray              *rows;     /* ValueRow, one per value */
  GArray              *groups;   /* SectionGroup, one per section shown */
  char                *not_saved;  /* why ticks cannot be saved (a damaged file), or NULL */
  gulong               changed_id;
  guint                rebuild_source;
  GCancellable        *cancellable;
  gboolean             saving;
  gboolean             save_again;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (DeclicEntryWindow, declic_entry_window, ADW_TYPE_WINDOW)

static void
show_toast (DeclicEntryWindow *self,
            const char        *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* ---- Saving the ticks, off the main thread ------------------------------------------------ */

static void save_progress (DeclicEntryWindow *self);

static void
save_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (declic_entry_progress_save (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_progress_saved (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DeclicEntryWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_toast (self, error->message);
    }
  if (self->save_again)
    save_progress (self);
}

/* One save at a time, of a snapshot; ticks made meanwhile are saved right after. */
static void
save_progress (DeclicEntryWindow *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->not_saved != NULL)
    {
      show_toast (self, self->not_saved);
      return;
    }
  if (self->saving)
    {
      self->save_again = TRUE;
      return;
    }
  self->saving = TRUE;
  self->save_again = FALSE;
  task = g_task_new (NULL, self->cancellable, on_progress_saved, g_object_ref (self));
  g_task_set_source_tag (task, save_progress);
  g_task_set_task_data (task, declic_entry_progress_copy (self->progress),
                        (GDestroyNotify) declic_entry_progress_free);
  g_task_run_in_thread (task, save_in_thread);
}

/* ---- Showing the state -------------------------------------------------------------------- */

static char *
dup_count_text (guint entered,
                guint total)
{
  g_autofree char *entered_text = declic_format_integer (entered, NULL);
  g_autofree char *total_text = declic_format_integer (total, NULL);

  /* TRANSLATORS: progress of the entry in Arrima, "18 of 24 values entered" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s value entered", "%s of %s values entered", total),
                          entered_text, total_text);
}

static void
update_counts (DeclicEntryWindow *self)
{
  guint total = 0;
  guint entered = declic_entry_progress_count (self->progress, self->values, DECLIC_SECTION_NONE, &total);
  g_autofree char *text = dup_count_text (entered, total);

  adw_window_title_set_subtitle (self->window_title, text);
  for (guint i = 0; i < self->groups->len; i++)
    {
      SectionGroup *group = &g_array_index (self->groups, SectionGroup, i);
      guint n = 0;
      guint done = declic_entry_progress_count (self->progress, self->values, group->section, &n);
      g_autofree char *description = dup_count_text (done, n);

      adw_preferences_group_set_description (group->group, description);
    }
}

static void
update_row (DeclicEntryWindow *self,
            guint              index)
{
  ValueRow *row = &g_array_index (self->rows, ValueRow, index);
  DeclicEntryState state = declic_entry_progress_get_state (self->progress, g_ptr_array_index (self->values, index));

  self->updating = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (row->check), state == DECLIC_ENTRY_ENTERED);
  self->updating = FALSE;
  gtk_widget_set_visible (row->changed_icon, state == DECLIC_ENTRY_CHANGED);
}

/* ---- Acting on a value -------------------------------------------------------------------- */

static guint
index_of_row (DeclicEntryWindow *self,
              GtkWidget         *widget)
{
  GtkWidget *row = widget != NULL ? gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW) : NULL;

  for (guint i = 0; row != NULL && i < self->rows->len; i++)
    if (g_array_index (self->rows, ValueRow, i).row == row)
      return i;
  return G_MAXUINT;
}

static void
copy_value (DeclicEntryWindow *self,
            guint              index)
{
  DeclicDraftValue *value = g_ptr_array_index (self->values, index);
  g_autofree char *message = NULL;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), value->typed);
  /* TRANSLATORS: a value was copied to the clipboard, "Copied: Family name" */
  message = g_strdup_printf (_("Copied: %s"), value->label);
  show_toast (self, message);
}

static void
on_copy_clicked (GtkButton         *button,
                 DeclicEntryWindow *self)
{
  guint index = index_of_row (self, GTK_WIDGET (button));

  if (index != G_MAXUINT)
    copy_value (self, index);
}

static void
on_check_toggled (GtkCheckButton    *check,
                  DeclicEntryWindow *self)
{
  guint index = index_of_row (self, GTK_WIDGET (check));

  if (self->updating || index == G_MAXUINT)
    return;
  declic_entry_progress_set_entered (self->progress, g_ptr_array_index (self->values, index),
                                     gtk_check_button_get_active (check));
  update_row (self, index);
  update_counts (self);
  save_progress (self);
}

/* Ctrl+Enter: copies the value in focus (else the first not entered) and moves to the next. */
static void
copy_next (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  DeclicEntryWindow *self = DECLIC_ENTRY_WINDOW (widget);
  guint index = index_of_row (self, gtk_root_get_focus (GTK_ROOT (self)));

  if (index == G_MAXUINT)
    for (guint i = 0; i < self->values->len && index == G_MAXUINT; i++)
      if (declic_entry_progress_get_state (self->progress, g_ptr_array_index (self->values, i)) != DECLIC_ENTRY_ENTERED)
        index = i;
  if (index == G_MAXUINT)
    return;
  copy_value (self, index);
  if (index + 1 < self->rows->len)
    gtk_widget_grab_focus (g_array_index (self->rows, ValueRow, index + 1).row);
}

/* ---- Building the rows -------------------------------------------------------------------- */

static ValueRow
new_value_row (DeclicEntryWindow *self,
               DeclicDraftValue  *value)
{
  ValueRow row;
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  g_autofree char *title = value->heading != NULL
                           /* TRANSLATORS: a value of a repeated item, "Diploma 1 · Title" */
                           ? g_strdup_printf (_("%s · %s"), value->heading, value->label)
                           : g_strdup (value->label);
  g_autofree char *copy_name = g_strdup_printf (_("Copy %s"), title);
  /* What the button puts on the clipboard, when it is not the text shown: a date's ISO form
   * (the row writes it out), a NOC code without its title. */
  g_autofree char *copies = g_strcmp0 (value->typed, value->text) != 0
                            /* TRANSLATORS: the copy button's tooltip, "Copy “1991-03-14”" */
                            ? g_strdup_printf (_("Copy “%s”"), value->typed) : g_strdup (_("Copy"));

  row.row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row.row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row.row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row.row), value->text);

  row.check = gtk_check_button_new ();
  gtk_widget_set_valign (row.check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (row.check, _("Entered in Arrima"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row.check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Entered in Arrima"), -1);
  g_signal_connect (row.check, "toggled", G_CALLBACK (on_check_toggled), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row.row), row.check);

  row.changed_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (row.changed_icon, "warning");
  gtk_widget_set_tooltip_text (row.changed_icon, _("Changed since it was entered: type it again"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row.changed_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Changed since it was entered: type it again"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row.row), row.changed_icon);

  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_tooltip_text (copy, copies);
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, copy_name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, copies, -1);
  g_signal_connect (copy, "clicked", G_CALLBACK (on_copy_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row.row), copy);
  /* Enter or a click on the row copies too. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row.row), copy);
  return row;
}

static void
rebuild (DeclicEntryWindow *self)
{
  AdwPreferencesGroup *group = NULL;
  DeclicSection section = DECLIC_SECTION_NONE;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_array_index (self->groups, SectionGroup, i).group);
  g_array_set_size (self->groups, 0);
  g_array_set_size (self->rows, 0);
  g_clear_pointer (&self->values, g_ptr_array_unref);

  self->values = declic_draft_values_list (self->draft, NULL);
  for (guint i = 0; i < self->values->len; i++)
    {
      DeclicDraftValue *value = g_ptr_array_index (self->values, i);
      ValueRow row;

      if (group == NULL || value->section != section)
        {
          section = value->section;
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, declic_section_get_title (section));
          adw_preferences_page_add (self->page, group);
          g_array_append_val (self->groups, ((SectionGroup) { group, section }));
        }
      row = new_value_row (self, value);
      adw_preferences_group_add (group, row.row);
      g_array_append_val (self->rows, row);
      update_row (self, i);
    }
  gtk_stack_set_visible_child_name (self->stack, self->values->len > 0 ? "values" : "empty");
  update_counts (self);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  DeclicEntryWindow *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* The draft edited in the main window meanwhile: shown again, once per burst of changes. */
static void
on_draft_changed (DeclicEntryWindow *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_cb, self);
}

/* ---- The object --------------------------------------------------------------------------- */

static void
declic_entry_window_dispose (GObject *object)
{
  DeclicEntryWindow *self = DECLIC_ENTRY_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->draft != NULL)
    g_clear_signal_handler (&self->changed_id, self->draft);
  gtk_widget_dispose_template (GTK_WIDGET (self), DECLIC_TYPE_ENTRY_WINDOW);
  G_OBJECT_CLASS (declic_entry_window_parent_class)->dispose (object);
}

static void
declic_entry_window_finalize (GObject *object)
{
  DeclicEntryWindow *self = DECLIC_ENTRY_WINDOW (object);

  g_clear_object (&self->draft);
  g_clear_object (&self->cancellable);
  g_free (self->workspace);
  g_clear_pointer (&self->progress, declic_entry_progress_free);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_free (self->not_saved);
  g_array_unref (self->rows);
  g_array_unref (self->groups);
  G_OBJECT_CLASS (declic_entry_window_parent_class)->finalize (object);
}

static void
declic_entry_window_class_init (DeclicEntryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = declic_entry_window_dispose;
  object_class->finalize = declic_entry_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/ca/declic/Declic/ui/entry/declic-entry-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeclicEntryWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeclicEntryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeclicEntryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DeclicEntryWindow, page);
  gtk_widget_class_install_action (widget_class, "entry.copy-next", NULL, copy_next);
}

static void
declic_entry_window_init (DeclicEntryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->rows = g_array_new (FALSE, FALSE, sizeof (ValueRow));
  self->groups = g_array_new (FALSE, FALSE, sizeof (SectionGroup));
}

/**
 * declic_entry_window_new:
 * @workspace: the folder whose private metadata keeps the ticks
 *
 * Returns: (transfer full): the companion for @draft; a damaged tick file is reported and
 *   starts afresh rather than stopping the user
 */
GtkWidget *
declic_entry_window_new (DeclicDraft *draft,
                         const char  *workspace)
{
  DeclicEntryWindow *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (workspace != NULL, NULL);

  self = g_object_new (DECLIC_TYPE_ENTRY_WINDOW, NULL);
  self->draft = g_object_ref (draft);
  self->workspace = g_strdup (workspace);
  self->progress = declic_entry_progress_load (workspace, declic_draft_get_id (draft), &error);
  if (self->progress == NULL)
    {
      /* The values are still shown; the damaged file is left as it is, and ticks are not
       * saved over it. */
      self->not_saved = g_strdup_printf (_("Ticks are not saved: %s"), error->message);
      show_toast (self, self->not_saved);
      self->progress = declic_entry_progress_new (workspace, declic_draft_get_id (draft));
    }
  self->changed_id = g_signal_connect_swapped (draft, "changed", G_CALLBACK (on_draft_changed), self);
  rebuild (self);
  return GTK_WIDGET (self);
}
