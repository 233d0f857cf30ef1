/* test-upload-gui.c: uploading from the window against a real lighttpd WebDAV server — the
 * password asked when no keyring holds it, the progress, and a conflict answered "keep both".
 * The local draft stays byte for byte as it was throughout. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "declic-store.h"
#include "declic-test-utils.h"
#include "declic-upload-test-utils.h"
#include "upload/declic-upload.h"

typedef struct
{
  DeclicTestServer *server;
  char             *workspace;
  DeclicStore      *store;
  GtkWindow        *window;
  AdwToastOverlay  *toasts;
  char             *path;
} Fixture;

/* The dialog that offers @response (the progress dialog offers only "cancel"). */
static AdwMessageDialog *
wait_for_dialog (const char *response)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
              adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (window), response) &&
              g_object_get_data (window, "answered") == NULL)
            return ADW_MESSAGE_DIALOG (window);
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_not_reached ();
}

static void
wait_until (gboolean (*done) (Fixture *), Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;

  while (!done (fixture) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (done (fixture));
}

static gboolean
no_dialog_left (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window))
        return FALSE;
    }
  return TRUE;
}

static gboolean
server_has_copy (Fixture *fixture)
{
  g_autofree char *remote = g_build_filename (declic_test_server_get_folder (fixture->server),
                                              "Client GUI", NULL);
  g_autoptr(GDir) dir = g_dir_open (remote, 0, NULL);

  return dir != NULL && g_dir_read_name (dir) != NULL;
}

static gboolean
store_has_two_drafts (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fixture->store)) == 2;
}

static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  /* As a click on its button does: respond, then close. */
  g_object_set_data (G_OBJECT (dialog), "answered", GINT_TO_POINTER (TRUE));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_upload_from_window (void)
{
  Fixture f = { 0 };
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(DeclicTestSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  g_autofree char *remote_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  f.server = declic_test_server_start_lighttpd ("alice", "s3cret mot de passe");
  if (f.server == NULL)
    {
      g_test_skip ("lighttpd is not installed");
      return;
    }
  f.workspace = declic_test_make_workspace ();
  f.path = declic_test_write_draft (f.workspace, "Client GUI", NULL);
  f.store = declic_store_new (f.workspace);
  g_assert_true (declic_store_load (f.store, NULL, &error));
  f.window = GTK_WINDOW (adw_window_new ());
  f.toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_window_set_content (ADW_WINDOW (f.window), GTK_WIDGET (f.toasts));
  gtk_window_present (f.window);
  snapshot = declic_test_snapshot_new (f.path);

  g_settings_set_string (settings, "upload-server-url", declic_test_server_get_url (f.server));
  g_settings_set_string (settings, "upload-auth-method", "basic");
  g_settings_set_string (settings, "upload-username", "alice");

  /* No keyring here: the password is asked for, for this upload only. */
  declic_upload_start (f.window, f.toasts, f.store, f.path);
  dialog = wait_for_dialog ("upload");
  entry = g_object_get_data (G_OBJECT (dialog), "secret-entry");
  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, "s3cret mot de passe");
  answer (dialog, "upload");
  wait_until (server_has_copy, &f);
  declic_test_snapshot_assert_unchanged (snapshot);

  /* Another client changes the server copy: the next upload is a conflict, and "keep both" adds
   * the server copy as a second local draft. */
  remote_dir = g_build_filename (declic_test_server_get_folder (f.server), "Client GUI", NULL);
  dir = g_dir_open (remote_dir, 0, NULL);
  name = g_dir_read_name (dir);
  {
    g_autofree char *remote = g_build_filename (remote_dir, name, NULL);
    declic_test_edit_draft (remote, "Changed by a colleague");
  }

  declic_upload_start (f.window, f.toasts, f.store, f.path);
  dialog = wait_for_dialog ("upload");
  entry = g_object_get_data (G_OBJECT (dialog), "secret-entry");
  gtk_editable_set_text (entry, "s3cret mot de passe");
  answer (dialog, "upload");

  dialog = wait_for_dialog ("keep-both");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "keep-both");
  answer (dialog, "keep-both");
  wait_until (store_has_two_drafts, &f);
  declic_test_snapshot_assert_unchanged (snapshot);

  /* Every dialog is closed once answered, and the progress dialog went with the upload. */
  wait_until (no_dialog_left, &f);
  gtk_window_destroy (f.window);
  g_clear_object (&f.store);
  declic_test_server_stop (f.server);
  declic_test_remove_tree (f.workspace);
  g_free (f.workspace);
  g_free (f.path);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/upload-gui/from-window", test_upload_from_window);

  return g_test_run ();
}
