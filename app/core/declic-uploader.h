/* declic-uploader.h: uploading drafts to the person's own server (WebDAV or any server that takes
 * HTTP PUT), without ever overwriting someone else's changes silently.
 *
 * A draft goes to "<server>/<client label>/<draft id>.json" (the label URL-escaped; no folder
 * when the draft has no label), as the exact bytes of its file. The first upload says "only if
 * nothing is there" (If-None-Match: *), later ones "only if it is still what I uploaded"
 * (If-Match with the ETag remembered in declic-sync-meta.h). When the server copy changed, the
 * upload fails with %DECLIC_UPLOAD_ERROR_PRECONDITION_FAILED and the caller offers the choice:
 * keep both (declic_uploader_download(), then save the bytes as a new draft), overwrite
 * (%DECLIC_UPLOAD_FLAGS_OVERWRITE), or cancel.
 *
 * Some servers ignore those conditions (nginx does). Before its first upload, an uploader checks
 * the server with a probe (declic_uploader_probe_preconditions()); on a server that ignores them
 * an upload fails with %DECLIC_UPLOAD_ERROR_PRECONDITIONS_IGNORED until the caller has warned the
 * person and passes %DECLIC_UPLOAD_FLAGS_ALLOW_UNCHECKED.
 *
 * Whatever happens, the local draft file is only read. The network work runs on a worker thread;
 * progress is reported on the main context of the thread that started the operation.
 *
 * Security: TLS peer and host verification are always on; plain http:// is refused before any
 * connection (or name lookup) unless the host is this computer (localhost, 127.0.0.0/8, ::1);
 * redirects are not followed; the password or token never appears in a message or a file.
 */
#pragma once

#include <gio/gio.h>

#include "declic-sync-meta.h"

G_BEGIN_DECLS

#define DECLIC_UPLOAD_ERROR (declic_upload_error_quark ())

/* The HTTP-named codes are the server's answer after retries and folder creation. */
typedef enum
{
  DECLIC_UPLOAD_ERROR_UNAUTHORIZED,        /* 401: wrong user name, password or token */
  DECLIC_UPLOAD_ERROR_FORBIDDEN,           /* 403 */
  DECLIC_UPLOAD_ERROR_NOT_FOUND,           /* 404: no such folder, or nothing to download */
  DECLIC_UPLOAD_ERROR_CONFLICT,            /* 409: the folder could not be made (a file there) */
  DECLIC_UPLOAD_ERROR_PRECONDITION_FAILED, /* 412: the server copy changed since the last
                                            * upload from here: the caller's "conflict" */
  DECLIC_UPLOAD_ERROR_TOO_LARGE,           /* 413, or a download larger than a draft can be */
  DECLIC_UPLOAD_ERROR_TLS,                 /* the server's certificate could not be verified */
  DECLIC_UPLOAD_ERROR_HOST,                /* unknown host name */
  DECLIC_UPLOAD_ERROR_TIMEOUT,
  DECLIC_UPLOAD_ERROR_CANCELLED,
  DECLIC_UPLOAD_ERROR_INSECURE,            /* http:// to another computer: refused, nothing sent */
  DECLIC_UPLOAD_ERROR_SERVER,              /* 5xx after retries, or an unexpected answer */
  DECLIC_UPLOAD_ERROR_NETWORK,             /* connection refused, reset, ... after retries */
  DECLIC_UPLOAD_ERROR_INVALID,             /* bad settings or draft: nothing was sent */
  DECLIC_UPLOAD_ERROR_PRECONDITIONS_IGNORED, /* the server cannot protect against overwriting */
} DeclicUploadError;

typedef enum
{
  DECLIC_UPLOAD_AUTH_NONE,
  DECLIC_UPLOAD_AUTH_BASIC,
  DECLIC_UPLOAD_AUTH_BEARER,
} DeclicUploadAuth;

typedef enum
{
  DECLIC_UPLOAD_FLAGS_NONE            = 0,
  /* The person chose to replace the server copy: its current ETag is fetched (HEAD) and the
   * upload replaces exactly that version. Implies %DECLIC_UPLOAD_FLAGS_ALLOW_UNCHECKED. */
  DECLIC_UPLOAD_FLAGS_OVERWRITE       = 1 << 0,
  /* The person was warned that this server ignores conditional requests and chose to go on. */
  DECLIC_UPLOAD_FLAGS_ALLOW_UNCHECKED = 1 << 1,
} DeclicUploadFlags;

/* Whether the server honours If-Match / If-None-Match, as found by the probe. */
typedef enum
{
  DECLIC_PRECONDITIONS_UNKNOWN,
  DECLIC_PRECONDITIONS_HONOURED,
  DECLIC_PRECONDITIONS_IGNORED,
} DeclicPreconditions;

/* Called with the bytes sent (upload) or received (download) so far; @total is 0 while unknown.
 * @current never goes back, even when a request is sent again. */
typedef void (*DeclicUploadProgressFunc) (goffset  current,
                                          goffset  total,
                                          gpointer user_data);

#define DECLIC_TYPE_UPLOADER (declic_uploader_get_type ())
G_DECLARE_FINAL_TYPE (DeclicUploader, declic_uploader, DECLIC, UPLOADER, GObject)

GQuark          declic_upload_error_quark      (void);

DeclicUploader *declic_uploader_new            (const char        *server_url);

const char     *declic_uploader_get_server_url (DeclicUploader    *self);
void            declic_uploader_set_server_url (DeclicUploader    *self,
                                                const char        *server_url);
DeclicUploadAuth declic_uploader_get_auth      (DeclicUploader    *self);
const char     *declic_uploader_get_username   (DeclicUploader    *self);
/* @secret is the password (basic) or the token (bearer). It is kept in memory only, and wiped
 * when replaced or when the uploader is finalized; there is no getter. */
void            declic_uploader_set_auth       (DeclicUploader    *self,
                                                DeclicUploadAuth   auth,
                                                const char        *username,
                                                const char        *secret);
const char     *declic_uploader_get_ca_file    (DeclicUploader    *self);
void            declic_uploader_set_ca_file    (DeclicUploader    *self,
                                                const char        *ca_file);
/* Milliseconds; 0 keeps the default (connect 15 s, idle 30 s, whole request 5 min). "Idle" is
 * how long a request may go without a byte moving before it is abandoned. */
void            declic_uploader_set_timeouts   (DeclicUploader    *self,
                                                guint              connect_ms,
                                                guint              idle_ms,
                                                guint              total_ms);
/* A total deadline for everything one draft's upload needs, probe, folders and retries included
 * (milliseconds; 0 keeps the default, 2 minutes), and the slowest transfer accepted: under
 * @low_speed_bytes a second over the idle time (0 keeps the default, 256). A server that
 * trickles a byte a second is never idle, and would otherwise keep an upload for minutes. */
void            declic_uploader_set_draft_limits (DeclicUploader  *self,
                                                guint              deadline_ms,
                                                guint              low_speed_bytes);
/* Connection failures and 5xx answers are tried @max_tries times in all (default 3), waiting
 * @first_delay_ms (default 500) then twice as long each time. */
void            declic_uploader_set_retry_policy (DeclicUploader  *self,
                                                guint              max_tries,
                                                guint              first_delay_ms);

/* What the probe found for the current server, so a caller can remember it between runs, and
 * tell the uploader (skipping the probe) with set_preconditions. Reset by a new server address. */
DeclicPreconditions declic_uploader_get_preconditions (DeclicUploader *self);
void            declic_uploader_set_preconditions (DeclicUploader *self,
                                                DeclicPreconditions preconditions);

/* Checks the settings without any network: a usable https:// address (or http:// to this
 * computer), no credentials in the address, a readable CA file, a secret when one is needed.
 * Fails with %DECLIC_UPLOAD_ERROR_INSECURE or %DECLIC_UPLOAD_ERROR_INVALID. */
gboolean        declic_uploader_check_settings (DeclicUploader    *self,
                                                GError           **error);
/* Whether @host is this computer: "localhost", 127.0.0.0/8 or ::1. */
gboolean        declic_uploader_is_loopback_host (const char      *host);

/* Uploads the draft file at @draft_path; its workspace is the folder that holds it. Returns the
 * new upload record (already saved in the workspace). */
void            declic_uploader_upload_async   (DeclicUploader           *self,
                                                const char               *draft_path,
                                                DeclicUploadFlags         flags,
                                                DeclicUploadProgressFunc  progress,
                                                gpointer                  progress_data,
                                                GDestroyNotify            progress_data_free,
                                                GCancellable             *cancellable,
                                                GAsyncReadyCallback       callback,
                                                gpointer                  user_data);
DeclicSyncMeta *declic_uploader_upload_finish  (DeclicUploader           *self,
                                                GAsyncResult             *result,
                                                GError                  **error);
/* Blocking; @progress is called on the calling thread. */
DeclicSyncMeta *declic_uploader_upload         (DeclicUploader           *self,
                                                const char               *draft_path,
                                                DeclicUploadFlags         flags,
                                                DeclicUploadProgressFunc  progress,
                                                gpointer                  progress_data,
                                                GCancellable             *cancellable,
                                                GError                  **error);

/* Fetches the server copy of the draft at @draft_path (its bytes, at most a draft's maximum
 * size), for "keep both": the caller saves it as a new local draft. @etag gets its ETag. */
void            declic_uploader_download_async (DeclicUploader           *self,
                                                const char               *draft_path,
                                                DeclicUploadProgressFunc  progress,
                                                gpointer                  progress_data,
                                                GDestroyNotify            progress_data_free,
                                                GCancellable             *cancellable,
                                                GAsyncReadyCallback       callback,
                                                gpointer                  user_data);
GBytes         *declic_uploader_download_finish (DeclicUploader          *self,
                                                GAsyncResult             *result,
                                                char                    **etag,
                                                GError                  **error);
GBytes         *declic_uploader_download       (DeclicUploader           *self,
                                                const char               *draft_path,
                                                char                    **etag,
                                                GCancellable             *cancellable,
                                                GError                  **error);

/* Asks the server, with a small temporary file "<server>/.declic-probe-<random>" (deleted
 * again), whether it honours conditional requests. Also remembered by the uploader. */
void            declic_uploader_probe_preconditions_async  (DeclicUploader      *self,
                                                GCancellable             *cancellable,
                                                GAsyncReadyCallback       callback,
                                                gpointer                  user_data);
DeclicPreconditions declic_uploader_probe_preconditions_finish (DeclicUploader  *self,
                                                GAsyncResult             *result,
                                                GError                  **error);
DeclicPreconditions declic_uploader_probe_preconditions (DeclicUploader         *self,
                                                GCancellable             *cancellable,
                                                GError                  **error);

G_END_DECLS
