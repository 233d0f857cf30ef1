/* test-upload-faults.c: the uploader against a scripted server of our own: retries with
 * back-off, resets, silence, slow answers and cancel, the HTTP errors a person can act on,
 * refusing plain http to another computer before anything leaves, and credentials kept out of
 * every message. Every test also checks that the local draft file is untouched. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "declic-draft.h"
#include "declic-fault-server.h"
#include "declic-uploader.h"
#include "declic-upload-test-utils.h"

#define USER     "agent"
#define PASSWORD "Fault-Secret-Pa55"
#define TOKEN    "tok-9f8e7d6c5b4a-SECRET"

typedef struct
{
  DeclicFaultServer  *server;
  DeclicUploader     *uploader;
  char               *workspace;
  char               *path;
  char               *id;
  DeclicTestSnapshot *snapshot;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->server = declic_fault_server_new ();
  fixture->uploader = declic_uploader_new (declic_fault_server_get_url (fixture->server));
  declic_uploader_set_auth (fixture->uploader, DECLIC_UPLOAD_AUTH_BASIC, USER, PASSWORD);
  /* Short everything: the tests wait for these. */
  declic_uploader_set_retry_policy (fixture->uploader, 3, 20);
  declic_uploader_set_timeouts (fixture->uploader, 1000, 1000, 4000);
  /* Scripts answer the draft's requests only: no probe unless a test asks for one. */
  declic_uploader_set_preconditions (fixture->uploader, DECLIC_PRECONDITIONS_HONOURED);

  fixture->workspace = declic_test_make_workspace ();
  fixture->path = declic_test_write_draft (fixture->workspace, "Client F", &fixture->id);
  fixture->snapshot = declic_test_snapshot_new (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Whatever happened, the draft is as it was. */
  declic_test_snapshot_assert_unchanged (fixture->snapshot);
  declic_test_snapshot_free (fixture->snapshot);
  g_clear_object (&fixture->uploader);
  declic_fault_server_free (fixture->server);
  declic_test_remove_tree (fixture->workspace);
  g_free (fixture->workspace);
  g_free (fixture->path);
  g_free (fixture->id);
}

static void
assert_no_secret (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_null (strstr (error->message, PASSWORD));
  g_assert_null (strstr (error->message, TOKEN));
  g_test_message ("%s", error->message);
}

static gboolean
has_record (Fixture *fixture)
{
  g_autofree char *path = declic_sync_meta_get_path (fixture->workspace, fixture->id);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static DeclicSyncMeta *
upload (Fixture  *fixture,
        GError  **error)
{
  return declic_uploader_upload (fixture->uploader, fixture->path, DECLIC_UPLOAD_FLAGS_NONE,
                                 NULL, NULL, NULL, error);
}

/* The body most fault tests share: the upload fails with @code after exactly @n_requests
 * requests, returns no record and shows no secret. Returns the error for further checks. */
static GError *
upload_must_fail (Fixture *fixture,
                  int      code,
                  guint    n_requests)
{
  g_autoptr(DeclicSyncMeta) meta = NULL;
  GError *error = NULL;

  meta = upload (fixture, &error);
  g_assert_error (error, DECLIC_UPLOAD_ERROR, code);
  assert_no_secret (error);
  g_assert_null (meta);
  g_assert_cmpuint (declic_fault_server_get_n_requests (fixture->server), ==, n_requests);
  return error;
}

static void
test_retry_after_500 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DeclicSyncMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *local = declic_test_read_file (fixture->path);

  declic_fault_server_push_reply (fixture->server, 500, NULL, "oops");
  declic_fault_server_push_reply (fixture->server, 201, "ETag: \"v1\"\r\n", "");

  meta = upload (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (declic_sync_meta_get_etag (meta), ==, "\"v1\"");
  g_assert_cmpuint (declic_fault_server_get_n_requests (fixture->server), ==, 2);

  /* The same request both times: a first upload, the exact bytes of the file. */
  first = declic_fault_server_dup_request (fixture->server, 0);
  second = declic_fault_server_dup_request (fixture->server, 1);
  g_assert_true (g_str_has_prefix (first, "PUT /Client%20F/"));
  g_assert_nonnull (strstr (first, "If-None-Match: *\r\n"));
  g_assert_null (strstr (first, "If-Match"));
  g_assert_true (g_str_has_suffix (first, local));
  g_assert_cmpstr (first, ==, second);
  g_assert_true (has_record (fixture));
}

static void
test_retries_are_bounded (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < 4; i++)
    declic_fault_server_push_reply (fixture->server, 503, NULL, "busy");

  /* Three tries, 20 ms then 40 ms apart. */
  error = upload_must_fail (fixture, DECLIC_UPLOAD_ERROR_SERVER, 3);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 60 * 1000);
  g_assert_false (has_record (fixture));
}

static void
test_reset_then_success (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DeclicSyncMeta) meta = NULL;
  g_autoptr(GError) error = NULL;

  declic_fault_server_push_reset (fixture->server);
  declic_fault_server_push_reply (fixture->server, 204, "ETag: \"v2\"\r\n", "");

  meta = upload (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (declic_sync_meta_get_etag (meta), ==, "\"v2\"");
  g_assert_cmpuint (declic_fault_server_get_n_connections (fixture->server), ==, 2);
}

static void
test_resets_give_up (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    declic_fault_server_push_reset (fixture->server);

  error = upload_must_fail (fixture, DECLIC_UPLOAD_ERROR_NETWORK, 3);
  g_assert_false (has_record (fixture));
}

/* The first answer was lost after the server stored the draft: the retry meets 412. The server
 * copy is byte for byte ours, so this is a success, not a conflict. */
static void
test_lost_answer_then_412 (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(DeclicSyncMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *local = declic_test_read_file (fixture->path);
  g_autofree char *get = NULL;

  declic_fault_server_push_reset (fixture->server);
  declic_fault_server_push_reply (fixture->server, 412, NULL, "");
  declic_fault_server_push_reply (fixture->server, 200, "ETag: \"v3\"\r\n", local);

  meta = upload (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (declic_sync_meta_get_etag (meta), ==, "\"v3\"");
  get = declic_fault_server_dup_request (fixture->server, 2);
  g_assert_true (g_str_has_prefix (get, "GET /Client%20F/"));
}

static void
test_412_is_a_conflict (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(DeclicSyncMeta) meta = NULL;
  g_autoptr(GError) error = NULL;

  declic_fault_server_push_reply (fixture->server, 412, NULL, "");
  declic_fault_server_push_reply (fixture->server, 200, "ETag: \"theirs\"\r\n", "{\"someone\": \"else\"}\n");

  meta = upload (fixture, &error);
  g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_PRECONDITION_FAILED);
  assert_no_secret (error);
  g_assert_false (has_record (fixture));
}

static void
test_silence_times_out (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(DeclicSyncMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;

  declic_fault_server_push_silence (fixture->server);

  meta = upload (fixture, &error);
  elapsed = g_get_monotonic_time () - start;
  g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_TIMEOUT);
  assert_no_secret (error);
  /* The idle limit (1 s, counted in whole seconds by libcurl), not the 4 s total, and no retry:
   * a server that does not answer is not asked again and again. */
  g_assert_cmpint (elapsed, <, 3500 * 1000);
  g_assert_cmpuint (declic_fault_server_get_n_requests (fixture->server), ==, 1);
  g_assert_false (has_record (fixture));
}

typedef struct
{
  GCancellable *cancellable;
  GThread      *main_thread;
  goffset       received;
  gboolean      done;
  GError       *error;
  GBytes       *bytes;
  DeclicSyncMeta *meta;
} AsyncWait;

static void
on_download_progress (goffset  current,
                      goffset  total,
                      gpointer data)
{
  AsyncWait *wait = data;

  g_assert_true (g_thread_self () == wait->main_thread);
  wait->received = current;
  /* Some of the slow answer has come: the person gives up. */
  if (current >= 5)
    g_cancellable_cancel (wait->cancellable);
}

static void
on_downloaded (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  AsyncWait *wait = data;

  wait->bytes = declic_uploader_download_finish (DECLIC_UPLOADER (source), result, NULL, &wait->error);
  wait->done = TRUE;
}

static void
test_cancel_slow_download (Fixture       *fixture,
                           gconstpointer  data)
{
  AsyncWait wait = { 0 };
  gint64 start = g_get_monotonic_time ();

  /* 2000 bytes at one every 10 ms: 20 s if nobody cancels. */
  declic_fault_server_push_trickle (fixture->server, 2000, 10);

  wait.cancellable = g_cancellable_new ();
  wait.main_thread = g_thread_self ();
  declic_uploader_download_async (fixture->uploader, fixture->path, on_download_progress, &wait, NULL,
                                  wait.cancellable, on_downloaded, &wait);
  g_assert_true (declic_test_wait_for (&wait.done, 10000));
  g_assert_error (wait.error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_CANCELLED);
  g_assert_null (wait.bytes);
  g_assert_cmpint (wait.received, >=, 5);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  g_clear_error (&wait.error);
  g_object_unref (wait.cancellable);
}

static gboolean
cancel_later (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
on_uploaded (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  AsyncWait *wait = data;

  g_assert_true (g_thread_self () == wait->main_thread);
  wait->meta = declic_uploader_upload_finish (DECLIC_UPLOADER (source), result, &wait->error);
  wait->done = TRUE;
}

/* A slow answer to the PUT itself: cancelled meanwhile, no record is written. */
static void
test_cancel_slow_upload (Fixture       *fixture,
                         gconstpointer  data)
{
  AsyncWait wait = { 0 };

  declic_fault_server_push_trickle (fixture->server, 2000, 10);

  wait.cancellable = g_cancellable_new ();
  wait.main_thread = g_thread_self ();
  declic_uploader_upload_async (fixture->uploader, fixture->path, DECLIC_UPLOAD_FLAGS_NONE, NULL, NULL, NULL,
                                wait.cancellable, on_uploaded, &wait);
  g_timeout_add (300, cancel_later, wait.cancellable);
  g_assert_true (declic_test_wait_for (&wait.done, 10000));
  g_assert_error (wait.error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_CANCELLED);
  g_assert_null (wait.meta);
  g_assert_false (has_record (fixture));

  g_clear_error (&wait.error);
  g_object_unref (wait.cancellable);
}

static void
test_413 (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  declic_fault_server_push_reply (fixture->server, 413, NULL, "too big");
  error = upload_must_fail (fixture, DECLIC_UPLOAD_ERROR_TOO_LARGE, 1);
  g_assert_nonnull (strstr (error->message, "413"));
}

static void
test_http_errors (Fixture       *fixture,
                  gconstpointer  data)
{
  const struct
  {
    guint status;
    int   code;
  } cases[] = {
    { 401, DECLIC_UPLOAD_ERROR_UNAUTHORIZED },
    { 403, DECLIC_UPLOAD_ERROR_FORBIDDEN },
    { 400, DECLIC_UPLOAD_ERROR_SERVER },
    { 507, DECLIC_UPLOAD_ERROR_SERVER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DeclicSyncMeta) meta = NULL;
      g_autoptr(GError) error = NULL;

      declic_fault_server_push_reply (fixture->server, cases[i].status, NULL, "");
      meta = upload (fixture, &error);
      g_assert_error (error, DECLIC_UPLOAD_ERROR, cases[i].code);
      assert_no_secret (error);
    }
  /* None of these is worth a retry. */
  g_assert_cmpuint (declic_fault_server_get_n_requests (fixture->server), ==, G_N_ELEMENTS (cases));
  g_assert_false (has_record (fixture));
}

/* 409 on PUT: the client folder is missing. It is made, then the PUT is sent again. */
static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DeclicSyncMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mkcol = NULL;

  declic_fault_server_push_reply (fixture->server, 409, NULL, "");
  declic_fault_server_push_reply (fixture->server, 201, NULL, "");
  declic_fault_server_push_reply (fixture->server, 201, "ETag: \"v4\"\r\n", "");

  meta = upload (fixture, &error);
  g_assert_no_error (error);
  mkcol = declic_fault_server_dup_request (fixture->server, 1);
  g_assert_true (g_str_has_prefix (mkcol, "MKCOL /Client%20F/ HTTP/1.1\r\n"));
  g_assert_cmpuint (declic_fault_server_get_n_requests (fixture->server), ==, 3);
}

/* MKCOL answers 409 too: the server folder itself is missing. Said so, and not looped. */
static void
test_missing_server_folder (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  declic_fault_server_push_reply (fixture->server, 409, NULL, "");
  declic_fault_server_push_reply (fixture->server, 409, NULL, "");

  error = upload_must_fail (fixture, DECLIC_UPLOAD_ERROR_CONFLICT, 2);
}

static void
test_redirect_not_followed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = g_strdup_printf ("Location: %s/elsewhere/\r\n",
                                               declic_fault_server_get_url (fixture->server));

  declic_fault_server_push_reply (fixture->server, 307, location, "");
  error = upload_must_fail (fixture, DECLIC_UPLOAD_ERROR_SERVER, 1);
}

/* Basic auth in the Authorization header, bearer tokens as a header: sent, but never shown. */
static void
test_credentials_sent_not_shown (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(DeclicSyncMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *request = NULL;
  g_autofree char *basic = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *record = NULL;
  g_autofree char *record_path = NULL;

  declic_fault_server_push_reply (fixture->server, 201, "ETag: \"v5\"\r\n", "");
  meta = upload (fixture, &error);
  g_assert_no_error (error);
  request = declic_fault_server_dup_request (fixture->server, 0);
  basic = g_base64_encode ((const guchar *) USER ":" PASSWORD, strlen (USER ":" PASSWORD));
  expected = g_strconcat ("Authorization: Basic ", basic, "\r\n", NULL);
  g_assert_nonnull (strstr (request, expected));
  record_path = declic_sync_meta_get_path (fixture->workspace, fixture->id);
  record = declic_test_read_file (record_path);
  g_assert_null (strstr (record, PASSWORD));
  g_assert_null (strstr (record, basic));

  /* A token, and a server that refuses it. */
  declic_uploader_set_auth (fixture->uploader, DECLIC_UPLOAD_AUTH_BEARER, NULL, TOKEN);
  declic_fault_server_push_reply (fixture->server, 401, "WWW-Authenticate: Bearer\r\n", "");
  g_clear_pointer (&meta, declic_sync_meta_unref);
  meta = upload (fixture, &error);
  g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_UNAUTHORIZED);
  assert_no_secret (error);
  g_free (request);
  request = declic_fault_server_dup_request (fixture->server, 1);
  g_assert_nonnull (strstr (request, "Authorization: Bearer " TOKEN "\r\n"));
  /* The second upload says which version it replaces. */
  g_assert_nonnull (strstr (request, "If-Match: \"v5\"\r\n"));

  /* A token that would smuggle a header line is refused before sending. */
  g_clear_error (&error);
  declic_uploader_set_auth (fixture->uploader, DECLIC_UPLOAD_AUTH_BEARER, NULL, "abc\r\nX-Evil: 1");
  g_assert_false (declic_uploader_check_settings (fixture->uploader, &error));
  g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID);
  g_assert_cmpuint (declic_fault_server_get_n_requests (fixture->server), ==, 2);
}

/* Plain http to another computer is refused before anything leaves: no name lookup and no
 * connection. A proxy pointed at our server catches any request that would have gone out (a
 * proxy needs no name lookup), and catches nothing. */
static void
test_insecure_refused_before_connecting (Fixture       *fixture,
                                         gconstpointer  data)
{
  const char *addresses[] = {
    "http://example.invalid/dav",
    "http://192.0.2.1/dav",
    "HTTP://Example.Invalid:8080/dav/",
    "http://[2001:db8::1]/dav",
    "http://127.0.0.1.example.invalid/dav",
  };
  g_autofree char *saved_http_proxy = g_strdup (g_getenv ("http_proxy"));
  g_autofree char *saved_https_proxy = g_strdup (g_getenv ("https_proxy"));

  g_setenv ("http_proxy", declic_fault_server_get_url (fixture->server), TRUE);
  g_setenv ("https_proxy", declic_fault_server_get_url (fixture->server), TRUE);
  g_unsetenv ("no_proxy");
  g_unsetenv ("NO_PROXY");

  for (guint i = 0; i < G_N_ELEMENTS (addresses); i++)
    {
      g_autoptr(DeclicUploader) uploader = declic_uploader_new (addresses[i]);
      g_autoptr(DeclicSyncMeta) meta = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      declic_uploader_set_auth (uploader, DECLIC_UPLOAD_AUTH_BASIC, USER, PASSWORD);
      meta = declic_uploader_upload (uploader, fixture->path, DECLIC_UPLOAD_FLAGS_OVERWRITE, NULL, NULL, NULL, &error);
      g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INSECURE);
      assert_no_secret (error);
      g_clear_error (&error);

      bytes = declic_uploader_download (uploader, fixture->path, NULL, NULL, &error);
      g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INSECURE);
      g_clear_error (&error);

      g_assert_cmpint (declic_uploader_probe_preconditions (uploader, NULL, &error), ==,
                       DECLIC_PRECONDITIONS_UNKNOWN);
      g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INSECURE);

      g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);
    }
  g_assert_cmpuint (declic_fault_server_get_n_connections (fixture->server), ==, 0);

  /* The trap works: an allowed address does go through the proxy. */
  {
    g_autoptr(DeclicUploader) uploader = declic_uploader_new ("https://example.invalid/dav");
    g_autoptr(GError) error = NULL;

    declic_uploader_set_retry_policy (uploader, 1, 0);
    declic_uploader_probe_preconditions (uploader, NULL, &error);
    g_assert_nonnull (error);
    g_assert_cmpuint (declic_fault_server_get_n_connections (fixture->server), ==, 1);
  }

  if (saved_http_proxy != NULL)
    g_setenv ("http_proxy", saved_http_proxy, TRUE);
  else
    g_unsetenv ("http_proxy");
  if (saved_https_proxy != NULL)
    g_setenv ("https_proxy", saved_https_proxy, TRUE);
  else
    g_unsetenv ("https_proxy");
}

static void
test_bad_addresses (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *addresses[] = {
    "",
    "dav.example.org/drafts",
    "ftp://dav.example.org/drafts",
    "https://user:" PASSWORD "@dav.example.org/drafts",
    "https://dav.example.org/drafts?x=1",
    "https:///drafts",
  };

  for (guint i = 0; i < G_N_ELEMENTS (addresses); i++)
    {
      g_autoptr(DeclicUploader) uploader = declic_uploader_new (addresses[i]);
      g_autoptr(GError) error = NULL;

      g_assert_false (declic_uploader_check_settings (uploader, &error));
      g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID);
      assert_no_secret (error);
    }

  /* Loopback in every spelling may use http. */
  g_assert_true (declic_uploader_is_loopback_host ("localhost"));
  g_assert_true (declic_uploader_is_loopback_host ("LOCALHOST"));
  g_assert_true (declic_uploader_is_loopback_host ("127.0.0.1"));
  g_assert_true (declic_uploader_is_loopback_host ("127.45.6.7"));
  g_assert_true (declic_uploader_is_loopback_host ("::1"));
  g_assert_false (declic_uploader_is_loopback_host ("128.0.0.1"));
  g_assert_false (declic_uploader_is_loopback_host ("localhost.example.org"));
  g_assert_false (declic_uploader_is_loopback_host ("127.0.0.1.nip.io"));
  g_assert_false (declic_uploader_is_loopback_host ("::2"));
  {
    g_autoptr(DeclicUploader) uploader = declic_uploader_new ("http://[::1]:8080/dav");
    g_autoptr(GError) error = NULL;
    g_assert_true (declic_uploader_check_settings (uploader, &error));
    g_assert_no_error (error);
  }
}

/* The probe: a PUT of a temporary file that no If-Match can match. Stored anyway (201): the
 * server ignores preconditions, and the probe is deleted. */
static void
test_probe_requests (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicSyncMeta) meta = NULL;
  g_autofree char *put = NULL;
  g_autofree char *delete = NULL;
  g_autofree char *path = NULL;

  declic_uploader_set_preconditions (fixture->uploader, DECLIC_PRECONDITIONS_UNKNOWN);
  declic_fault_server_push_reply (fixture->server, 201, NULL, "");
  declic_fault_server_push_reply (fixture->server, 204, NULL, "");

  meta = upload (fixture, &error);
  g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_PRECONDITIONS_IGNORED);
  g_assert_cmpuint (declic_fault_server_get_n_requests (fixture->server), ==, 2);
  put = declic_fault_server_dup_request (fixture->server, 0);
  delete = declic_fault_server_dup_request (fixture->server, 1);
  g_assert_true (g_str_has_prefix (put, "PUT /.declic-probe-"));
  g_assert_nonnull (strstr (put, "If-Match: \"declic-probe-bogus\"\r\n"));
  path = g_strndup (put + 4, strchr (put + 4, ' ') - (put + 4));
  g_assert_true (g_str_has_prefix (delete, "DELETE "));
  g_assert_true (g_str_has_prefix (delete + 7, path));
  g_assert_false (has_record (fixture));
}

static void
test_download_too_large (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *huge = g_strnfill (DECLIC_DRAFT_MAX_FILE_SIZE + 10, 'x');
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  declic_fault_server_push_reply (fixture->server, 200, NULL, huge);
  bytes = declic_uploader_download (fixture->uploader, fixture->path, NULL, NULL, &error);
  g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_TOO_LARGE);
  g_assert_null (bytes);
}

static void
test_refused_drafts (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (fixture->workspace, "not-a-draft.json", NULL);
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autofree char *dots = g_build_filename (fixture->workspace, "dots.json", NULL);
  g_autoptr(DeclicSyncMeta) meta = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (bad, "{\"hello\": 1}", -1, &error);
  g_assert_no_error (error);
  meta = declic_uploader_upload (fixture->uploader, bad, DECLIC_UPLOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID);
  g_clear_error (&error);

  /* A label of ".." would climb out of the server folder. */
  declic_draft_set_string (draft, "client_label", "..");
  declic_draft_save_to_file (draft, dots, &error);
  g_assert_no_error (error);
  meta = declic_uploader_upload (fixture->uploader, dots, DECLIC_UPLOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID);

  g_assert_cmpuint (declic_fault_server_get_n_connections (fixture->server), ==, 0);
}

/* A damaged record is set aside: the upload goes as a first one (If-None-Match: *), which can
 * only ever turn into a conflict, never into an overwrite. */
static void
test_damaged_record (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DeclicSyncMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *record = declic_sync_meta_get_path (fixture->workspace, fixture->id);
  g_autofree char *dir = g_path_get_dirname (record);
  g_autofree char *request = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (record, "{ damaged", -1, &error);
  g_assert_no_error (error);
  declic_fault_server_push_reply (fixture->server, 201, "ETag: \"v6\"\r\n", "");

  meta = upload (fixture, &error);
  g_assert_no_error (error);
  request = declic_fault_server_dup_request (fixture->server, 0);
  g_assert_nonnull (strstr (request, "If-None-Match: *\r\n"));
  g_clear_pointer (&meta, declic_sync_meta_unref);
  meta = declic_sync_meta_load (fixture->workspace, fixture->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (declic_sync_meta_get_etag (meta), ==, "\"v6\"");
}

/* Issue 11, defect 11: a server that trickles its answer (a byte every 10 ms, never idle) kept an
 * upload alive for as long as each request's own limit allowed, request after request. The
 * draft's total deadline stops it, and says so rather than "did not answer in time". */
static void
test_draft_deadline (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Each request may take 4 s (the fixture); the whole draft only 1.5 s. */
  declic_uploader_set_draft_limits (fixture->uploader, 1500, 1);
  declic_fault_server_push_trickle (fixture->server, 2000, 10);
  error = upload_must_fail (fixture, DECLIC_UPLOAD_ERROR_TIMEOUT, 1);
  g_assert_nonnull (strstr (error->message, "took longer than"));
  g_assert_null (strstr (error->message, "did not answer in time"));
  g_assert_false (has_record (fixture));
}

/* The low-speed limit: under 1,000 bytes a second for the idle time (1 s) is too slow. */
static void
test_low_speed (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  declic_uploader_set_draft_limits (fixture->uploader, 0, 1000);
  declic_fault_server_push_trickle (fixture->server, 2000, 10);
  error = upload_must_fail (fixture, DECLIC_UPLOAD_ERROR_TIMEOUT, 1);
  g_assert_nonnull (strstr (error->message, "too slowly"));
  g_assert_false (has_record (fixture));
}

/* An answer to a PUT far longer than any WebDAV server sends (2 MiB) is cut off and reported as
 * what it is, not left to run until a timeout reports "did not answer in time". */
static void
test_huge_answer (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = g_malloc (2 * 1024 * 1024 + 1);

  memset (body, 'x', 2 * 1024 * 1024);
  body[2 * 1024 * 1024] = '\0';
  declic_fault_server_push_reply (fixture->server, 201, "ETag: \"v1\"\r\n", body);
  error = upload_must_fail (fixture, DECLIC_UPLOAD_ERROR_SERVER, 1);
  g_assert_nonnull (strstr (error->message, "longer answer"));
  g_assert_false (has_record (fixture));
}

/* A HEAD answered with a body (which HTTP forbids): its bytes must not be read as the answer to
 * the next request on the same connection, which libcurl then took for HTTP/0.9 and Déclic
 * reported as "not a valid web address". The HEAD's connection is not reused. */
static void
test_head_with_body (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DeclicSyncMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *put = NULL;

  declic_fault_server_push_head_with_body (fixture->server, 200, "ETag: \"v1\"\r\n",
                                           "this is a body, after a HEAD\r\n\r\n");
  declic_fault_server_push_reply (fixture->server, 204, "ETag: \"v2\"\r\n", "");
  meta = declic_uploader_upload (fixture->uploader, fixture->path, DECLIC_UPLOAD_FLAGS_OVERWRITE,
                                 NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (declic_sync_meta_get_etag (meta), ==, "\"v2\"");
  put = declic_fault_server_dup_request (fixture->server, 1);
  g_assert_true (g_str_has_prefix (put, "PUT "));
  g_assert_nonnull (strstr (put, "If-Match: \"v1\"\r\n"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/upload/faults/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("retry-after-500", test_retry_after_500);
  ADD ("retries-are-bounded", test_retries_are_bounded);
  ADD ("reset-then-success", test_reset_then_success);
  ADD ("resets-give-up", test_resets_give_up);
  ADD ("lost-answer-then-412", test_lost_answer_then_412);
  ADD ("412-is-a-conflict", test_412_is_a_conflict);
  ADD ("silence-times-out", test_silence_times_out);
  ADD ("cancel-slow-download", test_cancel_slow_download);
  ADD ("cancel-slow-upload", test_cancel_slow_upload);
  ADD ("413", test_413);
  ADD ("http-errors", test_http_errors);
  ADD ("missing-folder", test_missing_folder);
  ADD ("missing-server-folder", test_missing_server_folder);
  ADD ("redirect-not-followed", test_redirect_not_followed);
  ADD ("credentials-sent-not-shown", test_credentials_sent_not_shown);
  ADD ("insecure-refused-before-connecting", test_insecure_refused_before_connecting);
  ADD ("bad-addresses", test_bad_addresses);
  ADD ("probe-requests", test_probe_requests);
  ADD ("download-too-large", test_download_too_large);
  ADD ("refused-drafts", test_refused_drafts);
  ADD ("damaged-record", test_damaged_record);
  ADD ("draft-deadline", test_draft_deadline);
  ADD ("low-speed", test_low_speed);
  ADD ("huge-answer", test_huge_answer);
  ADD ("head-with-body", test_head_with_body);

  return g_test_run ();
}
