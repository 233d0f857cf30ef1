/* test-store.c: a workspace folder — listing, the index, outside changes, trash, import. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-c/json.h>
#include <sys/stat.h>

#include "declic-check.h"
#include "declic-clock.h"
#include "declic-store.h"
#include "declic-utils.h"
#include "declic-test-utils.h"

static DeclicDraftSummary *
find_by_label (DeclicStore *store,
               const char  *label)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(DeclicDraftSummary) summary = g_list_model_get_item (G_LIST_MODEL (store), i);
      if (g_strcmp0 (declic_draft_summary_get_client_label (summary), label) == 0)
        return summary;
    }
  return NULL;
}

/* Runs the main loop until @store has @n items or five seconds pass. */
static void
wait_for_n_items (DeclicStore *store,
                  guint        n)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_list_model_get_n_items (G_LIST_MODEL (store)) != n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);
}

static void
test_create_list_private (void)
{
  g_autofree char *dir = declic_test_make_workspace ();
  g_autofree char *folder = g_build_filename (dir, "workspace", NULL);
  g_autoptr(DeclicStore) store = declic_store_new (folder);
  g_autoptr(DeclicStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *index = g_build_filename (folder, ".declic", "index.json", NULL);
  GStatBuf st;

  g_assert_true (declic_store_load (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(DeclicDraft) draft = declic_store_create_draft (store, &error);
      g_autofree char *label = g_strdup_printf ("Client %u", i);
      g_assert_no_error (error);
      declic_draft_set_string (draft, "client_label", label);
      declic_draft_set_string (draft, "personal.family_names", "Côté");
      g_assert_true (declic_store_save_draft (store, draft, &error));
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
  g_assert_nonnull (find_by_label (store, "Client 1"));
  g_assert_cmpstr (declic_draft_summary_get_family_names (find_by_label (store, "Client 1")), ==, "Côté");
  g_assert_nonnull (strstr (declic_draft_summary_get_search_text (find_by_label (store, "Client 2")), "cote"));

  /* A fresh store lists the same drafts; the index it reads is private. */
  g_clear_object (&store);
  g_assert_cmpint (g_stat (index, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  again = declic_store_new (folder);
  g_assert_true (declic_store_load (again, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 3);
  g_assert_cmpstr (declic_draft_summary_get_family_names (find_by_label (again, "Client 0")), ==, "Côté");

  declic_test_remove_tree (dir);
}

/* A stale index entry is not trusted: a file changed behind the store's back is read again. */
static void
test_index_stale (void)
{
  g_autofree char *folder = declic_test_make_workspace ();
  g_autoptr(DeclicStore) store = declic_store_new (folder);
  g_autoptr(DeclicStore) again = NULL;
  g_autoptr(DeclicDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_assert_true (declic_store_load (store, NULL, &error));
  draft = declic_store_create_draft (store, &error);
  declic_draft_set_string (draft, "client_label", "Avant");
  g_assert_true (declic_store_save_draft (store, draft, &error));
  g_clear_object (&store);

  path = g_build_filename (folder, declic_draft_get_id (draft), NULL);
  g_free (path);
  path = g_strconcat (folder, "/", declic_draft_get_id (draft), ".json", NULL);
  declic_draft_set_string (draft, "client_label", "Après, plus long");
  g_assert_true (declic_draft_save_to_file (draft, path, &error));

  again = declic_store_new (folder);
  g_assert_true (declic_store_load (again, NULL, &error));
  g_assert_nonnull (find_by_label (again, "Après, plus long"));
  g_assert_null (find_by_label (again, "Avant"));

  declic_test_remove_tree (folder);
}

static void
test_bad_file_listed_untouched (void)
{
  g_autofree char *folder = declic_test_make_workspace ();
  g_autofree char *bad = g_build_filename (folder, "broken.json", NULL);
  g_autofree char *after = NULL;
  g_autoptr(DeclicStore) store = declic_store_new (folder);
  g_autoptr(DeclicDraftSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  const char *contents = "{\"schema_version\": \"1.0\", \"id\": ";

  g_assert_true (g_file_set_contents (bad, contents, -1, NULL));
  g_assert_true (declic_store_load (store, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  summary = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_assert_nonnull (declic_draft_summary_get_error (summary));
  g_assert_null (declic_store_open_draft (store, bad, &error));
  g_assert_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_SYNTAX);

  g_assert_true (g_file_get_contents (bad, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, contents);

  declic_test_remove_tree (folder);
}

/* Files added, changed and removed by another program show in the list. */
static void
test_outside_changes (void)
{
  g_autofree char *folder = declic_test_make_workspace ();
  g_autoptr(DeclicStore) store = declic_store_new (folder);
  g_autoptr(DeclicDraft) outside = declic_draft_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 deadline;

  g_assert_true (declic_store_load (store, NULL, &error));

  path = g_strconcat (folder, "/", declic_draft_get_id (outside), ".json", NULL);
  declic_draft_set_string (outside, "client_label", "Ajouté dehors");
  g_assert_true (declic_draft_save_to_file (outside, path, &error));
  wait_for_n_items (store, 1);
  g_assert_nonnull (find_by_label (store, "Ajouté dehors"));

  declic_draft_set_string (outside, "client_label", "Changé dehors");
  g_assert_true (declic_draft_save_to_file (outside, path, &error));
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (find_by_label (store, "Changé dehors") == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_nonnull (find_by_label (store, "Changé dehors"));

  g_unlink (path);
  wait_for_n_items (store, 0);

  declic_test_remove_tree (folder);
}

static void
test_trash_restore_import (void)
{
  g_autofree char *folder = declic_test_make_workspace ();
  g_autoptr(DeclicStore) store = declic_store_new (folder);
  g_autoptr(DeclicDraft) draft = NULL;
  g_autoptr(DeclicDraft) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *trashed = NULL;

  g_assert_true (declic_store_load (store, NULL, &error));
  draft = declic_store_create_draft (store, &error);
  path = declic_store_path_for_id (store, declic_draft_get_id (draft));

  trashed = declic_store_trash_draft (store, path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);

  g_assert_true (declic_store_restore_draft (store, trashed, &error));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  /* Importing a draft whose id is already here makes a copy with a new id. */
  imported = declic_store_import_draft (store, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (declic_draft_get_id (imported), !=, declic_draft_get_id (draft));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);

  declic_test_remove_tree (folder);
}

/* The index on disk against summaries worked out again from the files themselves: the same
 * names, and for each the same figures. */
static void
assert_index_matches_files (const char *folder)
{
  g_autofree char *index_path = g_build_filename (folder, ".declic", "index.json", NULL);
  g_autoptr(json_object) root = json_object_from_file (index_path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *today = NULL;
  json_object *entries;
  const char *name;
  guint n_files = 0;
  GDate date;

  declic_clock_get_today (&date);
  today = declic_utils_format_date (&date);
  g_assert_nonnull (root);
  g_assert_true (json_object_object_get_ex (root, "entries", &entries));
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(DeclicDraft) draft = NULL;
      g_autoptr(DeclicDraftSummary) expected = NULL;
      g_autoptr(json_object) expected_json = NULL;
      g_autoptr(GError) error = NULL;
      json_object *entry;
      GStatBuf st;

      if (!declic_store_is_draft_file_name (name))
        continue;
      n_files++;
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      draft = declic_draft_new_from_file (path, &error);
      g_assert_no_error (error);
      expected = declic_draft_summary_new_for_draft (path, draft, today,
                                                     (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000,
                                                     st.st_size);
      expected_json = declic_draft_summary_to_json (expected);
      entry = json_object_object_get (entries, name);
      if (entry == NULL || !json_object_equal (entry, expected_json))
        g_error ("index entry of %s: %s, expected %s", name,
                 entry != NULL ? json_object_to_json_string (entry) : "(none)",
                 json_object_to_json_string (expected_json));
    }
  g_assert_cmpuint ((guint) json_object_object_length (entries), ==, n_files);
}

static void
on_index_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (declic_store_write_index_finish (DECLIC_STORE (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
write_index_and_wait (DeclicStore *store)
{
  gboolean done = FALSE;

  declic_store_write_index_async (store, NULL, on_index_written, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The index is rewritten off the main thread from a snapshot; after changes of every kind it
 * matches the files, both when asked for at once and after the store's own pause. */
static void
test_index_follows_changes (void)
{
  g_autofree char *folder = declic_test_make_workspace ();
  g_autoptr(DeclicStore) store = declic_store_new (folder);
  g_autoptr(DeclicDraft) outside = declic_draft_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *outside_path = NULL;
  g_autofree char *trashed = NULL;
  g_autofree char *index_path = g_build_filename (folder, ".declic", "index.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 deadline;

  g_assert_true (declic_store_load (store, NULL, &error));
  for (guint i = 0; i < 12; i++)
    {
      DeclicDraft *draft = declic_store_create_draft (store, &error);
      g_autofree char *label = g_strdup_printf ("Client %02u", i);

      g_assert_no_error (error);
      declic_draft_set_string (draft, "client_label", label);
      declic_draft_set_string (draft, "personal.family_names", "Gagnon");
      g_assert_true (declic_store_save_draft (store, draft, &error));
      g_ptr_array_add (drafts, draft);
    }
  write_index_and_wait (store);
  assert_index_matches_files (folder);

  /* Changed in the store, changed behind its back, moved to the trash, added from outside. */
  declic_draft_set_string (g_ptr_array_index (drafts, 3), "personal.given_names", "Éloïse");
  g_assert_true (declic_store_save_draft (store, g_ptr_array_index (drafts, 3), &error));
  {
    g_autofree char *path = declic_store_path_for_id (store, declic_draft_get_id (g_ptr_array_index (drafts, 5)));

    declic_draft_set_string (g_ptr_array_index (drafts, 5), "client_label", "Changé dehors");
    g_assert_true (declic_draft_save_to_file (g_ptr_array_index (drafts, 5), path, &error));
  }
  {
    g_autofree char *path = declic_store_path_for_id (store, declic_draft_get_id (g_ptr_array_index (drafts, 7)));

    trashed = declic_store_trash_draft (store, path, &error);
    g_assert_no_error (error);
  }
  outside_path = g_strconcat (folder, "/", declic_draft_get_id (outside), ".json", NULL);
  declic_draft_set_string (outside, "client_label", "Ajouté dehors");
  g_assert_true (declic_draft_save_to_file (outside, outside_path, &error));
  wait_for_n_items (store, 12);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (find_by_label (store, "Changé dehors") == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_nonnull (find_by_label (store, "Changé dehors"));
  g_assert_nonnull (find_by_label (store, "Ajouté dehors"));

  write_index_and_wait (store);
  assert_index_matches_files (folder);

  /* Without being asked: the store writes after its pause, from the main loop. */
  g_assert_true (g_file_get_contents (index_path, &before, NULL, NULL));
  g_assert_true (declic_store_restore_draft (store, trashed, &error));
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  do
    {
      g_clear_pointer (&after, g_free);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
      g_assert_true (g_file_get_contents (index_path, &after, NULL, NULL));
    }
  while (g_strcmp0 (before, after) == 0 && g_get_monotonic_time () < deadline);
  g_assert_cmpstr (before, !=, after);
  assert_index_matches_files (folder);

  declic_test_remove_tree (folder);
}

/* The list says at a glance what a full check says, and never trusts figures from another day. */
static void
test_status_at_a_glance (void)
{
  g_autofree char *folder = declic_test_make_workspace ();
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "fixtures", "sample-complete.json", NULL);
  g_autofree char *index_path = g_build_filename (folder, ".declic", "index.json", NULL);
  g_autoptr(DeclicStore) store = declic_store_new (folder);
  g_autoptr(DeclicStore) again = NULL;
  g_autoptr(DeclicDraft) imported = NULL;
  g_autoptr(DeclicDraft) empty = NULL;
  g_autoptr(DeclicDraftSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *index = NULL;
  g_autofree char *stale = NULL;
  g_autoptr(GRegex) checked_on = g_regex_new ("\"checked_on\":\"[0-9-]+\"", 0, 0, NULL);

  GDate day;

  /* The exact figures of the sample hold on the day it plans its filing. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 22, G_DATE_NOVEMBER, 2026);
  declic_clock_set_today (&day);

  g_assert_true (declic_store_load (store, NULL, &error));
  imported = declic_store_import_draft (store, sample, &error);
  g_assert_no_error (error);
  empty = declic_store_create_draft (store, &error);
  declic_draft_set_string (empty, "client_label", "Vide");
  g_assert_true (declic_store_save_draft (store, empty, &error));

  summary = g_object_ref (find_by_label (store, declic_draft_get_client_label (imported)));
  /* The sample plans its filing for 2026-11-22 and is checked at that date. */
  g_assert_cmpstr (declic_draft_summary_get_checked_on (summary), ==, "2026-11-22");
  g_assert_true (declic_draft_summary_get_fileable (summary));
  g_assert_cmpuint (declic_draft_summary_get_n_errors (summary), ==, 0);
  g_assert_cmpstr (declic_draft_summary_get_streams_met (summary), ==, "1,4");
  g_assert_cmpint (declic_draft_summary_get_score (summary), >, 0);
  g_assert_nonnull (declic_draft_summary_get_next_deadline_id (summary));
  g_assert_nonnull (declic_draft_summary_get_next_deadline_date (summary));

  g_assert_false (declic_draft_summary_get_fileable (find_by_label (store, "Vide")));
  g_assert_cmpuint (declic_draft_summary_get_n_errors (find_by_label (store, "Vide")), >, 0);
  g_clear_object (&store);

  /* Figures worked out on another day are worked out again. */
  g_assert_true (g_file_get_contents (index_path, &index, NULL, NULL));
  g_assert_true (g_regex_match (checked_on, index, 0, NULL));
  stale = g_regex_replace_literal (checked_on, index, -1, 0, "\"checked_on\":\"2000-01-01\"", 0, NULL);
  g_assert_true (g_file_set_contents (index_path, stale, -1, NULL));

  again = declic_store_new (folder);
  g_assert_true (declic_store_load (again, NULL, &error));
  g_assert_cmpstr (declic_draft_summary_get_checked_on (find_by_label (again, "Vide")), !=, "2000-01-01");
  g_assert_cmpstr (declic_draft_summary_get_checked_on (find_by_label (again, declic_draft_get_client_label (imported))), ==, "2026-11-22");

  declic_clock_set_today (NULL);
  declic_test_remove_tree (folder);
}

/* The same figures as `declic check` and the wizard: one check, at today (the clock's). */
static void
assert_summary_agrees (DeclicDraftSummary *summary,
                       DeclicDraft        *draft,
                       const GDate        *today)
{
  g_autoptr(DeclicCheck) check = declic_check_run (draft, today, NULL, NULL);
  g_autofree char *today_text = declic_utils_format_date (&check->today);
  g_autofree char *reference_text = declic_utils_format_date (&check->reference);
  DeclicDeadline *next = declic_check_get_next_deadline (check);
  g_autofree char *next_date = next != NULL ? declic_utils_format_date (&next->date) : NULL;

  g_assert_cmpstr (declic_draft_summary_get_checked_on (summary), ==, today_text);
  g_assert_cmpstr (declic_draft_summary_get_reference_date (summary), ==, reference_text);
  g_assert_cmpuint (declic_draft_summary_get_n_errors (summary), ==,
                    declic_finding_list_count (check->findings, DECLIC_SECTION_NONE, DECLIC_SEVERITY_ERROR));
  g_assert_cmpint (declic_draft_summary_get_fileable (summary), ==, check->fileable);
  g_assert_cmpint (declic_draft_summary_get_score (summary), ==, check->points != NULL ? check->points->total : -1);
  g_assert_cmpstr (declic_draft_summary_get_next_deadline_date (summary), ==, next_date);
}

/* Whatever day it is: a planned filing date still to come is the reference date, one that has
 * passed gives way to today, and the index follows the day. */
static void
test_dates_follow_today (void)
{
  g_autofree char *folder = declic_test_make_workspace ();
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "fixtures", "sample-complete.json", NULL);
  g_autoptr(DeclicStore) store = declic_store_new (folder);
  g_autoptr(DeclicStore) again = NULL;
  g_autoptr(DeclicDraft) ahead = NULL;
  g_autoptr(DeclicDraft) late = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ahead_text = NULL;
  g_autofree char *late_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *tomorrow_text = NULL;
  DeclicDraftSummary *summary;
  GDate today, day, tomorrow;

  declic_clock_get_today (&today);
  today_text = declic_utils_format_date (&today);
  day = today;
  g_date_add_days (&day, 45);
  ahead_text = declic_utils_format_date (&day);
  day = today;
  g_date_subtract_days (&day, 9);
  late_text = declic_utils_format_date (&day);

  g_assert_true (declic_store_load (store, NULL, &error));
  ahead = declic_store_import_draft (store, sample, &error);
  g_assert_no_error (error);
  declic_draft_set_string (ahead, "client_label", "Ahead");
  declic_draft_set_string (ahead, "planned_filing_date", ahead_text);
  g_assert_true (declic_store_save_draft (store, ahead, &error));
  late = declic_store_import_draft (store, sample, &error);
  g_assert_no_error (error);
  declic_draft_set_string (late, "client_label", "Late");
  declic_draft_set_string (late, "planned_filing_date", late_text);
  g_assert_true (declic_store_save_draft (store, late, &error));

  summary = find_by_label (store, "Ahead");
  g_assert_cmpstr (declic_draft_summary_get_reference_date (summary), ==, ahead_text);
  assert_summary_agrees (summary, ahead, NULL);
  summary = find_by_label (store, "Late");
  g_assert_cmpstr (declic_draft_summary_get_reference_date (summary), ==, today_text);
  assert_summary_agrees (summary, late, NULL);
  g_clear_object (&store);

  /* Tomorrow, read again from the index: worked out again at the new day. */
  tomorrow = today;
  g_date_add_days (&tomorrow, 1);
  tomorrow_text = declic_utils_format_date (&tomorrow);
  declic_clock_set_today (&tomorrow);
  again = declic_store_new (folder);
  g_assert_true (declic_store_load (again, NULL, &error));
  summary = find_by_label (again, "Late");
  g_assert_cmpstr (declic_draft_summary_get_checked_on (summary), ==, tomorrow_text);
  g_assert_cmpstr (declic_draft_summary_get_reference_date (summary), ==, tomorrow_text);
  assert_summary_agrees (summary, late, &tomorrow);
  assert_summary_agrees (find_by_label (again, "Ahead"), ahead, &tomorrow);

  declic_clock_set_today (NULL);
  g_clear_object (&again);
  declic_test_remove_tree (folder);
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError  *error;
  GString *changes;  /* "position,removed,added;" for each items-changed */
} StoreSave;

static void
store_saved_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  StoreSave *save = user_data;

  save->ok = declic_store_save_draft_finish (DECLIC_STORE (source), result, &save->error);
  save->done = TRUE;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  StoreSave  *save)
{
  g_string_append_printf (save->changes, "%u,%u,%u;", position, removed, added);
}

/* The summary follows an asynchronous save at once, from the draft in memory: in a store that
 * was never loaded there is no file monitor to report the file, yet the new draft is listed and
 * then renamed, with the signals of an addition and of a change, and the summary's size and
 * time are those of the file written. */
static void
test_save_async_summary (void)
{
  g_autofree char *folder = declic_test_make_workspace ();
  g_autoptr(DeclicStore) store = declic_store_new (folder);
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autofree char *path = declic_store_path_for_id (store, declic_draft_get_id (draft));
  StoreSave save = { FALSE, FALSE, NULL, g_string_new (NULL) };
  DeclicDraftSummary *summary;
  GStatBuf st;

  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), &save);

  declic_draft_set_string (draft, "client_label", "Premier nom");
  declic_store_save_draft_async (store, draft, NULL, store_saved_cb, &save);
  while (!save.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (save.error);
  g_assert_true (save.ok);
  g_assert_cmpstr (save.changes->str, ==, "0,0,1;");
  summary = declic_store_find (store, path);
  g_assert_nonnull (summary);
  g_assert_cmpstr (declic_draft_summary_get_client_label (summary), ==, "Premier nom");

  declic_draft_set_string (draft, "client_label", "Nouveau nom, plus long");
  save.done = FALSE;
  g_string_truncate (save.changes, 0);
  declic_store_save_draft_async (store, draft, NULL, store_saved_cb, &save);
  while (!save.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (save.error);
  g_assert_cmpstr (save.changes->str, ==, "0,1,1;");
  summary = declic_store_find (store, path);
  g_assert_nonnull (summary);
  g_assert_cmpstr (declic_draft_summary_get_client_label (summary), ==, "Nouveau nom, plus long");
  g_assert_null (declic_draft_summary_get_error (summary));
  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_cmpint (declic_draft_summary_get_size (summary), ==, (gint64) st.st_size);
  g_assert_cmpint (declic_draft_summary_get_mtime (summary), ==,
                   (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  /* A refused save changes nothing of the list, and says why as the synchronous one does. */
  declic_draft_set_string (draft, "personal.birth_date", "1990-02-30");
  save.done = FALSE;
  g_string_truncate (save.changes, 0);
  declic_store_save_draft_async (store, draft, NULL, store_saved_cb, &save);
  while (!save.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (save.ok);
  g_assert_error (save.error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_UNREADABLE);
  g_assert_cmpstr (save.changes->str, ==, "");
  g_clear_error (&save.error);

  g_signal_handlers_disconnect_by_data (store, &save);
  g_string_free (save.changes, TRUE);
  g_clear_object (&store);
  declic_test_remove_tree (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/create-list-private", test_create_list_private);
  g_test_add_func ("/store/index-stale", test_index_stale);
  g_test_add_func ("/store/bad-file-listed-untouched", test_bad_file_listed_untouched);
  g_test_add_func ("/store/outside-changes", test_outside_changes);
  g_test_add_func ("/store/trash-restore-import", test_trash_restore_import);
  g_test_add_func ("/store/index-follows-changes", test_index_follows_changes);
  g_test_add_func ("/store/status-at-a-glance", test_status_at_a_glance);
  g_test_add_func ("/store/dates-follow-today", test_dates_follow_today);
  g_test_add_func ("/store/save-async-summary", test_save_async_summary);

  return g_test_run ();
}
