/* test-workspace.c: one writer per workspace, and what a save does when another program
 * changed the draft's file (issue 11, defect 6), stamps that follow a draft moved by the store,
 * and the ".declic" entries never followed (links, pipes, devices).
 *
 * Each test works in a private "sandbox" holding the workspace and an "outside" folder that
 * stands for the rest of the computer: nothing may be written there.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "declic-draft.h"
#include "declic-entry-progress.h"
#include "declic-store.h"
#include "declic-sync-meta.h"
#include "declic-test-utils.h"
#include "declic-workspace-lock.h"

typedef struct
{
  char *sandbox;
  char *workspace;
  char *outside;
} Sandbox;

static void
sandbox_setup (Sandbox       *box,
               gconstpointer  data)
{
  box->sandbox = declic_test_make_workspace ();
  box->workspace = g_build_filename (box->sandbox, "workspace", NULL);
  box->outside = g_build_filename (box->sandbox, "outside", NULL);
  g_assert_cmpint (g_mkdir (box->workspace, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (box->outside, 0700), ==, 0);
}

static void
sandbox_teardown (Sandbox       *box,
                  gconstpointer  data)
{
  declic_test_remove_tree (box->sandbox);
  g_free (box->sandbox);
  g_free (box->workspace);
  g_free (box->outside);
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

static char *
read_file (const char *path)
{
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

/* Another program rewrites @path with a new label. */
static void
change_from_outside (const char *path,
                     const char *label)
{
  g_autoptr(DeclicDraft) other = declic_draft_new_from_file (path, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (other);
  declic_draft_set_string (other, "client_label", label);
  declic_draft_forget_disk_state (other);
  g_assert_true (declic_draft_save_to_file (other, path, &error));
  g_assert_no_error (error);
}

/* A draft open in the window, its file changed by another program, the save refused. */
static DeclicDraft *
open_and_conflict (DeclicStore  *store,
                   const char   *path)
{
  g_autoptr(GError) error = NULL;
  DeclicDraft *mine = declic_store_open_draft (store, path, &error);

  g_assert_no_error (error);
  change_from_outside (path, "Theirs");
  declic_draft_set_string (mine, "client_label", "Mine");
  g_assert_false (declic_store_save_draft (store, mine, &error));
  g_assert_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_CHANGED);
  return mine;
}

static char *
make_draft (DeclicStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) draft = declic_store_create_draft (store, &error);

  g_assert_no_error (error);
  declic_draft_set_string (draft, "client_label", "Original");
  g_assert_true (declic_store_save_draft (store, draft, &error));
  return declic_store_path_for_id (store, declic_draft_get_id (draft));
}

static void
test_conflict_reload (Sandbox       *box,
                      gconstpointer  data)
{
  g_autoptr(DeclicStore) store = declic_store_new (box->workspace);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *result_path = NULL;
  g_autoptr(DeclicDraft) mine = NULL;
  g_autoptr(DeclicDraft) reloaded = NULL;
  guint n_files;

  g_assert_true (declic_store_load (store, NULL, &error));
  path = make_draft (store);
  mine = open_and_conflict (store, path);
  theirs = read_file (path);
  n_files = count_entries (box->workspace);

  reloaded = declic_store_resolve_conflict (store, mine, path, DECLIC_STORE_CONFLICT_RELOAD, &result_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result_path, ==, path);
  g_assert_cmpstr (declic_draft_get_client_label (reloaded), ==, "Theirs");
  /* Nothing written: the other program's file as it left it, no new file. */
  {
    g_autofree char *now = read_file (path);
    g_assert_cmpstr (now, ==, theirs);
  }
  g_assert_cmpuint (count_entries (box->workspace), ==, n_files);

  /* The reloaded draft saves without a conflict: its stamp is the file's. */
  declic_draft_set_string (reloaded, "client_label", "Theirs, then mine");
  g_assert_true (declic_store_save_draft (store, reloaded, &error));
  g_assert_no_error (error);
}

static void
test_conflict_keep_both (Sandbox       *box,
                         gconstpointer  data)
{
  g_autoptr(DeclicStore) store = declic_store_new (box->workspace);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *copy_path = NULL;
  g_autoptr(DeclicDraft) mine = NULL;
  g_autoptr(DeclicDraft) copy = NULL;
  g_autoptr(DeclicDraft) on_disk = NULL;

  g_assert_true (declic_store_load (store, NULL, &error));
  path = make_draft (store);
  mine = open_and_conflict (store, path);
  theirs = read_file (path);

  copy = declic_store_resolve_conflict (store, mine, path, DECLIC_STORE_CONFLICT_KEEP_BOTH, &copy_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copy_path, !=, path);
  g_assert_cmpstr (declic_draft_get_id (copy), !=, declic_draft_get_id (mine));
  g_assert_cmpstr (declic_draft_get_client_label (copy), ==, "Mine (copy)");
  /* The other program's file stays as it is. */
  {
    g_autofree char *now = read_file (path);
    g_assert_cmpstr (now, ==, theirs);
  }
  /* The person's version is a new draft on disk, listed by the store, private. */
  on_disk = declic_draft_new_from_file (copy_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (declic_draft_get_client_label (on_disk), ==, "Mine (copy)");
  g_assert_nonnull (declic_store_find (store, copy_path));
  {
    GStatBuf st;
    g_assert_cmpint (g_lstat (copy_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  /* And the copy goes on saving. */
  declic_draft_set_string (copy, "client_label", "Mine, kept");
  g_assert_true (declic_store_save_draft (store, copy, &error));
  g_assert_no_error (error);
}

static void
test_conflict_overwrite (Sandbox       *box,
                         gconstpointer  data)
{
  g_autoptr(DeclicStore) store = declic_store_new (box->workspace);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *result_path = NULL;
  g_autoptr(DeclicDraft) mine = NULL;
  g_autoptr(DeclicDraft) result = NULL;
  g_autoptr(DeclicDraft) on_disk = NULL;
  guint n_files;

  g_assert_true (declic_store_load (store, NULL, &error));
  path = make_draft (store);
  mine = open_and_conflict (store, path);
  n_files = count_entries (box->workspace);

  result = declic_store_resolve_conflict (store, mine, path, DECLIC_STORE_CONFLICT_OVERWRITE, &result_path, &error);
  g_assert_no_error (error);
  g_assert_true (result == mine);
  g_assert_cmpstr (result_path, ==, path);
  on_disk = declic_draft_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (declic_draft_get_client_label (on_disk), ==, "Mine");
  g_assert_cmpuint (count_entries (box->workspace), ==, n_files);

  /* Overwriting once is not overwriting forever: a later change from outside is caught again. */
  change_from_outside (path, "Theirs again");
  declic_draft_set_string (mine, "client_label", "Mine again");
  g_assert_false (declic_store_save_draft (store, mine, &error));
  g_assert_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_CHANGED);
}

/* Defect 6 and the store's moves: a draft imported into the workspace must watch its workspace
 * file, not the file it was imported from. Before the fix, its stamp named the source: the next
 * save into the workspace checked nothing and overwrote another program's change silently. */
static void
test_import_keeps_stamp (Sandbox       *box,
                         gconstpointer  data)
{
  g_autoptr(DeclicStore) store = declic_store_new (box->workspace);
  g_autoptr(GError) error = NULL;
  g_autofree char *source = g_build_filename (box->outside, "received.json", NULL);
  g_autofree char *path = NULL;
  g_autofree char *theirs = NULL;
  g_autoptr(DeclicDraft) imported = NULL;

  g_assert_true (g_file_set_contents (source, "{\"schema_version\": \"1.0\", \"id\": \"received\"}\n", -1, NULL));
  g_assert_true (declic_store_load (store, NULL, &error));
  imported = declic_store_import_draft (store, source, &error);
  g_assert_no_error (error);
  path = declic_store_path_for_id (store, declic_draft_get_id (imported));

  /* A save right after the import is no conflict. */
  declic_draft_set_string (imported, "client_label", "Mine");
  g_assert_true (declic_store_save_draft (store, imported, &error));
  g_assert_no_error (error);

  change_from_outside (path, "Theirs");
  theirs = read_file (path);
  declic_draft_set_string (imported, "client_label", "Mine again");
  g_assert_false (declic_store_save_draft (store, imported, &error));
  g_assert_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_CHANGED);
  {
    g_autofree char *now = read_file (path);
    g_assert_cmpstr (now, ==, theirs);
  }
}

/* Trash and restore move the file by rename (time and size kept): the draft's stamp still holds,
 * so its next save is neither refused nor blind. */
static void
test_trash_restore_keeps_stamp (Sandbox       *box,
                                gconstpointer  data)
{
  g_autoptr(DeclicStore) store = declic_store_new (box->workspace);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *trashed = NULL;
  g_autoptr(DeclicDraft) mine = NULL;

  g_assert_true (declic_store_load (store, NULL, &error));
  path = make_draft (store);
  mine = declic_store_open_draft (store, path, &error);
  g_assert_no_error (error);

  trashed = declic_store_trash_draft (store, path, &error);
  g_assert_no_error (error);
  g_assert_true (declic_store_restore_draft (store, trashed, &error));
  g_assert_no_error (error);
  declic_draft_set_string (mine, "client_label", "After the undo");
  g_assert_true (declic_store_save_draft (store, mine, &error));
  g_assert_no_error (error);

  /* Changed from outside while in the trash, then restored: caught. */
  g_clear_pointer (&trashed, g_free);
  trashed = declic_store_trash_draft (store, path, &error);
  g_assert_no_error (error);
  change_from_outside (trashed, "Changed in the trash");
  g_assert_true (declic_store_restore_draft (store, trashed, &error));
  declic_draft_set_string (mine, "client_label", "Mine");
  g_assert_false (declic_store_save_draft (store, mine, &error));
  g_assert_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_CHANGED);
}

/* ---- One writer per workspace ---------------------------------------------------------------- */

static void
test_lock (Sandbox       *box,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicWorkspaceLock) first = NULL;
  g_autoptr(DeclicWorkspaceLock) again = NULL;
  g_autofree char *other_form = g_build_filename (box->workspace, ".", NULL);
  g_autofree char *link = g_build_filename (box->outside, "link-to-workspace", NULL);
  g_autofree char *lock_path = g_build_filename (box->workspace, ".declic", "lock", NULL);
  g_autofree char *real = realpath (box->workspace, NULL);
  GStatBuf st;

  first = declic_workspace_lock_acquire (box->workspace, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpint (g_lstat (lock_path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* The same folder by other names: refused, naming the folder. */
  g_assert_null (declic_workspace_lock_acquire (other_form, &error));
  g_assert_error (error, DECLIC_WORKSPACE_LOCK_ERROR, DECLIC_WORKSPACE_LOCK_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, real));
  g_clear_error (&error);
  g_assert_cmpint (symlink (box->workspace, link), ==, 0);
  g_assert_null (declic_workspace_lock_acquire (link, &error));
  g_assert_error (error, DECLIC_WORKSPACE_LOCK_ERROR, DECLIC_WORKSPACE_LOCK_ERROR_BUSY);
  g_clear_error (&error);

  /* Another process: flock is per open file, so a child's try is refused too. */
  {
    pid_t pid = fork ();
    if (pid == 0)
      {
        DeclicWorkspaceLock *child = declic_workspace_lock_acquire (box->workspace, NULL);
        _exit (child == NULL ? 0 : 1);
      }
    {
      int status = 0;
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  }

  /* Released (or the holder gone): free again. */
  g_clear_pointer (&first, declic_workspace_lock_release);
  again = declic_workspace_lock_acquire (link, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

/* A link, a pipe in place of ".declic/lock", or a link in place of ".declic": refused, and the
 * link's target left alone. */
static void
test_lock_not_followed (Sandbox       *box,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *meta = g_build_filename (box->workspace, ".declic", NULL);
  g_autofree char *lock_path = g_build_filename (meta, "lock", NULL);
  g_autofree char *target = g_build_filename (box->outside, "target", NULL);
  g_autofree char *now = NULL;

  g_assert_true (g_file_set_contents (target, "precious\n", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0644), ==, 0);
  g_assert_cmpint (g_mkdir (meta, 0700), ==, 0);
  g_assert_cmpint (symlink (target, lock_path), ==, 0);
  g_assert_null (declic_workspace_lock_acquire (box->workspace, &error));
  g_assert_error (error, DECLIC_WORKSPACE_LOCK_ERROR, DECLIC_WORKSPACE_LOCK_ERROR_IO);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  now = read_file (target);
  g_assert_cmpstr (now, ==, "precious\n");
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (target, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0644);
  }

  g_assert_cmpint (g_unlink (lock_path), ==, 0);
  g_assert_cmpint (mkfifo (lock_path, 0600), ==, 0);
  g_assert_null (declic_workspace_lock_acquire (box->workspace, &error));
  g_assert_error (error, DECLIC_WORKSPACE_LOCK_ERROR, DECLIC_WORKSPACE_LOCK_ERROR_IO);
  g_clear_error (&error);

  /* ".declic" itself a link to a folder elsewhere: no lock file planted there. */
  g_assert_cmpint (g_unlink (lock_path), ==, 0);
  g_assert_cmpint (g_rmdir (meta), ==, 0);
  g_assert_cmpint (symlink (box->outside, meta), ==, 0);
  g_assert_null (declic_workspace_lock_acquire (box->workspace, &error));
  g_assert_error (error, DECLIC_WORKSPACE_LOCK_ERROR, DECLIC_WORKSPACE_LOCK_ERROR_IO);
  g_assert_cmpuint (count_entries (box->outside), ==, 1);
}

/* ---- The ".declic" entries: never followed ------------------------------------------------- */

static const char *ID = "0b6b8c58-3b7e-4c1e-9a57-3f2d1c9e0a11";

/* ".declic" a link to a folder elsewhere: the index, the trash, the ticks and the upload
 * records are not written there. */
static void
test_meta_folder_link (Sandbox       *box,
                       gconstpointer  data)
{
  g_autoptr(DeclicStore) store = declic_store_new (box->workspace);
  g_autoptr(GError) error = NULL;
  g_autofree char *meta = g_build_filename (box->workspace, ".declic", NULL);
  g_autofree char *path = NULL;
  g_autoptr(DeclicEntryProgress) progress = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 22, 10, 0, 0);
  g_autoptr(DeclicSyncMeta) sync = declic_sync_meta_new ("https://example.org/dav", "a/b.json", NULL, when);

  g_assert_cmpint (symlink (box->outside, meta), ==, 0);
  g_assert_true (declic_store_load (store, NULL, NULL));  /* the index cannot be written: a warning at most */
  path = make_draft (store);
  g_assert_cmpuint (count_entries (box->outside), ==, 0);

  g_assert_null (declic_store_trash_draft (store, path, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  progress = declic_entry_progress_new (box->workspace, ID);
  g_assert_false (declic_entry_progress_save (progress, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_false (declic_sync_meta_save (sync, box->workspace, ID, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpuint (count_entries (box->outside), ==, 0);
}

/* An entry tick file and an upload record that are links, pipes or devices: refused on reading
 * (never blocking, never following), replaced on writing (the link's target left alone). */
static void
test_meta_entries (Sandbox       *box,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *entry_dir = g_build_filename (box->workspace, ".declic", "entry", NULL);
  g_autofree char *sync_dir = g_build_filename (box->workspace, ".declic", "sync", NULL);
  g_autofree char *name = g_strconcat (ID, ".json", NULL);
  g_autofree char *entry = g_build_filename (entry_dir, name, NULL);
  g_autofree char *sync = g_build_filename (sync_dir, name, NULL);
  g_autofree char *target = g_build_filename (box->outside, "target.json", NULL);
  const char *precious = "{\"format\": 1, \"entered\": {}, \"server_url\": \"https://x\", \"remote_path\": \"p\", \"uploaded\": \"2026-11-22T10:00:00Z\"}\n";
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 22, 10, 0, 0);
  g_autoptr(DeclicSyncMeta) record = declic_sync_meta_new ("https://example.org/dav", "a/b.json", NULL, when);
  const char *paths[] = { entry, sync };

  g_assert_cmpint (g_mkdir_with_parents (entry_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (sync_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, precious, -1, NULL));

  /* Links: the target is not read as Déclic's own. */
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    g_assert_cmpint (symlink (target, paths[i]), ==, 0);
  g_assert_null (declic_entry_progress_load (box->workspace, ID, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_null (declic_sync_meta_load (box->workspace, ID, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Written: the link is replaced by a private file, its target left as it was. */
  {
    g_autoptr(DeclicEntryProgress) progress = declic_entry_progress_new (box->workspace, ID);
    g_assert_true (declic_entry_progress_save (progress, &error));
    g_assert_no_error (error);
  }
  g_assert_true (declic_sync_meta_save (record, box->workspace, ID, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      GStatBuf st;
      g_assert_cmpint (g_lstat (paths[i], &st), ==, 0);
      g_assert_true (S_ISREG (st.st_mode));
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    }
  {
    g_autofree char *now = read_file (target);
    g_assert_cmpstr (now, ==, precious);
  }

  /* Pipes: refused at once (a read would wait forever for a writer). */
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_assert_cmpint (g_unlink (paths[i]), ==, 0);
      g_assert_cmpint (mkfifo (paths[i], 0600), ==, 0);
    }
  g_assert_null (declic_entry_progress_load (box->workspace, ID, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (declic_sync_meta_load (box->workspace, ID, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A link to a device (an endless one) is not read either. */
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_assert_cmpint (g_unlink (paths[i]), ==, 0);
      g_assert_cmpint (symlink ("/dev/zero", paths[i]), ==, 0);
    }
  g_assert_null (declic_entry_progress_load (box->workspace, ID, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (declic_sync_meta_load (box->workspace, ID, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Folders on the way that are links ("entry" → elsewhere): refused too. */
  g_assert_cmpint (g_unlink (entry), ==, 0);
  g_assert_cmpint (g_rmdir (entry_dir), ==, 0);
  g_assert_cmpint (symlink (box->outside, entry_dir), ==, 0);
  {
    g_autofree char *outside_entry = g_build_filename (box->outside, name, NULL);
    g_autoptr(DeclicEntryProgress) progress = declic_entry_progress_new (box->workspace, ID);
    g_assert_true (g_file_set_contents (outside_entry, "{\"format\": 1, \"entered\": {}}", -1, NULL));
    g_assert_null (declic_entry_progress_load (box->workspace, ID, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_false (declic_entry_progress_save (progress, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
}

/* The index and the trash: a link in place of the index is not read and is replaced; a trash
 * folder that is a link is refused. */
static void
test_index_and_trash (Sandbox       *box,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *meta = g_build_filename (box->workspace, ".declic", NULL);
  g_autofree char *index = g_build_filename (meta, "index.json", NULL);
  g_autofree char *trash = g_build_filename (meta, "trash", NULL);
  g_autofree char *target = g_build_filename (box->outside, "index.json", NULL);
  g_autofree char *path = NULL;
  const char *precious = "{\"version\": 4, \"entries\": {}}";

  g_assert_cmpint (g_mkdir (meta, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, precious, -1, NULL));
  g_assert_cmpint (symlink (target, index), ==, 0);
  g_assert_cmpint (symlink (box->outside, trash), ==, 0);

  {
    g_autoptr(DeclicStore) store = declic_store_new (box->workspace);
    g_assert_true (declic_store_load (store, NULL, &error));
    g_assert_no_error (error);
    path = make_draft (store);
    g_assert_null (declic_store_trash_draft (store, path, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
    g_clear_error (&error);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_autofree char *now = read_file (target);
    GStatBuf st;
    g_assert_cmpstr (now, ==, precious);
    g_assert_cmpint (g_lstat (index, &st), ==, 0);
    g_assert_true (S_ISREG (st.st_mode));
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  g_assert_cmpuint (count_entries (box->outside), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/workspace/conflict-reload", Sandbox, NULL, sandbox_setup, test_conflict_reload, sandbox_teardown);
  g_test_add ("/workspace/conflict-keep-both", Sandbox, NULL, sandbox_setup, test_conflict_keep_both, sandbox_teardown);
  g_test_add ("/workspace/conflict-overwrite", Sandbox, NULL, sandbox_setup, test_conflict_overwrite, sandbox_teardown);
  g_test_add ("/workspace/import-keeps-stamp", Sandbox, NULL, sandbox_setup, test_import_keeps_stamp, sandbox_teardown);
  g_test_add ("/workspace/trash-restore-keeps-stamp", Sandbox, NULL, sandbox_setup, test_trash_restore_keeps_stamp, sandbox_teardown);
  g_test_add ("/workspace/lock", Sandbox, NULL, sandbox_setup, test_lock, sandbox_teardown);
  g_test_add ("/workspace/lock-not-followed", Sandbox, NULL, sandbox_setup, test_lock_not_followed, sandbox_teardown);
  g_test_add ("/workspace/meta-folder-link", Sandbox, NULL, sandbox_setup, test_meta_folder_link, sandbox_teardown);
  g_test_add ("/workspace/meta-entries", Sandbox, NULL, sandbox_setup, test_meta_entries, sandbox_teardown);
  g_test_add ("/workspace/index-and-trash", Sandbox, NULL, sandbox_setup, test_index_and_trash, sandbox_teardown);

  return g_test_run ();
}
