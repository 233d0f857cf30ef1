/* declic-window-actions.c: the window's actions: drafts (new, open, save, rename, duplicate,
 * delete, export, upload), search, sections, preferences. Accelerators are set by the
 * application (declic-application.c). */
#define G_LOG_DOMAIN "declic-window"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-window-private.h"
#include "preferences/declic-preferences-window.h"
#include "declic-gui-utils.h"
#include "upload/declic-upload.h"

#define SAMPLE_RESOURCE "/ca/declic/Declic/sample-draft.json"

static void
set_enabled (DeclicWindow *self,
             const char   *name,
             gboolean      enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
declic_window_update_actions (DeclicWindow *self)
{
  gboolean has_draft = self->draft != NULL;

  set_enabled (self, "save", has_draft);
  set_enabled (self, "rename", has_draft);
  set_enabled (self, "duplicate", has_draft);
  set_enabled (self, "export", has_draft);
  set_enabled (self, "upload", has_draft);
  set_enabled (self, "delete", self->draft_path != NULL);
  set_enabled (self, "undo-delete", self->last_trashed != NULL);
  set_enabled (self, "next-section", has_draft && self->wizard != NULL);
  set_enabled (self, "previous-section", has_draft && self->wizard != NULL);
}

static char *
dup_draft_title (DeclicDraft *draft)
{
  const char *label = declic_draft_get_client_label (draft);
  char *name = label != NULL ? g_strdup (label) : declic_draft_dup_display_name (draft);

  return name != NULL ? name : g_strdup (_("New draft"));
}

static void
open_saved_draft (DeclicWindow *self,
                  DeclicDraft  *draft)
{
  g_autofree char *path = declic_store_path_for_id (self->store, declic_draft_get_id (draft));

  declic_window_open_path (self, path);
}

static void show_error_toast (DeclicWindow *self,
                              const char   *format,
                              ...) G_GNUC_PRINTF (2, 3);

static void
show_error_toast (DeclicWindow *self,
                  const char   *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  declic_window_show_toast (self, message);
}

static void
on_new_draft (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  g_autoptr(DeclicDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  declic_window_close_draft (self);
  draft = declic_store_create_draft (self->store, &error);
  if (draft == NULL)
    {
      show_error_toast (self, _("Could not create a draft: %s"), error->message);
      return;
    }
  open_saved_draft (self, draft);
}

gboolean
declic_window_import_file (DeclicWindow *self,
                           const char   *path)
{
  g_autoptr(DeclicDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (DECLIC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A file of this workspace is opened where it is rather than copied. */
  dir = g_path_get_dirname (path);
  if (g_strcmp0 (dir, declic_store_get_folder (self->store)) == 0)
    {
      declic_window_open_path (self, path);
      return TRUE;
    }

  draft = declic_store_import_draft (self->store, path, &error);
  if (draft == NULL)
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *message = g_strdup_printf (_("Could not open “%s”: %s"), name, error->message);
      declic_window_show_toast (self, message);
      return FALSE;
    }
  declic_window_close_draft (self);
  open_saved_draft (self, draft);
  return TRUE;
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  DeclicWindow    *self)
{
  g_autofree char *path = declic_gui_take_chosen_path (dialog, response);

  if (path != NULL)
    declic_window_import_file (self, path);
}

static GtkFileFilter *
new_json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Drafts (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

static void
on_open_draft (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = new_json_filter ();

  chooser = gtk_file_chooser_native_new (_("Open a Draft"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
declic_window_open_sample (DeclicWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DeclicDraft) sample = NULL;
  g_autoptr(DeclicDraft) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (DECLIC_IS_WINDOW (self), FALSE);

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    {
      data = g_bytes_get_data (bytes, &length);
      sample = declic_draft_new_from_data (data, length, &error);
    }
  if (sample == NULL)
    {
      show_error_toast (self, _("Could not open the sample draft: %s"), error->message);
      return FALSE;
    }

  /* A copy with its own id, so the sample can be opened again and again. */
  copy = declic_draft_duplicate (sample);
  name = declic_draft_dup_display_name (copy);
  if (name == NULL)
    name = g_strdup (_("Camille Martin"));
  /* Translators: the client label of the sample draft; %s is the person's name */
  label = g_strdup_printf (_("Sample — %s"), name);
  declic_draft_set_string (copy, "client_label", label);

  if (!declic_store_save_draft (self->store, copy, &error))
    {
      show_error_toast (self, _("Could not open the sample draft: %s"), error->message);
      return FALSE;
    }
  declic_window_close_draft (self);
  open_saved_draft (self, copy);
  return TRUE;
}

static void
on_open_sample (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       widget)
{
  declic_window_open_sample (DECLIC_WINDOW (widget));
}

static void
on_save (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->draft == NULL)
    return;
  /* "Save now" writes even without a change, so the person sees it done. */
  self->dirty = TRUE;
  if (!declic_window_save_now (self, &error))
    show_error_toast (self, _("Could not save the draft: %s"), error->message);
  else
    declic_window_show_toast (self, _("Draft saved"));
}

static void
on_duplicate (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  g_autoptr(DeclicDraft) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;

  if (self->draft == NULL)
    return;

  if (!declic_window_save_now (self, &error))
    {
      show_error_toast (self, _("Could not save the draft: %s"), error->message);
      return;
    }

  copy = declic_draft_duplicate (self->draft);
  title = dup_draft_title (self->draft);
  /* Translators: the client label of a duplicated draft; %s is the original's */
  label = g_strdup_printf (_("%s (copy)"), title);
  declic_draft_set_string (copy, "client_label", label);
  if (!declic_store_save_draft (self->store, copy, &error))
    {
      show_error_toast (self, _("Could not duplicate the draft: %s"), error->message);
      return;
    }
  declic_window_close_draft (self);
  open_saved_draft (self, copy);
  declic_window_show_toast (self, _("Draft duplicated"));
}

gboolean
declic_window_rename_draft (DeclicWindow *self,
                            const char   *client_label)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DECLIC_IS_WINDOW (self), FALSE);

  if (self->draft == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (client_label != NULL ? client_label : ""));
  declic_draft_set_string (self->draft, "client_label", *stripped != '\0' ? stripped : NULL);
  if (!declic_window_save_now (self, &error))
    {
      show_error_toast (self, _("Could not save the draft: %s"), error->message);
      return FALSE;
    }
  declic_window_refresh_title (self);
  return TRUE;
}

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    DeclicWindow     *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (g_strcmp0 (response, "rename") == 0)
    declic_window_rename_draft (self, gtk_editable_get_text (entry));
}

static void
on_rename (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;
  const char *label;

  if (self->draft == NULL)
    return;

  label = declic_draft_get_client_label (self->draft);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Draft"),
                                   _("The client label names the draft in the list. The person’s name is not changed."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), label != NULL ? label : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Client label"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Client label"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_undo_delete (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  g_autofree char *trashed = g_steal_pointer (&self->last_trashed);
  g_autofree char *name = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(GError) error = NULL;

  if (trashed == NULL)
    return;
  name = g_path_get_basename (trashed);
  restored = g_build_filename (declic_store_get_folder (self->store), name, NULL);
  if (!declic_store_restore_draft (self->store, trashed, &error))
    {
      declic_window_show_toast (self, error->message);
      return;
    }
  declic_window_open_path (self, restored);
  declic_window_update_actions (self);
}

static void
on_delete (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *trashed = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (self->draft_path == NULL)
    return;

  path = g_strdup (self->draft_path);
  title = self->draft != NULL ? dup_draft_title (self->draft) : g_path_get_basename (path);
  declic_window_close_draft (self);

  trashed = declic_store_trash_draft (self->store, path, &error);
  if (trashed == NULL)
    {
      declic_window_show_toast (self, error->message);
      return;
    }

  g_free (self->last_trashed);
  self->last_trashed = g_steal_pointer (&trashed);
  declic_window_update_actions (self);

  message = g_strdup_printf (_("“%s” deleted"), title);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gboolean
declic_window_export_to (DeclicWindow *self,
                         const char   *path)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DECLIC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->draft == NULL)
    return FALSE;

  if (!declic_window_save_now (self, &error) ||
      !declic_draft_save_to_file (self->draft, path, &error))
    {
      show_error_toast (self, _("Could not export the draft: %s"), error->message);
      return FALSE;
    }
  {
    g_autofree char *name = g_path_get_basename (path);
    show_error_toast (self, _("Exported to “%s”"), name);
  }
  return TRUE;
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    DeclicWindow    *self)
{
  g_autofree char *path = declic_gui_take_chosen_path (dialog, response);

  if (path != NULL)
    declic_window_export_to (self, path);
}

static void
on_export (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = new_json_filter ();
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (self->draft == NULL)
    return;

  title = dup_draft_title (self->draft);
  g_strdelimit (title, "/\\:", '-');
  name = g_strconcat (title, ".json", NULL);
  chooser = gtk_file_chooser_native_new (_("Export the Draft"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_search (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_next_section (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);

  if (self->wizard != NULL)
    gtk_widget_activate_action (self->wizard, "wizard.next", NULL);
}

static void
on_previous_section (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);

  if (self->wizard != NULL)
    gtk_widget_activate_action (self->wizard, "wizard.previous", NULL);
}

static void
on_preferences (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       widget)
{
  GtkWidget *preferences = declic_preferences_window_new (GTK_WINDOW (widget));

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
on_upload (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->draft == NULL)
    return;
  if (!declic_window_save_now (self, &error))
    {
      show_error_toast (self, _("Could not save the draft: %s"), error->message);
      return;
    }
  declic_upload_start (GTK_WINDOW (self), self->toast_overlay, self->store, self->draft_path);
}

static void
on_go_back (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       widget)
{
  DeclicWindow *self = DECLIC_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static const GActionEntry entries[] = {
  { .name = "new-draft", .activate = on_new_draft },
  { .name = "open-draft", .activate = on_open_draft },
  { .name = "open-sample", .activate = on_open_sample },
  { .name = "save", .activate = on_save },
  { .name = "duplicate", .activate = on_duplicate },
  { .name = "rename", .activate = on_rename },
  { .name = "delete", .activate = on_delete },
  { .name = "undo-delete", .activate = on_undo_delete },
  { .name = "export", .activate = on_export },
  { .name = "upload", .activate = on_upload },
  { .name = "search", .activate = on_search },
  { .name = "next-section", .activate = on_next_section },
  { .name = "previous-section", .activate = on_previous_section },
  { .name = "preferences", .activate = on_preferences },
  { .name = "go-back", .activate = on_go_back },
};

void
declic_window_install_actions (DeclicWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  /* GSimpleActions on the window (not widget-class actions), so that tests and the
   * application's accelerators reach them as "win.<name>" and they can be disabled. */
  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);

  builder = gtk_builder_new_from_resource ("/ca/declic/Declic/ui/declic-shortcuts-window.ui");
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                           GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  declic_window_update_actions (self);
}
