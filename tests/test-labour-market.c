/* test-labour-market.c: the labour-market diagnosis list, its description and its CSV. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "declic-labour-market.h"
#include "declic-noc.h"

static const char *csv_small =
  "code,diagnosis,diagnosis_fr\n"
  "21231,deficit,Déficit\n"
  "00010,not_published,Non publié\n"
  "65100,balanced,Équilibre\n";

/* A description of @csv, with its real SHA-256 unless @sha256 is given. */
static char *
describe (const char *csv,
          const char *sha256,
          const char *extra)
{
  g_autofree char *real = g_compute_checksum_for_string (G_CHECKSUM_SHA256, csv, -1);

  return g_strdup_printf ("{ \"id\": \"lmd-test\", \"file\": \"x.csv\", \"sha256\": \"%s\", "
                          "\"period_start\": 2024, \"period_end\": 2028, \"status\": \"secondary\", "
                          "\"source\": \"a test\"%s }",
                          sha256 != NULL ? sha256 : real, extra != NULL ? extra : "");
}

static DeclicLabourMarket *
load (const char  *csv,
      GError     **error)
{
  g_autofree char *description = describe (csv, NULL, NULL);

  return declic_labour_market_new_from_data (description, strlen (description), csv, strlen (csv), error);
}

static void
test_builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicLabourMarket) list = declic_labour_market_new_builtin (DECLIC_LABOUR_MARKET_DEFAULT_ID, &error);
  g_autoptr(DeclicNoc) noc = declic_noc_new_builtin (&error);
  guint counts[DECLIC_DIAGNOSIS_NOT_PUBLISHED + 1] = { 0 };

  g_assert_no_error (error);
  g_assert_cmpstr (declic_labour_market_get_id (list), ==, "lmd-2024-2028");
  g_assert_cmpint (declic_labour_market_get_period_start (list), ==, 2024);
  g_assert_cmpint (declic_labour_market_get_period_end (list), ==, 2028);
  g_assert_cmpstr (declic_labour_market_get_status (list), ==, "secondary");
  g_assert_nonnull (strstr (declic_labour_market_get_source (list), "zhukovgeorge/pstq"));
  g_assert_cmpstr (declic_labour_market_get_credit (list), ==,
                   "Source: Statistics Canada, National Occupational Classification (NOC) 2021 Version 1.0.");
  g_assert_cmpuint (declic_labour_market_get_n_entries (list), ==, 516);

  /* Every NOC unit group has a diagnosis; the counts are SOURCE.md's. */
  g_assert_cmpuint (declic_noc_get_n_entries (noc), ==, 516);
  for (guint i = 0; i < declic_noc_get_n_entries (noc); i++)
    {
      const char *code = declic_noc_entry_get_code (declic_noc_get_entry (noc, i));
      DeclicDiagnosis diagnosis = declic_labour_market_lookup (list, code);

      g_assert_cmpint (diagnosis, !=, DECLIC_DIAGNOSIS_UNKNOWN);
      counts[diagnosis]++;
    }
  g_assert_cmpuint (counts[DECLIC_DIAGNOSIS_DEFICIT], ==, 56);
  g_assert_cmpuint (counts[DECLIC_DIAGNOSIS_SLIGHT_DEFICIT], ==, 207);
  g_assert_cmpuint (counts[DECLIC_DIAGNOSIS_BALANCED], ==, 170);
  g_assert_cmpuint (counts[DECLIC_DIAGNOSIS_SLIGHT_SURPLUS], ==, 6);
  g_assert_cmpuint (counts[DECLIC_DIAGNOSIS_NOT_PUBLISHED], ==, 77);

  /* Leading zeros are kept; a code that is not a unit group has none. */
  g_assert_cmpint (declic_labour_market_lookup (list, "00010"), ==, DECLIC_DIAGNOSIS_NOT_PUBLISHED);
  g_assert_cmpint (declic_labour_market_lookup (list, "10"), ==, DECLIC_DIAGNOSIS_UNKNOWN);
  g_assert_cmpint (declic_labour_market_lookup (list, "99999"), ==, DECLIC_DIAGNOSIS_UNKNOWN);

  g_assert_true (declic_labour_market_get_default () != NULL);
  g_assert_true (declic_labour_market_get_default () == declic_labour_market_get_default ());
  g_assert_finalize_object (g_steal_pointer (&list));
}

static void
test_builtin_unknown_id (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicLabourMarket) list = declic_labour_market_new_builtin ("lmd-1999-2003", &error);

  g_assert_null (list);
  g_assert_error (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "lmd-1999-2003"));
}

static void
test_codes (void)
{
  const char *codes[] = { "deficit", "slight_deficit", "balanced", "slight_surplus", "not_published" };
  DeclicDiagnosis diagnosis = DECLIC_DIAGNOSIS_UNKNOWN;

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_assert_true (declic_diagnosis_from_string (codes[i], &diagnosis));
      g_assert_cmpint (diagnosis, ==, DECLIC_DIAGNOSIS_DEFICIT + i);
      g_assert_cmpstr (declic_diagnosis_to_string (diagnosis), ==, codes[i]);
    }
  g_assert_false (declic_diagnosis_from_string ("Deficit", &diagnosis));
  g_assert_false (declic_diagnosis_from_string ("", &diagnosis));
  g_assert_false (declic_diagnosis_from_string (NULL, &diagnosis));
  g_assert_cmpstr (declic_diagnosis_to_string (DECLIC_DIAGNOSIS_UNKNOWN), ==, "unknown");
}

static void
test_small_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicLabourMarket) list = load (csv_small, &error);
  g_autofree char *crlf = NULL;
  g_autoptr(DeclicLabourMarket) crlf_list = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (declic_labour_market_get_id (list), ==, "lmd-test");
  g_assert_null (declic_labour_market_get_credit (list));
  g_assert_cmpuint (declic_labour_market_get_n_entries (list), ==, 3);
  g_assert_cmpint (declic_labour_market_lookup (list, "21231"), ==, DECLIC_DIAGNOSIS_DEFICIT);
  g_assert_cmpint (declic_labour_market_lookup (list, "65100"), ==, DECLIC_DIAGNOSIS_BALANCED);
  g_assert_cmpint (declic_labour_market_lookup (list, "21232"), ==, DECLIC_DIAGNOSIS_UNKNOWN);

  /* CRLF line ends and no French column read the same. */
  crlf = g_strdup ("code,diagnosis\r\n21231,slight_surplus\r\n\r\n");
  crlf_list = load (crlf, &error);
  g_assert_no_error (error);
  g_assert_cmpint (declic_labour_market_lookup (crlf_list, "21231"), ==, DECLIC_DIAGNOSIS_SLIGHT_SURPLUS);
}

static void
test_malformed (void)
{
  const struct
  {
    const char *csv;
    int         code;
    const char *message_part;
  } cases[] = {
    { "", DECLIC_LABOUR_MARKET_ERROR_MALFORMED, "empty" },
    { "code,level\n21231,deficit\n", DECLIC_LABOUR_MARKET_ERROR_MALFORMED, "diagnosis" },
    { "code,diagnosis\n", DECLIC_LABOUR_MARKET_ERROR_MALFORMED, "no occupation" },
    { "code,diagnosis\n21231,deficit,extra\n", DECLIC_LABOUR_MARKET_ERROR_MALFORMED, "Line 2:" },
    { "code,diagnosis\n21231,\"deficit\n", DECLIC_LABOUR_MARKET_ERROR_MALFORMED, "Line 2:" },
    { "code,diagnosis\n2123,deficit\n", DECLIC_LABOUR_MARKET_ERROR_INVALID_ENTRY, "Line 2:" },
    { "code,diagnosis\n21231,surplus\n", DECLIC_LABOUR_MARKET_ERROR_INVALID_ENTRY, "surplus" },
    { "code,diagnosis\n21231,deficit\n21231,balanced\n", DECLIC_LABOUR_MARKET_ERROR_INVALID_ENTRY, "Line 3:" },
    { "code,diagnosis,diagnosis_fr\n21231,deficit,Équilibre\n", DECLIC_LABOUR_MARKET_ERROR_INVALID_ENTRY, "Équilibre" },
    { "code,diagnosis\n\n\n21231,d\xC3\x28\n", DECLIC_LABOUR_MARKET_ERROR_MALFORMED, "Line 4:" },
    { "code,diagnosis\n21231,", DECLIC_LABOUR_MARKET_ERROR_INVALID_ENTRY, "Line 2:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DeclicLabourMarket) list = load (cases[i].csv, &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_null (list);
      g_assert_error (error, DECLIC_LABOUR_MARKET_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
    }
}

static void
test_description (void)
{
  const struct
  {
    const char *description;
    const char *message_part;
  } cases[] = {
    { "", "JSON" },
    { "[1, 2]", "JSON" },
    { "{ \"id\": \"x\"", "JSON" },
    { "{ \"id\": \"x\", \"file\": \"x.csv\", \"status\": \"secondary\", \"source\": \"s\" }", "sha256" },
    { "{ \"id\": \"\", \"file\": \"x.csv\", \"sha256\": \"00\", \"status\": \"secondary\", \"source\": \"s\" }", "id" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *wrong_sum = describe (csv_small, "0000000000000000000000000000000000000000000000000000000000000000", NULL);
  g_autofree char *bad_status = NULL;
  g_autofree char *bad_period = NULL;
  g_autofree char *real = describe (csv_small, NULL, NULL);
  DeclicLabourMarket *list;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_clear_error (&error);
      list = declic_labour_market_new_from_data (cases[i].description, strlen (cases[i].description),
                                                 csv_small, strlen (csv_small), &error);
      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_null (list);
      g_assert_error (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_MALFORMED);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
    }

  /* A description beside another CSV: its checksum says so. */
  g_clear_error (&error);
  list = declic_labour_market_new_from_data (wrong_sum, strlen (wrong_sum), csv_small, strlen (csv_small), &error);
  g_assert_null (list);
  g_assert_error (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "SHA-256"));

  /* A status that is not one of DI.md's labels. */
  {
    g_autoptr(GString) text = g_string_new (real);

    g_string_replace (text, "\"secondary\"", "\"guesswork\"", 0);
    bad_status = g_string_free (g_steal_pointer (&text), FALSE);
  }
  g_clear_error (&error);
  list = declic_labour_market_new_from_data (bad_status, strlen (bad_status), csv_small, strlen (csv_small), &error);
  g_assert_null (list);
  g_assert_error (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "status"));
  g_clear_error (&error);

  /* The description need not end with a nul: only its length counts. */
  list = declic_labour_market_new_from_data (real, strlen (real) - 1, csv_small, strlen (csv_small), &error);
  g_assert_null (list);
  g_assert_error (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_MALFORMED);
  g_clear_error (&error);

  bad_period = g_strdup (real);
  memcpy (strstr (bad_period, "2028"), "2023", 4);
  list = declic_labour_market_new_from_data (bad_period, strlen (bad_period), csv_small, strlen (csv_small), &error);
  g_assert_null (list);
  g_assert_error (error, DECLIC_LABOUR_MARKET_ERROR, DECLIC_LABOUR_MARKET_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "period"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/labour-market/builtin", test_builtin);
  g_test_add_func ("/labour-market/builtin-unknown-id", test_builtin_unknown_id);
  g_test_add_func ("/labour-market/codes", test_codes);
  g_test_add_func ("/labour-market/small-list", test_small_list);
  g_test_add_func ("/labour-market/malformed", test_malformed);
  g_test_add_func ("/labour-market/description", test_description);

  return g_test_run ();
}
