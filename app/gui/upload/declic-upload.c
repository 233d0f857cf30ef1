/* declic-upload.c: uploading the open draft to the person's server.
 *
 * Settings come from GSettings and the secret from the keyring. The draft file is only read.
 * A 412 from the server (its copy changed since the last upload from here) offers: keep both
 * (the server copy is downloaded and added as a new draft), overwrite, or cancel. */
#define G_LOG_DOMAIN "declic-upload"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "declic-upload.h"
#include "declic-secrets.h"
#include "declic-uploader.h"

static void
toast (AdwToastOverlay *toasts,
       const char      *message)
{
  adw_toast_overlay_add_toast (toasts, adw_toast_new (message));
}


typedef struct
{
  GtkWindow       *parent;
  AdwToastOverlay *toasts;
  DeclicStore     *store;
  char            *path;
  DeclicUploader  *uploader;
  GCancellable    *cancellable;
  GtkWidget       *progress_dialog;
  GtkProgressBar  *bar;
} UploadJob;

static void
upload_job_free (UploadJob *job)
{
  if (job->progress_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (job->progress_dialog));
  g_clear_object (&job->parent);
  g_clear_object (&job->toasts);
  g_clear_object (&job->store);
  g_clear_object (&job->uploader);
  g_clear_object (&job->cancellable);
  g_free (job->path);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UploadJob, upload_job_free)

static void run_upload (UploadJob *job, DeclicUploadFlags flags);

static void
on_progress (goffset  current,
             goffset  total,
             gpointer user_data)
{
  UploadJob *job = user_data;

  if (job->bar == NULL)
    return;
  if (total > 0)
    gtk_progress_bar_set_fraction (job->bar, (double) current / (double) total);
  else
    gtk_progress_bar_pulse (job->bar);
}

static void
on_progress_response (AdwMessageDialog *dialog,
                      const char       *response,
                      UploadJob        *job)
{
  g_cancellable_cancel (job->cancellable);
}

static void
show_progress (UploadJob  *job,
               const char *heading)
{
  GtkWidget *bar;

  if (job->progress_dialog != NULL)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (job->progress_dialog), heading);
      return;
    }

  job->progress_dialog = adw_message_dialog_new (job->parent, heading,
                                                 _("Your draft stays on this computer as it is."));
  bar = gtk_progress_bar_new ();
  job->bar = GTK_PROGRESS_BAR (bar);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (job->progress_dialog), bar);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (job->progress_dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (job->progress_dialog), "cancel");
  g_signal_connect (job->progress_dialog, "response", G_CALLBACK (on_progress_response), job);
  gtk_window_present (GTK_WINDOW (job->progress_dialog));
}

static void
hide_progress (UploadJob *job)
{
  if (job->progress_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (job->progress_dialog, job);
      gtk_window_destroy (GTK_WINDOW (job->progress_dialog));
    }
  job->progress_dialog = NULL;
  job->bar = NULL;
}

static void
on_downloaded (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(UploadJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DeclicDraft) draft = NULL;
  g_autofree char *etag = NULL;
  gsize length;
  const char *data;

  bytes = declic_uploader_download_finish (DECLIC_UPLOADER (source), result, &etag, &error);
  hide_progress (job);
  if (bytes != NULL)
    {
      data = g_bytes_get_data (bytes, &length);
      draft = declic_draft_new_from_data (data, length, &error);
    }
  if (draft != NULL)
    {
      /* A copy with its own id beside the local draft, which stays as it is. */
      g_autoptr(DeclicDraft) copy = declic_draft_duplicate (draft);
      g_autofree char *name = declic_draft_dup_display_name (draft);
      g_autofree char *label = g_strdup_printf (_("%s (server copy)"), name != NULL ? name : _("New draft"));

      declic_draft_set_string (copy, "client_label", label);
      if (declic_store_save_draft (job->store, copy, &error))
        {
          toast (job->toasts, _("The server copy was added as a new draft"));
          return;
        }
    }
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_error_matches (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("Could not download the server copy: %s"), error->message);
      toast (job->toasts, message);
    }
}

static void
on_conflict_response (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  g_autoptr(UploadJob) job = user_data;

  if (g_str_equal (response, "overwrite"))
    run_upload (g_steal_pointer (&job), DECLIC_UPLOAD_FLAGS_OVERWRITE);
  else if (g_str_equal (response, "keep-both"))
    {
      UploadJob *j = g_steal_pointer (&job);
      show_progress (j, _("Downloading the Server Copy…"));
      declic_uploader_download_async (j->uploader, j->path, on_progress, j, NULL,
                                      j->cancellable, on_downloaded, j);
    }
}

static void
on_unchecked_response (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  g_autoptr(UploadJob) job = user_data;

  if (g_str_equal (response, "upload"))
    run_upload (g_steal_pointer (&job), DECLIC_UPLOAD_FLAGS_ALLOW_UNCHECKED);
}

static void
on_uploaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(UploadJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicSyncMeta) meta = NULL;
  GtkWidget *dialog;

  meta = declic_uploader_upload_finish (DECLIC_UPLOADER (source), result, &error);
  hide_progress (job);

  if (meta != NULL)
    {
      toast (job->toasts, _("Draft uploaded"));
      return;
    }

  if (g_error_matches (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_PRECONDITION_FAILED))
    {
      dialog = adw_message_dialog_new (job->parent, _("The Server Copy Changed"),
                                       _("Someone changed this draft on the server since your last upload from this computer. Keep both drafts, or replace the server copy with yours?"));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "keep-both", _("_Keep Both"),
                                        "overwrite", _("_Replace"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep-both");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (on_conflict_response), g_steal_pointer (&job));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (g_error_matches (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_PRECONDITIONS_IGNORED))
    {
      dialog = adw_message_dialog_new (job->parent, _("Upload Without Protection?"),
                                       _("This server cannot tell whether its copy changed since your last upload, so an upload may replace someone else’s changes."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "upload", _("_Upload Anyway"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "upload", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (on_unchecked_response), g_steal_pointer (&job));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (g_error_matches (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_CANCELLED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      toast (job->toasts, _("Upload cancelled"));
      return;
    }

  {
    g_autofree char *message = g_strdup_printf (_("Could not upload the draft: %s"), error->message);
    toast (job->toasts, message);
  }
}

static void
run_upload (UploadJob         *job,
            DeclicUploadFlags  flags)
{
  g_autoptr(GError) error = NULL;

  if (!declic_uploader_check_settings (job->uploader, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not upload the draft: %s"), error->message);
      toast (job->toasts, message);
      upload_job_free (job);
      return;
    }

  g_cancellable_reset (job->cancellable);
  show_progress (job, _("Uploading…"));
  declic_uploader_upload_async (job->uploader, job->path, flags, on_progress, job, NULL,
                                job->cancellable, on_uploaded, job);
}

static DeclicUploadAuth
get_auth_method (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *method = g_settings_get_string (settings, "upload-auth-method");

  return g_str_equal (method, "bearer") ? DECLIC_UPLOAD_AUTH_BEARER : DECLIC_UPLOAD_AUTH_BASIC;
}

static void
use_secret (UploadJob  *job,
            const char *secret)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *user = g_settings_get_string (settings, "upload-username");
  DeclicUploadAuth auth = get_auth_method ();

  declic_uploader_set_auth (job->uploader, auth, auth == DECLIC_UPLOAD_AUTH_BASIC ? user : NULL, secret);
  run_upload (job, DECLIC_UPLOAD_FLAGS_NONE);
}

static void
on_secret_entered (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  UploadJob *job = user_data;
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "secret-entry");
  g_autofree char *secret = g_strdup (gtk_editable_get_text (entry));

  /* The secret lives in memory for this upload only: clear the entry at once. */
  gtk_editable_set_text (entry, "");
  if (!g_str_equal (response, "upload") || *secret == '\0')
    {
      upload_job_free (job);
      return;
    }
  use_secret (job, secret);
  memset (secret, 0, strlen (secret));
}

/* Without a keyring, or with nothing stored in it, the person types the secret for this upload
 * only (Preferences stores it when a keyring is there). */
static void
ask_secret (UploadJob  *job,
            const char *why)
{
  gboolean bearer = get_auth_method () == DECLIC_UPLOAD_AUTH_BEARER;
  GtkWidget *dialog = adw_message_dialog_new (job->parent,
                                              bearer ? _("Access Token Needed") : _("Password Needed"),
                                              why);
  /* A hidden GtkEntry rather than a GtkPasswordEntry: GTK 4.8's password entry can be notified
   * of the keyboard's Caps Lock state after it is destroyed with its dialog. */
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  bearer ? _("Access token") : _("Password"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "upload", _("_Upload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "upload", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "upload");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "secret-entry", entry);
  g_signal_connect (dialog, "response", G_CALLBACK (on_secret_entered), job);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_secret_found (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  UploadJob *job = user_data;
  g_autoptr(GError) error = NULL;
  char *secret = declic_secrets_lookup_finish (result, &error);

  if (secret == NULL)
    {
      ask_secret (job, error != NULL
                       ? _("Your keyring cannot be reached, so Déclic asks for the secret each time; it is not kept.")
                       : _("Your keyring holds no secret for this server. Enter it for this upload, or store it in Preferences."));
      return;
    }
  use_secret (job, secret);
  declic_secrets_free (secret);
}

void
declic_upload_start (GtkWindow       *parent,
                     AdwToastOverlay *toasts,
                     DeclicStore     *store,
                     const char      *draft_path)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *url = g_settings_get_string (settings, "upload-server-url");
  g_autofree char *method = g_settings_get_string (settings, "upload-auth-method");
  g_autofree char *user = g_settings_get_string (settings, "upload-username");
  g_autofree char *ca_file = g_settings_get_string (settings, "upload-ca-file");
  UploadJob *job;

  if (*url == '\0')
    {
      toast (toasts, _("Enter your server’s address in Preferences first"));
      return;
    }

  job = g_new0 (UploadJob, 1);
  job->parent = g_object_ref (parent);
  job->toasts = g_object_ref (toasts);
  job->store = g_object_ref (store);
  job->path = g_strdup (draft_path);
  job->cancellable = g_cancellable_new ();
  job->uploader = declic_uploader_new (url);
  if (*ca_file != '\0')
    declic_uploader_set_ca_file (job->uploader, ca_file);

  if (g_str_equal (method, "none"))
    run_upload (job, DECLIC_UPLOAD_FLAGS_NONE);
  else
    declic_secrets_lookup_async (url, g_str_equal (method, "bearer") ? "" : user,
                                 job->cancellable, on_secret_found, job);
}

