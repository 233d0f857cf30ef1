/* declic-uploader.c: conditional HTTP uploads of drafts with libcurl, on a worker thread. */
#define G_LOG_DOMAIN "declic-uploader"

#include "config.h"

#include <curl/curl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "declic-draft.h"
#include "declic-uploader.h"

/* libcurl's handles, freed by g_autoptr like everything else. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CURL, curl_easy_cleanup)

#define DEFAULT_CONNECT_MS     15000
#define DEFAULT_IDLE_MS        30000
#define DEFAULT_TOTAL_MS       (5 * 60 * 1000)
#define DEFAULT_MAX_TRIES      3
#define DEFAULT_FIRST_DELAY_MS 500
/* Error pages and the like: kept for debugging, never needed whole. */
#define MAX_SMALL_RESPONSE     (64 * 1024)

struct _DeclicUploader
{
  GObject           parent_instance;

  char             *server_url;
  DeclicUploadAuth  auth;
  char             *username;
  char             *secret;
  char             *ca_file;
  guint             connect_ms;
  guint             idle_ms;
  guint             total_ms;
  guint             max_tries;
  guint             first_delay_ms;

  /* Written by worker threads when a probe finishes. */
  GMutex            lock;
  DeclicPreconditions preconditions;
};

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

/* Overwrites a secret before its memory goes back to the allocator. */
static void
wipe_and_free (char *secret)
{
  volatile char *p = secret;

  if (secret == NULL)
    return;
  while (*p != '\0')
    *p++ = '\0';
  g_free (secret);
}

/* "https://h/x/" and "https://h/x" name the same folder. */
static char *
strip_trailing_slashes (const char *url)
{
  char *copy = g_strdup (url != NULL ? url : "");
  gsize len = strlen (copy);

  while (len > 0 && copy[len - 1] == '/')
    copy[--len] = '\0';
  return copy;
}

/* ------------------------------------------------------------------------------------------ */
/* Progress, delivered on the caller's main context */

typedef struct
{
  gatomicrefcount           ref_count;
  DeclicUploadProgressFunc  func;
  gpointer                  data;
  GDestroyNotify            data_free;
  GMainContext             *context;   /* NULL: call on the worker's own thread (sync calls) */

  GMutex                    lock;
  goffset                   current;
  goffset                   total;
  gboolean                  pending;
  goffset                   last_current;
  goffset                   last_total;
} Progress;

static Progress *
progress_new (DeclicUploadProgressFunc func,
              gpointer                 data,
              GDestroyNotify           data_free,
              gboolean                 on_main_context)
{
  Progress *progress = g_new0 (Progress, 1);

  g_atomic_ref_count_init (&progress->ref_count);
  g_mutex_init (&progress->lock);
  progress->func = func;
  progress->data = data;
  progress->data_free = data_free;
  progress->context = on_main_context ? g_main_context_ref_thread_default () : NULL;
  progress->last_current = -1;
  progress->last_total = -1;

  return progress;
}

static Progress *
progress_ref (Progress *progress)
{
  g_atomic_ref_count_inc (&progress->ref_count);
  return progress;
}

static void
progress_unref (gpointer data)
{
  Progress *progress = data;

  if (progress == NULL || !g_atomic_ref_count_dec (&progress->ref_count))
    return;

  if (progress->data_free != NULL)
    progress->data_free (progress->data);
  g_clear_pointer (&progress->context, g_main_context_unref);
  g_mutex_clear (&progress->lock);
  g_free (progress);
}

static gboolean
dispatch_progress (gpointer data)
{
  Progress *progress = data;
  goffset current, total;

  g_mutex_lock (&progress->lock);
  current = progress->current;
  total = progress->total;
  progress->pending = FALSE;
  g_mutex_unlock (&progress->lock);

  progress->func (current, total, progress->data);
  return G_SOURCE_REMOVE;
}

static void
report_progress (Progress *progress,
                 goffset   current,
                 goffset   total)
{
  gboolean schedule = FALSE;

  if (progress == NULL || progress->func == NULL)
    return;

  g_mutex_lock (&progress->lock);
  /* libcurl calls back many times a second with the same figures: pass on only changes. A
   * request sent again (a retry, or after making the folder) starts from 0: the bar must not
   * jump back, so it waits until the new attempt passes the old one. */
  if ((current > progress->last_current && total == progress->last_total) ||
      (total > progress->last_total))
    {
      progress->last_current = progress->current = current;
      progress->last_total = progress->total = total;
      /* At most one pending call: a slow main loop sees the latest figures, not a backlog. */
      if (!progress->pending)
        {
          progress->pending = TRUE;
          schedule = TRUE;
        }
    }
  g_mutex_unlock (&progress->lock);

  if (!schedule)
    return;

  if (progress->context == NULL)
    dispatch_progress (progress);
  else
    {
      /* Not g_main_context_invoke (): it runs the callback right here, on the worker, whenever
       * it can acquire the context, i.e. when the main thread happens not to be iterating it. */
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, dispatch_progress, progress_ref (progress), progress_unref);
      g_source_set_static_name (source, "[declic] upload progress");
      g_source_attach (source, progress->context);
      g_source_unref (source);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* A job: a snapshot of the settings, so the worker never reads the uploader's fields */

typedef enum
{
  JOB_UPLOAD,
  JOB_DOWNLOAD,
  JOB_PROBE,
} JobKind;

typedef struct
{
  JobKind              kind;
  DeclicUploader      *uploader;
  char                *server_url;    /* no trailing slash */
  char                *display_host;  /* "host" or "host:port", for messages */
  gboolean             loopback;
  DeclicUploadAuth     auth;
  char                *username;
  char                *secret;
  char                *ca_file;
  guint                connect_ms;
  guint                idle_ms;
  guint                total_ms;
  guint                max_tries;
  guint                first_delay_ms;
  DeclicPreconditions  preconditions;

  char                *draft_path;
  DeclicUploadFlags    flags;
  Progress            *progress;
  GCancellable        *cancellable;
  CURL                *curl;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->uploader);
  g_free (job->server_url);
  g_free (job->display_host);
  g_free (job->username);
  wipe_and_free (job->secret);
  g_free (job->ca_file);
  g_free (job->draft_path);
  progress_unref (job->progress);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->curl, curl_easy_cleanup);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

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
static Job *
job_new (DeclicUploader  *self,
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

  job->server_url = strip_trailing_slashes (self->server_url);

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

  g_mutex_lock (&self->lock);
  job->preconditions = self->preconditions;
  g_mutex_unlock (&self->lock);

  return g_steal_pointer (&job);
}

/* A job about the draft at @draft_path, with its progress callback. Takes @progress_data
 * either way: freed at once when there is no job or no @progress. @on_main_context: deliver
 * progress on the caller's main context (async calls) rather than on the worker (sync calls). */
static Job *
job_new_for_draft (DeclicUploader            *self,
                   JobKind                    kind,
                   const char                *draft_path,
                   DeclicUploadProgressFunc   progress,
                   gpointer                   progress_data,
                   GDestroyNotify             progress_data_free,
                   gboolean                   on_main_context,
                   GError                   **error)
{
  Job *job = job_new (self, kind, error);

  if (job == NULL)
    {
      if (progress_data_free != NULL)
        progress_data_free (progress_data);
      return NULL;
    }
  job->draft_path = g_strdup (draft_path);
  if (progress != NULL)
    job->progress = progress_new (progress, progress_data, progress_data_free, on_main_context);
  else if (progress_data_free != NULL)
    progress_data_free (progress_data);
  return job;
}

/* ------------------------------------------------------------------------------------------ */
/* One HTTP request */

typedef enum
{
  TRACK_NONE,
  TRACK_UPLOAD,
  TRACK_DOWNLOAD,
} Track;

typedef struct
{
  Job          *job;
  const char   *method;
  const char   *url;
  const char   *if_match;          /* an ETag, quotes included */
  gboolean      if_none_match_any;
  GBytes       *body;
  gsize         body_offset;
  gsize         max_response;
  gboolean      fail_when_too_large;
  Track         track;

  /* The answer */
  long          status;
  char         *etag;
  GByteArray   *response;
  gboolean      too_large;

  /* Idle detection: libcurl's low-speed limit averages over several seconds, so a server that
   * goes silent right after a fast upload would get many more seconds than "idle" says. */
  gint64        last_activity;
  curl_off_t    last_bytes;
  gboolean      idle_timed_out;
} Request;

/* A request whose answer matters only for its status and headers, so keeps at most
 * MAX_SMALL_RESPONSE of its body. The caller sets the fields that differ afterwards. */
static void
request_init (Request    *request,
              Job        *job,
              const char *method,
              const char *url)
{
  *request = (Request) { 0 };
  request->job = job;
  request->method = method;
  request->url = url;
  request->max_response = MAX_SMALL_RESPONSE;
}

static void
request_clear (Request *request)
{
  g_clear_pointer (&request->etag, g_free);
  g_clear_pointer (&request->response, g_byte_array_unref);
  request->status = 0;
  request->too_large = FALSE;
  request->body_offset = 0;
  request->last_activity = g_get_monotonic_time ();
  request->last_bytes = 0;
  request->idle_timed_out = FALSE;
}

static size_t
on_read (char   *buffer,
         size_t  size,
         size_t  n_items,
         void   *data)
{
  Request *request = data;
  gsize length;
  const guint8 *bytes = g_bytes_get_data (request->body, &length);
  gsize n = MIN (size * n_items, length - request->body_offset);

  memcpy (buffer, bytes + request->body_offset, n);
  request->body_offset += n;
  return n;
}

/* libcurl rewinds the body when it must send it again (a reused connection that was closed). */
static int
on_seek (void       *data,
         curl_off_t  offset,
         int         origin)
{
  Request *request = data;

  if (origin != SEEK_SET || offset < 0 || (gsize) offset > g_bytes_get_size (request->body))
    return CURL_SEEKFUNC_CANTSEEK;
  request->body_offset = offset;
  return CURL_SEEKFUNC_OK;
}

static size_t
on_write (char   *buffer,
          size_t  size,
          size_t  n_items,
          void   *data)
{
  Request *request = data;
  gsize n = size * n_items;

  if (request->response->len + n > request->max_response)
    {
      request->too_large = TRUE;
      /* A short count makes libcurl stop the transfer. */
      return request->fail_when_too_large ? 0 : n;
    }
  g_byte_array_append (request->response, (const guint8 *) buffer, n);
  return n;
}

static size_t
on_header (char   *buffer,
           size_t  size,
           size_t  n_items,
           void   *data)
{
  Request *request = data;
  gsize n = size * n_items;
  g_autofree char *line = g_strndup (buffer, n);

  /* A new status line starts a new answer (after "100 Continue", say): forget the last one's. */
  if (g_str_has_prefix (line, "HTTP/"))
    {
      g_clear_pointer (&request->etag, g_free);
      return n;
    }

  if (g_ascii_strncasecmp (line, "ETag:", 5) == 0)
    {
      g_free (request->etag);
      request->etag = g_strstrip (g_strdup (line + 5));
      if (*request->etag == '\0')
        g_clear_pointer (&request->etag, g_free);
    }
  return n;
}

static int
on_transfer_info (void       *data,
                  curl_off_t  download_total,
                  curl_off_t  download_now,
                  curl_off_t  upload_total,
                  curl_off_t  upload_now)
{
  Request *request = data;
  curl_off_t moved = download_now + upload_now;
  gint64 now = g_get_monotonic_time ();

  /* A non-zero return aborts the transfer at once: this is how a cancel stops libcurl. */
  if (g_cancellable_is_cancelled (request->job->cancellable))
    return 1;

  if (moved != request->last_bytes)
    {
      request->last_bytes = moved;
      request->last_activity = now;
    }
  else if (now - request->last_activity > (gint64) request->job->idle_ms * 1000)
    {
      request->idle_timed_out = TRUE;
      return 1;
    }

  if (request->track == TRACK_UPLOAD)
    report_progress (request->job->progress, upload_now, upload_total);
  else if (request->track == TRACK_DOWNLOAD)
    report_progress (request->job->progress, download_now, download_total);

  return 0;
}

static struct curl_slist *
append_header (struct curl_slist *list,
               const char        *header)
{
  struct curl_slist *appended = curl_slist_append (list, header);

  if (appended == NULL)
    g_error ("Out of memory while preparing a request");
  return appended;
}

/* The header list may hold the bearer token: overwrite it before freeing. */
static void
free_headers (struct curl_slist *list)
{
  for (struct curl_slist *item = list; item != NULL; item = item->next)
    {
      volatile char *p = item->data;
      while (*p != '\0')
        *p++ = '\0';
    }
  curl_slist_free_all (list);
}

static CURLcode
perform_once (Request *request,
              char     error_buffer[CURL_ERROR_SIZE])
{
  Job *job = request->job;
  CURL *curl = job->curl;
  struct curl_slist *headers = NULL;
  CURLcode code;

  request_clear (request);
  request->response = g_byte_array_new ();
  error_buffer[0] = '\0';

  /* A reset handle keeps its open connections, so retries and follow-up requests reuse them. */
  curl_easy_reset (curl);
  curl_easy_setopt (curl, CURLOPT_URL, request->url);
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt (curl, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  /* A redirect could carry the credentials to another server: never follow one. */
  curl_easy_setopt (curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt (curl, CURLOPT_UNRESTRICTED_AUTH, 0L);
  /* Worker threads: libcurl must not use signals for its timeouts. */
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt (curl, CURLOPT_USERAGENT, "Declic/" PACKAGE_VERSION);

  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt (curl, CURLOPT_SSLVERSION, (long) CURL_SSLVERSION_TLSv1_2);
  if (job->ca_file != NULL)
    curl_easy_setopt (curl, CURLOPT_CAINFO, job->ca_file);
  /* A proxy would see plain http traffic; this computer is never reached through one. */
  if (job->loopback)
    curl_easy_setopt (curl, CURLOPT_NOPROXY, "*");

  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT_MS, (long) job->connect_ms);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT_MS, (long) job->total_ms);
  curl_easy_setopt (curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt (curl, CURLOPT_LOW_SPEED_TIME, (long) MAX (1, (job->idle_ms + 999) / 1000));

  curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, on_transfer_info);
  curl_easy_setopt (curl, CURLOPT_XFERINFODATA, request);
  curl_easy_setopt (curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt (curl, CURLOPT_HEADERDATA, request);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, on_write);
  curl_easy_setopt (curl, CURLOPT_WRITEDATA, request);

  /* Drafts are small: waiting for "100 Continue" would only add a second to every upload on
   * servers that never send it. */
  headers = append_header (headers, "Expect:");

  switch (job->auth)
    {
    case DECLIC_UPLOAD_AUTH_BASIC:
      curl_easy_setopt (curl, CURLOPT_HTTPAUTH, (long) CURLAUTH_BASIC);
      curl_easy_setopt (curl, CURLOPT_USERNAME, job->username);
      curl_easy_setopt (curl, CURLOPT_PASSWORD, job->secret);
      break;

    case DECLIC_UPLOAD_AUTH_BEARER:
      {
        char *header = g_strconcat ("Authorization: Bearer ", job->secret, NULL);
        headers = append_header (headers, header);
        wipe_and_free (header);
      }
      break;

    case DECLIC_UPLOAD_AUTH_NONE:
    default:
      break;
    }

  if (request->if_match != NULL)
    {
      g_autofree char *header = g_strconcat ("If-Match: ", request->if_match, NULL);
      headers = append_header (headers, header);
    }
  if (request->if_none_match_any)
    headers = append_header (headers, "If-None-Match: *");

  if (g_str_equal (request->method, "PUT"))
    {
      headers = append_header (headers, "Content-Type: application/json");
      curl_easy_setopt (curl, CURLOPT_UPLOAD, 1L);
      curl_easy_setopt (curl, CURLOPT_READFUNCTION, on_read);
      curl_easy_setopt (curl, CURLOPT_READDATA, request);
      curl_easy_setopt (curl, CURLOPT_SEEKFUNCTION, on_seek);
      curl_easy_setopt (curl, CURLOPT_SEEKDATA, request);
      curl_easy_setopt (curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t) g_bytes_get_size (request->body));
    }
  else if (g_str_equal (request->method, "GET"))
    curl_easy_setopt (curl, CURLOPT_HTTPGET, 1L);
  else if (g_str_equal (request->method, "HEAD"))
    curl_easy_setopt (curl, CURLOPT_NOBODY, 1L);
  else
    curl_easy_setopt (curl, CURLOPT_CUSTOMREQUEST, request->method);

  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, headers);

  code = curl_easy_perform (curl);
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &request->status);

  /* Do not leave the handle pointing at freed headers or at this request's buffers. */
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, NULL);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, NULL);
  free_headers (headers);

  return code;
}

static gboolean
is_retryable_code (CURLcode code)
{
  switch (code)
    {
    case CURLE_COULDNT_CONNECT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Server errors that say "try again later"; 501, 505 and 507 will not get better by waiting. */
static gboolean
is_retryable_status (long status)
{
  return status == 500 || status == 502 || status == 503 || status == 504;
}

/* Sleeps @ms, or less when cancelled. */
static void
wait_cancellably (GCancellable *cancellable,
                  guint         ms)
{
  GPollFD fd;

  if (cancellable != NULL && g_cancellable_make_pollfd (cancellable, &fd))
    {
      g_poll (&fd, 1, (int) ms);
      g_cancellable_release_fd (cancellable);
    }
  else
    g_usleep ((gulong) ms * 1000);
}

static void
set_cancelled_error (Job     *job,
                     GError **error)
{
  if (job->kind == JOB_DOWNLOAD)
    g_set_error_literal (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_CANCELLED,
                         _("The download was cancelled."));
  else
    g_set_error_literal (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_CANCELLED,
                         _("The upload was cancelled."));
}

/* Maps a transport failure. libcurl's own text goes only to the debug log, except for TLS, where
 * its reason ("unable to get local issuer certificate") is what an administrator needs. No
 * credential is ever in it: the URL has none and libcurl does not print headers there. */
static void
set_curl_error (Request     *request,
                CURLcode     code,
                const char  *detail,
                GError     **error)
{
  Job *job = request->job;
  const char *reason = (detail != NULL && *detail != '\0') ? detail : curl_easy_strerror (code);

  g_debug ("%s %s: %s", request->method, request->url, reason);

  switch (code)
    {
    case CURLE_ABORTED_BY_CALLBACK:
      if (request->idle_timed_out && !g_cancellable_is_cancelled (job->cancellable))
        g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_TIMEOUT,
                     _("The server %s did not answer in time. Try again later."),
                     job->display_host);
      else
        set_cancelled_error (job, error);
      break;

    case CURLE_WRITE_ERROR:
      if (request->too_large)
        {
          g_autofree char *limit = g_format_size (request->max_response);
          g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_TOO_LARGE,
                       _("The copy on the server %s is larger than a draft can be (more than %s)."),
                       job->display_host, limit);
        }
      else
        g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_NETWORK,
                     _("The connection to the server %s was interrupted."), job->display_host);
      break;

    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_HOST,
                   _("The server %s could not be found. Check its address and your Internet connection."),
                   job->display_host);
      break;

    case CURLE_OPERATION_TIMEDOUT:
      g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_TIMEOUT,
                   _("The server %s did not answer in time. Try again later."),
                   job->display_host);
      break;

    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
      g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_TLS,
                   _("The identity of the server %s could not be verified (%s). If the server uses a certificate of its own, choose its certificate authority file."),
                   job->display_host, reason);
      break;

    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      g_set_error_literal (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID,
                           _("The server address is not a valid web address. It should look like https://example.org/drafts."));
      break;

    case CURLE_COULDNT_CONNECT:
      g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_NETWORK,
                   _("Could not connect to the server %s. Check its address and your Internet connection."),
                   job->display_host);
      break;

    default:
      g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_NETWORK,
                   _("The connection to the server %s was interrupted."), job->display_host);
      break;
    }
}

/* Runs @request until it gets an answer that is not worth retrying. Returns FALSE only for a
 * transport failure (or a cancel); any HTTP status, 5xx included, is the caller's to read. */
static gboolean
perform (Request  *request,
         GError  **error)
{
  Job *job = request->job;
  guint delay = job->first_delay_ms;
  char error_buffer[CURL_ERROR_SIZE];

  for (guint attempt = 1;; attempt++)
    {
      CURLcode code;
      gboolean retry;

      if (g_cancellable_is_cancelled (job->cancellable))
        {
          set_cancelled_error (job, error);
          return FALSE;
        }

      code = perform_once (request, error_buffer);
      retry = (code != CURLE_OK && is_retryable_code (code)) ||
              (code == CURLE_OK && is_retryable_status (request->status));

      if (!retry || attempt >= job->max_tries)
        {
          if (code == CURLE_OK)
            return TRUE;
          set_curl_error (request, code, error_buffer, error);
          return FALSE;
        }

      g_debug ("%s %s: attempt %u failed (%s, HTTP %ld); trying again in %u ms",
               request->method, request->url, attempt,
               code != CURLE_OK ? curl_easy_strerror (code) : "answer", request->status, delay);
      wait_cancellably (job->cancellable, delay);
      delay *= 2;
    }
}

/* Maps an HTTP answer that is not a success to an error a person can act on. @what is the
 * server-relative path the request was about. */
static void
set_status_error (Request     *request,
                  const char  *what,
                  GError     **error)
{
  Job *job = request->job;
  long status = request->status;

  switch (status)
    {
    case 401:
      g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_UNAUTHORIZED,
                   _("The server %s did not accept the user name and password, or the token (HTTP 401). Check them and try again."),
                   job->display_host);
      return;

    case 403:
      g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_FORBIDDEN,
                   _("The server %s does not allow this account to write “%s” (HTTP 403)."),
                   job->display_host, what);
      return;

    case 404:
    case 410:
      if (job->kind == JOB_DOWNLOAD)
        g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_NOT_FOUND,
                     _("The server %s has no copy of this draft (HTTP %ld)."),
                     job->display_host, status);
      else
        g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_NOT_FOUND,
                     _("The server %s has no folder for “%s” (HTTP %ld). Check the server address."),
                     job->display_host, what, status);
      return;

    case 409:
      g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_CONFLICT,
                   _("The server %s could not create “%s” (HTTP 409): a folder above it is missing, or a file has the name of a folder. Check the server address."),
                   job->display_host, what);
      return;

    case 412:
      g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_PRECONDITION_FAILED,
                   _("The copy of this draft on the server %s changed since your last upload from this computer. Keep both copies, replace the server copy, or cancel."),
                   job->display_host);
      return;

    case 413:
      {
        g_autofree char *size = g_format_size (request->body != NULL ? g_bytes_get_size (request->body) : 0);
        g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_TOO_LARGE,
                     _("The server %s refused the draft because it is too large (%s, HTTP 413). Ask the server’s administrator to raise the limit."),
                     job->display_host, size);
      }
      return;

    case 507:
      g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_SERVER,
                   _("The server %s has no room left for the draft (HTTP 507). Ask the server’s administrator for more space."),
                   job->display_host);
      return;

    default:
      break;
    }

  if (status >= 300 && status < 400)
    g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_SERVER,
                 _("The server %s answered with a redirection to another address (HTTP %ld). Set the server address to the final address."),
                 job->display_host, status);
  else if (status >= 500)
    g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_SERVER,
                 _("The server %s had an internal error (HTTP %ld). Try again later."),
                 job->display_host, status);
  else
    g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_SERVER,
                 _("The server %s gave an unexpected answer (HTTP %ld) about “%s”."),
                 job->display_host, status, what);
}

static gboolean
is_success (long status)
{
  return status >= 200 && status < 300;
}

static void
set_preconditions (Job                 *job,
                   DeclicPreconditions  preconditions)
{
  DeclicUploader *self = job->uploader;
  g_autofree char *current = NULL;

  job->preconditions = preconditions;

  /* Only remember it for the address that was probed: the settings may have changed since. */
  g_mutex_lock (&self->lock);
  current = strip_trailing_slashes (self->server_url);
  if (g_str_equal (current, job->server_url))
    self->preconditions = preconditions;
  g_mutex_unlock (&self->lock);
}

/* ------------------------------------------------------------------------------------------ */
/* The operations, on the worker thread */

static gboolean
run_probe (Job     *job,
           GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GBytes) body = g_bytes_new_static ("Déclic checks this server. This file can be deleted.\n", 54);
  Request request = { 0 };
  gboolean ok = FALSE;

  name = g_strdup_printf (".declic-probe-%08x%08x", g_random_int (), g_random_int ());
  url = g_strconcat (job->server_url, "/", name, NULL);

  /* No version of a file that does not exist yet can match "bogus": a server that honours
   * If-Match must answer 412 and write nothing. One that writes the file ignores it, and would
   * ignore it just the same when it stands between two people's changes. */
  request_init (&request, job, "PUT", url);
  request.if_match = "\"declic-probe-bogus\"";
  request.body = body;

  if (!perform (&request, error))
    goto out;

  if (request.status == 412)
    {
      set_preconditions (job, DECLIC_PRECONDITIONS_HONOURED);
      ok = TRUE;
    }
  else if (is_success (request.status))
    {
      Request cleanup = { 0 };
      g_autoptr(GError) local_error = NULL;

      g_debug ("%s stored the probe despite If-Match: it ignores preconditions", job->display_host);
      set_preconditions (job, DECLIC_PRECONDITIONS_IGNORED);
      ok = TRUE;

      /* Leave nothing behind; a probe that cannot be deleted is harmless, so do not fail. */
      request_init (&cleanup, job, "DELETE", url);
      if (!perform (&cleanup, &local_error))
        g_debug ("Could not delete the probe %s: %s", url, local_error->message);
      else if (!is_success (cleanup.status))
        g_debug ("Could not delete the probe %s: HTTP %ld", url, cleanup.status);
      request_clear (&cleanup);
    }
  else
    set_status_error (&request, name, error);

out:
  request_clear (&request);
  return ok;
}

/* The draft as read from disk: its exact bytes and where it goes. */
typedef struct
{
  GBytes *bytes;
  char   *id;
  char   *workspace;
  char   *folder;       /* the escaped client label, or NULL */
  char   *remote_path;  /* "<folder>/<id>.json" or "<id>.json" */
  char   *url;
} LocalDraft;

static void
local_draft_clear (LocalDraft *draft)
{
  g_clear_pointer (&draft->bytes, g_bytes_unref);
  g_clear_pointer (&draft->id, g_free);
  g_clear_pointer (&draft->workspace, g_free);
  g_clear_pointer (&draft->folder, g_free);
  g_clear_pointer (&draft->remote_path, g_free);
  g_clear_pointer (&draft->url, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LocalDraft, local_draft_clear)

static gboolean
read_local_draft (Job         *job,
                  LocalDraft  *draft,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DeclicDraft) parsed = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *label = NULL;
  gsize length = 0;
  GStatBuf st;

  if (g_stat (job->draft_path, &st) == 0 && st.st_size > DECLIC_DRAFT_MAX_FILE_SIZE)
    {
      g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID,
                   _("This file is too large to be a draft."));
      return FALSE;
    }

  /* One read: the bytes sent are the bytes the id and label were taken from. The file itself is
   * opened for reading only, so nothing here can change it. */
  if (!g_file_get_contents (job->draft_path, &contents, &length, &local_error))
    {
      g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID,
                   _("Could not read the draft: %s"), local_error->message);
      return FALSE;
    }

  parsed = declic_draft_new_from_data (contents, length, &local_error);
  if (parsed == NULL)
    {
      g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID,
                   _("This file cannot be uploaded: %s"), local_error->message);
      return FALSE;
    }

  if (!declic_sync_meta_is_valid_id (declic_draft_get_id (parsed)))
    {
      g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID,
                   _("This draft cannot be uploaded: its identifier “%s” has characters that cannot be used in a file name."),
                   declic_draft_get_id (parsed));
      return FALSE;
    }
  draft->id = g_strdup (declic_draft_get_id (parsed));

  label = g_strstrip (g_strdup (declic_draft_get_client_label (parsed) != NULL
                                  ? declic_draft_get_client_label (parsed) : ""));
  /* A folder called "." or ".." would put the draft beside or above the server folder. */
  if (g_str_equal (label, ".") || g_str_equal (label, ".."))
    {
      g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID,
                   _("The client label “%s” cannot be used as a folder name on the server. Change the label and try again."),
                   label);
      return FALSE;
    }
  if (*label != '\0')
    draft->folder = g_uri_escape_string (label, NULL, FALSE);

  draft->remote_path = draft->folder != NULL
                         ? g_strconcat (draft->folder, "/", draft->id, ".json", NULL)
                         : g_strconcat (draft->id, ".json", NULL);
  draft->url = g_strconcat (job->server_url, "/", draft->remote_path, NULL);
  draft->workspace = g_path_get_dirname (job->draft_path);
  draft->bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  return TRUE;
}

/* Fetches the server copy. Returns FALSE only for a transport failure; @request holds the
 * answer, its body in request->response. */
static gboolean
fetch_server_copy (Job         *job,
                   LocalDraft  *draft,
                   Request     *request,
                   Track        track,
                   GError     **error)
{
  request_init (request, job, "GET", draft->url);
  request->max_response = DECLIC_DRAFT_MAX_FILE_SIZE;
  request->fail_when_too_large = TRUE;
  request->track = track;

  return perform (request, error);
}

static gboolean
same_bytes (GByteArray *array,
            GBytes     *bytes)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  return array != NULL && array->len == length && memcmp (array->data, data, length) == 0;
}

/* A 412. When the server copy is byte for byte what we are sending, there is nothing to
 * protect: typically our own earlier attempt, whose answer was lost before a retry, or a record
 * lost from this workspace. Then the upload is done and @etag gets the server copy's ETag.
 * Otherwise it is a real conflict. */
static gboolean
resolve_precondition_failure (Job         *job,
                              LocalDraft  *draft,
                              gboolean     had_record,
                              char       **etag,
                              GError     **error)
{
  Request request = { 0 };
  gboolean resolved = FALSE;

  if (!fetch_server_copy (job, draft, &request, TRACK_NONE, error))
    {
      request_clear (&request);
      return FALSE;
    }

  if (request.status == 200 && same_bytes (request.response, draft->bytes))
    {
      g_debug ("%s already holds these exact bytes: nothing to overwrite", draft->url);
      *etag = g_steal_pointer (&request.etag);
      resolved = TRUE;
    }
  else if (request.status == 404 || request.status == 410)
    g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_PRECONDITION_FAILED,
                 _("This draft was removed from the server %s since your last upload from this computer. Upload it again to replace it, or cancel."),
                 job->display_host);
  else if (had_record)
    g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_PRECONDITION_FAILED,
                 _("The copy of this draft on the server %s changed since your last upload from this computer. Keep both copies, replace the server copy, or cancel."),
                 job->display_host);
  else
    g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_PRECONDITION_FAILED,
                 _("The server %s already has a different copy of this draft. Keep both copies, replace the server copy, or cancel."),
                 job->display_host);

  request_clear (&request);
  return resolved;
}

/* Creates the client's folder. A folder that already exists (405) is fine. */
static gboolean
make_folder (Job         *job,
             LocalDraft  *draft,
             GError     **error)
{
  g_autofree char *url = g_strconcat (job->server_url, "/", draft->folder, "/", NULL);
  g_autofree char *what = g_uri_unescape_string (draft->folder, NULL);
  Request request = { 0 };
  gboolean ok = FALSE;

  request_init (&request, job, "MKCOL", url);

  if (perform (&request, error))
    {
      ok = is_success (request.status) || request.status == 405;
      if (!ok)
        set_status_error (&request, what != NULL ? what : draft->folder, error);
    }

  request_clear (&request);
  return ok;
}

static DeclicSyncMeta *
run_upload (Job     *job,
            GError **error)
{
  g_auto(LocalDraft) draft = { 0 };
  g_autoptr(DeclicSyncMeta) record = NULL;
  g_autoptr(DeclicSyncMeta) result = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *if_match = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *what = NULL;
  gboolean if_none_match_any = FALSE;
  gboolean had_record = FALSE;
  gboolean folder_made = FALSE;
  gboolean checked = (job->flags & (DECLIC_UPLOAD_FLAGS_OVERWRITE |
                                    DECLIC_UPLOAD_FLAGS_ALLOW_UNCHECKED)) == 0;

  if (!read_local_draft (job, &draft, error))
    return NULL;
  what = g_uri_unescape_string (draft.remote_path, NULL);
  if (what == NULL)
    what = g_strdup (draft.remote_path);

  record = declic_sync_meta_load (draft.workspace, draft.id, &local_error);
  if (local_error != NULL)
    {
      /* Uploading as if for the first time is safe: If-None-Match turns a copy already on the
       * server into a conflict the person resolves, never into an overwrite. */
      g_message ("Ignoring the upload record of %s: %s", draft.id, local_error->message);
      g_clear_error (&local_error);
    }
  /* A record for another server or another folder (the label changed) says nothing here. */
  if (record != NULL &&
      g_str_equal (declic_sync_meta_get_server_url (record), job->server_url) &&
      g_str_equal (declic_sync_meta_get_remote_path (record), draft.remote_path))
    had_record = TRUE;

  if (checked)
    {
      if (job->preconditions == DECLIC_PRECONDITIONS_UNKNOWN && !run_probe (job, error))
        return NULL;

      /* A server that cannot tell versions apart cannot protect anyone's changes. */
      if (job->preconditions == DECLIC_PRECONDITIONS_IGNORED ||
          (had_record && declic_sync_meta_get_etag (record) == NULL))
        {
          g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_PRECONDITIONS_IGNORED,
                       _("The server %s ignores conditional requests, so Déclic cannot tell whether someone else changed this draft there. Uploading could overwrite their changes without warning."),
                       job->display_host);
          return NULL;
        }
    }

  if (job->flags & DECLIC_UPLOAD_FLAGS_OVERWRITE)
    {
      Request head = { 0 };

      /* Replace exactly the version seen now: if it changes again meanwhile, that is a new
       * conflict, not something to overwrite blindly. */
      request_init (&head, job, "HEAD", draft.url);
      if (!perform (&head, error))
        {
          request_clear (&head);
          return NULL;
        }
      if (is_success (head.status))
        if_match = g_steal_pointer (&head.etag);
      else if (head.status == 404 || head.status == 410)
        if_none_match_any = TRUE;
      else if (head.status != 405)
        {
          set_status_error (&head, what, error);
          request_clear (&head);
          return NULL;
        }
      request_clear (&head);
    }
  else if (had_record)
    if_match = g_strdup (declic_sync_meta_get_etag (record));
  else
    if_none_match_any = TRUE;

  for (;;)
    {
      Request put = { 0 };

      request_init (&put, job, "PUT", draft.url);
      put.if_match = if_match;
      put.if_none_match_any = if_none_match_any;
      put.body = draft.bytes;
      put.track = TRACK_UPLOAD;

      if (!perform (&put, error))
        {
          request_clear (&put);
          return NULL;
        }

      if (is_success (put.status))
        {
          etag = g_steal_pointer (&put.etag);
          request_clear (&put);
          break;
        }

      /* WebDAV answers 409 (some servers 404) when the folder is missing: make it, once. */
      if ((put.status == 404 || put.status == 409) && draft.folder != NULL && !folder_made)
        {
          request_clear (&put);
          if (!make_folder (job, &draft, error))
            return NULL;
          folder_made = TRUE;
          continue;
        }

      if (put.status == 412)
        {
          request_clear (&put);
          if (!resolve_precondition_failure (job, &draft, had_record, &etag, error))
            return NULL;
          break;
        }

      set_status_error (&put, what, error);
      request_clear (&put);
      return NULL;
    }

  /* Some servers (nginx) send no ETag with a PUT: ask for it, or the next upload could not say
   * which version it replaces. */
  if (etag == NULL)
    {
      Request head = { 0 };
      g_autoptr(GError) head_error = NULL;

      request_init (&head, job, "HEAD", draft.url);
      if (perform (&head, &head_error) && is_success (head.status))
        etag = g_steal_pointer (&head.etag);
      else
        g_debug ("No ETag for %s", draft.url);
      request_clear (&head);
    }

  report_progress (job->progress, g_bytes_get_size (draft.bytes), g_bytes_get_size (draft.bytes));

  result = declic_sync_meta_new (job->server_url, draft.remote_path, etag, NULL);
  if (!declic_sync_meta_save (result, draft.workspace, draft.id, error))
    return NULL;

  return g_steal_pointer (&result);
}

static GBytes *
run_download (Job     *job,
              char   **etag,
              GError **error)
{
  g_auto(LocalDraft) draft = { 0 };
  g_autofree char *what = NULL;
  Request request = { 0 };
  GBytes *bytes = NULL;

  if (!read_local_draft (job, &draft, error))
    return NULL;
  what = g_uri_unescape_string (draft.remote_path, NULL);

  if (fetch_server_copy (job, &draft, &request, TRACK_DOWNLOAD, error))
    {
      if (request.status == 200)
        {
          if (etag != NULL)
            *etag = g_steal_pointer (&request.etag);
          bytes = g_byte_array_free_to_bytes (g_steal_pointer (&request.response));
        }
      else
        set_status_error (&request, what != NULL ? what : draft.remote_path, error);
    }

  request_clear (&request);
  return bytes;
}

static gboolean
ensure_curl (Job     *job,
             GError **error)
{
  job->curl = curl_easy_init ();
  if (job->curl == NULL)
    {
      g_set_error_literal (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_NETWORK,
                           _("Could not start a network transfer."));
      return FALSE;
    }
  return TRUE;
}

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

  if (!ensure_curl (job, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  switch (job->kind)
    {
    case JOB_UPLOAD:
      {
        DeclicSyncMeta *meta = run_upload (job, &error);
        if (meta == NULL)
          g_task_return_error (task, error);
        else
          g_task_return_pointer (task, meta, (GDestroyNotify) declic_sync_meta_unref);
      }
      break;

    case JOB_DOWNLOAD:
      {
        Download *download = g_new0 (Download, 1);
        download->bytes = run_download (job, &download->etag, &error);
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
      if (!run_probe (job, &error))
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
  g_task_set_task_data (task, job, job_free);
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

  job = job_new_for_draft (self, JOB_UPLOAD, draft_path, progress, progress_data, progress_data_free,
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

  job = job_new_for_draft (self, JOB_UPLOAD, draft_path, progress, progress_data, NULL, FALSE, error);
  if (job == NULL)
    return NULL;
  job->flags = flags;
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  if (!ensure_curl (job, error))
    return NULL;

  meta = run_upload (job, error);
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

  job = job_new_for_draft (self, JOB_DOWNLOAD, draft_path, progress, progress_data, progress_data_free,
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

  job = job_new_for_draft (self, JOB_DOWNLOAD, draft_path, NULL, NULL, NULL, FALSE, error);
  if (job == NULL)
    return NULL;
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  if (!ensure_curl (job, error))
    return NULL;

  return run_download (job, etag, error);
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

  job = job_new (self, JOB_PROBE, &error);
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

  job = job_new (self, JOB_PROBE, error);
  if (job == NULL)
    return DECLIC_PRECONDITIONS_UNKNOWN;
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  if (!ensure_curl (job, error) || !run_probe (job, error))
    return DECLIC_PRECONDITIONS_UNKNOWN;

  return job->preconditions;
}

gboolean
declic_uploader_check_settings (DeclicUploader  *self,
                                GError         **error)
{
  g_autoptr(Job) job = NULL;

  g_return_val_if_fail (DECLIC_IS_UPLOADER (self), FALSE);

  job = job_new (self, JOB_PROBE, error);
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
  wipe_and_free (self->secret);
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
  wipe_and_free (self->secret);
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
