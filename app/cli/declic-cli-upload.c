/* declic-cli-upload.c: `declic upload [--server URL] [--overwrite] [--ca-file PATH] PATH...`
 *
 * Uploads draft files, or every draft of workspace folders, with the same conflict rules as the
 * application, and prints one result line per draft. Credentials come from the environment
 * (DECLIC_TOKEN, or DECLIC_USER with DECLIC_PASSWORD), else from the keyring, else from a prompt
 * on the terminal; never from the command line, where other users could read them.
 */
#define G_LOG_DOMAIN "declic-cli"

#include "config.h"

#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "declic-cli.h"
#include "declic-cli-upload.h"
#include "declic-secrets.h"
#include "declic-store.h"
#include "declic-uploader.h"
#include "declic-workspace-lock.h"

#define EXIT_FAILED 1
#define EXIT_USAGE  2

typedef struct
{
  char            *server;
  char            *ca_file;
  DeclicUploadAuth auth;
  char            *username;
  char            *secret;
} Settings;

static void
settings_clear (Settings *settings)
{
  g_free (settings->server);
  g_free (settings->ca_file);
  g_free (settings->username);
  if (settings->secret != NULL)
    {
      memset (settings->secret, 0, strlen (settings->secret));
      g_free (settings->secret);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Settings, settings_clear)

/* The application's settings, when its schema is installed; the command line works without. */
static GSettings *
maybe_get_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "upload-server-url"))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

/* Reads a line from the terminal without echoing it. NULL when there is no terminal. */
static char *
read_secret_from_terminal (const char *prompt)
{
  struct termios saved, quiet;
  GString *line;
  int fd;
  char c;

  /* Only when a person is there to answer: a script's stdin is not a terminal. */
  if (!isatty (STDIN_FILENO))
    return NULL;
  fd = g_open ("/dev/tty", O_RDWR | O_CLOEXEC, 0);
  if (fd < 0)
    return NULL;
  if (tcgetattr (fd, &saved) != 0)
    {
      close (fd);
      return NULL;
    }

  if (write (fd, prompt, strlen (prompt)) < 0)
    g_debug ("Could not write the prompt");
  quiet = saved;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  tcsetattr (fd, TCSAFLUSH, &quiet);

  line = g_string_new (NULL);
  while (read (fd, &c, 1) == 1 && c != '\n')
    g_string_append_c (line, c);

  tcsetattr (fd, TCSAFLUSH, &saved);
  if (write (fd, "\n", 1) < 0)
    g_debug ("Could not end the prompt");
  close (fd);

  return g_string_free (line, FALSE);
}

/* The password or token for @user (empty for a token): keyring first, then the terminal. */
static char *
find_secret (const char  *server,
             const char  *user,
             GError     **error)
{
  g_autoptr(GError) keyring_error = NULL;
  g_autofree char *prompt = NULL;
  char *secret;

  secret = declic_secrets_lookup (server, user, NULL, &keyring_error);
  if (secret != NULL)
    {
      char *copy = g_strdup (secret);
      declic_secrets_free (secret);
      return copy;
    }
  if (keyring_error != NULL)
    g_debug ("%s", keyring_error->message);

  if (*user != '\0')
    /* Translators: a prompt on the terminal; the password is typed after it, not shown. */
    prompt = g_strdup_printf (_("Password for %s on %s: "), user, server);
  else
    prompt = g_strdup_printf (_("Access token for %s: "), server);
  secret = read_secret_from_terminal (prompt);
  if (secret != NULL)
    return secret;

  if (*user != '\0')
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("No password for %s: set DECLIC_PASSWORD, or save the password in the keyring from Déclic’s preferences."),
                 user);
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("No access token: set DECLIC_TOKEN, or save the token in the keyring from Déclic’s preferences."));
  return NULL;
}

static gboolean
load_settings (Settings    *settings,
               const char  *server_option,
               const char  *ca_file_option,
               GError     **error)
{
  g_autoptr(GSettings) gsettings = maybe_get_settings ();
  const char *token = g_getenv ("DECLIC_TOKEN");
  const char *user = g_getenv ("DECLIC_USER");
  const char *password = g_getenv ("DECLIC_PASSWORD");
  g_autofree char *method = NULL;

  if (server_option != NULL && *server_option != '\0')
    settings->server = g_strdup (server_option);
  else if (g_getenv ("DECLIC_SERVER") != NULL && *g_getenv ("DECLIC_SERVER") != '\0')
    settings->server = g_strdup (g_getenv ("DECLIC_SERVER"));
  else if (gsettings != NULL)
    settings->server = g_settings_get_string (gsettings, "upload-server-url");

  if (settings->server == NULL || *settings->server == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("No upload server: use --server or set DECLIC_SERVER."));
      return FALSE;
    }

  if (ca_file_option != NULL && *ca_file_option != '\0')
    settings->ca_file = g_strdup (ca_file_option);
  else if (gsettings != NULL)
    settings->ca_file = g_settings_get_string (gsettings, "upload-ca-file");

  if (token != NULL && *token != '\0')
    {
      settings->auth = DECLIC_UPLOAD_AUTH_BEARER;
      settings->secret = g_strdup (token);
      return TRUE;
    }
  if (user != NULL && *user != '\0')
    {
      settings->auth = DECLIC_UPLOAD_AUTH_BASIC;
      settings->username = g_strdup (user);
      if (password != NULL)
        settings->secret = g_strdup (password);
      else
        settings->secret = find_secret (settings->server, user, error);
      return settings->secret != NULL;
    }

  if (gsettings != NULL)
    method = g_settings_get_string (gsettings, "upload-auth-method");
  if (g_strcmp0 (method, "basic") == 0)
    {
      settings->auth = DECLIC_UPLOAD_AUTH_BASIC;
      settings->username = g_settings_get_string (gsettings, "upload-username");
      settings->secret = find_secret (settings->server, settings->username, error);
      return settings->secret != NULL;
    }
  if (g_strcmp0 (method, "bearer") == 0)
    {
      settings->auth = DECLIC_UPLOAD_AUTH_BEARER;
      settings->secret = find_secret (settings->server, "", error);
      return settings->secret != NULL;
    }

  settings->auth = DECLIC_UPLOAD_AUTH_NONE;
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The drafts of a workspace folder: "*.json" beside it, not backups, hidden files or .declic/. */
static gboolean
list_drafts (const char  *folder,
             GPtrArray   *paths,
             GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  const char *name;

  if (dir == NULL)
    return FALSE;
  declic_cli_warn_open_folder ("declic upload", folder);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!declic_store_is_draft_file_name (name))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
  g_ptr_array_sort (found, compare_strings);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (paths, g_ptr_array_index (found, i));
  return TRUE;
}

static void
print_failure (const char   *display,
               const GError *error)
{
  /* Translators: one result line of `declic upload`: the draft file, then why it failed. */
  g_print (_("%s: not uploaded: %s"), display, error->message);

  if (g_error_matches (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_PRECONDITION_FAILED) ||
      g_error_matches (error, DECLIC_UPLOAD_ERROR, DECLIC_UPLOAD_ERROR_PRECONDITIONS_IGNORED))
    {
      g_print (" ");
      g_print (_("(Use --overwrite to replace the server copy.)"));
    }
  g_print ("\n");
}

static gboolean
upload_one (DeclicUploader    *uploader,
            const char        *path,
            DeclicUploadFlags  flags)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicSyncMeta) meta = NULL;
  g_autofree char *url = NULL;

  meta = declic_uploader_upload (uploader, path, flags, NULL, NULL, NULL, &error);
  if (meta == NULL)
    {
      print_failure (display, error);
      return FALSE;
    }

  url = declic_sync_meta_dup_url (meta);
  /* Translators: one result line of `declic upload`: the draft file, then where it went. */
  g_print (_("%s: uploaded to %s"), display, url);
  g_print ("\n");
  return TRUE;
}

int
declic_cli_upload (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DeclicUploader) uploader = NULL;
  g_auto(Settings) settings = { 0 };
  g_autofree char *server = NULL;
  g_autofree char *ca_file = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GHashTable) locks = NULL;
  g_autoptr(GHashTable) refused = NULL;
  gboolean overwrite = FALSE;
  gboolean all_ok = TRUE;
  int deadline = 0;
  GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server,
      N_("The server folder to upload to (default: $DECLIC_SERVER, then the application’s setting)"), N_("URL") },
    { "overwrite", 0, 0, G_OPTION_ARG_NONE, &overwrite,
      N_("Replace the server copy even when it changed since the last upload, or when the server cannot tell"), NULL },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file,
      N_("A PEM file of the certificate authority to trust for the server"), N_("FILE") },
    { "deadline", 0, 0, G_OPTION_ARG_INT, &deadline,
      N_("The most one draft’s upload may take, in seconds (default: 120)"), N_("SECONDS") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  /* So that --help and errors say "declic upload", not just "upload". */
  g_set_prgname ("declic upload");
  context = g_option_context_new (_("PATH…"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Uploads drafts, or every draft of workspace folders, to your server.\n"
                                  "\n"
                                  "A draft whose server copy changed since your last upload is not replaced\n"
                                  "unless you give --overwrite.\n"
                                  "\n"
                                  "Sign-in: DECLIC_TOKEN for a token, or DECLIC_USER with DECLIC_PASSWORD;\n"
                                  "without DECLIC_PASSWORD, the password saved in the keyring is used."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_USAGE;
    }
  if (files == NULL || files[0] == NULL)
    {
      g_printerr ("%s\n", _("Give at least one draft file or workspace folder to upload."));
      return EXIT_USAGE;
    }
  if (deadline < 0 || deadline > 24 * 60 * 60)
    {
      g_printerr ("%s\n", _("--deadline takes a number of seconds from 1 to 86400."));
      return EXIT_USAGE;
    }

  if (!load_settings (&settings, server, ca_file, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_USAGE;
    }

  uploader = declic_uploader_new (settings.server);
  declic_uploader_set_auth (uploader, settings.auth, settings.username, settings.secret);
  declic_uploader_set_ca_file (uploader, settings.ca_file);
  declic_uploader_set_draft_limits (uploader, (guint) deadline * 1000, 0);
  /* Refuse bad settings once, before any connection, rather than once per draft. */
  if (!declic_uploader_check_settings (uploader, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_USAGE;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *display = g_filename_display_name (files[i]);

      if (g_file_test (files[i], G_FILE_TEST_IS_DIR))
        {
          guint before = paths->len;

          if (!list_drafts (files[i], paths, &error))
            {
              g_print (_("%s: not uploaded: %s"), display, error->message);
              g_print ("\n");
              g_clear_error (&error);
              all_ok = FALSE;
            }
          else if (paths->len == before)
            {
              g_print (_("%s: no drafts in this folder"), display);
              g_print ("\n");
              all_ok = FALSE;
            }
        }
      else
        g_ptr_array_add (paths, g_strdup (files[i]));
    }

  /* An upload writes its record into the draft's workspace (.declic/sync): one writer per
   * workspace, so a workspace another Déclic is writing into (its window open) is left alone,
   * said with the folder's name. Each workspace is locked once, for the whole run. */
  locks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) declic_workspace_lock_release);
  refused = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *workspace = g_path_get_dirname (path);
      g_autofree char *key = realpath (workspace, NULL);
      const char *reason;

      if (key == NULL)
        key = g_strdup (workspace);
      /* No folder, no draft: upload_one says so; no folder made for it. */
      if (!g_file_test (workspace, G_FILE_TEST_IS_DIR))
        ;
      else if (!g_hash_table_contains (locks, key) && !g_hash_table_contains (refused, key))
        {
          g_autoptr(GError) lock_error = NULL;
          DeclicWorkspaceLock *lock = declic_workspace_lock_acquire (workspace, &lock_error);

          if (lock != NULL)
            g_hash_table_insert (locks, g_strdup (key), lock);
          else
            g_hash_table_insert (refused, g_strdup (key), g_strdup (lock_error->message));
        }
      reason = g_hash_table_lookup (refused, key);
      if (reason != NULL)
        {
          g_autofree char *display = g_filename_display_name (path);
          g_print (_("%s: not uploaded: %s"), display, reason);
          g_print ("\n");
          all_ok = FALSE;
          continue;
        }
      if (!upload_one (uploader, path,
                       overwrite ? DECLIC_UPLOAD_FLAGS_OVERWRITE : DECLIC_UPLOAD_FLAGS_NONE))
        all_ok = FALSE;
    }

  return all_ok ? EXIT_SUCCESS : EXIT_FAILED;
}
