/* declic-window-bulk.c: the workspace list's filters and what it does to several drafts at once:
 * check them again, export them as CSV, move them to the trash with one undo. */
#define G_LOG_DOMAIN "declic-window"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-format.h"
#include "declic-gui-utils.h"
#include "declic-summary-csv.h"
#include "declic-window-private.h"
#include "workspace/declic-filter-bar.h"

/**
 * declic_window_dup_selected_drafts:
 *
 * Returns: (transfer full): the DeclicDraftSummary selected in the list, in its order
 */
GListModel *
declic_window_dup_selected_drafts (DeclicWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GListStore *store = g_list_store_new (DECLIC_TYPE_DRAFT_SUMMARY);
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(DeclicDraftSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->drafts), position);
      if (summary != NULL)
        g_list_store_append (store, summary);
    }
  return G_LIST_MODEL (store);
}

static guint
get_n_selected (DeclicWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  return (guint) gtk_bitset_get_size (selected);
}

void
declic_window_update_bulk_actions (DeclicWindow *self)
{
  guint n = get_n_selected (self);
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;
  const char *names[] = { "check-selected", "export-selected", "trash-selected" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), names[i]);
      if (action != NULL)
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), n > 0);
    }

  /* One selected row is the open draft; the bar shows for several, or for a filtered list. */
  gtk_revealer_set_reveal_child (self->bulk_revealer,
                                 n > 1 || (n > 0 && declic_draft_filter_is_filtering (self->drafts)));
  count = declic_format_integer (n, NULL);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s selected", "%s selected", n), count);
  gtk_label_set_label (self->bulk_label, text);
  declic_window_update_spouse_actions (self);
}

static void
on_show_filters (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);

  if (self->leaflet != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_revealer_set_reveal_child (self->filter_revealer, TRUE);
  declic_filter_bar_focus (DECLIC_FILTER_BAR (self->filter_bar));
}

static void
on_select_all_drafts (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);

  gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->selection));
  gtk_widget_grab_focus (GTK_WIDGET (self->draft_list));
}

static void
on_rechecked (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DeclicWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *count = NULL;
  int n = declic_store_recheck_finish (DECLIC_STORE (source), result, &error);

  if (n < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        declic_window_show_toast (self, error->message);
      return;
    }
  count = declic_format_integer (n, NULL);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s draft checked again", "%s drafts checked again", n), count);
  declic_window_show_toast (self, message);
}

static void
on_check_selected (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  g_autoptr(GListModel) selected = declic_window_dup_selected_drafts (self);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (selected);

  if (n == 0)
    return;
  /* What is typed in the open draft is checked too. */
  declic_window_save_now (self, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeclicDraftSummary) summary = g_list_model_get_item (selected, i);
      g_ptr_array_add (paths, g_strdup (declic_draft_summary_get_path (summary)));
    }
  g_ptr_array_add (paths, NULL);

  g_cancellable_cancel (self->recheck_cancellable);
  g_clear_object (&self->recheck_cancellable);
  self->recheck_cancellable = g_cancellable_new ();
  declic_store_recheck_async (self->store, (const char * const *) paths->pdata, self->recheck_cancellable,
                              on_rechecked, g_object_ref (self));
}

/**
 * declic_window_export_selected_to:
 *
 * Writes the drafts selected in the list as CSV (declic-summary-csv.h) to @path.
 */
gboolean
declic_window_export_selected_to (DeclicWindow *self,
                                  const char   *path)
{
  g_autoptr(GListModel) selected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *count = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (DECLIC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  selected = declic_window_dup_selected_drafts (self);
  if (!declic_summary_csv_save (selected, path, &error))
    {
      message = g_strdup_printf (_("Could not export the list: %s"), error->message);
      declic_window_show_toast (self, message);
      return FALSE;
    }
  name = g_path_get_basename (path);
  count = declic_format_integer (g_list_model_get_n_items (selected), NULL);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s draft exported to “%s”", "%s drafts exported to “%s”",
                                          g_list_model_get_n_items (selected)),
                             count, name);
  declic_window_show_toast (self, message);
  return TRUE;
}

static void
on_export_selected_response (GtkNativeDialog *dialog,
                             int              response,
                             DeclicWindow    *self)
{
  g_autofree char *path = declic_gui_take_chosen_path (dialog, response);

  if (path != NULL)
    declic_window_export_selected_to (self, path);
}

static void
on_export_selected (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (get_n_selected (self) == 0)
    return;
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  chooser = gtk_file_chooser_native_new (_("Export the Selected Drafts"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the file name an exported list is given; keep .csv */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("drafts.csv"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_selected_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_undo_trash_selected (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  g_autoptr(GPtrArray) trashed = g_steal_pointer (&self->bulk_trashed);
  guint n_failed = 0;

  for (guint i = 0; trashed != NULL && i < trashed->len; i++)
    if (!declic_store_restore_draft (self->store, g_ptr_array_index (trashed, i), NULL))
      n_failed++;
  if (n_failed > 0)
    {
      g_autofree char *count = declic_format_integer (n_failed, NULL);
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s draft could not be restored",
                                                               "%s drafts could not be restored", n_failed), count);
      declic_window_show_toast (self, message);
    }
}

static void
on_trash_selected (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  g_autoptr(GListModel) selected = declic_window_dup_selected_drafts (self);
  g_autoptr(GPtrArray) trashed = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *message = NULL;
  g_autofree char *count = NULL;
  guint n = g_list_model_get_n_items (selected);
  AdwToast *toast;

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeclicDraftSummary) summary = g_list_model_get_item (selected, i);
      const char *path = declic_draft_summary_get_path (summary);
      g_autoptr(GError) error = NULL;
      char *target;

      if (g_strcmp0 (path, self->draft_path) == 0)
        declic_window_close_draft (self);
      target = declic_store_trash_draft (self->store, path, &error);
      if (target == NULL)
        {
          declic_window_show_toast (self, error->message);
          break;
        }
      g_ptr_array_add (trashed, target);
    }

  g_clear_pointer (&self->bulk_trashed, g_ptr_array_unref);
  self->bulk_trashed = g_steal_pointer (&trashed);
  count = declic_format_integer (self->bulk_trashed->len, NULL);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s draft moved to the trash", "%s drafts moved to the trash",
                                          self->bulk_trashed->len), count);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-trash-selected");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static const GActionEntry bulk_entries[] = {
  { .name = "show-filters", .activate = on_show_filters },
  { .name = "select-all-drafts", .activate = on_select_all_drafts },
  { .name = "check-selected", .activate = on_check_selected },
  { .name = "export-selected", .activate = on_export_selected },
  { .name = "trash-selected", .activate = on_trash_selected },
  { .name = "undo-trash-selected", .activate = on_undo_trash_selected },
};

void
declic_window_install_bulk_actions (DeclicWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), bulk_entries, G_N_ELEMENTS (bulk_entries), self);
  declic_window_update_bulk_actions (self);
}
