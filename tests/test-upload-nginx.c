/* test-upload-nginx.c: uploads over TLS to a real nginx (WebDAV PUT, basic auth) with a
 * certificate from a CA made for the test, and nginx's habit of ignoring If-Match: the probe
 * must find it out, and uploads must wait for the person's consent. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "declic-uploader.h"
#include "declic-upload-test-utils.h"

#define USER     "conseiller"
#define PASSWORD "Tls-Secret-Pa55"

static DeclicTestServer *server;

static gboolean
skip_without_server (void)
{
  if (server != NULL)
    return FALSE;
  g_test_skip ("nginx is not installed");
  return TRUE;
}

static DeclicUploader *
make_uploader (const char *url,
               gboolean    with_ca)
{
  DeclicUploader *uploader = declic_uploader_new (url);

  declic_uploader_set_auth (uploader, DECLIC_UPLOAD_AUTH_BASIC, USER, PASSWORD);
  if (with_ca)
    declic_uploader_set_ca_file (uploader, declic_test_server_get_ca_file (server));
  declic_uploader_set_retry_policy (uploader, 2, 50);
  return uploader;
}

static guint
count_entries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_ignored_preconditions (void)
{
  g_autofree char *workspace = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DeclicTestSnapshot) snapshot = NULL;
  g_autoptr(DeclicUploader) uploader = NULL;
  g_autoptr(DeclicSyncMeta) refused = NULL;
  g_autoptr(DeclicSyncMeta) meta = NULL;
  g_autoptr(DeclicSyncMeta) again = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_server ())
    return;

  workspace = declic_test_make_workspace ();
  path = declic_test_write_draft (workspace, "Client TLS", NULL);
  snapshot = declic_test_snapshot_new (path);
  uploader = make_uploader (declic_test_server_get_url (server), TRUE);

  /* The probe finds that nginx stores a file despite If-Match: "bogus": the upload stops with
   * the warning, and nothing is left on the server, not even the probe. */
  refused = declic_uploader_upload (uploader, path, DECLIC_UPLOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_PRECONDITIONS_IGNORED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_null (refused);
  g_assert_cmpint (declic_uploader_get_preconditions (uploader), ==, DECLIC_PRECONDITIONS_IGNORED);
  g_assert_cmpuint (count_entries (declic_test_server_get_folder (server)), ==, 0);
  declic_test_snapshot_assert_unchanged (snapshot);

  /* The person was warned and goes on. */
  meta = declic_uploader_upload (uploader, path, DECLIC_UPLOAD_FLAGS_ALLOW_UNCHECKED, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  declic_test_server_assert_has_copy (server, meta, path);
  /* nginx sends no ETag with PUT: it was fetched with HEAD. */
  g_assert_nonnull (declic_sync_meta_get_etag (meta));
  declic_test_snapshot_assert_unchanged (snapshot);

  /* The next upload needs the same consent. */
  declic_test_edit_draft (path, "Sur TLS");
  g_clear_pointer (&snapshot, declic_test_snapshot_free);
  snapshot = declic_test_snapshot_new (path);
  g_clear_pointer (&refused, declic_sync_meta_unref);
  refused = declic_uploader_upload (uploader, path, DECLIC_UPLOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_PRECONDITIONS_IGNORED);
  g_clear_error (&error);
  again = declic_uploader_upload (uploader, path, DECLIC_UPLOAD_FLAGS_ALLOW_UNCHECKED, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  declic_test_server_assert_has_copy (server, again, path);
  declic_test_snapshot_assert_unchanged (snapshot);

  declic_test_remove_tree (workspace);
}

static void
on_probed (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  DeclicPreconditions *found = data;
  g_autoptr(GError) error = NULL;

  *found = declic_uploader_probe_preconditions_finish (DECLIC_UPLOADER (source), result, &error);
  g_assert_no_error (error);
}

static void
test_probe (void)
{
  g_autoptr(DeclicUploader) uploader = NULL;
  g_autofree char *before = NULL;
  DeclicPreconditions found = DECLIC_PRECONDITIONS_UNKNOWN;
  guint n_before;

  if (skip_without_server ())
    return;

  n_before = count_entries (declic_test_server_get_folder (server));
  uploader = make_uploader (declic_test_server_get_url (server), TRUE);
  declic_uploader_probe_preconditions_async (uploader, NULL, on_probed, &found);
  while (found == DECLIC_PRECONDITIONS_UNKNOWN)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (found, ==, DECLIC_PRECONDITIONS_IGNORED);
  /* The probe was deleted. */
  g_assert_cmpuint (count_entries (declic_test_server_get_folder (server)), ==, n_before);
}

static void
test_tls_without_ca (void)
{
  g_autofree char *workspace = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DeclicTestSnapshot) snapshot = NULL;
  g_autoptr(DeclicUploader) uploader = NULL;
  g_autoptr(DeclicSyncMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  guint n_before;

  if (skip_without_server ())
    return;

  workspace = declic_test_make_workspace ();
  path = declic_test_write_draft (workspace, "Client Sans CA", NULL);
  snapshot = declic_test_snapshot_new (path);
  n_before = count_entries (declic_test_server_get_folder (server));

  /* The system's CAs do not know the test CA: refused, whatever the flags. */
  uploader = make_uploader (declic_test_server_get_url (server), FALSE);
  meta = declic_uploader_upload (uploader, path, DECLIC_UPLOAD_FLAGS_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_TLS);
  g_test_message ("%s", error->message);
  g_assert_null (strstr (error->message, PASSWORD));
  g_assert_null (meta);
  g_assert_cmpuint (count_entries (declic_test_server_get_folder (server)), ==, n_before);
  declic_test_snapshot_assert_unchanged (snapshot);

  declic_test_remove_tree (workspace);
}

/* The certificate names localhost too; a name it does not have is refused even with the CA. */
static void
test_host_names (void)
{
  g_autofree char *workspace = NULL;
  g_autofree char *path = NULL;
  g_autofree char *localhost_url = NULL;
  g_autofree char *wrong_name_url = NULL;
  g_autoptr(DeclicTestSnapshot) snapshot = NULL;
  g_autoptr(DeclicUploader) by_name = NULL;
  g_autoptr(DeclicUploader) wrong_name = NULL;
  g_autoptr(GError) error = NULL;
  DeclicPreconditions found;
  const char *url;

  if (skip_without_server ())
    return;

  url = declic_test_server_get_url (server);
  g_assert_true (g_str_has_prefix (url, "https://127.0.0.1:"));
  localhost_url = g_strconcat ("https://localhost:", url + strlen ("https://127.0.0.1:"), NULL);
  /* 127.0.0.2 is this computer too, but not a name on the certificate. */
  wrong_name_url = g_strconcat ("https://127.0.0.2:", url + strlen ("https://127.0.0.1:"), NULL);

  workspace = declic_test_make_workspace ();
  path = declic_test_write_draft (workspace, "Client Nom", NULL);
  snapshot = declic_test_snapshot_new (path);

  by_name = make_uploader (localhost_url, TRUE);
  found = declic_uploader_probe_preconditions (by_name, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found, ==, DECLIC_PRECONDITIONS_IGNORED);

  wrong_name = make_uploader (wrong_name_url, TRUE);
  found = declic_uploader_probe_preconditions (wrong_name, NULL, &error);
  g_assert_cmpint (found, ==, DECLIC_PRECONDITIONS_UNKNOWN);
  g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_TLS);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  declic_test_snapshot_assert_unchanged (snapshot);
  declic_test_remove_tree (workspace);
}

static void
test_unreadable_ca_file (void)
{
  g_autoptr(DeclicUploader) uploader = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_server ())
    return;

  uploader = make_uploader (declic_test_server_get_url (server), FALSE);
  declic_uploader_set_ca_file (uploader, "/nonexistent/declic-ca.pem");
  g_assert_false (declic_uploader_check_settings (uploader, &error));
  g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID);
}

/* Issue 11, defect 8: nginx without create_full_put_path answers 500 (not 409) to a PUT into a
 * folder that does not exist. The server folder (two levels) and the client's folder are made
 * with MKCOL from the top down before the probe and the first PUT. */
static void
test_missing_folders_strict (void)
{
  g_autofree char *workspace = NULL;
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  g_autofree char *url = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *name = NULL;
  g_autofree char *local = NULL;
  g_autofree char *remote = NULL;
  g_autofree char *www = NULL;
  g_autoptr(DeclicUploader) uploader = NULL;
  g_autoptr(DeclicSyncMeta) refused = NULL;
  g_autoptr(DeclicSyncMeta) meta = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_server ())
    return;

  workspace = declic_test_make_workspace ();
  path = declic_test_write_draft (workspace, "Client Nouveau", &id);
  /* .../dav is the create_full_put_path location; /strict is the same server without it. */
  g_assert_true (g_str_has_suffix (declic_test_server_get_url (server), "/dav"));
  url = g_strdup_printf ("%.*s/strict/bureau-neuf/2026",
                         (int) (strlen (declic_test_server_get_url (server)) - strlen ("/dav")),
                         declic_test_server_get_url (server));
  uploader = make_uploader (url, TRUE);

  /* The probe reaches the new folder and finds that nginx ignores If-Match. */
  refused = declic_uploader_upload (uploader, path, DECLIC_UPLOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_PRECONDITIONS_IGNORED);
  g_clear_error (&error);
  meta = declic_uploader_upload (uploader, path, DECLIC_UPLOAD_FLAGS_ALLOW_UNCHECKED, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (meta);

  www = g_path_get_dirname (declic_test_server_get_folder (server));
  name = g_strconcat (id, ".json", NULL);
  stored = g_build_filename (www, "strict", "bureau-neuf", "2026", "Client Nouveau", name, NULL);
  local = declic_test_read_file (path);
  remote = declic_test_read_file (stored);
  g_assert_cmpstr (remote, ==, local);
  declic_test_remove_tree (workspace);
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  server = declic_test_server_start_nginx (USER, PASSWORD);

  /* First: it checks that the server folder is empty. */
  g_test_add_func ("/upload/nginx/ignored-preconditions", test_ignored_preconditions);
  g_test_add_func ("/upload/nginx/probe", test_probe);
  g_test_add_func ("/upload/nginx/tls-without-ca", test_tls_without_ca);
  g_test_add_func ("/upload/nginx/host-names", test_host_names);
  g_test_add_func ("/upload/nginx/unreadable-ca-file", test_unreadable_ca_file);
  g_test_add_func ("/upload/nginx/missing-folders-strict", test_missing_folders_strict);

  status = g_test_run ();
  g_clear_pointer (&server, declic_test_server_stop);
  return status;
}
