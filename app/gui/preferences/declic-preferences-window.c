/* declic-preferences-window.c: the workspace folder, deadline notifications and the upload server.
 *
 * Settings are written as they are edited (GSettings bindings). The password or token goes
 * to the keyring (declic-secrets.h) when the person applies it, never to GSettings. */
#define G_LOG_DOMAIN "declic-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "declic-gui-utils.h"
#include "declic-preferences-window.h"
#include "declic-store.h"
#include "declic-secrets.h"

struct _DeclicPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwActionRow         *folder_row;
  AdwEntryRow          *server_row;
  AdwComboRow          *auth_row;
  AdwEntryRow          *username_row;
  AdwPasswordEntryRow  *secret_row;
  AdwActionRow         *ca_row;
  GtkWidget            *ca_clear_button;
  GtkSwitch            *deadline_switch;

  GSettings            *settings;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (DeclicPreferencesWindow, declic_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const auth_methods[] = { "none", "basic", "bearer" };

static gboolean
auth_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *method = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (auth_methods); i++)
    if (g_str_equal (method, auth_methods[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
auth_set_mapping (const GValue       *value,
                  const GVariantType *type,
                  gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  return g_variant_new_string (auth_methods[i < G_N_ELEMENTS (auth_methods) ? i : 0]);
}

static void
update_rows (DeclicPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "workspace-folder");
  g_autofree char *ca_file = g_settings_get_string (self->settings, "upload-ca-file");
  guint auth = adw_combo_row_get_selected (self->auth_row);

  if (*folder == '\0')
    {
      g_free (folder);
      folder = declic_store_get_default_folder ();
    }
  adw_action_row_set_subtitle (self->folder_row, folder);

  adw_action_row_set_subtitle (self->ca_row, *ca_file != '\0' ? ca_file : _("The system’s certificates"));
  gtk_widget_set_sensitive (self->ca_clear_button, *ca_file != '\0');

  gtk_widget_set_visible (GTK_WIDGET (self->username_row), auth == 1);
  gtk_widget_set_visible (GTK_WIDGET (self->secret_row), auth != 0);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->secret_row), auth == 2 ? _("Token") : _("Password"));
}

/* Stores the chosen path in the settings key the chooser was opened for. */
static void
on_path_chosen (GtkNativeDialog         *dialog,
                int                      response,
                DeclicPreferencesWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (dialog), "settings-key");
  g_autofree char *path = declic_gui_take_chosen_path (dialog, response);

  if (path != NULL)
    g_settings_set_string (self->settings, key, path);
}

static void
on_folder_button_clicked (DeclicPreferencesWindow *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Choose the Workspace Folder"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "settings-key", (gpointer) "workspace-folder");
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_path_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_ca_button_clicked (DeclicPreferencesWindow *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Choose a Certificate File"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Certificates (PEM)"));
  gtk_file_filter_add_suffix (filter, "pem");
  gtk_file_filter_add_suffix (filter, "crt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "settings-key", (gpointer) "upload-ca-file");
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_path_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_ca_clear_button_clicked (DeclicPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "upload-ca-file", "");
}

static void
on_secret_stored (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DeclicPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (declic_secrets_store_finish (result, &error))
    message = g_strdup (_("Saved in your keyring"));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  else
    message = g_strdup_printf (_("Could not save in the keyring: %s"), error->message);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
on_secret_row_apply (DeclicPreferencesWindow *self)
{
  g_autofree char *url = g_settings_get_string (self->settings, "upload-server-url");
  g_autofree char *user = g_settings_get_string (self->settings, "upload-username");
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_row));
  gboolean bearer = adw_combo_row_get_selected (self->auth_row) == 2;

  if (*url == '\0')
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("Enter the server address first")));
      return;
    }
  declic_secrets_store_async (url, bearer ? "" : user, secret, self->cancellable,
                              on_secret_stored, g_object_ref (self));
  /* The secret does not stay in the entry once it is in the keyring. */
  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
}

static void
declic_preferences_window_dispose (GObject *object)
{
  DeclicPreferencesWindow *self = DECLIC_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), DECLIC_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (declic_preferences_window_parent_class)->dispose (object);
}

static void
declic_preferences_window_class_init (DeclicPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = declic_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/ca/declic/Declic/ui/preferences/declic-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeclicPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, DeclicPreferencesWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, DeclicPreferencesWindow, auth_row);
  gtk_widget_class_bind_template_child (widget_class, DeclicPreferencesWindow, username_row);
  gtk_widget_class_bind_template_child (widget_class, DeclicPreferencesWindow, secret_row);
  gtk_widget_class_bind_template_child (widget_class, DeclicPreferencesWindow, ca_row);
  gtk_widget_class_bind_template_child (widget_class, DeclicPreferencesWindow, ca_clear_button);
  gtk_widget_class_bind_template_child (widget_class, DeclicPreferencesWindow, deadline_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_folder_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_ca_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_ca_clear_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_secret_row_apply);
}

static void
declic_preferences_window_init (DeclicPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);

  g_settings_bind (self->settings, "deadline-notifications", self->deadline_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "upload-server-url", self->server_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "upload-username", self->username_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "upload-auth-method", self->auth_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, auth_get_mapping, auth_set_mapping, NULL, NULL);

  g_signal_connect_swapped (self->settings, "changed", G_CALLBACK (update_rows), self);
  g_signal_connect_swapped (self->auth_row, "notify::selected", G_CALLBACK (update_rows), self);
  update_rows (self);
}

GtkWidget *
declic_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (DECLIC_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
