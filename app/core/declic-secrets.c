/* declic-secrets.c: upload secrets in the keyring through libsecret, never in a file. */
#define G_LOG_DOMAIN "declic-secrets"

#include "config.h"

#include <libsecret/secret.h>
#include <string.h>

#include "declic-i18n.h"
#include "declic-secrets.h"

G_DEFINE_QUARK (declic-secrets-error-quark, declic_secrets_error)

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    DECLIC_SECRETS_SCHEMA_NAME, SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/* "https://h/x/" and "https://h/x" are the same server: key them alike. */
static char *
normalize_server (const char *server_url)
{
  char *server = g_strdup (server_url);
  gsize len = strlen (server);

  while (len > 0 && server[len - 1] == '/')
    server[--len] = '\0';
  return server;
}

/* The attributes that key the entry of @user on @server_url: one place, so that store, lookup
 * and clear always name the same entry. NULL, after libsecret's critical, when a value is not
 * UTF-8, as its varargs calls do. */
static GHashTable *
build_attributes (const char *server_url,
                  const char *user)
{
  g_autofree char *server = normalize_server (server_url);

  return secret_attributes_build (get_schema (),
                                  "server", server,
                                  "user", user != NULL ? user : "",
                                  NULL);
}

/* Whatever libsecret reports (no session bus, no Secret Service, no default collection, a
 * keyring that cannot be unlocked without a prompt), the caller can only do one thing: ask the
 * person for the secret. Say that, and keep libsecret's reason for the curious. */
static void
propagate_keyring_error (GTask  *task,
                         GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }

  g_debug ("Keyring unavailable: %s", error->message);
  g_task_return_new_error (task, DECLIC_SECRETS_ERROR, DECLIC_SECRETS_ERROR_NO_KEYRING,
                           _("No keyring is available to keep the password (%s). Déclic will ask for it each time."),
                           error->message);
  g_error_free (error);
}

static void
on_store_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    propagate_keyring_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
declic_secrets_store_async (const char          *server_url,
                            const char          *user,
                            const char          *secret,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (server_url != NULL);
  g_return_if_fail (secret != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, declic_secrets_store_async);

  attributes = build_attributes (server_url, user);
  if (attributes == NULL)
    return;
  /* Translators: the name of the keyring entry, shown in Passwords and Keys. */
  label = g_strdup_printf (_("Déclic upload password for %s"),
                           (const char *) g_hash_table_lookup (attributes, "server"));
  secret_password_storev (get_schema (), attributes, SECRET_COLLECTION_DEFAULT, label, secret,
                          cancellable, on_store_done, g_steal_pointer (&task));
}

gboolean
declic_secrets_store_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_lookup_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret;

  secret = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    propagate_keyring_error (task, error);
  else
    g_task_return_pointer (task, secret, (GDestroyNotify) secret_password_free);
}

void
declic_secrets_lookup_async (const char          *server_url,
                             const char          *user,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (server_url != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, declic_secrets_lookup_async);

  attributes = build_attributes (server_url, user);
  if (attributes == NULL)
    return;
  secret_password_lookupv (get_schema (), attributes, cancellable, on_lookup_done,
                           g_steal_pointer (&task));
}

char *
declic_secrets_lookup_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_clear_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error means there was nothing to clear: fine. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    propagate_keyring_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
declic_secrets_clear_async (const char          *server_url,
                            const char          *user,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (server_url != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, declic_secrets_clear_async);

  attributes = build_attributes (server_url, user);
  if (attributes == NULL)
    return;
  secret_password_clearv (get_schema (), attributes, cancellable, on_clear_done,
                          g_steal_pointer (&task));
}

gboolean
declic_secrets_clear_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The synchronous variants, for the command line: run the async call on a private main context
 * so that they behave exactly like the GUI's path, errors included. */
typedef struct
{
  GMainContext *context;
  GAsyncResult *result;
} SyncWait;

static void
on_sync_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SyncWait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_context_wakeup (wait->context);
}

static void
wait_for_result (SyncWait *wait)
{
  while (wait->result == NULL)
    g_main_context_iteration (wait->context, TRUE);
  g_main_context_pop_thread_default (wait->context);
}

static void
begin_sync (SyncWait *wait)
{
  wait->context = g_main_context_new ();
  wait->result = NULL;
  g_main_context_push_thread_default (wait->context);
}

static void
end_sync (SyncWait *wait)
{
  g_clear_object (&wait->result);
  g_main_context_unref (wait->context);
}

gboolean
declic_secrets_store (const char    *server_url,
                      const char    *user,
                      const char    *secret,
                      GCancellable  *cancellable,
                      GError       **error)
{
  SyncWait wait;
  gboolean ok;

  begin_sync (&wait);
  declic_secrets_store_async (server_url, user, secret, cancellable, on_sync_done, &wait);
  wait_for_result (&wait);
  ok = declic_secrets_store_finish (wait.result, error);
  end_sync (&wait);

  return ok;
}

char *
declic_secrets_lookup (const char    *server_url,
                       const char    *user,
                       GCancellable  *cancellable,
                       GError       **error)
{
  SyncWait wait;
  char *secret;

  begin_sync (&wait);
  declic_secrets_lookup_async (server_url, user, cancellable, on_sync_done, &wait);
  wait_for_result (&wait);
  secret = declic_secrets_lookup_finish (wait.result, error);
  end_sync (&wait);

  return secret;
}

gboolean
declic_secrets_clear (const char    *server_url,
                      const char    *user,
                      GCancellable  *cancellable,
                      GError       **error)
{
  SyncWait wait;
  gboolean ok;

  begin_sync (&wait);
  declic_secrets_clear_async (server_url, user, cancellable, on_sync_done, &wait);
  wait_for_result (&wait);
  ok = declic_secrets_clear_finish (wait.result, error);
  end_sync (&wait);

  return ok;
}

void
declic_secrets_free (char *secret)
{
  if (secret != NULL)
    secret_password_free (secret);
}
