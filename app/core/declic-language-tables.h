/* declic-language-tables.h: language test scores → levels, from versioned data.
 *
 * The tables are the federal NCLC (French) and CLB (English) equivalence tables, the best proxy
 * for MIFI's own table, which nobody could find (DI.md §3.4, §6, §9). They live in
 * resources/rules/language-tables-2025.json, compiled into the core GResource; each has an id,
 * the test it applies to, the range of results dates it covers and the maximum score per skill.
 * A converted level is an estimate: show the table used, and let the user override it.
 *
 * Levels: 4 to 10, and 0 for "below level 4". The tables stop at 10, so level 10 means "10 or
 * more" (a CELPIP 12 gives 10). Tests without a table (TEFAQ, TCF Québec, DELF, DALF, study
 * diplomas, PTE Core): the user enters the level from the results; converting them fails with
 * DECLIC_LANGUAGE_TABLES_ERROR_NO_TABLE.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DECLIC_LANGUAGE_TABLES_ERROR (declic_language_tables_error_quark ())

typedef enum
{
  DECLIC_LANGUAGE_TABLES_ERROR_MALFORMED,
  DECLIC_LANGUAGE_TABLES_ERROR_UNKNOWN_TEST,
  DECLIC_LANGUAGE_TABLES_ERROR_NO_TABLE,
  DECLIC_LANGUAGE_TABLES_ERROR_NO_TABLE_FOR_DATE,
  DECLIC_LANGUAGE_TABLES_ERROR_UNKNOWN_SKILL,
  DECLIC_LANGUAGE_TABLES_ERROR_SCORE_OUT_OF_RANGE,
  DECLIC_LANGUAGE_TABLES_ERROR_INVALID_SCORE,
} DeclicLanguageTablesError;

/* The level a score below every row of a table converts to: "below level 4". */
#define DECLIC_LANGUAGE_LEVEL_BELOW_LOWEST 0
/* The tables' highest level, meaning "this level or more". */
#define DECLIC_LANGUAGE_LEVEL_HIGHEST 10

#define DECLIC_LANGUAGE_TABLES_RESOURCE "/ca/declic/Declic/core/rules/language-tables-2025.json"

/* One table. Owned by its DeclicLanguageTables. */
typedef struct _DeclicLanguageTable DeclicLanguageTable;

#define DECLIC_TYPE_LANGUAGE_TABLES (declic_language_tables_get_type ())
G_DECLARE_FINAL_TYPE (DeclicLanguageTables, declic_language_tables, DECLIC, LANGUAGE_TABLES, GObject)

GQuark                     declic_language_tables_error_quark      (void);

DeclicLanguageTables      *declic_language_tables_new_from_data    (const char            *data,
                                                                    gssize                 length,
                                                                    GError               **error);
DeclicLanguageTables      *declic_language_tables_new_from_resource (const char           *resource_path,
                                                                    GError               **error);
DeclicLanguageTables      *declic_language_tables_get_default      (void);

const char                *declic_language_tables_get_id           (DeclicLanguageTables  *self);
const char                *declic_language_tables_get_status       (DeclicLanguageTables  *self);
const char                *declic_language_tables_get_source       (DeclicLanguageTables  *self);
const char                *declic_language_tables_get_note         (DeclicLanguageTables  *self);

gboolean                   declic_language_tables_is_known_test    (DeclicLanguageTables  *self,
                                                                    const char            *test);
const char                *declic_language_tables_get_test_language (DeclicLanguageTables *self,
                                                                    const char            *test);
gboolean                   declic_language_tables_has_table        (DeclicLanguageTables  *self,
                                                                    const char            *test);
const DeclicLanguageTable *declic_language_tables_find_table       (DeclicLanguageTables  *self,
                                                                    const char            *test,
                                                                    const GDate           *results_date,
                                                                    GError               **error);
const DeclicLanguageTable *declic_language_tables_lookup_table     (DeclicLanguageTables  *self,
                                                                    const char            *table_id);
gboolean                   declic_language_tables_convert          (DeclicLanguageTables  *self,
                                                                    const char            *test,
                                                                    const GDate           *results_date,
                                                                    const char            *skill,
                                                                    double                 raw_score,
                                                                    guint                 *level,
                                                                    const char           **table_id,
                                                                    GError               **error);

const char                *declic_language_table_get_id            (const DeclicLanguageTable *table);
const char                *declic_language_table_get_name          (const DeclicLanguageTable *table);
const char                *declic_language_table_get_test          (const DeclicLanguageTable *table);
const char                *declic_language_table_get_scale         (const DeclicLanguageTable *table);
double                     declic_language_table_get_max_score     (const DeclicLanguageTable *table,
                                                                    const char                *skill);
double                     declic_language_table_get_step          (const DeclicLanguageTable *table);
gboolean                   declic_language_table_get_effective_from (const DeclicLanguageTable *table,
                                                                    GDate                     *date);
gboolean                   declic_language_table_get_effective_until (const DeclicLanguageTable *table,
                                                                    GDate                     *date);

char                      *declic_language_level_to_string         (guint                  level);

GDate                     *declic_language_result_expiry           (const GDate           *results_date);
GDate                     *declic_language_result_last_day         (const GDate           *results_date);
gboolean                   declic_language_result_is_expired       (const GDate           *results_date,
                                                                    const GDate           *on_date);

G_END_DECLS
