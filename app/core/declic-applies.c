/* declic-applies.c: which fields apply to the candidate's situation (see the header). */
#define G_LOG_DOMAIN "declic-applies"

#include "config.h"

#include <string.h>

#include "declic-applies.h"
#include "declic-draft-fields.h"
#include "declic-validate-private.h"

/* The node at @path ("education[1].country"), or NULL; @length bytes of @path only. */
static json_object *
lookup (json_object *root,
        const char  *path,
        gsize        length)
{
  json_object *node = root;
  const char *p = path;
  const char *end = path + length;

  while (node != NULL && p < end)
    {
      const char *stop = p;
      g_autofree char *key = NULL;

      while (stop < end && *stop != '.' && *stop != '[')
        stop++;
      key = g_strndup (p, stop - p);
      node = member (node, key);
      p = stop;
      while (node != NULL && p < end && *p == '[')
        {
          char *close = NULL;
          guint64 index = g_ascii_strtoull (p + 1, &close, 10);

          if (close == NULL || *close != ']' || !json_object_is_type (node, json_type_array)
              || index >= json_object_array_length (node))
            return NULL;
          node = json_object_array_get_idx (node, (gsize) index);
          p = close + 1;
        }
      if (p < end && *p == '.')
        p++;
    }
  return node;
}

gboolean
declic_applies_in_union (json_object *root)
{
  const char *status = get_text (member (root, "family"), "marital_status");

  return g_strcmp0 (status, "married") == 0 || g_strcmp0 (status, "de_facto") == 0;
}

gboolean
declic_applies_spouse (json_object *root)
{
  return declic_applies_in_union (root)
         && get_answer (member (root, "family"), "spouse_accompanies") == ANSWER_YES;
}

static gboolean
in_list (const char        *key,
         const char *const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_str_equal (key, keys[i]))
      return TRUE;
  return FALSE;
}

/* The rule itself, leaving aside whether the field holds a value. */
static gboolean
applies_by_rule (json_object *root,
                 const char  *path,
                 const char  *pattern)
{
  /* What the validator asks of a period of work (declic-validate-work.c); an internship is
   * work too, and a period with no kind yet shows them until one is chosen. */
  static const char *const work_keys[] = {
    "job_title", "noc_code", "employer", "country", "subdivision", "hours_per_week", NULL
  };
  /* Only an internship is paid or not, and compulsory for a diploma or not (DI.md §4). */
  static const char *const internship_keys[] = { "paid", "compulsory", NULL };
  const char *dot = strrchr (path, '.');
  const char *key = dot != NULL ? dot + 1 : path;
  json_object *item = dot != NULL ? lookup (root, path, dot - path) : NULL;

  if (g_str_equal (pattern, "family.union_date") || g_str_equal (pattern, "family.spouse_accompanies"))
    return declic_applies_in_union (root);
  if (g_str_has_prefix (pattern, "family.spouse."))
    return declic_applies_spouse (root);

  if (g_str_equal (pattern, "education[].subdivision"))
    /* The province matters only in Canada: a Québec diploma is one issued in CA-QC. */
    return g_strcmp0 (get_text (item, "country"), "CA") == 0;

  if (g_str_has_prefix (pattern, "work_history[].") && strchr (pattern + 15, '.') == NULL)
    {
      const char *type = get_text (item, "type");

      if (in_list (key, internship_keys))
        return g_strcmp0 (type, "internship") == 0;
      if (in_list (key, work_keys))
        return type == NULL || g_str_equal (type, "work") || g_str_equal (type, "internship");
    }
  return TRUE;
}

gboolean
declic_applies_field (json_object *root,
                      const char  *path)
{
  g_autofree char *pattern = declic_draft_fields_path_to_pattern (path);

  if (pattern == NULL || applies_by_rule (root, path, pattern))
    return TRUE;
  /* Entered before the situation changed: shown, so that it can be corrected or cleared. */
  return has_value (lookup (root, path, strlen (path)));
}
