/* test-sync-meta.c: the upload record kept beside the workspace, never inside the draft. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/stat.h>

#include "declic-sync-meta.h"
#include "declic-upload-test-utils.h"

#define ID "0d5c2e4a-8a8f-4a53-9a39-6c0f7b8f1a11"

static void
test_round_trip (void)
{
  g_autofree char *workspace = declic_test_make_workspace ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 14, 15, 9, 26);
  g_autoptr(DeclicSyncMeta) meta = declic_sync_meta_new ("https://dav.example.org/d", "A%20B/" ID ".json",
                                                         "\"abc-123\"", when);
  g_autoptr(DeclicSyncMeta) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = declic_sync_meta_get_path (workspace, ID);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *expected = g_build_filename (workspace, ".declic", "sync", ID ".json", NULL);
  g_autofree char *url = NULL;
  struct stat st;

  g_assert_cmpstr (path, ==, expected);
  g_assert_null (declic_sync_meta_load (workspace, ID, &error));
  g_assert_no_error (error);

  g_assert_true (declic_sync_meta_save (meta, workspace, ID, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  loaded = declic_sync_meta_load (workspace, ID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (declic_sync_meta_get_server_url (loaded), ==, "https://dav.example.org/d");
  g_assert_cmpstr (declic_sync_meta_get_remote_path (loaded), ==, "A%20B/" ID ".json");
  g_assert_cmpstr (declic_sync_meta_get_etag (loaded), ==, "\"abc-123\"");
  g_assert_true (g_date_time_equal (declic_sync_meta_get_uploaded (loaded), when));
  url = declic_sync_meta_dup_url (loaded);
  g_assert_cmpstr (url, ==, "https://dav.example.org/d/A%20B/" ID ".json");

  g_assert_true (declic_sync_meta_delete (workspace, ID, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (declic_sync_meta_delete (workspace, ID, &error));
  g_assert_no_error (error);

  declic_test_remove_tree (workspace);
}

/* A record that was readable by others (copied from elsewhere) is private once rewritten. */
static void
test_rewrite_is_private (void)
{
  g_autofree char *workspace = declic_test_make_workspace ();
  g_autoptr(DeclicSyncMeta) meta = declic_sync_meta_new ("https://h/d", ID ".json", NULL, NULL);
  g_autoptr(DeclicSyncMeta) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = declic_sync_meta_get_path (workspace, ID);
  struct stat st;

  g_assert_true (declic_sync_meta_save (meta, workspace, ID, &error));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (declic_sync_meta_save (meta, workspace, ID, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* No ETag is kept as none, not as an empty string. */
  loaded = declic_sync_meta_load (workspace, ID, &error);
  g_assert_no_error (error);
  g_assert_null (declic_sync_meta_get_etag (loaded));

  declic_test_remove_tree (workspace);
}

static void
test_damaged (void)
{
  const char *contents[] = {
    "",
    "not json",
    "[]",
    "{\"server_url\": \"https://h\", \"remote_path\": \"x.json\"}",
    "{\"server_url\": 1, \"remote_path\": \"x.json\", \"uploaded\": \"2026-01-01T00:00:00Z\"}",
  };
  g_autofree char *workspace = declic_test_make_workspace ();
  g_autofree char *path = declic_sync_meta_get_path (workspace, ID);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DeclicSyncMeta) meta = NULL;

      g_file_set_contents (path, contents[i], -1, &error);
      g_assert_no_error (error);
      meta = declic_sync_meta_load (workspace, ID, &error);
      g_assert_null (meta);
      g_assert_error (error, DECLIC_SYNC_META_ERROR, DECLIC_SYNC_META_ERROR_INVALID);
    }
  declic_test_remove_tree (workspace);
}

static void
test_ids (void)
{
  const char *good[] = { ID, "abc", "A_b-c.1" };
  const char *bad[] = { NULL, "", ".", "..", "../x", "a/b", ".hidden", "a b", "é", "a\\b" };
  g_autofree char *workspace = declic_test_make_workspace ();
  g_autoptr(DeclicSyncMeta) meta = declic_sync_meta_new ("https://h/d", "x.json", NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (declic_sync_meta_is_valid_id (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (declic_sync_meta_is_valid_id (bad[i]));
      if (bad[i] == NULL)
        continue;
      g_assert_false (declic_sync_meta_save (meta, workspace, bad[i], &error));
      g_assert_error (error, DECLIC_SYNC_META_ERROR, DECLIC_SYNC_META_ERROR_INVALID);
    }
  /* Nothing was written anywhere. */
  {
    g_autofree char *declic_dir = g_build_filename (workspace, ".declic", NULL);
    g_assert_false (g_file_test (declic_dir, G_FILE_TEST_EXISTS));
  }
  declic_test_remove_tree (workspace);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-meta/round-trip", test_round_trip);
  g_test_add_func ("/sync-meta/rewrite-is-private", test_rewrite_is_private);
  g_test_add_func ("/sync-meta/damaged", test_damaged);
  g_test_add_func ("/sync-meta/ids", test_ids);

  return g_test_run ();
}
