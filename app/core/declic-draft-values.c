/* declic-draft-values.c: a draft's values as a person reads them (see the header). */
#define G_LOG_DOMAIN "declic-draft-values"

#include "config.h"

#include <json-c/json.h>
#include <string.h>

#include "declic-countries.h"
#include "declic-draft-values.h"
#include "declic-format.h"
#include "declic-i18n.h"
#include "declic-noc.h"
#include "declic-utils.h"

void
declic_draft_value_free (DeclicDraftValue *value)
{
  if (value == NULL)
    return;
  g_free (value->heading);
  g_free (value->label);
  g_free (value->text);
  g_free (value->typed);
  g_free (value->path);
  g_free (value->fingerprint);
  g_free (value);
}

static char *
format_country (const char *code)
{
  const DeclicCountry *country = declic_countries_lookup (declic_countries_get_default (), code);

  if (country == NULL)
    return g_strdup (code);
  return g_strdup (declic_country_get_localized_name (country));
}

static char *
format_noc (const char *code,
            const char *lang)
{
  DeclicNoc *noc = declic_noc_get_default ();
  const DeclicNocEntry *entry = noc != NULL ? declic_noc_lookup (noc, code) : NULL;

  if (entry == NULL)
    return g_strdup (code);
  /* Translators: a NOC code and its title, "21231 – Software engineers and designers" */
  return g_strdup_printf (_("%s – %s"), code, declic_noc_entry_get_title (entry, lang));
}

/* A field's value as a person reads it, or NULL when there is nothing to show. */
static char *
format_value (const DeclicFieldSpec *spec,
              json_object           *node,
              const char            *lang)
{
  const char *text = json_object_is_type (node, json_type_string) ? json_object_get_string (node) : NULL;

  switch (spec->type)
    {
    case DECLIC_FIELD_BOOLEAN:
      if (!json_object_is_type (node, json_type_boolean))
        return NULL;
      return g_strdup (json_object_get_boolean (node) ? _("Yes") : _("No"));
    case DECLIC_FIELD_INTEGER:
      /* A year, months or a level: a year is written as typed (2019), never grouped as a
       * count of a thousand or more would be. */
      if (!json_object_is_type (node, json_type_int))
        return NULL;
      return declic_format_decimal ((double) json_object_get_int64 (node), 0, lang);
    case DECLIC_FIELD_NUMBER:
      if (!json_object_is_type (node, json_type_int) && !json_object_is_type (node, json_type_double))
        return NULL;
      return declic_format_number (json_object_get_double (node), 2, lang);
    case DECLIC_FIELD_DATE:
      return text != NULL ? declic_format_date_text (text, lang) : NULL;
    case DECLIC_FIELD_DATETIME:
      {
        g_autoptr(GDateTime) when = text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
        g_autoptr(GDateTime) local = when != NULL ? g_date_time_to_local (when) : NULL;
        GDate date;

        if (local == NULL)
          return g_strdup (text);
        g_date_clear (&date, 1);
        g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (local),
                        (GDateMonth) g_date_time_get_month (local),
                        (GDateYear) g_date_time_get_year (local));
        return declic_format_date_long (&date, lang);
      }
    case DECLIC_FIELD_ENUM:
      return text != NULL ? g_strdup (declic_enum_choice_get_label (spec->pattern, text)) : NULL;
    case DECLIC_FIELD_COUNTRY:
      return text != NULL ? format_country (text) : NULL;
    case DECLIC_FIELD_SUBDIVISION:
      {
        const DeclicSubdivision *subdivision;

        if (text == NULL)
          return NULL;
        subdivision = declic_countries_lookup_subdivision (declic_countries_get_default (), text);
        return g_strdup (subdivision != NULL ? declic_subdivision_get_localized_name (subdivision) : text);
      }
    case DECLIC_FIELD_NOC:
      return text != NULL ? format_noc (text, lang) : NULL;
    case DECLIC_FIELD_STRING:
    case DECLIC_FIELD_EMAIL:
      return g_strdup (text);
    case DECLIC_FIELD_OBJECT:
    case DECLIC_FIELD_ARRAY:
    default:
      return NULL;
    }
}

/* The direct children of @pattern in the field table, in its order ("" for the top level). */
static GPtrArray *
list_children (const char *pattern)
{
  guint n_fields;
  const DeclicFieldSpec *fields = declic_draft_fields_get_all (&n_fields);
  GPtrArray *children = g_ptr_array_new ();
  gsize prefix_len = strlen (pattern);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *rest;

      if (prefix_len > 0)
        {
          if (strncmp (fields[i].pattern, pattern, prefix_len) != 0 || fields[i].pattern[prefix_len] != '.')
            continue;
          rest = fields[i].pattern + prefix_len + 1;
        }
      else
        rest = fields[i].pattern;
      if (*rest != '\0' && strpbrk (rest, ".[") == NULL)
        g_ptr_array_add (children, (gpointer) &fields[i]);
    }
  return children;
}

static const char *
last_name_of (const char *pattern)
{
  const char *dot = strrchr (pattern, '.');

  return dot != NULL ? dot + 1 : pattern;
}

typedef struct
{
  GPtrArray     *values;
  const char    *lang;
  DeclicSection  section;
  const char    *heading;  /* of the item being walked */
} Walk;

/* Takes @text. */
static void
add_value (Walk                  *walk,
           const DeclicFieldSpec *spec,
           const char            *label,
           char                  *text,
           const char            *path,
           json_object           *node)
{
  DeclicDraftValue *value = g_new0 (DeclicDraftValue, 1);

  /* A NOC code without its title; a date in ISO form, which any date field reads (DI.md does
   * not say which form Arrima's own fields ask for). */
  value->typed = (spec->type == DECLIC_FIELD_NOC || spec->type == DECLIC_FIELD_DATE) &&
                 json_object_is_type (node, json_type_string)
                 ? g_strdup (json_object_get_string (node)) : g_strdup (text);

  value->section = walk->section;
  value->heading = g_strdup (walk->heading);
  value->label = g_strdup (label);
  value->text = text;
  value->path = g_strdup (path);
  value->fingerprint = g_strdup (json_object_to_json_string_ext (node, JSON_C_TO_STRING_PLAIN));
  g_ptr_array_add (walk->values, value);
}

static void walk_object (Walk *walk, const DeclicFieldSpec *spec, json_object *node, const char *path, const char *context);

static void
walk_array (Walk                  *walk,
            const DeclicFieldSpec *spec,
            json_object           *node,
            const char            *path,
            const char            *context)
{
  g_autofree char *item_pattern = g_strconcat (spec->pattern, "[]", NULL);
  const DeclicFieldSpec *item = declic_draft_fields_lookup (item_pattern);
  g_autoptr(GPtrArray) texts = NULL;
  size_t n;

  if (item == NULL || !json_object_is_type (node, json_type_array))
    return;
  n = json_object_array_length (node);

  if (item->type == DECLIC_FIELD_OBJECT)
    {
      const char *outer = walk->heading;

      for (size_t i = 0; i < n; i++)
        {
          g_autofree char *heading = NULL;
          g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, (guint) i);

          if (context != NULL)
            /* Translators: a repeated item under a block, "Spouse’s French — Result 1" */
            heading = g_strdup_printf (_("%s — %s %u"), context, _(item->label), (guint) i + 1);
          else
            /* Translators: a repeated item, "Diploma 1", "Period 2" */
            heading = g_strdup_printf (_("%s %u"), _(item->label), (guint) i + 1);
          walk->heading = heading;
          walk_object (walk, item, json_object_array_get_idx (node, i), item_path, NULL);
          walk->heading = outer;
        }
      return;
    }

  /* A list of single values (citizenships) reads as one line. */
  texts = g_ptr_array_new_with_free_func (g_free);
  for (size_t i = 0; i < n; i++)
    {
      char *text = format_value (item, json_object_array_get_idx (node, i), walk->lang);
      if (text != NULL)
        g_ptr_array_add (texts, text);
    }
  if (texts->len > 0)
    {
      g_ptr_array_add (texts, NULL);
      add_value (walk, item, _(spec->label), g_strjoinv (", ", (char **) texts->pdata), path, node);
    }
}

/* @context: the label of the block an array of items belongs to, when not a section's own. */
static void
walk_object (Walk                  *walk,
             const DeclicFieldSpec *spec,
             json_object           *node,
             const char            *path,
             const char            *context)
{
  g_autoptr(GPtrArray) children = NULL;

  if (!json_object_is_type (node, json_type_object))
    return;

  children = list_children (spec->pattern);
  for (guint i = 0; i < children->len; i++)
    {
      const DeclicFieldSpec *child = g_ptr_array_index (children, i);
      const char *name = last_name_of (child->pattern);
      g_autofree char *child_path = g_strconcat (path, ".", name, NULL);
      json_object *value = NULL;

      if (!json_object_object_get_ex (node, name, &value) || value == NULL)
        continue;

      if (child->type == DECLIC_FIELD_OBJECT)
        {
          /* The spouse's language blocks are headed as the spouse's, or their values would
           * read as the applicant's. */
          if (g_str_has_prefix (child->pattern, "family.spouse.") &&
              (g_str_has_suffix (child->pattern, ".french") || g_str_has_suffix (child->pattern, ".english")))
            {
              const char *outer = walk->heading;

              walk->heading = _(child->label);
              walk_object (walk, child, value, child_path, _(child->label));
              walk->heading = outer;
            }
          else
            walk_object (walk, child, value, child_path, context);
        }
      else if (child->type == DECLIC_FIELD_ARRAY)
        walk_array (walk, child, value, child_path, context);
      else
        {
          char *text = format_value (child, value, walk->lang);

          if (text != NULL && *text != '\0')
            add_value (walk, child, _(child->label), text, child_path, value);
          else
            g_free (text);
        }
    }
}

/**
 * declic_draft_values_list:
 * @lang: (nullable): "fr" or "en" for dates and numbers; %NULL for the messages' language.
 *   Labels are in the messages' language.
 *
 * Returns: (transfer full) (element-type DeclicDraftValue): every value entered in @draft,
 *   section by section in the form's order, each section's fields in the field table's order
 */
GPtrArray *
declic_draft_values_list (DeclicDraft *draft,
                          const char  *lang)
{
  json_object *root;
  g_autoptr(GPtrArray) tops = list_children ("");
  Walk walk = { NULL, lang, DECLIC_SECTION_NONE, NULL };

  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), NULL);

  root = declic_draft_get_root (draft);
  walk.values = g_ptr_array_new_with_free_func ((GDestroyNotify) declic_draft_value_free);
  for (DeclicSection section = 0; section < DECLIC_N_SECTIONS; section++)
    {
      walk.section = section;
      for (guint i = 0; i < tops->len; i++)
        {
          const DeclicFieldSpec *top = g_ptr_array_index (tops, i);
          json_object *value = NULL;

          if (top->section != section ||
              !json_object_object_get_ex (root, top->pattern, &value) || value == NULL)
            continue;
          if (top->type == DECLIC_FIELD_OBJECT)
            walk_object (&walk, top, value, top->pattern, NULL);
          else if (top->type == DECLIC_FIELD_ARRAY)
            walk_array (&walk, top, value, top->pattern, NULL);
        }
    }
  return walk.values;
}
