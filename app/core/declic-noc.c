/* declic-noc.c: the NOC 2021 unit groups, read from a CSV file or the built-in copy (see the
 * header). */
#define G_LOG_DOMAIN "declic-noc"

#include "config.h"

#include <string.h>

#include "declic-csv.h"
#include "declic-format.h"
#include "declic-i18n.h"
#include "declic-noc.h"
#include "declic-text.h"

struct _DeclicNocEntry
{
  char  *code;
  char  *title_en;
  char  *title_fr;
  char  *broad_category;
  char  *major_group;
  int    teer;

  /* Precomputed at load so that a search does not fold 1,000 titles per keystroke. */
  char  *folded_en;
  char  *folded_fr;
  char **words_en;
  char **words_fr;
};

struct _DeclicNoc
{
  GObject     parent_instance;

  GPtrArray  *entries;  /* DeclicNocEntry, in file order */
  GHashTable *by_code;  /* code → DeclicNocEntry, not owned */
  char       *origin;   /* a path, a resource URI, or NULL */
};

G_DEFINE_FINAL_TYPE (DeclicNoc, declic_noc, G_TYPE_OBJECT)

G_DEFINE_QUARK (declic-noc-error-quark, declic_noc_error)

/* The NOC list must not be larger than this: the real one is 90 kB. */
#define MAX_FILE_SIZE (8 * 1024 * 1024)

static void
entry_free (DeclicNocEntry *entry)
{
  g_free (entry->code);
  g_free (entry->title_en);
  g_free (entry->title_fr);
  g_free (entry->broad_category);
  g_free (entry->major_group);
  g_free (entry->folded_en);
  g_free (entry->folded_fr);
  g_strfreev (entry->words_en);
  g_strfreev (entry->words_fr);
  g_free (entry);
}

static void
declic_noc_finalize (GObject *object)
{
  DeclicNoc *self = DECLIC_NOC (object);

  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->origin, g_free);

  G_OBJECT_CLASS (declic_noc_parent_class)->finalize (object);
}

static void
declic_noc_class_init (DeclicNocClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = declic_noc_finalize;
}

static void
declic_noc_init (DeclicNoc *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * declic_noc_code_is_well_formed:
 * @code: (nullable): a candidate NOC 2021 code
 *
 * A NOC 2021 unit group code is 5 digits; the 1st is the broad category (0–9), the 2nd the TEER
 * category (0–5). Leading zeros are significant ("00010"). This checks the form only: a
 * well-formed code may still be absent from the list.
 *
 * Returns: %TRUE when @code has the form of a NOC 2021 code
 */
gboolean
declic_noc_code_is_well_formed (const char *code)
{
  if (code == NULL)
    return FALSE;

  for (guint i = 0; i < 5; i++)
    {
      if (!g_ascii_isdigit (code[i]))
        return FALSE;
    }

  return code[5] == '\0' && code[1] <= '5';
}

/**
 * declic_noc_code_get_teer:
 * @code: (nullable): a NOC 2021 code
 *
 * Returns: the TEER category (0–5) given by the code's 2nd digit, or -1 when @code is not
 *   well-formed
 */
int
declic_noc_code_get_teer (const char *code)
{
  if (!declic_noc_code_is_well_formed (code))
    return -1;

  return code[1] - '0';
}

typedef enum
{
  COLUMN_CODE,
  COLUMN_TITLE_EN,
  COLUMN_TITLE_FR,
  COLUMN_TEER,
  COLUMN_BROAD_CATEGORY,
  COLUMN_MAJOR_GROUP,
  N_COLUMNS
} Column;

static const struct
{
  const char *name;
  gboolean    required;
} columns[N_COLUMNS] = {
  { "code", TRUE },
  { "title_en", TRUE },
  { "title_fr", TRUE },
  { "teer", TRUE },
  { "broad_category", FALSE },
  { "major_group", FALSE },
};

static gboolean
parse_header (GPtrArray  *fields,
              int         indices[N_COLUMNS],
              GError    **error)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      indices[c] = -1;
      for (guint i = 0; i < fields->len; i++)
        {
          g_autofree char *name = g_strstrip (g_ascii_strdown (g_ptr_array_index (fields, i), -1));

          if (g_str_equal (name, columns[c].name))
            {
              indices[c] = i;
              break;
            }
        }

      if (indices[c] < 0 && columns[c].required)
        {
          g_set_error (error, DECLIC_NOC_ERROR, DECLIC_NOC_ERROR_MALFORMED,
                       _("Line 1: the header has no “%s” column"), columns[c].name);
          return FALSE;
        }
    }

  return TRUE;
}

static char *
dup_column (GPtrArray *fields,
            int        index)
{
  if (index < 0)
    return NULL;

  return g_strdup (g_strstrip ((char *) g_ptr_array_index (fields, index)));
}

static DeclicNocEntry *
parse_row (GPtrArray  *fields,
           const int   indices[N_COLUMNS],
           guint       line,
           GError    **error)
{
  DeclicNocEntry *entry = g_new0 (DeclicNocEntry, 1);
  g_autofree char *teer = NULL;

  entry->code = dup_column (fields, indices[COLUMN_CODE]);
  entry->title_en = dup_column (fields, indices[COLUMN_TITLE_EN]);
  entry->title_fr = dup_column (fields, indices[COLUMN_TITLE_FR]);
  entry->broad_category = dup_column (fields, indices[COLUMN_BROAD_CATEGORY]);
  entry->major_group = dup_column (fields, indices[COLUMN_MAJOR_GROUP]);
  teer = dup_column (fields, indices[COLUMN_TEER]);

  if (!declic_noc_code_is_well_formed (entry->code))
    {
      g_set_error (error, DECLIC_NOC_ERROR, DECLIC_NOC_ERROR_INVALID_ENTRY,
                   _("Line %u: “%s” is not a NOC 2021 code (5 digits, the second one from 0 to 5)"),
                   line, entry->code);
      goto fail;
    }

  entry->teer = declic_noc_code_get_teer (entry->code);
  if (strlen (teer) != 1 || teer[0] - '0' != entry->teer)
    {
      g_set_error (error, DECLIC_NOC_ERROR, DECLIC_NOC_ERROR_INVALID_ENTRY,
                   _("Line %u: TEER “%s” does not match code %s, whose second digit is %d"),
                   line, teer, entry->code, entry->teer);
      goto fail;
    }

  if (entry->title_en[0] == '\0' || entry->title_fr[0] == '\0')
    {
      g_set_error (error, DECLIC_NOC_ERROR, DECLIC_NOC_ERROR_INVALID_ENTRY,
                   _("Line %u: code %s has no English or no French title"),
                   line, entry->code);
      goto fail;
    }

  entry->folded_en = declic_text_fold (entry->title_en);
  entry->folded_fr = declic_text_fold (entry->title_fr);
  entry->words_en = declic_text_fold_words (entry->title_en);
  entry->words_fr = declic_text_fold_words (entry->title_fr);

  return entry;

fail:
  entry_free (entry);
  return NULL;
}

/**
 * declic_noc_new_from_data:
 * @data: the contents of a NOC CSV file
 * @length: the length of @data, or -1 when it is nul-terminated
 * @error: return location for a #DECLIC_NOC_ERROR
 *
 * Parses a NOC list. Errors name the line at fault.
 *
 * Returns: (transfer full) (nullable): the list, or %NULL with @error set
 */
DeclicNoc *
declic_noc_new_from_data (const char  *data,
                          gssize       length,
                          GError     **error)
{
  g_autoptr(DeclicNoc) self = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  DeclicCsvReader reader;
  const char *invalid = NULL;
  int indices[N_COLUMNS];
  guint header_columns;
  guint line = 1;
  gsize size;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  size = length < 0 ? strlen (data) : (gsize) length;

  if (!g_utf8_validate_len (data, size, &invalid))
    {
      g_set_error (error, DECLIC_NOC_ERROR, DECLIC_NOC_ERROR_ENCODING,
                   _("Line %u: the text is not valid UTF-8"),
                   declic_csv_line_of_offset (data, invalid - data));
      return NULL;
    }

  declic_csv_reader_init (&reader, data, size);

  if (!declic_csv_reader_next (&reader, fields, &line, &local_error))
    {
      if (local_error != NULL)
        g_set_error_literal (error, DECLIC_NOC_ERROR, DECLIC_NOC_ERROR_MALFORMED, local_error->message);
      else
        g_set_error_literal (error, DECLIC_NOC_ERROR, DECLIC_NOC_ERROR_MALFORMED,
                             _("The file is empty"));
      return NULL;
    }
  if (!parse_header (fields, indices, error))
    return NULL;

  self = g_object_new (DECLIC_TYPE_NOC, NULL);

  for (header_columns = fields->len;;)
    {
      DeclicNocEntry *entry;

      if (!declic_csv_reader_next (&reader, fields, &line, &local_error))
        {
          if (local_error != NULL)
            {
              /* The reader's message names the line; the code says what kind of fault. */
              g_set_error_literal (error, DECLIC_NOC_ERROR, DECLIC_NOC_ERROR_MALFORMED,
                                   local_error->message);
              return NULL;
            }
          break;
        }

      /* Blank lines (often one at the end) carry nothing. */
      if (declic_csv_record_is_blank (fields))
        continue;

      if (fields->len != header_columns)
        {
          g_autofree char *n_fields = declic_format_integer (fields->len, NULL);
          g_autofree char *n_header = declic_format_integer (header_columns, NULL);

          g_set_error (error, DECLIC_NOC_ERROR, DECLIC_NOC_ERROR_MALFORMED,
                       declic_i18n_ngettext ("Line %u: %s field where the header has %s", "Line %u: %s fields where the header has %s", fields->len),
                       line, n_fields, n_header);
          return NULL;
        }

      entry = parse_row (fields, indices, line, error);
      if (entry == NULL)
        return NULL;

      if (g_hash_table_contains (self->by_code, entry->code))
        {
          g_set_error (error, DECLIC_NOC_ERROR, DECLIC_NOC_ERROR_INVALID_ENTRY,
                       _("Line %u: code %s is listed twice"), line, entry->code);
          entry_free (entry);
          return NULL;
        }

      g_ptr_array_add (self->entries, entry);
      g_hash_table_insert (self->by_code, entry->code, entry);
    }

  if (self->entries->len == 0)
    {
      g_set_error_literal (error, DECLIC_NOC_ERROR, DECLIC_NOC_ERROR_MALFORMED,
                           _("The file lists no occupation"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * declic_noc_new_from_file:
 * @path: a NOC CSV file
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the list, or %NULL with @error set; the message names
 *   the file and, for a malformed file, the line
 */
DeclicNoc *
declic_noc_new_from_file (const char  *path,
                          GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  DeclicNoc *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A folder or a device where the list should be is a broken set-up, not an absent list. */
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, DECLIC_NOC_ERROR, DECLIC_NOC_ERROR_UNREADABLE,
                   _("The NOC list “%s” is not usable: it is not a file"), path);
      return NULL;
    }

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, DECLIC_NOC_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                     ? DECLIC_NOC_ERROR_NOT_FOUND : DECLIC_NOC_ERROR_UNREADABLE,
                   _("Could not read the NOC list “%s”: %s"), path, local_error->message);
      return NULL;
    }

  if (g_mapped_file_get_length (mapped) > MAX_FILE_SIZE)
    {
      g_set_error (error, DECLIC_NOC_ERROR, DECLIC_NOC_ERROR_MALFORMED,
                   _("The NOC list “%s” is too large to be a list of occupations"), path);
      return NULL;
    }

  self = declic_noc_new_from_data (g_mapped_file_get_contents (mapped),
                                   g_mapped_file_get_length (mapped),
                                   &local_error);
  if (self == NULL)
    {
      g_set_error (error, DECLIC_NOC_ERROR, local_error->code,
                   _("The NOC list “%s” is not usable: %s"), path, local_error->message);
      return NULL;
    }

  self->origin = g_strdup (path);
  return self;
}

/**
 * declic_noc_new_builtin:
 * @error: return location for a #GError
 *
 * The list compiled into the program (resources/data/noc-2021.csv, whose source and checksum
 * are in resources/data/SOURCE.md).
 *
 * Returns: (transfer full) (nullable): the list, or %NULL with @error set (only when the
 *   program was built without its resources)
 */
DeclicNoc *
declic_noc_new_builtin (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  DeclicNoc *self;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resources_lookup_data (DECLIC_NOC_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, DECLIC_NOC_ERROR, DECLIC_NOC_ERROR_NOT_FOUND,
                   _("The built-in NOC list is missing from this build of Déclic: %s"),
                   local_error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &size);
  self = declic_noc_new_from_data (data, size, &local_error);
  if (self == NULL)
    {
      g_set_error (error, DECLIC_NOC_ERROR, local_error->code,
                   _("The built-in NOC list is not usable: %s"), local_error->message);
      return NULL;
    }

  self->origin = g_strdup ("resource://" DECLIC_NOC_RESOURCE);
  return self;
}

static GPtrArray *
build_search_path (void)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *env = g_getenv ("DECLIC_NOC_FILE");
  const char * const *system_dirs = g_get_system_data_dirs ();

  if (env != NULL && env[0] != '\0')
    g_ptr_array_add (paths, g_strdup (env));
  g_ptr_array_add (paths, g_build_filename (g_get_user_data_dir (), "declic", DECLIC_NOC_FILE_NAME, NULL));
  for (guint i = 0; system_dirs[i] != NULL; i++)
    g_ptr_array_add (paths, g_build_filename (system_dirs[i], "declic", DECLIC_NOC_FILE_NAME, NULL));
  g_ptr_array_add (paths, g_build_filename (PKGDATADIR, DECLIC_NOC_FILE_NAME, NULL));

  return paths;
}

/**
 * declic_noc_find_default_file:
 *
 * Looks for a NOC list that overrides the built-in one, in this order:
 * 1. the file named by the environment variable `DECLIC_NOC_FILE` (development, tests);
 * 2. `g_get_user_data_dir ()/declic/noc-2021.csv` (a list the user installed);
 * 3. `declic/noc-2021.csv` in each of g_get_system_data_dirs () (the flatpak's `/app/share`);
 * 4. `PKGDATADIR/noc-2021.csv` (the install prefix chosen at build time).
 *
 * Returns: (transfer full) (nullable): the first of these that exists (usable or not), or
 *   %NULL when none does
 */
char *
declic_noc_find_default_file (void)
{
  g_autoptr(GPtrArray) paths = build_search_path ();

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);

      /* Anything there counts, even a folder or an unreadable file: the user meant it as the
       * list, so loading it says what is wrong instead of quietly using another. */
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_strdup (path);
    }

  return NULL;
}

/**
 * declic_noc_load_default:
 * @error: return location for a #GError
 *
 * Loads the list found by declic_noc_find_default_file (), else the built-in one
 * (declic_noc_new_builtin ()). A file that is found but cannot be used is an error naming the
 * file and why (%DECLIC_NOC_ERROR_UNREADABLE, %DECLIC_NOC_ERROR_ENCODING, ...); it is not
 * replaced by the built-in list, since it was put there to replace it.
 *
 * Returns: (transfer full) (nullable): a new list, or %NULL with @error set
 */
DeclicNoc *
declic_noc_load_default (GError **error)
{
  g_autofree char *path = declic_noc_find_default_file ();

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (path == NULL)
    return declic_noc_new_builtin (error);

  return declic_noc_new_from_file (path, error);
}

static GMutex default_mutex;
static gboolean default_tried;
static DeclicNoc *default_noc;
static GError *default_error;

/**
 * declic_noc_get_default:
 *
 * The list shared by the whole program, loaded on first use by declic_noc_load_default ().
 * Thread-safe. When no usable list exists this returns %NULL, every time: callers then check
 * only a code's form (declic_noc_code_is_well_formed ()) and tell the user why
 * (declic_noc_get_default_error ()).
 *
 * Returns: (transfer none) (nullable): the shared list
 */
DeclicNoc *
declic_noc_get_default (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&default_mutex);

  if (!default_tried)
    {
      default_tried = TRUE;
      default_noc = declic_noc_load_default (&default_error);
      if (default_noc == NULL)
        g_warning ("%s", default_error->message);
    }

  return default_noc;
}

/**
 * declic_noc_get_default_error:
 *
 * Why declic_noc_get_default () has no list: the file found on the search path is not usable
 * (its message names the file and the fault), or the built-in list is missing.
 *
 * Returns: (transfer none) (nullable): the error, or %NULL when the default list loaded (or
 *   was not asked for yet)
 */
const GError *
declic_noc_get_default_error (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&default_mutex);

  return default_error;
}

/**
 * declic_noc_get_origin:
 * @self: a #DeclicNoc
 *
 * Returns: (nullable): the file the list was read from, `resource:///…` for the built-in list,
 *   or %NULL for a list parsed from data
 */
const char *
declic_noc_get_origin (DeclicNoc *self)
{
  g_return_val_if_fail (DECLIC_IS_NOC (self), NULL);

  return self->origin;
}

/**
 * declic_noc_get_n_entries:
 * @self: a #DeclicNoc
 *
 * Returns: the number of unit groups (516 for the NOC 2021 list)
 */
guint
declic_noc_get_n_entries (DeclicNoc *self)
{
  g_return_val_if_fail (DECLIC_IS_NOC (self), 0);

  return self->entries->len;
}

/**
 * declic_noc_get_entry:
 * @self: a #DeclicNoc
 * @index: from 0 to declic_noc_get_n_entries () - 1
 *
 * Returns: (transfer none): the unit group at @index, in file order (ascending codes)
 */
const DeclicNocEntry *
declic_noc_get_entry (DeclicNoc *self,
                      guint      index)
{
  g_return_val_if_fail (DECLIC_IS_NOC (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return g_ptr_array_index (self->entries, index);
}

/**
 * declic_noc_lookup:
 * @self: a #DeclicNoc
 * @code: a NOC 2021 code such as "21231"
 *
 * Returns: (transfer none) (nullable): the unit group, or %NULL when @code is not in the list
 */
const DeclicNocEntry *
declic_noc_lookup (DeclicNoc  *self,
                   const char *code)
{
  g_return_val_if_fail (DECLIC_IS_NOC (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return g_hash_table_lookup (self->by_code, code);
}

typedef struct
{
  const DeclicNocEntry *entry;
  guint                 score;
} Match;

static gboolean
all_digits (const char *word)
{
  for (const char *p = word; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }
  return TRUE;
}

/* 0 when some query word matches nothing; otherwise higher is better. */
static guint
score_entry (const DeclicNocEntry *entry,
             char                **words)
{
  guint score = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean is_prefix = FALSE;

      if (all_digits (words[i]) && g_str_has_prefix (entry->code, words[i]))
        {
          score += g_str_equal (entry->code, words[i]) ? 1000000 : 100000;
          continue;
        }

      if (declic_text_words_match ((const char * const *) entry->words_en, entry->folded_en,
                                   words[i], &is_prefix) && is_prefix)
        score += 100;
      else if (declic_text_words_match ((const char * const *) entry->words_fr, entry->folded_fr,
                                        words[i], &is_prefix) && is_prefix)
        score += 100;
      else if (strstr (entry->folded_en, words[i]) != NULL ||
               strstr (entry->folded_fr, words[i]) != NULL)
        score += 10;
      else
        return 0;
    }

  return score;
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *ma = a;
  const Match *mb = b;

  if (ma->score != mb->score)
    return ma->score > mb->score ? -1 : 1;

  return strcmp (ma->entry->code, mb->entry->code);
}

/**
 * declic_noc_search:
 * @self: a #DeclicNoc
 * @query: what the user typed: words of a title (English or French) or the start of a code
 * @max_results: the most entries to return, or 0 for all
 *
 * Every word of @query, case and accents ignored, must start a word of the English or the
 * French title, occur inside one of them, or start the code. Results rank an exact code first,
 * then a code prefix, then titles by how many query words start one of their words; ties go
 * in code order. "ingenieur logiciel" finds 21231.
 *
 * Returns: (transfer container) (element-type DeclicNocEntry): the matching entries, owned by
 *   @self; empty for a query with no words
 */
GPtrArray *
declic_noc_search (DeclicNoc  *self,
                   const char *query,
                   guint       max_results)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GArray) matches = NULL;
  GPtrArray *results;

  g_return_val_if_fail (DECLIC_IS_NOC (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  results = g_ptr_array_new ();
  words = declic_text_fold_words (query);
  if (words[0] == NULL)
    return results;

  matches = g_array_new (FALSE, FALSE, sizeof (Match));
  for (guint i = 0; i < self->entries->len; i++)
    {
      Match match = { g_ptr_array_index (self->entries, i), 0 };

      match.score = score_entry (match.entry, words);
      if (match.score > 0)
        g_array_append_val (matches, match);
    }

  g_array_sort (matches, compare_matches);

  for (guint i = 0; i < matches->len && (max_results == 0 || i < max_results); i++)
    g_ptr_array_add (results, (gpointer) g_array_index (matches, Match, i).entry);

  return results;
}

/**
 * declic_noc_entry_get_code:
 * @entry: a unit group
 *
 * Returns: its 5-digit code, leading zeros kept
 */
const char *
declic_noc_entry_get_code (const DeclicNocEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return entry->code;
}

/**
 * declic_noc_entry_get_title_en:
 * @entry: a unit group
 *
 * Returns: the official English title
 */
const char *
declic_noc_entry_get_title_en (const DeclicNocEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return entry->title_en;
}

/**
 * declic_noc_entry_get_title_fr:
 * @entry: a unit group
 *
 * Returns: the official French title
 */
const char *
declic_noc_entry_get_title_fr (const DeclicNocEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return entry->title_fr;
}

/**
 * declic_noc_entry_get_title:
 * @entry: a unit group
 * @lang: (nullable): a language such as "fr", "fr_CA.UTF-8" or "en"; %NULL for the messages
 *   language
 *
 * The NOC exists in English and French only: any language other than French gets English.
 *
 * Returns: the title in @lang
 */
const char *
declic_noc_entry_get_title (const DeclicNocEntry *entry,
                            const char           *lang)
{
  g_return_val_if_fail (entry != NULL, NULL);

  if (lang == NULL)
    return declic_noc_entry_get_localized_title (entry);

  if (g_ascii_strncasecmp (lang, "fr", 2) == 0 && !g_ascii_isalpha (lang[2]))
    return entry->title_fr;

  return entry->title_en;
}

/**
 * declic_noc_entry_get_localized_title:
 * @entry: a unit group
 *
 * Returns: the French title when messages are shown in French, the English one otherwise
 */
const char *
declic_noc_entry_get_localized_title (const DeclicNocEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return declic_i18n_messages_are_french () ? entry->title_fr : entry->title_en;
}

/**
 * declic_noc_entry_get_teer:
 * @entry: a unit group
 *
 * Returns: its TEER category, 0 to 5
 */
int
declic_noc_entry_get_teer (const DeclicNocEntry *entry)
{
  g_return_val_if_fail (entry != NULL, -1);

  return entry->teer;
}

/**
 * declic_noc_entry_get_broad_category:
 * @entry: a unit group
 *
 * Returns: (nullable): the English name of the broad category, when the file has that column
 */
const char *
declic_noc_entry_get_broad_category (const DeclicNocEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return entry->broad_category;
}

/**
 * declic_noc_entry_get_major_group:
 * @entry: a unit group
 *
 * Returns: (nullable): the major group (the code's first two digits), when the file has that
 *   column
 */
const char *
declic_noc_entry_get_major_group (const DeclicNocEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return entry->major_group;
}
