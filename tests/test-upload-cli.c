/* test-upload-cli.c: the built `declic upload` against a real lighttpd: exit codes, one result
 * line per draft, the conflict rules and --overwrite, and credentials kept out of its output. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "declic-uploader.h"
#include "declic-upload-test-utils.h"

#define USER     "representant"
#define PASSWORD "Cli-Secret-Pa55word"

static DeclicTestServer *server;

static gboolean
skip_if_unavailable (void)
{
  const char *bin = g_getenv ("DECLIC_BIN");

  if (bin == NULL || !g_file_test (bin, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("DECLIC_BIN does not name the built declic program");
      return TRUE;
    }
  if (server == NULL)
    {
      g_test_skip ("lighttpd or its WebDAV module (lighttpd-mod-webdav) is not installed");
      return TRUE;
    }
  return FALSE;
}

typedef struct
{
  int     status;
  char   *out;
  char   *err;
  char  **lines;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_strfreev (run->lines);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs `declic upload ARGS...` with the environment changed by @env ("NAME=value", or "NAME"
 * alone to remove it). */
static void
run_declic (Run         *run,
            const char **env,
            ...)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int wait_status;

  /* Nothing from the outside may leak in: no keyring, no settings, no server. */
  envp = g_environ_unsetenv (envp, "DECLIC_SERVER");
  envp = g_environ_unsetenv (envp, "DECLIC_TOKEN");
  envp = g_environ_unsetenv (envp, "DECLIC_USER");
  envp = g_environ_unsetenv (envp, "DECLIC_PASSWORD");
  envp = g_environ_setenv (envp, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/declic-test", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      const char *equals = strchr (env[i], '=');
      if (equals == NULL)
        envp = g_environ_unsetenv (envp, env[i]);
      else
        {
          g_autofree char *name = g_strndup (env[i], equals - env[i]);
          envp = g_environ_setenv (envp, name, equals + 1, TRUE);
        }
    }

  g_ptr_array_add (argv, (char *) g_getenv ("DECLIC_BIN"));
  g_ptr_array_add (argv, (char *) "upload");
  va_start (args, env);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* No terminal on stdin: the program must never wait for a typed password here. */
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  run->lines = g_strsplit (g_strchomp (run->out), "\n", -1);
  if (run->out[0] == '\0')
    {
      g_strfreev (run->lines);
      run->lines = g_new0 (char *, 1);
    }
  g_test_message ("exit %d\nstdout:\n%s\nstderr:\n%s", run->status, run->out, run->err);
}

static const char *
find_line (Run        *run,
           const char *path)
{
  for (guint i = 0; run->lines[i] != NULL; i++)
    if (g_str_has_prefix (run->lines[i], path))
      return run->lines[i];
  return NULL;
}

static void
test_workspace_upload (void)
{
  g_autofree char *workspace = NULL;
  g_autofree char *other_workspace = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *other_copy = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *name = NULL;
  g_autofree char *user_env = g_strdup ("DECLIC_USER=" USER);
  g_autofree char *password_env = g_strdup ("DECLIC_PASSWORD=" PASSWORD);
  g_autofree char *server_env = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(DeclicTestSnapshot) first_snapshot = NULL;
  g_autoptr(DeclicTestSnapshot) second_snapshot = NULL;
  g_autoptr(DeclicUploader) colleague = NULL;
  g_autoptr(DeclicSyncMeta) theirs = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;

  if (skip_if_unavailable ())
    return;

  server_env = g_strconcat ("DECLIC_SERVER=", declic_test_server_get_url (server), NULL);
  workspace = declic_test_make_workspace ();
  first = declic_test_write_draft (workspace, "Client Un", NULL);
  second = declic_test_write_draft (workspace, "Client Deux", NULL);
  /* A backup beside it (as saving makes) must not be uploaded. */
  declic_test_edit_draft (second, "Jean");
  backup = g_strconcat (second, ".bak", NULL);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  first_snapshot = declic_test_snapshot_new (first);
  second_snapshot = declic_test_snapshot_new (second);

  {
    g_auto(Run) run = { 0 };
    const char *env[] = { server_env, user_env, password_env, NULL };

    run_declic (&run, env, "--deadline", "30", workspace, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpuint (g_strv_length (run.lines), ==, 2);
    line = find_line (&run, first);
    g_assert_nonnull (line);
    g_assert_nonnull (strstr (line, "uploaded to " "http://"));
    g_assert_nonnull (strstr (line, "Client%20Un/"));
    g_assert_nonnull (find_line (&run, second));
    g_assert_null (strstr (run.out, PASSWORD));
    g_assert_null (strstr (run.err, PASSWORD));
  }
  declic_test_snapshot_assert_unchanged (first_snapshot);
  declic_test_snapshot_assert_unchanged (second_snapshot);

  /* A colleague replaces the server copy of the second draft; this person edits it too. */
  other_workspace = declic_test_make_workspace ();
  name = g_path_get_basename (second);
  other_copy = g_build_filename (other_workspace, name, NULL);
  contents = declic_test_read_file (second);
  g_file_set_contents (other_copy, contents, -1, &error);
  g_assert_no_error (error);
  declic_test_edit_draft (other_copy, "Colleague");
  colleague = declic_uploader_new (declic_test_server_get_url (server));
  declic_uploader_set_auth (colleague, DECLIC_UPLOAD_AUTH_BASIC, USER, PASSWORD);
  theirs = declic_uploader_upload (colleague, other_copy, DECLIC_UPLOAD_FLAGS_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  declic_test_edit_draft (second, "Jean-Philippe");
  g_clear_pointer (&second_snapshot, declic_test_snapshot_free);
  second_snapshot = declic_test_snapshot_new (second);

  /* Without --overwrite: the first is updated, the second refused, exit status 1. */
  {
    g_auto(Run) run = { 0 };
    const char *env[] = { user_env, password_env, NULL };
    g_autofree char *remote = NULL;
    g_autofree char *remote_contents = NULL;
    g_autofree char *theirs_contents = declic_test_read_file (other_copy);

    run_declic (&run, env, "--server", declic_test_server_get_url (server), first, second, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpuint (g_strv_length (run.lines), ==, 2);
    g_assert_nonnull (strstr (find_line (&run, first), "uploaded to"));
    line = find_line (&run, second);
    g_assert_nonnull (strstr (line, "not uploaded"));
    g_assert_nonnull (strstr (line, "--overwrite"));

    remote = g_build_filename (declic_test_server_get_folder (server), "Client Deux", name, NULL);
    remote_contents = declic_test_read_file (remote);
    g_assert_cmpstr (remote_contents, ==, theirs_contents);
  }
  declic_test_snapshot_assert_unchanged (first_snapshot);
  declic_test_snapshot_assert_unchanged (second_snapshot);

  /* With --overwrite: replaced. */
  {
    g_auto(Run) run = { 0 };
    const char *env[] = { server_env, user_env, password_env, NULL };
    g_autofree char *remote = g_build_filename (declic_test_server_get_folder (server), "Client Deux", name, NULL);
    g_autofree char *remote_contents = NULL;
    g_autofree char *local_contents = declic_test_read_file (second);

    run_declic (&run, env, "--overwrite", second, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpuint (g_strv_length (run.lines), ==, 1);
    remote_contents = declic_test_read_file (remote);
    g_assert_cmpstr (remote_contents, ==, local_contents);
  }
  declic_test_snapshot_assert_unchanged (second_snapshot);

  declic_test_remove_tree (workspace);
  declic_test_remove_tree (other_workspace);
}

static void
test_wrong_password (void)
{
  g_autofree char *workspace = NULL;
  g_autofree char *path = NULL;
  g_autofree char *server_env = NULL;
  g_autoptr(DeclicTestSnapshot) snapshot = NULL;
  g_auto(Run) run = { 0 };
  const char *wrong = "DECLIC_PASSWORD=Wrong-Pa55-Secret";

  if (skip_if_unavailable ())
    return;

  server_env = g_strconcat ("DECLIC_SERVER=", declic_test_server_get_url (server), NULL);
  workspace = declic_test_make_workspace ();
  path = declic_test_write_draft (workspace, "Client Trois", NULL);
  snapshot = declic_test_snapshot_new (path);

  {
    const char *env[] = { server_env, "DECLIC_USER=" USER, wrong, NULL };
    run_declic (&run, env, path, NULL);
  }
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (g_strv_length (run.lines), ==, 1);
  g_assert_nonnull (strstr (run.lines[0], "HTTP 401"));
  g_assert_null (strstr (run.out, "Wrong-Pa55-Secret"));
  g_assert_null (strstr (run.err, "Wrong-Pa55-Secret"));
  declic_test_snapshot_assert_unchanged (snapshot);
  declic_test_remove_tree (workspace);
}

static void
test_usage_errors (void)
{
  g_autofree char *workspace = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DeclicTestSnapshot) snapshot = NULL;
  gint64 start;

  if (skip_if_unavailable ())
    return;

  workspace = declic_test_make_workspace ();
  path = declic_test_write_draft (workspace, "Client Quatre", NULL);
  snapshot = declic_test_snapshot_new (path);

  /* No server anywhere. */
  {
    g_auto(Run) run = { 0 };
    run_declic (&run, NULL, path, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--server"));
  }

  /* Plain http to another computer: refused at once, before any connection. */
  {
    g_auto(Run) run = { 0 };
    const char *env[] = { "DECLIC_USER=" USER, "DECLIC_PASSWORD=" PASSWORD, NULL };

    start = g_get_monotonic_time ();
    run_declic (&run, env, "--server", "http://example.invalid/dav", path, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "https://"));
    g_assert_null (strstr (run.err, PASSWORD));
    g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  }

  /* A user name but no password, and no keyring: told how to give one, nothing sent. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *server_env = g_strconcat ("DECLIC_SERVER=", declic_test_server_get_url (server), NULL);
    const char *env[] = { server_env, "DECLIC_USER=" USER, NULL };

    run_declic (&run, env, path, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "DECLIC_PASSWORD"));
  }

  /* Nothing to upload. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *server_env = g_strconcat ("DECLIC_SERVER=", declic_test_server_get_url (server), NULL);
    const char *env[] = { server_env, NULL };

    run_declic (&run, env, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }

  /* A deadline that is not a number of seconds (issue 11, defect 11: --deadline). */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *server_env = g_strconcat ("DECLIC_SERVER=", declic_test_server_get_url (server), NULL);
    const char *env[] = { server_env, "DECLIC_USER=" USER, "DECLIC_PASSWORD=" PASSWORD, NULL };

    run_declic (&run, env, "--deadline", "-5", path, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--deadline"));
  }

  /* A file that does not exist: a failed line, exit 1. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *server_env = g_strconcat ("DECLIC_SERVER=", declic_test_server_get_url (server), NULL);
    g_autofree char *missing = g_build_filename (workspace, "missing.json", NULL);
    const char *env[] = { server_env, "DECLIC_USER=" USER, "DECLIC_PASSWORD=" PASSWORD, NULL };

    run_declic (&run, env, missing, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpuint (g_strv_length (run.lines), ==, 1);
    g_assert_nonnull (strstr (run.lines[0], "not uploaded"));
  }

  declic_test_snapshot_assert_unchanged (snapshot);
  declic_test_remove_tree (workspace);
}

/* The result lines are translated (when the build's French catalogue is there). */
static void
test_french (void)
{
  g_autofree char *workspace = NULL;
  g_autofree char *path = NULL;
  g_autofree char *server_env = NULL;
  g_autofree char *catalogue = NULL;
  g_auto(Run) run = { 0 };
  const char *localedir = g_getenv ("DECLIC_LOCALEDIR");

  if (skip_if_unavailable ())
    return;
  catalogue = g_build_filename (localedir != NULL ? localedir : "", "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (catalogue, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("The French catalogue is not built");
      return;
    }

  server_env = g_strconcat ("DECLIC_SERVER=", declic_test_server_get_url (server), NULL);
  workspace = declic_test_make_workspace ();
  path = declic_test_write_draft (workspace, "Client Cinq", NULL);

  {
    const char *env[] = { server_env, "DECLIC_USER=" USER, "DECLIC_PASSWORD=" PASSWORD,
                          "LANG=C.UTF-8", "LANGUAGE=fr", NULL };
    run_declic (&run, env, path, NULL);
  }
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.lines[0], "téléversé"));
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

  g_test_add_func ("/upload/cli/workspace", test_workspace_upload);
  g_test_add_func ("/upload/cli/wrong-password", test_wrong_password);
  g_test_add_func ("/upload/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/upload/cli/french", test_french);

  status = g_test_run ();
  g_clear_pointer (&server, declic_test_server_stop);
  return status;
}
