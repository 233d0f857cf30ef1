/* test-secrets.c: upload secrets in a real keyring (gnome-keyring inside a private D-Bus session
 * started by the test, with its files in a temporary home), the "no keyring" error, and
 * `declic upload` taking the password from the keyring. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "declic-secrets.h"
#include "declic-upload-test-utils.h"

#define SERVER   "https://dav.example.org/drafts"
#define USER     "representante"
#define PASSWORD "Keyring-Secret-Pa55"

static char *self_path;

/* Runs in a process whose session bus does not exist. */
static void
test_no_keyring (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      char *secret;

      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/declic-test-bus", TRUE);
      g_unsetenv ("DISPLAY");

      g_assert_false (declic_secrets_store (SERVER, USER, PASSWORD, NULL, &error));
      g_assert_error (error, DECLIC_SECRETS_ERROR, DECLIC_SECRETS_ERROR_NO_KEYRING);
      g_assert_null (strstr (error->message, PASSWORD));
      g_clear_error (&error);

      secret = declic_secrets_lookup (SERVER, USER, NULL, &error);
      g_assert_null (secret);
      g_assert_error (error, DECLIC_SECRETS_ERROR, DECLIC_SECRETS_ERROR_NO_KEYRING);
      g_clear_error (&error);

      g_assert_false (declic_secrets_clear (SERVER, USER, NULL, &error));
      g_assert_error (error, DECLIC_SECRETS_ERROR, DECLIC_SECRETS_ERROR_NO_KEYRING);
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* The part that runs inside `dbus-run-session`, with gnome-keyring unlocked. */
static int
run_keyring_child (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicTestServer) server = NULL;
  const char *bin = g_getenv ("DECLIC_BIN");
  char *secret;

  g_assert_true (declic_secrets_store (SERVER, USER, PASSWORD, NULL, &error));
  g_assert_no_error (error);

  /* The same server with a trailing slash is the same entry. */
  secret = declic_secrets_lookup (SERVER "/", USER, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, PASSWORD);
  declic_secrets_free (secret);

  /* Another user, another server: nothing, and no error. */
  secret = declic_secrets_lookup (SERVER, "someone-else", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (secret);
  secret = declic_secrets_lookup ("https://other.example.org", USER, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (secret);

  /* A token is stored under an empty user name. */
  g_assert_true (declic_secrets_store (SERVER, NULL, "a-token", NULL, &error));
  secret = declic_secrets_lookup (SERVER, "", NULL, &error);
  g_assert_cmpstr (secret, ==, "a-token");
  declic_secrets_free (secret);

  /* `declic upload` finds the password in the keyring when only the user name is given. */
  server = declic_test_server_start_lighttpd (USER, PASSWORD);
  if (server != NULL && bin != NULL && g_file_test (bin, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_autofree char *workspace = declic_test_make_workspace ();
      g_autofree char *path = declic_test_write_draft (workspace, "Client Trousseau", NULL);
      g_autoptr(DeclicTestSnapshot) snapshot = declic_test_snapshot_new (path);
      g_auto(GStrv) envp = g_get_environ ();
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      const char *argv[] = { bin, "upload", path, NULL };
      int status;

      g_assert_true (declic_secrets_store (declic_test_server_get_url (server), USER, PASSWORD, NULL, &error));
      envp = g_environ_setenv (envp, "DECLIC_SERVER", declic_test_server_get_url (server), TRUE);
      envp = g_environ_setenv (envp, "DECLIC_USER", USER, TRUE);
      envp = g_environ_unsetenv (envp, "DECLIC_PASSWORD");
      envp = g_environ_unsetenv (envp, "DECLIC_TOKEN");
      g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL,
                    &out, &err, &status, &error);
      g_assert_no_error (error);
      g_printerr ("declic upload: %s%s", out, err);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      g_assert_nonnull (strstr (out, "uploaded to"));
      g_assert_null (strstr (out, PASSWORD));
      declic_test_snapshot_assert_unchanged (snapshot);
      declic_test_remove_tree (workspace);
    }
  else
    g_printerr ("Skipped `declic upload` with the keyring: no lighttpd or no DECLIC_BIN\n");

  g_assert_true (declic_secrets_clear (SERVER, USER, NULL, &error));
  g_assert_no_error (error);
  secret = declic_secrets_lookup (SERVER, USER, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (secret);
  /* Clearing what is not there is fine. */
  g_assert_true (declic_secrets_clear (SERVER, USER, NULL, &error));
  g_assert_no_error (error);

  return 0;
}

static void
test_keyring (void)
{
  g_autofree char *dbus_run_session = g_find_program_in_path ("dbus-run-session");
  g_autofree char *keyring_daemon = g_find_program_in_path ("gnome-keyring-daemon");
  g_autofree char *home = NULL;
  g_autofree char *runtime = NULL;
  g_autofree char *script = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  if (dbus_run_session == NULL || keyring_daemon == NULL)
    {
      g_test_skip ("dbus-run-session (dbus-daemon) or gnome-keyring-daemon (gnome-keyring) is not installed");
      return;
    }

  /* The keyring's files go to a temporary home, never the user's. */
  home = declic_test_make_workspace ();
  runtime = g_build_filename (home, "run", NULL);
  g_assert_cmpint (g_mkdir_with_parents (runtime, 0700), ==, 0);
  envp = g_environ_setenv (envp, "HOME", home, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", home, TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", home, TRUE);
  envp = g_environ_setenv (envp, "XDG_RUNTIME_DIR", runtime, TRUE);
  envp = g_environ_unsetenv (envp, "DISPLAY");

  /* A non-empty password unlocks (creates) the login keyring without a prompt. The daemon goes
   * away with the session bus. */
  script = g_strdup_printf ("printf 'test-keyring-password' | '%s' --unlock --components=secrets >/dev/null && exec '%s' --keyring-child",
                            keyring_daemon, self_path);
  {
    const char *argv[] = { dbus_run_session, "--", "sh", "-c", script, NULL };
    g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL,
                  &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  g_assert_null (strstr (out, PASSWORD));
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  declic_test_remove_tree (home);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");

  if (argc == 2 && g_str_equal (argv[1], "--keyring-child"))
    return run_keyring_child ();

  self_path = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/secrets/no-keyring", test_no_keyring);
  g_test_add_func ("/secrets/keyring", test_keyring);

  return g_test_run ();
}
