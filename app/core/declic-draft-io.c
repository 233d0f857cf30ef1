/* declic-draft-io.c: the draft file format — reading with every check, writing atomically.
 *
 * A file is refused with an error that names what is wrong and where (line and column for
 * syntax, the field path for types and values). The file itself is never touched on a failed
 * load: callers keep no DeclicDraft for it, so nothing can save over it.
 */
#define G_LOG_DOMAIN "declic-draft-io"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-c/json.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "declic-draft-private.h"
#include "declic-utils.h"

G_DEFINE_QUARK (declic-draft-error-quark, declic_draft_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_tokener, json_tokener_free)

typedef struct
{
  GString *path;     /* "education[1].end_date" */
  GString *pattern;  /* "education[].end_date" */
} Walk;

static const char *
describe_type (DeclicFieldType type)
{
  switch (type)
    {
    case DECLIC_FIELD_OBJECT:
      return _("an object");
    case DECLIC_FIELD_ARRAY:
      return _("a list");
    case DECLIC_FIELD_BOOLEAN:
      return _("true or false");
    case DECLIC_FIELD_INTEGER:
      return _("a whole number");
    case DECLIC_FIELD_NUMBER:
      return _("a number");
    case DECLIC_FIELD_DATE:
      return _("a date (YYYY-MM-DD)");
    case DECLIC_FIELD_DATETIME:
      return _("a date and time (ISO 8601)");
    case DECLIC_FIELD_COUNTRY:
      return _("a two-letter country code");
    case DECLIC_FIELD_ENUM:
    case DECLIC_FIELD_STRING:
    case DECLIC_FIELD_SUBDIVISION:
    case DECLIC_FIELD_NOC:
    case DECLIC_FIELD_EMAIL:
    default:
      return _("text");
    }
}

static const char *
describe_json (json_object *node)
{
  switch (json_object_get_type (node))
    {
    case json_type_null:
      return _("null");
    case json_type_boolean:
      return _("true or false");
    case json_type_double:
    case json_type_int:
      return _("a number");
    case json_type_object:
      return _("an object");
    case json_type_array:
      return _("a list");
    case json_type_string:
    default:
      return _("text");
    }
}

static gboolean
json_matches_type (json_object     *node,
                   DeclicFieldType  type)
{
  switch (type)
    {
    case DECLIC_FIELD_OBJECT:
      return json_object_is_type (node, json_type_object);
    case DECLIC_FIELD_ARRAY:
      return json_object_is_type (node, json_type_array);
    case DECLIC_FIELD_BOOLEAN:
      return json_object_is_type (node, json_type_boolean);
    case DECLIC_FIELD_INTEGER:
      return json_object_is_type (node, json_type_int);
    case DECLIC_FIELD_NUMBER:
      return json_object_is_type (node, json_type_int) || json_object_is_type (node, json_type_double);
    case DECLIC_FIELD_STRING:
    case DECLIC_FIELD_DATE:
    case DECLIC_FIELD_DATETIME:
    case DECLIC_FIELD_ENUM:
    case DECLIC_FIELD_COUNTRY:
    case DECLIC_FIELD_SUBDIVISION:
    case DECLIC_FIELD_NOC:
    case DECLIC_FIELD_EMAIL:
    default:
      return json_object_is_type (node, json_type_string);
    }
}

static gboolean
is_country_code (const char *s)
{
  return strlen (s) == 2 && g_ascii_isupper (s[0]) && g_ascii_isupper (s[1]);
}

/* Checks the value of a field whose JSON type is already right. */
static gboolean
check_value (const DeclicFieldSpec  *spec,
             json_object            *node,
             const char             *path,
             GError                **error)
{
  switch (spec->type)
    {
    case DECLIC_FIELD_DATE:
      if (!declic_utils_parse_date (json_object_get_string (node), NULL))
        {
          g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_VALUE,
                       _("%s: “%s” is not a valid date (expected YYYY-MM-DD)"),
                       path, json_object_get_string (node));
          return FALSE;
        }
      return TRUE;

    case DECLIC_FIELD_DATETIME:
      {
        g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (json_object_get_string (node), NULL);
        if (dt == NULL)
          {
            g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_VALUE,
                         _("%s: “%s” is not a valid date and time (expected ISO 8601 with a time zone)"),
                         path, json_object_get_string (node));
            return FALSE;
          }
        return TRUE;
      }

    case DECLIC_FIELD_COUNTRY:
      if (!is_country_code (json_object_get_string (node)))
        {
          g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_VALUE,
                       _("%s: “%s” is not a country code (expected two capital letters, such as CA)"),
                       path, json_object_get_string (node));
          return FALSE;
        }
      return TRUE;

    case DECLIC_FIELD_ENUM:
      {
        const char *value = json_object_get_string (node);
        g_autoptr(GString) allowed = g_string_new (NULL);

        for (const DeclicChoice *c = spec->choices; c->code != NULL; c++)
          {
            if (g_str_equal (c->code, value))
              return TRUE;
            g_string_append_printf (allowed, "%s%s", allowed->len > 0 ? ", " : "", c->code);
          }
        g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_VALUE,
                     _("%s: “%s” is not one of the allowed values (%s)"),
                     path, value, allowed->str);
        return FALSE;
      }

    case DECLIC_FIELD_INTEGER:
    case DECLIC_FIELD_NUMBER:
      {
        double value = json_object_get_double (node);

        if (value < spec->minimum || value > spec->maximum)
          {
            g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_VALUE,
                         _("%s: %g is out of range (%g to %g)"),
                         path, value, spec->minimum, spec->maximum);
            return FALSE;
          }
        return TRUE;
      }

    case DECLIC_FIELD_OBJECT:
    case DECLIC_FIELD_ARRAY:
    case DECLIC_FIELD_STRING:
    case DECLIC_FIELD_SUBDIVISION:
    case DECLIC_FIELD_NOC:
    case DECLIC_FIELD_EMAIL:
    case DECLIC_FIELD_BOOLEAN:
    default:
      return TRUE;
    }
}

static gboolean check_node (Walk *walk, json_object *node, GError **error);

static gboolean
check_children (Walk         *walk,
                json_object  *node,
                GError      **error)
{
  gsize path_len = walk->path->len;
  gsize pattern_len = walk->pattern->len;

  if (json_object_is_type (node, json_type_object))
    {
      json_object_object_foreach (node, key, child)
        {
          if (path_len > 0)
            {
              g_string_append_c (walk->path, '.');
              g_string_append_c (walk->pattern, '.');
            }
          g_string_append (walk->path, key);
          g_string_append (walk->pattern, key);
          if (!check_node (walk, child, error))
            return FALSE;
          g_string_truncate (walk->path, path_len);
          g_string_truncate (walk->pattern, pattern_len);
        }
    }
  else if (json_object_is_type (node, json_type_array))
    {
      gsize n = json_object_array_length (node);

      for (gsize i = 0; i < n; i++)
        {
          g_string_append_printf (walk->path, "[%" G_GSIZE_FORMAT "]", i);
          g_string_append (walk->pattern, "[]");
          if (!check_node (walk, json_object_array_get_idx (node, i), error))
            return FALSE;
          g_string_truncate (walk->path, path_len);
          g_string_truncate (walk->pattern, pattern_len);
        }
    }

  return TRUE;
}

/* Checks one node against the field table. Unknown fields (from a newer version) are kept as
 * they are and not looked into; null means "not answered" for any known field. */
static gboolean
check_node (Walk         *walk,
            json_object  *node,
            GError      **error)
{
  const DeclicFieldSpec *spec = declic_draft_fields_lookup (walk->pattern->str);

  if (spec == NULL || node == NULL)
    return TRUE;

  if (!json_matches_type (node, spec->type))
    {
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_TYPE,
                   _("%s: expected %s, found %s"),
                   walk->path->str, describe_type (spec->type), describe_json (node));
      return FALSE;
    }

  if (!check_value (spec, node, walk->path->str, error))
    return FALSE;

  return check_children (walk, node, error);
}

/* json-c reads NaN and Infinity, which JSON does not have and no field can hold: refuse them
 * anywhere, unknown fields included, so that every loaded draft saves as valid JSON. */
static gboolean
check_finite (json_object  *node,
              GString      *path,
              GError      **error)
{
  gsize len = path->len;

  if (json_object_is_type (node, json_type_double) && !isfinite (json_object_get_double (node)))
    {
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_VALUE,
                   _("%s: “%s” is not a number JSON allows"),
                   path->len > 0 ? path->str : "/", json_object_to_json_string (node));
      return FALSE;
    }
  if (json_object_is_type (node, json_type_object))
    {
      json_object_object_foreach (node, key, child)
        {
          g_string_append_printf (path, "%s%s", len > 0 ? "." : "", key);
          if (!check_finite (child, path, error))
            return FALSE;
          g_string_truncate (path, len);
        }
    }
  else if (json_object_is_type (node, json_type_array))
    {
      for (gsize i = 0; i < json_object_array_length (node); i++)
        {
          g_string_append_printf (path, "[%" G_GSIZE_FORMAT "]", i);
          if (!check_finite (json_object_array_get_idx (node, i), path, error))
            return FALSE;
          g_string_truncate (path, len);
        }
    }
  return TRUE;
}

static gboolean
check_version (json_object  *root,
               GError      **error)
{
  json_object *version = json_object_object_get (root, "schema_version");
  const char *text;
  guint64 major;
  char *end = NULL;

  if (version == NULL)
    {
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_VERSION,
                   _("This file is not a Déclic draft: it has no “schema_version”"));
      return FALSE;
    }
  text = json_object_is_type (version, json_type_string) ? json_object_get_string (version) : "";
  major = g_ascii_strtoull (text, &end, 10);
  if (end == text || (*end != '.' && *end != '\0') || (*end == '.' && !g_ascii_isdigit (end[1])))
    {
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_VERSION,
                   _("schema_version: “%s” is not a version number such as “1.0”"),
                   json_object_to_json_string_ext (version, JSON_C_TO_STRING_PLAIN));
      return FALSE;
    }
  if (major > DECLIC_DRAFT_SCHEMA_MAJOR)
    {
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_VERSION,
                   _("This draft was written by a newer version of Déclic (file format %s; this version reads %d.x). Update Déclic to open it; the file was left as it is."),
                   text, DECLIC_DRAFT_SCHEMA_MAJOR);
      return FALSE;
    }
  if (major < 1)
    {
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_VERSION,
                   _("schema_version: “%s” is not a version this program knows"), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_draft (json_object  *root,
             GError      **error)
{
  Walk walk;
  gboolean ok;
  const char *id;

  if (!json_object_is_type (root, json_type_object))
    {
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_TYPE,
                   _("This file is not a Déclic draft: it holds %s, not an object"),
                   describe_json (root));
      return FALSE;
    }

  if (!check_version (root, error))
    return FALSE;

  walk.path = g_string_new (NULL);
  ok = check_finite (root, walk.path, error);
  g_string_free (walk.path, TRUE);
  if (!ok)
    return FALSE;

  walk.path = g_string_new (NULL);
  walk.pattern = g_string_new (NULL);
  ok = check_children (&walk, root, error);
  g_string_free (walk.path, TRUE);
  g_string_free (walk.pattern, TRUE);
  if (!ok)
    return FALSE;

  id = json_object_get_string (json_object_object_get (root, "id"));
  if (id == NULL || *id == '\0')
    {
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_VALUE,
                   _("id: the draft has no identifier"));
      return FALSE;
    }

  return TRUE;
}

static void
set_too_large_error (GError  **error,
                     guint64   size)
{
  g_autofree char *actual = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *limit = g_format_size_full (DECLIC_DRAFT_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_TOO_LARGE,
               _("The file is too large for a draft (%s; the limit is %s)"), actual, limit);
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

static json_object *
parse_json (const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(json_tokener) tokener = json_tokener_new_ex (DECLIC_DRAFT_MAX_DEPTH);
  json_object *root;
  enum json_tokener_error jerr;
  gsize end;
  guint line, column;

  json_tokener_set_flags (tokener, JSON_TOKENER_STRICT);
  root = json_tokener_parse_ex (tokener, data, (int) length);
  jerr = json_tokener_get_error (tokener);
  end = json_tokener_get_parse_end (tokener);

  if (jerr == json_tokener_continue)
    {
      declic_utils_offset_to_line_column (data, length, &line, &column);
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_SYNTAX,
                   _("The file ends too early, at line %u, column %u: it was probably cut off"),
                   line, column);
      return NULL;
    }
  if (jerr == json_tokener_error_depth)
    {
      declic_utils_offset_to_line_column (data, end, &line, &column);
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_TOO_DEEP,
                   _("The file nests more than %d levels deep (line %u, column %u): a draft never does"),
                   DECLIC_DRAFT_MAX_DEPTH, line, column);
      return NULL;
    }
  if (jerr != json_tokener_success)
    {
      /* The tokener stops at the offending character. */
      declic_utils_offset_to_line_column (data, end, &line, &column);
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_SYNTAX,
                   _("The file is not valid JSON: %s at line %u, column %u"),
                   json_tokener_error_desc (jerr), line, column);
      return NULL;
    }
  if (root == NULL)
    {
      /* The JSON literal null parses to no object at all. */
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_TYPE,
                   _("This file is not a Déclic draft: it holds %s, not an object"), _("null"));
      return NULL;
    }
  if (!is_blank (data + end, length - end))
    {
      json_object_put (root);
      declic_utils_offset_to_line_column (data, end, &line, &column);
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_SYNTAX,
                   _("The file is not valid JSON: unexpected text after the end of the draft at line %u, column %u"),
                   line, column);
      return NULL;
    }

  return root;
}

/**
 * declic_draft_new_from_data:
 * @data: the bytes of a draft file
 * @length: their length; need not be NUL-terminated
 *
 * Returns: (transfer full) (nullable): the draft, or %NULL with @error saying what is wrong
 */
DeclicDraft *
declic_draft_new_from_data (const char  *data,
                            gsize        length,
                            GError     **error)
{
  const char *bad = NULL;
  g_autofree char *copy = NULL;
  json_object *root;
  guint line, column;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > DECLIC_DRAFT_MAX_FILE_SIZE)
    {
      set_too_large_error (error, length);
      return NULL;
    }
  if (length == 0 || is_blank (data, length))
    {
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_EMPTY,
                   _("The file is empty"));
      return NULL;
    }
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_ENCODING,
                   _("The file starts with a byte order mark (BOM), which JSON does not allow: save it as UTF-8 without a BOM"));
      return NULL;
    }
  if (!g_utf8_validate (data, (gssize) length, &bad))
    {
      declic_utils_offset_to_line_column (data, (gsize) (bad - data), &line, &column);
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_ENCODING,
                   _("The file is not valid UTF-8 text (line %u, column %u)"),
                   line, column);
      return NULL;
    }

  /* json-c reads NUL-terminated text; the caller's buffer may not be. */
  copy = g_strndup (data, length);
  root = parse_json (copy, length, error);
  if (root == NULL)
    return NULL;

  if (!check_draft (root, error))
    {
      json_object_put (root);
      return NULL;
    }

  return declic_draft_new_for_root (root);
}

/**
 * declic_draft_new_from_file:
 *
 * Returns: (transfer full) (nullable): the draft, or %NULL with @error; the file is left as it is
 */
DeclicDraft *
declic_draft_new_from_file (const char  *path,
                            GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  GStatBuf st;
  g_autoptr(GError) local_error = NULL;
  DeclicDraft *draft;

  g_return_val_if_fail (path != NULL, NULL);

  /* Refuse a huge file before reading it into memory. */
  if (g_stat (path, &st) == 0 && st.st_size > DECLIC_DRAFT_MAX_FILE_SIZE)
    {
      set_too_large_error (error, (guint64) st.st_size);
      return NULL;
    }

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_IO,
                   _("Could not read the file: %s"), local_error->message);
      return NULL;
    }

  draft = declic_draft_new_from_data (data, length, error);
  return draft;
}

/**
 * declic_draft_to_data:
 *
 * Returns: (transfer full): the draft as the UTF-8 JSON text of a file, ending with a newline
 */
char *
declic_draft_to_data (DeclicDraft *self,
                      gsize       *length)
{
  const char *json;
  char *data;

  g_return_val_if_fail (DECLIC_IS_DRAFT (self), NULL);

  json = json_object_to_json_string_ext (declic_draft_get_root (self),
                                         JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE);
  data = g_strconcat (json, "\n", NULL);
  if (length != NULL)
    *length = strlen (data);
  return data;
}

/* Keeps the version about to be replaced as "<path>.bak": a hard link, then an atomic rename,
 * so that a crash leaves either the previous backup or the new one. */
static void
keep_backup (const char *path)
{
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autofree char *link_tmp = g_strconcat (path, ".bak.tmp", NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return;

  g_unlink (link_tmp);
  if (link (path, link_tmp) != 0)
    {
      g_autofree char *contents = NULL;
      gsize len;

      /* No hard links on this file system: copy instead. */
      if (!g_file_get_contents (path, &contents, &len, NULL) ||
          !g_file_set_contents_full (link_tmp, contents, (gssize) len,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL))
        {
          g_warning ("Could not keep a backup of %s", path);
          return;
        }
    }
  /* The backup is as private as the draft, whatever mode the old file had. */
  g_chmod (link_tmp, 0600);
  if (g_rename (link_tmp, backup) != 0)
    {
      g_warning ("Could not keep a backup of %s: %s", path, g_strerror (errno));
      g_unlink (link_tmp);
    }
}

/**
 * declic_draft_save_to_file:
 *
 * Writes the draft atomically: a temporary file in the same folder, created with mode 0600,
 * flushed to disk, then renamed over @path. The version it replaces is kept as "@path.bak".
 */
gboolean
declic_draft_save_to_file (DeclicDraft  *self,
                           const char   *path,
                           GError      **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (DECLIC_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = declic_draft_to_data (self, &length);

  keep_backup (path);

  if (!g_file_set_contents_full (path, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_IO,
                   _("Could not save the draft: %s"), local_error->message);
      return FALSE;
    }

  /* A file that existed before keeps its mode through the rename of the new one: be sure. */
  g_chmod (path, 0600);

  if (!declic_utils_fsync_parent (path, &local_error))
    g_debug ("Could not flush the folder of %s: %s", path, local_error->message);

  return TRUE;
}
