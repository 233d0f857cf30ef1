/* declic-draft-life.c: the DI's life after filing (see the header). */
#define G_LOG_DOMAIN "declic-draft-life"

#include "config.h"

#include <json-c/json.h>
#include <string.h>

#include "declic-draft-fields.h"
#include "declic-draft-life.h"
#include "declic-finding.h"
#include "declic-i18n.h"
#include "declic-utils.h"

#define SNAPSHOT "after_filing.filed_values"

DeclicDiStage
declic_draft_life_get_stage (DeclicDraft *draft)
{
  const char *end, *outcome;

  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), DECLIC_DI_STAGE_DRAFT);

  end = declic_draft_get_string (draft, "after_filing.end");
  outcome = declic_draft_get_string (draft, "after_filing.invitation_outcome");
  if (g_strcmp0 (outcome, "application_filed") == 0)
    return DECLIC_DI_STAGE_APPLICATION_FILED;
  if (g_strcmp0 (end, "withdrawn") == 0)
    return DECLIC_DI_STAGE_WITHDRAWN;
  if (g_strcmp0 (end, "expired") == 0)
    return DECLIC_DI_STAGE_EXPIRED;
  if (g_strcmp0 (outcome, "declined") == 0)
    return DECLIC_DI_STAGE_INVITATION_DECLINED;
  if (declic_draft_has (draft, "invitation_date"))
    return DECLIC_DI_STAGE_INVITED;
  if (declic_draft_has (draft, "filing_date"))
    return DECLIC_DI_STAGE_FILED;
  return DECLIC_DI_STAGE_DRAFT;
}

static const char * const stage_ids[] = {
  "draft", "filed", "invited", "invitation_declined", "application_filed", "expired", "withdrawn",
};

static const char * const stage_labels[] = {
  N_("Draft, not filed"),
  N_("Filed in Arrima"),
  N_("Invited"),
  N_("Invitation declined"),
  N_("Selection application filed"),
  N_("DI expired"),
  N_("DI withdrawn"),
};

const char *
declic_di_stage_get_id (DeclicDiStage stage)
{
  g_return_val_if_fail ((guint) stage < G_N_ELEMENTS (stage_ids), NULL);
  return stage_ids[stage];
}

const char *
declic_di_stage_get_label (DeclicDiStage stage)
{
  g_return_val_if_fail ((guint) stage < G_N_ELEMENTS (stage_labels), NULL);
  return _(stage_labels[stage]);
}

/* What Arrima holds: the DI's sections, not Déclic's own bookkeeping (ids, dates of the file,
 * the after-filing events themselves). */
static gboolean
is_filed_answer (const char *path)
{
  const DeclicFieldSpec *spec = declic_draft_fields_lookup_path (path);

  return spec != NULL && spec->section != DECLIC_SECTION_NONE && spec->section != DECLIC_SECTION_REPRESENTATIVE;
}

static void
collect_leaves (json_object *node,
                const char  *path,
                GHashTable  *values)
{
  switch (json_object_get_type (node))
    {
    case json_type_object:
      {
        json_object_object_foreach (node, key, child)
        {
          g_autofree char *child_path = *path != '\0' ? g_strconcat (path, ".", key, NULL) : g_strdup (key);
          collect_leaves (child, child_path, values);
        }
      }
      break;
    case json_type_array:
      for (size_t i = 0; i < json_object_array_length (node); i++)
        {
          g_autofree char *child_path = g_strdup_printf ("%s[%u]", path, (guint) i);
          collect_leaves (json_object_array_get_idx (node, i), child_path, values);
        }
      break;
    case json_type_null:
      break;
    case json_type_boolean:
    case json_type_double:
    case json_type_int:
    case json_type_string:
    default:
      if (is_filed_answer (path))
        g_hash_table_insert (values, g_strdup (path),
                             g_strdup (json_object_to_json_string_ext (node, JSON_C_TO_STRING_PLAIN |
                                                                       JSON_C_TO_STRING_NOSLASHESCAPE)));
      break;
    }
}

static GHashTable *
current_values (DeclicDraft *draft)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  collect_leaves (declic_draft_get_root (draft), "", values);
  return values;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
keep_snapshot (DeclicDraft *draft)
{
  g_autoptr(GHashTable) values = current_values (draft);
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (paths, key);
  while (declic_draft_get_n_items (draft, SNAPSHOT) > 0)
    g_free (declic_draft_remove_item (draft, SNAPSHOT, 0));
  g_ptr_array_sort (paths, compare_strings);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      guint index = declic_draft_append_item (draft, SNAPSHOT);
      g_autofree char *path_field = g_strdup_printf (SNAPSHOT "[%u].path", index);
      g_autofree char *value_field = g_strdup_printf (SNAPSHOT "[%u].value", index);

      declic_draft_set_string (draft, path_field, path);
      declic_draft_set_string (draft, value_field, g_hash_table_lookup (values, path));
    }
}

/* A file of format 1.0 that gains 1.1 fields says so. */
static void
raise_schema_version (DeclicDraft *draft)
{
  g_autofree char *current = g_strdup_printf ("%d.%d", DECLIC_DRAFT_SCHEMA_MAJOR, DECLIC_DRAFT_SCHEMA_MINOR);
  const char *version = declic_draft_get_string (draft, "schema_version");
  const char *dot = version != NULL ? strchr (version, '.') : NULL;

  if (version != NULL && g_ascii_strtoull (version, NULL, 10) == DECLIC_DRAFT_SCHEMA_MAJOR &&
      dot != NULL && g_ascii_strtoull (dot + 1, NULL, 10) < DECLIC_DRAFT_SCHEMA_MINOR)
    declic_draft_set_string (draft, "schema_version", current);
}

void
declic_draft_life_record_filing (DeclicDraft *draft,
                                 const GDate *date,
                                 const char  *di_number)
{
  g_autofree char *text = NULL;

  g_return_if_fail (DECLIC_IS_DRAFT (draft));
  g_return_if_fail (date != NULL && g_date_valid (date));

  /* One change for the views, not one per value kept. */
  declic_draft_begin_changes (draft);
  raise_schema_version (draft);
  text = declic_utils_format_date (date);
  declic_draft_set_string (draft, "filing_date", text);
  declic_draft_set_string (draft, "after_filing.di_number", di_number);
  keep_snapshot (draft);
  declic_draft_end_changes (draft);
}

void
declic_draft_life_record_update (DeclicDraft *draft,
                                 const GDate *date)
{
  g_autofree char *text = NULL;

  g_return_if_fail (DECLIC_IS_DRAFT (draft));
  g_return_if_fail (date != NULL && g_date_valid (date));

  declic_draft_begin_changes (draft);
  raise_schema_version (draft);
  text = declic_utils_format_date (date);
  declic_draft_set_string (draft, "after_filing.updated_date", text);
  keep_snapshot (draft);
  declic_draft_end_changes (draft);
}

GPtrArray *
declic_draft_life_list_changed (DeclicDraft *draft)
{
  GPtrArray *changed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GHashTable) filed = NULL;
  guint n;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (DECLIC_IS_DRAFT (draft), changed);

  n = declic_draft_get_n_items (draft, SNAPSHOT);
  if (!declic_draft_has (draft, "filing_date") || n == 0)
    return changed;

  filed = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path_field = g_strdup_printf (SNAPSHOT "[%u].path", i);
      g_autofree char *value_field = g_strdup_printf (SNAPSHOT "[%u].value", i);
      const char *path = declic_draft_get_string (draft, path_field);

      if (path != NULL)
        g_hash_table_insert (filed, (gpointer) path, (gpointer) declic_draft_get_string (draft, value_field));
    }

  values = current_values (draft);
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (filed, key) || g_strcmp0 (g_hash_table_lookup (filed, key), value) != 0)
      g_ptr_array_add (changed, g_strdup (key));
  g_hash_table_iter_init (&iter, filed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (values, key))
      g_ptr_array_add (changed, g_strdup (key));

  g_ptr_array_sort (changed, compare_strings);
  return changed;
}

void
declic_draft_life_add_findings (DeclicDraft *draft,
                                GPtrArray   *findings)
{
  g_autoptr(GPtrArray) changed = NULL;
  DeclicDiStage stage;

  g_return_if_fail (DECLIC_IS_DRAFT (draft));
  g_return_if_fail (findings != NULL);

  stage = declic_draft_life_get_stage (draft);
  /* Arrima accepts updates until the invitation; after that the answers are the application's. */
  if (stage != DECLIC_DI_STAGE_FILED && stage != DECLIC_DI_STAGE_INVITED &&
      stage != DECLIC_DI_STAGE_INVITATION_DECLINED)
    return;

  changed = declic_draft_life_list_changed (draft);
  for (guint i = 0; i < changed->len; i++)
    {
      const char *path = g_ptr_array_index (changed, i);
      const DeclicFieldSpec *spec = declic_draft_fields_lookup_path (path);

      declic_finding_list_add_printf (findings, "after_filing.changed", path,
                                      spec != NULL ? spec->section : DECLIC_SECTION_NONE,
                                      DECLIC_SEVERITY_WARNING,
                                      _("“%s” changed since the DI was filed: update the DI in Arrima too."),
                                      spec != NULL ? _(spec->label) : path);
    }
}
