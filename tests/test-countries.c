/* test-countries.c: countries and subdivisions from iso-codes, and postal code formats. */
#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>
#include <json.h>

#include "declic-countries.h"

static void
set_language (const char *language)
{
  /* LANG=C.UTF-8 (set by tests/meson.build) lets gettext honour LANGUAGE. */
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
}

static DeclicCountries *
get_countries (void)
{
  DeclicCountries *countries = declic_countries_get_default ();

  g_assert_nonnull (countries);
  return countries;
}

static void
test_countries_lookup (void)
{
  DeclicCountries *countries = get_countries ();
  const DeclicCountry *country;

  set_language ("");

  /* ISO 3166-1 has 249 entries; allow a future iso-codes a few more. */
  g_assert_cmpuint (declic_countries_get_n_countries (countries), >=, 249);
  g_assert_cmpuint (declic_countries_get_n_countries (countries), <, 260);

  country = declic_countries_lookup (countries, "CA");
  g_assert_nonnull (country);
  g_assert_cmpstr (declic_country_get_code (country), ==, "CA");
  g_assert_cmpstr (declic_country_get_alpha3 (country), ==, "CAN");
  g_assert_cmpstr (declic_country_get_name (country), ==, "Canada");

  country = declic_countries_lookup (countries, "DE");
  g_assert_cmpstr (declic_country_get_name (country), ==, "Germany");
  g_assert_cmpstr (declic_country_get_localized_name (country), ==, "Germany");

  /* The common name, not "Bolivia, Plurinational State of". */
  country = declic_countries_lookup (countries, "BO");
  g_assert_cmpstr (declic_country_get_name (country), ==, "Bolivia");

  g_assert_null (declic_countries_lookup (countries, "XX"));
  g_assert_null (declic_countries_lookup (countries, "ca"));
  g_assert_null (declic_countries_lookup (countries, "CAN"));

  g_assert_true (declic_countries_is_valid_code (countries, "FR"));
  g_assert_true (declic_countries_is_valid_code (countries, "CM"));
  g_assert_false (declic_countries_is_valid_code (countries, "fr"));
  g_assert_false (declic_countries_is_valid_code (countries, "ZZ"));
  g_assert_false (declic_countries_is_valid_code (countries, ""));
  g_assert_false (declic_countries_is_valid_code (countries, NULL));
}

static void
test_countries_french (void)
{
  DeclicCountries *countries = get_countries ();

  set_language ("fr");
  g_assert_cmpstr (declic_country_get_localized_name (declic_countries_lookup (countries, "DE")), ==, "Allemagne");
  g_assert_cmpstr (declic_country_get_localized_name (declic_countries_lookup (countries, "US")), ==, "États-Unis");
  g_assert_cmpstr (declic_country_get_localized_name (declic_countries_lookup (countries, "MA")), ==, "Maroc");
  /* The English name stays English. */
  g_assert_cmpstr (declic_country_get_name (declic_countries_lookup (countries, "DE")), ==, "Germany");

  set_language ("");
  g_assert_cmpstr (declic_country_get_localized_name (declic_countries_lookup (countries, "DE")), ==, "Germany");
}

static int
index_of (GPtrArray  *list,
          const char *code)
{
  for (guint i = 0; i < list->len; i++)
    {
      if (g_str_equal (declic_country_get_code (g_ptr_array_index (list, i)), code))
        return i;
    }
  return -1;
}

static void
test_countries_sorted (void)
{
  DeclicCountries *countries = get_countries ();
  g_autoptr(GPtrArray) list = NULL;

  set_language ("fr");
  list = declic_countries_list_sorted (countries);
  g_assert_cmpuint (list->len, ==, declic_countries_get_n_countries (countries));

  /* In French: Afghanistan first; Algérie before Allemagne before Andorre; Égypte among the E's (before
   * Équateur and Espagne), not after Zimbabwe even where collation is code point order. */
  g_assert_cmpstr (declic_country_get_code (g_ptr_array_index (list, 0)), ==, "AF");
  g_assert_cmpint (index_of (list, "DZ"), <, index_of (list, "DE"));
  g_assert_cmpint (index_of (list, "DE"), <, index_of (list, "AD"));
  g_assert_cmpint (index_of (list, "EG"), <, index_of (list, "ES"));
  g_assert_cmpint (index_of (list, "EG"), <, index_of (list, "EC"));
  g_assert_cmpint (index_of (list, "EG"), <, index_of (list, "ZW"));
  g_assert_cmpint (index_of (list, "EG"), >, index_of (list, "DK"));
  g_clear_pointer (&list, g_ptr_array_unref);

  /* In English, Germany comes after France. */
  set_language ("");
  list = declic_countries_list_sorted (countries);
  g_assert_cmpint (index_of (list, "DE"), >, index_of (list, "FR"));
}

static void
test_countries_search (void)
{
  DeclicCountries *countries = get_countries ();
  g_autoptr(GPtrArray) results = NULL;

  set_language ("fr");

  results = declic_countries_search (countries, "etats unis", 0);
  g_assert_cmpuint (results->len, >=, 1);
  g_assert_cmpstr (declic_country_get_code (g_ptr_array_index (results, 0)), ==, "US");
  g_assert_cmpint (index_of (results, "FM"), ==, -1);  /* "États fédérés de Micronésie": no "unis" */
  g_clear_pointer (&results, g_ptr_array_unref);

  results = declic_countries_search (countries, "ALLEM", 0);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (declic_country_get_code (g_ptr_array_index (results, 0)), ==, "DE");
  g_clear_pointer (&results, g_ptr_array_unref);

  /* The English name works in French too. */
  results = declic_countries_search (countries, "germany", 0);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (declic_country_get_code (g_ptr_array_index (results, 0)), ==, "DE");
  g_clear_pointer (&results, g_ptr_array_unref);

  /* A code ranks its country first. */
  results = declic_countries_search (countries, "ma", 0);
  g_assert_cmpstr (declic_country_get_code (g_ptr_array_index (results, 0)), ==, "MA");
  g_clear_pointer (&results, g_ptr_array_unref);

  /* First words first: Guinée before Papouasie-Nouvelle-Guinée. */
  results = declic_countries_search (countries, "guinee", 0);
  g_assert_cmpint (index_of (results, "GN"), >=, 0);
  g_assert_cmpint (index_of (results, "GN"), <, index_of (results, "PG"));
  g_clear_pointer (&results, g_ptr_array_unref);

  results = declic_countries_search (countries, "canada", 1);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (declic_country_get_code (g_ptr_array_index (results, 0)), ==, "CA");
  g_clear_pointer (&results, g_ptr_array_unref);

  results = declic_countries_search (countries, "nowhereland", 0);
  g_assert_cmpuint (results->len, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);

  results = declic_countries_search (countries, " - ", 0);
  g_assert_cmpuint (results->len, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);

  set_language ("");
  results = declic_countries_search (countries, "united states", 0);
  g_assert_cmpstr (declic_country_get_code (g_ptr_array_index (results, 0)), ==, "US");
}

static void
test_countries_subdivisions (void)
{
  DeclicCountries *countries = get_countries ();
  g_autoptr(GPtrArray) list = NULL;
  const DeclicSubdivision *quebec;
  gboolean found_quebec = FALSE;

  set_language ("");
  list = declic_countries_get_subdivisions (countries, "CA");
  /* 10 provinces and 3 territories. */
  g_assert_cmpuint (list->len, ==, 13);
  for (guint i = 0; i < list->len; i++)
    {
      const DeclicSubdivision *subdivision = g_ptr_array_index (list, i);

      g_assert_true (g_str_has_prefix (declic_subdivision_get_code (subdivision), "CA-"));
      g_assert_cmpstr (declic_subdivision_get_country_code (subdivision), ==, "CA");
      found_quebec |= g_str_equal (declic_subdivision_get_code (subdivision), "CA-QC");
    }
  g_assert_true (found_quebec);
  /* Sorted by name: Alberta first, Yukon last. */
  g_assert_cmpstr (declic_subdivision_get_code (g_ptr_array_index (list, 0)), ==, "CA-AB");
  g_assert_cmpstr (declic_subdivision_get_code (g_ptr_array_index (list, 12)), ==, "CA-YT");
  g_clear_pointer (&list, g_ptr_array_unref);

  quebec = declic_countries_lookup_subdivision (countries, "CA-QC");
  g_assert_nonnull (quebec);
  g_assert_cmpstr (declic_subdivision_get_name (quebec), ==, "Quebec");
  g_assert_cmpstr (declic_subdivision_get_kind (quebec), ==, "Province");
  g_assert_null (declic_subdivision_get_parent (quebec));
  g_assert_null (declic_countries_lookup_subdivision (countries, "CA-XX"));

  set_language ("fr");
  g_assert_cmpstr (declic_subdivision_get_localized_name (quebec), ==, "Québec");
  g_assert_cmpstr (declic_subdivision_get_localized_name (declic_countries_lookup_subdivision (countries, "CA-BC")),
                   ==, "Colombie-Britannique");

  /* France lists regions and departments: the departments name their region. */
  g_assert_cmpstr (declic_subdivision_get_parent (declic_countries_lookup_subdivision (countries, "FR-01")), ==, "ARA");

  list = declic_countries_get_subdivisions (countries, "ZZ");
  g_assert_cmpuint (list->len, ==, 0);
}

typedef struct
{
  const char            *country;
  const char            *code;
  DeclicPostalCodeCheck  expected;
} PostalCase;

static void
test_postal_codes (void)
{
  const PostalCase cases[] = {
    { "CA", "H2X 1Y4", DECLIC_POSTAL_CODE_VALID },
    { "CA", "h2x1y4", DECLIC_POSTAL_CODE_VALID },
    { "CA", " H2X  1Y4 ", DECLIC_POSTAL_CODE_VALID },
    { "CA", "K1A 0B1", DECLIC_POSTAL_CODE_VALID },
    { "CA", "H2X 1Y", DECLIC_POSTAL_CODE_INVALID },
    { "CA", "D2X 1Y4", DECLIC_POSTAL_CODE_INVALID },  /* D is never used */
    { "CA", "W2X 1Y4", DECLIC_POSTAL_CODE_INVALID },  /* W never first */
    { "CA", "H2O 1Y4", DECLIC_POSTAL_CODE_INVALID },  /* O is never used */
    { "CA", "12345", DECLIC_POSTAL_CODE_INVALID },
    { "CA", "", DECLIC_POSTAL_CODE_INVALID },
    { "US", "10001", DECLIC_POSTAL_CODE_VALID },
    { "US", "10001-1234", DECLIC_POSTAL_CODE_VALID },
    { "US", "10001-12", DECLIC_POSTAL_CODE_INVALID },
    { "US", "1000", DECLIC_POSTAL_CODE_INVALID },
    { "FR", "75001", DECLIC_POSTAL_CODE_VALID },
    { "FR", "7500", DECLIC_POSTAL_CODE_INVALID },
    { "FR", "750011", DECLIC_POSTAL_CODE_INVALID },
    { "MA", "10000", DECLIC_POSTAL_CODE_VALID },
    { "MA", "1000", DECLIC_POSTAL_CODE_INVALID },
    { "DZ", "16000", DECLIC_POSTAL_CODE_VALID },
    { "TN", "1000", DECLIC_POSTAL_CODE_VALID },
    { "TN", "10000", DECLIC_POSTAL_CODE_INVALID },
    { "GB", "SW1A 1AA", DECLIC_POSTAL_CODE_VALID },
    { "GB", "m1 1ae", DECLIC_POSTAL_CODE_VALID },
    { "GB", "DN55 1PT", DECLIC_POSTAL_CODE_VALID },
    { "GB", "EC1A1BB", DECLIC_POSTAL_CODE_VALID },
    { "GB", "12345", DECLIC_POSTAL_CODE_INVALID },
    { "BE", "1000", DECLIC_POSTAL_CODE_VALID },
    { "BE", "0999", DECLIC_POSTAL_CODE_INVALID },
    { "CH", "1201", DECLIC_POSTAL_CODE_VALID },
    { "CH", "12010", DECLIC_POSTAL_CODE_INVALID },
    { "DE", "10115", DECLIC_POSTAL_CODE_VALID },
    { "DE", "1011", DECLIC_POSTAL_CODE_INVALID },
    { "BR", "01310-100", DECLIC_POSTAL_CODE_VALID },
    { "BR", "01310100", DECLIC_POSTAL_CODE_VALID },
    { "BR", "01310-10", DECLIC_POSTAL_CODE_INVALID },
    { "IN", "110001", DECLIC_POSTAL_CODE_VALID },
    { "IN", "011001", DECLIC_POSTAL_CODE_INVALID },
    { "CN", "100000", DECLIC_POSTAL_CODE_VALID },
    { "CN", "10000", DECLIC_POSTAL_CODE_INVALID },
    { "MX", "06000", DECLIC_POSTAL_CODE_VALID },
    { "MX", "0600", DECLIC_POSTAL_CODE_INVALID },
    { "CO", "110111", DECLIC_POSTAL_CODE_VALID },
    { "CO", "11011", DECLIC_POSTAL_CODE_INVALID },
    /* Cameroon has no postal codes; an unlisted country has no known format. */
    { "CM", "anything", DECLIC_POSTAL_CODE_UNKNOWN_FORMAT },
    { "CM", "", DECLIC_POSTAL_CODE_UNKNOWN_FORMAT },
    { "AQ", "12345", DECLIC_POSTAL_CODE_UNKNOWN_FORMAT },
    { "ZZ", "12345", DECLIC_POSTAL_CODE_UNKNOWN_FORMAT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DeclicPostalCodeCheck result = declic_postal_code_check (cases[i].country, cases[i].code);

      g_test_message ("%s “%s”: %d (expected %d)", cases[i].country, cases[i].code, result, cases[i].expected);
      g_assert_cmpint (result, ==, cases[i].expected);
    }
}

static void
test_postal_code_examples (void)
{
  const char *with_format[] = { "CA", "US", "FR", "MA", "DZ", "TN", "GB", "BE", "CH", "DE", "BR", "IN", "CN", "MX", "CO" };

  /* Every example in the data must pass its own country's check. */
  for (guint i = 0; i < G_N_ELEMENTS (with_format); i++)
    {
      const char *example = declic_postal_code_get_example (with_format[i]);

      g_assert_nonnull (example);
      g_assert_cmpint (declic_postal_code_check (with_format[i], example), ==, DECLIC_POSTAL_CODE_VALID);
    }

  /* And so must every example of the data file, for every country it lists. */
  {
    g_autoptr(GBytes) bytes = g_resources_lookup_data ("/ca/declic/Declic/core/rules/postal-codes.json", 0, NULL);
    g_autofree char *text = NULL;
    json_object *root, *formats = NULL;
    guint n_checked = 0;

    g_assert_nonnull (bytes);
    text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    root = json_tokener_parse (text);
    g_assert_nonnull (root);
    g_assert_true (json_object_object_get_ex (root, "formats", &formats));
    {
      json_object_object_foreach (formats, code, format)
        {
          json_object *example = NULL;

          if (json_object_object_get_ex (format, "example", &example))
            {
              g_test_message ("%s example %s", code, json_object_get_string (example));
              g_assert_cmpint (declic_postal_code_check (code, json_object_get_string (example)), ==,
                               DECLIC_POSTAL_CODE_VALID);
              n_checked++;
            }
        }
    }
    g_assert_cmpuint (n_checked, >=, G_N_ELEMENTS (with_format));
    json_object_put (root);
  }

  g_assert_cmpstr (declic_postal_code_get_example ("CA"), ==, "H2X 1Y4");
  g_assert_null (declic_postal_code_get_example ("CM"));
  g_assert_null (declic_postal_code_get_example ("ZZ"));
}

static void
test_postal_code_normalize (void)
{
  const struct { const char *in, *out; } cases[] = {
    { " h2x  1y4 ", "H2X 1Y4" },
    { "h2x\t1y4", "H2X 1Y4" },
    { "75001", "75001" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = declic_postal_code_normalize (cases[i].in);

      g_assert_cmpstr (normalized, ==, cases[i].out);
    }
}

static void
test_countries_missing_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicCountries) countries = declic_countries_new_from_dir ("/nonexistent/iso-codes/json", NULL, &error);

  g_assert_null (countries);
  g_assert_error (error, DECLIC_COUNTRIES_ERROR, DECLIC_COUNTRIES_ERROR_NOT_FOUND);
}

static void
test_countries_malformed_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("declic-iso-XXXXXX", &error);
  g_autofree char *file = g_build_filename (dir, "iso_3166-1.json", NULL);
  g_autoptr(DeclicCountries) countries = NULL;

  g_assert_no_error (error);
  g_file_set_contents (file, "{\"3166-1\": 12}", -1, &error);
  g_assert_no_error (error);

  countries = declic_countries_new_from_dir (dir, NULL, &error);
  g_assert_null (countries);
  g_assert_error (error, DECLIC_COUNTRIES_ERROR, DECLIC_COUNTRIES_ERROR_MALFORMED);

  g_remove (file);
  g_rmdir (dir);
}

static void
test_countries_search_path (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("DECLIC_ISO_CODES_DIR"));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("declic-iso-XXXXXX", &error);
  g_autofree char *file = g_build_filename (dir, "iso_3166-1.json", NULL);
  g_autofree char *found = NULL;

  g_assert_no_error (error);
  g_file_set_contents (file, "{\"3166-1\": []}", -1, &error);
  g_assert_no_error (error);

  g_setenv ("DECLIC_ISO_CODES_DIR", dir, TRUE);
  found = declic_countries_find_iso_codes_dir ();
  g_assert_cmpstr (found, ==, dir);
  g_clear_pointer (&found, g_free);

  /* A folder without the file is skipped. */
  g_setenv ("DECLIC_ISO_CODES_DIR", "/nonexistent", TRUE);
  found = declic_countries_find_iso_codes_dir ();
  g_assert_nonnull (found);
  g_assert_cmpstr (found, !=, "/nonexistent");

  if (saved != NULL)
    g_setenv ("DECLIC_ISO_CODES_DIR", saved, TRUE);
  else
    g_unsetenv ("DECLIC_ISO_CODES_DIR");
  g_remove (file);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/countries/lookup", test_countries_lookup);
  g_test_add_func ("/countries/french", test_countries_french);
  g_test_add_func ("/countries/sorted", test_countries_sorted);
  g_test_add_func ("/countries/search", test_countries_search);
  g_test_add_func ("/countries/subdivisions", test_countries_subdivisions);
  g_test_add_func ("/countries/missing-dir", test_countries_missing_dir);
  g_test_add_func ("/countries/malformed-dir", test_countries_malformed_dir);
  g_test_add_func ("/countries/search-path", test_countries_search_path);
  g_test_add_func ("/postal-codes/check", test_postal_codes);
  g_test_add_func ("/postal-codes/examples", test_postal_code_examples);
  g_test_add_func ("/postal-codes/normalize", test_postal_code_normalize);

  return g_test_run ();
}
