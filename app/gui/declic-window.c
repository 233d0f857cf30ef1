/* declic-window.c: the main window: the workspace list, a welcome page, the open draft.
 *
 * The open draft is saved on its own: a change starts a one-second timer (not restarted by
 * further changes, so steady typing is still saved every second), and switching drafts,
 * closing the window and quitting save at once. The timer's saves write on a worker thread;
 * the others wait for it and are synchronous. A file that failed to load is shown with its
 * error and never written. Actions live in declic-window-actions.c. */
#define G_LOG_DOMAIN "declic-window"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-text.h"
#include "declic-window-private.h"
#include "workspace/declic-draft-row.h"
#include "workspace/declic-filter-bar.h"
#include "wizard/declic-wizard.h"

#define AUTOSAVE_DELAY_MS 1000

G_DEFINE_FINAL_TYPE (DeclicWindow, declic_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
declic_window_show_toast (DeclicWindow *self,
                          const char   *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
update_pages (DeclicWindow *self)
{
  gboolean searching = declic_draft_filter_is_filtering (self->drafts);

  if (self->draft_path == NULL)
    {
      gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0;

      gtk_stack_set_visible_child_name (self->content_stack, empty ? "welcome" : "empty");
      /* Folded, an empty workspace shows the welcome page rather than an empty list. */
      if (empty && self->leaflet != NULL)
        adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
    }

  gtk_stack_set_visible_child_name (self->sidebar_stack,
                                    searching && g_list_model_get_n_items (G_LIST_MODEL (self->drafts)) == 0
                                    ? "no-results" : "list");
}

static void
on_factory_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  DeclicWindow             *self)
{
  gtk_list_item_set_child (item, declic_draft_row_new ());
}

static void
on_factory_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 DeclicWindow             *self)
{
  DeclicDraftRow *row = DECLIC_DRAFT_ROW (gtk_list_item_get_child (item));

  /* The row reads the draft's figures from the workspace index: nothing is opened here. */
  declic_draft_row_set_summary (row, gtk_list_item_get_item (item));
}

static void
on_factory_unbind (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   DeclicWindow             *self)
{
  declic_draft_row_set_summary (DECLIC_DRAFT_ROW (gtk_list_item_get_child (item)), NULL);
}

static guint
find_visible_position (DeclicWindow *self,
                       const char   *path)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->drafts));

  for (guint i = 0; path != NULL && i < n; i++)
    {
      g_autoptr(DeclicDraftSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->drafts), i);
      if (g_strcmp0 (declic_draft_summary_get_path (summary), path) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* The open draft is the selected row, unless several are selected for a bulk action. */
static void
sync_selection (DeclicWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint position;

  if (gtk_bitset_get_size (selected) > 1)
    return;
  position = find_visible_position (self, self->draft_path);
  self->syncing_selection = TRUE;
  if (position == GTK_INVALID_LIST_POSITION)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  else if (!gtk_bitset_contains (selected, position) || gtk_bitset_get_size (selected) != 1)
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  self->syncing_selection = FALSE;
}

static gboolean
reselect_cb (gpointer user_data)
{
  DeclicWindow *self = user_data;

  self->reselect_source = 0;
  sync_selection (self);
  return G_SOURCE_REMOVE;
}

static void
on_visible_items_changed (DeclicWindow *self)
{
  update_pages (self);
  if (self->reselect_source == 0)
    self->reselect_source = g_idle_add (reselect_cb, self);
}

static void
on_store_items_changed (DeclicWindow *self)
{
  update_pages (self);
  declic_window_update_actions (self);
}

/* A click selects one draft and opens it; Ctrl- and Shift-clicks and Ctrl+A select several,
 * for the bulk actions, and leave the open draft as it is. */
static void
on_selection_changed (DeclicWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(DeclicDraftSummary) summary = NULL;

  declic_window_update_bulk_actions (self);
  if (self->syncing_selection || gtk_bitset_get_size (selected) != 1)
    return;
  summary = g_list_model_get_item (G_LIST_MODEL (self->drafts), gtk_bitset_get_nth (selected, 0));
  if (summary == NULL || g_strcmp0 (declic_draft_summary_get_path (summary), self->draft_path) == 0)
    return;
  declic_window_open_path (self, declic_draft_summary_get_path (summary));
}

static void
on_search_entry_search_changed (DeclicWindow   *self,
                                GtkSearchEntry *entry)
{
  declic_draft_filter_set_search_text (self->drafts, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_pages (self);
}

static void
on_search_entry_stop_search (DeclicWindow   *self,
                             GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

void
declic_window_refresh_title (DeclicWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *basename = NULL;

  if (self->draft != NULL)
    {
      const char *label = declic_draft_get_client_label (self->draft);
      g_autofree char *spouse = NULL;

      name = label != NULL ? g_strdup (label) : declic_draft_dup_display_name (self->draft);
      if (name == NULL)
        name = g_strdup (_("New draft"));

      adw_window_title_set_title (self->content_title, name);
      if (self->spouse_name != NULL)
        /* Translators: the header of a draft linked to another as its spouse's */
        spouse = g_strdup_printf (_("Linked spouse: %s"), self->spouse_name);
      adw_window_title_set_subtitle (self->content_title, spouse != NULL ? spouse : "");
      adw_status_page_set_title (self->placeholder_page, name);
    }
  else if (self->draft_path != NULL)
    {
      basename = g_path_get_basename (self->draft_path);
      adw_window_title_set_title (self->content_title, basename);
      adw_window_title_set_subtitle (self->content_title, _("Cannot be opened"));
    }
  else
    {
      adw_window_title_set_title (self->content_title, _("Déclic"));
      adw_window_title_set_subtitle (self->content_title, "");
    }
}

/* Autosaves write on a worker thread (declic_draft_save_to_file_async()): the window stays
 * usable meanwhile. The draft is marked clean when its text is taken; a change made during the
 * save marks it dirty again and starts the timer of another save, which the draft chains after
 * this one. Everything that must find the file written (closing, switching drafts, the actions
 * that save first) waits for the save under way and then saves synchronously, see
 * declic_window_wait_for_save(). */
static void
autosaved_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DeclicWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert (self->saves_running > 0);
  self->saves_running--;
  if (DECLIC_IS_STORE (source))
    ok = declic_store_save_draft_finish (DECLIC_STORE (source), result, &error);
  else
    ok = declic_draft_save_to_file_finish (DECLIC_DRAFT (source), result, &error);
  if (ok)
    return;

  /* Not written: what it held is still to be saved. The window never lets its draft go before
   * the save ends, so self->draft is still the draft saved. */
  self->dirty = TRUE;
  if (declic_window_is_conflict_error (error))
    {
      /* Asked about in its dialog, not in a toast; but not while the window waits to leave the
       * draft: the synchronous save that follows keeps both versions. */
      if (!self->waiting_for_save && self->conflict_dialog == NULL)
        declic_window_ask_about_conflict (self);
      return;
    }
  /* While the window waits, the synchronous save that follows tries again and tells. */
  if (!self->waiting_for_save && self->toast_overlay != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the draft: %s"), error->message);
      declic_window_show_toast (self, message);
    }
}

static gboolean
autosave_cb (gpointer user_data)
{
  DeclicWindow *self = user_data;
  g_autofree char *store_path = NULL;

  self->save_source = 0;
  /* While the person is asked about another program's change, nothing is written: the answer
   * saves. A file that failed to load has no draft, and is never written. */
  if (self->draft == NULL || !self->dirty || self->conflict_dialog != NULL)
    return G_SOURCE_REMOVE;

  g_signal_handler_block (self->draft, self->changed_id);
  declic_draft_touch (self->draft);
  g_signal_handler_unblock (self->draft, self->changed_id);
  self->dirty = FALSE;

  self->saves_running++;
  store_path = declic_store_path_for_id (self->store, declic_draft_get_id (self->draft));
  if (g_strcmp0 (store_path, self->draft_path) == 0)
    declic_store_save_draft_async (self->store, self->draft, NULL, autosaved_cb, g_object_ref (self));
  else
    declic_draft_save_to_file_async (self->draft, self->draft_path, NULL, autosaved_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* Until the asynchronous saves of the open draft have written and been reported here: a
 * synchronous save must not run beside one (each would take the other's file for another
 * program's), and the draft must not be let go before its last save is on disk and its outcome
 * known. Iterates the main context, where the saves end; counted here rather than asked of the
 * draft, whose queue empties before the report (which GTask may give an iteration later). */
void
declic_window_wait_for_save (DeclicWindow *self)
{
  gboolean was_waiting = self->waiting_for_save;

  if (self->saves_running == 0)
    return;
  self->waiting_for_save = TRUE;
  while (self->saves_running > 0)
    g_main_context_iteration (NULL, TRUE);
  self->waiting_for_save = was_waiting;
}

static void
on_draft_changed (DeclicDraft  *draft,
                  const char   *path,
                  DeclicWindow *self)
{
  self->dirty = TRUE;
  if (self->save_source == 0)
    self->save_source = g_timeout_add (AUTOSAVE_DELAY_MS, autosave_cb, self);
  if (path == NULL || g_strcmp0 (path, "client_label") == 0 || g_str_has_prefix (path, "personal."))
    declic_window_refresh_title (self);
}

/**
 * declic_window_save_now:
 *
 * Saves the open draft if it changed since it was last saved. Nothing is written for a file
 * that failed to load.
 */
static gboolean
save_now_full (DeclicWindow  *self,
               gboolean       ask,
               GError       **error)
{
  g_autofree char *store_path = NULL;
  gboolean ok;

  g_clear_handle_id (&self->save_source, g_source_remove);
  declic_window_wait_for_save (self);
  if (self->draft == NULL || !self->dirty)
    return TRUE;
  /* While the person is asked about another program's change, nothing is written. */
  if (ask && self->conflict_dialog != NULL)
    {
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_CHANGED,
                   _("Could not save the draft: its file changed on disk, and Déclic is waiting for your answer"));
      return FALSE;
    }

  g_signal_handler_block (self->draft, self->changed_id);
  declic_draft_touch (self->draft);
  g_signal_handler_unblock (self->draft, self->changed_id);

  store_path = declic_store_path_for_id (self->store, declic_draft_get_id (self->draft));
  if (g_strcmp0 (store_path, self->draft_path) == 0)
    ok = declic_store_save_draft (self->store, self->draft, error);
  else
    ok = declic_draft_save_to_file (self->draft, self->draft_path, error);

  if (ok)
    self->dirty = FALSE;
  else if (ask && error != NULL && declic_window_is_conflict_error (*error))
    declic_window_ask_about_conflict (self);
  return ok;
}

gboolean
declic_window_save_now (DeclicWindow  *self,
                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  /* The conflict dialog needs the error to tell a conflict from another failure. */
  if (!save_now_full (self, TRUE, error != NULL ? error : &local_error))
    return FALSE;
  return TRUE;
}

static void
flush_save (DeclicWindow *self)
{
  g_autoptr(GError) error = NULL;

  /* Leaving the draft (another one opens, the window closes) cannot wait for an answer:
   * another program's change and this one are both kept, nothing is lost. */
  if (!save_now_full (self, FALSE, &error) && declic_window_is_conflict_error (error))
    {
      declic_window_keep_both_now (self);
      return;
    }
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the draft: %s"), error->message);
      g_warning ("%s", message);
      if (self->toast_overlay != NULL)
        declic_window_show_toast (self, message);
    }
}

void
declic_window_close_draft (DeclicWindow *self)
{
  flush_save (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->draft != NULL)
    g_clear_signal_handler (&self->changed_id, self->draft);
  if (self->wizard != NULL)
    declic_wizard_set_draft (DECLIC_WIZARD (self->wizard), NULL);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->draft_path, g_free);
  g_clear_pointer (&self->open_error, g_free);
  self->dirty = FALSE;
  if (self->content_stack != NULL)
    {
      update_pages (self);
      declic_window_refresh_title (self);
      declic_window_update_actions (self);
    }
}

static void
show_content (DeclicWindow *self)
{
  if (self->leaflet != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Takes a reference on @draft, whose file is self->draft_path. */
void
declic_window_show_draft (DeclicWindow *self,
                          DeclicDraft  *draft)
{
  g_set_object (&self->draft, draft);
  self->changed_id = g_signal_connect (draft, "changed", G_CALLBACK (on_draft_changed), self);

  if (self->wizard == NULL)
    {
      self->wizard = GTK_WIDGET (declic_wizard_new ());
      adw_bin_set_child (self->draft_bin, self->wizard);
    }
  declic_wizard_set_draft (DECLIC_WIZARD (self->wizard), draft);
  declic_window_load_spouse (self);

  declic_window_refresh_title (self);
  gtk_stack_set_visible_child_name (self->content_stack, "draft");
  sync_selection (self);
  declic_window_update_actions (self);
  show_content (self);
}

void
declic_window_open_path (DeclicWindow *self,
                         const char   *path)
{
  g_autoptr(DeclicDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (self->draft_path != NULL && g_strcmp0 (path, self->draft_path) == 0)
    {
      show_content (self);
      return;
    }

  declic_window_close_draft (self);
  self->draft_path = g_strdup (path);

  /* Reading is harmless; a file that fails to load is then only shown, never written. */
  draft = declic_store_open_draft (self->store, path, &error);
  if (draft == NULL)
    {
      self->open_error = g_strdup (error->message);
      adw_status_page_set_description (self->error_page, self->open_error);
      declic_window_refresh_title (self);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      sync_selection (self);
      declic_window_update_actions (self);
      show_content (self);
      return;
    }

  declic_window_show_draft (self, draft);
}

/* The draft open and its page, for the next start (nothing open: nothing reopened). */
static void
remember_draft (DeclicWindow *self)
{
  const char *id = self->draft != NULL ? declic_draft_get_id (self->draft) : NULL;

  g_settings_set_string (self->settings, "last-draft", id != NULL ? id : "");
  if (id != NULL && self->wizard != NULL)
    g_settings_set_int (self->settings, "last-section",
                        declic_wizard_get_section (DECLIC_WIZARD (self->wizard)));
}

/* Once the workspace is read: the draft of the last session, at its page, unless a draft was
 * opened meanwhile (`declic FILE`). A draft gone since, or broken, is not reopened. */
static void
reopen_last_draft (DeclicWindow *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "last-draft");
  GListModel *drafts = G_LIST_MODEL (self->store);
  int section = g_settings_get_int (self->settings, "last-section");

  if (*id == '\0' || self->draft != NULL || self->draft_path != NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(DeclicDraftSummary) summary = g_list_model_get_item (drafts, i);

      if (g_strcmp0 (declic_draft_summary_get_id (summary), id) != 0
          || declic_draft_summary_get_error (summary) != NULL)
        continue;
      declic_window_open_path (self, declic_draft_summary_get_path (summary));
      if (self->draft != NULL && self->wizard != NULL && section >= 0 && section < DECLIC_WIZARD_N_PAGES)
        declic_wizard_show_section (DECLIC_WIZARD (self->wizard), section);
      return;
    }
}

static void
on_store_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DeclicWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!declic_store_load_finish (DECLIC_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        declic_window_show_toast (self, error->message);
      return;
    }
  update_pages (self);
  reopen_last_draft (self);
  sync_selection (self);
  declic_window_notify_deadlines (self);
  declic_window_check_workspace_privacy (self);
}

static gboolean
declic_window_close_request (GtkWindow *window)
{
  DeclicWindow *self = DECLIC_WINDOW (window);
  int width, height;

  flush_save (self);

  gtk_window_get_default_size (window, &width, &height);
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  remember_draft (self);

  return GTK_WINDOW_CLASS (declic_window_parent_class)->close_request (window);
}

static void
declic_window_dispose (GObject *object)
{
  DeclicWindow *self = DECLIC_WINDOW (object);

  /* A window destroyed without a close request still keeps what was typed. */
  if (self->draft != NULL)
    declic_window_close_draft (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reselect_source, g_source_remove);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->conflict_dialog = NULL;
  declic_window_stop_deadline_notifications (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DECLIC_TYPE_WINDOW);
  self->toast_overlay = NULL;
  self->leaflet = NULL;
  self->wizard = NULL;
  g_cancellable_cancel (self->recheck_cancellable);
  g_clear_object (&self->recheck_cancellable);
  g_clear_object (&self->selection);
  if (self->filter_bar != NULL)
    declic_filter_bar_set_filter (DECLIC_FILTER_BAR (self->filter_bar), NULL);
  g_clear_object (&self->drafts);
  g_clear_object (&self->store);
  declic_window_clear_spouse_state (self);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->draft_path, g_free);
  g_clear_pointer (&self->open_error, g_free);
  g_clear_pointer (&self->last_trashed, g_free);
  g_clear_pointer (&self->bulk_trashed, g_ptr_array_unref);

  G_OBJECT_CLASS (declic_window_parent_class)->dispose (object);
}

static void
declic_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DeclicWindow *self = DECLIC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
declic_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DeclicWindow *self = DECLIC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
declic_window_constructed (GObject *object)
{
  DeclicWindow *self = DECLIC_WINDOW (object);
  g_autoptr(GtkListItemFactory) factory = NULL;

  G_OBJECT_CLASS (declic_window_parent_class)->constructed (object);

  /* The core's filter: its figures were worked out when the files were read, so that
   * filtering and sorting 10,000 drafts parses nothing on the main thread. */
  self->drafts = declic_draft_filter_new (G_LIST_MODEL (self->store));
  declic_filter_bar_set_filter (DECLIC_FILTER_BAR (self->filter_bar), self->drafts);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->drafts)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind), self);
  gtk_list_view_set_factory (self->draft_list, factory);
  gtk_list_view_set_model (self->draft_list, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (on_visible_items_changed), self);
  g_signal_connect_swapped (self->store, "items-changed", G_CALLBACK (on_store_items_changed), self);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  declic_window_install_actions (self);
  declic_window_install_bulk_actions (self);
  declic_window_install_spouse_actions (self);
  declic_window_install_deadline_notifications (self);
  update_pages (self);
  declic_window_refresh_title (self);

  declic_store_load_async (self->store, self->cancellable, on_store_loaded, g_object_ref (self));
}

static void
declic_window_class_init (DeclicWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = declic_window_dispose;
  object_class->get_property = declic_window_get_property;
  object_class->set_property = declic_window_set_property;
  object_class->constructed = declic_window_constructed;
  window_class->close_request = declic_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DECLIC_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DECLIC_TYPE_DRAFT_ROW);
  g_type_ensure (DECLIC_TYPE_FILTER_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/ca/declic/Declic/ui/declic-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeclicWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DeclicWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DeclicWindow, draft_list);
  gtk_widget_class_bind_template_child (widget_class, DeclicWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeclicWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, DeclicWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, DeclicWindow, placeholder_page);
  gtk_widget_class_bind_template_child (widget_class, DeclicWindow, draft_bin);
  gtk_widget_class_bind_template_child (widget_class, DeclicWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, DeclicWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DeclicWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, DeclicWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, DeclicWindow, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, DeclicWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, DeclicWindow, bulk_revealer);
  gtk_widget_class_bind_template_child (widget_class, DeclicWindow, bulk_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search);
}

static void
declic_window_init (DeclicWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->draft_list));
}

/**
 * declic_window_new:
 * @app: (nullable): the application; tests may leave it out
 */
DeclicWindow *
declic_window_new (DeclicApplication *app,
                   const char        *workspace_folder)
{
  g_autoptr(DeclicStore) store = declic_store_new (workspace_folder);

  return g_object_new (DECLIC_TYPE_WINDOW,
                       "application", app,
                       "store", store,
                       NULL);
}

DeclicStore *
declic_window_get_store (DeclicWindow *self)
{
  g_return_val_if_fail (DECLIC_IS_WINDOW (self), NULL);

  return self->store;
}

DeclicDraft *
declic_window_get_draft (DeclicWindow *self)
{
  g_return_val_if_fail (DECLIC_IS_WINDOW (self), NULL);

  return self->draft;
}

const char *
declic_window_get_draft_path (DeclicWindow *self)
{
  g_return_val_if_fail (DECLIC_IS_WINDOW (self), NULL);

  return self->draft_path;
}

const char *
declic_window_get_open_error (DeclicWindow *self)
{
  g_return_val_if_fail (DECLIC_IS_WINDOW (self), NULL);

  return self->open_error;
}

const char *
declic_window_get_page_name (DeclicWindow *self)
{
  g_return_val_if_fail (DECLIC_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

GListModel *
declic_window_get_visible_drafts (DeclicWindow *self)
{
  g_return_val_if_fail (DECLIC_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->drafts);
}

void
declic_window_set_search_text (DeclicWindow *self,
                               const char   *text)
{
  g_return_if_fail (DECLIC_IS_WINDOW (self));

  gtk_search_bar_set_search_mode (self->search_bar, text != NULL && *text != '\0');
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* Apply now rather than after the entry's typing delay. */
  on_search_entry_search_changed (self, self->search_entry);
}

void
declic_window_open_draft (DeclicWindow *self,
                          const char   *path)
{
  g_return_if_fail (DECLIC_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  declic_window_open_path (self, path);
}

GtkWidget *
declic_window_get_wizard (DeclicWindow *self)
{
  g_return_val_if_fail (DECLIC_IS_WINDOW (self), NULL);

  return self->wizard;
}
