/* test-hostile.c: drafts from strangers and crashes — nothing may reach outside the workspace.
 *
 * Each test works in a private "sandbox" folder holding the workspace and an "inbox" of files
 * received from someone else. After every operation the sandbox holds nothing but those two
 * folders (so nothing was written beside or above the workspace), and the received files are byte
 * for byte what they were.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <utime.h>

#include "declic-check.h"
#include "declic-draft.h"
#include "declic-draft-summary.h"
#include "declic-safe-name.h"
#include "declic-store.h"
#include "declic-test-utils.h"

typedef struct
{
  char *sandbox;
  char *workspace;
  char *inbox;
} Sandbox;

static void
sandbox_setup (Sandbox       *box,
               gconstpointer  data)
{
  box->sandbox = declic_test_make_workspace ();
  box->workspace = g_build_filename (box->sandbox, "workspace", NULL);
  box->inbox = g_build_filename (box->sandbox, "inbox", NULL);
  g_assert_cmpint (g_mkdir (box->workspace, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (box->inbox, 0700), ==, 0);
}

static void
sandbox_teardown (Sandbox       *box,
                  gconstpointer  data)
{
  declic_test_remove_tree (box->sandbox);
  g_free (box->sandbox);
  g_free (box->workspace);
  g_free (box->inbox);
}

/* Nothing but "workspace" and "inbox" beside the workspace. */
static void
assert_nothing_outside (Sandbox *box)
{
  g_autoptr(GDir) dir = g_dir_open (box->sandbox, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, "workspace") && !g_str_equal (name, "inbox"))
      g_error ("%s was written outside the workspace", name);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort passes pointers to the elements. */
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in the workspace (not .declic), sorted, joined by spaces. */
static char *
list_workspace (Sandbox *box)
{
  g_autoptr(GDir) dir = g_dir_open (box->workspace, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, ".declic"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
write_inbox (Sandbox    *box,
             const char *name,
             const char *contents)
{
  char *path = g_build_filename (box->inbox, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
assert_file_is (const char *path,
                const char *contents)
{
  g_autofree char *now = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &now, &len, NULL));
  g_assert_cmpmem (now, len, contents, strlen (contents));
}

/* Importing a draft whose id climbs out of the workspace is refused, and nothing is written. */
static void
test_import_traversal_id (Sandbox       *box,
                          gconstpointer  data)
{
  static const char *const hostile[] = {
    "{\"schema_version\": \"1.0\", \"id\": \"../outside\"}",
    "{\"schema_version\": \"1.0\", \"id\": \"../../outside\"}",
    "{\"schema_version\": \"1.0\", \"id\": \"..\"}",
    "{\"schema_version\": \"1.0\", \"id\": \".\"}",
    "{\"schema_version\": \"1.0\", \"id\": \"sub/../../outside\"}",
    "{\"schema_version\": \"1.0\", \"id\": \"..\\/outside\"}",
    /* json-c keeps the last key: the reader sees "a", Déclic would have used the other one. */
    "{\"schema_version\": \"1.0\", \"id\": \"a\", \"id\": \"../outside\"}",
    "{\"schema_version\": \"1.0\", \"id\": \"a\", \"\\u0069d\": \"../outside\"}",
  };
  g_autoptr(DeclicStore) store = declic_store_new (box->workspace);
  g_autoptr(GError) error = NULL;

  g_assert_true (declic_store_load (store, NULL, &error));
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = write_inbox (box, "received.json", hostile[i]);
      g_autoptr(DeclicDraft) draft = declic_store_import_draft (store, path, &error);
      g_autofree char *listing = list_workspace (box);

      g_test_message ("%s: %s", hostile[i], error != NULL ? error->message : "(imported)");
      g_assert_null (draft);
      g_assert_nonnull (error);
      g_clear_error (&error);
      assert_nothing_outside (box);
      assert_file_is (path, hostile[i]);
      g_assert_cmpstr (listing, ==, "");
    }
}

/* A draft whose id was changed to something unsafe in memory is not saved anywhere. */
static void
test_save_unsafe_id (Sandbox       *box,
                     gconstpointer  data)
{
  g_autoptr(DeclicStore) store = declic_store_new (box->workspace);
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (declic_store_load (store, NULL, &error));
  declic_draft_set_string (draft, "id", "../outside");
  g_assert_false (declic_store_save_draft (store, draft, &error));
  g_assert_error (error, DECLIC_STORE_ERROR, DECLIC_STORE_ERROR_UNSAFE_NAME);
  g_assert_null (declic_store_path_for_id (store, "../outside"));
  g_assert_null (declic_store_path_for_id (store, ".."));
  assert_nothing_outside (box);
  listing = list_workspace (box);
  g_assert_cmpstr (listing, ==, "");
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 07777, ==, mode);
}

static gboolean
is_symlink (const char *path)
{
  GStatBuf st;

  return g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode);
}

/* Saving over a link never writes, chmods or backs up its target, wherever it is. */
static void
test_save_through_symlink (Sandbox       *box,
                           gconstpointer  data)
{
  const char *target_text = "{\"schema_version\": \"1.0\", \"id\": \"target\"}\n";
  g_autofree char *target = write_inbox (box, "target.json", target_text);
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autofree char *name = g_strconcat (declic_draft_get_id (draft), ".json", NULL);
  g_autofree char *link_path = g_build_filename (box->workspace, name, NULL);
  g_autofree char *backup = g_strconcat (link_path, ".bak", NULL);
  g_autoptr(DeclicStore) store = declic_store_new (box->workspace);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_chmod (target, 0644), ==, 0);
  g_assert_cmpint (symlink (target, link_path), ==, 0);

  g_assert_false (declic_draft_save_to_file (draft, link_path, &error));
  g_assert_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_NOT_REGULAR);
  g_clear_error (&error);
  g_assert_true (declic_store_load (store, NULL, &error));
  g_assert_false (declic_store_save_draft (store, draft, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  assert_file_is (target, target_text);
  assert_mode (target, 0644);
  g_assert_true (is_symlink (link_path));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS) || is_symlink (backup));
  assert_nothing_outside (box);
}

/* A link, a pipe or a device named like a draft is listed as refused, and opening it neither
 * follows it nor blocks. Run in a subprocess, so that a blocking open fails the test. */
static void
test_special_entries (Sandbox       *box,
                      gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      const char *real_text = "{\"schema_version\": \"1.0\", \"id\": \"real\"}\n";
      g_autofree char *real = write_inbox (box, "real.json", real_text);
      g_autofree char *link_path = g_build_filename (box->workspace, "link.json", NULL);
      g_autofree char *dangling = g_build_filename (box->workspace, "dangling.json", NULL);
      g_autofree char *fifo = g_build_filename (box->workspace, "fifo.json", NULL);
      g_autofree char *device = g_build_filename (box->workspace, "zero.json", NULL);
      g_autofree char *outside = g_build_filename (box->sandbox, "created.json", NULL);
      const char *entries[] = { link_path, dangling, fifo, device };
      g_autoptr(DeclicStore) store = declic_store_new (box->workspace);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (symlink (real, link_path), ==, 0);
      g_assert_cmpint (symlink (outside, dangling), ==, 0);
      g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
      /* A character device where one can be made (root), else a link to one. */
      if (mknod (device, S_IFCHR | 0600, makedev (1, 5)) != 0)
        g_assert_cmpint (symlink ("/dev/zero", device), ==, 0);

      g_assert_true (declic_store_load (store, NULL, &error));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, G_N_ELEMENTS (entries));
      for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
        {
          DeclicDraftSummary *summary = declic_store_find (store, entries[i]);
          g_autoptr(DeclicDraft) draft = NULL;

          g_assert_nonnull (summary);
          g_assert_nonnull (declic_draft_summary_get_error (summary));
          draft = declic_store_open_draft (store, entries[i], &error);
          g_test_message ("%s: %s", entries[i], error != NULL ? error->message : "(opened)");
          g_assert_null (draft);
          g_assert_nonnull (error);
          g_clear_error (&error);
        }
      /* The loader outside a workspace reads no pipe or device either. */
      g_assert_null (declic_draft_new_from_file (fifo, &error));
      g_assert_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_NOT_REGULAR);
      g_clear_error (&error);
      g_assert_null (declic_draft_new_from_file ("/dev/zero", &error));
      g_assert_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_NOT_REGULAR);

      assert_file_is (real, real_text);
      g_assert_false (g_file_test (outside, G_FILE_TEST_EXISTS));
      assert_nothing_outside (box);
      return;
    }
  g_test_trap_subprocess (NULL, 10 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The clean-up of killed saves removes exactly their temporary files: nothing that merely looks
 * like one, nothing behind a link, nothing while a save is under way. */
static void
test_stale_temp_files (Sandbox       *box,
                       gconstpointer  data)
{
  static const char *const kept[] = {
    "d.json.abcde", "d.json.abcdefg", ".d.json.abcdef", "d.txt.abcdef", "d.json.ab-def",
    "d.json.bak", "d.json.bak.tmp", "d.json", "notes.abcdef", "d.jsonXabcdef",
  };
  const char *kept_text = "{\"schema_version\": \"1.0\", \"id\": \"d\"}\n";
  g_autofree char *target = write_inbox (box, "target.json", kept_text);
  g_autofree char *stale = g_build_filename (box->workspace, "g.json.Ab12Cd", NULL);
  g_autofree char *linked = g_build_filename (box->workspace, "e.json.Ab12Cd", NULL);
  g_autofree char *folder = g_build_filename (box->workspace, "f.json.Ab12Cd", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(DeclicStore) store = declic_store_new (box->workspace);
  g_autoptr(GError) error = NULL;
  int lock;

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (box->workspace, kept[i], NULL);
      g_assert_true (g_file_set_contents (path, kept_text, -1, NULL));
    }
  g_assert_true (g_file_set_contents (stale, kept_text, -1, NULL));
  g_assert_cmpint (symlink (target, linked), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  /* A save under way (it holds the folder's lock shared): its temporary file stays. */
  lock = open (box->workspace, O_RDONLY | O_DIRECTORY);
  g_assert_cmpint (flock (lock, LOCK_SH), ==, 0);
  g_assert_cmpuint (declic_draft_remove_stale_temp_files (box->workspace), ==, 0);
  g_assert_true (g_file_test (stale, G_FILE_TEST_EXISTS));
  close (lock);

  g_assert_true (declic_store_load (store, NULL, &error));
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  listing = list_workspace (box);
  g_assert_cmpstr (listing, ==, ".d.json.abcdef d.json d.json.ab-def d.json.abcde d.json.abcdefg d.json.bak "
                                "d.json.bak.tmp d.jsonXabcdef d.txt.abcdef e.json.Ab12Cd f.json.Ab12Cd notes.abcdef");
  assert_file_is (target, kept_text);
  assert_nothing_outside (box);
}

/* Dates of year 10 or 9999 reached GLib's date arithmetic (ages, the five-year window) and made
 * it fail with a GLib-CRITICAL. Whether typed into a draft in memory or read from a file, they
 * are now refused as dates: a full check runs without a critical (fatal under this G_DEBUG). */
static void
test_extreme_dates (void)
{
  static const char *const dates[] = { "0010-06-15", "0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31" };

  if (g_test_subprocess ())
    {
      for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
        {
          g_autoptr(DeclicDraft) draft = NULL;
          g_autoptr(DeclicCheck) check = NULL;
          g_autofree char *data = NULL;
          g_autoptr(GError) error = NULL;
          GDate date, reference;

          g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
          draft = declic_draft_new ();
          declic_draft_set_string (draft, "personal.birth_date", dates[i]);
          declic_draft_set_string (draft, "family.marital_status", "married");
          declic_draft_set_string (draft, "family.spouse.birth_date", dates[i]);
          declic_draft_set_string (draft, "planned_filing_date", dates[i]);
          declic_draft_set_string (draft, "education[0].end_date", dates[i]);
          declic_draft_set_string (draft, "work_history[0].start_date", dates[i]);
          declic_draft_set_string (draft, "work_history[0].end_date", dates[i]);
          g_date_clear (&reference, 1);
          g_date_set_dmy (&reference, 22, G_DATE_NOVEMBER, 2026);
          check = declic_check_run (draft, &reference, NULL, NULL);
          g_assert_nonnull (check);
          g_assert_false (declic_draft_get_date (draft, "personal.birth_date", &date));

          /* Such a model is not saved, and such a file is not loaded. */
          data = declic_draft_to_data (draft, NULL);
          g_assert_null (declic_draft_new_from_data (data, strlen (data), &error));
          g_assert_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_VALUE);
        }
      return;
    }
  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The one rule for ids. */
static void
test_safe_ids (void)
{
  static const char *const good[] = { "a", "3f1c1d0e-5b9a-4c84-9a55-1f0a3c9e2b10", "a.b", "a..b", "A_b-9" };
  static const char *const bad[] = { "", ".", "..", "...", ".a", "a/b", "../a", "a\\b", "a b", "a%2Fb",
                                     "é", "a\nb", "a:b" };
  g_autofree char *long_id = g_strnfill (DECLIC_SAFE_NAME_MAX_ID + 1, 'a');
  g_autofree char *max_id = g_strnfill (DECLIC_SAFE_NAME_MAX_ID, 'a');

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (declic_safe_name_is_valid_id (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (declic_safe_name_is_valid_id (bad[i]));
  g_assert_false (declic_safe_name_is_valid_id (NULL));
  g_assert_false (declic_safe_name_is_valid_id (long_id));
  g_assert_true (declic_safe_name_is_valid_id (max_id));
}

/* Issue 11, defect 10: a workspace or ".declic" folder that every user can write to is found,
 * and made private on request (0700), never through a link. */
static void
test_open_folders (Sandbox       *box,
                   gconstpointer  data)
{
  g_autofree char *meta = g_build_filename (box->workspace, ".declic", NULL);
  g_autofree char *elsewhere = g_build_filename (box->inbox, "elsewhere", NULL);
  g_auto(GStrv) open_folders = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (declic_store_list_open_folders (box->workspace));

  g_assert_cmpint (g_mkdir (meta, 0700), ==, 0);
  g_assert_cmpint (chmod (box->workspace, 0777), ==, 0);
  g_assert_cmpint (chmod (meta, 0757), ==, 0);
  open_folders = declic_store_list_open_folders (box->workspace);
  g_assert_nonnull (open_folders);
  g_assert_cmpuint (g_strv_length (open_folders), ==, 2);
  g_assert_cmpstr (open_folders[0], ==, box->workspace);
  g_assert_cmpstr (open_folders[1], ==, meta);

  g_assert_true (declic_store_make_private (box->workspace, &error));
  g_assert_no_error (error);
  assert_mode (box->workspace, 0700);
  assert_mode (meta, 0700);
  g_clear_pointer (&open_folders, g_strfreev);
  g_assert_null (declic_store_list_open_folders (box->workspace));

  /* ".declic" as a link to a folder elsewhere: refused, and the folder there keeps its mode. */
  g_assert_cmpint (rmdir (meta), ==, 0);
  g_assert_cmpint (g_mkdir (elsewhere, 0777), ==, 0);
  g_assert_cmpint (chmod (elsewhere, 0777), ==, 0);
  g_assert_cmpint (symlink (elsewhere, meta), ==, 0);
  g_assert_false (declic_store_make_private (box->workspace, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  assert_mode (elsewhere, 0777);
  g_assert_cmpint (chmod (elsewhere, 0700), ==, 0);
}

/* Issue 11, defect 10: the index is a cache with a size cap (64 MiB). One over it is not read,
 * and the list comes from the drafts; the same index under the cap is used (which is how the
 * test tells the two apart: its cached name differs from the draft's). */
static void
load_with_padded_index (Sandbox    *box,
                        gsize       padding,
                        const char *expected_name)
{
  g_autofree char *index = g_build_filename (box->workspace, ".declic", "index.json", NULL);
  g_autofree char *draft = g_build_filename (box->workspace, "d.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *forged = NULL;
  g_autoptr(GString) padded = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(DeclicStore) store = NULL;
  g_autoptr(GError) error = NULL;
  DeclicDraftSummary *summary;
  gsize length;
  GStatBuf st;

  /* An index the store wrote itself, with the cached name changed. */
  g_remove (index);
  store = declic_store_new (box->workspace);
  g_assert_true (declic_store_load (store, NULL, &error));
  g_clear_object (&store);
  g_assert_true (g_file_get_contents (index, &text, &length, &error));
  g_assert_nonnull (strstr (text, "\"Julien Pierre\""));
  parts = g_strsplit (text, "\"Julien Pierre\"", -1);
  forged = g_strjoinv ("\"FROM-INDEX\"", parts);
  padded = g_string_new (forged);
  for (gsize i = 0; i < padding; i++)
    g_string_append_c (padded, ' ');
  g_assert_true (g_file_set_contents (index, padded->str, (gssize) padded->len, &error));

  store = declic_store_new (box->workspace);
  g_assert_true (declic_store_load (store, NULL, &error));
  g_assert_no_error (error);
  summary = declic_store_find (store, draft);
  g_assert_nonnull (summary);
  g_assert_cmpstr (declic_draft_summary_get_given_names (summary), ==, expected_name);
  g_clear_object (&store);
  g_assert_cmpint (g_stat (index, &st), ==, 0);
  g_assert_cmpint (st.st_size, <, 1024 * 1024);
}

static void
test_index_cap (Sandbox       *box,
                gconstpointer  data)
{
  g_autofree char *sample_path = g_test_build_filename (G_TEST_DIST, "fixtures", "sample-complete.json", NULL);
  g_autofree char *sample = NULL;
  g_autofree char *draft = g_build_filename (box->workspace, "d.json", NULL);
  gsize length;

  g_assert_true (g_file_get_contents (sample_path, &sample, &length, NULL));
  g_assert_true (g_file_set_contents (draft, sample, (gssize) length, NULL));

  /* Under the cap, the cached summary is used as it is. */
  load_with_padded_index (box, 1024, "FROM-INDEX");
  /* Over it, the index is not read, and is written again small. */
  g_test_expect_message ("declic-store", G_LOG_LEVEL_MESSAGE, "*is too large*");
  load_with_padded_index (box, 64 * 1024 * 1024, "Julien Pierre");
  g_test_assert_expected_messages ();
}

/* Issue 11, defect 6: two windows (or a window and another program) on one draft. A save finds
 * that the file changed since it was read or last written, by size, time and content, and
 * refuses; a touch that left the content alone is no conflict; overwriting is a choice. */
static void
test_changed_on_disk (Sandbox       *box,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (box->workspace, "d.json", NULL);
  g_autoptr(DeclicStore) store = declic_store_new (box->workspace);
  g_autoptr(DeclicDraft) first = NULL;
  g_autoptr(DeclicDraft) second = NULL;
  g_autoptr(DeclicDraft) third = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after_first = NULL;
  g_autofree char *now = NULL;
  struct utimbuf times = { 1700000000, 1700000000 };

  g_assert_true (g_file_set_contents (path, "{\"schema_version\": \"1.0\", \"id\": \"d\"}\n", -1, NULL));
  g_assert_true (declic_store_load (store, NULL, &error));
  first = declic_store_open_draft (store, path, &error);
  g_assert_no_error (error);
  second = declic_store_open_draft (store, path, &error);
  g_assert_no_error (error);

  /* The first window saves; the second, which never saw that, is refused. */
  declic_draft_set_string (first, "client_label", "First");
  g_assert_true (declic_store_save_draft (store, first, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &after_first, NULL, NULL));
  declic_draft_set_string (second, "client_label", "Second");
  g_assert_false (declic_store_save_draft (store, second, &error));
  g_assert_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_CHANGED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  assert_file_is (path, after_first);

  /* The first one goes on saving: what is on disk is its own last save. */
  declic_draft_set_string (first, "client_label", "First again");
  g_assert_true (declic_store_save_draft (store, first, &error));
  g_assert_no_error (error);

  /* A touch (time changed, content not) is no conflict. */
  g_assert_cmpint (utime (path, &times), ==, 0);
  declic_draft_set_string (first, "client_label", "After a touch");
  g_assert_true (declic_store_save_draft (store, first, &error));
  g_assert_no_error (error);

  /* Another program rewrites the file with the same size: the content tells. */
  third = declic_store_open_draft (store, path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&now, g_free);
  g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
  {
    char *label = strstr (now, "After a touch");
    g_assert_nonnull (label);
    memcpy (label, "AFTER A TOUCH", strlen ("AFTER A TOUCH"));
  }
  g_assert_true (g_file_set_contents (path, now, -1, NULL));
  g_assert_cmpint (utime (path, &times), ==, 0);
  declic_draft_set_string (third, "client_label", "Third");
  g_assert_false (declic_store_save_draft (store, third, &error));
  g_assert_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_CHANGED);
  g_clear_error (&error);
  assert_file_is (path, now);

  /* Overwriting is the person's choice. */
  declic_draft_forget_disk_state (second);
  g_assert_true (declic_store_save_draft (store, second, &error));
  g_assert_no_error (error);
  g_clear_pointer (&now, g_free);
  g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
  g_assert_nonnull (strstr (now, "\"Second\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/safe-ids", test_safe_ids);
  g_test_add_func ("/hostile/extreme-dates", test_extreme_dates);
  g_test_add ("/hostile/import-traversal-id", Sandbox, NULL, sandbox_setup, test_import_traversal_id, sandbox_teardown);
  g_test_add ("/hostile/save-unsafe-id", Sandbox, NULL, sandbox_setup, test_save_unsafe_id, sandbox_teardown);

  g_test_add ("/hostile/save-through-symlink", Sandbox, NULL, sandbox_setup, test_save_through_symlink, sandbox_teardown);
  g_test_add ("/hostile/special-entries", Sandbox, NULL, sandbox_setup, test_special_entries, sandbox_teardown);

  g_test_add ("/hostile/stale-temp-files", Sandbox, NULL, sandbox_setup, test_stale_temp_files, sandbox_teardown);
  g_test_add ("/hostile/open-folders", Sandbox, NULL, sandbox_setup, test_open_folders, sandbox_teardown);
  g_test_add ("/hostile/index-cap", Sandbox, NULL, sandbox_setup, test_index_cap, sandbox_teardown);
  g_test_add ("/hostile/changed-on-disk", Sandbox, NULL, sandbox_setup, test_changed_on_disk, sandbox_teardown);

  return g_test_run ();
}
