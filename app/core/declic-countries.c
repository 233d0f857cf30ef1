/* declic-countries.c: countries and subdivisions from iso-codes (see the header). */
#define G_LOG_DOMAIN "declic-countries"

#include "config.h"

#include <libintl.h>
#include <string.h>
#include <json.h>

#include "declic-countries.h"
#include "declic-i18n.h"
#include "declic-text.h"
#include "declic-utils.h"


#define ISO_3166_1_DOMAIN "iso_3166-1"
#define ISO_3166_2_DOMAIN "iso_3166-2"

/* Read once at start-up: a larger file is not iso-codes' (3166-2 is 500 kB). */
#define MAX_FILE_SIZE (16 * 1024 * 1024)

#define POSTAL_CODES_RESOURCE "/ca/declic/Declic/core/rules/postal-codes.json"

struct _DeclicCountry
{
  char *alpha_2;
  char *alpha_3;
  char *name;  /* the English common name when iso-codes has one ("Taiwan"), else its name */
};

struct _DeclicSubdivision
{
  char *code;
  char *country_code;
  char *name;
  char *kind;
  char *parent;
};

struct _DeclicCountries
{
  GObject     parent_instance;

  GPtrArray  *countries;     /* DeclicCountry, in file order */
  GHashTable *by_code;       /* alpha-2 → DeclicCountry, not owned */
  GHashTable *subdivisions;  /* alpha-2 → GPtrArray of DeclicSubdivision, owned */
  GHashTable *subdivision_by_code;  /* "CA-QC" → DeclicSubdivision, not owned */
};

G_DEFINE_FINAL_TYPE (DeclicCountries, declic_countries, G_TYPE_OBJECT)

G_DEFINE_QUARK (declic-countries-error-quark, declic_countries_error)

static void
country_free (DeclicCountry *country)
{
  g_free (country->alpha_2);
  g_free (country->alpha_3);
  g_free (country->name);
  g_free (country);
}

static void
subdivision_free (DeclicSubdivision *subdivision)
{
  g_free (subdivision->code);
  g_free (subdivision->country_code);
  g_free (subdivision->name);
  g_free (subdivision->kind);
  g_free (subdivision->parent);
  g_free (subdivision);
}

static void
declic_countries_finalize (GObject *object)
{
  DeclicCountries *self = DECLIC_COUNTRIES (object);

  g_clear_pointer (&self->subdivision_by_code, g_hash_table_unref);
  g_clear_pointer (&self->subdivisions, g_hash_table_unref);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->countries, g_ptr_array_unref);

  G_OBJECT_CLASS (declic_countries_parent_class)->finalize (object);
}

static void
declic_countries_class_init (DeclicCountriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = declic_countries_finalize;
}

static void
declic_countries_init (DeclicCountries *self)
{
  self->countries = g_ptr_array_new_with_free_func ((GDestroyNotify) country_free);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->subdivisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  self->subdivision_by_code = g_hash_table_new (g_str_hash, g_str_equal);
}

static GPtrArray *
build_search_path (void)
{
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);
  const char *env = g_getenv ("DECLIC_ISO_CODES_DIR");
  const char * const *system_dirs = g_get_system_data_dirs ();

  if (env != NULL && env[0] != '\0')
    g_ptr_array_add (dirs, g_strdup (env));
  for (guint i = 0; system_dirs[i] != NULL; i++)
    g_ptr_array_add (dirs, g_build_filename (system_dirs[i], "iso-codes", "json", NULL));
  /* Where Debian and the GNOME runtime put it, should XDG_DATA_DIRS leave /usr/share out. */
  g_ptr_array_add (dirs, g_strdup ("/usr/share/iso-codes/json"));

  return dirs;
}

/**
 * declic_countries_find_iso_codes_dir:
 *
 * Looks for iso-codes' JSON folder (the one holding `iso_3166-1.json`), in this order: the
 * environment variable `DECLIC_ISO_CODES_DIR`, `iso-codes/json` in each of
 * g_get_system_data_dirs (), then `/usr/share/iso-codes/json`.
 *
 * Returns: (transfer full) (nullable): the folder, or %NULL when iso-codes is not installed
 */
char *
declic_countries_find_iso_codes_dir (void)
{
  g_autoptr(GPtrArray) dirs = build_search_path ();

  for (guint i = 0; i < dirs->len; i++)
    {
      const char *dir = g_ptr_array_index (dirs, i);
      g_autofree char *file = g_build_filename (dir, "iso_3166-1.json", NULL);

      if (g_file_test (file, G_FILE_TEST_IS_REGULAR))
        return g_strdup (dir);
    }

  return NULL;
}

static json_object *
load_json_array (const char  *dir,
                 const char  *base_name,
                 const char  *key,
                 GError     **error)
{
  g_autofree char *path = g_build_filename (dir, base_name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(json_object) root = NULL;
  json_object *array = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, DECLIC_COUNTRIES_ERROR, DECLIC_COUNTRIES_ERROR_NOT_FOUND,
                   _("Could not read the list of countries “%s”: %s"), path, local_error->message);
      return NULL;
    }

  if (length > MAX_FILE_SIZE)
    {
      g_set_error (error, DECLIC_COUNTRIES_ERROR, DECLIC_COUNTRIES_ERROR_MALFORMED,
                   _("The list of countries “%s” is too large"), path);
      return NULL;
    }

  root = json_tokener_parse (contents);
  if (root == NULL ||
      !json_object_object_get_ex (root, key, &array) ||
      !json_object_is_type (array, json_type_array))
    {
      g_set_error (error, DECLIC_COUNTRIES_ERROR, DECLIC_COUNTRIES_ERROR_MALFORMED,
                   _("The list of countries “%s” is not in the iso-codes format"), path);
      return NULL;
    }

  return json_object_get (array);
}

static gboolean
is_alpha_2 (const char *code)
{
  return code != NULL &&
         g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && code[2] == '\0';
}

static gboolean
load_countries (DeclicCountries  *self,
                const char       *dir,
                GError          **error)
{
  g_autoptr(json_object) array = load_json_array (dir, "iso_3166-1.json", "3166-1", error);
  size_t n;

  if (array == NULL)
    return FALSE;

  n = json_object_array_length (array);
  for (size_t i = 0; i < n; i++)
    {
      json_object *item = json_object_array_get_idx (array, i);
      const char *alpha_2 = declic_utils_json_get_string (item, "alpha_2");
      const char *name = declic_utils_json_get_string (item, "common_name");
      DeclicCountry *country;

      if (name == NULL)
        name = declic_utils_json_get_string (item, "name");
      if (!is_alpha_2 (alpha_2) || name == NULL || g_hash_table_contains (self->by_code, alpha_2))
        continue;

      country = g_new0 (DeclicCountry, 1);
      country->alpha_2 = g_strdup (alpha_2);
      country->alpha_3 = g_strdup (declic_utils_json_get_string (item, "alpha_3"));
      country->name = g_strdup (name);
      g_ptr_array_add (self->countries, country);
      g_hash_table_insert (self->by_code, country->alpha_2, country);
    }

  if (self->countries->len == 0)
    {
      g_set_error (error, DECLIC_COUNTRIES_ERROR, DECLIC_COUNTRIES_ERROR_MALFORMED,
                   _("The list of countries in “%s” is empty"), dir);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_subdivisions (DeclicCountries  *self,
                   const char       *dir,
                   GError          **error)
{
  g_autoptr(json_object) array = load_json_array (dir, "iso_3166-2.json", "3166-2", error);
  size_t n;

  if (array == NULL)
    return FALSE;

  n = json_object_array_length (array);
  for (size_t i = 0; i < n; i++)
    {
      json_object *item = json_object_array_get_idx (array, i);
      const char *code = declic_utils_json_get_string (item, "code");
      const char *name = declic_utils_json_get_string (item, "name");
      const char *dash;
      DeclicSubdivision *subdivision;
      GPtrArray *list;

      if (code == NULL || name == NULL || (dash = strchr (code, '-')) == NULL || dash - code != 2)
        continue;
      if (g_hash_table_contains (self->subdivision_by_code, code))
        continue;

      subdivision = g_new0 (DeclicSubdivision, 1);
      subdivision->code = g_strdup (code);
      subdivision->country_code = g_strndup (code, 2);
      subdivision->name = g_strdup (name);
      subdivision->kind = g_strdup (declic_utils_json_get_string (item, "type"));
      subdivision->parent = g_strdup (declic_utils_json_get_string (item, "parent"));

      list = g_hash_table_lookup (self->subdivisions, subdivision->country_code);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) subdivision_free);
          g_hash_table_insert (self->subdivisions, g_strdup (subdivision->country_code), list);
        }
      g_ptr_array_add (list, subdivision);
      g_hash_table_insert (self->subdivision_by_code, subdivision->code, subdivision);
    }

  return TRUE;
}

/**
 * declic_countries_new_from_dir:
 * @json_dir: iso-codes' JSON folder (see declic_countries_find_iso_codes_dir ())
 * @locale_dir: (nullable): where iso-codes' translations are; %NULL for the `locale` folder
 *   next to iso-codes' own (`/usr/share/iso-codes/json` → `/usr/share/locale`)
 * @error: return location for a #DECLIC_COUNTRIES_ERROR
 *
 * Loads the countries and subdivisions and binds iso-codes' translation domains to @locale_dir.
 *
 * Returns: (transfer full) (nullable): the lists, or %NULL with @error set
 */
DeclicCountries *
declic_countries_new_from_dir (const char  *json_dir,
                               const char  *locale_dir,
                               GError     **error)
{
  g_autoptr(DeclicCountries) self = NULL;
  g_autofree char *derived_locale_dir = NULL;

  g_return_val_if_fail (json_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (DECLIC_TYPE_COUNTRIES, NULL);
  if (!load_countries (self, json_dir, error) || !load_subdivisions (self, json_dir, error))
    return NULL;

  if (locale_dir == NULL)
    {
      /* iso-codes installs into PREFIX/share/iso-codes/json and PREFIX/share/locale. */
      g_autofree char *iso_codes_dir = g_path_get_dirname (json_dir);
      g_autofree char *share_dir = g_path_get_dirname (iso_codes_dir);

      derived_locale_dir = g_build_filename (share_dir, "locale", NULL);
      locale_dir = derived_locale_dir;
    }

  bindtextdomain (ISO_3166_1_DOMAIN, locale_dir);
  bind_textdomain_codeset (ISO_3166_1_DOMAIN, "UTF-8");
  bindtextdomain (ISO_3166_2_DOMAIN, locale_dir);
  bind_textdomain_codeset (ISO_3166_2_DOMAIN, "UTF-8");

  return g_steal_pointer (&self);
}

/**
 * declic_countries_get_default:
 *
 * The lists shared by the whole program, loaded on first use from
 * declic_countries_find_iso_codes_dir (). Thread-safe.
 *
 * Returns: (transfer none) (nullable): the lists, or %NULL when iso-codes is missing (a
 *   packaging error: it is a dependency of the app, and a warning says so)
 */
DeclicCountries *
declic_countries_get_default (void)
{
  static gsize initialized;
  static DeclicCountries *default_countries;

  if (g_once_init_enter (&initialized))
    {
      g_autofree char *dir = declic_countries_find_iso_codes_dir ();
      g_autoptr(GError) error = NULL;

      if (dir == NULL)
        g_warning ("iso-codes was not found (set DECLIC_ISO_CODES_DIR): country names are unavailable");
      else if ((default_countries = declic_countries_new_from_dir (dir, NULL, &error)) == NULL)
        g_warning ("%s", error->message);

      g_once_init_leave (&initialized, 1);
    }

  return default_countries;
}

/**
 * declic_countries_get_n_countries:
 * @self: a #DeclicCountries
 *
 * Returns: how many countries ISO 3166-1 lists (249 in iso-codes 4.15)
 */
guint
declic_countries_get_n_countries (DeclicCountries *self)
{
  g_return_val_if_fail (DECLIC_IS_COUNTRIES (self), 0);

  return self->countries->len;
}

/**
 * declic_countries_lookup:
 * @self: a #DeclicCountries
 * @code: an ISO 3166-1 alpha-2 code, such as "CA"
 *
 * Returns: (transfer none) (nullable): the country, or %NULL for an unknown code. Codes are
 *   upper case, as drafts store them: "ca" is not found.
 */
const DeclicCountry *
declic_countries_lookup (DeclicCountries *self,
                         const char      *code)
{
  g_return_val_if_fail (DECLIC_IS_COUNTRIES (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return g_hash_table_lookup (self->by_code, code);
}

/**
 * declic_countries_is_valid_code:
 * @self: a #DeclicCountries
 * @code: (nullable): a candidate ISO 3166-1 alpha-2 code
 *
 * Returns: %TRUE when @code is an upper-case alpha-2 code that ISO 3166-1 lists
 */
gboolean
declic_countries_is_valid_code (DeclicCountries *self,
                                const char      *code)
{
  g_return_val_if_fail (DECLIC_IS_COUNTRIES (self), FALSE);

  return code != NULL && g_hash_table_contains (self->by_code, code);
}

/* Sorting by name in the user's language. The folded name comes first so that "Égypte" sorts
 * among the E's even where the collation is plain code point order (the C locale). */
typedef struct
{
  gconstpointer item;
  char         *key;
  guint         score;
} SortItem;

static void
sort_item_clear (gpointer data)
{
  SortItem *item = data;

  g_free (item->key);
}

static char *
make_sort_key (const char *name)
{
  g_autofree char *folded = declic_text_fold (name);
  g_autofree char *folded_key = g_utf8_collate_key (folded, -1);
  g_autofree char *name_key = g_utf8_collate_key (name, -1);

  return g_strconcat (folded_key, "\001", name_key, NULL);
}

static int
compare_sort_items (gconstpointer a,
                    gconstpointer b)
{
  const SortItem *ia = a;
  const SortItem *ib = b;

  if (ia->score != ib->score)
    return ia->score > ib->score ? -1 : 1;

  return strcmp (ia->key, ib->key);
}

static GPtrArray *
sorted_items (GArray *items,
              guint   max_results)
{
  GPtrArray *result = g_ptr_array_new ();

  g_array_sort (items, compare_sort_items);
  for (guint i = 0; i < items->len && (max_results == 0 || i < max_results); i++)
    g_ptr_array_add (result, (gpointer) g_array_index (items, SortItem, i).item);

  return result;
}

static GArray *
new_sort_items (void)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (SortItem));

  g_array_set_clear_func (items, sort_item_clear);
  return items;
}

/**
 * declic_countries_list_sorted:
 * @self: a #DeclicCountries
 *
 * Returns: (transfer container) (element-type DeclicCountry): every country, sorted by its
 *   name in the messages language, accents ignored first
 */
GPtrArray *
declic_countries_list_sorted (DeclicCountries *self)
{
  g_autoptr(GArray) items = NULL;

  g_return_val_if_fail (DECLIC_IS_COUNTRIES (self), NULL);

  items = new_sort_items ();
  for (guint i = 0; i < self->countries->len; i++)
    {
      const DeclicCountry *country = g_ptr_array_index (self->countries, i);
      SortItem item = { country, make_sort_key (declic_country_get_localized_name (country)), 0 };

      g_array_append_val (items, item);
    }

  return sorted_items (items, 0);
}

/* 0 when some word matches neither name; otherwise higher is better. */
static guint
score_name (const char  *name,
            char       **words)
{
  g_autofree char *folded = declic_text_fold (name);
  g_auto(GStrv) name_words = declic_text_fold_words (name);
  guint score = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean is_prefix = FALSE;

      if (!declic_text_words_match ((const char * const *) name_words, folded, words[i], &is_prefix))
        return 0;
      score += is_prefix ? 100 : 10;
    }

  /* Names whose first word starts with the query come first: "guinee" lists Guinée before
   * Papouasie-Nouvelle-Guinée. */
  if (name_words[0] != NULL && g_str_has_prefix (name_words[0], words[0]))
    score += 50;

  return score;
}

/**
 * declic_countries_search:
 * @self: a #DeclicCountries
 * @query: words of a country's name, in the messages language or in English, or its code
 * @max_results: the most countries to return, or 0 for all
 *
 * Case and accents are ignored: "etats unis" finds États-Unis. Every word must start a word of
 * the name or occur inside it. A query equal to an alpha-2 or alpha-3 code ranks that country
 * first; then names whose words start with the query's words; ties go in name order.
 *
 * Returns: (transfer container) (element-type DeclicCountry): the matching countries
 */
GPtrArray *
declic_countries_search (DeclicCountries *self,
                         const char      *query,
                         guint            max_results)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GArray) items = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (DECLIC_IS_COUNTRIES (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  words = declic_text_fold_words (query);
  if (words[0] == NULL)
    return g_ptr_array_new ();

  stripped = g_strstrip (g_ascii_strup (query, -1));
  items = new_sort_items ();
  for (guint i = 0; i < self->countries->len; i++)
    {
      const DeclicCountry *country = g_ptr_array_index (self->countries, i);
      const char *localized = declic_country_get_localized_name (country);
      guint score = MAX (score_name (localized, words), score_name (country->name, words));
      if (g_str_equal (stripped, country->alpha_2) ||
          (country->alpha_3 != NULL && g_str_equal (stripped, country->alpha_3)))
        score += 100000;

      if (score > 0)
        {
          SortItem item = { country, make_sort_key (localized), score };

          g_array_append_val (items, item);
        }
    }

  return sorted_items (items, max_results);
}

/**
 * declic_countries_get_subdivisions:
 * @self: a #DeclicCountries
 * @country_code: an ISO 3166-1 alpha-2 code
 *
 * For Canada, its 10 provinces and 3 territories. Some countries' lists hold two levels (the
 * regions and the departments of France); declic_subdivision_get_parent () tells them apart.
 *
 * Returns: (transfer container) (element-type DeclicSubdivision): the ISO 3166-2
 *   subdivisions, sorted by name in the messages language; empty for a country without any
 */
GPtrArray *
declic_countries_get_subdivisions (DeclicCountries *self,
                                   const char      *country_code)
{
  g_autoptr(GArray) items = NULL;
  GPtrArray *list;

  g_return_val_if_fail (DECLIC_IS_COUNTRIES (self), NULL);
  g_return_val_if_fail (country_code != NULL, NULL);

  list = g_hash_table_lookup (self->subdivisions, country_code);
  if (list == NULL)
    return g_ptr_array_new ();

  items = new_sort_items ();
  for (guint i = 0; i < list->len; i++)
    {
      const DeclicSubdivision *subdivision = g_ptr_array_index (list, i);
      SortItem item = { subdivision, make_sort_key (declic_subdivision_get_localized_name (subdivision)), 0 };

      g_array_append_val (items, item);
    }

  return sorted_items (items, 0);
}

/**
 * declic_countries_lookup_subdivision:
 * @self: a #DeclicCountries
 * @code: an ISO 3166-2 code, such as "CA-QC"
 *
 * Returns: (transfer none) (nullable): the subdivision, or %NULL for an unknown code
 */
const DeclicSubdivision *
declic_countries_lookup_subdivision (DeclicCountries *self,
                                     const char      *code)
{
  g_return_val_if_fail (DECLIC_IS_COUNTRIES (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return g_hash_table_lookup (self->subdivision_by_code, code);
}

/**
 * declic_country_get_code:
 * @country: a country
 *
 * Returns: its ISO 3166-1 alpha-2 code, the form drafts store
 */
const char *
declic_country_get_code (const DeclicCountry *country)
{
  g_return_val_if_fail (country != NULL, NULL);

  return country->alpha_2;
}

/**
 * declic_country_get_alpha3:
 * @country: a country
 *
 * Returns: (nullable): its ISO 3166-1 alpha-3 code
 */
const char *
declic_country_get_alpha3 (const DeclicCountry *country)
{
  g_return_val_if_fail (country != NULL, NULL);

  return country->alpha_3;
}

/**
 * declic_country_get_name:
 * @country: a country
 *
 * Returns: its English name: iso-codes' common name when it has one ("Bolivia", "Taiwan")
 */
const char *
declic_country_get_name (const DeclicCountry *country)
{
  g_return_val_if_fail (country != NULL, NULL);

  return country->name;
}

/**
 * declic_country_get_localized_name:
 * @country: a country
 *
 * Returns: its name in the messages language, from iso-codes' "iso_3166-1" domain ("Allemagne"
 *   for DE in French); the English name when there is no translation
 */
const char *
declic_country_get_localized_name (const DeclicCountry *country)
{
  g_return_val_if_fail (country != NULL, NULL);

  return dgettext (ISO_3166_1_DOMAIN, country->name);
}

/**
 * declic_subdivision_get_code:
 * @subdivision: a subdivision
 *
 * Returns: its ISO 3166-2 code, such as "CA-QC"
 */
const char *
declic_subdivision_get_code (const DeclicSubdivision *subdivision)
{
  g_return_val_if_fail (subdivision != NULL, NULL);

  return subdivision->code;
}

/**
 * declic_subdivision_get_country_code:
 * @subdivision: a subdivision
 *
 * Returns: the alpha-2 code of its country
 */
const char *
declic_subdivision_get_country_code (const DeclicSubdivision *subdivision)
{
  g_return_val_if_fail (subdivision != NULL, NULL);

  return subdivision->country_code;
}

/**
 * declic_subdivision_get_name:
 * @subdivision: a subdivision
 *
 * Returns: its name as iso-codes writes it (usually the local form in Latin script)
 */
const char *
declic_subdivision_get_name (const DeclicSubdivision *subdivision)
{
  g_return_val_if_fail (subdivision != NULL, NULL);

  return subdivision->name;
}

/**
 * declic_subdivision_get_localized_name:
 * @subdivision: a subdivision
 *
 * Returns: its name in the messages language from iso-codes' "iso_3166-2" domain ("Québec",
 *   "Colombie-Britannique" in French)
 */
const char *
declic_subdivision_get_localized_name (const DeclicSubdivision *subdivision)
{
  g_return_val_if_fail (subdivision != NULL, NULL);

  return dgettext (ISO_3166_2_DOMAIN, subdivision->name);
}

/**
 * declic_subdivision_get_kind:
 * @subdivision: a subdivision
 *
 * Returns: (nullable): its kind in English, as iso-codes has it ("Province", "Territory")
 */
const char *
declic_subdivision_get_kind (const DeclicSubdivision *subdivision)
{
  g_return_val_if_fail (subdivision != NULL, NULL);

  return subdivision->kind;
}

/**
 * declic_subdivision_get_parent:
 * @subdivision: a subdivision
 *
 * Returns: (nullable): the code, without the country prefix, of the subdivision it belongs to
 *   (a French department's region), or %NULL for a top-level one
 */
const char *
declic_subdivision_get_parent (const DeclicSubdivision *subdivision)
{
  g_return_val_if_fail (subdivision != NULL, NULL);

  return subdivision->parent;
}

/* Postal codes. The formats are data: resources/rules/postal-codes.json, compiled into the core
 * GResource. A country missing from it, or listed without a pattern, has no known format. */
typedef struct
{
  GRegex *regex;
  char   *example;
} PostalFormat;

static void
postal_format_free (PostalFormat *format)
{
  g_clear_pointer (&format->regex, g_regex_unref);
  g_free (format->example);
  g_free (format);
}

static GHashTable *
load_postal_formats (void)
{
  GHashTable *formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) postal_format_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(json_object) root = NULL;
  g_autofree char *text = NULL;
  json_object *table = NULL;
  json_object_iter iter;

  bytes = g_resources_lookup_data (POSTAL_CODES_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("Postal code formats missing from the resources: %s", error->message);
      return formats;
    }

  /* json-c needs a nul-terminated string; GResource data is not guaranteed to be. */
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  root = json_tokener_parse (text);
  if (root == NULL || !json_object_object_get_ex (root, "formats", &table) ||
      !json_object_is_type (table, json_type_object))
    {
      g_critical ("%s is not a table of postal code formats", POSTAL_CODES_RESOURCE);
      return formats;
    }

  json_object_object_foreachC (table, iter)
    {
      const char *code = iter.key;
      const char *pattern = declic_utils_json_get_string (iter.val, "pattern");
      PostalFormat *format;

      if (pattern == NULL)
        continue;  /* listed to record that the country has no postal codes */

      format = g_new0 (PostalFormat, 1);
      format->regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &error);
      if (format->regex == NULL)
        {
          g_critical ("Invalid postal code pattern for %s: %s", code, error->message);
          g_clear_error (&error);
          postal_format_free (format);
          continue;
        }
      format->example = g_strdup (declic_utils_json_get_string (iter.val, "example"));
      g_hash_table_insert (formats, g_strdup (code), format);
    }

  return formats;
}

static PostalFormat *
lookup_postal_format (const char *country_code)
{
  static gsize initialized;
  static GHashTable *formats;

  if (g_once_init_enter (&initialized))
    {
      formats = load_postal_formats ();
      g_once_init_leave (&initialized, 1);
    }

  return g_hash_table_lookup (formats, country_code);
}

/**
 * declic_postal_code_normalize:
 * @postal_code: a postal code as typed
 *
 * Upper-cases ASCII letters, trims the ends and turns runs of spaces into one: " h2x  1y4 "
 * becomes "H2X 1Y4". This is the form the formats are checked against.
 *
 * Returns: (transfer full): the normalized code
 */
char *
declic_postal_code_normalize (const char *postal_code)
{
  g_autofree char *upper = NULL;
  GString *result;

  g_return_val_if_fail (postal_code != NULL, NULL);

  upper = g_strstrip (g_ascii_strup (postal_code, -1));
  result = g_string_sized_new (strlen (upper));
  for (const char *p = upper; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (result->len == 0 || result->str[result->len - 1] != ' ')
            g_string_append_c (result, ' ');
          continue;
        }
      g_string_append_c (result, *p);
    }

  return g_string_free (result, FALSE);
}

/**
 * declic_postal_code_check:
 * @country_code: an ISO 3166-1 alpha-2 code
 * @postal_code: a postal code as typed
 *
 * Checks @postal_code's form (not that it exists) against the country's format, after
 * declic_postal_code_normalize (): "h2x1y4" is a valid Canadian code. An empty code is
 * invalid for a country with a format; whether the field may be empty is the caller's rule.
 *
 * Returns: %DECLIC_POSTAL_CODE_UNKNOWN_FORMAT when the data has no format for the country
 *   (Cameroon has no postal codes; many countries are simply not listed): accept anything
 */
DeclicPostalCodeCheck
declic_postal_code_check (const char *country_code,
                          const char *postal_code)
{
  g_autofree char *normalized = NULL;
  PostalFormat *format;

  g_return_val_if_fail (country_code != NULL, DECLIC_POSTAL_CODE_UNKNOWN_FORMAT);
  g_return_val_if_fail (postal_code != NULL, DECLIC_POSTAL_CODE_UNKNOWN_FORMAT);

  format = lookup_postal_format (country_code);
  if (format == NULL)
    return DECLIC_POSTAL_CODE_UNKNOWN_FORMAT;

  normalized = declic_postal_code_normalize (postal_code);
  return g_regex_match (format->regex, normalized, 0, NULL) ? DECLIC_POSTAL_CODE_VALID
                                                             : DECLIC_POSTAL_CODE_INVALID;
}

/**
 * declic_postal_code_get_example:
 * @country_code: an ISO 3166-1 alpha-2 code
 *
 * Returns: (nullable): an example of a well-formed code ("H2X 1Y4" for CA), to show in a
 *   message or a placeholder, or %NULL when the format is unknown
 */
const char *
declic_postal_code_get_example (const char *country_code)
{
  PostalFormat *format;

  g_return_val_if_fail (country_code != NULL, NULL);

  format = lookup_postal_format (country_code);
  return format != NULL ? format->example : NULL;
}
