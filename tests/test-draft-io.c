/* test-draft-io.c: the draft file format — bad input, round trips, atomic private saves. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>
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

/* Never write what cannot be read: a model holding a value the loader refuses is not saved, and
 * the file on disk stays as it was. */
static void
test_save_unreadable (void)
{
  g_autofree char *dir = declic_test_make_workspace ();
  g_autofree char *path = g_build_filename (dir, "d.json", NULL);
  g_autofree char *backup = g_build_filename (dir, "d.json.bak", NULL);
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  json_object *personal = json_object_new_object ();
  json_object *citizenships = json_object_new_array ();
  gsize before_len, after_len;

  declic_draft_set_string (draft, "client_label", "Bon");
  g_assert_true (declic_draft_save_to_file (draft, path, &error));
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  json_object_array_add (citizenships, json_object_new_string (""));
  json_object_object_add (personal, "citizenships", citizenships);
  json_object_object_add (declic_draft_get_root (draft), "personal", personal);
  g_assert_false (declic_draft_save_to_file (draft, path, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "personal.citizenships[0]"));
  g_clear_error (&error);

  /* Another refused value: a date that does not exist. */
  json_object_object_del (personal, "citizenships");
  json_object_object_add (personal, "birth_date", json_object_new_string ("1990-02-30"));
  g_assert_false (declic_draft_save_to_file (draft, path, &error));
  g_assert_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_UNREADABLE);

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  declic_test_remove_tree (dir);
}

/* Runs the main context until an asynchronous save reports, and returns what it reported. */
typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} SaveWait;

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveWait *wait = user_data;

  wait->ok = declic_draft_save_to_file_finish (DECLIC_DRAFT (source), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
save_async_and_wait (DeclicDraft  *draft,
                     const char   *path,
                     GError      **error)
{
  SaveWait wait = { FALSE, FALSE, NULL };

  declic_draft_save_to_file_async (draft, path, NULL, saved_cb, &wait);
  g_assert_true (declic_draft_is_saving (draft));
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (declic_draft_is_saving (draft));
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.ok;
}

/* The asynchronous save writes what the synchronous one writes, as privately, keeping a backup. */
static void
test_save_async_same_bytes (void)
{
  g_autofree char *dir = declic_test_make_workspace ();
  g_autofree char *sync_path = g_build_filename (dir, "s.json", NULL);
  g_autofree char *async_path = g_build_filename (dir, "a.json", NULL);
  g_autofree char *backup = g_build_filename (dir, "a.json.bak", NULL);
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sync_data = NULL;
  g_autofree char *async_data = NULL;
  gsize sync_len, async_len;
  GStatBuf st;
  mode_t old_umask = umask (0);

  declic_draft_set_string (draft, "client_label", "Même texte");
  declic_draft_set_string (draft, "personal.given_names", "Zoé");
  g_assert_true (save_async_and_wait (draft, async_path, &error));
  g_assert_no_error (error);
  /* Elsewhere, the same draft: a copy, which leaves the draft's own file as the one to watch. */
  g_assert_true (declic_draft_save_to_file (draft, sync_path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (sync_path, &sync_data, &sync_len, NULL));
  g_assert_true (g_file_get_contents (async_path, &async_data, &async_len, NULL));
  g_assert_cmpmem (sync_data, sync_len, async_data, async_len);
  g_assert_cmpint (g_stat (async_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Remembered: saving again is no conflict with itself, and keeps the previous version. */
  g_chmod (async_path, 0644);
  declic_draft_set_string (draft, "client_label", "Autre texte");
  g_assert_true (save_async_and_wait (draft, async_path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (async_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  umask (old_umask);
  declic_test_remove_tree (dir);
}

/* An asynchronous save of @draft to @path is refused with @code and the very message of the
 * synchronous save, and the file stays @before. */
static void
assert_refused_as_sync (DeclicDraft *draft,
                        const char  *path,
                        int          code,
                        const char  *before,
                        gsize        before_len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) sync_error = NULL;
  g_autofree char *after = NULL;
  gsize after_len;

  g_assert_false (save_async_and_wait (draft, path, &error));
  g_assert_error (error, DECLIC_DRAFT_ERROR, code);
  g_assert_false (declic_draft_save_to_file (draft, path, &sync_error));
  g_assert_cmpstr (error->message, ==, sync_error->message);

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

/* A file changed by someone else since it was read: DECLIC_DRAFT_ERROR_CHANGED, with the
 * message of the synchronous save, and the other's file left as it is. */
static void
test_save_async_conflict (void)
{
  g_autofree char *dir = declic_test_make_workspace ();
  g_autofree char *path = g_build_filename (dir, "d.json", NULL);
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autoptr(DeclicDraft) mine = NULL;
  g_autoptr(DeclicDraft) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gsize before_len;

  declic_draft_set_string (draft, "client_label", "Commun");
  g_assert_true (declic_draft_save_to_file (draft, path, &error));
  mine = declic_draft_new_from_file (path, &error);
  other = declic_draft_new_from_file (path, &error);
  g_assert_no_error (error);

  declic_draft_set_string (other, "client_label", "L'autre, plus long");
  g_assert_true (declic_draft_save_to_file (other, path, &error));
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  declic_draft_set_string (mine, "client_label", "Le mien");
  assert_refused_as_sync (mine, path, DECLIC_DRAFT_ERROR_CHANGED, before, before_len);
  declic_test_remove_tree (dir);
}

/* A draft that would not load again is refused, with the synchronous save's message, and the
 * old file stays. */
static void
test_save_async_unreadable (void)
{
  g_autofree char *dir = declic_test_make_workspace ();
  g_autofree char *path = g_build_filename (dir, "d.json", NULL);
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  json_object *personal = json_object_new_object ();
  gsize before_len;

  declic_draft_set_string (draft, "client_label", "Bon");
  g_assert_true (save_async_and_wait (draft, path, &error));
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  json_object_object_add (personal, "birth_date", json_object_new_string ("1990-02-30"));
  json_object_object_add (declic_draft_get_root (draft), "personal", personal);
  assert_refused_as_sync (draft, path, DECLIC_DRAFT_ERROR_UNREADABLE, before, before_len);
  declic_test_remove_tree (dir);
}

/* Two saves asked for in a row run one after the other, neither taking the first one's file for
 * another program's change, and the last state asked for is the one on disk. */
static void
test_save_async_chained (void)
{
  g_autofree char *dir = declic_test_make_workspace ();
  g_autofree char *path = g_build_filename (dir, "d.json", NULL);
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autoptr(DeclicDraft) reread = NULL;
  g_autoptr(GError) error = NULL;
  SaveWait first = { FALSE, FALSE, NULL };
  SaveWait second = { FALSE, FALSE, NULL };
  SaveWait third = { FALSE, FALSE, NULL };

  declic_draft_set_string (draft, "client_label", "Un");
  declic_draft_save_to_file_async (draft, path, NULL, saved_cb, &first);
  declic_draft_set_string (draft, "client_label", "Deux, plus long");
  declic_draft_save_to_file_async (draft, path, NULL, saved_cb, &second);
  declic_draft_set_string (draft, "client_label", "Trois");
  declic_draft_save_to_file_async (draft, path, NULL, saved_cb, &third);
  /* A change after the last save asked for is not in it. */
  declic_draft_set_string (draft, "client_label", "Pas sauvé");
  while (!third.done)
    {
      g_main_context_iteration (NULL, TRUE);
      /* In order. */
      g_assert_true (!second.done || first.done);
      g_assert_true (!third.done || second.done);
    }
  g_assert_no_error (first.error);
  g_assert_no_error (second.error);
  g_assert_no_error (third.error);
  g_assert_true (first.ok && second.ok && third.ok);
  g_assert_false (declic_draft_is_saving (draft));

  reread = declic_draft_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (declic_draft_get_client_label (reread), ==, "Trois");

  /* And the draft remembers the last one: a synchronous save after is no conflict. */
  g_assert_true (declic_draft_save_to_file (draft, path, &error));
  g_assert_no_error (error);
  declic_test_remove_tree (dir);
}

/* A process killed at random moments while it saves the same draft over and over leaves a file
 * that always loads, as either the old or the new version, and the next load of the workspace
 * leaves no temporary file behind. bench-kill does the same 1,000 times. */
static void
test_kill_while_saving (void)
{
  declic_test_kill_while_saving (100, g_test_rand_int ());
}

/* A hand-edited draft's syntax error names its cause in the messages' language (json-c's own
 * descriptions are English only) and keeps the line and column of the offending character. */
static const struct {
  const char *json;
  const char *english;
  const char *french;
  const char *where;
} syntax_cases[] = {
  { "{\"schema_version\": \"1.0\"\n \"id\": \"a\"}", "a missing comma between two fields",
    "une virgule manquante entre deux champs", "line 2, column 2" },
  { "{\"a\": [1 2]}", "a missing comma between two items of a list",
    "une virgule manquante entre deux éléments d’une liste", "line 1, column 10" },
  { "{\"a\": [1, 2,]}", "a comma before a closing bracket", "une virgule avant un crochet", "line 1, column 13" },
  { "{\"a\": 1,\n}", "a comma before a closing bracket", "supprimez la dernière virgule", "line 2, column 1" },
  { "{\"a\": \"x\\q\"}", "a bad escape in a text", "une séquence d’échappement invalide", "line 1, column" },
  { "{\"a\" 1}", "a missing colon", "un deux-points", "line 1, column 6" },
  { "{a: 1}", "a name without double quotes", "un nom sans guillemets droits", "line 1, column 2" },
  { "{\"a\": 'x'}", "a text in single quotes", "un texte entre apostrophes", "line 1, column 7" },
  { "/* note */ {}", "a comment", "un commentaire", "line 1, column 1" },
  { "{\"a\": tru}", "“true” or “false”", "ni «\u00a0true\u00a0»", "line 1" },
  { "{\"a\": 01}", "a malformed number", "un nombre mal formé", "line 1" },
};

static void
assert_syntax_causes (gboolean french)
{
  for (guint i = 0; i < G_N_ELEMENTS (syntax_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DeclicDraft) draft = declic_draft_new_from_data (syntax_cases[i].json, strlen (syntax_cases[i].json), &error);
      g_autofree char *where = NULL;
      const char *cause = french ? syntax_cases[i].french : syntax_cases[i].english;

      g_assert_null (draft);
      g_assert_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_SYNTAX);
      g_test_message ("%s → %s", syntax_cases[i].json, error->message);
      if (strstr (error->message, cause) == NULL)
        g_error ("%s: “%s” does not say “%s”", syntax_cases[i].json, error->message, cause);
      /* "line 2, column 2" / "ligne 2, colonne 2" */
      if (french)
        {
          g_auto(GStrv) lines = g_strsplit (syntax_cases[i].where, "line", -1);
          g_autofree char *with_line = g_strjoinv ("ligne", lines);
          g_auto(GStrv) parts = g_strsplit (with_line, "column", -1);

          where = g_strjoinv ("colonne", parts);
        }
      else
        where = g_strdup (syntax_cases[i].where);
      if (strstr (error->message, where) == NULL)
        g_error ("%s: “%s” does not say “%s”", syntax_cases[i].json, error->message, where);
      /* None of json-c's English descriptions. */
      g_assert_null (strstr (error->message, "expected"));
      g_assert_null (strstr (error->message, "unexpected character"));
      g_assert_null (strstr (error->message, "invalid string sequence"));
    }
}

/* A value out of range is named in the interface's number form ("-2,5" in French). */
static void
assert_range_message (const char *expected)
{
  static const char json[] = "{\"schema_version\": \"1.0\", \"id\": \"range\", "
                             "\"work_history\": [{\"hours_per_week\": -2.5}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) draft = declic_draft_new_from_data (json, strlen (json), &error);

  g_assert_null (draft);
  g_assert_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_VALUE);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
}

static void
test_syntax_causes_english (void)
{
  assert_syntax_causes (FALSE);
  assert_range_message ("-2.5");
}

static void
test_syntax_causes_french (void)
{
  const char *localedir = g_getenv ("DECLIC_LOCALEDIR");

  if (localedir == NULL)
    {
      g_test_skip ("DECLIC_LOCALEDIR is not set: no French catalogue to read");
      return;
    }
  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "a missing comma between two fields"), ==,
                   "une virgule manquante entre deux champs");
  assert_syntax_causes (TRUE);
  assert_range_message ("-2,5");
  /* Back to untranslated messages for the tests that follow. */
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
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
  g_test_add_func ("/draft-io/save-unreadable", test_save_unreadable);
  g_test_add_func ("/draft-io/save-async/same-bytes", test_save_async_same_bytes);
  g_test_add_func ("/draft-io/save-async/conflict", test_save_async_conflict);
  g_test_add_func ("/draft-io/save-async/unreadable", test_save_async_unreadable);
  g_test_add_func ("/draft-io/save-async/chained", test_save_async_chained);
  g_test_add_func ("/draft-io/kill-while-saving", test_kill_while_saving);
  g_test_add_func ("/draft-io/syntax-causes/english", test_syntax_causes_english);
  g_test_add_func ("/draft-io/syntax-causes/french", test_syntax_causes_french);

  return g_test_run ();
}
