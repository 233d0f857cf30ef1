/* declic-uploader.c: conditional HTTP uploads of drafts with libcurl, on a worker thread: the
 * object, its settings and the public API, which run jobs (declic-uploader-job.c) in a GTask. */
#define G_LOG_DOMAIN "declic-uploader"

#include "config.h"

#include "declic-i18n.h"
#include "declic-uploader-private.h"

enum
{
  PROP_0,
  PROP_SERVER_URL,
  PROP_CA_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeclicUploader, declic_uploader, G_TYPE_OBJECT)
G_DEFINE_QUARK (declic-upload-error-quark, declic_upload_error)

/* ------------------------------------------------------------------------------------------ */
/* Task plumbing */

typedef struct
{
  GBytes *bytes;
  char   *etag;
} Download;

static void
download_free (gpointer data)
{
  Download *download = data;

  g_clear_pointer (&download->bytes, g_bytes_unref);
  g_free (download->etag);
  g_free (download);
}

static void
run_job_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (!declic_uploader_ensure_curl (job, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  switch (job->kind)
    {
    case JOB_UPLOAD:
      {
        DeclicSyncMeta *meta = declic_uploader_run_upload (job, &error);
        if (meta == NULL)
          g_task_return_error (task, error);
        else
          g_task_return_pointer (task, meta, (GDestroyNotify) declic_sync_meta_unref);
      }
      break;

    case JOB_DOWNLOAD:
      {
        Download *download = g_new0 (Download, 1);
        download->bytes = declic_uploader_run_download (job, &download->etag, &error);
        if (download->bytes == NULL)
          {
            download_free (download);
            g_task_return_error (task, error);
          }
        else
          g_task_return_pointer (task, download, download_free);
      }
      break;

    case JOB_PROBE:
      if (!declic_uploader_run_probe (job, &error))
        g_task_return_error (task, error);
      else
        g_task_return_int (task, job->preconditions);
      break;

    default:
      g_assert_not_reached ();
    }

  /* Close connections here, on the thread that used them. */
  g_clear_pointer (&job->curl, curl_easy_cleanup);
}

static void
start_job (DeclicUploader      *self,
           Job                 *job,
           GCancellable        *cancellable,
           gpointer             source_tag,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  /* The task reports our own "cancelled" error, with a translated message. */
  g_task_set_check_cancellable (task, FALSE);
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  g_task_set_task_data (task, job, declic_uploader_job_free);
  g_task_run_in_thread (task, run_job_in_thread);
}

/* ------------------------------------------------------------------------------------------ */
/* Public API */

void
declic_uploader_upload_async (DeclicUploader           *self,
                              const char               *draft_path,
                              DeclicUploadFlags         flags,
                              DeclicUploadProgressFunc  progress,
                              gpointer                  progress_data,
                              GDestroyNotify            progress_data_free,
                              GCancellable             *cancellable,
                              GAsyncReadyCallback       callback,
                              gpointer                  user_data)
{
  GError *error = NULL;
  Job *job;

  g_return_if_fail (DECLIC_IS_UPLOADER (self));
  g_return_if_fail (draft_path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = declic_uploader_job_new_for_draft (self, JOB_UPLOAD, draft_path, progress, progress_data, progress_data_free,
                                           TRUE, &error);
  if (job == NULL)
    {
      g_task_report_error (self, callback, user_data, declic_uploader_upload_async, error);
      return;
    }
  job->flags = flags;

  start_job (self, job, cancellable, declic_uploader_upload_async, callback, user_data);
}

/**
 * declic_uploader_upload_finish:
 *
 * Returns: (transfer full) (nullable): the record of the upload, as saved in the workspace
 */
DeclicSyncMeta *
declic_uploader_upload_finish (DeclicUploader  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (DECLIC_IS_UPLOADER (self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, declic_uploader_upload_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

DeclicSyncMeta *
declic_uploader_upload (DeclicUploader           *self,
                        const char               *draft_path,
                        DeclicUploadFlags         flags,
                        DeclicUploadProgressFunc  progress,
                        gpointer                  progress_data,
                        GCancellable             *cancellable,
                        GError                  **error)
{
  g_autoptr(Job) job = NULL;
  DeclicSyncMeta *meta;

  g_return_val_if_fail (DECLIC_IS_UPLOADER (self), NULL);
  g_return_val_if_fail (draft_path != NULL, NULL);

  job = declic_uploader_job_new_for_draft (self, JOB_UPLOAD, draft_path, progress, progress_data, NULL, FALSE, error);
  if (job == NULL)
    return NULL;
  job->flags = flags;
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  if (!declic_uploader_ensure_curl (job, error))
    return NULL;

  meta = declic_uploader_run_upload (job, error);
  return meta;
}

void
declic_uploader_download_async (DeclicUploader           *self,
                                const char               *draft_path,
                                DeclicUploadProgressFunc  progress,
                                gpointer                  progress_data,
                                GDestroyNotify            progress_data_free,
                                GCancellable             *cancellable,
                                GAsyncReadyCallback       callback,
                                gpointer                  user_data)
{
  GError *error = NULL;
  Job *job;

  g_return_if_fail (DECLIC_IS_UPLOADER (self));
  g_return_if_fail (draft_path != NULL);

  job = declic_uploader_job_new_for_draft (self, JOB_DOWNLOAD, draft_path, progress, progress_data, progress_data_free,
                                           TRUE, &error);
  if (job == NULL)
    {
      g_task_report_error (self, callback, user_data, declic_uploader_download_async, error);
      return;
    }

  start_job (self, job, cancellable, declic_uploader_download_async, callback, user_data);
}

/**
 * declic_uploader_download_finish:
 * @etag: (out) (optional): the server copy's ETag, or %NULL when it sent none
 *
 * Returns: (transfer full) (nullable): the exact bytes of the server copy
 */
GBytes *
declic_uploader_download_finish (DeclicUploader  *self,
                                 GAsyncResult    *result,
                                 char           **etag,
                                 GError         **error)
{
  Download *download;
  GBytes *bytes;

  g_return_val_if_fail (DECLIC_IS_UPLOADER (self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, declic_uploader_download_async), NULL);

  download = g_task_propagate_pointer (G_TASK (result), error);
  if (download == NULL)
    return NULL;

  bytes = g_steal_pointer (&download->bytes);
  if (etag != NULL)
    *etag = g_steal_pointer (&download->etag);
  download_free (download);
  return bytes;
}

GBytes *
declic_uploader_download (DeclicUploader  *self,
                          const char      *draft_path,
                          char           **etag,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autoptr(Job) job = NULL;

  g_return_val_if_fail (DECLIC_IS_UPLOADER (self), NULL);
  g_return_val_if_fail (draft_path != NULL, NULL);

  job = declic_uploader_job_new_for_draft (self, JOB_DOWNLOAD, draft_path, NULL, NULL, NULL, FALSE, error);
  if (job == NULL)
    return NULL;
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  if (!declic_uploader_ensure_curl (job, error))
    return NULL;

  return declic_uploader_run_download (job, etag, error);
}

void
declic_uploader_probe_preconditions_async (DeclicUploader      *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  GError *error = NULL;
  Job *job;

  g_return_if_fail (DECLIC_IS_UPLOADER (self));

  job = declic_uploader_job_new (self, JOB_PROBE, &error);
  if (job == NULL)
    {
      g_task_report_error (self, callback, user_data, declic_uploader_probe_preconditions_async, error);
      return;
    }
  start_job (self, job, cancellable, declic_uploader_probe_preconditions_async, callback, user_data);
}

/**
 * declic_uploader_probe_preconditions_finish:
 *
 * Returns: %DECLIC_PRECONDITIONS_HONOURED or %DECLIC_PRECONDITIONS_IGNORED, or
 *   %DECLIC_PRECONDITIONS_UNKNOWN with @error set
 */
DeclicPreconditions
declic_uploader_probe_preconditions_finish (DeclicUploader  *self,
                                            GAsyncResult    *result,
                                            GError         **error)
{
  GError *local_error = NULL;
  gssize value;

  g_return_val_if_fail (DECLIC_IS_UPLOADER (self), DECLIC_PRECONDITIONS_UNKNOWN);
  g_return_val_if_fail (g_async_result_is_tagged (result, declic_uploader_probe_preconditions_async),
                        DECLIC_PRECONDITIONS_UNKNOWN);

  value = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return DECLIC_PRECONDITIONS_UNKNOWN;
    }
  return (DeclicPreconditions) value;
}

DeclicPreconditions
declic_uploader_probe_preconditions (DeclicUploader  *self,
                                     GCancellable    *cancellable,
                                     GError         **error)
{
  g_autoptr(Job) job = NULL;

  g_return_val_if_fail (DECLIC_IS_UPLOADER (self), DECLIC_PRECONDITIONS_UNKNOWN);

  job = declic_uploader_job_new (self, JOB_PROBE, error);
  if (job == NULL)
    return DECLIC_PRECONDITIONS_UNKNOWN;
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  if (!declic_uploader_ensure_curl (job, error) || !declic_uploader_run_probe (job, error))
    return DECLIC_PRECONDITIONS_UNKNOWN;

  return job->preconditions;
}

gboolean
declic_uploader_check_settings (DeclicUploader  *self,
                                GError         **error)
{
  g_autoptr(Job) job = NULL;

  g_return_val_if_fail (DECLIC_IS_UPLOADER (self), FALSE);

  job = declic_uploader_job_new (self, JOB_PROBE, error);
  return job != NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* The object */

static void
declic_uploader_finalize (GObject *object)
{
  DeclicUploader *self = DECLIC_UPLOADER (object);

  g_free (self->server_url);
  g_free (self->username);
  declic_uploader_wipe_and_free (self->secret);
  g_free (self->ca_file);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (declic_uploader_parent_class)->finalize (object);
}

static void
declic_uploader_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DeclicUploader *self = DECLIC_UPLOADER (object);

  switch (prop_id)
    {
    case PROP_SERVER_URL:
      g_value_set_string (value, self->server_url);
      break;
    case PROP_CA_FILE:
      g_value_set_string (value, self->ca_file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
declic_uploader_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DeclicUploader *self = DECLIC_UPLOADER (object);

  switch (prop_id)
    {
    case PROP_SERVER_URL:
      declic_uploader_set_server_url (self, g_value_get_string (value));
      break;
    case PROP_CA_FILE:
      declic_uploader_set_ca_file (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
declic_uploader_class_init (DeclicUploaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static gsize curl_initialized = 0;

  object_class->finalize = declic_uploader_finalize;
  object_class->get_property = declic_uploader_get_property;
  object_class->set_property = declic_uploader_set_property;

  properties[PROP_SERVER_URL] =
    g_param_spec_string ("server-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CA_FILE] =
    g_param_spec_string ("ca-file", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* curl_global_init is not thread-safe on every build: once, before any worker exists. */
  if (g_once_init_enter (&curl_initialized))
    {
      CURLcode code = curl_global_init (CURL_GLOBAL_DEFAULT);
      if (code != CURLE_OK)
        g_critical ("Could not initialize libcurl: %s", curl_easy_strerror (code));
      g_once_init_leave (&curl_initialized, 1);
    }
}

static void
declic_uploader_init (DeclicUploader *self)
{
  g_mutex_init (&self->lock);
  self->auth = DECLIC_UPLOAD_AUTH_NONE;
  self->connect_ms = DEFAULT_CONNECT_MS;
  self->idle_ms = DEFAULT_IDLE_MS;
  self->total_ms = DEFAULT_TOTAL_MS;
  self->max_tries = DEFAULT_MAX_TRIES;
  self->first_delay_ms = DEFAULT_FIRST_DELAY_MS;
  self->draft_deadline_ms = DEFAULT_DRAFT_DEADLINE_MS;
  self->low_speed_bytes = DEFAULT_LOW_SPEED_BYTES;
  self->preconditions = DECLIC_PRECONDITIONS_UNKNOWN;
}

/**
 * declic_uploader_new:
 * @server_url: (nullable): the server folder, such as "https://dav.example.org/drafts"
 */
DeclicUploader *
declic_uploader_new (const char *server_url)
{
  return g_object_new (DECLIC_TYPE_UPLOADER, "server-url", server_url, NULL);
}

const char *
declic_uploader_get_server_url (DeclicUploader *self)
{
  g_return_val_if_fail (DECLIC_IS_UPLOADER (self), NULL);
  return self->server_url;
}

void
declic_uploader_set_server_url (DeclicUploader *self,
                                const char     *server_url)
{
  g_return_if_fail (DECLIC_IS_UPLOADER (self));

  g_mutex_lock (&self->lock);
  if (g_strcmp0 (self->server_url, server_url) == 0)
    {
      g_mutex_unlock (&self->lock);
      return;
    }
  g_free (self->server_url);
  self->server_url = g_strdup (server_url);
  /* What a probe found belongs to the server it asked. */
  self->preconditions = DECLIC_PRECONDITIONS_UNKNOWN;
  g_mutex_unlock (&self->lock);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_URL]);
}

DeclicUploadAuth
declic_uploader_get_auth (DeclicUploader *self)
{
  g_return_val_if_fail (DECLIC_IS_UPLOADER (self), DECLIC_UPLOAD_AUTH_NONE);
  return self->auth;
}

const char *
declic_uploader_get_username (DeclicUploader *self)
{
  g_return_val_if_fail (DECLIC_IS_UPLOADER (self), NULL);
  return self->username;
}

void
declic_uploader_set_auth (DeclicUploader   *self,
                          DeclicUploadAuth  auth,
                          const char       *username,
                          const char       *secret)
{
  g_return_if_fail (DECLIC_IS_UPLOADER (self));
  g_return_if_fail (auth <= DECLIC_UPLOAD_AUTH_BEARER);

  self->auth = auth;
  g_free (self->username);
  self->username = g_strdup (username);
  declic_uploader_wipe_and_free (self->secret);
  self->secret = g_strdup (secret);
}

const char *
declic_uploader_get_ca_file (DeclicUploader *self)
{
  g_return_val_if_fail (DECLIC_IS_UPLOADER (self), NULL);
  return self->ca_file;
}

void
declic_uploader_set_ca_file (DeclicUploader *self,
                             const char     *ca_file)
{
  g_return_if_fail (DECLIC_IS_UPLOADER (self));

  if (g_strcmp0 (self->ca_file, ca_file) == 0)
    return;
  g_free (self->ca_file);
  self->ca_file = g_strdup (ca_file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CA_FILE]);
}

void
declic_uploader_set_timeouts (DeclicUploader *self,
                              guint           connect_ms,
                              guint           idle_ms,
                              guint           total_ms)
{
  g_return_if_fail (DECLIC_IS_UPLOADER (self));

  self->connect_ms = connect_ms > 0 ? connect_ms : DEFAULT_CONNECT_MS;
  self->idle_ms = idle_ms > 0 ? idle_ms : DEFAULT_IDLE_MS;
  self->total_ms = total_ms > 0 ? total_ms : DEFAULT_TOTAL_MS;
}

void
declic_uploader_set_draft_limits (DeclicUploader *self,
                                  guint           deadline_ms,
                                  guint           low_speed_bytes)
{
  g_return_if_fail (DECLIC_IS_UPLOADER (self));

  self->draft_deadline_ms = deadline_ms > 0 ? deadline_ms : DEFAULT_DRAFT_DEADLINE_MS;
  self->low_speed_bytes = low_speed_bytes > 0 ? low_speed_bytes : DEFAULT_LOW_SPEED_BYTES;
}

void
declic_uploader_set_retry_policy (DeclicUploader *self,
                                  guint           max_tries,
                                  guint           first_delay_ms)
{
  g_return_if_fail (DECLIC_IS_UPLOADER (self));

  self->max_tries = MAX (1, max_tries);
  self->first_delay_ms = first_delay_ms;
}

DeclicPreconditions
declic_uploader_get_preconditions (DeclicUploader *self)
{
  DeclicPreconditions preconditions;

  g_return_val_if_fail (DECLIC_IS_UPLOADER (self), DECLIC_PRECONDITIONS_UNKNOWN);

  g_mutex_lock (&self->lock);
  preconditions = self->preconditions;
  g_mutex_unlock (&self->lock);
  return preconditions;
}

void
declic_uploader_set_preconditions (DeclicUploader      *self,
                                   DeclicPreconditions  preconditions)
{
  g_return_if_fail (DECLIC_IS_UPLOADER (self));

  g_mutex_lock (&self->lock);
  self->preconditions = preconditions;
  g_mutex_unlock (&self->lock);
}
