/* declic-language-tables.c: score → level tables read from data (see the header). */
#define G_LOG_DOMAIN "declic-language"

#include "config.h"

#include <math.h>
#include <string.h>
#include <json.h>

#include "declic-format.h"
#include "declic-i18n.h"
#include "declic-language-tables.h"
#include "declic-utils.h"


/* Results are valid 2 years from the date they were obtained (DI.md §3.4, [official]). */
#define RESULTS_VALIDITY_YEARS 2

/* Scores are compared with this much slack, so that 5.5 read from JSON equals 5.5 typed. */
#define EPSILON 1e-9

typedef enum
{
  SKILL_LISTENING,
  SKILL_SPEAKING,
  SKILL_READING,
  SKILL_WRITING,
  N_SKILLS
} Skill;

static const char * const skill_codes[N_SKILLS] = { "listening", "speaking", "reading", "writing" };

/* In messages, after "in" / « en ». */
static const char * const skill_names[N_SKILLS] = {
  N_("listening"),
  N_("speaking"),
  N_("reading"),
  N_("writing"),
};

typedef struct
{
  guint  level;
  double minimum[N_SKILLS];
} Row;

struct _DeclicLanguageTable
{
  char   *id;
  char   *name;
  char   *test;
  char   *scale;
  GDate   effective_from;   /* invalid (cleared) when open */
  GDate   effective_until;  /* exclusive; invalid when open */
  double  step;
  double  max[N_SKILLS];
  GArray *rows;             /* Row, highest level first */
};

typedef struct
{
  char *code;
  char *language;
} Test;

struct _DeclicLanguageTables
{
  GObject    parent_instance;

  char      *id;
  char      *status;
  char      *source;
  char      *note;
  GPtrArray *tests;   /* Test */
  GPtrArray *tables;  /* DeclicLanguageTable, in file order */
};

G_DEFINE_FINAL_TYPE (DeclicLanguageTables, declic_language_tables, G_TYPE_OBJECT)

G_DEFINE_QUARK (declic-language-tables-error-quark, declic_language_tables_error)

static void
table_free (DeclicLanguageTable *table)
{
  g_free (table->id);
  g_free (table->name);
  g_free (table->test);
  g_free (table->scale);
  g_clear_pointer (&table->rows, g_array_unref);
  g_free (table);
}

static void
test_free (Test *test)
{
  g_free (test->code);
  g_free (test->language);
  g_free (test);
}

static void
declic_language_tables_finalize (GObject *object)
{
  DeclicLanguageTables *self = DECLIC_LANGUAGE_TABLES (object);

  g_free (self->id);
  g_free (self->status);
  g_free (self->source);
  g_free (self->note);
  g_clear_pointer (&self->tests, g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);

  G_OBJECT_CLASS (declic_language_tables_parent_class)->finalize (object);
}

static void
declic_language_tables_class_init (DeclicLanguageTablesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = declic_language_tables_finalize;
}

static void
declic_language_tables_init (DeclicLanguageTables *self)
{
  self->tests = g_ptr_array_new_with_free_func ((GDestroyNotify) test_free);
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
}

static int
parse_skill (const char *skill)
{
  for (guint i = 0; i < N_SKILLS; i++)
    {
      if (g_strcmp0 (skill, skill_codes[i]) == 0)
        return i;
    }
  return -1;
}

static gboolean
get_number (json_object *object,
            const char  *key,
            double      *number)
{
  json_object *value = NULL;

  if (!json_object_object_get_ex (object, key, &value) ||
      !(json_object_is_type (value, json_type_int) || json_object_is_type (value, json_type_double)))
    return FALSE;

  *number = json_object_get_double (value);
  return isfinite (*number);
}

/* Strict YYYY-MM-DD; a null or absent member leaves @date cleared (an open end). */
static gboolean
get_date (json_object *object,
          const char  *key,
          GDate       *date)
{
  json_object *value = NULL;
  const char *text;
  guint year, month, day;

  g_date_clear (date, 1);
  if (!json_object_object_get_ex (object, key, &value) || value == NULL)
    return TRUE;
  if (!json_object_is_type (value, json_type_string))
    return FALSE;

  text = json_object_get_string (value);
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
        return FALSE;
    }

  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);
  if (year < DECLIC_UTILS_MIN_YEAR || year > DECLIC_UTILS_MAX_YEAR || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *ra = a;
  const Row *rb = b;

  return (int) rb->level - (int) ra->level;
}

static DeclicLanguageTable *
parse_table (json_object  *object,
             guint         index,
             GError      **error)
{
  g_autoptr(GString) problem = NULL;
  DeclicLanguageTable *table = g_new0 (DeclicLanguageTable, 1);
  json_object *max = NULL;
  json_object *rows = NULL;

  table->id = g_strdup (declic_utils_json_get_string (object, "id"));
  table->name = g_strdup (declic_utils_json_get_string (object, "name"));
  table->test = g_strdup (declic_utils_json_get_string (object, "test"));
  table->scale = g_strdup (declic_utils_json_get_string (object, "scale"));
  table->rows = g_array_new (FALSE, TRUE, sizeof (Row));

#define FAIL(what) G_STMT_START { problem = g_string_new (what); goto fail; } G_STMT_END

  if (table->id == NULL || table->name == NULL || table->test == NULL)
    FAIL ("id, name or test missing");
  if (!get_date (object, "effective_from", &table->effective_from) ||
      !get_date (object, "effective_until", &table->effective_until))
    FAIL ("effective dates are not YYYY-MM-DD");
  if (g_date_valid (&table->effective_from) && g_date_valid (&table->effective_until) &&
      g_date_compare (&table->effective_from, &table->effective_until) >= 0)
    FAIL ("effective_until is not after effective_from");
  if (!get_number (object, "step", &table->step) || table->step <= 0)
    FAIL ("step missing or not positive");
  if (!json_object_object_get_ex (object, "max", &max))
    FAIL ("max missing");
  for (guint s = 0; s < N_SKILLS; s++)
    {
      if (!get_number (max, skill_codes[s], &table->max[s]) || table->max[s] <= 0)
        FAIL ("a skill's max is missing");
    }

  if (!json_object_object_get_ex (object, "levels", &rows) ||
      !json_object_is_type (rows, json_type_array) || json_object_array_length (rows) == 0)
    FAIL ("levels missing");
  for (size_t r = 0; r < json_object_array_length (rows); r++)
    {
      json_object *item = json_object_array_get_idx (rows, r);
      Row row = { 0 };
      double level;

      if (!get_number (item, "level", &level) || level < 1 || level > 12 || level != floor (level))
        FAIL ("a level is not a whole number from 1 to 12");
      row.level = (guint) level;
      for (guint s = 0; s < N_SKILLS; s++)
        {
          if (!get_number (item, skill_codes[s], &row.minimum[s]) ||
              row.minimum[s] < 0 || row.minimum[s] > table->max[s] + EPSILON)
            FAIL ("a minimum score is missing or above the maximum");
        }
      g_array_append_val (table->rows, row);
    }

  /* A higher level must never need a lower score: that would be a typo in the data. */
  g_array_sort (table->rows, compare_rows);
  for (guint r = 1; r < table->rows->len; r++)
    {
      const Row *higher = &g_array_index (table->rows, Row, r - 1);
      const Row *lower = &g_array_index (table->rows, Row, r);

      if (higher->level == lower->level)
        FAIL ("a level is listed twice");
      for (guint s = 0; s < N_SKILLS; s++)
        {
          if (higher->minimum[s] <= lower->minimum[s])
            FAIL ("minimum scores do not rise with the level");
        }
    }

#undef FAIL

  return table;

fail:
  g_set_error (error, DECLIC_LANGUAGE_TABLES_ERROR, DECLIC_LANGUAGE_TABLES_ERROR_MALFORMED,
               "Language table %u (%s): %s", index, table->id ? table->id : "?", problem->str);
  table_free (table);
  return NULL;
}

/**
 * declic_language_tables_new_from_data:
 * @data: a language tables JSON document (resources/rules/language-tables-*.json)
 * @length: its length, or -1 when nul-terminated
 * @error: return location for a #DECLIC_LANGUAGE_TABLES_ERROR
 *
 * Parses and checks the tables: every level's minimum rises with the level, no minimum exceeds
 * the maximum, dates are valid. The data ships with the app, so its errors are not translated.
 *
 * Returns: (transfer full) (nullable): the tables, or %NULL with @error set
 */
DeclicLanguageTables *
declic_language_tables_new_from_data (const char  *data,
                                      gssize       length,
                                      GError     **error)
{
  g_autoptr(DeclicLanguageTables) self = NULL;
  g_autoptr(json_object) root = NULL;
  g_autofree char *text = NULL;
  json_object *tests = NULL;
  json_object *tables = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* json-c wants a nul-terminated string. */
  text = length < 0 ? g_strdup (data) : g_strndup (data, length);
  root = json_tokener_parse (text);
  if (root == NULL || !json_object_is_type (root, json_type_object))
    {
      g_set_error_literal (error, DECLIC_LANGUAGE_TABLES_ERROR, DECLIC_LANGUAGE_TABLES_ERROR_MALFORMED,
                           "Language tables: not a JSON object");
      return NULL;
    }

  self = g_object_new (DECLIC_TYPE_LANGUAGE_TABLES, NULL);
  self->id = g_strdup (declic_utils_json_get_string (root, "id"));
  self->status = g_strdup (declic_utils_json_get_string (root, "status"));
  self->source = g_strdup (declic_utils_json_get_string (root, "source"));
  self->note = g_strdup (declic_utils_json_get_string (root, "note"));
  if (self->id == NULL || self->status == NULL || self->source == NULL)
    {
      g_set_error_literal (error, DECLIC_LANGUAGE_TABLES_ERROR, DECLIC_LANGUAGE_TABLES_ERROR_MALFORMED,
                           "Language tables: id, status or source missing");
      return NULL;
    }

  if (!json_object_object_get_ex (root, "tests", &tests) || !json_object_is_type (tests, json_type_array) ||
      !json_object_object_get_ex (root, "tables", &tables) || !json_object_is_type (tables, json_type_array))
    {
      g_set_error_literal (error, DECLIC_LANGUAGE_TABLES_ERROR, DECLIC_LANGUAGE_TABLES_ERROR_MALFORMED,
                           "Language tables: the tests or tables list is missing");
      return NULL;
    }

  for (size_t i = 0; i < json_object_array_length (tests); i++)
    {
      json_object *item = json_object_array_get_idx (tests, i);
      Test *test;

      if (declic_utils_json_get_string (item, "code") == NULL)
        {
          g_set_error (error, DECLIC_LANGUAGE_TABLES_ERROR, DECLIC_LANGUAGE_TABLES_ERROR_MALFORMED,
                       "Language tables: test %zu has no code", i);
          return NULL;
        }
      test = g_new0 (Test, 1);
      test->code = g_strdup (declic_utils_json_get_string (item, "code"));
      test->language = g_strdup (declic_utils_json_get_string (item, "language"));
      g_ptr_array_add (self->tests, test);
    }

  for (size_t i = 0; i < json_object_array_length (tables); i++)
    {
      DeclicLanguageTable *table = parse_table (json_object_array_get_idx (tables, i), i, error);

      if (table == NULL)
        return NULL;
      g_ptr_array_add (self->tables, table);
      if (!declic_language_tables_is_known_test (self, table->test))
        {
          g_set_error (error, DECLIC_LANGUAGE_TABLES_ERROR, DECLIC_LANGUAGE_TABLES_ERROR_MALFORMED,
                       "Language table %s: test %s is not in the tests list", table->id, table->test);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

/**
 * declic_language_tables_new_from_resource:
 * @resource_path: a path in the registered GResources
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the tables, or %NULL with @error set
 */
DeclicLanguageTables *
declic_language_tables_new_from_resource (const char  *resource_path,
                                          GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (resource_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return declic_language_tables_new_from_data (g_bytes_get_data (bytes, NULL),
                                               g_bytes_get_size (bytes), error);
}

/**
 * declic_language_tables_get_default:
 *
 * The tables the app uses (%DECLIC_LANGUAGE_TABLES_RESOURCE), loaded once. Thread-safe.
 *
 * Returns: (transfer none): the tables. They are built into the program: failing to load them
 *   is a build error and is reported as a critical.
 */
DeclicLanguageTables *
declic_language_tables_get_default (void)
{
  static gsize initialized;
  static DeclicLanguageTables *default_tables;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GError) error = NULL;

      default_tables = declic_language_tables_new_from_resource (DECLIC_LANGUAGE_TABLES_RESOURCE, &error);
      if (default_tables == NULL)
        g_critical ("%s", error->message);
      g_once_init_leave (&initialized, 1);
    }

  return default_tables;
}

/**
 * declic_language_tables_get_id:
 * @self: a #DeclicLanguageTables
 *
 * Returns: the data file's id, such as "language-tables-2025"
 */
const char *
declic_language_tables_get_id (DeclicLanguageTables *self)
{
  g_return_val_if_fail (DECLIC_IS_LANGUAGE_TABLES (self), NULL);

  return self->id;
}

/**
 * declic_language_tables_get_status:
 * @self: a #DeclicLanguageTables
 *
 * Returns: how sure the tables are, one of DI.md's labels: "secondary" (official federal
 *   tables, via secondary copies)
 */
const char *
declic_language_tables_get_status (DeclicLanguageTables *self)
{
  g_return_val_if_fail (DECLIC_IS_LANGUAGE_TABLES (self), NULL);

  return self->status;
}

/**
 * declic_language_tables_get_source:
 * @self: a #DeclicLanguageTables
 *
 * Returns: where the tables come from, in English
 */
const char *
declic_language_tables_get_source (DeclicLanguageTables *self)
{
  g_return_val_if_fail (DECLIC_IS_LANGUAGE_TABLES (self), NULL);

  return self->source;
}

/**
 * declic_language_tables_get_note:
 * @self: a #DeclicLanguageTables
 *
 * Returns: (nullable): the data's note, in English (MIFI's own table is unknown, ...)
 */
const char *
declic_language_tables_get_note (DeclicLanguageTables *self)
{
  g_return_val_if_fail (DECLIC_IS_LANGUAGE_TABLES (self), NULL);

  return self->note;
}

static const Test *
lookup_test (DeclicLanguageTables *self,
             const char           *code)
{
  for (guint i = 0; i < self->tests->len; i++)
    {
      const Test *test = g_ptr_array_index (self->tests, i);

      if (g_strcmp0 (test->code, code) == 0)
        return test;
    }
  return NULL;
}

/**
 * declic_language_tables_is_known_test:
 * @self: a #DeclicLanguageTables
 * @test: a test code as drafts store it ("tef_canada", "delf", ...)
 *
 * Returns: %TRUE when @test is one of the tests and diplomas a draft may name
 */
gboolean
declic_language_tables_is_known_test (DeclicLanguageTables *self,
                                      const char           *test)
{
  g_return_val_if_fail (DECLIC_IS_LANGUAGE_TABLES (self), FALSE);

  return test != NULL && lookup_test (self, test) != NULL;
}

/**
 * declic_language_tables_get_test_language:
 * @self: a #DeclicLanguageTables
 * @test: a test code
 *
 * Returns: (nullable): "fr" or "en", the language @test assesses; %NULL for an unknown test
 */
const char *
declic_language_tables_get_test_language (DeclicLanguageTables *self,
                                          const char           *test)
{
  const Test *found;

  g_return_val_if_fail (DECLIC_IS_LANGUAGE_TABLES (self), NULL);
  g_return_val_if_fail (test != NULL, NULL);

  found = lookup_test (self, test);
  return found != NULL ? found->language : NULL;
}

/**
 * declic_language_tables_has_table:
 * @self: a #DeclicLanguageTables
 * @test: a test code
 *
 * Returns: %TRUE when scores of @test can be converted; %FALSE when the user must enter the
 *   level directly (TEFAQ, TCF Québec, DELF, DALF, study diplomas, PTE Core) or the test is
 *   unknown
 */
gboolean
declic_language_tables_has_table (DeclicLanguageTables *self,
                                  const char           *test)
{
  g_return_val_if_fail (DECLIC_IS_LANGUAGE_TABLES (self), FALSE);
  g_return_val_if_fail (test != NULL, FALSE);

  for (guint i = 0; i < self->tables->len; i++)
    {
      const DeclicLanguageTable *table = g_ptr_array_index (self->tables, i);

      if (g_str_equal (table->test, test))
        return TRUE;
    }
  return FALSE;
}

static gboolean
table_covers (const DeclicLanguageTable *table,
              const GDate               *date)
{
  if (date == NULL)
    return !g_date_valid (&table->effective_until);

  if (g_date_valid (&table->effective_from) && g_date_compare (date, &table->effective_from) < 0)
    return FALSE;
  if (g_date_valid (&table->effective_until) && g_date_compare (date, &table->effective_until) >= 0)
    return FALSE;
  return TRUE;
}

/**
 * declic_language_tables_find_table:
 * @self: a #DeclicLanguageTables
 * @test: a test code
 * @results_date: (nullable): the date the results were obtained; %NULL for the current table
 * @error: return location for a #DECLIC_LANGUAGE_TABLES_ERROR
 *
 * Picks the table for @test whose date range holds @results_date. TEF Canada has three: before
 * 2019-10-01, 2019-10-01 to 2023-12-10, and after 2023-12-10.
 *
 * Returns: (transfer none) (nullable): the table, or %NULL with @error set:
 *   %DECLIC_LANGUAGE_TABLES_ERROR_NO_TABLE when the user must enter the level directly
 */
const DeclicLanguageTable *
declic_language_tables_find_table (DeclicLanguageTables  *self,
                                   const char            *test,
                                   const GDate           *results_date,
                                   GError               **error)
{
  g_return_val_if_fail (DECLIC_IS_LANGUAGE_TABLES (self), NULL);
  g_return_val_if_fail (test != NULL, NULL);
  g_return_val_if_fail (results_date == NULL || g_date_valid (results_date), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!declic_language_tables_is_known_test (self, test))
    {
      g_set_error (error, DECLIC_LANGUAGE_TABLES_ERROR, DECLIC_LANGUAGE_TABLES_ERROR_UNKNOWN_TEST,
                   _("“%s” is not a language test or diploma that Déclic knows"), test);
      return NULL;
    }

  if (!declic_language_tables_has_table (self, test))
    {
      g_set_error_literal (error, DECLIC_LANGUAGE_TABLES_ERROR, DECLIC_LANGUAGE_TABLES_ERROR_NO_TABLE,
                           _("No table converts this test’s scores: enter the levels shown on the results"));
      return NULL;
    }

  for (guint i = 0; i < self->tables->len; i++)
    {
      const DeclicLanguageTable *table = g_ptr_array_index (self->tables, i);

      if (g_str_equal (table->test, test) && table_covers (table, results_date))
        return table;
    }

  {
    g_autofree char *date_text = results_date != NULL && g_date_valid (results_date)
                                 ? declic_format_date_long (results_date, NULL) : g_strdup ("");

    g_set_error (error, DECLIC_LANGUAGE_TABLES_ERROR, DECLIC_LANGUAGE_TABLES_ERROR_NO_TABLE_FOR_DATE,
                 _("No table converts scores of results dated %s: enter the levels shown on the results"),
                 date_text);
  }
  return NULL;
}

/**
 * declic_language_tables_lookup_table:
 * @self: a #DeclicLanguageTables
 * @table_id: a table's id, as declic_language_tables_convert () returns it
 *
 * Returns: (transfer none) (nullable): the table, to show its name
 */
const DeclicLanguageTable *
declic_language_tables_lookup_table (DeclicLanguageTables *self,
                                     const char           *table_id)
{
  g_return_val_if_fail (DECLIC_IS_LANGUAGE_TABLES (self), NULL);
  g_return_val_if_fail (table_id != NULL, NULL);

  for (guint i = 0; i < self->tables->len; i++)
    {
      const DeclicLanguageTable *table = g_ptr_array_index (self->tables, i);

      if (g_str_equal (table->id, table_id))
        return table;
    }
  return NULL;
}

/**
 * declic_language_tables_convert:
 * @self: a #DeclicLanguageTables
 * @test: a test code ("tef_canada", "tcf_canada", "ielts_general", "celpip_general")
 * @results_date: (nullable): the date the results were obtained, which picks the table; %NULL
 *   for the current table
 * @skill: "listening", "speaking", "reading" or "writing"
 * @raw_score: the score on the test's own scale (0–699, 0–20, IELTS bands 0–9 by halves, ...)
 * @level: (out) (optional): the level, 4 to 10; 0 (%DECLIC_LANGUAGE_LEVEL_BELOW_LOWEST) for a
 *   score below level 4's minimum; 10 means "10 or more", the tables stopping there
 * @table_id: (out) (optional) (transfer none): the id of the table used, to show with the
 *   level (declic_language_tables_lookup_table () gives its name)
 * @error: return location for a #DECLIC_LANGUAGE_TABLES_ERROR
 *
 * Converts a raw score to a level with the federal NCLC/CLB tables. The result is an estimate:
 * MIFI's own table is unknown.
 *
 * Returns: %TRUE on success; %FALSE with @error set for an unknown test or skill, a test with
 *   no table (%DECLIC_LANGUAGE_TABLES_ERROR_NO_TABLE: the user enters the level), a negative
 *   score or one above the test's maximum, or a score off the test's scale (IELTS 6.3)
 */
gboolean
declic_language_tables_convert (DeclicLanguageTables  *self,
                                const char            *test,
                                const GDate           *results_date,
                                const char            *skill,
                                double                 raw_score,
                                guint                 *level,
                                const char           **table_id,
                                GError               **error)
{
  const DeclicLanguageTable *table;
  double steps;
  int s;

  g_return_val_if_fail (DECLIC_IS_LANGUAGE_TABLES (self), FALSE);
  g_return_val_if_fail (test != NULL, FALSE);
  g_return_val_if_fail (skill != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  s = parse_skill (skill);
  if (s < 0)
    {
      g_set_error (error, DECLIC_LANGUAGE_TABLES_ERROR, DECLIC_LANGUAGE_TABLES_ERROR_UNKNOWN_SKILL,
                   _("“%s” is not a language skill (listening, speaking, reading or writing)"), skill);
      return FALSE;
    }

  table = declic_language_tables_find_table (self, test, results_date, error);
  if (table == NULL)
    return FALSE;

  if (!isfinite (raw_score) || raw_score < 0 || raw_score > table->max[s] + EPSILON)
    {
      g_autofree char *score_text = isfinite (raw_score) ? declic_format_number (raw_score, 2, NULL) : g_strdup ("?");
      g_autofree char *max_text = declic_format_number (table->max[s], 2, NULL);

      g_set_error (error, DECLIC_LANGUAGE_TABLES_ERROR, DECLIC_LANGUAGE_TABLES_ERROR_SCORE_OUT_OF_RANGE,
                   _("The %s score %s is outside this test’s scale, from 0 to %s"),
                   _(skill_names[s]), score_text, max_text);
      return FALSE;
    }

  steps = raw_score / table->step;
  if (fabs (steps - round (steps)) > 1e-6)
    {
      g_autofree char *score_text = declic_format_number (raw_score, 4, NULL);
      g_autofree char *step_text = declic_format_number (table->step, 4, NULL);

      g_set_error (error, DECLIC_LANGUAGE_TABLES_ERROR, DECLIC_LANGUAGE_TABLES_ERROR_INVALID_SCORE,
                   _("The %s score %s is not on this test’s scale, which goes by steps of %s"),
                   _(skill_names[s]), score_text, step_text);
      return FALSE;
    }

  if (level != NULL)
    {
      *level = DECLIC_LANGUAGE_LEVEL_BELOW_LOWEST;
      for (guint r = 0; r < table->rows->len; r++)
        {
          const Row *row = &g_array_index (table->rows, Row, r);

          if (raw_score + EPSILON >= row->minimum[s])
            {
              *level = row->level;
              break;
            }
        }
    }
  if (table_id != NULL)
    *table_id = table->id;

  return TRUE;
}

/**
 * declic_language_table_get_id:
 * @table: a table
 *
 * Returns: its id, such as "tef-canada-nclc-2023-12-11"
 */
const char *
declic_language_table_get_id (const DeclicLanguageTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->id;
}

/**
 * declic_language_table_get_name:
 * @table: a table
 *
 * Returns: its name, made of test names and dates ("TEF Canada → NCLC, results after
 *   2023-12-10"); proper nouns, not translated
 */
const char *
declic_language_table_get_name (const DeclicLanguageTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->name;
}

/**
 * declic_language_table_get_test:
 * @table: a table
 *
 * Returns: the test code it applies to
 */
const char *
declic_language_table_get_test (const DeclicLanguageTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->test;
}

/**
 * declic_language_table_get_scale:
 * @table: a table
 *
 * Returns: (nullable): "NCLC" (French) or "CLB" (English)
 */
const char *
declic_language_table_get_scale (const DeclicLanguageTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->scale;
}

/**
 * declic_language_table_get_max_score:
 * @table: a table
 * @skill: "listening", "speaking", "reading" or "writing"
 *
 * Returns: the highest score of @skill on the test's scale, or -1 for an unknown skill
 */
double
declic_language_table_get_max_score (const DeclicLanguageTable *table,
                                     const char                *skill)
{
  int s = parse_skill (skill);

  g_return_val_if_fail (table != NULL, -1);

  return s < 0 ? -1 : table->max[s];
}

/**
 * declic_language_table_get_step:
 * @table: a table
 *
 * Returns: the smallest difference between two scores: 1, or 0.5 for IELTS bands
 */
double
declic_language_table_get_step (const DeclicLanguageTable *table)
{
  g_return_val_if_fail (table != NULL, 1);

  return table->step;
}

/**
 * declic_language_table_get_effective_from:
 * @table: a table
 * @date: (out caller-allocates): the first results date the table applies to
 *
 * Returns: %FALSE when the range has no start (@date is then cleared)
 */
gboolean
declic_language_table_get_effective_from (const DeclicLanguageTable *table,
                                          GDate                     *date)
{
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  *date = table->effective_from;
  return g_date_valid (date);
}

/**
 * declic_language_table_get_effective_until:
 * @table: a table
 * @date: (out caller-allocates): the first results date the table no longer applies to
 *
 * Returns: %FALSE when the table is current (@date is then cleared)
 */
gboolean
declic_language_table_get_effective_until (const DeclicLanguageTable *table,
                                           GDate                     *date)
{
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  *date = table->effective_until;
  return g_date_valid (date);
}

/**
 * declic_language_level_to_string:
 * @level: a level from declic_language_tables_convert ()
 *
 * Returns: (transfer full): the level for display: "Below level 4" for 0, "10 or more" for 10
 *   (where the tables stop), the number otherwise
 */
char *
declic_language_level_to_string (guint level)
{
  if (level == DECLIC_LANGUAGE_LEVEL_BELOW_LOWEST)
    return g_strdup (_("Below level 4"));
  if (level == DECLIC_LANGUAGE_LEVEL_HIGHEST)
    return g_strdup (_("10 or more"));

  return g_strdup_printf ("%u", level);
}

/**
 * declic_language_result_expiry:
 * @results_date: the date the results were obtained
 *
 * Language results are valid 2 years from the date they were obtained (DI.md §3.4,
 * [official]). Results of 29 February expire on 28 February two years later: g_date_add_years ()
 * clamps to the month's last day, and no rule says otherwise.
 *
 * Returns: (transfer full): the date two years after @results_date; free with g_date_free ()
 */
GDate *
declic_language_result_expiry (const GDate *results_date)
{
  GDate *expiry;

  g_return_val_if_fail (results_date != NULL && g_date_valid (results_date), NULL);

  expiry = g_date_copy (results_date);
  g_date_add_years (expiry, RESULTS_VALIDITY_YEARS);

  return expiry;
}

/**
 * declic_language_result_last_day:
 * @results_date: the date the results were obtained
 *
 * The last day the results count: the day before declic_language_result_expiry (), which
 * is the day they no longer count (declic_language_result_is_expired ()). What "valid until"
 * and the results' deadline show, so that the two never name different days.
 *
 * Returns: (transfer full): free with g_date_free ()
 */
GDate *
declic_language_result_last_day (const GDate *results_date)
{
  GDate *last = declic_language_result_expiry (results_date);

  if (last != NULL)
    g_date_subtract_days (last, 1);
  return last;
}

/**
 * declic_language_result_is_expired:
 * @results_date: the date the results were obtained
 * @on_date: the date to check, such as the filing date or today
 *
 * Results are valid 2 years from their date [official, DI.md §3.4]. Whether results obtained
 * on 2024-03-01 still count on 2026-03-01 itself is not stated; the app takes the stricter
 * reading, so that nobody files on a day MIFI may refuse: they expire ON
 * declic_language_result_expiry (), and no longer count from that day.
 *
 * Returns: %TRUE when @on_date is on or after the expiry date
 */
gboolean
declic_language_result_is_expired (const GDate *results_date,
                                   const GDate *on_date)
{
  g_autoptr(GDate) expiry = NULL;

  g_return_val_if_fail (results_date != NULL && g_date_valid (results_date), FALSE);
  g_return_val_if_fail (on_date != NULL && g_date_valid (on_date), FALSE);

  expiry = declic_language_result_expiry (results_date);
  return g_date_compare (on_date, expiry) >= 0;
}
