/* test-draft-io.c: the draft file format — bad input, round trips, atomic private saves. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-c/json.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "declic-draft.h"
#include "declic-test-utils.h"

static const struct { const char *name; DeclicDraftError code; } error_names[] = {
  { "IO", DECLIC_DRAFT_ERROR_IO },
  { "EMPTY", DECLIC_DRAFT_ERROR_EMPTY },
  { "TOO_LARGE", DECLIC_DRAFT_ERROR_TOO_LARGE },
  { "ENCODING", DECLIC_DRAFT_ERROR_ENCODING },
  { "SYNTAX", DECLIC_DRAFT_ERROR_SYNTAX },
  { "TOO_DEEP", DECLIC_DRAFT_ERROR_TOO_DEEP },
  { "TYPE", DECLIC_DRAFT_ERROR_TYPE },
  { "VALUE", DECLIC_DRAFT_ERROR_VALUE },
  { "VERSION", DECLIC_DRAFT_ERROR_VERSION },
};

static DeclicDraftError
code_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_names); i++)
    if (g_str_equal (error_names[i].name, name))
      return error_names[i].code;
  g_error ("Unknown error code %s in expected.tsv", name);
}

/* Every file of the corpus is refused with the expected error, and left byte for byte as it was. */
static void
test_bad_corpus (void)
{
  g_autofree char *manifest = g_test_build_filename (G_TEST_DIST, "fixtures", "bad", "expected.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_cases = 0;

  g_assert_true (g_file_get_contents (manifest, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *path = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      gsize before_len, after_len;
      GStatBuf st_before, st_after;
      g_autoptr(GError) error = NULL;
      g_autoptr(DeclicDraft) draft = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);

      path = g_test_build_filename (G_TEST_DIST, "fixtures", "bad", fields[0], NULL);
      g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
      g_assert_cmpint (g_stat (path, &st_before), ==, 0);

      draft = declic_draft_new_from_file (path, &error);
      g_test_message ("%s: %s", fields[0], error ? error->message : "(loaded)");
      g_assert_null (draft);
      g_assert_error (error, DECLIC_DRAFT_ERROR, code_from_name (fields[1]));
      g_assert_nonnull (strstr (error->message, fields[2]));

      g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
      g_assert_cmpmem (before, before_len, after, after_len);
      g_assert_cmpint (g_stat (path, &st_after), ==, 0);
      g_assert_cmpint (st_before.st_mtime, ==, st_after.st_mtime);
      n_cases++;
    }

  g_assert_cmpuint (n_cases, >=, 25);
}

static void
test_huge_file (void)
{
  g_autofree char *dir = declic_test_make_workspace ();
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GString) data = g_string_new ("{\"schema_version\": \"1.0\", \"id\": \"a\", \"padding\": \"");
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) draft = NULL;

  while (data->len <= DECLIC_DRAFT_MAX_FILE_SIZE)
    g_string_append (data, "0123456789abcdef");
  g_string_append (data, "\"}");
  g_assert_true (g_file_set_contents (path, data->str, (gssize) data->len, NULL));

  draft = declic_draft_new_from_file (path, &error);
  g_assert_null (draft);
  g_assert_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "MiB"));

  g_clear_error (&error);
  draft = declic_draft_new_from_data (data->str, data->len, &error);
  g_assert_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_TOO_LARGE);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) draft = declic_draft_new_from_file ("/nonexistent/declic/draft.json", &error);

  g_assert_null (draft);
  g_assert_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_IO);
}

/* Load → save gives back the same bytes, fields unknown to this version included. */
static void
test_round_trip (void)
{
  const char *names[] = { "sample-complete.json", "future-minor.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", names[i], NULL);
      g_autofree char *original = NULL;
      g_autofree char *saved = NULL;
      g_autofree char *reloaded_data = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(DeclicDraft) draft = NULL;
      g_autoptr(DeclicDraft) reloaded = NULL;
      g_autofree char *dir = declic_test_make_workspace ();
      g_autofree char *copy = g_build_filename (dir, "copy.json", NULL);
      gsize len;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_test_message ("%s not there yet", names[i]);
          g_assert_cmpstr (names[i], !=, "future-minor.json");
          continue;
        }
      g_assert_true (g_file_get_contents (path, &original, &len, NULL));
      draft = declic_draft_new_from_data (original, len, &error);
      g_assert_no_error (error);

      g_assert_true (declic_draft_save_to_file (draft, copy, &error));
      g_assert_no_error (error);
      reloaded = declic_draft_new_from_file (copy, &error);
      g_assert_no_error (error);

      /* Same tree: compare canonical serialisations, then the bytes of two saves. */
      g_assert_true (json_object_equal (declic_draft_get_root (draft), declic_draft_get_root (reloaded)));
      saved = declic_draft_to_data (draft, NULL);
      reloaded_data = declic_draft_to_data (reloaded, NULL);
      g_assert_cmpstr (saved, ==, reloaded_data);
      if (g_str_equal (names[i], "future-minor.json"))
        {
          /* Unknown fields, at the top and deep inside, survived. */
          g_assert_nonnull (strstr (saved, "\"biometrics_appointment\""));
          g_assert_nonnull (strstr (saved, "\"linkedin_url\""));
          g_assert_cmpstr (declic_draft_get_string (reloaded, "schema_version"), ==, "1.7");
        }
      /* The fixtures are stored in the canonical form, so the bytes are the same too. */
      g_assert_cmpstr (saved, ==, original);

      g_unlink (copy);
      g_rmdir (dir);
    }
}

static void
test_save_private_atomic_backup (void)
{
  g_autofree char *dir = declic_test_make_workspace ();
  g_autofree char *path = g_build_filename (dir, "d.json", NULL);
  g_autofree char *backup = g_build_filename (dir, "d.json.bak", NULL);
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autoptr(DeclicDraft) previous = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_files = 0;

  /* A lax umask must not make the file readable by others. */
  mode_t old_umask = umask (0);

  declic_draft_set_string (draft, "client_label", "Premier");
  g_assert_true (declic_draft_save_to_file (draft, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* A file that was world-readable before is private after a save. */
  g_chmod (path, 0644);
  declic_draft_set_string (draft, "client_label", "Second");
  g_assert_true (declic_draft_save_to_file (draft, path, &error));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  previous = declic_draft_new_from_file (backup, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (declic_draft_get_client_label (previous), ==, "Premier");

  /* No temporary file is left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 2);

  umask (old_umask);

  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
}

static void
test_save_unwritable (void)
{
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (declic_draft_save_to_file (draft, "/nonexistent/folder/d.json", &error));
  g_assert_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_IO);
}

/* A process killed at random moments while it saves the same draft over and over leaves a file
 * that always loads, as either the old or the new version. */
static void
test_kill_while_saving (void)
{
  g_autofree char *dir = declic_test_make_workspace ();
  g_autofree char *path = g_build_filename (dir, "d.json", NULL);
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autoptr(GString) big_a = g_string_new (NULL);
  g_autoptr(GString) big_b = g_string_new (NULL);
  guint n_kills = 200;
  guint seen_a = 0, seen_b = 0;
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());

  /* Large values make each write long enough for kills to land in the middle of it. */
  for (guint i = 0; i < 20000; i++)
    {
      g_string_append_c (big_a, 'A');
      g_string_append (big_b, "BB");
    }
  declic_draft_set_string (draft, "client_label", big_a->str);
  g_assert_true (declic_draft_save_to_file (draft, path, NULL));

  for (guint k = 0; k < n_kills; k++)
    {
      pid_t pid = fork ();
      int status;
      g_autoptr(GError) error = NULL;
      g_autoptr(DeclicDraft) loaded = NULL;
      const char *label;

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          for (guint n = 0;; n++)
            {
              declic_draft_set_string (draft, "client_label", n % 2 ? big_a->str : big_b->str);
              declic_draft_save_to_file (draft, path, NULL);
            }
        }

      g_usleep (g_rand_int_range (rand, 0, 8000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      loaded = declic_draft_new_from_file (path, &error);
      g_assert_no_error (error);
      label = declic_draft_get_client_label (loaded);
      if (g_str_equal (label, big_a->str))
        seen_a++;
      else if (g_str_equal (label, big_b->str))
        seen_b++;
      else
        g_assert_not_reached ();
    }

  g_test_message ("%u kills: %u times the A version, %u times the B version", n_kills, seen_a, seen_b);
  g_assert_cmpuint (seen_a + seen_b, ==, n_kills);
  g_rand_free (rand);

  /* Clean up whatever temporary files the killed writers left. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;
    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/draft-io/bad-corpus", test_bad_corpus);
  g_test_add_func ("/draft-io/huge-file", test_huge_file);
  g_test_add_func ("/draft-io/missing-file", test_missing_file);
  g_test_add_func ("/draft-io/round-trip", test_round_trip);
  g_test_add_func ("/draft-io/save-private-atomic-backup", test_save_private_atomic_backup);
  g_test_add_func ("/draft-io/save-unwritable", test_save_unwritable);
  g_test_add_func ("/draft-io/kill-while-saving", test_kill_while_saving);

  return g_test_run ();
}
