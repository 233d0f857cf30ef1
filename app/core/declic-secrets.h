/* declic-secrets.h: the upload password or token, kept in the person's keyring.
 *
 * Secrets go to the Secret Service (GNOME Keyring, KWallet) through libsecret, under the schema
 * "ca.declic.Declic.Upload" with the attributes "server" (the server address) and "user" (the
 * user name; empty for a token). They are never written to a file. Without a keyring, every
 * call fails with %DECLIC_SECRETS_ERROR_NO_KEYRING and the caller asks the person each time.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DECLIC_SECRETS_ERROR (declic_secrets_error_quark ())

typedef enum
{
  DECLIC_SECRETS_ERROR_NO_KEYRING,
} DeclicSecretsError;

#define DECLIC_SECRETS_SCHEMA_NAME "ca.declic.Declic.Upload"

GQuark    declic_secrets_error_quark  (void);

void      declic_secrets_store_async  (const char           *server_url,
                                       const char           *user,
                                       const char           *secret,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean  declic_secrets_store_finish (GAsyncResult         *result,
                                       GError              **error);
gboolean  declic_secrets_store        (const char           *server_url,
                                       const char           *user,
                                       const char           *secret,
                                       GCancellable         *cancellable,
                                       GError              **error);

/* The lookups return %NULL without an error when nothing is stored for that server and user.
 * Free what they return with declic_secrets_free(), which wipes it first. */
void      declic_secrets_lookup_async (const char           *server_url,
                                       const char           *user,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
char     *declic_secrets_lookup_finish (GAsyncResult        *result,
                                       GError              **error);
char     *declic_secrets_lookup       (const char           *server_url,
                                       const char           *user,
                                       GCancellable         *cancellable,
                                       GError              **error);

/* Forgetting a secret that was never stored is not an error. */
void      declic_secrets_clear_async  (const char           *server_url,
                                       const char           *user,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean  declic_secrets_clear_finish (GAsyncResult         *result,
                                       GError              **error);
gboolean  declic_secrets_clear        (const char           *server_url,
                                       const char           *user,
                                       GCancellable         *cancellable,
                                       GError              **error);

void      declic_secrets_free         (char                 *secret);

G_END_DECLS
