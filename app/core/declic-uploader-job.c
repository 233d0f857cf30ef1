/* declic-uploader-job.c: a job, the snapshot of the uploader's settings a worker thread runs
 * with; every refusal of bad settings happens here, before any connection. */
#define G_LOG_DOMAIN "declic-uploader"

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "declic-i18n.h"
#include "declic-uploader-private.h"

/* Overwrites a secret before its memory goes back to the allocator. */
void
declic_uploader_wipe_and_free (char *secret)
{
  volatile char *p = secret;

  if (secret == NULL)
    return;
  while (*p != '\0')
    *p++ = '\0';
  g_free (secret);
}

/* "https://h/x/" and "https://h/x" name the same folder. */
char *
declic_uploader_strip_trailing_slashes (const char *url)
{
  char *copy = g_strdup (url != NULL ? url : "");
  gsize len = strlen (copy);

  while (len > 0 && copy[len - 1] == '/')
    copy[--len] = '\0';
  return copy;
}


void
declic_uploader_job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->uploader);
  g_free (job->server_url);
  g_free (job->display_host);
  g_free (job->username);
  declic_uploader_wipe_and_free (job->secret);
  g_free (job->ca_file);
  g_free (job->draft_path);
  declic_uploader_progress_unref (job->progress);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->curl, curl_easy_cleanup);
  g_free (job);
}

gboolean
declic_uploader_is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;

  /* libcurl resolves "localhost" to the loopback addresses itself (since 7.78), without asking
   * a name server, so it cannot be pointed elsewhere. */
  if (g_ascii_strcasecmp (host, "localhost") == 0 || g_ascii_strcasecmp (host, "localhost.") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* Validates and snapshots the settings. Every refusal happens here, before any connection. */
Job *
declic_uploader_job_new (DeclicUploader  *self,
                         JobKind          kind,
                         GError         **error)
{
  g_autoptr(Job) job = g_new0 (Job, 1);
  g_autoptr(GUri) uri = NULL;
  const char *scheme, *host;

  job->kind = kind;
  job->uploader = g_object_ref (self);

  if (self->server_url == NULL || *self->server_url == '\0')
    {
      g_set_error_literal (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID,
                           _("No upload server is set. Enter the address of your server first."));
      return NULL;
    }

  /* The address is never repeated in these messages: a mistyped one could hold a password. */
  uri = g_uri_parse (self->server_url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_HAS_PASSWORD, NULL);
  if (uri == NULL)
    {
      g_set_error_literal (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID,
                           _("The server address is not a valid web address. It should look like https://example.org/drafts."));
      return NULL;
    }
  if (g_uri_get_user (uri) != NULL || g_uri_get_password (uri) != NULL ||
      g_uri_get_auth_params (uri) != NULL)
    {
      g_set_error_literal (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID,
                           _("The server address must not contain a user name or a password. Remove them from the address and enter them in the sign-in settings."));
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0) ||
      host == NULL || *host == '\0')
    {
      g_set_error_literal (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID,
                           _("The server address must start with “https://” and name a server, such as https://example.org/drafts."));
      return NULL;
    }
  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error_literal (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID,
                           _("The server address must be a folder address, without “?” or “#”."));
      return NULL;
    }

  job->loopback = declic_uploader_is_loopback_host (host);
  job->display_host = g_uri_get_port (uri) > 0
                        ? g_strdup_printf (strchr (host, ':') != NULL ? "[%s]:%d" : "%s:%d",
                                           host, g_uri_get_port (uri))
                        : g_strdup (host);

  if (g_ascii_strcasecmp (scheme, "http") == 0 && !job->loopback)
    {
      g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INSECURE,
                   _("Déclic sends drafts only over an encrypted connection, and the address of %s starts with “http://”. Use an address that starts with “https://”; “http://” is allowed only for this computer."),
                   job->display_host);
      return NULL;
    }

  job->server_url = declic_uploader_strip_trailing_slashes (self->server_url);

  if (self->ca_file != NULL && *self->ca_file != '\0')
    {
      if (g_access (self->ca_file, R_OK) != 0 ||
          !g_file_test (self->ca_file, G_FILE_TEST_IS_REGULAR))
        {
          g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID,
                       _("The certificate authority file “%s” cannot be read."), self->ca_file);
          return NULL;
        }
      job->ca_file = g_strdup (self->ca_file);
    }

  job->auth = self->auth;
  switch (self->auth)
    {
    case DECLIC_UPLOAD_AUTH_NONE:
      break;

    case DECLIC_UPLOAD_AUTH_BASIC:
      if (self->username == NULL || *self->username == '\0' || strchr (self->username, ':') != NULL)
        {
          g_set_error_literal (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID,
                               _("Enter a user name for the upload server (without “:”)."));
          return NULL;
        }
      if (self->secret == NULL)
        {
          g_set_error_literal (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID,
                               _("Enter the password for the upload server."));
          return NULL;
        }
      job->username = g_strdup (self->username);
      job->secret = g_strdup (self->secret);
      break;

    case DECLIC_UPLOAD_AUTH_BEARER:
      if (self->secret == NULL || *self->secret == '\0')
        {
          g_set_error_literal (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID,
                               _("Enter the access token for the upload server."));
          return NULL;
        }
      /* It goes into a header line: a line break would let it add headers of its own. */
      for (const char *p = self->secret; *p != '\0'; p++)
        if ((guchar) *p < 0x20 || *p == 0x7f)
          {
            g_set_error_literal (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID,
                                 _("The access token contains characters that cannot be sent. Copy it again."));
            return NULL;
          }
      job->secret = g_strdup (self->secret);
      break;

    default:
      g_assert_not_reached ();
    }

  job->connect_ms = self->connect_ms;
  job->idle_ms = self->idle_ms;
  job->total_ms = self->total_ms;
  job->max_tries = self->max_tries;
  job->first_delay_ms = self->first_delay_ms;
  job->draft_deadline_ms = self->draft_deadline_ms;
  job->low_speed_bytes = self->low_speed_bytes;

  g_mutex_lock (&self->lock);
  job->preconditions = self->preconditions;
  g_mutex_unlock (&self->lock);

  return g_steal_pointer (&job);
}

/* A job about the draft at @draft_path, with its progress callback. Takes @progress_data
 * either way: freed at once when there is no job or no @progress. @on_main_context: deliver
 * progress on the caller's main context (async calls) rather than on the worker (sync calls). */
Job *
declic_uploader_job_new_for_draft (DeclicUploader            *self,
                                   JobKind                    kind,
                                   const char                *draft_path,
                                   DeclicUploadProgressFunc   progress,
                                   gpointer                   progress_data,
                                   GDestroyNotify             progress_data_free,
                                   gboolean                   on_main_context,
                                   GError                   **error)
{
  Job *job = declic_uploader_job_new (self, kind, error);

  if (job == NULL)
    {
      if (progress_data_free != NULL)
        progress_data_free (progress_data);
      return NULL;
    }
  job->draft_path = g_strdup (draft_path);
  if (progress != NULL)
    job->progress = declic_uploader_progress_new (progress, progress_data, progress_data_free, on_main_context);
  else if (progress_data_free != NULL)
    progress_data_free (progress_data);
  return job;
}
