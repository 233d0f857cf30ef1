/* test-upload-lighttpd.c: uploads to a real WebDAV server that honours If-Match and
 * If-None-Match (lighttpd with mod_webdav and basic auth), started on a free loopback port. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/stat.h>

#include "declic-uploader.h"
#include "declic-upload-test-utils.h"

#define USER     "conseillere"
#define PASSWORD "Mot-de-passe-Tr3s-Secret"

static DeclicTestServer *server;

static gboolean
skip_without_server (void)
{
  if (server != NULL)
    return FALSE;
  g_test_skip ("lighttpd or its WebDAV module (lighttpd-mod-webdav) is not installed");
  return TRUE;
}

static DeclicUploader *
make_uploader (const char *password)
{
  DeclicUploader *uploader = declic_uploader_new (declic_test_server_get_url (server));

  declic_uploader_set_auth (uploader, DECLIC_UPLOAD_AUTH_BASIC, USER, password);
  declic_uploader_set_retry_policy (uploader, 3, 50);
  return uploader;
}

static void
assert_no_probe_left (void)
{
  g_autoptr(GDir) dir = g_dir_open (declic_test_server_get_folder (server), 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".declic-probe-"));
}

/* Progress must reach the GUI on its own thread. */
typedef struct
{
  GThread  *main_thread;
  guint     n_calls;
  goffset   last;
  goffset   total;
  gboolean  done;
  DeclicSyncMeta *meta;
  GError   *error;
} UploadWait;

static void
on_progress (goffset  current,
             goffset  total,
             gpointer data)
{
  UploadWait *wait = data;

  g_assert_true (g_thread_self () == wait->main_thread);
  g_assert_cmpint (current, >=, wait->last);
  wait->last = current;
  wait->total = total;
  wait->n_calls++;
}

static void
on_uploaded (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  UploadWait *wait = data;

  g_assert_true (g_thread_self () == wait->main_thread);
  wait->meta = declic_uploader_upload_finish (DECLIC_UPLOADER (source), result, &wait->error);
  wait->done = TRUE;
}

static void
test_first_upload (void)
{
  g_autofree char *workspace = NULL;
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  g_autofree char *record_path = NULL;
  g_autofree char *record = NULL;
  g_autofree char *expected_remote = NULL;
  g_autofree char *remote_dir = NULL;
  g_autoptr(DeclicTestSnapshot) snapshot = NULL;
  g_autoptr(DeclicUploader) uploader = NULL;
  g_autoptr(DeclicSyncMeta) loaded = NULL;
  g_autoptr(GError) error = NULL;
  UploadWait wait = { 0 };
  struct stat st;

  if (skip_without_server ())
    return;

  workspace = declic_test_make_workspace ();
  path = declic_test_write_draft (workspace, "Famille Tremblay-Côté 2026", &id);
  snapshot = declic_test_snapshot_new (path);
  uploader = make_uploader (PASSWORD);

  wait.main_thread = g_thread_self ();
  declic_uploader_upload_async (uploader, path, DECLIC_UPLOAD_FLAGS_NONE,
                                on_progress, &wait, NULL, NULL, on_uploaded, &wait);
  g_assert_true (declic_test_wait_for (&wait.done, 20000));
  g_assert_no_error (wait.error);
  g_assert_nonnull (wait.meta);

  /* The label is one folder, escaped: the "/" in it does not make a second level. */
  expected_remote = g_strconcat ("Famille%20Tremblay-C%C3%B4t%C3%A9%202026/", id, ".json", NULL);
  g_assert_cmpstr (declic_sync_meta_get_remote_path (wait.meta), ==, expected_remote);
  g_assert_cmpstr (declic_sync_meta_get_server_url (wait.meta), ==, declic_test_server_get_url (server));
  g_assert_nonnull (declic_sync_meta_get_etag (wait.meta));
  remote_dir = g_build_filename (declic_test_server_get_folder (server), "Famille Tremblay-Côté 2026", NULL);
  g_assert_true (g_file_test (remote_dir, G_FILE_TEST_IS_DIR));
  declic_test_server_assert_has_copy (server, wait.meta, path);

  g_assert_cmpuint (wait.n_calls, >, 0);
  g_assert_cmpint (wait.last, ==, wait.total);
  g_assert_cmpint (declic_uploader_get_preconditions (uploader), ==, DECLIC_PRECONDITIONS_HONOURED);
  assert_no_probe_left ();

  /* The record: private, outside the draft, and without the password. */
  record_path = declic_sync_meta_get_path (workspace, id);
  g_assert_cmpint (g_stat (record_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  record = declic_test_read_file (record_path);
  g_assert_null (strstr (record, PASSWORD));
  loaded = declic_sync_meta_load (workspace, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (declic_sync_meta_get_etag (loaded), ==, declic_sync_meta_get_etag (wait.meta));
  g_assert_cmpstr (declic_sync_meta_get_remote_path (loaded), ==, expected_remote);

  declic_test_snapshot_assert_unchanged (snapshot);
  g_clear_pointer (&wait.meta, declic_sync_meta_unref);
  declic_test_remove_tree (workspace);
}

static void
test_update_with_etag (void)
{
  g_autofree char *workspace = declic_test_make_workspace ();
  g_autofree char *path = NULL;
  g_autoptr(DeclicTestSnapshot) snapshot = NULL;
  g_autoptr(DeclicUploader) uploader = NULL;
  g_autoptr(DeclicSyncMeta) first = NULL;
  g_autoptr(DeclicSyncMeta) second = NULL;
  g_autoptr(DeclicSyncMeta) third = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_server ())
    return;

  path = declic_test_write_draft (workspace, "Client B", NULL);
  uploader = make_uploader (PASSWORD);

  first = declic_uploader_upload (uploader, path, DECLIC_UPLOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  /* The person edits the draft and uploads again: If-Match with the remembered ETag. */
  declic_test_edit_draft (path, "Marie-Ève Louise");
  snapshot = declic_test_snapshot_new (path);
  second = declic_uploader_upload (uploader, path, DECLIC_UPLOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (declic_sync_meta_get_remote_path (second), ==, declic_sync_meta_get_remote_path (first));
  g_assert_cmpstr (declic_sync_meta_get_etag (second), !=, declic_sync_meta_get_etag (first));
  declic_test_server_assert_has_copy (server, second, path);
  declic_test_snapshot_assert_unchanged (snapshot);

  /* Uploading an unchanged draft again is fine too. */
  third = declic_uploader_upload (uploader, path, DECLIC_UPLOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  declic_test_server_assert_has_copy (server, third, path);
  declic_test_snapshot_assert_unchanged (snapshot);

  declic_test_remove_tree (workspace);
}

/* Copies the draft at @path into a new workspace, as if another computer had it too. */
static char *
copy_to_other_workspace (const char  *path,
                         char       **other_workspace)
{
  g_autofree char *contents = declic_test_read_file (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GError) error = NULL;
  char *copy;

  *other_workspace = declic_test_make_workspace ();
  copy = g_build_filename (*other_workspace, name, NULL);
  g_file_set_contents (copy, contents, -1, &error);
  g_assert_no_error (error);
  return copy;
}

static void
test_conflict (void)
{
  g_autofree char *workspace = declic_test_make_workspace ();
  g_autofree char *other_workspace = NULL;
  g_autofree char *path = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *remote = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *other_contents = NULL;
  g_autoptr(DeclicTestSnapshot) snapshot = NULL;
  g_autoptr(DeclicUploader) uploader = NULL;
  g_autoptr(DeclicUploader) other = NULL;
  g_autoptr(DeclicSyncMeta) first = NULL;
  g_autoptr(DeclicSyncMeta) theirs = NULL;
  g_autoptr(DeclicSyncMeta) conflicted = NULL;
  g_autoptr(DeclicSyncMeta) replaced = NULL;
  g_autoptr(GBytes) downloaded = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_server ())
    return;

  path = declic_test_write_draft (workspace, "Client C", NULL);
  uploader = make_uploader (PASSWORD);
  first = declic_uploader_upload (uploader, path, DECLIC_UPLOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  remote = declic_test_server_build_path (server, declic_sync_meta_get_remote_path (first));

  /* A colleague changes the same draft on another computer and replaces the server copy. */
  other_path = copy_to_other_workspace (path, &other_workspace);
  declic_test_edit_draft (other_path, "Changed elsewhere");
  other = make_uploader (PASSWORD);
  theirs = declic_uploader_upload (other, other_path, DECLIC_UPLOAD_FLAGS_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (declic_sync_meta_get_etag (theirs), !=, declic_sync_meta_get_etag (first));
  other_contents = declic_test_read_file (other_path);

  /* Meanwhile this person edits too, and uploads: a conflict, and nothing is overwritten. */
  declic_test_edit_draft (path, "Changed here");
  snapshot = declic_test_snapshot_new (path);
  before = declic_test_read_file (remote);
  g_assert_cmpstr (before, ==, other_contents);
  conflicted = declic_uploader_upload (uploader, path, DECLIC_UPLOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_PRECONDITION_FAILED);
  g_assert_null (conflicted);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  after = declic_test_read_file (remote);
  g_assert_cmpstr (after, ==, before);
  declic_test_snapshot_assert_unchanged (snapshot);

  /* Keep both: the server copy comes down as bytes, exactly the colleague's file. */
  downloaded = declic_uploader_download (uploader, path, &etag, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (downloaded, NULL), g_bytes_get_size (downloaded),
                   other_contents, strlen (other_contents));
  g_assert_cmpstr (etag, ==, declic_sync_meta_get_etag (theirs));
  declic_test_snapshot_assert_unchanged (snapshot);

  /* Or overwrite, knowingly: the server copy becomes this person's. */
  replaced = declic_uploader_upload (uploader, path, DECLIC_UPLOAD_FLAGS_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  declic_test_server_assert_has_copy (server, replaced, path);
  declic_test_snapshot_assert_unchanged (snapshot);

  /* Now the colleague's next upload is the conflict. */
  declic_test_edit_draft (other_path, "Changed elsewhere again");
  g_clear_pointer (&theirs, declic_sync_meta_unref);
  theirs = declic_uploader_upload (other, other_path, DECLIC_UPLOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_PRECONDITION_FAILED);
  g_clear_error (&error);
  declic_test_server_assert_has_copy (server, replaced, path);

  declic_test_remove_tree (workspace);
  declic_test_remove_tree (other_workspace);
}

/* No record here, but the server has the draft: identical bytes are not a conflict (a lost
 * answer, a copied workspace); different bytes are. */
static void
test_first_upload_to_existing (void)
{
  g_autofree char *workspace = declic_test_make_workspace ();
  g_autofree char *other_workspace = NULL;
  g_autofree char *third_workspace = NULL;
  g_autofree char *path = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(DeclicTestSnapshot) snapshot = NULL;
  g_autoptr(DeclicUploader) uploader = NULL;
  g_autoptr(DeclicSyncMeta) first = NULL;
  g_autoptr(DeclicSyncMeta) same = NULL;
  g_autoptr(DeclicSyncMeta) different = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_server ())
    return;

  path = declic_test_write_draft (workspace, "Client D", NULL);
  uploader = make_uploader (PASSWORD);
  first = declic_uploader_upload (uploader, path, DECLIC_UPLOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  copy = copy_to_other_workspace (path, &other_workspace);
  snapshot = declic_test_snapshot_new (copy);
  same = declic_uploader_upload (uploader, copy, DECLIC_UPLOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (declic_sync_meta_get_etag (same), ==, declic_sync_meta_get_etag (first));
  declic_test_snapshot_assert_unchanged (snapshot);
  g_clear_pointer (&snapshot, declic_test_snapshot_free);

  changed = copy_to_other_workspace (path, &third_workspace);
  declic_test_edit_draft (changed, "Different");
  snapshot = declic_test_snapshot_new (changed);
  different = declic_uploader_upload (uploader, changed, DECLIC_UPLOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_PRECONDITION_FAILED);
  g_assert_null (different);
  declic_test_server_assert_has_copy (server, first, path);
  declic_test_snapshot_assert_unchanged (snapshot);

  declic_test_remove_tree (workspace);
  declic_test_remove_tree (other_workspace);
  declic_test_remove_tree (third_workspace);
}

static void
test_wrong_password (void)
{
  g_autofree char *workspace = declic_test_make_workspace ();
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  g_autofree char *record_path = NULL;
  g_autoptr(DeclicTestSnapshot) snapshot = NULL;
  g_autoptr(DeclicUploader) uploader = NULL;
  g_autoptr(DeclicSyncMeta) meta = NULL;
  g_autoptr(GError) error = NULL;
  const char *wrong = "Pas-le-bon-Secret-42";

  if (skip_without_server ())
    return;

  path = declic_test_write_draft (workspace, "Client E", &id);
  snapshot = declic_test_snapshot_new (path);
  uploader = make_uploader (wrong);

  meta = declic_uploader_upload (uploader, path, DECLIC_UPLOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_UNAUTHORIZED);
  g_assert_null (meta);
  g_assert_null (strstr (error->message, wrong));
  g_assert_null (strstr (error->message, USER ":"));
  g_test_message ("%s", error->message);

  record_path = declic_sync_meta_get_path (workspace, id);
  g_assert_false (g_file_test (record_path, G_FILE_TEST_EXISTS));
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
  DeclicPreconditions found = DECLIC_PRECONDITIONS_UNKNOWN;

  if (skip_without_server ())
    return;

  uploader = make_uploader (PASSWORD);
  declic_uploader_probe_preconditions_async (uploader, NULL, on_probed, &found);
  while (found == DECLIC_PRECONDITIONS_UNKNOWN)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (found, ==, DECLIC_PRECONDITIONS_HONOURED);
  assert_no_probe_left ();
}

static void
test_no_label (void)
{
  g_autofree char *workspace = declic_test_make_workspace ();
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(DeclicTestSnapshot) snapshot = NULL;
  g_autoptr(DeclicUploader) uploader = NULL;
  g_autoptr(DeclicSyncMeta) meta = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_server ())
    return;

  path = declic_test_write_draft (workspace, NULL, &id);
  snapshot = declic_test_snapshot_new (path);
  uploader = make_uploader (PASSWORD);
  meta = declic_uploader_upload (uploader, path, DECLIC_UPLOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  expected = g_strconcat (id, ".json", NULL);
  g_assert_cmpstr (declic_sync_meta_get_remote_path (meta), ==, expected);
  declic_test_server_assert_has_copy (server, meta, path);
  declic_test_snapshot_assert_unchanged (snapshot);
  declic_test_remove_tree (workspace);
}

/* Nothing but "dav" in the server's document root: no upload landed beside the folder. */
static void
assert_only_dav_in_root (void)
{
  g_autofree char *www = g_path_get_dirname (declic_test_server_get_folder (server));
  g_autoptr(GDir) dir = g_dir_open (www, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, "dav"))
      g_error ("%s was written beside the server folder", name);
}

/* A client label is one folder under the server folder, or refused before anything is sent:
 * servers decode "%2F" before they resolve "..", so a separator must never reach them. */
static void
test_hostile_labels (void)
{
  static const char *const refused[] = {
    "../outside", "/../../outside", "a/b", "..\\outside", "a\\b", ".", "..", "Trem\nblay",
    "\x1b]0;pwned\x07", "a\x7f" "b", "Tremblay \xe2\x80\xae" "etoc", "a\xc2\x85" "b",
  };
  /* Odd but harmless: each is one folder of that exact name. */
  static const char *const accepted[] = { "...", "a..b", "%2F..%2Foutside", "Côté ? #1 & 50 %", "..a" };
  g_autofree char *workspace = NULL;
  g_autofree char *long_label = g_strnfill (201, 'x');
  g_autoptr(DeclicUploader) uploader = NULL;

  if (skip_without_server ())
    return;

  workspace = declic_test_make_workspace ();
  uploader = make_uploader (PASSWORD);
  for (guint i = 0; i <= G_N_ELEMENTS (refused); i++)
    {
      const char *label = i < G_N_ELEMENTS (refused) ? refused[i] : long_label;
      g_autofree char *id = NULL;
      g_autofree char *path = declic_test_write_draft (workspace, label, &id);
      g_autoptr(DeclicTestSnapshot) snapshot = declic_test_snapshot_new (path);
      g_autoptr(DeclicSyncMeta) meta = NULL;
      g_autoptr(GError) error = NULL;

      meta = declic_uploader_upload (uploader, path, DECLIC_UPLOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
      g_test_message ("refused %s: %s", label, error != NULL ? error->message : "(uploaded)");
      g_assert_null (meta);
      g_assert_error (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_INVALID);
      assert_only_dav_in_root ();
      declic_test_snapshot_assert_unchanged (snapshot);
    }
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autofree char *id = NULL;
      g_autofree char *path = declic_test_write_draft (workspace, accepted[i], &id);
      g_autofree char *folder = g_build_filename (declic_test_server_get_folder (server), accepted[i], NULL);
      g_autofree char *copy = NULL;
      g_autofree char *name = NULL;
      g_autoptr(DeclicSyncMeta) meta = NULL;
      g_autoptr(GError) error = NULL;

      meta = declic_uploader_upload (uploader, path, DECLIC_UPLOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
      g_test_message ("accepted %s: %s", accepted[i], error != NULL ? error->message : declic_sync_meta_get_remote_path (meta));
      g_assert_no_error (error);
      name = g_strconcat (id, ".json", NULL);
      copy = g_build_filename (folder, name, NULL);
      g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
      declic_test_server_assert_has_copy (server, meta, path);
      assert_only_dav_in_root ();
    }
  declic_test_remove_tree (workspace);
}

/* Issue 11, defect 8: the server folder does not exist yet, two levels deep. The folders are
 * made from the top down before the probe and the first PUT; before, the probe's 409 failed
 * the upload, naming the probe file. */
static void
test_missing_server_folders (void)
{
  g_autofree char *workspace = NULL;
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  g_autofree char *url = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *name = NULL;
  g_autofree char *local = NULL;
  g_autofree char *remote = NULL;
  g_autoptr(DeclicUploader) uploader = NULL;
  g_autoptr(DeclicSyncMeta) meta = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_server ())
    return;

  workspace = declic_test_make_workspace ();
  path = declic_test_write_draft (workspace, "Client Nouveau", &id);
  url = g_strconcat (declic_test_server_get_url (server), "/bureau-neuf/2026", NULL);
  uploader = declic_uploader_new (url);
  declic_uploader_set_auth (uploader, DECLIC_UPLOAD_AUTH_BASIC, USER, PASSWORD);
  declic_uploader_set_retry_policy (uploader, 3, 50);

  meta = declic_uploader_upload (uploader, path, DECLIC_UPLOAD_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (meta);
  g_assert_cmpint (declic_uploader_get_preconditions (uploader), ==, DECLIC_PRECONDITIONS_HONOURED);

  name = g_strconcat (id, ".json", NULL);
  stored = g_build_filename (declic_test_server_get_folder (server), "bureau-neuf", "2026",
                             "Client Nouveau", name, NULL);
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

  server = declic_test_server_start_lighttpd (USER, PASSWORD);

  g_test_add_func ("/upload/lighttpd/first-upload", test_first_upload);
  g_test_add_func ("/upload/lighttpd/update-with-etag", test_update_with_etag);
  g_test_add_func ("/upload/lighttpd/conflict", test_conflict);
  g_test_add_func ("/upload/lighttpd/first-upload-to-existing", test_first_upload_to_existing);
  g_test_add_func ("/upload/lighttpd/wrong-password", test_wrong_password);
  g_test_add_func ("/upload/lighttpd/probe", test_probe);
  g_test_add_func ("/upload/lighttpd/no-label", test_no_label);
  g_test_add_func ("/upload/lighttpd/hostile-labels", test_hostile_labels);
  g_test_add_func ("/upload/lighttpd/missing-server-folders", test_missing_server_folders);

  status = g_test_run ();
  g_clear_pointer (&server, declic_test_server_stop);
  return status;
}
