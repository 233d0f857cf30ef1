/* test-hostile-corpus.c: every case of tests/fixtures/hostile/ (manifest.tsv, written by its
 * make-corpus.py), one GTest case each.
 *
 * Each case runs in a private sandbox holding a workspace and an "inbox" with the received file.
 * Whatever the kind, afterwards: the outcome is the manifest's (a clear error, or a safe result);
 * the sandbox holds nothing but the workspace and the inbox (nothing was written outside); the
 * received file, and any link target, is byte for byte what it was; and no GLib-CRITICAL or
 * warning was logged (g_test_init makes both fatal).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include "declic-check.h"
#include "declic-draft.h"
#include "declic-draft-summary.h"
#include "declic-entry-progress.h"
#include "declic-noc.h"
#include "declic-safe-name.h"
#include "declic-store.h"
#include "declic-sync-meta.h"
#include "declic-test-utils.h"
#include "declic-validate.h"
#include "declic-workspace-lock.h"

typedef struct
{
  char *file;
  char *kind;
  char *expected;
  char *what;
} Case;

typedef struct
{
  const Case *c;
  char *sandbox;
  char *workspace;
  char *inbox;
  char *received;       /* the case's file, in the inbox */
  GBytes *received_bytes;
} Sandbox;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->file);
  g_free (c->kind);
  g_free (c->expected);
  g_free (c->what);
  g_free (c);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", name, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_true (g_file_set_contents_full (path, data, (gssize) length,
                                           G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_no_error (error);
}

static void
assert_same_bytes (const char *path,
                   GBytes     *expected)
{
  g_autoptr(GBytes) now = read_bytes (path);

  if (!g_bytes_equal (now, expected))
    g_error ("%s changed", path);
}

static void
sandbox_setup (Sandbox       *box,
               gconstpointer  data)
{
  g_autofree char *source = NULL;

  box->c = data;
  box->sandbox = declic_test_make_workspace ();
  box->workspace = g_build_filename (box->sandbox, "workspace", NULL);
  box->inbox = g_build_filename (box->sandbox, "inbox", NULL);
  g_assert_cmpint (g_mkdir (box->workspace, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (box->inbox, 0700), ==, 0);
  source = fixture_path (box->c->file);
  box->received_bytes = read_bytes (source);
  box->received = g_build_filename (box->inbox, box->c->file, NULL);
  write_bytes (box->received, box->received_bytes);
}

/* Nothing but "workspace" and "inbox" in the sandbox, and the inbox untouched. */
static void
assert_nothing_outside (Sandbox *box)
{
  g_autoptr(GDir) dir = g_dir_open (box->sandbox, 0, NULL);
  g_autoptr(GDir) inbox = g_dir_open (box->inbox, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, "workspace") && !g_str_equal (name, "inbox"))
      g_error ("%s was written outside the workspace", name);
  while ((name = g_dir_read_name (inbox)) != NULL)
    if (!g_str_equal (name, box->c->file))
      g_error ("%s was written into the inbox", name);
  assert_same_bytes (box->received, box->received_bytes);
}

static void
sandbox_teardown (Sandbox       *box,
                  gconstpointer  data)
{
  assert_nothing_outside (box);
  declic_test_remove_tree (box->sandbox);
  g_free (box->sandbox);
  g_free (box->workspace);
  g_free (box->inbox);
  g_free (box->received);
  g_bytes_unref (box->received_bytes);
}

/* Every file of the workspace's top level is a draft named after its own (safe) id. */
static void
assert_workspace_names_safe (Sandbox *box)
{
  g_autoptr(GDir) dir = g_dir_open (box->workspace, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;

      if (g_str_equal (name, ".declic") || g_str_has_suffix (name, ".json.bak"))
        continue;
      g_assert_true (g_str_has_suffix (name, ".json"));
      id = g_strndup (name, strlen (name) - strlen (".json"));
      g_assert_true (declic_safe_name_is_valid_id (id));
    }
}

/* Imports the received draft; on success checks it, saves it again and lists the workspace. */
static DeclicDraft *
import_and_use (Sandbox  *box,
                GError  **error)
{
  g_autoptr(DeclicStore) store = declic_store_new (box->workspace);
  g_autoptr(DeclicValidateContext) context = declic_validate_context_new_default ();
  g_autoptr(DeclicDraft) draft = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DeclicCheck) check = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_assert_true (declic_store_load (store, NULL, &local_error));
  g_assert_no_error (local_error);
  draft = declic_store_import_draft (store, box->received, error);
  assert_nothing_outside (box);
  if (draft == NULL)
    {
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
      return NULL;
    }

  /* The file name comes from the store and is the draft's own safe id. */
  path = declic_store_path_for_id (store, declic_draft_get_id (draft));
  g_assert_nonnull (path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  assert_workspace_names_safe (box);

  check = declic_check_run (draft, NULL, NULL, context);
  g_assert_nonnull (check);
  name = declic_draft_dup_display_name (draft);
  declic_draft_touch (draft);
  g_assert_true (declic_store_save_draft (store, draft, &local_error));
  g_assert_no_error (local_error);
  g_clear_object (&store);

  /* What the next start lists: the one draft, readable. */
  store = declic_store_new (box->workspace);
  g_assert_true (declic_store_load (store, NULL, &local_error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  assert_workspace_names_safe (box);
  assert_nothing_outside (box);
  return g_steal_pointer (&draft);
}

static void
test_draft (Sandbox       *box,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) draft = import_and_use (box, &error);

  g_test_message ("%s (%s): %s", box->c->file, box->c->what,
                  error != NULL ? error->message : "imported");
  if (g_str_equal (box->c->expected, "refused"))
    {
      g_assert_null (draft);
      g_assert_nonnull (error);
      g_assert_true (error->message != NULL && error->message[0] != '\0');
    }
  else
    {
      g_assert_cmpstr (box->c->expected, ==, "imported");
      g_assert_no_error (error);
      g_assert_nonnull (draft);
    }
}

static void
test_label (Sandbox       *box,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) draft = import_and_use (box, &error);
  g_autofree char *escaped = NULL;
  const char *label;

  /* A label never names a file here: the draft is imported under its id. */
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  label = declic_draft_get_client_label (draft);
  escaped = declic_safe_name_escape_label (label, &error);
  g_test_message ("%s: %s", box->c->what, error != NULL ? error->message : escaped);
  if (g_str_equal (box->c->expected, "label-refused"))
    {
      g_assert_null (escaped);
      g_assert_error (error, DECLIC_SAFE_NAME_ERROR, DECLIC_SAFE_NAME_ERROR_LABEL);
      g_clear_error (&error);
      g_assert_false (declic_safe_name_check_label (label, &error));
    }
  else
    {
      g_autofree char *decoded = NULL;

      g_assert_cmpstr (box->c->expected, ==, "label-escaped");
      g_assert_no_error (error);
      /* One segment: no separator, and a server that decodes it once gets the label back. */
      g_assert_null (strchr (escaped, '/'));
      g_assert_null (strchr (escaped, '?'));
      g_assert_null (strchr (escaped, '#'));
      decoded = g_uri_unescape_string (escaped, NULL);
      g_assert_cmpstr (decoded, ==, label);
    }
}

static void
test_noc (Sandbox       *box,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicNoc) noc = declic_noc_new_from_file (box->received, &error);

  g_test_message ("%s: %s", box->c->what, error != NULL ? error->message : "loaded");
  if (g_str_equal (box->c->expected, "refused"))
    {
      g_assert_null (noc);
      g_assert_error (error, DECLIC_NOC_ERROR, error->code);
    }
  else
    g_assert_nonnull (noc);
}

/* A workspace with one good draft; the index is the received file (or a link to it). */
static void
load_with_index (Sandbox  *box,
                 gboolean  as_link)
{
  g_autofree char *meta = g_build_filename (box->workspace, ".declic", NULL);
  g_autofree char *index = g_build_filename (meta, "index.json", NULL);
  g_autofree char *good = g_build_filename (box->workspace, "good.json", NULL);
  g_autoptr(GBytes) sample = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sample_path = g_test_build_filename (G_TEST_DIST, "fixtures", "sample-complete.json", NULL);
  DeclicStore *store;

  sample = read_bytes (sample_path);
  write_bytes (good, sample);
  g_assert_cmpint (g_mkdir (meta, 0700), ==, 0);
  if (as_link)
    g_assert_cmpint (symlink (box->received, index), ==, 0);
  else
    write_bytes (index, box->received_bytes);

  for (guint round = 0; round < 2; round++)
    {
      store = declic_store_new (box->workspace);
      g_assert_true (declic_store_load (store, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
      g_assert_nonnull (declic_store_find (store, good));
      g_object_unref (store);  /* writes the index it rebuilt */
      assert_nothing_outside (box);
    }
  g_assert_cmpstr (box->c->expected, ==, "loaded");
}

static void
test_index (Sandbox       *box,
            gconstpointer  data)
{
  load_with_index (box, FALSE);
}

static void
test_link_index (Sandbox       *box,
                 gconstpointer  data)
{
  load_with_index (box, TRUE);
}

/* The workspace entry named after the draft's id is a link: to the received draft, or to a file
 * outside that does not exist. Listing shows it refused; saving the draft (as the app does after
 * an import or an edit) writes neither through it nor at its target. */
static void
link_entry (Sandbox  *box,
            gboolean  dangling)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) draft = declic_draft_new_from_file (box->received, &error);
  g_autoptr(DeclicStore) store = declic_store_new (box->workspace);
  g_autofree char *entry = NULL;
  g_autofree char *missing = g_build_filename (box->sandbox, "missing.json", NULL);
  DeclicDraftSummary *summary;

  g_assert_no_error (error);
  entry = declic_store_path_for_id (store, declic_draft_get_id (draft));
  g_assert_cmpint (symlink (dangling ? missing : box->received, entry), ==, 0);

  g_assert_true (declic_store_load (store, NULL, &error));
  summary = declic_store_find (store, entry);
  g_assert_nonnull (summary);
  g_assert_nonnull (declic_draft_summary_get_error (summary));
  g_assert_null (declic_store_open_draft (store, entry, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* An import of the same draft keeps the link in its place and takes a new id. */
  {
    g_autoptr(DeclicDraft) imported = declic_store_import_draft (store, box->received, &error);

    g_assert_no_error (error);
    g_assert_nonnull (imported);
    g_assert_cmpstr (declic_draft_get_id (imported), !=, declic_draft_get_id (draft));
  }
  /* Saving under the link's name replaces the link or is refused: never written through. */
  if (!declic_store_save_draft (store, draft, &error))
    {
      g_test_message ("save over the link: %s", error->message);
      g_clear_error (&error);
    }
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  assert_nothing_outside (box);
  g_assert_cmpstr (box->c->expected, ==, "loaded");
}

static void
test_link_entry (Sandbox       *box,
                 gconstpointer  data)
{
  link_entry (box, FALSE);
}

static void
test_link_dangling (Sandbox       *box,
                    gconstpointer  data)
{
  link_entry (box, TRUE);
}

static GPtrArray *
read_manifest (void)
{
  g_autofree char *path = fixture_path ("manifest.tsv");
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  GPtrArray *cases = g_ptr_array_new_with_free_func (case_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      Case *c;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", 4);
      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      c = g_new0 (Case, 1);
      c->file = g_strdup (fields[0]);
      c->kind = g_strdup (fields[1]);
      c->expected = g_strdup (fields[2]);
      c->what = g_strdup (fields[3]);
      g_ptr_array_add (cases, c);
    }
  return cases;
}

/* meta-HOW-WHAT: the workspace's entry WHAT under .declic/ is made a link (to the received file,
 * or to the inbox for a folder) or a pipe. Everything Déclic does with its metadata then runs:
 * listing, ticks and upload records read and written, the lock, the trash. Nothing may follow
 * the link (the inbox is checked untouched after), block on the pipe (the test would hang) or
 * read the entry as Déclic's own. */
static void
test_meta (Sandbox       *box,
           gconstpointer  data)
{
  static const char *ID = "0b6b8c58-3b7e-4c1e-9a57-3f2d1c9e0a11";
  static const struct { const char *what; const char *path; gboolean folder; } entries[] = {
    { "ticks", ".declic/entry/0b6b8c58-3b7e-4c1e-9a57-3f2d1c9e0a11.json", FALSE },
    { "sync", ".declic/sync/0b6b8c58-3b7e-4c1e-9a57-3f2d1c9e0a11.json", FALSE },
    { "index", ".declic/index.json", FALSE },
    { "lock", ".declic/lock", FALSE },
    { "dir", ".declic", TRUE },
    { "trash", ".declic/trash", TRUE },
    { "entrydir", ".declic/entry", TRUE },
    { "syncdir", ".declic/sync", TRUE },
  };
  g_auto(GStrv) parts = g_strsplit (box->c->kind, "-", 3);
  gboolean fifo = g_str_equal (parts[1], "fifo");
  const char *what = parts[2];
  g_autofree char *special = NULL;
  g_autofree char *parent = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 22, 10, 0, 0);
  g_autoptr(DeclicSyncMeta) record = declic_sync_meta_new ("https://example.org/dav", "a/b.json", NULL, when);
  DeclicWorkspaceLock *lock;
  gboolean folder = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (g_str_equal (entries[i].what, what))
      {
        special = g_build_filename (box->workspace, entries[i].path, NULL);
        folder = entries[i].folder;
      }
  g_assert_nonnull (special);
  parent = g_path_get_dirname (special);
  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  if (fifo)
    g_assert_cmpint (mkfifo (special, 0600), ==, 0);
  else
    g_assert_cmpint (symlink (folder ? box->inbox : box->received, special), ==, 0);

  /* Listing, a draft made and saved, the index written when the store goes. */
  {
    g_autoptr(DeclicStore) store = declic_store_new (box->workspace);
    g_autoptr(DeclicDraft) draft = NULL;
    g_autofree char *path = NULL;
    g_autofree char *trashed = NULL;

    g_assert_true (declic_store_load (store, NULL, &error));
    g_assert_no_error (error);
    draft = declic_store_create_draft (store, &error);
    g_assert_no_error (error);
    path = declic_store_path_for_id (store, declic_draft_get_id (draft));
    trashed = declic_store_trash_draft (store, path, &error);
    if (folder && (g_str_equal (what, "dir") || g_str_equal (what, "trash")))
      {
        g_assert_null (trashed);
        g_assert_nonnull (error);
        g_clear_error (&error);
        g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      }
    else
      {
        g_assert_no_error (error);
        g_assert_true (declic_store_restore_draft (store, trashed, &error));
        g_assert_no_error (error);
      }
  }
  assert_nothing_outside (box);

  /* The ticks and the upload record: refused when they are the special entry (or under it). */
  {
    g_autoptr(DeclicEntryProgress) ticks = declic_entry_progress_load (box->workspace, ID, &error);
    gboolean hit = g_str_equal (what, "ticks") || g_str_equal (what, "entrydir") || g_str_equal (what, "dir");

    if (hit)
      {
        g_assert_null (ticks);
        g_assert_nonnull (error);
      }
    else
      g_assert_no_error (error);
    g_clear_error (&error);
    g_clear_pointer (&ticks, declic_entry_progress_free);
    ticks = declic_entry_progress_new (box->workspace, ID);
    /* A link or pipe as the file itself is replaced; a folder on the way that is a link is
     * refused. Either way nothing reaches the inbox (checked below). */
    if (!declic_entry_progress_save (ticks, &error))
      {
        g_assert_true (g_str_equal (what, "entrydir") || g_str_equal (what, "dir"));
        g_clear_error (&error);
      }
  }
  {
    g_autoptr(DeclicSyncMeta) loaded = declic_sync_meta_load (box->workspace, ID, &error);
    gboolean hit = g_str_equal (what, "sync") || g_str_equal (what, "syncdir") || g_str_equal (what, "dir");

    g_assert_null (loaded);  /* none was ever written */
    if (hit)
      g_assert_nonnull (error);
    else
      g_assert_no_error (error);
    g_clear_error (&error);
    if (!declic_sync_meta_save (record, box->workspace, ID, &error))
      {
        g_assert_true (g_str_equal (what, "syncdir") || g_str_equal (what, "dir"));
        g_clear_error (&error);
      }
  }
  assert_nothing_outside (box);

  /* The lock: a special lock file, or a .declic that is a link, is refused. */
  lock = declic_workspace_lock_acquire (box->workspace, &error);
  if (g_str_equal (what, "lock") || g_str_equal (what, "dir"))
    {
      g_assert_null (lock);
      g_assert_error (error, DECLIC_WORKSPACE_LOCK_ERROR, DECLIC_WORKSPACE_LOCK_ERROR_IO);
      g_clear_error (&error);
    }
  else
    {
      g_assert_no_error (error);
      declic_workspace_lock_release (lock);
    }
  g_assert_cmpstr (box->c->expected, ==, "refused");
}

int
main (int argc, char *argv[])
{
  static const struct { const char *kind; void (*func) (Sandbox *, gconstpointer); } kinds[] = {
    { "draft", test_draft },
    { "label", test_label },
    { "noc", test_noc },
    { "index", test_index },
    { "link-index", test_link_index },
    { "link-entry", test_link_entry },
    { "link-dangling", test_link_dangling },
    { "meta-link-ticks", test_meta },
    { "meta-fifo-ticks", test_meta },
    { "meta-link-sync", test_meta },
    { "meta-fifo-sync", test_meta },
    { "meta-fifo-index", test_meta },
    { "meta-link-lock", test_meta },
    { "meta-fifo-lock", test_meta },
    { "meta-link-dir", test_meta },
    { "meta-link-trash", test_meta },
    { "meta-link-entrydir", test_meta },
    { "meta-link-syncdir", test_meta },
  };
  g_autoptr(GPtrArray) cases = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  cases = read_manifest ();
  /* The issue asks for at least 40 cases: a manifest that lost some fails here. */
  g_assert_cmpuint (cases->len, >=, 40);
  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = g_ptr_array_index (cases, i);
      g_autofree char *test_path = g_strconcat ("/hostile-corpus/", c->kind, "/", c->file, NULL);
      gboolean known = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        if (g_str_equal (c->kind, kinds[k].kind))
          {
            g_test_add_vtable (test_path, sizeof (Sandbox), c,
                               (GTestFixtureFunc) sandbox_setup,
                               (GTestFixtureFunc) kinds[k].func,
                               (GTestFixtureFunc) sandbox_teardown);
            known = TRUE;
          }
      if (!known)
        g_error ("Unknown kind %s in manifest.tsv", c->kind);
    }
  status = g_test_run ();
  return status;
}
