/* test-draft.c: the draft model — path access, repeated items, the field table, the schema. */
#include "config.h"

#include <json-c/json.h>

#include "declic-clock.h"
#include "declic-draft.h"
#include "declic-draft-fields.h"
#include "declic-draft-schema.h"
#include "declic-i18n.h"
#include "declic-utils.h"

static void
on_changed (DeclicDraft *draft,
            const char  *path,
            GPtrArray   *paths)
{
  g_ptr_array_add (paths, g_strdup (path));
}

static void
test_new_and_finalize (void)
{
  DeclicDraft *draft = declic_draft_new ();
  DeclicDraft *other = declic_draft_new ();

  g_assert_true (g_uuid_string_is_valid (declic_draft_get_id (draft)));
  g_assert_cmpstr (declic_draft_get_id (draft), !=, declic_draft_get_id (other));
  g_assert_cmpstr (declic_draft_get_string (draft, "schema_version"), ==, "1.1");
  g_assert_nonnull (declic_draft_get_string (draft, "created"));

  g_assert_finalize_object (draft);
  g_assert_finalize_object (other);
}

static void
test_paths (void)
{
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GDate date;

  g_signal_connect (draft, "changed", G_CALLBACK (on_changed), paths);

  g_assert_null (declic_draft_get_string (draft, "personal.family_names"));
  g_assert_false (declic_draft_has (draft, "personal"));

  declic_draft_set_string (draft, "personal.family_names", "Tremblay");
  g_assert_cmpstr (declic_draft_get_string (draft, "personal.family_names"), ==, "Tremblay");
  g_assert_true (declic_draft_has (draft, "personal"));
  g_assert_cmpuint (paths->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (paths, 0), ==, "personal.family_names");

  /* Setting the same value again is not a change. */
  declic_draft_set_string (draft, "personal.family_names", "Tremblay");
  g_assert_cmpuint (paths->len, ==, 1);

  /* An empty string removes the field. */
  declic_draft_set_string (draft, "personal.family_names", "");
  g_assert_false (declic_draft_has (draft, "personal.family_names"));
  g_assert_cmpuint (paths->len, ==, 2);

  declic_draft_set_boolean (draft, "consent.information_true", TRUE);
  g_assert_true (declic_draft_get_boolean (draft, "consent.information_true", FALSE));
  g_assert_false (declic_draft_get_boolean (draft, "consent.personal_information", FALSE));
  g_assert_true (declic_draft_get_boolean (draft, "consent.personal_information", TRUE));

  declic_draft_set_integer (draft, "quebec.months_outside_cmm_work", 14);
  g_assert_cmpint (declic_draft_get_integer (draft, "quebec.months_outside_cmm_work", -1), ==, 14);

  declic_draft_set_number (draft, "work_history[0].hours_per_week", 29.5);
  g_assert_cmpfloat (declic_draft_get_number (draft, "work_history[0].hours_per_week", 0), ==, 29.5);
  declic_draft_set_number (draft, "work_history[0].hours_per_week", 30);
  g_assert_true (json_object_is_type (json_object_object_get (json_object_array_get_idx (json_object_object_get (declic_draft_get_root (draft), "work_history"), 0), "hours_per_week"), json_type_int));

  /* A string where a number was asked reads as the fallback. */
  declic_draft_set_string (draft, "contact.phone", "+33 6 12 34 56 78");
  g_assert_cmpint (declic_draft_get_integer (draft, "contact.phone", -7), ==, -7);

  declic_draft_set_string (draft, "personal.birth_date", "2000-02-29");
  g_assert_true (declic_draft_get_date (draft, "personal.birth_date", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 29);
  declic_draft_set_string (draft, "personal.birth_date", "2001-02-29");
  g_assert_false (declic_draft_get_date (draft, "personal.birth_date", &date));

  declic_draft_unset (draft, "quebec");
  g_assert_false (declic_draft_has (draft, "quebec.months_outside_cmm_work"));
}

static void
test_reference_date (void)
{
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  GDate date, today, day, planned;
  g_autofree char *text = NULL;

  /* Relative to the clock's today, so that the test means the same on every day it runs at. */
  declic_clock_get_today (&today);
  declic_draft_get_reference_date (draft, NULL, &date);
  g_assert_cmpint (g_date_compare (&date, &today), ==, 0);
  g_assert_false (declic_draft_planned_filing_has_passed (draft, NULL, NULL));

  /* A planned date still to come is the reference date; today is one too. */
  day = today;
  g_date_add_days (&day, 30);
  text = declic_utils_format_date (&day);
  declic_draft_set_string (draft, "planned_filing_date", text);
  declic_draft_get_reference_date (draft, NULL, &date);
  g_assert_cmpint (g_date_compare (&date, &day), ==, 0);
  g_clear_pointer (&text, g_free);
  text = declic_utils_format_date (&today);
  declic_draft_set_string (draft, "planned_filing_date", text);
  declic_draft_get_reference_date (draft, NULL, &date);
  g_assert_cmpint (g_date_compare (&date, &today), ==, 0);
  g_assert_false (declic_draft_planned_filing_has_passed (draft, NULL, NULL));

  /* A planned date that has passed gives way to today, and says so. */
  day = today;
  g_date_subtract_days (&day, 1);
  g_clear_pointer (&text, g_free);
  text = declic_utils_format_date (&day);
  declic_draft_set_string (draft, "planned_filing_date", text);
  declic_draft_get_reference_date (draft, NULL, &date);
  g_assert_cmpint (g_date_compare (&date, &today), ==, 0);
  g_assert_true (declic_draft_planned_filing_has_passed (draft, NULL, &planned));
  g_assert_cmpint (g_date_compare (&planned, &day), ==, 0);

  /* A caller's today wins over the clock's: the day before, the plan had not passed yet. */
  declic_draft_get_reference_date (draft, &day, &date);
  g_assert_cmpint (g_date_compare (&date, &day), ==, 0);
  g_assert_false (declic_draft_planned_filing_has_passed (draft, &day, NULL));
}

static void
test_items (void)
{
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autofree char *removed = NULL;
  guint i;

  g_assert_cmpuint (declic_draft_get_n_items (draft, "education"), ==, 0);
  for (i = 0; i < 3; i++)
    {
      g_autofree char *path = NULL;
      g_assert_cmpuint (declic_draft_append_item (draft, "education"), ==, i);
      path = g_strdup_printf ("education[%u].title", i);
      declic_draft_set_string (draft, path, (const char *[]) { "DEC", "BAC", "MBA" }[i]);
    }
  g_assert_cmpuint (declic_draft_get_n_items (draft, "education"), ==, 3);

  /* Remove the middle one, then undo. */
  removed = declic_draft_remove_item (draft, "education", 1);
  g_assert_nonnull (removed);
  g_assert_cmpuint (declic_draft_get_n_items (draft, "education"), ==, 2);
  g_assert_cmpstr (declic_draft_get_string (draft, "education[1].title"), ==, "MBA");
  g_assert_true (declic_draft_insert_item (draft, "education", 1, removed));
  g_assert_cmpstr (declic_draft_get_string (draft, "education[0].title"), ==, "DEC");
  g_assert_cmpstr (declic_draft_get_string (draft, "education[1].title"), ==, "BAC");
  g_assert_cmpstr (declic_draft_get_string (draft, "education[2].title"), ==, "MBA");

  declic_draft_move_item (draft, "education", 0, 2);
  g_assert_cmpstr (declic_draft_get_string (draft, "education[0].title"), ==, "BAC");
  g_assert_cmpstr (declic_draft_get_string (draft, "education[2].title"), ==, "DEC");
  declic_draft_move_item (draft, "education", 2, 0);
  g_assert_cmpstr (declic_draft_get_string (draft, "education[0].title"), ==, "DEC");
  g_assert_cmpstr (declic_draft_get_string (draft, "education[1].title"), ==, "BAC");

  /* An array of strings gets empty strings as new items. */
  g_assert_cmpuint (declic_draft_append_item (draft, "personal.citizenships"), ==, 0);
  declic_draft_set_string (draft, "personal.citizenships[0]", "FR");
  g_assert_cmpstr (declic_draft_get_string (draft, "personal.citizenships[0]"), ==, "FR");

  /* Removing the last item of an array, then undoing, into an emptied array. */
  g_free (removed);
  removed = declic_draft_remove_item (draft, "personal.citizenships", 0);
  g_assert_cmpuint (declic_draft_get_n_items (draft, "personal.citizenships"), ==, 0);
  g_assert_true (declic_draft_insert_item (draft, "personal.citizenships", 0, removed));
  g_assert_cmpstr (declic_draft_get_string (draft, "personal.citizenships[0]"), ==, "FR");

  g_assert_null (declic_draft_remove_item (draft, "education", 7));
}

static void
test_duplicate (void)
{
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autoptr(DeclicDraft) copy = NULL;

  declic_draft_set_string (draft, "personal.given_names", "Amélie");
  declic_draft_set_string (draft, "filing_date", "2026-01-10");
  copy = declic_draft_duplicate (draft);
  g_assert_cmpstr (declic_draft_get_string (copy, "personal.given_names"), ==, "Amélie");
  g_assert_cmpstr (declic_draft_get_id (copy), !=, declic_draft_get_id (draft));
  g_assert_false (declic_draft_has (copy, "filing_date"));

  /* The copy is deep. */
  declic_draft_set_string (copy, "personal.given_names", "Zoé");
  g_assert_cmpstr (declic_draft_get_string (draft, "personal.given_names"), ==, "Amélie");
}

/* Every field's parent is in the table, every enum has choices, every section has fields. */
static void
test_field_table (void)
{
  guint n;
  const DeclicFieldSpec *fields = declic_draft_fields_get_all (&n);
  guint per_section[DECLIC_N_SECTIONS] = { 0 };

  g_assert_cmpuint (n, >, 150);
  for (guint i = 0; i < n; i++)
    {
      const char *pattern = fields[i].pattern;
      const char *dot = strrchr (pattern, '.');
      gsize len = strlen (pattern);

      if (fields[i].type == DECLIC_FIELD_ENUM)
        g_assert_nonnull (fields[i].choices);
      if (fields[i].section >= 0)
        per_section[fields[i].section]++;

      if (len > 2 && g_str_has_suffix (pattern, "[]"))
        {
          g_autofree char *parent = g_strndup (pattern, len - 2);
          g_assert_nonnull (declic_draft_fields_lookup (parent));
          g_assert_cmpint (declic_draft_fields_lookup (parent)->type, ==, DECLIC_FIELD_ARRAY);
        }
      else if (dot != NULL)
        {
          g_autofree char *parent = g_strndup (pattern, dot - pattern);
          g_assert_nonnull (declic_draft_fields_lookup (parent));
          g_assert_cmpint (declic_draft_fields_lookup (parent)->type, ==, DECLIC_FIELD_OBJECT);
        }
    }
  for (int s = 0; s < DECLIC_N_SECTIONS; s++)
    {
      g_assert_cmpuint (per_section[s], >, 0);
      g_assert_cmpint (declic_section_from_id (declic_section_get_id (s)), ==, s);
    }

  g_assert_nonnull (declic_draft_fields_lookup_path ("education[12].end_date"));
  g_assert_cmpint (declic_draft_fields_lookup_path ("family.spouse.french.results[0].speaking.level")->type, ==, DECLIC_FIELD_INTEGER);
  g_assert_null (declic_draft_fields_lookup_path ("education[0].favourite_colour"));
  g_assert_cmpstr (declic_enum_choice_get_label ("family.marital_status", "de_facto"), ==, "De facto union");
  g_assert_cmpstr (declic_enum_choice_get_label ("family.marital_status", "martian"), ==, "martian");
}

/* resources/draft.schema.json is exactly what the field table generates. */
static void
test_schema_in_step (void)
{
  g_autofree char *generated = declic_draft_schema_generate ();
  g_autofree char *path = g_build_filename (g_getenv ("DECLIC_SOURCE_ROOT"), "resources", "draft.schema.json", NULL);
  g_autofree char *committed = NULL;

  g_assert_true (g_file_get_contents (path, &committed, NULL, NULL));
  if (g_strcmp0 (generated, committed) != 0)
    g_test_message ("resources/draft.schema.json is out of date: regenerate it with "
                    "`build/app/declic schema > resources/draft.schema.json`");
  g_assert_cmpstr (generated, ==, committed);
}

static void
count_change (DeclicDraft *draft,
              const char  *path,
              GPtrArray   *paths)
{
  g_ptr_array_add (paths, g_strdup (path != NULL ? path : "(many)"));
}

/* Changes held back come out as one, with no path; nested holds wait for the outermost. */
static void
test_held_changes (void)
{
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (draft, "changed", G_CALLBACK (count_change), paths);
  declic_draft_set_string (draft, "personal.given_names", "Ana");
  g_assert_cmpuint (paths->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (paths, 0), ==, "personal.given_names");

  declic_draft_begin_changes (draft);
  declic_draft_begin_changes (draft);
  declic_draft_set_string (draft, "personal.family_names", "Roy");
  declic_draft_append_item (draft, "personal.citizenships");
  declic_draft_end_changes (draft);
  g_assert_cmpuint (paths->len, ==, 1);
  declic_draft_end_changes (draft);
  g_assert_cmpuint (paths->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (paths, 1), ==, "(many)");
  g_assert_cmpstr (declic_draft_get_string (draft, "personal.family_names"), ==, "Roy");

  /* Nothing changed while held: nothing is said. */
  declic_draft_begin_changes (draft);
  declic_draft_end_changes (draft);
  g_assert_cmpuint (paths->len, ==, 2);
}

static void
test_item_path (void)
{
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autofree char *item = declic_draft_item_path ("education", 0, NULL);
  g_autofree char *field = declic_draft_item_path ("family.spouse.french.results", 12, "result_date");
  g_autofree char *last = declic_draft_item_path ("x", G_MAXUINT, "y");
  g_autofree char *level = NULL;

  g_assert_cmpstr (item, ==, "education[0]");
  g_assert_cmpstr (field, ==, "family.spouse.french.results[12].result_date");
  g_assert_cmpstr (last, ==, "x[4294967295].y");

  /* The path reads what the item holds. */
  declic_draft_append_item (draft, "education");
  declic_draft_append_item (draft, "education");
  declic_draft_set_string (draft, "education[1].level", "doctorate");
  level = declic_draft_item_path ("education", 1, "level");
  g_assert_cmpstr (declic_draft_get_string (draft, level), ==, "doctorate");
}

/* Every field of @draft the memo test reads, as text: read inside a freeze, it goes through the
 * path memo; outside one, through the tree. */
static char *
read_fields (DeclicDraft *draft)
{
  static const char * const paths[] = {
    "personal.family_names", "education[0].level", "education[1].level", "education[2].level",
    "work_history[0].end_date", "work_history", "education", "no.such[3].field",
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    g_string_append_printf (text, "%s=%s/%d/%u;", paths[i], declic_draft_get_string (draft, paths[i]),
                            declic_draft_has (draft, paths[i]), declic_draft_get_n_items (draft, paths[i]));
  return g_string_free (text, FALSE);
}

/* Reads in a freeze are answered from a memo of the draft's paths (declic-draft.c): it must
 * answer what the tree holds after every kind of change, and for a draft made where a freed
 * one was, never what the freed one held. */
static void
test_path_memo (void)
{
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autofree char *removed = NULL;

  declic_i18n_freeze ();
  for (guint step = 0; step < 7; step++)
    {
      g_autofree char *frozen = NULL;
      g_autofree char *again = NULL;
      g_autofree char *walked = NULL;

      switch (step)
        {
        case 1:
          declic_draft_set_string (draft, "personal.family_names", "Marchand");
          declic_draft_append_item (draft, "education");
          declic_draft_append_item (draft, "education");
          declic_draft_set_string (draft, "education[0].level", "doctorate");
          declic_draft_set_string (draft, "education[1].level", "college");
          break;
        case 2:
          declic_draft_move_item (draft, "education", 0, 1);
          break;
        case 3:
          removed = declic_draft_remove_item (draft, "education", 0);
          break;
        case 4:
          declic_draft_insert_item (draft, "education", 1, removed);
          break;
        case 5:
          declic_draft_unset (draft, "personal.family_names");
          break;
        case 6:
          /* Another draft, perhaps at the freed one's address, with other values. */
          g_clear_object (&draft);
          draft = declic_draft_new ();
          declic_draft_set_string (draft, "education[0].level", "secondary");
          break;
        default:
          break;
        }
      frozen = read_fields (draft);
      again = read_fields (draft);
      declic_i18n_thaw ();
      walked = read_fields (draft);
      declic_i18n_freeze ();
      g_assert_cmpstr (frozen, ==, walked);
      g_assert_cmpstr (again, ==, walked);
    }
  declic_i18n_thaw ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/draft/new-and-finalize", test_new_and_finalize);
  g_test_add_func ("/draft/paths", test_paths);
  g_test_add_func ("/draft/reference-date", test_reference_date);
  g_test_add_func ("/draft/items", test_items);
  g_test_add_func ("/draft/item-path", test_item_path);
  g_test_add_func ("/draft/duplicate", test_duplicate);
  g_test_add_func ("/draft/field-table", test_field_table);
  g_test_add_func ("/draft/schema-in-step", test_schema_in_step);
  g_test_add_func ("/draft/held-changes", test_held_changes);
  g_test_add_func ("/draft/path-memo", test_path_memo);

  return g_test_run ();
}
