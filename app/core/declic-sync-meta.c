/* declic-sync-meta.c: the local record of a draft's last upload, kept outside the draft. */
#define G_LOG_DOMAIN "declic-sync-meta"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-c/json.h>
#include <string.h>

#include "declic-clock.h"
#include "declic-i18n.h"
#include "declic-sync-meta.h"
#include "declic-safe-name.h"
#include "declic-workspace-files.h"
#include "declic-utils.h"

#define SYNC_DIR       ".declic/sync"
#define FORMAT_VERSION 1
/* A record is a few hundred bytes: anything much larger is not ours. */
#define MAX_FILE_SIZE  (64 * 1024)

struct _DeclicSyncMeta
{
  gatomicrefcount  ref_count;
  char            *server_url;
  char            *remote_path;
  char            *etag;
  GDateTime       *uploaded;
};

G_DEFINE_QUARK (declic-sync-meta-error-quark, declic_sync_meta_error)
G_DEFINE_BOXED_TYPE (DeclicSyncMeta, declic_sync_meta, declic_sync_meta_ref, declic_sync_meta_unref)

/**
 * declic_sync_meta_new:
 * @etag: (nullable): the ETag as the server sent it
 * @uploaded: (nullable): when the upload finished; now when %NULL
 */
DeclicSyncMeta *
declic_sync_meta_new (const char *server_url,
                      const char *remote_path,
                      const char *etag,
                      GDateTime  *uploaded)
{
  DeclicSyncMeta *self;

  g_return_val_if_fail (server_url != NULL, NULL);
  g_return_val_if_fail (remote_path != NULL, NULL);

  self = g_new0 (DeclicSyncMeta, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->server_url = g_strdup (server_url);
  self->remote_path = g_strdup (remote_path);
  self->etag = (etag != NULL && *etag != '\0') ? g_strdup (etag) : NULL;
  self->uploaded = uploaded != NULL ? g_date_time_ref (uploaded) : declic_clock_dup_now ();

  return self;
}

DeclicSyncMeta *
declic_sync_meta_ref (DeclicSyncMeta *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
declic_sync_meta_unref (DeclicSyncMeta *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->server_url);
  g_free (self->remote_path);
  g_free (self->etag);
  g_date_time_unref (self->uploaded);
  g_free (self);
}

const char *
declic_sync_meta_get_server_url (DeclicSyncMeta *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->server_url;
}

const char *
declic_sync_meta_get_remote_path (DeclicSyncMeta *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->remote_path;
}

const char *
declic_sync_meta_get_etag (DeclicSyncMeta *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->etag;
}

GDateTime *
declic_sync_meta_get_uploaded (DeclicSyncMeta *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->uploaded;
}

char *
declic_sync_meta_dup_url (DeclicSyncMeta *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_strconcat (self->server_url, "/", self->remote_path, NULL);
}

gboolean
declic_sync_meta_is_valid_id (const char *id)
{
  return declic_safe_name_is_valid_id (id);
}

char *
declic_sync_meta_get_path (const char *workspace,
                           const char *draft_id)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (workspace != NULL, NULL);
  g_return_val_if_fail (declic_sync_meta_is_valid_id (draft_id), NULL);

  name = g_strconcat (draft_id, ".json", NULL);
  return g_build_filename (workspace, SYNC_DIR, name, NULL);
}

DeclicSyncMeta *
declic_sync_meta_load (const char  *workspace,
                       const char  *draft_id,
                       GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(json_object) root = NULL;
  g_autoptr(GDateTime) uploaded = NULL;
  const char *server_url, *remote_path, *etag, *uploaded_text;
  g_autofree char *relative = NULL;
  gsize length;

  g_return_val_if_fail (workspace != NULL, NULL);
  g_return_val_if_fail (draft_id != NULL, NULL);

  if (!declic_sync_meta_is_valid_id (draft_id))
    {
      g_set_error (error, DECLIC_SYNC_META_ERROR, DECLIC_SYNC_META_ERROR_INVALID,
                   _("The draft identifier “%s” cannot be used as a file name"), draft_id);
      return NULL;
    }

  path = declic_sync_meta_get_path (workspace, draft_id);
  relative = g_strconcat (SYNC_DIR "/", draft_id, ".json", NULL);
  /* Not through a link, never blocking on a pipe or reading a device (declic-workspace-files.h). */
  if (!declic_workspace_files_read (workspace, relative, MAX_FILE_SIZE, &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return NULL;
      g_set_error (error, DECLIC_SYNC_META_ERROR, DECLIC_SYNC_META_ERROR_IO,
                   _("Could not read the upload record %s: %s"), path, local_error->message);
      return NULL;
    }

  root = json_tokener_parse (data);
  server_url = declic_utils_json_get_string (root, "server_url");
  remote_path = declic_utils_json_get_string (root, "remote_path");
  etag = declic_utils_json_get_string (root, "etag");
  uploaded_text = declic_utils_json_get_string (root, "uploaded");
  if (uploaded_text != NULL)
    uploaded = g_date_time_new_from_iso8601 (uploaded_text, NULL);

  if (server_url == NULL || remote_path == NULL || uploaded == NULL)
    {
      g_set_error (error, DECLIC_SYNC_META_ERROR, DECLIC_SYNC_META_ERROR_INVALID,
                   _("The upload record %s is damaged"), path);
      return NULL;
    }

  return declic_sync_meta_new (server_url, remote_path, etag, uploaded);
}

gboolean
declic_sync_meta_save (DeclicSyncMeta  *self,
                       const char      *workspace,
                       const char      *draft_id,
                       GError         **error)
{
  g_autoptr(json_object) root = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *uploaded = NULL;
  g_autofree char *data = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (workspace != NULL, FALSE);

  if (!declic_sync_meta_is_valid_id (draft_id))
    {
      g_set_error (error, DECLIC_SYNC_META_ERROR, DECLIC_SYNC_META_ERROR_INVALID,
                   _("The draft identifier “%s” cannot be used as a file name"), draft_id);
      return FALSE;
    }

  path = declic_sync_meta_get_path (workspace, draft_id);
  relative = g_strconcat (SYNC_DIR "/", draft_id, ".json", NULL);

  uploaded = g_date_time_format_iso8601 (self->uploaded);
  root = json_object_new_object ();
  json_object_object_add (root, "format", json_object_new_int (FORMAT_VERSION));
  json_object_object_add (root, "server_url", json_object_new_string (self->server_url));
  json_object_object_add (root, "remote_path", json_object_new_string (self->remote_path));
  if (self->etag != NULL)
    json_object_object_add (root, "etag", json_object_new_string (self->etag));
  json_object_object_add (root, "uploaded", json_object_new_string (uploaded));

  data = g_strconcat (json_object_to_json_string_ext (root, JSON_C_TO_STRING_PRETTY |
                                                            JSON_C_TO_STRING_NOSLASHESCAPE),
                      "\n", NULL);

  /* The record names the person's server and folder: private, like the drafts (0600 in 0700
   * folders); a link or a pipe in its place is replaced, never followed. */
  if (!declic_workspace_files_write (workspace, relative, data, -1, &local_error))
    {
      g_set_error (error, DECLIC_SYNC_META_ERROR, DECLIC_SYNC_META_ERROR_IO,
                   _("Could not save the upload record %s: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
declic_sync_meta_delete (const char  *workspace,
                         const char  *draft_id,
                         GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (workspace != NULL, FALSE);

  if (!declic_sync_meta_is_valid_id (draft_id))
    return TRUE;

  path = declic_sync_meta_get_path (workspace, draft_id);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved = errno;
      g_set_error (error, DECLIC_SYNC_META_ERROR, DECLIC_SYNC_META_ERROR_IO,
                   _("Could not remove the upload record %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
