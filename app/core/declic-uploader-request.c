/* declic-uploader-request.c: one HTTP request with libcurl: the handle's set-up, timeouts,
 * cancellation, progress, retries with back-off, and transport and HTTP failures mapped to
 * errors a person can act on. */
#define G_LOG_DOMAIN "declic-uploader"

#include "config.h"

#include <string.h>

#include "declic-format.h"
#include "declic-i18n.h"
#include "declic-uploader-private.h"

/* A request whose answer matters only for its status and headers, so keeps at most
 * MAX_SMALL_RESPONSE of its body. The caller sets the fields that differ afterwards. */
void
declic_uploader_request_init (Request    *request,
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

void
declic_uploader_request_clear (Request *request)
{
  g_clear_pointer (&request->etag, g_free);
  g_clear_pointer (&request->response, g_byte_array_unref);
  request->status = 0;
  request->too_large = FALSE;
  request->body_offset = 0;
  request->last_activity = g_get_monotonic_time ();
  request->last_bytes = 0;
  request->idle_timed_out = FALSE;
  request->discarded = 0;
  request->deadline_passed = FALSE;
  request->cut_by_deadline = FALSE;
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
      /* A short count makes libcurl stop the transfer. An answer that is not a draft is read
       * and dropped, up to a point: past it, the server is not answering as WebDAV does. */
      if (request->fail_when_too_large)
        return 0;
      request->discarded += n;
      return request->discarded > MAX_DISCARDED_RESPONSE ? 0 : n;
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
  if (request->job->deadline != 0 && now >= request->job->deadline)
    {
      request->deadline_passed = TRUE;
      return 1;
    }

  if (request->track == TRACK_UPLOAD)
    declic_uploader_report_progress (request->job->progress, upload_now, upload_total);
  else if (request->track == TRACK_DOWNLOAD)
    declic_uploader_report_progress (request->job->progress, download_now, download_total);

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

  declic_uploader_request_clear (request);
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
  {
    long timeout_ms = (long) job->total_ms;

    /* No request outlives the draft's deadline. */
    if (job->deadline != 0)
      {
        gint64 left_ms = (job->deadline - g_get_monotonic_time ()) / 1000;
        if (left_ms < timeout_ms)
          {
            timeout_ms = (long) MAX (1, left_ms);
            request->cut_by_deadline = TRUE;
          }
      }
    curl_easy_setopt (curl, CURLOPT_TIMEOUT_MS, timeout_ms);
  }
  curl_easy_setopt (curl, CURLOPT_LOW_SPEED_LIMIT, (long) MAX (1, job->low_speed_bytes));
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
        declic_uploader_wipe_and_free (header);
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
    {
      curl_easy_setopt (curl, CURLOPT_NOBODY, 1L);
      /* A server that sends a body with its answer to a HEAD (HTTP forbids it) would have those
       * bytes read as the answer to the next request on the connection: do not reuse it. */
      curl_easy_setopt (curl, CURLOPT_FORBID_REUSE, 1L);
    }
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

/* The draft's deadline passed: the server may be answering, but too slowly to ever finish. */
static void
set_deadline_error (Job     *job,
                    GError **error)
{
  guint seconds = (job->draft_deadline_ms + 999) / 1000;
  g_autofree char *minutes_text = declic_format_integer (seconds / 60, NULL);
  g_autofree char *seconds_text = declic_format_integer (seconds, NULL);

  if (seconds % 60 == 0)
    g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_TIMEOUT,
                 declic_i18n_ngettext ("The upload to %s took longer than %s minute, the most one draft may take, and was stopped. The server is too slow now: try again later.",
                                       "The upload to %s took longer than %s minutes, the most one draft may take, and was stopped. The server is too slow now: try again later.",
                                       seconds / 60),
                 job->display_host, minutes_text);
  else
    g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_TIMEOUT,
                 declic_i18n_ngettext ("The upload to %s took longer than %s second, the most one draft may take, and was stopped. The server is too slow now: try again later.",
                                       "The upload to %s took longer than %s seconds, the most one draft may take, and was stopped. The server is too slow now: try again later.",
                                       seconds),
                 job->display_host, seconds_text);
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
      if (request->deadline_passed && !g_cancellable_is_cancelled (job->cancellable))
        set_deadline_error (job, error);
      else if (request->idle_timed_out && !g_cancellable_is_cancelled (job->cancellable))
        g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_TIMEOUT,
                     _("The server %s did not answer in time. Try again later."),
                     job->display_host);
      else
        set_cancelled_error (job, error);
      break;

    case CURLE_WRITE_ERROR:
      if (request->too_large && !request->fail_when_too_large)
        {
          g_autofree char *limit = g_format_size (MAX_DISCARDED_RESPONSE);
          g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_SERVER,
                       _("The server %s sent a much longer answer than a WebDAV server does (more than %s), so Déclic stopped reading it. Check the server address."),
                       job->display_host, limit);
        }
      else if (request->too_large)
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
      if (request->cut_by_deadline && g_get_monotonic_time () >= job->deadline - 50 * 1000)
        set_deadline_error (job, error);
      else if (g_str_has_prefix (reason, "Operation too slow"))
        {
          /* libcurl's low-speed limit: bytes move, but too few to ever finish. */
          g_autofree char *speed = g_format_size (MAX (1, job->low_speed_bytes));
          g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_TIMEOUT,
                       _("The server %s answered too slowly (under %s a second). Try again later."),
                       job->display_host, speed);
        }
      else
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

    case CURLE_WEIRD_SERVER_REPLY:
      g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_SERVER,
                   _("The server %s sent an answer that is not valid HTTP. Check the server address, or try again later."),
                   job->display_host);
      break;

    case CURLE_UNSUPPORTED_PROTOCOL:
      /* The address was checked before any request: here it is the answer that is not HTTP
       * (libcurl takes bytes that are not a status line for HTTP/0.9, which it refuses). */
      if (strstr (reason, "HTTP/0.9") != NULL)
        {
          g_set_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_SERVER,
                       _("The server %s sent an answer that is not valid HTTP. Check the server address, or try again later."),
                       job->display_host);
          break;
        }
      G_GNUC_FALLTHROUGH;
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
gboolean
declic_uploader_perform (Request  *request,
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
      /* Nothing is tried again once the draft's time is up. */
      if (job->deadline != 0 && g_get_monotonic_time () >= job->deadline)
        retry = FALSE;

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
void
declic_uploader_set_status_error (Request     *request,
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

gboolean
declic_uploader_ensure_curl (Job     *job,
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
