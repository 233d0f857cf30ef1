/* declic-upload-test-utils.c: real servers on loopback, drafts, and "unchanged" checks. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>

#include "declic-draft.h"
#include "declic-upload-test-utils.h"

struct _DeclicTestServer
{
  GSubprocess *process;
  char        *root;
  char        *url;
  char        *folder;
  char        *ca_file;
  gboolean     exited;
};

/* ------------------------------------------------------------------------------------------ */

static char *
find_program (const char *name)
{
  char *path = g_find_program_in_path (name);
  g_autofree char *sbin = NULL;

  if (path != NULL)
    return path;
  /* /usr/sbin is not on every PATH (a normal user's, say). */
  sbin = g_build_filename ("/usr/sbin", name, NULL);
  if (g_file_test (sbin, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&sbin);
  return NULL;
}

static char *
run_or_die (const char * const *argv,
            const char         *cwd)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (cwd, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

static guint16
pick_free_port (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
on_server_exited (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  gboolean *exited = data;

  *exited = TRUE;
}

/* Waits until something listens on @port, or the server exits. */
static gboolean
wait_for_port (DeclicTestServer *self,
               guint16           port)
{
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GSocketClient) client = g_socket_client_new ();
      g_autoptr(GSocketConnection) connection = NULL;

      connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);
      if (connection != NULL)
        return TRUE;
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (self->exited)
        return FALSE;
      g_usleep (25 * 1000);
    }
  return FALSE;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
write_htpasswd (const char *root,
                const char *user,
                const char *password)
{
  const char *argv[] = { "openssl", "passwd", "-apr1", password, NULL };
  g_autofree char *hash = run_or_die (argv, root);
  g_autofree char *line = g_strdup_printf ("%s:%s\n", user, g_strstrip (hash));
  g_autofree char *path = g_build_filename (root, "htpasswd", NULL);

  write_file (path, line);
}

static DeclicTestServer *
server_new (const char *prefix)
{
  DeclicTestServer *self = g_new0 (DeclicTestServer, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strconcat ("declic-", prefix, "-XXXXXX", NULL);
  g_autofree char *tmp = NULL;

  self->root = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  self->folder = g_build_filename (self->root, "www", "dav", NULL);
  g_assert_cmpint (g_mkdir_with_parents (self->folder, 0700), ==, 0);
  tmp = g_build_filename (self->root, "tmp", NULL);
  g_assert_cmpint (g_mkdir_with_parents (tmp, 0700), ==, 0);
  return self;
}

static gboolean
launch (DeclicTestServer   *self,
        const char * const *argv,
        guint16             port)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autofree char *log = g_build_filename (self->root, "stderr.log", NULL);

  g_subprocess_launcher_set_cwd (launcher, self->root);
  g_subprocess_launcher_set_stderr_file_path (launcher, log);
  self->process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  /* The flag outlives this call: it is in the server, which outlives the process. */
  self->exited = FALSE;
  g_subprocess_wait_async (self->process, NULL, on_server_exited, &self->exited);

  if (wait_for_port (self, port))
    return TRUE;

  /* Most likely someone took the port in between: the caller tries another. */
  g_test_message ("%s did not start on port %u", argv[0], port);
  g_subprocess_force_exit (self->process);
  while (!self->exited)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&self->process);
  return FALSE;
}

DeclicTestServer *
declic_test_server_start_lighttpd (const char *user,
                                   const char *password)
{
  g_autofree char *lighttpd = find_program ("lighttpd");
  g_autofree char *module = NULL;
  DeclicTestServer *self;

  if (lighttpd == NULL)
    return NULL;
  /* mod_webdav is a separate package on Debian (lighttpd-mod-webdav). */
  module = g_build_filename ("/usr/lib/lighttpd", "mod_webdav.so", NULL);
  if (!g_file_test (module, G_FILE_TEST_EXISTS))
    return NULL;

  self = server_new ("lighttpd");
  write_htpasswd (self->root, user, password);

  for (guint attempt = 0; attempt < 5; attempt++)
    {
      guint16 port = pick_free_port ();
      g_autofree char *conf_path = g_build_filename (self->root, "lighttpd.conf", NULL);
      g_autofree char *conf = NULL;
      const char *argv[] = { lighttpd, "-D", "-f", conf_path, NULL };

      conf = g_strdup_printf ("server.modules = ( \"mod_auth\", \"mod_authn_file\", \"mod_webdav\" )\n"
                              "server.document-root = \"%s/www\"\n"
                              "server.bind = \"127.0.0.1\"\n"
                              "server.port = %u\n"
                              "server.errorlog = \"%s/error.log\"\n"
                              "server.upload-dirs = ( \"%s/tmp\" )\n"
                              "mimetype.assign = ( \".json\" => \"application/json\" )\n"
                              "webdav.activate = \"enable\"\n"
                              "webdav.is-readonly = \"disable\"\n"
                              "auth.backend = \"htpasswd\"\n"
                              "auth.backend.htpasswd.userfile = \"%s/htpasswd\"\n"
                              "auth.require = ( \"/\" => ( \"method\" => \"basic\", \"realm\" => \"declic\", \"require\" => \"valid-user\" ) )\n",
                              self->root, port, self->root, self->root, self->root);
      write_file (conf_path, conf);

      if (launch (self, argv, port))
        {
          self->url = g_strdup_printf ("http://127.0.0.1:%u/dav", port);
          return self;
        }
    }

  g_error ("lighttpd would not start; see %s", self->root);
  return NULL;
}

static void
make_certificates (DeclicTestServer *self)
{
  const char *ca[] = { "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                       "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                       "-subj", "/CN=Declic Test CA",
                       "-addext", "basicConstraints=critical,CA:TRUE",
                       "-addext", "keyUsage=critical,keyCertSign,cRLSign", NULL };
  const char *request[] = { "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                            "-nodes", "-keyout", "server.key", "-out", "server.csr",
                            "-subj", "/CN=localhost", NULL };
  const char *sign[] = { "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                         "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "server.ext", NULL };
  g_autofree char *ext = g_build_filename (self->root, "server.ext", NULL);

  write_file (ext, "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                   "basicConstraints=CA:FALSE\n"
                   "keyUsage=critical,digitalSignature\n"
                   "extendedKeyUsage=serverAuth\n");
  g_free (run_or_die (ca, self->root));
  g_free (run_or_die (request, self->root));
  g_free (run_or_die (sign, self->root));
  self->ca_file = g_build_filename (self->root, "ca.pem", NULL);
}

DeclicTestServer *
declic_test_server_start_nginx (const char *user,
                                const char *password)
{
  g_autofree char *nginx = find_program ("nginx");
  DeclicTestServer *self;

  if (nginx == NULL)
    return NULL;

  self = server_new ("nginx");
  write_htpasswd (self->root, user, password);
  {
    g_autofree char *strict = g_build_filename (self->root, "www", "strict", NULL);
    g_assert_cmpint (g_mkdir_with_parents (strict, 0700), ==, 0);
  }
  make_certificates (self);

  for (guint attempt = 0; attempt < 5; attempt++)
    {
      guint16 port = pick_free_port ();
      g_autofree char *conf_path = g_build_filename (self->root, "nginx.conf", NULL);
      g_autofree char *error_log = g_build_filename (self->root, "error.log", NULL);
      g_autofree char *prefix = g_strconcat (self->root, "/", NULL);
      g_autofree char *conf = NULL;
      /* -e: even the first lines go to our log, not to /var/log/nginx. */
      const char *argv[] = { nginx, "-p", prefix, "-c", conf_path, "-e", error_log, NULL };

      /* No master process: then nginx does not switch to another user (when run as root),
       * and the single process writes to our folder. */
      conf = g_strdup_printf ("daemon off;\n"
                              "master_process off;\n"
                              "worker_processes 1;\n"
                              "error_log %s/error.log;\n"
                              "pid %s/nginx.pid;\n"
                              "events { worker_connections 64; }\n"
                              "http {\n"
                              "  access_log off;\n"
                              "  client_body_temp_path %s/tmp/body;\n"
                              "  proxy_temp_path %s/tmp/proxy;\n"
                              "  fastcgi_temp_path %s/tmp/fastcgi;\n"
                              "  uwsgi_temp_path %s/tmp/uwsgi;\n"
                              "  scgi_temp_path %s/tmp/scgi;\n"
                              "  server {\n"
                              "    listen 127.0.0.1:%u ssl;\n"
                              /* Also loopback, but not a name on the certificate. */
                              "    listen 127.0.0.2:%u ssl;\n"
                              "    server_name localhost;\n"
                              "    ssl_certificate %s/server.pem;\n"
                              "    ssl_certificate_key %s/server.key;\n"
                              "    root %s/www;\n"
                              "    location / {\n"
                              "      dav_methods PUT DELETE MKCOL;\n"
                              "      create_full_put_path on;\n"
                              "      auth_basic \"declic\";\n"
                              "      auth_basic_user_file %s/htpasswd;\n"
                              "    }\n"
                              /* nginx's default: a PUT into a missing folder fails (500). */
                              "    location /strict/ {\n"
                              "      dav_methods PUT DELETE MKCOL;\n"
                              "      auth_basic \"declic\";\n"
                              "      auth_basic_user_file %s/htpasswd;\n"
                              "    }\n"
                              "  }\n"
                              "}\n",
                              self->root, self->root, self->root, self->root, self->root, self->root,
                              self->root, port, port, self->root, self->root, self->root, self->root,
                              self->root);
      write_file (conf_path, conf);

      if (launch (self, argv, port))
        {
          self->url = g_strdup_printf ("https://127.0.0.1:%u/dav", port);
          return self;
        }
    }

  g_error ("nginx would not start; see %s", self->root);
  return NULL;
}

void
declic_test_server_stop (DeclicTestServer *self)
{
  if (self == NULL)
    return;

  if (self->process != NULL)
    {
      g_subprocess_send_signal (self->process, SIGTERM);
      while (!self->exited)
        g_main_context_iteration (NULL, TRUE);
      g_object_unref (self->process);
    }
  declic_test_remove_tree (self->root);
  g_free (self->root);
  g_free (self->url);
  g_free (self->folder);
  g_free (self->ca_file);
  g_free (self);
}

const char *
declic_test_server_get_url (DeclicTestServer *self)
{
  return self->url;
}

const char *
declic_test_server_get_folder (DeclicTestServer *self)
{
  return self->folder;
}

const char *
declic_test_server_get_ca_file (DeclicTestServer *self)
{
  return self->ca_file;
}

char *
declic_test_server_build_path (DeclicTestServer *self,
                               const char       *remote_path)
{
  g_autofree char *unescaped = g_uri_unescape_string (remote_path, NULL);

  return g_build_filename (self->folder, unescaped, NULL);
}

void
declic_test_server_assert_has_copy (DeclicTestServer *self,
                                    DeclicSyncMeta   *meta,
                                    const char       *local_path)
{
  g_autofree char *remote = declic_test_server_build_path (self, declic_sync_meta_get_remote_path (meta));
  g_autofree char *remote_contents = declic_test_read_file (remote);
  g_autofree char *local_contents = declic_test_read_file (local_path);

  g_assert_nonnull (remote_contents);
  g_assert_cmpstr (remote_contents, ==, local_contents);
}

/* ------------------------------------------------------------------------------------------ */

char *
declic_test_write_draft (const char  *workspace,
                         const char  *label,
                         char       **id)
{
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  char *path;

  if (label != NULL)
    declic_draft_set_string (draft, "client_label", label);
  declic_draft_set_string (draft, "personal.given_names", "Marie-Ève");
  declic_draft_set_string (draft, "personal.family_names", "Tremblay");

  name = g_strconcat (declic_draft_get_id (draft), ".json", NULL);
  path = g_build_filename (workspace, name, NULL);
  declic_draft_save_to_file (draft, path, &error);
  g_assert_no_error (error);

  if (id != NULL)
    *id = g_strdup (declic_draft_get_id (draft));
  return path;
}

void
declic_test_edit_draft (const char *path,
                        const char *given_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) draft = declic_draft_new_from_file (path, &error);

  g_assert_no_error (error);
  declic_draft_set_string (draft, "personal.given_names", given_name);
  declic_draft_save_to_file (draft, path, &error);
  g_assert_no_error (error);
}

struct _DeclicTestSnapshot
{
  char            *path;
  char            *contents;
  gsize            length;
  struct timespec  mtime;
  ino_t            inode;
};

DeclicTestSnapshot *
declic_test_snapshot_new (const char *path)
{
  DeclicTestSnapshot *self = g_new0 (DeclicTestSnapshot, 1);
  g_autoptr(GError) error = NULL;
  struct stat st;

  self->path = g_strdup (path);
  g_file_get_contents (path, &self->contents, &self->length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stat (path, &st), ==, 0);
  self->mtime = st.st_mtim;
  self->inode = st.st_ino;
  return self;
}

void
declic_test_snapshot_assert_unchanged (DeclicTestSnapshot *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  struct stat st;

  g_file_get_contents (self->path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, self->contents, self->length);
  g_assert_cmpint (stat (self->path, &st), ==, 0);
  g_assert_cmpint (st.st_mtim.tv_sec, ==, self->mtime.tv_sec);
  g_assert_cmpint (st.st_mtim.tv_nsec, ==, self->mtime.tv_nsec);
  /* Not even replaced by an identical copy. */
  g_assert_cmpuint (st.st_ino, ==, self->inode);
}

void
declic_test_snapshot_free (DeclicTestSnapshot *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_free (self->contents);
  g_free (self);
}

char *
declic_test_read_file (const char *path)
{
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

static gboolean
on_wait_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
declic_test_wait_for (gboolean *flag,
                      guint     timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, on_wait_timeout, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return *flag;
}
