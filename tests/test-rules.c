/* test-rules.c: the rule sets load from the GResource, every figure group says how sure it is,
 * the right set is picked by date, and broken data is refused with a useful message. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <json-c/json.h>

#include "declic-i18n.h"
#include "declic-rules.h"
#include "rules-test-util.h"

static void
test_rules_builtin_load (void)
{
  DeclicRules *rules = declic_rules_get_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicRules) again = declic_rules_new_from_resources (DECLIC_RULES_RESOURCE_DIR, &error);

  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_cmpuint (declic_rules_get_n_rule_sets (rules), >=, 2);
  g_assert_cmpuint (declic_rules_get_n_rule_sets (again), ==, declic_rules_get_n_rule_sets (rules));
  g_assert_nonnull (declic_rules_lookup (rules, "di-filing-2023"));
  g_assert_nonnull (declic_rules_lookup (rules, "pstq-2025-07-02"));
  g_assert_true (declic_rule_set_get_parent (get_rule_set ("pstq-2025-07-02")) == get_rule_set ("di-filing-2023"));
  g_assert_cmpstr (declic_rule_set_get_program (get_rule_set ("pstq-2025-07-02")), ==, "pstq");
  g_assert_null (declic_rule_set_get_program (get_rule_set ("di-filing-2023")));
}

/* In a freeze a group is answered from a memo (declic-rules.c): every group of every set, and a
 * name that is no group, must be what a lookup outside the freeze finds, asked twice, and a name
 * written at the address of another must be looked up as itself. */
static void
test_rules_group_memo (void)
{
  DeclicRules *rules = declic_rules_get_default ();
  char name[64];

  declic_i18n_freeze ();
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < declic_rules_get_n_rule_sets (rules); i++)
      {
        DeclicRuleSet *set = declic_rules_get_rule_set (rules, i);
        g_auto(GStrv) groups = declic_rule_set_list_groups (set);

        g_assert_nonnull (groups[0]);
        for (guint g = 0; groups[g] != NULL; g++)
          {
            json_object *frozen = declic_rule_set_get_group (set, groups[g]);

            declic_i18n_thaw ();
            g_assert_true (frozen == declic_rule_set_get_group (set, groups[g]));
            declic_i18n_freeze ();
            g_assert_nonnull (frozen);
          }
        g_assert_null (declic_rule_set_get_group (set, "no.such.group"));
        g_strlcpy (name, groups[0], sizeof name);
        g_assert_true (declic_rule_set_get_group (set, name) == declic_rule_set_get_group (set, groups[0]));
        g_strlcpy (name, "no.such.group", sizeof name);
        g_assert_null (declic_rule_set_get_group (set, name));
      }
  declic_i18n_thaw ();
}

/* DI.md: every figure says how sure it is, with one of its four labels, and where it is from. */
static void
test_rules_every_group_has_status (void)
{
  DeclicRules *rules = declic_rules_get_default ();

  for (guint i = 0; i < declic_rules_get_n_rule_sets (rules); i++)
    {
      DeclicRuleSet *set = declic_rules_get_rule_set (rules, i);
      g_auto(GStrv) groups = declic_rule_set_list_groups (set);

      g_assert_nonnull (declic_rule_set_get_title (set));
      g_assert_nonnull (declic_rule_set_get_source (set));
      g_assert_cmpuint (g_strv_length (groups), >, 0);
      for (guint g = 0; groups[g] != NULL; g++)
        {
          json_object *group = declic_rule_set_get_group (set, groups[g]);
          json_object *status = NULL;

          g_test_message ("%s: %s", declic_rule_set_get_id (set), groups[g]);
          g_assert_true (json_object_object_get_ex (group, "status", &status));
          g_assert_true (declic_rule_status_from_id (json_object_get_string (status), NULL));
          g_assert_nonnull (declic_rule_set_get_group_source (set, groups[g]));
        }
    }
}

static void
test_rules_figures (void)
{
  DeclicRuleSet *filing = get_rule_set ("di-filing-2023");
  DeclicRuleSet *pstq = get_rule_set ("pstq-2025-07-02");
  g_auto(GStrv) pstq_groups = declic_rule_set_list_groups (pstq);

  g_assert_cmpint (declic_rule_set_get_figure (filing, "filing_ages", "applicant_min_age", -1), ==, 18);
  g_assert_cmpint (declic_rule_set_get_figure (filing, "filing_ages", "spouse_min_age", -1), ==, 16);
  g_assert_cmpint (declic_rule_set_get_figure (filing, "di_validity", "months", -1), ==, 12);
  g_assert_cmpint (declic_rule_set_get_figure (filing, "invitation_answer", "days", -1), ==, 60);
  g_assert_cmpint (declic_rule_set_get_figure (filing, "language_results", "years", -1), ==, 2);
  g_assert_cmpint (declic_rule_set_get_figure (filing, "arrima_draft", "days", -1), ==, 90);
  g_assert_cmpint (declic_rule_set_get_group_status (filing, "di_validity"), ==, DECLIC_RULE_STATUS_OFFICIAL);
  g_assert_cmpint (declic_rule_set_get_group_status (filing, "arrima_draft"), ==, DECLIC_RULE_STATUS_SECONDARY);
  g_assert_cmpuint (declic_rule_set_get_soon_days (filing), ==, 30);

  /* Inherited from the filing conditions, and the set's own. */
  g_assert_cmpint (declic_rule_set_get_figure (pstq, "di_validity", "months", -1), ==, 12);
  g_assert_cmpuint (declic_rule_set_get_soon_days (pstq), ==, 30);
  g_assert_cmpint (declic_rule_set_get_figure (pstq, "invitation_stream3", "months", -1), ==, 12);
  g_assert_cmpint (declic_rule_set_get_group_status (pstq, "streams"), ==, DECLIC_RULE_STATUS_SECONDARY);
  g_assert_cmpint (declic_rule_set_get_group_status (pstq, "grid"), ==, DECLIC_RULE_STATUS_DERIVED);
  g_assert_cmpint (declic_rule_set_get_group_status (pstq, "no-such-group"), ==, DECLIC_RULE_STATUS_UNKNOWN);
  g_assert_false (declic_rule_set_has_group (filing, "grid"));
  g_assert_true (g_strv_contains ((const char * const *) pstq_groups, "di_validity"));

  /* Every table of DI.md §5 is there, and every one of them is a derived figure. */
  {
    static const char *tables[] = {
      "grid.french", "grid.age", "grid.experience", "grid.education", "grid.diagnosis",
      "grid.authorization", "grid.quebec_diploma", "grid.quebec_experience", "grid.outside_cmm",
      "grid.job_offer", "grid.studies_without_diploma", "grid.family_member", "grid.spouse_french",
      "grid.spouse_age", "grid.spouse_quebec_experience", "grid.spouse_education",
      "grid.spouse_quebec_diploma",
    };

    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      g_assert_cmpint (declic_rule_set_get_group_status (pstq, tables[i]), ==, DECLIC_RULE_STATUS_DERIVED);
  }
}

static void
test_rules_pick_by_date (void)
{
  DeclicRules *rules = declic_rules_get_default ();
  static const struct { const char *date; const char *id; } rows[] = {
    { "2023-01-01", "di-filing-2023" },
    { "2024-11-29", "di-filing-2023" },
    { "2025-07-01", "di-filing-2023" },
    { "2025-07-02", "pstq-2025-07-02" },
    { "2030-01-01", "pstq-2025-07-02" },
  };
  g_autoptr(GError) error = NULL;
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      DeclicRuleSet *set;

      date = date_from (rows[i].date);
      set = declic_rules_pick_for_date (rules, &date, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (declic_rule_set_get_id (set), ==, rows[i].id);
    }

  date = date_from ("2022-12-31");
  g_assert_null (declic_rules_pick_for_date (rules, &date, &error));
  g_assert_error (error, DECLIC_RULES_ERROR, DECLIC_RULES_ERROR_NONE_IN_FORCE);
}

static void
test_rules_get_unknown (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (declic_rules_get (declic_rules_get_default (), "pstq-1999", &error));
  g_assert_error (error, DECLIC_RULES_ERROR, DECLIC_RULES_ERROR_NOT_FOUND);
  /* The message lists what exists, so the person can correct --rules. */
  g_assert_nonnull (strstr (error->message, "pstq-2025-07-02"));
}

#define PARENT \
  "{\"format\": 1, \"kind\": \"rule-set\", \"id\": \"base\", \"title\": \"Base\", \"source\": \"test\"," \
  " \"effective_from\": \"2020-01-01\", \"effective_to\": \"2020-12-31\"," \
  " \"groups\": {\"di_validity\": {\"status\": \"official\", \"source\": \"t\", \"months\": 12}}}"
#define CHILD \
  "{\"format\": 1, \"kind\": \"rule-set\", \"id\": \"child\", \"extends\": \"base\", \"title\": \"Child\"," \
  " \"title_fr\": \"Enfant\", \"source\": \"test\", \"effective_from\": \"2020-06-01\", \"effective_to\": null," \
  " \"settings\": {\"soon_days\": 10}," \
  " \"groups\": {\"di_validity\": {\"status\": \"secondary\", \"source\": \"t\", \"months\": 6}}}"

static void
test_rules_custom (void)
{
  g_autoptr(DeclicRules) rules = declic_rules_new ();
  g_autoptr(GError) error = NULL;
  DeclicRuleSet *base, *child;
  GDate date;

  /* A child before its parent is refused. */
  g_assert_null (declic_rules_add_from_data (rules, CHILD, -1, &error));
  g_assert_error (error, DECLIC_RULES_ERROR, DECLIC_RULES_ERROR_NOT_FOUND);
  g_clear_error (&error);

  base = declic_rules_add_from_data (rules, PARENT, -1, &error);
  g_assert_no_error (error);
  child = declic_rules_add_from_data (rules, CHILD, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (declic_rule_set_get_figure (child, "di_validity", "months", -1), ==, 6);
  g_assert_cmpuint (declic_rule_set_get_soon_days (child), ==, 10);
  g_assert_cmpuint (declic_rule_set_get_soon_days (base), ==, DECLIC_RULES_DEFAULT_SOON_DAYS);

  date = date_from ("2020-03-01");
  g_assert_true (declic_rules_pick_for_date (rules, &date, NULL) == base);
  date = date_from ("2020-07-01");
  g_assert_true (declic_rules_pick_for_date (rules, &date, NULL) == child);
  date = date_from ("2021-01-01");
  g_assert_true (declic_rules_pick_for_date (rules, &date, NULL) == child);
  g_assert_true (declic_rule_set_get_effective_to (base, &date));
  g_assert_false (declic_rule_set_get_effective_to (child, NULL));

  g_assert_null (declic_rules_add_from_data (rules, PARENT, -1, &error));
  g_assert_error (error, DECLIC_RULES_ERROR, DECLIC_RULES_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Titles follow the UI's language. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_assert_cmpstr (declic_rule_set_get_title (child), ==, "Enfant");
  g_assert_cmpstr (declic_rule_set_get_title (base), ==, "Base");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpstr (declic_rule_set_get_title (child), ==, "Child");
}

static void
test_rules_malformed (void)
{
  static const char *broken[] = {
    "not json",
    "[]",
    "{\"format\": 2, \"id\": \"x\", \"title\": \"x\", \"source\": \"x\", \"effective_from\": \"2020-01-01\", \"groups\": {}}",
    "{\"format\": 1, \"title\": \"x\", \"source\": \"x\", \"effective_from\": \"2020-01-01\", \"groups\": {}}",
    "{\"format\": 1, \"id\": \"x\", \"source\": \"x\", \"effective_from\": \"2020-01-01\", \"groups\": {}}",
    "{\"format\": 1, \"id\": \"x\", \"title\": \"x\", \"effective_from\": \"2020-01-01\", \"groups\": {}}",
    "{\"format\": 1, \"id\": \"x\", \"title\": \"x\", \"source\": \"x\", \"effective_from\": \"2020-1-1\", \"groups\": {}}",
    "{\"format\": 1, \"id\": \"x\", \"title\": \"x\", \"source\": \"x\", \"effective_from\": \"2020-01-01\", \"effective_to\": \"2019-01-01\", \"groups\": {}}",
    "{\"format\": 1, \"id\": \"x\", \"title\": \"x\", \"source\": \"x\", \"effective_from\": \"2020-01-01\"}",
    /* A figure group without a status, or with one DI.md does not use. */
    "{\"format\": 1, \"id\": \"x\", \"title\": \"x\", \"source\": \"x\", \"effective_from\": \"2020-01-01\", \"groups\": {\"a\": {\"days\": 3}}}",
    "{\"format\": 1, \"id\": \"x\", \"title\": \"x\", \"source\": \"x\", \"effective_from\": \"2020-01-01\", \"groups\": {\"a\": {\"status\": \"probable\"}}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(DeclicRules) rules = declic_rules_new ();
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", broken[i]);
      g_assert_null (declic_rules_add_from_data (rules, broken[i], -1, &error));
      g_assert_error (error, DECLIC_RULES_ERROR, DECLIC_RULES_ERROR_MALFORMED);
    }
}

static void
test_rules_bands (void)
{
  json_object *bands = json_tokener_parse ("[{\"from\": 6, \"to\": 11, \"points\": 5},"
                                           " {\"from\": 12, \"single\": 20, \"spouse\": 15}]");
  gint64 points = -1;

  g_assert_false (declic_rule_bands_lookup (bands, 5, "points", &points));
  g_assert_true (declic_rule_bands_lookup (bands, 6, "points", &points));
  g_assert_cmpint (points, ==, 5);
  g_assert_true (declic_rule_bands_lookup (bands, 11, "single", &points));
  g_assert_cmpint (points, ==, 5);
  g_assert_true (declic_rule_bands_lookup (bands, 400, "spouse", &points));
  g_assert_cmpint (points, ==, 15);
  g_assert_cmpint (declic_rule_bands_get_max (bands, "single"), ==, 20);
  g_assert_false (declic_rule_bands_lookup (NULL, 1, "points", &points));
  json_object_put (bands);
}

/* Compares @loaded, read when its rule set was loaded, with the same table read afresh. */
static void
assert_bands_agree (json_object *loaded)
{
  static const char * const columns[] = { "points", "single", "spouse", "from", "to", "none" };
  json_object *fresh = json_tokener_parse (json_object_to_json_string (loaded));

  g_assert_nonnull (fresh);
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      g_assert_cmpint (declic_rule_bands_get_max (loaded, columns[c]), ==,
                       declic_rule_bands_get_max (fresh, columns[c]));
      for (gint64 value = -5; value <= 200; value++)
        {
          gint64 loaded_points = -1, fresh_points = -1;

          g_assert_cmpint (declic_rule_bands_lookup (loaded, value, columns[c], &loaded_points), ==,
                           declic_rule_bands_lookup (fresh, value, columns[c], &fresh_points));
          g_assert_cmpint (loaded_points, ==, fresh_points);
        }
    }
  json_object_put (fresh);
}

static void
assert_all_bands_agree (json_object *node,
                        guint       *n_tables)
{
  if (json_object_is_type (node, json_type_object))
    {
      json_object_object_foreach (node, key, child)
      {
        (void) key;
        assert_all_bands_agree (child, n_tables);
      }
    }
  else if (json_object_is_type (node, json_type_array))
    {
      assert_bands_agree (node);
      (*n_tables)++;
    }
}

/* What the grid read a levels table's maximum as, before the tables were read at load: a
 * row's column if the row has it, else its "points", counted when it is an integer. */
static gint64
reference_levels_max (json_object *levels,
                      const char  *column)
{
  gint64 max = 0;

  json_object_object_foreach (levels, key, row)
  {
    json_object *node = NULL;

    (void) key;
    if (!json_object_object_get_ex (row, column, &node))
      json_object_object_get_ex (row, "points", &node);
    if (node != NULL && json_object_is_type (node, json_type_int))
      max = MAX (max, json_object_get_int64 (node));
  }
  return max;
}

static void
assert_levels_agree (json_object *levels)
{
  static const char * const columns[] = { "points", "single", "spouse", "none" };
  json_object *fresh = json_tokener_parse (json_object_to_json_string (levels));

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      g_assert_cmpint (declic_rule_levels_get_max (levels, columns[c]), ==, reference_levels_max (levels, columns[c]));
      g_assert_cmpint (declic_rule_levels_get_max (fresh, columns[c]), ==, reference_levels_max (levels, columns[c]));
    }
  json_object_put (fresh);
}

static void
assert_all_levels_agree (json_object *node,
                         guint       *n_tables)
{
  if (!json_object_is_type (node, json_type_object))
    return;
  {
    json_object_object_foreach (node, key, child)
    {
      if (g_str_equal (key, "levels") && json_object_is_type (child, json_type_object))
        {
          assert_levels_agree (child);
          (*n_tables)++;
        }
      assert_all_levels_agree (child, n_tables);
    }
  }
}

/* Runs @check on every group of every built-in rule set; returns the tables it counted. */
static guint
check_builtin_groups (void (*check) (json_object *group, guint *n_tables))
{
  DeclicRules *builtin = declic_rules_get_default ();
  guint n_tables = 0;

  for (guint i = 0; i < declic_rules_get_n_rule_sets (builtin); i++)
    {
      DeclicRuleSet *set = declic_rules_get_rule_set (builtin, i);
      g_auto(GStrv) groups = declic_rule_set_list_groups (set);

      for (guint g = 0; groups[g] != NULL; g++)
        check (declic_rule_set_get_group (set, groups[g]), &n_tables);
    }
  return n_tables;
}

/* The grid's levels tables are read at load too: their maxima must be what reading the JSON
 * gives, for the built-in sets and for odd rows (a column that is not a number gives nothing,
 * a row without the column gives its "points", a row that is not an object nothing). */
static void
test_rules_levels_loaded_agree (void)
{
  g_autoptr(DeclicRules) rules = declic_rules_new ();
  g_autoptr(GError) error = NULL;
  DeclicRuleSet *odd;
  guint n_tables;

  n_tables = check_builtin_groups (assert_all_levels_agree);
  g_assert_cmpuint (n_tables, >=, 4);

  odd = declic_rules_add_from_data (rules,
                                    "{\"format\": 1, \"id\": \"odd\", \"title\": \"x\", \"source\": \"x\","
                                    " \"effective_from\": \"2020-01-01\", \"groups\": {\"g\": {\"status\": \"unknown\","
                                    " \"levels\": {\"a\": {\"single\": \"90\", \"points\": 80}, \"b\": {\"points\": 30},"
                                    " \"c\": 7, \"d\": {\"spouse\": 12, \"points\": \"x\"}, \"e\": {\"single\": -4}}}}}",
                                    -1, &error);
  g_assert_no_error (error);
  n_tables = 0;
  assert_all_levels_agree (declic_rule_set_get_group (odd, "g"), &n_tables);
  g_assert_cmpuint (n_tables, ==, 1);
  g_assert_cmpint (declic_rule_levels_get_max (json_object_object_get (declic_rule_set_get_group (odd, "g"), "levels"),
                                               "single"), ==, 30);
}

/* A rule set's tables are read once when it is loaded (declic-rules.c): every lookup must give
 * what the same table gives read afresh, in the built-in sets and in odd ones. */
static void
test_rules_bands_loaded_agree (void)
{
  g_autoptr(DeclicRules) rules = declic_rules_new ();
  g_autoptr(GError) error = NULL;
  DeclicRuleSet *odd;
  guint n_tables;

  n_tables = check_builtin_groups (assert_all_bands_agree);
  g_assert_cmpuint (n_tables, >, 10);

  /* A band without "from", one whose points are not a number, "to" before "from", overlaps,
   * a column in one band only, and an array that is not of bands. */
  odd = declic_rules_add_from_data (rules,
                                    "{\"format\": 1, \"id\": \"odd\", \"title\": \"x\", \"source\": \"x\","
                                    " \"effective_from\": \"2020-01-01\", \"groups\": {\"g\": {\"status\": \"unknown\","
                                    " \"bands\": [{\"to\": 3, \"points\": 1}, {\"from\": 2, \"points\": \"7\"},"
                                    " {\"from\": 9, \"to\": 4, \"points\": 2}, {\"from\": 0, \"to\": 10, \"single\": 3},"
                                    " {\"from\": 5, \"points\": 4, \"spouse\": 6}, {\"from\": 5, \"points\": 9}],"
                                    " \"other\": [1, {\"from\": 0, \"points\": 5}, \"x\"]}}}",
                                    -1, &error);
  g_assert_no_error (error);
  n_tables = 0;
  assert_all_bands_agree (declic_rule_set_get_group (odd, "g"), &n_tables);
  g_assert_cmpuint (n_tables, ==, 2);
}

static void
test_rules_status_labels (void)
{
  for (DeclicRuleStatus s = DECLIC_RULE_STATUS_OFFICIAL; s <= DECLIC_RULE_STATUS_UNKNOWN; s++)
    {
      DeclicRuleStatus back;

      g_assert_true (declic_rule_status_from_id (declic_rule_status_get_id (s), &back));
      g_assert_cmpint (back, ==, s);
      g_assert_nonnull (declic_rule_status_get_label (s));
    }
  g_assert_false (declic_rule_status_from_id ("probable", NULL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/builtin-load", test_rules_builtin_load);
  g_test_add_func ("/rules/every-group-has-status", test_rules_every_group_has_status);
  g_test_add_func ("/rules/group-memo", test_rules_group_memo);
  g_test_add_func ("/rules/figures", test_rules_figures);
  g_test_add_func ("/rules/pick-by-date", test_rules_pick_by_date);
  g_test_add_func ("/rules/get-unknown", test_rules_get_unknown);
  g_test_add_func ("/rules/custom", test_rules_custom);
  g_test_add_func ("/rules/malformed", test_rules_malformed);
  g_test_add_func ("/rules/bands", test_rules_bands);
  g_test_add_func ("/rules/bands/loaded-agree", test_rules_bands_loaded_agree);
  g_test_add_func ("/rules/levels/loaded-agree", test_rules_levels_loaded_agree);
  g_test_add_func ("/rules/status-labels", test_rules_status_labels);

  return g_test_run ();
}
