/* declic-draft-io.c: the draft file format — reading with every check, writing atomically.
 *
 * A file is refused with an error that names what is wrong and where (line and column for
 * syntax, the field path for types and values). The file itself is never touched on a failed
 * load: callers keep no DeclicDraft for it, so nothing can save over it.
 */
#define G_LOG_DOMAIN "declic-draft-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-c/json.h>
#include <math.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "declic-format.h"
#include "declic-clock.h"
#include "declic-draft-private.h"
#include "declic-i18n.h"
#include "declic-safe-name.h"
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
      if (declic_utils_date_year_out_of_range (json_object_get_string (node)))
        {
          g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_VALUE,
                       _("%s: “%s” is not a date Déclic accepts: the year must be between %d and %d"),
                       path, json_object_get_string (node), DECLIC_UTILS_MIN_YEAR, DECLIC_UTILS_MAX_YEAR);
          return FALSE;
        }
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
        g_autoptr(GString) allowed = NULL;

        for (const DeclicChoice *c = spec->choices; c->code != NULL; c++)
          if (g_str_equal (c->code, value))
            return TRUE;
        /* The list of allowed values only for the message: building it on every load cost more
         * than the rest of the walk. */
        allowed = g_string_new (NULL);
        for (const DeclicChoice *c = spec->choices; c->code != NULL; c++)
          g_string_append_printf (allowed, "%s%s", allowed->len > 0 ? ", " : "", c->code);
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
            /* In the interface's form ("37,5" in French); a non-finite value cannot be read. */
            g_autofree char *value_text = isfinite (value) ? declic_format_number (value, 6, NULL) : g_strdup ("?");
            g_autofree char *min_text = declic_format_number (spec->minimum, 6, NULL);
            g_autofree char *max_text = declic_format_number (spec->maximum, 6, NULL);

            g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_VALUE,
                         _("%s: %s is out of range (%s to %s)"),
                         path, value_text, min_text, max_text);
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

/* "[12]": the index of an array item in a path, without printf (drafts are walked on every load
 * and printf dominated the walk). */
static void
append_index (GString *path,
              gsize    i)
{
  char digits[24];
  int n = 0;

  do
    digits[n++] = (char) ('0' + i % 10);
  while ((i /= 10) > 0);
  g_string_append_c (path, '[');
  while (n > 0)
    g_string_append_c (path, digits[--n]);
  g_string_append_c (path, ']');
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
          append_index (walk->path, i);
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
all_finite (json_object *node)
{
  if (json_object_is_type (node, json_type_double))
    return isfinite (json_object_get_double (node));
  if (json_object_is_type (node, json_type_object))
    {
      json_object_object_foreach (node, key, child)
        {
          (void) key;
          if (!all_finite (child))
            return FALSE;
        }
    }
  else if (json_object_is_type (node, json_type_array))
    {
      for (gsize i = 0; i < json_object_array_length (node); i++)
        if (!all_finite (json_object_array_get_idx (node, i)))
          return FALSE;
    }
  return TRUE;
}

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
          if (len > 0)
            g_string_append_c (path, '.');
          g_string_append (path, key);
          if (!check_finite (child, path, error))
            return FALSE;
          g_string_truncate (path, len);
        }
    }
  else if (json_object_is_type (node, json_type_array))
    {
      for (gsize i = 0; i < json_object_array_length (node); i++)
        {
          append_index (path, i);
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
  /* g_ascii_strtoull() takes leading spaces and a sign: "-1.0" would read as a huge major. */
  major = g_ascii_isdigit (text[0]) ? g_ascii_strtoull (text, &end, 10) : 0;
  if (!g_ascii_isdigit (text[0]) || (*end != '.' && *end != '\0') || (*end == '.' && !g_ascii_isdigit (end[1])))
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

/* Whether @node is a string with a NUL before its end. */
static gboolean
has_inner_nul (json_object *node)
{
  return json_object_is_type (node, json_type_string) &&
         (gsize) json_object_get_string_len (node) != strlen (json_object_get_string (node));
}

static gboolean
check_draft (json_object  *root,
             GError      **error)
{
  Walk walk;
  gboolean ok;
  const char *id;
  g_autoptr(GError) local_error = NULL;

  if (!json_object_is_type (root, json_type_object))
    {
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_TYPE,
                   _("This file is not a Déclic draft: it holds %s, not an object"),
                   describe_json (root));
      return FALSE;
    }

  if (!check_version (root, error))
    return FALSE;

  /* The path is built only to name the culprit: nearly every draft has none. */
  if (!all_finite (root))
    {
      walk.path = g_string_new (NULL);
      ok = check_finite (root, walk.path, error);
      g_string_free (walk.path, TRUE);
      if (!ok)
        return FALSE;
    }

  walk.path = g_string_new (NULL);
  walk.pattern = g_string_new (NULL);
  ok = check_children (&walk, root, error);
  g_string_free (walk.path, TRUE);
  g_string_free (walk.pattern, TRUE);
  if (!ok)
    return FALSE;

  /* The id becomes a file name and a URL segment, the client label a server folder. One with a
   * NUL inside ("a\\u0000b") would be "a" to every C string reader and "a\\u0000b" in the file
   * written back: two names for one draft, as with a duplicate key. */
  if (has_inner_nul (json_object_object_get (root, "id")))
    {
      g_set_error_literal (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_VALUE,
                           _("id: the identifier holds a NUL character (\\u0000)"));
      return FALSE;
    }
  if (has_inner_nul (json_object_object_get (root, "client_label")))
    {
      g_set_error_literal (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_VALUE,
                           _("client_label: the label holds a NUL character (\\u0000)"));
      return FALSE;
    }
  id = json_object_get_string (json_object_object_get (root, "id"));
  if (!declic_safe_name_check_id (id, &local_error))
    {
      g_set_error_literal (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_VALUE, local_error->message);
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
      /* The tokener stops at the offending character; its description is English only. */
      g_autofree char *cause = declic_utils_json_syntax_cause (jerr, data, length, end);

      declic_utils_offset_to_line_column (data, end, &line, &column);
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_SYNTAX,
                   _("The file is not valid JSON: %s at line %u, column %u"),
                   cause, line, column);
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

/* Appends the key that starts at @p (just after its opening quote) to @out, its escapes decoded,
 * and returns the position after its closing quote, never past @end. The text has been parsed
 * already; the bounds are kept all the same, json-c being more lenient than JSON (a fuzzer's
 * text with a single quote read past the buffer here). */
static const char *
decode_key (const char *p,
            const char *end,
            GString    *out)
{
  g_string_truncate (out, 0);
  while (p < end && *p != '"')
    {
      if (*p != '\\')
        {
          g_string_append_c (out, *p++);
          continue;
        }
      p++;
      /* An escape needs its characters: "\u" and four digits, or one. */
      if (p >= end || (*p == 'u' && end - p < 5))
        return end;
      switch (*p)
        {
        case 'b': g_string_append_c (out, '\b'); p++; break;
        case 'f': g_string_append_c (out, '\f'); p++; break;
        case 'n': g_string_append_c (out, '\n'); p++; break;
        case 'r': g_string_append_c (out, '\r'); p++; break;
        case 't': g_string_append_c (out, '\t'); p++; break;
        case 'u':
          {
            gunichar c = 0;

            for (int i = 1; i <= 4; i++)
              c = c * 16 + g_ascii_xdigit_value (p[i]);
            p += 5;
            if (c >= 0xd800 && c < 0xdc00 && end - p >= 6 && p[0] == '\\' && p[1] == 'u')
              {
                gunichar low = 0;

                for (int i = 2; i <= 5; i++)
                  low = low * 16 + g_ascii_xdigit_value (p[i]);
                if (low >= 0xdc00 && low < 0xe000)
                  {
                    c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
                    p += 6;
                  }
              }
            /* json-c keys are C strings: a "\u0000" ends the key there, for it as for us. */
            g_string_append_unichar (out, c);
            break;
          }
        default:  /* '"', '\\', '/' */
          g_string_append_c (out, *p++);
          break;
        }
    }
  return p < end ? p + 1 : end;
}

/* json-c keeps the last of two equal keys without a word, so a file could show one id to a
 * reader and another to Déclic: refuse any object with a key twice. One pass over the text
 * (valid JSON already), one set of keys per open object, so it takes linear time. */
static gboolean
check_duplicate_keys (const char  *data,
                      gsize        length,
                      GError     **error)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr(GString) key = g_string_new (NULL);
  const char *p = data;
  const char *end = data + length;
  gboolean ok = TRUE;

  while (p < end && ok)
    {
      switch (*p)
        {
        case '{':
          g_ptr_array_add (stack, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL));
          p++;
          break;
        case '[':
          /* Arrays have no keys; a set is still pushed so that pops match. */
          g_ptr_array_add (stack, g_hash_table_new (g_str_hash, g_str_equal));
          p++;
          break;
        case '}':
        case ']':
          if (stack->len > 0)
            g_ptr_array_set_size (stack, stack->len - 1);
          p++;
          break;
        case '"':
          {
            const char *start = p;
            const char *after = decode_key (p + 1, end, key);
            const char *q = after;
            GHashTable *keys;

            while (q < end && g_ascii_isspace (*q))
              q++;
            p = after;
            /* Only a key is followed by ':'. */
            if (q >= end || *q != ':' || stack->len == 0)
              break;
            keys = g_ptr_array_index (stack, stack->len - 1);
            if (!g_hash_table_add (keys, g_strdup (key->str)))
              {
                g_autofree char *shown = g_strescape (key->str, NULL);
                guint line, column;

                declic_utils_offset_to_line_column (data, (gsize) (start - data), &line, &column);
                g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_SYNTAX,
                             _("The file has the key “%s” twice in one object (the second at line %u, column %u): it is unclear which one counts, so the draft is refused"),
                             shown, line, column);
                ok = FALSE;
              }
            break;
          }
        case '\'':
          {
            /* Outside a string, where this scan is: json-c took a string in single quotes,
             * which JSON has not, and which this scan would read wrong. */
            guint line, column;

            declic_utils_offset_to_line_column (data, (gsize) (p - data), &line, &column);
            g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_SYNTAX,
                         _("The file is not valid JSON: %s at line %u, column %u"),
                         _("a name in single quotes (JSON takes double quotes: \"name\")"), line, column);
            ok = FALSE;
            break;
          }
        default:
          p++;
          break;
        }
    }
  return ok;
}

/* How many keys the text has, all objects together: strings followed by ':' (valid JSON). */
static gsize
count_keys_in_text (const char *data,
                    gsize       length)
{
  const char *p = data;
  const char *end = data + length;
  gsize n = 0;

  while (p < end)
    {
      if (*p != '"')
        {
          p++;
          continue;
        }
      for (p++; p < end && *p != '"'; p++)
        if (*p == '\\')
          p++;
      p++;
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p < end && *p == ':')
        n++;
    }
  return n;
}

static gsize
count_keys_in_tree (json_object *node)
{
  gsize n = 0;

  if (json_object_is_type (node, json_type_object))
    {
      json_object_object_foreach (node, key, child)
        {
          (void) key;
          n += 1 + count_keys_in_tree (child);
        }
    }
  else if (json_object_is_type (node, json_type_array))
    {
      for (gsize i = 0; i < json_object_array_length (node); i++)
        n += count_keys_in_tree (json_object_array_get_idx (node, i));
    }
  return n;
}

/* json-c keeps one member per key: with no key twice, the parsed tree has every key of the
 * text, and with one, fewer (the dropped value's own keys with it). Counting is cheap; the
 * sets of check_duplicate_keys () are built only to name the key when the counts differ. */
static gboolean
has_duplicate_keys (const char  *data,
                    gsize        length,
                    json_object *root)
{
  return count_keys_in_text (data, length) != count_keys_in_tree (root);
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
  if (has_duplicate_keys (copy, length, root) && !check_duplicate_keys (copy, length, error))
    {
      json_object_put (root);
      return NULL;
    }

  if (!check_draft (root, error))
    {
      json_object_put (root);
      return NULL;
    }

  return declic_draft_new_for_root (root);
}

static gint64
stat_mtime_usec (const struct stat *st)
{
  return (gint64) st->st_mtim.tv_sec * G_USEC_PER_SEC + st->st_mtim.tv_nsec / 1000;
}

/* Reads a whole draft file through one descriptor, so that what is checked (a regular file,
 * not too large) is what is read. Never blocks on a FIFO or reads a device forever. */
static char *
read_draft_file (const char               *path,
                 DeclicDraftLoadFlags      flags,
                 gsize                    *length,
                 struct stat              *file_st,
                 GError                  **error)
{
  int open_flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;
  g_autoptr(GString) data = NULL;
  struct stat st;
  int fd;

  if (flags & DECLIC_DRAFT_LOAD_NO_FOLLOW)
    open_flags |= O_NOFOLLOW;
  fd = g_open (path, open_flags, 0);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == ELOOP && (flags & DECLIC_DRAFT_LOAD_NO_FOLLOW))
        g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_NOT_REGULAR,
                     _("The file is a symbolic link: Déclic does not follow links in a workspace, so that a draft can never be read or written elsewhere"));
      else
        g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_IO,
                     _("Could not read the file: %s"), g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_NOT_REGULAR,
                   _("The file is not a regular file (it is a folder, a pipe or a device): it was not read"));
      return NULL;
    }
  /* Refuse a huge file before reading it into memory. */
  if (st.st_size > DECLIC_DRAFT_MAX_FILE_SIZE)
    {
      close (fd);
      set_too_large_error (error, (guint64) st.st_size);
      return NULL;
    }

  data = g_string_sized_new ((gsize) st.st_size + 1);
  for (;;)
    {
      char buffer[16384];
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          close (fd);
          g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_IO,
                       _("Could not read the file: %s"), g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      g_string_append_len (data, buffer, n);
      /* The file may grow while it is read. */
      if (data->len > DECLIC_DRAFT_MAX_FILE_SIZE)
        {
          close (fd);
          set_too_large_error (error, data->len);
          return NULL;
        }
    }
  close (fd);
  *length = data->len;
  if (file_st != NULL)
    *file_st = st;
  return g_string_free (g_steal_pointer (&data), FALSE);
}

/**
 * declic_draft_new_from_file_full:
 * @flags: %DECLIC_DRAFT_LOAD_NO_FOLLOW for a file of a workspace
 *
 * Only a regular file is read (never a pipe or a device); with %DECLIC_DRAFT_LOAD_NO_FOLLOW a
 * symbolic link is refused too.
 *
 * Returns: (transfer full) (nullable): the draft, or %NULL with @error; the file is left as it is
 */
DeclicDraft *
declic_draft_new_from_file_full (const char            *path,
                                 DeclicDraftLoadFlags   flags,
                                 GError               **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  DeclicDraft *draft;
  g_autofree char *sha256 = NULL;
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = read_draft_file (path, flags, &length, &st, error);
  if (data == NULL)
    return NULL;
  draft = declic_draft_new_from_data (data, length, error);
  if (draft == NULL)
    return NULL;
  /* What the file was, so that a save can tell whether someone else changed it since. */
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  declic_draft_set_disk_state (draft, path, (gint64) st.st_size, stat_mtime_usec (&st), sha256);
  return draft;
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
  return declic_draft_new_from_file_full (path, DECLIC_DRAFT_LOAD_NONE, error);
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

/* Saves and the clean-up of what killed saves left agree through a lock on the folder: every
 * save holds it shared from before its temporary file exists until after the rename, and the
 * clean-up removes temporary files only while it holds it exclusively, that is when no save of
 * any process is under way there. A killed process holds no lock. Returns -1 when the folder
 * cannot be locked (a file system without locks): saves go on, the clean-up falls back on age. */
static int
lock_folder (const char *path,
             int         operation)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return -1;
  while (flock (fd, operation) != 0)
    {
      if (errno == EINTR)
        continue;
      close (fd);
      return errno == EWOULDBLOCK ? -2 : -1;
    }
  return fd;
}

/* "NAME.json.XXXXXX": the exact name g_file_set_contents_full() gives the temporary file of a
 * save of "NAME.json" (six characters of [A-Za-z0-9]), NAME being a draft's file name. */
static gboolean
is_save_temp_name (const char *name)
{
  gsize len = strlen (name);
  g_autofree char *target = NULL;

  if (len < 7 + 6 || name[0] == '.' || name[len - 7] != '.')
    return FALSE;
  for (gsize i = len - 6; i < len; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;
  target = g_strndup (name, len - 7);
  return g_str_has_suffix (target, ".json");
}

/* A temporary file nobody is writing any more; without a lock, only when a day old. */
#define STALE_WITHOUT_LOCK_SECONDS (24 * 60 * 60)

/**
 * declic_draft_remove_stale_temp_files:
 * @folder: a folder of drafts
 *
 * Removes the temporary files that saves killed midway left in @folder ("NAME.json.XXXXXX", each
 * a full copy of someone's data), and nothing else: only regular files of this user with exactly
 * that name, and only when no save is under way in the folder.
 *
 * Returns: how many were removed
 */
guint
declic_draft_remove_stale_temp_files (const char *folder)
{
  g_autoptr(GDir) dir = NULL;
  g_autofree char *probe = NULL;
  const char *name;
  guint n_removed = 0;
  int lock;
  gint64 now = declic_clock_get_file_time_now ();

  g_return_val_if_fail (folder != NULL, 0);

  probe = g_build_filename (folder, "x", NULL);
  lock = lock_folder (probe, LOCK_EX | LOCK_NB);
  if (lock == -2)
    return 0;  /* a save is under way: its temporary file is not stale; next time */

  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!is_save_temp_name (name))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_uid != getuid ())
        continue;
      if (lock < 0 && now - (gint64) st.st_mtime < STALE_WITHOUT_LOCK_SECONDS)
        continue;
      if (g_unlink (path) == 0)
        n_removed++;
    }
  if (lock >= 0)
    close (lock);
  if (n_removed > 0)
    g_debug ("Removed %u temporary files left by interrupted saves in %s", n_removed, folder);
  return n_removed;
}

/* Keeps the version about to be replaced as "<path>.bak": a hard link, then an atomic rename,
 * so that a crash leaves either the previous backup or the new one. The caller has checked that
 * @path is a regular file, not a link. */
static void
keep_backup (const char *path)
{
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autofree char *link_tmp = g_strconcat (path, ".bak.tmp", NULL);
  GStatBuf st;
  int fd;

  if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
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
  /* The backup is as private as the draft, whatever mode the old file had; changed through a
   * descriptor opened without following links, so never on another file. */
  fd = g_open (link_tmp, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0 || fstat (fd, (struct stat *) &st) != 0 || !S_ISREG (st.st_mode) || fchmod (fd, 0600) != 0)
    {
      g_warning ("Could not keep a private backup of %s", path);
      if (fd >= 0)
        close (fd);
      g_unlink (link_tmp);
      return;
    }
  close (fd);
  if (g_rename (link_tmp, backup) != 0)
    {
      g_warning ("Could not keep a backup of %s: %s", path, g_strerror (errno));
      g_unlink (link_tmp);
    }
}

/* What a save needs, taken on the calling thread: the draft's text and a copy of what the draft
 * remembers of its file, so that the writing (on a worker thread for an autosave) touches
 * nothing of the draft. What the write leaves on disk comes back in it for the draft to
 * remember, again on the calling thread. */
typedef struct
{
  char        *path;
  char        *data;
  gsize        length;
  char        *known_path;     /* what the draft remembered of its file, or NULL */
  gint64       known_size;
  gint64       known_mtime;
  char        *known_sha256;
  gboolean     written;        /* then: */
  gint64       new_size;       /* what is on disk now (-1 when it could not be stat-ed) */
  gint64       new_mtime;
  DeclicDraft *saved;          /* the text read back, that is what the file now holds */
} SaveSnapshot;

static void
save_snapshot_free (SaveSnapshot *snapshot)
{
  g_free (snapshot->path);
  g_free (snapshot->data);
  g_free (snapshot->known_path);
  g_free (snapshot->known_sha256);
  g_clear_object (&snapshot->saved);
  g_free (snapshot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveSnapshot, save_snapshot_free)

static void
save_snapshot_take_disk_state (SaveSnapshot *snapshot,
                               DeclicDraft  *self)
{
  const char *sha256 = NULL;
  const char *known = declic_draft_get_disk_path (self, &snapshot->known_size, &snapshot->known_mtime, &sha256);

  g_free (snapshot->known_path);
  g_free (snapshot->known_sha256);
  snapshot->known_path = g_strdup (known);
  snapshot->known_sha256 = g_strdup (sha256);
}

static SaveSnapshot *
save_snapshot_new (DeclicDraft *self,
                   const char  *path)
{
  SaveSnapshot *snapshot = g_new0 (SaveSnapshot, 1);

  snapshot->path = g_strdup (path);
  snapshot->data = declic_draft_to_data (self, &snapshot->length);
  snapshot->new_size = -1;
  save_snapshot_take_disk_state (snapshot, self);
  return snapshot;
}

/* FALSE with DECLIC_DRAFT_ERROR_CHANGED when the file at the snapshot's path is the one the
 * draft was read from or last written to, and its content changed since. */
static gboolean
check_unchanged_on_disk (SaveSnapshot  *snapshot,
                         GError       **error)
{
  const char *path = snapshot->path;
  g_autofree char *now = NULL;
  g_autofree char *now_sha256 = NULL;
  gsize length = 0;
  struct stat st;

  if (snapshot->known_path == NULL || !g_str_equal (snapshot->known_path, path))
    return TRUE;
  /* Gone: nothing of anyone's is overwritten. */
  if (g_lstat (path, &st) != 0)
    return TRUE;
  if ((gint64) st.st_size == snapshot->known_size && stat_mtime_usec (&st) == snapshot->known_mtime)
    return TRUE;

  now = read_draft_file (path, DECLIC_DRAFT_LOAD_NO_FOLLOW, &length, NULL, NULL);
  if (now != NULL)
    {
      now_sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) now, length);
      if (g_strcmp0 (now_sha256, snapshot->known_sha256) == 0)
        return TRUE;
    }
  g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_CHANGED,
               _("Could not save the draft: %s was changed by another window or program since Déclic opened it. Nothing was written: open the draft again to see the other version."),
               path);
  return FALSE;
}

/* Everything of a save that touches the disk, and the strict reading back: safe on any thread,
 * as it uses nothing but @snapshot. */
static gboolean
write_snapshot (SaveSnapshot  *snapshot,
                GError       **error)
{
  const char *path = snapshot->path;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  int lock;

  /* A link, a pipe or a device in place of the draft is never written through: a link would
   * have its target changed (and chmod-ed), wherever it is. */
  if (g_lstat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_NOT_REGULAR,
                   _("Could not save the draft: %s is not a regular file (a symbolic link, a folder, a pipe or a device); nothing was written"),
                   path);
      return FALSE;
    }

  /* Two windows or two programs on one draft (issue 11, defect 6): the file this draft was read
   * from (or last written to) must still be what it was, or the other one's changes would be
   * lost without a word. Size and time say "unchanged" cheaply; when they differ the content
   * decides, so that a mere touch is no conflict. */
  if (!check_unchanged_on_disk (snapshot, error))
    return FALSE;

  /* Never write what cannot be read: a model holding a value the loader refuses (an empty
   * country code, say) would replace a good file by one that no longer opens. */
  g_clear_object (&snapshot->saved);
  snapshot->saved = declic_draft_new_from_data (snapshot->data, snapshot->length, &local_error);
  if (snapshot->saved == NULL)
    {
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_UNREADABLE,
                   _("Could not save the draft: it would not open again (%s). The file on disk was left as it was."),
                   local_error->message);
      return FALSE;
    }

  /* Shared with other saves, exclusive of the clean-up of temporary files (see lock_folder). */
  lock = lock_folder (path, LOCK_SH);

  keep_backup (path);

  if (!g_file_set_contents_full (path, snapshot->data, (gssize) snapshot->length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      if (lock >= 0)
        close (lock);
      g_set_error (error, DECLIC_DRAFT_ERROR, DECLIC_DRAFT_ERROR_IO,
                   _("Could not save the draft: %s"), local_error->message);
      return FALSE;
    }
  if (lock >= 0)
    close (lock);

  /* g_file_set_contents_full creates the new file with mode 0600 and renames it over @path:
   * no chmod by name afterwards, which would follow a link put there meanwhile. */

  if (!declic_utils_fsync_parent (path, &local_error))
    g_debug ("Could not flush the folder of %s: %s", path, local_error->message);

  snapshot->written = TRUE;
  if (g_lstat (path, &st) == 0)
    {
      snapshot->new_size = (gint64) st.st_size;
      snapshot->new_mtime = stat_mtime_usec (&st);
    }
  return TRUE;
}

/* What is on disk now is this draft's: remember it (not for a copy saved elsewhere, an export,
 * which leaves the draft's own file as the one to watch). On the calling thread. */
static void
remember_snapshot (DeclicDraft  *self,
                   SaveSnapshot *snapshot)
{
  const char *known_sha256 = NULL;
  gint64 size, mtime;
  const char *known = declic_draft_get_disk_path (self, &size, &mtime, &known_sha256);

  if (snapshot->written && snapshot->new_size >= 0 &&
      (known == NULL || g_str_equal (known, snapshot->path)))
    {
      g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) snapshot->data,
                                                             snapshot->length);
      declic_draft_set_disk_state (self, snapshot->path, snapshot->new_size, snapshot->new_mtime, sha256);
    }
}

/**
 * declic_draft_save_to_file:
 *
 * Writes the draft atomically: a temporary file in the same folder, created with mode 0600,
 * flushed to disk, then renamed over @path. The version it replaces is kept as "@path.bak".
 *
 * Not to be called while an asynchronous save of the same draft runs (see
 * declic_draft_is_saving()): the two would check the file against different memories of it.
 */
gboolean
declic_draft_save_to_file (DeclicDraft  *self,
                           const char   *path,
                           GError      **error)
{
  g_autoptr(SaveSnapshot) snapshot = NULL;

  g_return_val_if_fail (DECLIC_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (declic_draft_is_saving (self))
    g_critical ("A draft is saved while an asynchronous save of it is under way");

  snapshot = save_snapshot_new (self, path);
  if (!write_snapshot (snapshot, error))
    return FALSE;
  remember_snapshot (self, snapshot);
  return TRUE;
}

/* Asynchronous saves of one draft are chained, never run together: each waits in the draft's
 * queue until the one before it has written and been remembered. Its text is taken when it is
 * asked for (so that what it writes is the state at that moment), but what the draft remembers
 * of its file only when it starts, after the save before it: else the second of two quick saves
 * would take the first one's file for another program's change. The saves run in the order
 * they were asked for, so the last state asked for is the last written. */
#define SAVE_QUEUE_KEY "declic-draft-save-queue"

static GQueue *
get_save_queue (DeclicDraft *self,
                gboolean     create)
{
  GQueue *queue = g_object_get_data (G_OBJECT (self), SAVE_QUEUE_KEY);

  if (queue == NULL && create)
    {
      queue = g_queue_new ();
      g_object_set_data_full (G_OBJECT (self), SAVE_QUEUE_KEY, queue, (GDestroyNotify) g_queue_free);
    }
  return queue;
}

/**
 * declic_draft_is_saving:
 *
 * Returns: whether an asynchronous save of @self is under way or waiting
 */
gboolean
declic_draft_is_saving (DeclicDraft *self)
{
  GQueue *queue;

  g_return_val_if_fail (DECLIC_IS_DRAFT (self), FALSE);

  queue = get_save_queue (self, FALSE);
  return queue != NULL && !g_queue_is_empty (queue);
}

static void
write_snapshot_in_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  GError *error = NULL;

  /* Cancelled before anything was written: nothing is. Once the write started it finishes. */
  if (g_task_return_error_if_cancelled (task))
    return;
  if (write_snapshot (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void start_next_save (DeclicDraft *self);

static void
write_snapshot_done (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  DeclicDraft *self = DECLIC_DRAFT (source_object);
  g_autoptr(GTask) outer = user_data;
  SaveSnapshot *snapshot = g_task_get_task_data (outer);
  GError *error = NULL;
  GQueue *queue = get_save_queue (self, FALSE);
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (ok)
    remember_snapshot (self, snapshot);

  /* The next save starts from what this one left; the caller hears of this one after, so that
   * a save it asks for from its callback is queued behind those already waiting. */
  g_assert (queue != NULL && g_queue_peek_head (queue) == outer);
  g_object_unref (g_queue_pop_head (queue));
  if (!g_queue_is_empty (queue))
    start_next_save (self);

  if (ok)
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, error);
}

static void
start_next_save (DeclicDraft *self)
{
  GQueue *queue = get_save_queue (self, FALSE);
  GTask *outer = g_queue_peek_head (queue);
  SaveSnapshot *snapshot = g_task_get_task_data (outer);
  g_autoptr(GTask) inner = NULL;

  save_snapshot_take_disk_state (snapshot, self);
  inner = g_task_new (self, g_task_get_cancellable (outer), write_snapshot_done, g_object_ref (outer));
  g_task_set_source_tag (inner, start_next_save);
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_task_data (inner, snapshot, NULL);  /* owned by @outer, which outlives @inner */
  g_task_run_in_thread (inner, write_snapshot_in_thread);
}

/**
 * declic_draft_save_to_file_async:
 *
 * Saves @self as declic_draft_save_to_file() does, the disk work and the check that the text
 * loads again on a worker thread. The text is taken now: changes made meanwhile are not in
 * this save. Saves of one draft are chained, in the order asked for.
 */
void
declic_draft_save_to_file_async (DeclicDraft         *self,
                                 const char          *path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  GQueue *queue;

  g_return_if_fail (DECLIC_IS_DRAFT (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, declic_draft_save_to_file_async);
  /* A save that wrote is reported as written, even if cancelled afterwards. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, save_snapshot_new (self, path), (GDestroyNotify) save_snapshot_free);

  queue = get_save_queue (self, TRUE);
  g_queue_push_tail (queue, task);  /* the queue's reference */
  if (g_queue_get_length (queue) == 1)
    start_next_save (self);
}

gboolean
declic_draft_save_to_file_finish (DeclicDraft   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == declic_draft_save_to_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* For the store: what a successful asynchronous save left on disk (the draft read back from
 * the text written, and the file's size and time), without reading the file again. */
DeclicDraft *
declic_draft_save_result_get_saved (GAsyncResult *result,
                                    gint64       *size,
                                    gint64       *mtime_usec)
{
  SaveSnapshot *snapshot = g_task_get_task_data (G_TASK (result));

  if (snapshot == NULL || !snapshot->written || snapshot->new_size < 0)
    return NULL;
  *size = snapshot->new_size;
  *mtime_usec = snapshot->new_mtime;
  return snapshot->saved;
}
