/* test-noc.c: the NOC 2021 list, its CSV reader and its search. */
#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>

#include "declic-noc.h"
#include "declic-text.h"

static DeclicNoc *
load_real_list (void)
{
  const char *path = g_getenv ("DECLIC_NOC_FILE");
  g_autoptr(GError) error = NULL;
  DeclicNoc *noc;

  g_assert_nonnull (path);
  noc = declic_noc_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (noc);

  return noc;
}

static char *
write_temp_file (const char *name,
                 const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("declic-noc-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
remove_temp_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_noc_real_list (void)
{
  g_autoptr(DeclicNoc) noc = load_real_list ();
  guint per_teer[6] = { 0 };
  const guint expected[6] = { 48, 97, 162, 69, 95, 45 };

  g_assert_cmpuint (declic_noc_get_n_entries (noc), ==, 516);

  for (guint i = 0; i < declic_noc_get_n_entries (noc); i++)
    {
      const DeclicNocEntry *entry = declic_noc_get_entry (noc, i);
      int teer = declic_noc_entry_get_teer (entry);

      g_assert_cmpint (teer, >=, 0);
      g_assert_cmpint (teer, <=, 5);
      g_assert_cmpint (teer, ==, declic_noc_code_get_teer (declic_noc_entry_get_code (entry)));
      g_assert_true (declic_noc_code_is_well_formed (declic_noc_entry_get_code (entry)));
      per_teer[teer]++;
    }

  for (guint t = 0; t < 6; t++)
    g_assert_cmpuint (per_teer[t], ==, expected[t]);

  g_assert_finalize_object (g_steal_pointer (&noc));
}

static void
test_noc_lookup (void)
{
  g_autoptr(DeclicNoc) noc = load_real_list ();
  const DeclicNocEntry *entry;

  entry = declic_noc_lookup (noc, "21231");
  g_assert_nonnull (entry);
  g_assert_cmpstr (declic_noc_entry_get_code (entry), ==, "21231");
  g_assert_cmpstr (declic_noc_entry_get_title_en (entry), ==, "Software engineers and designers");
  g_assert_cmpstr (declic_noc_entry_get_title_fr (entry), ==,
                   "Ingénieurs/ingénieures et concepteurs/conceptrices en logiciel");
  g_assert_cmpint (declic_noc_entry_get_teer (entry), ==, 1);
  g_assert_cmpstr (declic_noc_entry_get_major_group (entry), ==, "21");
  g_assert_cmpstr (declic_noc_entry_get_broad_category (entry), ==,
                   "Natural and applied sciences and related occupations");

  /* Leading zeros are part of the code; a quoted title with commas is read whole. */
  entry = declic_noc_lookup (noc, "00012");
  g_assert_nonnull (entry);
  g_assert_cmpstr (declic_noc_entry_get_title_en (entry), ==,
                   "Senior managers - financial, communications and other business services");
  g_assert_cmpstr (declic_noc_entry_get_title_fr (entry), ==,
                   "Cadres supérieurs/cadres supérieures - services financiers, communications et autres services aux entreprises");
  g_assert_cmpint (declic_noc_entry_get_teer (entry), ==, 0);

  entry = declic_noc_lookup (noc, "00010");
  g_assert_cmpstr (declic_noc_entry_get_title_fr (entry), ==, "Membres des corps législatifs");

  g_assert_null (declic_noc_lookup (noc, "12"));
  g_assert_null (declic_noc_lookup (noc, "99999"));
  g_assert_null (declic_noc_lookup (noc, "2123"));
  g_assert_null (declic_noc_lookup (noc, ""));
}

static void
test_noc_titles_by_language (void)
{
  g_autoptr(DeclicNoc) noc = load_real_list ();
  const DeclicNocEntry *entry = declic_noc_lookup (noc, "21231");
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));

  g_assert_cmpstr (declic_noc_entry_get_title (entry, "fr"), ==, declic_noc_entry_get_title_fr (entry));
  g_assert_cmpstr (declic_noc_entry_get_title (entry, "fr_CA.UTF-8"), ==, declic_noc_entry_get_title_fr (entry));
  g_assert_cmpstr (declic_noc_entry_get_title (entry, "en"), ==, declic_noc_entry_get_title_en (entry));
  g_assert_cmpstr (declic_noc_entry_get_title (entry, "es"), ==, declic_noc_entry_get_title_en (entry));
  g_assert_cmpstr (declic_noc_entry_get_title (entry, "fur"), ==, declic_noc_entry_get_title_en (entry));

  /* LANG=C.UTF-8 and LANGUAGE=fr: gettext translates to French, so must the titles. Under
   * plain LANG=C gettext ignores LANGUAGE, and so does declic_text_messages_are_french (). */
  if (g_str_equal (setlocale (LC_MESSAGES, NULL), "C"))
    {
      g_test_skip ("needs LANG=C.UTF-8 (tests/meson.build sets it)");
      return;
    }
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_assert_true (declic_text_messages_are_french ());
  g_assert_cmpstr (declic_noc_entry_get_localized_title (entry), ==, declic_noc_entry_get_title_fr (entry));
  g_assert_cmpstr (declic_noc_entry_get_title (entry, NULL), ==, declic_noc_entry_get_title_fr (entry));

  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_false (declic_text_messages_are_french ());
  g_assert_cmpstr (declic_noc_entry_get_localized_title (entry), ==, declic_noc_entry_get_title_en (entry));

  if (old_language != NULL)
    g_setenv ("LANGUAGE", old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static gboolean
results_contain (GPtrArray  *results,
                 const char *code)
{
  for (guint i = 0; i < results->len; i++)
    {
      if (g_str_equal (declic_noc_entry_get_code (g_ptr_array_index (results, i)), code))
        return TRUE;
    }
  return FALSE;
}

static const char *
result_code (GPtrArray *results,
             guint      index)
{
  g_assert_cmpuint (index, <, results->len);
  return declic_noc_entry_get_code (g_ptr_array_index (results, index));
}

static void
test_noc_search (void)
{
  g_autoptr(DeclicNoc) noc = load_real_list ();
  g_autoptr(GPtrArray) results = NULL;

  /* French words without accents, in the plural's singular: the brief's example. */
  results = declic_noc_search (noc, "ingenieur logiciel", 10);
  g_assert_cmpuint (results->len, >=, 1);
  g_assert_cmpstr (result_code (results, 0), ==, "21231");
  g_clear_pointer (&results, g_ptr_array_unref);

  /* Accents and case in the query are ignored too. */
  results = declic_noc_search (noc, "INGÉNIEUR Logiciel", 10);
  g_assert_cmpstr (result_code (results, 0), ==, "21231");
  g_clear_pointer (&results, g_ptr_array_unref);

  results = declic_noc_search (noc, "software engineer", 0);
  g_assert_true (results_contain (results, "21231"));
  g_clear_pointer (&results, g_ptr_array_unref);

  /* Every word must match: "logiciel" plus a word in no software title finds nothing. */
  results = declic_noc_search (noc, "logiciel boulanger", 0);
  g_assert_cmpuint (results->len, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* An exact code ranks first, before titles; a code prefix lists the whole group. */
  results = declic_noc_search (noc, "21231", 0);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (result_code (results, 0), ==, "21231");
  g_clear_pointer (&results, g_ptr_array_unref);

  results = declic_noc_search (noc, "2123", 0);
  g_assert_cmpuint (results->len, >=, 2);
  for (guint i = 0; i < results->len; i++)
    g_assert_true (g_str_has_prefix (result_code (results, i), "2123"));
  g_assert_true (results_contain (results, "21231"));
  g_assert_true (results_contain (results, "21232"));
  g_clear_pointer (&results, g_ptr_array_unref);

  /* max_results caps the list. */
  results = declic_noc_search (noc, "manager", 3);
  g_assert_cmpuint (results->len, ==, 3);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* A word that starts a title word ("Port", "portuaire") ranks above one found only inside
   * a word ("transport", "support"): once a substring-only match appears, no prefix match
   * follows. */
  results = declic_noc_search (noc, "port", 0);
  {
    gboolean seen_substring_only = FALSE;
    guint n_prefix = 0;

    g_assert_cmpuint (results->len, >, 2);
    for (guint i = 0; i < results->len; i++)
      {
        const DeclicNocEntry *entry = g_ptr_array_index (results, i);
        g_auto(GStrv) words_en = declic_text_fold_words (declic_noc_entry_get_title_en (entry));
        g_auto(GStrv) words_fr = declic_text_fold_words (declic_noc_entry_get_title_fr (entry));
        gboolean is_prefix = FALSE;

        for (guint w = 0; words_en[w] != NULL; w++)
          is_prefix |= g_str_has_prefix (words_en[w], "port");
        for (guint w = 0; words_fr[w] != NULL; w++)
          is_prefix |= g_str_has_prefix (words_fr[w], "port");

        if (is_prefix)
          {
            g_assert_false (seen_substring_only);
            n_prefix++;
          }
        else
          {
            seen_substring_only = TRUE;
          }
      }
    g_assert_cmpuint (n_prefix, >, 0);
    g_assert_true (seen_substring_only);
  }
  g_clear_pointer (&results, g_ptr_array_unref);

  /* French accents in the list are found from an unaccented query, in any case. */
  results = declic_noc_search (noc, "LEGISLATIFS", 0);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (result_code (results, 0), ==, "00010");
  g_clear_pointer (&results, g_ptr_array_unref);

  results = declic_noc_search (noc, "   ", 0);
  g_assert_cmpuint (results->len, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);

  results = declic_noc_search (noc, "zzzzqqq", 0);
  g_assert_cmpuint (results->len, ==, 0);
}

static void
test_noc_line_endings (void)
{
  const char *lf =
    "code,title_en,title_fr,teer,broad_category,major_group\n"
    "21231,Software engineers and designers,Ingénieurs/ingénieures et concepteurs/conceptrices en logiciel,1,Natural,21\n"
    "00012,\"Senior managers - financial, communications\",\"Cadres supérieurs, \"\"finances\"\"\",0,Legislative,00\n";
  const char *crlf =
    "code,title_en,title_fr,teer,broad_category,major_group\r\n"
    "21231,Software engineers and designers,Ingénieurs/ingénieures et concepteurs/conceptrices en logiciel,1,Natural,21\r\n"
    "00012,\"Senior managers - financial, communications\",\"Cadres supérieurs, \"\"finances\"\"\",0,Legislative,00\r\n"
    "\r\n";
  const char *contents[] = { lf, crlf };

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autofree char *path = write_temp_file ("noc.csv", contents[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(DeclicNoc) noc = declic_noc_new_from_file (path, &error);
      const DeclicNocEntry *entry;

      g_assert_no_error (error);
      g_assert_cmpuint (declic_noc_get_n_entries (noc), ==, 2);

      entry = declic_noc_lookup (noc, "21231");
      g_assert_cmpstr (declic_noc_entry_get_title_en (entry), ==, "Software engineers and designers");
      g_assert_cmpstr (declic_noc_entry_get_major_group (entry), ==, "21");

      /* Quoted commas and doubled quotes; no stray carriage return in the last column. */
      entry = declic_noc_lookup (noc, "00012");
      g_assert_cmpstr (declic_noc_entry_get_title_en (entry), ==, "Senior managers - financial, communications");
      g_assert_cmpstr (declic_noc_entry_get_title_fr (entry), ==, "Cadres supérieurs, \"finances\"");
      g_assert_cmpstr (declic_noc_entry_get_major_group (entry), ==, "00");

      remove_temp_file (path);
    }
}

static void
test_noc_columns_by_name (void)
{
  /* A byte order mark, reordered columns and no optional columns. */
  const char *data =
    "\xEF\xBB\xBFteer,title_fr,code,title_en\n"
    "1,Ingénieurs,21231,Software engineers\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicNoc) noc = declic_noc_new_from_data (data, -1, &error);
  const DeclicNocEntry *entry;

  g_assert_no_error (error);
  entry = declic_noc_lookup (noc, "21231");
  g_assert_nonnull (entry);
  g_assert_cmpstr (declic_noc_entry_get_title_fr (entry), ==, "Ingénieurs");
  g_assert_null (declic_noc_entry_get_major_group (entry));
}

typedef struct
{
  const char *contents;
  int         code;
  const char *message_part;
} MalformedCase;

static void
test_noc_malformed (void)
{
  const char *header = "code,title_en,title_fr,teer,broad_category,major_group\r\n";
  const char *good = "21231,Software engineers,Ingénieurs,1,Natural,21\r\n";
  const MalformedCase cases[] = {
    { "", DECLIC_NOC_ERROR_MALFORMED, "empty" },
    { "code,title_en,teer\n", DECLIC_NOC_ERROR_MALFORMED, "Line 1:" },
    { "{H}{G}21232,Too,few,1\r\n", DECLIC_NOC_ERROR_MALFORMED, "Line 3:" },
    { "{H}{G}21232,\"Unclosed,Logiciel,1,N,21\r\n", DECLIC_NOC_ERROR_MALFORMED, "Line 3:" },
    { "{H}{G}21232,\"Text\" after,Logiciel,1,N,21\r\n", DECLIC_NOC_ERROR_MALFORMED, "Line 3:" },
    { "{H}{G}21232,Bad \"quote,Logiciel,1,N,21\r\n", DECLIC_NOC_ERROR_MALFORMED, "Line 3:" },
    { "{H}{G}2123,Short code,Logiciel,1,N,21\r\n", DECLIC_NOC_ERROR_INVALID_ENTRY, "Line 3:" },
    { "{H}{G}26231,TEER six,Logiciel,6,N,26\r\n", DECLIC_NOC_ERROR_INVALID_ENTRY, "Line 3:" },
    { "{H}{G}21232,Wrong TEER,Logiciel,2,N,21\r\n", DECLIC_NOC_ERROR_INVALID_ENTRY, "Line 3:" },
    { "{H}{G}21231,Twice,Logiciel,1,N,21\r\n", DECLIC_NOC_ERROR_INVALID_ENTRY, "Line 3:" },
    { "{H}{G}21232,,Logiciel,1,N,21\r\n", DECLIC_NOC_ERROR_INVALID_ENTRY, "Line 3:" },
    { "{H}{G}\r\n\r\n21232,Invalid \xC3\x28 UTF-8,Logiciel,1,N,21\r\n", DECLIC_NOC_ERROR_ENCODING, "Line 5:" },
    { "{H}", DECLIC_NOC_ERROR_MALFORMED, "no occupation" },
    /* A quoted field spanning lines: the error after it names the right line. */
    { "{H}{G}21232,\"Two\r\nlines\",Logiciel,1,N,21\r\n21233,Bad,x,9,N,21\r\n", DECLIC_NOC_ERROR_INVALID_ENTRY, "Line 5:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) contents = g_string_new (cases[i].contents);
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(DeclicNoc) noc = NULL;

      g_string_replace (contents, "{H}", header, 0);
      g_string_replace (contents, "{G}", good, 0);
      path = write_temp_file ("bad.csv", contents->str);
      noc = declic_noc_new_from_file (path, &error);
      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_null (noc);
      g_assert_error (error, DECLIC_NOC_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
      g_assert_nonnull (strstr (error->message, path));
      remove_temp_file (path);
    }
}

static void
test_noc_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicNoc) noc = declic_noc_new_from_file ("/nonexistent/declic/noc-2021.csv", &error);

  g_assert_null (noc);
  g_assert_error (error, DECLIC_NOC_ERROR, DECLIC_NOC_ERROR_NOT_FOUND);
}

static void
test_noc_code_form (void)
{
  g_assert_true (declic_noc_code_is_well_formed ("21231"));
  g_assert_true (declic_noc_code_is_well_formed ("00010"));
  g_assert_true (declic_noc_code_is_well_formed ("95109"));
  g_assert_true (declic_noc_code_is_well_formed ("90000"));
  g_assert_true (declic_noc_code_is_well_formed ("05000"));
  /* TEER is 0–5: a 2nd digit of 6 or more is not a NOC 2021 code. */
  g_assert_false (declic_noc_code_is_well_formed ("06000"));
  g_assert_false (declic_noc_code_is_well_formed ("99999"));
  g_assert_false (declic_noc_code_is_well_formed ("2123"));
  g_assert_false (declic_noc_code_is_well_formed ("212311"));
  g_assert_false (declic_noc_code_is_well_formed ("2123a"));
  g_assert_false (declic_noc_code_is_well_formed (" 21231"));
  g_assert_false (declic_noc_code_is_well_formed ("21231 "));
  g_assert_false (declic_noc_code_is_well_formed ("2123١"));
  g_assert_false (declic_noc_code_is_well_formed (""));
  g_assert_false (declic_noc_code_is_well_formed (NULL));

  g_assert_cmpint (declic_noc_code_get_teer ("21231"), ==, 1);
  g_assert_cmpint (declic_noc_code_get_teer ("00010"), ==, 0);
  g_assert_cmpint (declic_noc_code_get_teer ("65100"), ==, 5);
  g_assert_cmpint (declic_noc_code_get_teer ("06000"), ==, -1);
  g_assert_cmpint (declic_noc_code_get_teer ("abc"), ==, -1);
  g_assert_cmpint (declic_noc_code_get_teer (NULL), ==, -1);
}

static void
test_noc_search_path (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("DECLIC_NOC_FILE"));
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "declic", NULL);
  g_autofree char *user_file = g_build_filename (user_dir, DECLIC_NOC_FILE_NAME, NULL);
  g_autofree char *found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicNoc) noc = NULL;

  /* With G_TEST_OPTION_ISOLATE_DIRS the XDG directories are this test's own. */
  g_unsetenv ("DECLIC_NOC_FILE");
  found = declic_noc_find_default_file ();
  if (found != NULL)
    {
      g_test_skip ("a NOC list is installed in a system directory");
      goto out;
    }

  noc = declic_noc_load_default (&error);
  g_assert_null (noc);
  g_assert_error (error, DECLIC_NOC_ERROR, DECLIC_NOC_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, user_file));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  g_file_set_contents (user_file, "code,title_en,title_fr,teer\n21231,A,B,1\n", -1, &error);
  g_assert_no_error (error);
  found = declic_noc_find_default_file ();
  g_assert_cmpstr (found, ==, user_file);
  g_clear_pointer (&found, g_free);

  /* The environment variable comes first. */
  g_setenv ("DECLIC_NOC_FILE", saved, TRUE);
  found = declic_noc_find_default_file ();
  g_assert_cmpstr (found, ==, saved);

  /* A variable naming no file falls through to the next place. */
  g_clear_pointer (&found, g_free);
  g_setenv ("DECLIC_NOC_FILE", "/nonexistent/noc.csv", TRUE);
  found = declic_noc_find_default_file ();
  g_assert_cmpstr (found, ==, user_file);

  g_unlink (user_file);

out:
  g_setenv ("DECLIC_NOC_FILE", saved, TRUE);
}

static void
test_noc_default (void)
{
  DeclicNoc *noc = declic_noc_get_default ();

  g_assert_nonnull (noc);
  g_assert_true (declic_noc_get_default () == noc);
  g_assert_cmpuint (declic_noc_get_n_entries (noc), ==, 516);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/noc/real-list", test_noc_real_list);
  g_test_add_func ("/noc/lookup", test_noc_lookup);
  g_test_add_func ("/noc/titles-by-language", test_noc_titles_by_language);
  g_test_add_func ("/noc/search", test_noc_search);
  g_test_add_func ("/noc/line-endings", test_noc_line_endings);
  g_test_add_func ("/noc/columns-by-name", test_noc_columns_by_name);
  g_test_add_func ("/noc/malformed", test_noc_malformed);
  g_test_add_func ("/noc/missing-file", test_noc_missing_file);
  g_test_add_func ("/noc/code-form", test_noc_code_form);
  g_test_add_func ("/noc/search-path", test_noc_search_path);
  g_test_add_func ("/noc/default", test_noc_default);

  return g_test_run ();
}
