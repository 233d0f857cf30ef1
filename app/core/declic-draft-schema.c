/* declic-draft-schema.c: the JSON Schema (draft 2020-12) of a draft file.
 *
 * Generated from the field table rather than written by hand, so that it cannot drift from
 * what the loader accepts; resources/draft.schema.json is this function's output, and a test
 * keeps the two equal.
 */
#define G_LOG_DOMAIN "declic-schema"

#include "config.h"

#include <json-c/json.h>
#include <string.h>

#include "declic-draft.h"
#include "declic-draft-fields.h"
#include "declic-draft-schema.h"
#include "declic-safe-name.h"

static json_object *
nullable (const char *type)
{
  json_object *types = json_object_new_array ();

  json_object_array_add (types, json_object_new_string (type));
  json_object_array_add (types, json_object_new_string ("null"));
  return types;
}

static json_object *
schema_for (const DeclicFieldSpec *spec)
{
  json_object *schema = json_object_new_object ();

  if (spec->label != NULL)
    json_object_object_add (schema, "title", json_object_new_string (spec->label));

  switch (spec->type)
    {
    case DECLIC_FIELD_OBJECT:
      json_object_object_add (schema, "type", nullable ("object"));
      json_object_object_add (schema, "properties", json_object_new_object ());
      break;
    case DECLIC_FIELD_ARRAY:
      json_object_object_add (schema, "type", nullable ("array"));
      break;
    case DECLIC_FIELD_BOOLEAN:
      json_object_object_add (schema, "type", nullable ("boolean"));
      break;
    case DECLIC_FIELD_INTEGER:
    case DECLIC_FIELD_NUMBER:
      json_object_object_add (schema, "type", nullable (spec->type == DECLIC_FIELD_INTEGER ? "integer" : "number"));
      json_object_object_add (schema, "minimum", json_object_new_int64 ((gint64) spec->minimum));
      json_object_object_add (schema, "maximum", json_object_new_int64 ((gint64) spec->maximum));
      break;
    case DECLIC_FIELD_DATE:
      json_object_object_add (schema, "type", nullable ("string"));
      json_object_object_add (schema, "format", json_object_new_string ("date"));
      json_object_object_add (schema, "pattern", json_object_new_string ("^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"));
      break;
    case DECLIC_FIELD_DATETIME:
      json_object_object_add (schema, "type", nullable ("string"));
      json_object_object_add (schema, "format", json_object_new_string ("date-time"));
      break;
    case DECLIC_FIELD_COUNTRY:
      json_object_object_add (schema, "type", nullable ("string"));
      json_object_object_add (schema, "pattern", json_object_new_string ("^[A-Z]{2}$"));
      break;
    case DECLIC_FIELD_ENUM:
      {
        json_object *values = json_object_new_array ();

        for (const DeclicChoice *c = spec->choices; c->code != NULL; c++)
          json_object_array_add (values, json_object_new_string (c->code));
        json_object_array_add (values, NULL);
        json_object_object_add (schema, "enum", values);
        break;
      }
    case DECLIC_FIELD_STRING:
    case DECLIC_FIELD_SUBDIVISION:
    case DECLIC_FIELD_NOC:
    case DECLIC_FIELD_EMAIL:
    default:
      json_object_object_add (schema, "type", nullable ("string"));
      break;
    }

  return schema;
}

/* Finds the schema node that describes @pattern's parent, where @pattern's own node goes. */
static void
insert (json_object           *root,
        const DeclicFieldSpec *spec)
{
  g_auto(GStrv) segments = g_strsplit (spec->pattern, ".", -1);
  json_object *node = root;
  guint n = g_strv_length (segments);

  for (guint i = 0; i < n; i++)
    {
      char *name = segments[i];
      gboolean is_item = g_str_has_suffix (name, "[]");
      json_object *properties;
      json_object *child;

      if (is_item)
        name[strlen (name) - 2] = '\0';

      properties = json_object_object_get (node, "properties");
      g_assert (properties != NULL);
      child = json_object_object_get (properties, name);

      if (i == n - 1 && !is_item)
        {
          g_assert (child == NULL);
          json_object_object_add (properties, name, schema_for (spec));
          return;
        }

      g_assert (child != NULL);
      node = child;
      if (is_item)
        {
          json_object *items = json_object_object_get (node, "items");
          if (i == n - 1)
            {
              g_assert (items == NULL);
              json_object_object_add (node, "items", schema_for (spec));
              return;
            }
          node = items;
        }
    }
}

/**
 * declic_draft_schema_generate:
 *
 * Returns: (transfer full): the schema as pretty-printed JSON text ending with a newline
 */
char *
declic_draft_schema_generate (void)
{
  json_object *root = json_object_new_object ();
  json_object *required = json_object_new_array ();
  const DeclicFieldSpec *fields;
  guint n_fields;
  char *text;

  json_object_object_add (root, "$schema", json_object_new_string ("https://json-schema.org/draft/2020-12/schema"));
  json_object_object_add (root, "$id", json_object_new_string ("https://declic.invalid/schema/draft-1.json"));
  json_object_object_add (root, "title", json_object_new_string ("Déclic draft of a Québec déclaration d'intérêt"));
  json_object_object_add (root, "description",
                          json_object_new_string ("One draft per file. Fields not listed here may be present (written by a newer "
                                                  "version) and must be kept. Generated from app/core/declic-draft-fields.c."));
  json_object_object_add (root, "type", json_object_new_string ("object"));
  json_object_object_add (root, "properties", json_object_new_object ());
  json_object_array_add (required, json_object_new_string ("schema_version"));
  json_object_array_add (required, json_object_new_string ("id"));
  json_object_object_add (root, "required", required);

  fields = declic_draft_fields_get_all (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    insert (root, &fields[i]);

  /* The two required fields may not be null, and the version has the form "MAJOR.MINOR". */
  {
    json_object *properties = json_object_object_get (root, "properties");
    json_object *version = json_object_object_get (properties, "schema_version");
    json_object *id = json_object_object_get (properties, "id");

    json_object_object_add (version, "type", json_object_new_string ("string"));
    json_object_object_add (version, "pattern", json_object_new_string ("^[0-9]+\\.[0-9]+$"));
    json_object_object_add (id, "type", json_object_new_string ("string"));
    json_object_object_add (id, "minLength", json_object_new_int (1));
    /* The id names a file and a URL segment: declic_safe_name_is_valid_id(). */
    json_object_object_add (id, "maxLength", json_object_new_int (DECLIC_SAFE_NAME_MAX_ID));
    json_object_object_add (id, "pattern", json_object_new_string ("^[A-Za-z0-9_-][A-Za-z0-9._-]*$"));
  }

  text = g_strconcat (json_object_to_json_string_ext (root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE), "\n", NULL);
  json_object_put (root);
  return text;
}
