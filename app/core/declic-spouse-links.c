/* declic-spouse-links.c: the workspace's spouse links (see the header). */
#define G_LOG_DOMAIN "declic-spouse-links"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-c/json.h>

#include "declic-i18n.h"
#include "declic-safe-name.h"
#include "declic-spouse-links.h"
#include "declic-workspace-files.h"

#define FORMAT_VERSION 1
/* Two ids of at most 128 bytes per link: a workspace of 10,000 drafts stays far below this. */
#define MAX_FILE_SIZE (4 * 1024 * 1024)

G_DEFINE_QUARK (declic-spouse-links-error-quark, declic_spouse_links_error)

struct _DeclicSpouseLinks
{
  char       *workspace;
  char       *path;
  GHashTable *spouses;  /* id → id, both ways */
};

DeclicSpouseLinks *
declic_spouse_links_new (const char *workspace)
{
  DeclicSpouseLinks *self;

  g_return_val_if_fail (workspace != NULL, NULL);

  self = g_new0 (DeclicSpouseLinks, 1);
  self->workspace = g_strdup (workspace);
  self->path = g_build_filename (workspace, DECLIC_SPOUSE_LINKS_FILE, NULL);
  self->spouses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

DeclicSpouseLinks *
declic_spouse_links_copy (DeclicSpouseLinks *self)
{
  DeclicSpouseLinks *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL, NULL);

  copy = declic_spouse_links_new (self->workspace);
  g_hash_table_iter_init (&iter, self->spouses);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->spouses, g_strdup (key), g_strdup (value));
  return copy;
}

void
declic_spouse_links_free (DeclicSpouseLinks *self)
{
  if (self == NULL)
    return;
  g_free (self->workspace);
  g_free (self->path);
  g_hash_table_unref (self->spouses);
  g_free (self);
}

const char *
declic_spouse_links_get_workspace (DeclicSpouseLinks *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->workspace;
}

const char *
declic_spouse_links_get_spouse (DeclicSpouseLinks *self,
                                const char        *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return id != NULL ? g_hash_table_lookup (self->spouses, id) : NULL;
}

guint
declic_spouse_links_get_n_links (DeclicSpouseLinks *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->spouses) / 2;
}

gboolean
declic_spouse_links_link (DeclicSpouseLinks  *self,
                          const char         *id_a,
                          const char         *id_b,
                          GError            **error)
{
  const char *ids[] = { id_a, id_b };

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (!declic_safe_name_is_valid_id (ids[i]))
      {
        g_set_error (error, DECLIC_SPOUSE_LINKS_ERROR, DECLIC_SPOUSE_LINKS_ERROR_INVALID,
                     _("The draft identifier “%s” cannot name a draft of the workspace"), ids[i] != NULL ? ids[i] : "");
        return FALSE;
      }
  if (g_str_equal (id_a, id_b))
    {
      g_set_error (error, DECLIC_SPOUSE_LINKS_ERROR, DECLIC_SPOUSE_LINKS_ERROR_INVALID,
                   _("A draft cannot be linked to itself"));
      return FALSE;
    }
  if (g_strcmp0 (g_hash_table_lookup (self->spouses, id_a), id_b) == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (g_hash_table_contains (self->spouses, ids[i]))
      {
        g_set_error (error, DECLIC_SPOUSE_LINKS_ERROR, DECLIC_SPOUSE_LINKS_ERROR_LINKED,
                     _("The draft “%s” is already linked to another spouse’s draft: unlink it first"), ids[i]);
        return FALSE;
      }
  g_hash_table_insert (self->spouses, g_strdup (id_a), g_strdup (id_b));
  g_hash_table_insert (self->spouses, g_strdup (id_b), g_strdup (id_a));
  return TRUE;
}

char *
declic_spouse_links_unlink (DeclicSpouseLinks *self,
                            const char        *id)
{
  char *spouse;

  g_return_val_if_fail (self != NULL, NULL);

  spouse = id != NULL ? g_strdup (g_hash_table_lookup (self->spouses, id)) : NULL;
  if (spouse == NULL)
    return NULL;
  g_hash_table_remove (self->spouses, id);
  g_hash_table_remove (self->spouses, spouse);
  return spouse;
}

static gboolean
set_damaged (GError     **error,
             const char  *path,
             const char  *why)
{
  g_set_error (error, DECLIC_SPOUSE_LINKS_ERROR, DECLIC_SPOUSE_LINKS_ERROR_INVALID,
               /* Translators: "The spouse links /x/.declic/links.json are refused: it is a symbolic link" */
               _("The spouse links %s are refused: %s"), path, why);
  return FALSE;
}

/* Read as every file of ".declic" is, without following a link (declic-workspace-files.h). */
static char *
read_file (DeclicSpouseLinks  *self,
           gsize              *length,
           gboolean           *absent,
           GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  char *data = NULL;

  *absent = FALSE;
  if (declic_workspace_files_read (self->workspace, DECLIC_SPOUSE_LINKS_FILE, MAX_FILE_SIZE,
                                   &data, length, &local_error))
    return data;
  if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    *absent = TRUE;
  else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_INVAL)
           || g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_FAILED)
           || g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR)
           || g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_LOOP))
    /* A link, a pipe, a device, a folder, too large: the file is refused, not retried. */
    set_damaged (error, self->path, local_error->message);
  else
    g_set_error (error, DECLIC_SPOUSE_LINKS_ERROR, DECLIC_SPOUSE_LINKS_ERROR_IO,
                 _("Could not read the spouse links %s: %s"), self->path, local_error->message);
  return NULL;
}

/**
 * declic_spouse_links_load:
 *
 * Returns: (transfer full) (nullable): the links of @workspace, none when it has no links file;
 *   %NULL with @error when the file is refused or cannot be read
 */
DeclicSpouseLinks *
declic_spouse_links_load (const char  *workspace,
                          GError     **error)
{
  g_autoptr(DeclicSpouseLinks) self = NULL;
  g_autofree char *data = NULL;
  json_tokener *tokener;
  json_object *root, *spouses;
  gsize length = 0;
  gboolean absent;

  g_return_val_if_fail (workspace != NULL, NULL);

  self = declic_spouse_links_new (workspace);
  data = read_file (self, &length, &absent, error);
  if (data == NULL)
    return absent ? g_steal_pointer (&self) : NULL;

  /* The whole text must be one JSON value: trailing bytes are damage, not something to skip. */
  tokener = json_tokener_new ();
  root = json_tokener_parse_ex (tokener, data, (int) length);
  if (root != NULL)
    for (gsize end = json_tokener_get_parse_end (tokener); end < length; end++)
      if (!g_ascii_isspace (data[end]))
        {
          g_clear_pointer (&root, json_object_put);
          break;
        }
  json_tokener_free (tokener);

  if (root == NULL || !json_object_is_type (root, json_type_object))
    {
      json_object_put (root);
      set_damaged (error, self->path, _("it is not valid JSON"));
      return NULL;
    }
  if (!json_object_is_type (json_object_object_get (root, "format"), json_type_int) ||
      json_object_get_int (json_object_object_get (root, "format")) != FORMAT_VERSION ||
      !json_object_object_get_ex (root, "spouses", &spouses) ||
      !json_object_is_type (spouses, json_type_array))
    {
      json_object_put (root);
      set_damaged (error, self->path, _("it is not in the format this version of Déclic writes"));
      return NULL;
    }

  for (gsize i = 0; i < json_object_array_length (spouses); i++)
    {
      json_object *pair = json_object_array_get_idx (spouses, i);
      json_object *a = json_object_is_type (pair, json_type_array) && json_object_array_length (pair) == 2
                         ? json_object_array_get_idx (pair, 0) : NULL;
      json_object *b = a != NULL ? json_object_array_get_idx (pair, 1) : NULL;
      g_autoptr(GError) link_error = NULL;

      if (!json_object_is_type (a, json_type_string) || !json_object_is_type (b, json_type_string) ||
          !declic_spouse_links_link (self, json_object_get_string (a), json_object_get_string (b), &link_error))
        {
          json_object_put (root);
          set_damaged (error, self->path, _("one of its links is not a pair of drafts that can be linked"));
          return NULL;
        }
    }
  json_object_put (root);
  return g_steal_pointer (&self);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * declic_spouse_links_save:
 *
 * Writes the links atomically, private to the user (0600 in a 0700 folder); a ".declic" that is
 * a link or not a folder is refused. With no link left the file still says so (an empty list),
 * so that an undo can write it back.
 */
gboolean
declic_spouse_links_save (DeclicSpouseLinks  *self,
                          GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  json_object *root, *spouses;
  GStatBuf st;

  g_return_val_if_fail (self != NULL, FALSE);

  dir = g_path_get_dirname (self->path);
  if (g_lstat (dir, &st) == 0 && !S_ISDIR (st.st_mode))
    {
      g_set_error (error, DECLIC_SPOUSE_LINKS_ERROR, DECLIC_SPOUSE_LINKS_ERROR_IO,
                   _("Could not save the spouse links: %s is not a folder (a link is never followed)"), dir);
      return FALSE;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, DECLIC_SPOUSE_LINKS_ERROR, DECLIC_SPOUSE_LINKS_ERROR_IO,
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  /* In a stable order, so that the same links always make the same file. */
  {
    GHashTableIter iter;
    gpointer key;

    ids = g_ptr_array_new ();
    g_hash_table_iter_init (&iter, self->spouses);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (ids, key);
  }
  g_ptr_array_sort (ids, compare_strings);
  root = json_object_new_object ();
  spouses = json_object_new_array ();
  json_object_object_add (root, "format", json_object_new_int (FORMAT_VERSION));
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const char *spouse = g_hash_table_lookup (self->spouses, id);
      json_object *pair;

      if (g_strcmp0 (id, spouse) > 0)
        continue;  /* written once, from its smaller id */
      pair = json_object_new_array ();
      json_object_array_add (pair, json_object_new_string (id));
      json_object_array_add (pair, json_object_new_string (spouse));
      json_object_array_add (spouses, pair);
    }
  json_object_object_add (root, "spouses", spouses);
  data = g_strconcat (json_object_to_json_string_ext (root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE),
                      "\n", NULL);
  json_object_put (root);

  if (!g_file_set_contents_full (self->path, data, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, DECLIC_SPOUSE_LINKS_ERROR, DECLIC_SPOUSE_LINKS_ERROR_IO,
                   _("Could not save the spouse links %s: %s"), self->path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
