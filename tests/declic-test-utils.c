/* declic-test-utils.c: private temporary folders for the tests, and their French. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "declic-draft.h"
#include "declic-store.h"
#include "declic-test-utils.h"

char *
declic_test_make_workspace (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("declic-workspace-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

void
declic_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          declic_test_remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

/* "d.json.XXXXXX": what a save of d.json writes before its rename. */
static guint
count_temp_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "d.json.") && strlen (name) == strlen ("d.json.XXXXXX"))
      n++;
  return n;
}

guint
declic_test_kill_while_saving (guint n_kills,
                               guint seed)
{
  g_autofree char *dir = declic_test_make_workspace ();
  g_autofree char *path = g_build_filename (dir, "d.json", NULL);
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autoptr(GString) big_a = g_string_new (NULL);
  g_autoptr(GString) big_b = g_string_new (NULL);
  guint seen_a = 0, seen_b = 0, n_left = 0;
  GRand *rand = g_rand_new_with_seed (seed);

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
      g_autoptr(DeclicStore) store = NULL;
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

      n_left += count_temp_files (dir);
      /* The next load of the workspace removes what the killed save left. */
      store = declic_store_new (dir);
      g_assert_true (declic_store_load (store, NULL, &error));
      g_assert_cmpuint (count_temp_files (dir), ==, 0);

      loaded = declic_store_open_draft (store, path, &error);
      g_assert_no_error (error);
      label = declic_draft_get_client_label (loaded);
      if (g_str_equal (label, big_a->str))
        seen_a++;
      else if (g_str_equal (label, big_b->str))
        seen_b++;
      else
        g_assert_not_reached ();
    }

  g_test_message ("%u kills: %u times the A version, %u times the B version, %u temporary files left before the next load",
                  n_kills, seen_a, seen_b, n_left);
  g_assert_cmpuint (seen_a + seen_b, ==, n_kills);
  g_rand_free (rand);
  declic_test_remove_tree (dir);
  return n_left;
}

void
declic_test_switch_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
}

gboolean
declic_test_speak_french (void)
{
  const char *localedir = g_getenv ("DECLIC_LOCALEDIR");
  g_autofree char *catalog = NULL;

  if (localedir != NULL)
    catalog = g_build_filename (localedir, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (catalog == NULL || !g_file_test (catalog, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("no compiled translations (DECLIC_LOCALEDIR)");
      return FALSE;
    }
  setlocale (LC_ALL, "");
  if (g_str_equal (setlocale (LC_MESSAGES, NULL), "C"))
    {
      g_test_skip ("needs LANG=C.UTF-8 (tests/meson.build sets it)");
      setlocale (LC_ALL, "C");
      return FALSE;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  declic_test_switch_language ("fr");
  return TRUE;
}
