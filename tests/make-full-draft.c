/* make-full-draft.c: prints a draft with every field of the field table filled, two items in
 * every list. check-draft-schema.py validates it against resources/draft.schema.json. */
#include "config.h"

#include <stdio.h>

#include "declic-draft.h"
#include "declic-draft-fields.h"

/* "education[].end_date" → "education[1].end_date" */
static char *
concrete_path (const char *pattern,
               guint       index)
{
  g_autofree char *number = g_strdup_printf ("[%u]", index);
  g_auto(GStrv) parts = g_strsplit (pattern, "[]", -1);

  return g_strjoinv (number, parts);
}

static void
fill (DeclicDraft           *draft,
      const DeclicFieldSpec *spec,
      const char            *path)
{
  switch (spec->type)
    {
    case DECLIC_FIELD_STRING:
    case DECLIC_FIELD_SUBDIVISION:
      declic_draft_set_string (draft, path, g_str_has_suffix (path, "subdivision") ? "CA-QC" : "Texte d’essai é");
      break;
    case DECLIC_FIELD_NOC:
      declic_draft_set_string (draft, path, "21231");
      break;
    case DECLIC_FIELD_EMAIL:
      declic_draft_set_string (draft, path, "camille@example.org");
      break;
    case DECLIC_FIELD_DATE:
      declic_draft_set_string (draft, path, "2024-02-29");
      break;
    case DECLIC_FIELD_DATETIME:
      declic_draft_set_string (draft, path, "2026-11-22T10:00:00Z");
      break;
    case DECLIC_FIELD_COUNTRY:
      declic_draft_set_string (draft, path, "CA");
      break;
    case DECLIC_FIELD_BOOLEAN:
      declic_draft_set_boolean (draft, path, TRUE);
      break;
    case DECLIC_FIELD_INTEGER:
      declic_draft_set_integer (draft, path, (gint64) spec->maximum);
      break;
    case DECLIC_FIELD_NUMBER:
      declic_draft_set_number (draft, path, spec->maximum / 2 + 0.5);
      break;
    case DECLIC_FIELD_ENUM:
      declic_draft_set_string (draft, path, spec->choices[0].code);
      break;
    case DECLIC_FIELD_OBJECT:
    case DECLIC_FIELD_ARRAY:
    default:
      break;
    }
}

int
main (void)
{
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autofree char *data = NULL;
  guint n;
  const DeclicFieldSpec *fields = declic_draft_fields_get_all (&n);

  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (fields[i].pattern, "schema_version") || g_str_equal (fields[i].pattern, "id"))
        continue;
      /* Index 1 too, so that every list has two items; index 0 first, so the list exists. */
      for (guint index = 0; index < 2; index++)
        {
          g_autofree char *path = concrete_path (fields[i].pattern, index);
          fill (draft, &fields[i], path);
          if (strstr (fields[i].pattern, "[]") == NULL)
            break;
        }
    }

  data = declic_draft_to_data (draft, NULL);
  fputs (data, stdout);
  return 0;
}
