/* test-noc.c: the NOC 2021 list, its CSV reader and its search. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
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

/* Copies @length bytes so that they end exactly where an unreadable page begins: a read of one
 * byte past the data crashes, sanitizer or not. */
static char *
map_before_guard_page (const char *bytes,
                       gsize       length,
                       gsize      *mapped_size)
{
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  char *area;

  g_assert_cmpuint (length, <=, page);
  *mapped_size = 2 * page;
  area = mmap (NULL, *mapped_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  g_assert_true (area != MAP_FAILED);
  g_assert_cmpint (mprotect (area + page, page, PROT_NONE), ==, 0);
  memcpy (area + page - length, bytes, length);

  return area + page - length;
}

static void
test_noc_reads_within_data (void)
{
  /* Found by fuzzing: a comma at the very end of the data made the reader look one byte past
   * it for an opening quote. Each case ends the data right after a separator or a quote. */
  static const char *cases[] = {
    "e,",
    ",",
    "code,title_en,title_fr,teer,",
    "code,title_en,title_fr,teer\n21231,A,B,",
    "code,title_en,title_fr,teer\r\n21231,A,B,1\r",
    "code,title_en,title_fr,teer\n21231,A,B,\"",
    "code,title_en,title_fr,teer\n21231,A,B,\"1\"",
    "\xEF\xBB\xBF",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = strlen (cases[i]);
      gsize mapped_size = 0;
      char *data = map_before_guard_page (cases[i], length, &mapped_size);
      char *area = data + length - mapped_size / 2;
      g_autoptr(GError) error = NULL;
      g_autoptr(DeclicNoc) noc = NULL;

      g_test_message ("case %u", i);
      noc = declic_noc_new_from_data (data, length, &error);
      if (noc != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (declic_noc_get_n_entries (noc), ==, 1);
        }
      else
        {
          g_assert_nonnull (error);
        }
      g_assert_cmpint (munmap (area, mapped_size), ==, 0);

      /* The same bytes on the heap, exactly as long: AddressSanitizer names an overread. */
      {
        g_autofree char *copy = g_memdup2 (cases[i], length);
        g_autoptr(GError) heap_error = NULL;
        g_autoptr(DeclicNoc) heap_noc = declic_noc_new_from_data (copy, length, &heap_error);

        g_assert_true ((heap_noc == NULL) == (noc == NULL));
      }
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
  g_autoptr(GPtrArray) results = NULL;

  /* With G_TEST_OPTION_ISOLATE_DIRS the XDG directories are this test's own. */
  g_unsetenv ("DECLIC_NOC_FILE");
  found = declic_noc_find_default_file ();
  if (found != NULL)
    {
      g_test_skip ("a NOC list is installed in a system directory");
      goto out;
    }

  /* Nothing on the search path: the built-in list, complete, as the app finds it with no
   * environment variable at all. */
  noc = declic_noc_load_default (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (declic_noc_get_origin (noc), ==, "resource://" DECLIC_NOC_RESOURCE);
  g_assert_cmpuint (declic_noc_get_n_entries (noc), ==, 516);
  results = declic_noc_search (noc, "ingénieur logiciel", 10);
  g_assert_cmpuint (results->len, >=, 1);
  g_assert_cmpstr (result_code (results, 0), ==, "21231");
  g_clear_object (&noc);

  /* A list the user installed replaces it. */
  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  g_file_set_contents (user_file, "code,title_en,title_fr,teer\n21231,A,B,1\n", -1, &error);
  g_assert_no_error (error);
  found = declic_noc_find_default_file ();
  g_assert_cmpstr (found, ==, user_file);
  g_clear_pointer (&found, g_free);
  noc = declic_noc_load_default (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (declic_noc_get_origin (noc), ==, user_file);
  g_assert_cmpuint (declic_noc_get_n_entries (noc), ==, 1);
  g_clear_object (&noc);

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

/* A list that is there but cannot be used is reported as such, with the file and the reason,
 * and is not quietly replaced by the built-in one (issue 11, item 12). */
static void
test_noc_unusable_override (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("DECLIC_NOC_FILE"));
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "declic", NULL);
  g_autofree char *user_file = g_build_filename (user_dir, DECLIC_NOC_FILE_NAME, NULL);
  const struct
  {
    const char *contents;  /* NULL: a folder where the file should be */
    int         code;
    const char *reason;
  } cases[] = {
    { "code,title_en,title_fr,teer\n21231,Invalid \xC3\x28,B,1\n", DECLIC_NOC_ERROR_ENCODING, "UTF-8" },
    { "code,title_en\n21231,A\n", DECLIC_NOC_ERROR_MALFORMED, "column" },
    { "", DECLIC_NOC_ERROR_MALFORMED, "empty" },
    { NULL, DECLIC_NOC_ERROR_UNREADABLE, "not a file" },
  };

  g_unsetenv ("DECLIC_NOC_FILE");
  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DeclicNoc) noc = NULL;

      if (cases[i].contents != NULL)
        {
          g_file_set_contents (user_file, cases[i].contents, -1, &error);
          g_assert_no_error (error);
        }
      else
        {
          g_assert_cmpint (g_mkdir (user_file, 0700), ==, 0);
        }

      noc = declic_noc_load_default (&error);
      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_null (noc);
      g_assert_error (error, DECLIC_NOC_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, user_file));
      g_assert_nonnull (strstr (error->message, cases[i].reason));
      g_assert_null (strstr (error->message, "not found"));

      if (cases[i].contents != NULL)
        g_unlink (user_file);
      else
        g_rmdir (user_file);
    }

  /* A file that cannot be read (not as root, who reads everything). */
  if (geteuid () != 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DeclicNoc) noc = NULL;

      g_file_set_contents (user_file, "code,title_en,title_fr,teer\n21231,A,B,1\n", -1, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_chmod (user_file, 0), ==, 0);
      noc = declic_noc_load_default (&error);
      g_assert_null (noc);
      g_assert_error (error, DECLIC_NOC_ERROR, DECLIC_NOC_ERROR_UNREADABLE);
      g_assert_nonnull (strstr (error->message, user_file));
      g_unlink (user_file);
    }

  g_setenv ("DECLIC_NOC_FILE", saved, TRUE);
}

/* The shared list, with an unusable override: no list, a warning, and the reason kept for the
 * checks to show. In a subprocess, since the shared list is loaded once per process. */
static void
test_noc_default_unusable (void)
{
  if (g_test_subprocess ())
    {
      const GError *error;

      g_assert_null (declic_noc_get_default_error ());
      g_test_expect_message ("declic-noc", G_LOG_LEVEL_WARNING, "*is not usable*");
      g_assert_null (declic_noc_get_default ());
      g_test_assert_expected_messages ();
      error = declic_noc_get_default_error ();
      g_assert_error ((GError *) error, DECLIC_NOC_ERROR, DECLIC_NOC_ERROR_MALFORMED);
      g_assert_nonnull (strstr (error->message, g_getenv ("DECLIC_NOC_FILE")));
      return;
    }

  {
    g_autofree char *saved = g_strdup (g_getenv ("DECLIC_NOC_FILE"));
    g_autofree char *path = write_temp_file ("noc.csv", "code,title_en\n");

    g_setenv ("DECLIC_NOC_FILE", path, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_setenv ("DECLIC_NOC_FILE", saved, TRUE);
    remove_temp_file (path);
    g_test_trap_assert_passed ();
  }
}

/* The built-in list is the project's file, byte for byte (its checksum is tested against
 * resources/data/SOURCE.md by the data-sources test). */
static void
test_noc_builtin (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("DECLIC_SOURCE_ROOT"), "resources", "data",
                                            DECLIC_NOC_FILE_NAME, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicNoc) noc = NULL;
  gsize length = 0;

  g_assert_nonnull (g_getenv ("DECLIC_SOURCE_ROOT"));
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_resources_lookup_data (DECLIC_NOC_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), contents, length);

  /* Published with CRLF line ends: no title may keep a carriage return. */
  g_assert_nonnull (memchr (contents, '\r', length));
  noc = declic_noc_new_builtin (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (declic_noc_get_n_entries (noc), ==, 516);
  for (guint i = 0; i < declic_noc_get_n_entries (noc); i++)
    {
      const DeclicNocEntry *entry = declic_noc_get_entry (noc, i);

      g_assert_null (strchr (declic_noc_entry_get_major_group (entry), '\r'));
      g_assert_null (strchr (declic_noc_entry_get_title_fr (entry), '\r'));
    }
  g_assert_finalize_object (g_steal_pointer (&noc));
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
  g_test_add_func ("/noc/reads-within-data", test_noc_reads_within_data);
  g_test_add_func ("/noc/missing-file", test_noc_missing_file);
  g_test_add_func ("/noc/code-form", test_noc_code_form);
  g_test_add_func ("/noc/search-path", test_noc_search_path);
  g_test_add_func ("/noc/unusable-override", test_noc_unusable_override);
  g_test_add_func ("/noc/default-unusable", test_noc_default_unusable);
  g_test_add_func ("/noc/builtin", test_noc_builtin);
  g_test_add_func ("/noc/default", test_noc_default);

  return g_test_run ();
}
