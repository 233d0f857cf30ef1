/* declic-entry-progress.c: the entry companion's ticks (see the header). */
#define G_LOG_DOMAIN "declic-entry-progress"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-c/json.h>

#include "declic-entry-progress.h"
#include "declic-i18n.h"
#include "declic-safe-name.h"
#include "declic-workspace-files.h"

#define ENTRY_DIR ".declic/entry"
#define FORMAT_VERSION 1
/* A tick file holds one short line per value of one draft: far below this. */
#define MAX_FILE_SIZE (4 * 1024 * 1024)

G_DEFINE_QUARK (declic-entry-progress-error-quark, declic_entry_progress_error)

struct _DeclicEntryProgress
{
  char       *workspace;
  char       *relative;  /* ".declic/entry/ID.json" */
  char       *path;
  GHashTable *entered;  /* path → fingerprint of the value when ticked */
};

static DeclicEntryProgress *
progress_new (const char *workspace,
              const char *relative)
{
  DeclicEntryProgress *self = g_new0 (DeclicEntryProgress, 1);

  self->workspace = g_strdup (workspace);
  self->relative = g_strdup (relative);
  self->path = g_build_filename (workspace, relative, NULL);
  self->entered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

/* A snapshot, for saving in another thread while the user goes on ticking. */
DeclicEntryProgress *
declic_entry_progress_copy (DeclicEntryProgress *self)
{
  DeclicEntryProgress *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL, NULL);

  copy = progress_new (self->workspace, self->relative);
  g_hash_table_iter_init (&iter, self->entered);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->entered, g_strdup (key), g_strdup (value));
  return copy;
}

void
declic_entry_progress_free (DeclicEntryProgress *self)
{
  if (self == NULL)
    return;
  g_free (self->workspace);
  g_free (self->relative);
  g_free (self->path);
  g_hash_table_unref (self->entered);
  g_free (self);
}

static char *
dup_relative (const char *draft_id)
{
  return g_strconcat (ENTRY_DIR "/", draft_id, ".json", NULL);
}

/**
 * declic_entry_progress_new:
 *
 * Returns: (transfer full) (nullable): no ticks for @draft_id, without reading anything;
 *   %NULL when the id cannot name a file
 */
DeclicEntryProgress *
declic_entry_progress_new (const char *workspace,
                           const char *draft_id)
{
  g_return_val_if_fail (workspace != NULL, NULL);

  if (draft_id == NULL || !declic_safe_name_is_valid_id (draft_id))
    return NULL;
  {
    g_autofree char *relative = dup_relative (draft_id);
    return progress_new (workspace, relative);
  }
}

/**
 * declic_entry_progress_load:
 *
 * Returns: (transfer full) (nullable): the ticks of @draft_id in @workspace, none when there is
 *   no file yet; %NULL with @error when the id cannot name a file or the file cannot be read
 */
DeclicEntryProgress *
declic_entry_progress_load (const char  *workspace,
                            const char  *draft_id,
                            GError     **error)
{
  g_autoptr(DeclicEntryProgress) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  json_object *root, *entered;
  gsize length;

  g_return_val_if_fail (workspace != NULL, NULL);

  if (draft_id == NULL || !declic_safe_name_is_valid_id (draft_id))
    {
      g_set_error (error, DECLIC_ENTRY_PROGRESS_ERROR, DECLIC_ENTRY_PROGRESS_ERROR_INVALID,
                   _("The draft identifier “%s” cannot be used as a file name"), draft_id != NULL ? draft_id : "");
      return NULL;
    }
  {
    g_autofree char *relative = dup_relative (draft_id);
    self = progress_new (workspace, relative);
  }

  /* Not through a link, never blocking on a pipe (declic-workspace-files.h). */
  if (!declic_workspace_files_read (self->workspace, self->relative, MAX_FILE_SIZE, &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&self);
      g_set_error (error, DECLIC_ENTRY_PROGRESS_ERROR, DECLIC_ENTRY_PROGRESS_ERROR_IO,
                   _("Could not read the entry progress %s: %s"), self->path, local_error->message);
      return NULL;
    }

  root = length <= MAX_FILE_SIZE ? json_tokener_parse (data) : NULL;
  if (root == NULL || !json_object_object_get_ex (root, "entered", &entered) ||
      !json_object_is_type (entered, json_type_object))
    {
      json_object_put (root);
      g_set_error (error, DECLIC_ENTRY_PROGRESS_ERROR, DECLIC_ENTRY_PROGRESS_ERROR_INVALID,
                   _("The entry progress %s is damaged"), self->path);
      return NULL;
    }
  {
    json_object_object_foreach (entered, key, value)
      if (json_object_is_type (value, json_type_string))
        g_hash_table_insert (self->entered, g_strdup (key), g_strdup (json_object_get_string (value)));
  }
  json_object_put (root);
  return g_steal_pointer (&self);
}

/**
 * declic_entry_progress_save:
 *
 * Writes the ticks atomically, private to the user (0600 in a 0700 folder).
 */
gboolean
declic_entry_progress_save (DeclicEntryProgress  *self,
                            GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  json_object *root, *entered;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL, FALSE);

  root = json_object_new_object ();
  entered = json_object_new_object ();
  json_object_object_add (root, "format", json_object_new_int (FORMAT_VERSION));
  g_hash_table_iter_init (&iter, self->entered);
  while (g_hash_table_iter_next (&iter, &key, &value))
    json_object_object_add (entered, key, json_object_new_string (value));
  json_object_object_add (root, "entered", entered);
  data = g_strconcat (json_object_to_json_string_ext (root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE),
                      "\n", NULL);
  json_object_put (root);

  if (!declic_workspace_files_write (self->workspace, self->relative, data, -1, &local_error))
    {
      g_set_error (error, DECLIC_ENTRY_PROGRESS_ERROR, DECLIC_ENTRY_PROGRESS_ERROR_IO,
                   _("Could not save the entry progress %s: %s"), self->path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

DeclicEntryState
declic_entry_progress_get_state (DeclicEntryProgress    *self,
                                 const DeclicDraftValue *value)
{
  const char *fingerprint;

  g_return_val_if_fail (self != NULL && value != NULL, DECLIC_ENTRY_NOT_ENTERED);

  fingerprint = g_hash_table_lookup (self->entered, value->path);
  if (fingerprint == NULL)
    return DECLIC_ENTRY_NOT_ENTERED;
  return g_strcmp0 (fingerprint, value->fingerprint) == 0 ? DECLIC_ENTRY_ENTERED : DECLIC_ENTRY_CHANGED;
}

void
declic_entry_progress_set_entered (DeclicEntryProgress    *self,
                                   const DeclicDraftValue *value,
                                   gboolean                entered)
{
  g_return_if_fail (self != NULL && value != NULL);

  if (entered)
    g_hash_table_insert (self->entered, g_strdup (value->path), g_strdup (value->fingerprint));
  else
    g_hash_table_remove (self->entered, value->path);
}

/**
 * declic_entry_progress_count:
 * @values: (element-type DeclicDraftValue): the draft's values
 * @section: the section to count, %DECLIC_SECTION_NONE for all
 * @n_values: (out) (optional): how many values @section has
 *
 * Returns: how many of them are entered, and unchanged since
 */
guint
declic_entry_progress_count (DeclicEntryProgress *self,
                             GPtrArray           *values,
                             DeclicSection        section,
                             guint               *n_values)
{
  guint n = 0, entered = 0;

  g_return_val_if_fail (self != NULL && values != NULL, 0);

  for (guint i = 0; i < values->len; i++)
    {
      DeclicDraftValue *value = g_ptr_array_index (values, i);

      if (section != DECLIC_SECTION_NONE && value->section != section)
        continue;
      n++;
      if (declic_entry_progress_get_state (self, value) == DECLIC_ENTRY_ENTERED)
        entered++;
    }
  if (n_values != NULL)
    *n_values = n;
  return entered;
}
