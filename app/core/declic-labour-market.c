/* declic-labour-market.c: labour-market diagnoses per NOC code, read from data (see the header). */
#define G_LOG_DOMAIN "declic-labour-market"

#include "config.h"

#include <string.h>
#include <json.h>

#include "declic-csv.h"
#include "declic-format.h"
#include "declic-i18n.h"
#include "declic-labour-market.h"
#include "declic-noc.h"
#include "declic-utils.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_tokener, json_tokener_free)

/* Where the built-in lists are: each description (*.json) names its CSV beside it. */
#define DATA_RESOURCE_DIR "/ca/declic/Declic/core/data/"

/* The real list is 16 kB; its description well under 1 kB. */
#define MAX_CSV_SIZE (4 * 1024 * 1024)
#define MAX_DESCRIPTION_SIZE (64 * 1024)

struct _DeclicLabourMarket
{
  GObject     parent_instance;

  char       *id;
  char       *status;
  char       *source;
  char       *credit;
  int         period_start;
  int         period_end;
  GHashTable *by_code;  /* code → GINT_TO_POINTER (DeclicDiagnosis) */
};

G_DEFINE_FINAL_TYPE (DeclicLabourMarket, declic_labour_market, G_TYPE_OBJECT)

G_DEFINE_QUARK (declic-labour-market-error-quark, declic_labour_market_error)

/* The codes of the CSV, and the French words the ministry publishes for them. */
static const struct
{
  DeclicDiagnosis  diagnosis;
  const char      *code;
  const char      *french;
} diagnoses[] = {
  { DECLIC_DIAGNOSIS_DEFICIT, "deficit", "Déficit" },
  { DECLIC_DIAGNOSIS_SLIGHT_DEFICIT, "slight_deficit", "Léger déficit" },
  { DECLIC_DIAGNOSIS_BALANCED, "balanced", "Équilibre" },
  { DECLIC_DIAGNOSIS_SLIGHT_SURPLUS, "slight_surplus", "Léger surplus" },
  { DECLIC_DIAGNOSIS_NOT_PUBLISHED, "not_published", "Non publié" },
};

/* DI.md's certainty labels, as the rule files use them. */
static const char * const statuses[] = { "official", "secondary", "derived", "unknown" };

static void
declic_labour_market_finalize (GObject *object)
{
  DeclicLabourMarket *self = DECLIC_LABOUR_MARKET (object);

  g_free (self->id);
  g_free (self->status);
  g_free (self->source);
  g_free (self->credit);
  g_clear_pointer (&self->by_code, g_hash_table_unref);

  G_OBJECT_CLASS (declic_labour_market_parent_class)->finalize (object);
}

static void
declic_labour_market_class_init (DeclicLabourMarketClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = declic_labour_market_finalize;
}

static void
declic_labour_market_init (DeclicLabourMarket *self)
{
  self->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * declic_diagnosis_to_string:
 * @diagnosis: a diagnosis
 *
 * Returns: its code in the CSV and in drafts ("deficit", "slight_deficit", "balanced",
 *   "slight_surplus", "not_published"), or "unknown"
 */
const char *
declic_diagnosis_to_string (DeclicDiagnosis diagnosis)
{
  for (guint i = 0; i < G_N_ELEMENTS (diagnoses); i++)
    {
      if (diagnoses[i].diagnosis == diagnosis)
        return diagnoses[i].code;
    }
  return "unknown";
}

/**
 * declic_diagnosis_from_string:
 * @text: (nullable): a diagnosis code, as declic_diagnosis_to_string () gives
 * @diagnosis: (out): the diagnosis
 *
 * Returns: %TRUE when @text is one of the five codes
 */
gboolean
declic_diagnosis_from_string (const char      *text,
                              DeclicDiagnosis *diagnosis)
{
  g_return_val_if_fail (diagnosis != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (diagnoses); i++)
    {
      if (g_str_equal (text, diagnoses[i].code))
        {
          *diagnosis = diagnoses[i].diagnosis;
          return TRUE;
        }
    }
  return FALSE;
}

static const char *
french_word_of (DeclicDiagnosis diagnosis)
{
  for (guint i = 0; i < G_N_ELEMENTS (diagnoses); i++)
    {
      if (diagnoses[i].diagnosis == diagnosis)
        return diagnoses[i].french;
    }
  return NULL;
}

static json_object *
parse_description (const char  *text,
                   gsize        length,
                   GError     **error)
{
  g_autoptr(json_tokener) tokener = json_tokener_new ();
  json_object *root;

  if (length > MAX_DESCRIPTION_SIZE || !g_utf8_validate_len (text, length, NULL))
    {
      g_set_error_literal (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_MALFORMED,
                           _("The description of the diagnosis list is not a JSON object"));
      return NULL;
    }

  /* json-c wants the exact length, not a terminator: @text need not end with one. */
  root = json_tokener_parse_ex (tokener, text, (int) length);
  if (root == NULL || json_tokener_get_error (tokener) != json_tokener_success ||
      !json_object_is_type (root, json_type_object))
    {
      json_object_put (root);
      g_set_error_literal (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_MALFORMED,
                           _("The description of the diagnosis list is not a JSON object"));
      return NULL;
    }

  return root;
}

static gboolean
read_description (DeclicLabourMarket  *self,
                  json_object         *root,
                  const char          *csv,
                  gsize                csv_length,
                  GError             **error)
{
  static const char * const required[] = { "id", "file", "sha256", "status", "source" };
  g_autofree char *sha256 = NULL;
  gboolean known_status = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      const char *value = declic_utils_json_get_string (root, required[i]);

      if (value == NULL || *value == '\0')
        {
          g_set_error (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_MALFORMED,
                       _("The description of the diagnosis list has no “%s”"), required[i]);
          return FALSE;
        }
    }

  self->id = g_strdup (declic_utils_json_get_string (root, "id"));
  self->status = g_strdup (declic_utils_json_get_string (root, "status"));
  self->source = g_strdup (declic_utils_json_get_string (root, "source"));
  self->credit = g_strdup (declic_utils_json_get_string (root, "credit"));
  self->period_start = (int) declic_utils_json_get_int (root, "period_start", 0);
  self->period_end = (int) declic_utils_json_get_int (root, "period_end", 0);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    known_status |= g_str_equal (self->status, statuses[i]);
  if (!known_status)
    {
      g_set_error (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_MALFORMED,
                   _("The description of the diagnosis list has an invalid “%s”"), "status");
      return FALSE;
    }

  if (self->period_start < 2000 || self->period_end < self->period_start || self->period_end > 2200)
    {
      g_set_error (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_MALFORMED,
                   _("The description of the diagnosis list has an invalid “%s”"), "period_end");
      return FALSE;
    }

  /* A description beside the wrong CSV would attach its id and period to other figures. */
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) csv, csv_length);
  if (g_ascii_strcasecmp (sha256, declic_utils_json_get_string (root, "sha256")) != 0)
    {
      g_set_error (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_MALFORMED,
                   _("The diagnosis list does not match its description: its SHA-256 is %s, the description says %s"),
                   sha256, declic_utils_json_get_string (root, "sha256"));
      return FALSE;
    }

  return TRUE;
}

static int
find_column (GPtrArray  *header,
             const char *name)
{
  for (guint i = 0; i < header->len; i++)
    {
      g_autofree char *field = g_strstrip (g_ascii_strdown (g_ptr_array_index (header, i), -1));

      if (g_str_equal (field, name))
        return (int) i;
    }
  return -1;
}

static gboolean
read_rows (DeclicLabourMarket  *self,
           const char          *csv,
           gsize                csv_length,
           GError             **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  const char *invalid = NULL;
  DeclicCsvReader reader;
  int code_column, diagnosis_column, french_column;
  guint header_columns;
  guint line = 1;

  if (csv_length > MAX_CSV_SIZE)
    {
      g_set_error_literal (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_MALFORMED,
                           _("The file is too large"));
      return FALSE;
    }
  if (!g_utf8_validate_len (csv, csv_length, &invalid))
    {
      g_set_error (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_MALFORMED,
                   _("Line %u: the text is not valid UTF-8"),
                   declic_csv_line_of_offset (csv, invalid - csv));
      return FALSE;
    }

  declic_csv_reader_init (&reader, csv, csv_length);
  if (!declic_csv_reader_next (&reader, fields, &line, &local_error))
    {
      g_set_error_literal (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_MALFORMED,
                           local_error != NULL ? local_error->message : _("The file is empty"));
      return FALSE;
    }

  code_column = find_column (fields, "code");
  diagnosis_column = find_column (fields, "diagnosis");
  french_column = find_column (fields, "diagnosis_fr");
  if (code_column < 0 || diagnosis_column < 0)
    {
      g_set_error (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_MALFORMED,
                   _("Line 1: the header has no “%s” column"), code_column < 0 ? "code" : "diagnosis");
      return FALSE;
    }

  for (header_columns = fields->len;;)
    {
      DeclicDiagnosis diagnosis;
      const char *code, *text;

      if (!declic_csv_reader_next (&reader, fields, &line, &local_error))
        {
          if (local_error != NULL)
            {
              g_set_error_literal (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_MALFORMED,
                                   local_error->message);
              return FALSE;
            }
          break;
        }

      if (declic_csv_record_is_blank (fields))
        continue;

      if (fields->len != header_columns)
        {
          g_autofree char *n_fields = declic_format_integer (fields->len, NULL);
          g_autofree char *n_header = declic_format_integer (header_columns, NULL);

          g_set_error (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_MALFORMED,
                       declic_i18n_ngettext ("Line %u: %s field where the header has %s", "Line %u: %s fields where the header has %s", fields->len),
                       line, n_fields, n_header);
          return FALSE;
        }

      code = g_strstrip ((char *) g_ptr_array_index (fields, code_column));
      text = g_strstrip ((char *) g_ptr_array_index (fields, diagnosis_column));
      if (!declic_noc_code_is_well_formed (code))
        {
          g_set_error (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_INVALID_ENTRY,
                       _("Line %u: “%s” is not a NOC 2021 code (5 digits, the second one from 0 to 5)"),
                       line, code);
          return FALSE;
        }
      if (!declic_diagnosis_from_string (text, &diagnosis))
        {
          g_set_error (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_INVALID_ENTRY,
                       _("Line %u: “%s” is not a diagnosis (deficit, slight_deficit, balanced, slight_surplus or not_published)"),
                       line, text);
          return FALSE;
        }
      /* The published French word, when given, must say the same: a shifted column would not. */
      if (french_column >= 0 &&
          !g_str_equal (g_strstrip ((char *) g_ptr_array_index (fields, french_column)), french_word_of (diagnosis)))
        {
          g_set_error (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_INVALID_ENTRY,
                       _("Line %u: the French word “%s” does not match the diagnosis “%s”"),
                       line, (char *) g_ptr_array_index (fields, french_column), text);
          return FALSE;
        }
      if (g_hash_table_contains (self->by_code, code))
        {
          g_set_error (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_INVALID_ENTRY,
                       _("Line %u: code %s is listed twice"), line, code);
          return FALSE;
        }

      g_hash_table_insert (self->by_code, g_strdup (code), GINT_TO_POINTER (diagnosis));
    }

  if (g_hash_table_size (self->by_code) == 0)
    {
      g_set_error_literal (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_MALFORMED,
                           _("The file lists no occupation"));
      return FALSE;
    }

  return TRUE;
}

/**
 * declic_labour_market_new_from_data:
 * @description: the JSON description (id, file, sha256, period_start, period_end, status,
 *   source, credit); not necessarily nul-terminated
 * @description_length: its length in bytes
 * @csv: the CSV it describes; not necessarily nul-terminated
 * @csv_length: its length in bytes
 * @error: return location for a #DECLIC_LABOUR_MARKET_ERROR
 *
 * The CSV's SHA-256 must be the one the description records. Errors in the CSV name the line.
 *
 * Returns: (transfer full) (nullable): the list, or %NULL with @error set
 */
DeclicLabourMarket *
declic_labour_market_new_from_data (const char  *description,
                                    gsize        description_length,
                                    const char  *csv,
                                    gsize        csv_length,
                                    GError     **error)
{
  g_autoptr(DeclicLabourMarket) self = NULL;
  g_autoptr(json_object) root = NULL;

  g_return_val_if_fail (description != NULL || description_length == 0, NULL);
  g_return_val_if_fail (csv != NULL || csv_length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = parse_description (description, description_length, error);
  if (root == NULL)
    return NULL;

  self = g_object_new (DECLIC_TYPE_LABOUR_MARKET, NULL);
  if (!read_description (self, root, csv, csv_length, error) ||
      !read_rows (self, csv, csv_length, error))
    return NULL;

  return g_steal_pointer (&self);
}

static GBytes *
lookup_resource (const char  *name,
                 GError     **error)
{
  g_autofree char *path = g_strconcat (DATA_RESOURCE_DIR, name, NULL);

  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

/**
 * declic_labour_market_new_builtin:
 * @id: a list's id, such as %DECLIC_LABOUR_MARKET_DEFAULT_ID
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the built-in list of that id, or %NULL with @error set
 *   (%DECLIC_LABOUR_MARKET_ERROR_NOT_FOUND when the program has no list of that id)
 */
DeclicLabourMarket *
declic_labour_market_new_builtin (const char  *id,
                                  GError     **error)
{
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  names = g_resources_enumerate_children (DATA_RESOURCE_DIR, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(GBytes) description = NULL;
      g_autoptr(GBytes) csv = NULL;
      g_autoptr(json_object) root = NULL;
      gsize length = 0;
      const char *data;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;
      description = lookup_resource (names[i], error);
      if (description == NULL)
        return NULL;
      data = g_bytes_get_data (description, &length);
      root = parse_description (data, length, NULL);
      if (g_strcmp0 (declic_utils_json_get_string (root, "id"), id) != 0)
        continue;

      csv = lookup_resource (declic_utils_json_get_string (root, "file"), error);
      if (csv == NULL)
        return NULL;
      return declic_labour_market_new_from_data (data, length,
                                                 g_bytes_get_data (csv, NULL), g_bytes_get_size (csv),
                                                 error);
    }

  g_set_error (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_NOT_FOUND,
               _("This version of Déclic has no labour-market diagnosis list “%s”"), id);
  return NULL;
}

/**
 * declic_labour_market_get_default:
 *
 * The built-in list of id %DECLIC_LABOUR_MARKET_DEFAULT_ID, loaded on first use. Thread-safe.
 *
 * Returns: (transfer none) (nullable): the list; %NULL only when the program was built
 *   without it (a warning says why)
 */
DeclicLabourMarket *
declic_labour_market_get_default (void)
{
  static GMutex mutex;
  static gboolean tried;
  static DeclicLabourMarket *list;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&mutex);

  if (!tried)
    {
      g_autoptr(GError) error = NULL;

      tried = TRUE;
      list = declic_labour_market_new_builtin (DECLIC_LABOUR_MARKET_DEFAULT_ID, &error);
      if (list == NULL)
        g_warning ("%s", error->message);
    }

  return list;
}

/**
 * declic_labour_market_get_id:
 * @self: a #DeclicLabourMarket
 *
 * Returns: the list's id, recorded with a score that used it ("lmd-2024-2028")
 */
const char *
declic_labour_market_get_id (DeclicLabourMarket *self)
{
  g_return_val_if_fail (DECLIC_IS_LABOUR_MARKET (self), NULL);

  return self->id;
}

/**
 * declic_labour_market_get_period_start:
 * @self: a #DeclicLabourMarket
 *
 * Returns: the first year the diagnoses forecast (2024)
 */
int
declic_labour_market_get_period_start (DeclicLabourMarket *self)
{
  g_return_val_if_fail (DECLIC_IS_LABOUR_MARKET (self), 0);

  return self->period_start;
}

/**
 * declic_labour_market_get_period_end:
 * @self: a #DeclicLabourMarket
 *
 * Returns: the last year the diagnoses forecast (2028)
 */
int
declic_labour_market_get_period_end (DeclicLabourMarket *self)
{
  g_return_val_if_fail (DECLIC_IS_LABOUR_MARKET (self), 0);

  return self->period_end;
}

/**
 * declic_labour_market_get_status:
 * @self: a #DeclicLabourMarket
 *
 * Returns: DI.md's certainty label: "official", "secondary", "derived" or "unknown"
 */
const char *
declic_labour_market_get_status (DeclicLabourMarket *self)
{
  g_return_val_if_fail (DECLIC_IS_LABOUR_MARKET (self), NULL);

  return self->status;
}

/**
 * declic_labour_market_get_source:
 * @self: a #DeclicLabourMarket
 *
 * Returns: where the diagnoses come from, in English
 */
const char *
declic_labour_market_get_source (DeclicLabourMarket *self)
{
  g_return_val_if_fail (DECLIC_IS_LABOUR_MARKET (self), NULL);

  return self->source;
}

/**
 * declic_labour_market_get_credit:
 * @self: a #DeclicLabourMarket
 *
 * Returns: (nullable): the credit line the data's licence asks for
 */
const char *
declic_labour_market_get_credit (DeclicLabourMarket *self)
{
  g_return_val_if_fail (DECLIC_IS_LABOUR_MARKET (self), NULL);

  return self->credit;
}

/**
 * declic_labour_market_get_n_entries:
 * @self: a #DeclicLabourMarket
 *
 * Returns: the number of codes with a diagnosis (516 for the 2024–2028 list)
 */
guint
declic_labour_market_get_n_entries (DeclicLabourMarket *self)
{
  g_return_val_if_fail (DECLIC_IS_LABOUR_MARKET (self), 0);

  return g_hash_table_size (self->by_code);
}

/**
 * declic_labour_market_lookup:
 * @self: a #DeclicLabourMarket
 * @code: a NOC 2021 code such as "21231"
 *
 * Returns: the code's diagnosis, or %DECLIC_DIAGNOSIS_UNKNOWN when the list does not have it
 */
DeclicDiagnosis
declic_labour_market_lookup (DeclicLabourMarket *self,
                             const char         *code)
{
  g_return_val_if_fail (DECLIC_IS_LABOUR_MARKET (self), DECLIC_DIAGNOSIS_UNKNOWN);
  g_return_val_if_fail (code != NULL, DECLIC_DIAGNOSIS_UNKNOWN);

  return GPOINTER_TO_INT (g_hash_table_lookup (self->by_code, code));
}
