/* declic-sync-meta.h: what Déclic remembers about the last upload of a draft.
 *
 * The draft file itself is never touched by an upload: the local copy must stay byte for byte
 * what the person saved. What the next upload needs (the server copy's ETag, so it can say "only
 * if nobody changed it since") lives next to the workspace, in
 * "<workspace>/.declic/sync/<draft id>.json", written atomically with mode 0600.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DECLIC_SYNC_META_ERROR (declic_sync_meta_error_quark ())

typedef enum
{
  DECLIC_SYNC_META_ERROR_IO,
  DECLIC_SYNC_META_ERROR_INVALID,
} DeclicSyncMetaError;

#define DECLIC_TYPE_SYNC_META (declic_sync_meta_get_type ())

typedef struct _DeclicSyncMeta DeclicSyncMeta;

GQuark          declic_sync_meta_error_quark    (void);
GType           declic_sync_meta_get_type       (void) G_GNUC_CONST;

DeclicSyncMeta *declic_sync_meta_new            (const char      *server_url,
                                                 const char      *remote_path,
                                                 const char      *etag,
                                                 GDateTime       *uploaded);
DeclicSyncMeta *declic_sync_meta_ref            (DeclicSyncMeta  *self);
void            declic_sync_meta_unref          (DeclicSyncMeta  *self);

/* The server address, without a trailing slash: "https://dav.example.org/drafts". */
const char     *declic_sync_meta_get_server_url  (DeclicSyncMeta *self);
/* The path below the server address, URL-escaped: "Famille%20Tremblay/<id>.json". */
const char     *declic_sync_meta_get_remote_path (DeclicSyncMeta *self);
/* The ETag exactly as the server sent it (quotes included), or %NULL when it sent none. */
const char     *declic_sync_meta_get_etag        (DeclicSyncMeta *self);
GDateTime      *declic_sync_meta_get_uploaded    (DeclicSyncMeta *self);
/* The full address of the server copy. */
char           *declic_sync_meta_dup_url         (DeclicSyncMeta *self);

/* Whether @id can name a draft in a URL and a file name (letters, digits, '-', '_', '.'). */
gboolean        declic_sync_meta_is_valid_id     (const char     *id);

char           *declic_sync_meta_get_path        (const char     *workspace,
                                                  const char     *draft_id);
/* Returns %NULL without an error when the draft was never uploaded from this workspace. */
DeclicSyncMeta *declic_sync_meta_load            (const char     *workspace,
                                                  const char     *draft_id,
                                                  GError        **error);
gboolean        declic_sync_meta_save            (DeclicSyncMeta *self,
                                                  const char     *workspace,
                                                  const char     *draft_id,
                                                  GError        **error);
/* For the store, when a draft is deleted for good. Absent metadata is not an error. */
gboolean        declic_sync_meta_delete          (const char     *workspace,
                                                  const char     *draft_id,
                                                  GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeclicSyncMeta, declic_sync_meta_unref)

G_END_DECLS
