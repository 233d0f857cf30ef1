/* test-entry.c: the entry companion's values in the form's order, and its ticks. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "declic-draft-values.h"
#include "declic-entry-progress.h"
#include "declic-test-utils.h"

static DeclicDraft *
load_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "sample-complete.json", NULL);
  DeclicDraft *draft = declic_draft_new_from_file (path, &error);

  g_assert_no_error (error);
  return draft;
}

static DeclicDraftValue *
find_value (GPtrArray  *values,
            const char *path)
{
  for (guint i = 0; i < values->len; i++)
    {
      DeclicDraftValue *value = g_ptr_array_index (values, i);
      if (g_str_equal (value->path, path))
        return value;
    }
  return NULL;
}

/* Section by section in the form's order, each value as a person reads and types it. */
static void
test_entry_values (void)
{
  g_autoptr(DeclicDraft) draft = load_sample ();
  g_autoptr(GPtrArray) values = declic_draft_values_list (draft, "en");
  g_autoptr(GPtrArray) french = declic_draft_values_list (draft, "fr");
  DeclicDraftValue *value;

  g_assert_cmpuint (values->len, >, 40);
  for (guint i = 1; i < values->len; i++)
    g_assert_cmpint (((DeclicDraftValue *) g_ptr_array_index (values, i - 1))->section, <=,
                     ((DeclicDraftValue *) g_ptr_array_index (values, i))->section);
  g_assert_cmpint (((DeclicDraftValue *) g_ptr_array_index (values, 0))->section, ==, DECLIC_SECTION_PERSONAL);

  value = find_value (values, "personal.birth_date");
  g_assert_nonnull (value);
  g_assert_cmpstr (value->label, ==, "Date of birth");
  g_assert_nonnull (strstr (value->text, ", 19"));   /* "March 14, 1991": written out */
  g_assert_cmpstr (value->fingerprint, ==, "\"1991-03-14\"");
  g_assert_cmpstr (value->typed, ==, "1991-03-14");
  value = find_value (french, "personal.birth_date");
  g_assert_cmpstr (value->text, ==, "14 mars 1991");

  /* A repeated item's values carry its heading; a NOC code reads with its title. */
  value = find_value (values, "work_history[0].noc_code");
  g_assert_nonnull (value);
  g_assert_cmpint (value->section, ==, DECLIC_SECTION_WORK);
  g_assert_cmpstr (value->heading, ==, "Period 1");
  g_assert_true (g_str_has_prefix (value->text, "21232 – "));
  g_assert_cmpstr (value->typed, ==, "21232");   /* Arrima asks for the code */
  g_assert_cmpstr (find_value (values, "personal.family_names")->typed, ==, "Marchand");
  g_assert_nonnull (find_value (values, "work_history[1].employer"));
  g_assert_cmpstr (find_value (values, "work_history[1].employer")->heading, ==, "Period 2");
  g_assert_cmpstr (find_value (values, "education[0].title")->heading, ==, "Diploma 1");
  /* Hours per week in French with a decimal comma. */
  g_assert_cmpstr (find_value (french, "work_history[1].hours_per_week")->text, ==, "37,5");

  /* A year is written as it is typed, never grouped as a count would be (« 2 019 »). */
  {
    guint i = declic_draft_append_item (draft, "personal.previous_applications");
    g_autofree char *year = g_strdup_printf ("personal.previous_applications[%u].year", i);
    g_autoptr(GPtrArray) with_year = NULL;

    declic_draft_set_integer (draft, year, 2019);
    with_year = declic_draft_values_list (draft, "fr");
    g_assert_cmpstr (find_value (with_year, year)->text, ==, "2019");
    g_assert_cmpstr (find_value (with_year, year)->typed, ==, "2019");
  }
}

/* Ticks are kept beside the drafts, privately, never in the draft; a value changed since it was
 * ticked is to be entered again. */
static void
test_entry_progress (void)
{
  g_autofree char *workspace = declic_test_make_workspace ();
  g_autoptr(DeclicDraft) draft = load_sample ();
  g_autoptr(GPtrArray) values = declic_draft_values_list (draft, "en");
  g_autoptr(GPtrArray) changed_values = NULL;
  g_autoptr(DeclicEntryProgress) progress = NULL;
  g_autoptr(DeclicEntryProgress) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  DeclicDraftValue *name, *birth;
  GStatBuf st;
  guint n_personal, entered;

  progress = declic_entry_progress_load (workspace, declic_draft_get_id (draft), &error);
  g_assert_no_error (error);
  name = find_value (values, "personal.family_names");
  birth = find_value (values, "personal.birth_date");
  g_assert_nonnull (name);
  g_assert_cmpint (declic_entry_progress_get_state (progress, name), ==, DECLIC_ENTRY_NOT_ENTERED);
  g_assert_cmpuint (declic_entry_progress_count (progress, values, DECLIC_SECTION_PERSONAL, &n_personal), ==, 0);
  g_assert_cmpuint (n_personal, >, 5);

  declic_entry_progress_set_entered (progress, name, TRUE);
  declic_entry_progress_set_entered (progress, birth, TRUE);
  g_assert_true (declic_entry_progress_save (progress, &error));
  g_assert_no_error (error);

  path = g_strdup_printf ("%s/.declic/entry/%s.json", workspace, declic_draft_get_id (draft));
  dir = g_path_get_dirname (path);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  again = declic_entry_progress_load (workspace, declic_draft_get_id (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpint (declic_entry_progress_get_state (again, name), ==, DECLIC_ENTRY_ENTERED);
  entered = declic_entry_progress_count (again, values, DECLIC_SECTION_PERSONAL, NULL);
  g_assert_cmpuint (entered, ==, 2);
  g_assert_cmpuint (declic_entry_progress_count (again, values, DECLIC_SECTION_NONE, NULL), ==, 2);

  /* The birth date corrected after it was typed: it is to be entered again, the name is not. */
  declic_draft_set_string (draft, "personal.birth_date", "1991-03-15");
  changed_values = declic_draft_values_list (draft, "en");
  g_assert_cmpint (declic_entry_progress_get_state (again, find_value (changed_values, "personal.birth_date")), ==,
                   DECLIC_ENTRY_CHANGED);
  g_assert_cmpint (declic_entry_progress_get_state (again, find_value (changed_values, "personal.family_names")), ==,
                   DECLIC_ENTRY_ENTERED);
  g_assert_cmpuint (declic_entry_progress_count (again, changed_values, DECLIC_SECTION_PERSONAL, NULL), ==, 1);

  /* Unticking forgets it. */
  declic_entry_progress_set_entered (again, name, FALSE);
  g_assert_cmpint (declic_entry_progress_get_state (again, name), ==, DECLIC_ENTRY_NOT_ENTERED);

  declic_test_remove_tree (workspace);
}

static void
test_entry_progress_refused (void)
{
  g_autofree char *workspace = declic_test_make_workspace ();
  g_autofree char *dir = g_build_filename (workspace, ".declic", "entry", NULL);
  g_autofree char *damaged = g_build_filename (dir, "5f3c9e2a-8b7d-4c1e-9a06-3d2b7e4f1c88.json", NULL);
  g_autoptr(GError) error = NULL;
  DeclicEntryProgress *progress;

  /* An id that would name a file elsewhere is refused, not followed. */
  progress = declic_entry_progress_load (workspace, "../../outside", &error);
  g_assert_null (progress);
  g_assert_error (error, DECLIC_ENTRY_PROGRESS_ERROR, DECLIC_ENTRY_PROGRESS_ERROR_INVALID);
  g_clear_error (&error);

  /* A damaged file is reported, not taken for "nothing entered". */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (damaged, "{\"entered\": [", -1, NULL));
  progress = declic_entry_progress_load (workspace, "5f3c9e2a-8b7d-4c1e-9a06-3d2b7e4f1c88", &error);
  g_assert_null (progress);
  g_assert_error (error, DECLIC_ENTRY_PROGRESS_ERROR, DECLIC_ENTRY_PROGRESS_ERROR_INVALID);

  declic_test_remove_tree (workspace);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("DECLIC_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/entry/values", test_entry_values);
  g_test_add_func ("/entry/progress", test_entry_progress);
  g_test_add_func ("/entry/progress-refused", test_entry_progress_refused);
  return g_test_run ();
}
