/* test-rounds.c: the invitation rounds: the strict reader, the choice between the built-in list
 * and the user's, and installing a user's list. XDG_DATA_HOME is a private temporary folder, so
 * the person running the tests keeps their own list, and no test depends on the date.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "declic-rounds.h"
#include "declic-test-utils.h"

#define HEADER "date,stream,min_score,invited,filter\n"
/* The built-in list's newest round (resources/data/invitation-rounds-2025.csv). */
#define BUILTIN_NEWEST "2025-12-04"

static char *sandbox;   /* holds data/ (XDG_DATA_HOME) and the files to install */

static char *
data_dir (void)
{
  return g_build_filename (sandbox, "data", NULL);
}

/* Each test starts with no user data folder at all. */
static void
reset (void)
{
  g_autofree char *data = data_dir ();

  declic_test_remove_tree (data);
  g_assert_cmpstr (g_get_user_data_dir (), ==, data);
}

static char *
write_source (const char *name,
              const char *contents)
{
  char *path = g_build_filename (sandbox, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* Puts @contents as the user's list directly, the way a person might copy it by hand. */
static char *
write_user_file (const char *contents)
{
  g_autofree char *data = data_dir ();
  g_autofree char *folder = g_build_filename (data, "declic", NULL);
  g_autoptr(GError) error = NULL;
  char *path = declic_rounds_dup_user_path ();

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static char *
newest_of (DeclicRounds *rounds)
{
  const GDate *date = declic_rounds_get_newest_date (rounds);

  g_assert_nonnull (date);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

static void
test_parse_good (void)
{
  const char *csv = HEADER
                    "2025-07-17,1,768,216,none\n"
                    "\n"
                    "2025-08-25,4,,21,\"exceptional talent, doctorate\"\n"
                    "2025-07-17,4,,22,exceptional talent\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicRounds) rounds = declic_rounds_new_from_data (csv, strlen (csv), &error);
  g_autofree char *newest = NULL;
  GPtrArray *list;
  DeclicRound *first, *last;

  g_assert_no_error (error);
  g_assert_nonnull (rounds);
  list = declic_rounds_get_rounds (rounds);
  g_assert_cmpuint (list->len, ==, 3);
  first = g_ptr_array_index (list, 0);
  last = g_ptr_array_index (list, 2);
  /* Newest first; on one date, by stream. */
  g_assert_cmpint (first->stream, ==, 4);
  g_assert_cmpint (first->min_score, ==, -1);
  g_assert_cmpstr (first->filter, ==, "exceptional talent, doctorate");
  g_assert_cmpint (last->stream, ==, 4);
  g_assert_cmpint (((DeclicRound *) g_ptr_array_index (list, 1))->min_score, ==, 768);
  newest = newest_of (rounds);
  g_assert_cmpstr (newest, ==, "2025-08-25");
  g_assert_cmpstr (declic_rounds_get_id (rounds), ==, DECLIC_ROUNDS_DEFAULT_ID);
  g_assert_null (declic_rounds_get_origin (rounds));
}

static void
test_parse_header_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicRounds) rounds = declic_rounds_new_from_data (HEADER, strlen (HEADER), &error);

  /* The reader accepts it; what has no rounds is refused by those who need one. */
  g_assert_no_error (error);
  g_assert_cmpuint (declic_rounds_get_rounds (rounds)->len, ==, 0);
  g_assert_null (declic_rounds_get_newest_date (rounds));
}

typedef struct
{
  const char *what;
  const char *csv;
  const char *line;   /* the start of the message: the line it names */
} Malformed;

static void
test_parse_malformed (void)
{
  static const Malformed cases[] = {
    { "bad date", HEADER "2025-07-17,1,768,216,none\n2025-13-01,1,768,216,none\n", "Line 3 " },
    { "not a date", HEADER "17/07/2025,1,768,216,none\n", "Line 2 " },
    { "stream 0", HEADER "2025-07-17,0,768,216,none\n", "Line 2 " },
    { "stream 5", HEADER "2025-07-17,5,768,216,none\n", "Line 2 " },
    { "negative score", HEADER "2025-07-17,1,-768,216,none\n", "Line 2 " },
    { "huge score", HEADER "2025-07-17,1,100000,216,none\n", "Line 2 " },
    { "score with text", HEADER "2025-07-17,1,768 pts,216,none\n", "Line 2 " },
    { "negative invited", HEADER "2025-07-17,1,768,-1,none\n", "Line 2 " },
    { "no invited", HEADER "2025-07-17,1,768,,none\n", "Line 2 " },
    { "missing column in the header", "date,stream,min_score,invited\n2025-07-17,1,768,216\n", "Line 1:" },
    { "a row with a column less", HEADER "2025-07-17,1,768,216,none\n2025-07-31,2,661,273\n", "Line 3 " },
    { "a row with a column more", HEADER "2025-07-17,1,768,216,none,extra\n", "Line 2 " },
    { "an unclosed quote", HEADER "2025-07-17,1,768,216,\"none\n", "Line 2:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DeclicRounds) rounds = declic_rounds_new_from_data (cases[i].csv, strlen (cases[i].csv), &error);

      g_test_message ("%s", cases[i].what);
      g_assert_null (rounds);
      g_assert_error (error, DECLIC_ROUNDS_ERROR, DECLIC_ROUNDS_ERROR_MALFORMED);
      g_assert_true (g_str_has_prefix (error->message, cases[i].line));
    }
}

static void
test_default_builtin (void)
{
  g_autoptr(GError) problem = NULL;
  g_autoptr(DeclicRounds) rounds = NULL;
  g_autofree char *newest = NULL;

  reset ();
  rounds = declic_rounds_load_default (&problem);
  g_assert_no_error (problem);
  g_assert_nonnull (rounds);
  g_assert_cmpstr (declic_rounds_get_id (rounds), ==, DECLIC_ROUNDS_DEFAULT_ID);
  g_assert_null (declic_rounds_get_origin (rounds));
  newest = newest_of (rounds);
  g_assert_cmpstr (newest, ==, BUILTIN_NEWEST);
  g_assert_cmpuint (declic_rounds_get_rounds (rounds)->len, >=, 10);
}

/* With @csv as the user's list, the list in use is @expected_id, and from the user's file when
 * @expected_id is not the built-in one; an old list is no problem either. */
static void
assert_chosen (const char *csv,
               const char *expected_id)
{
  g_autoptr(GError) problem = NULL;
  g_autoptr(DeclicRounds) rounds = NULL;
  g_autofree char *path = NULL;

  reset ();
  path = write_user_file (csv);
  rounds = declic_rounds_load_default (&problem);
  g_assert_no_error (problem);
  g_assert_cmpstr (declic_rounds_get_id (rounds), ==, expected_id);
  if (g_str_equal (expected_id, DECLIC_ROUNDS_DEFAULT_ID))
    g_assert_null (declic_rounds_get_origin (rounds));
  else
    g_assert_cmpstr (declic_rounds_get_origin (rounds), ==, path);
}

static void
test_default_newer_user (void)
{
  assert_chosen (HEADER "2025-07-17,1,768,216,none\n2026-01-15,1,700,300,none\n",
                 "invitation-rounds-as-of-2026-01-15");
}

static void
test_default_older_user (void)
{
  /* A release simply brought newer rounds. */
  assert_chosen (HEADER "2025-01-15,1,700,300,none\n", DECLIC_ROUNDS_DEFAULT_ID);
}

static void
test_default_tie (void)
{
  /* Same newest date as the built-in list: the person's may correct a round, so it wins. */
  assert_chosen (HEADER BUILTIN_NEWEST ",1,781,999,corrected\n", "invitation-rounds-as-of-" BUILTIN_NEWEST);
}

/* The built-in list, and a problem of @code that names the user's file and contains @detail. */
static void
assert_ignored (int         code,
                const char *detail)
{
  g_autoptr(GError) problem = NULL;
  g_autoptr(DeclicRounds) rounds = declic_rounds_load_default (&problem);
  g_autofree char *path = declic_rounds_dup_user_path ();

  g_assert_nonnull (rounds);
  g_assert_cmpstr (declic_rounds_get_id (rounds), ==, DECLIC_ROUNDS_DEFAULT_ID);
  g_assert_null (declic_rounds_get_origin (rounds));
  g_assert_error (problem, DECLIC_ROUNDS_ERROR, code);
  g_assert_nonnull (strstr (problem->message, path));
  g_assert_nonnull (strstr (problem->message, detail));
}

static void
test_default_broken_user (void)
{
  g_autofree char *path = NULL;

  reset ();
  path = write_user_file (HEADER "2027-01-15,1,700,300,none\n2027-02-01,9,700,300,none\n");
  /* Newer than the built-in list, but broken: ignored, and the line at fault is named. */
  assert_ignored (DECLIC_ROUNDS_ERROR_MALFORMED, "Line 3 ");
}

static void
test_default_empty_user (void)
{
  g_autofree char *path = NULL;

  reset ();
  path = write_user_file (HEADER);
  assert_ignored (DECLIC_ROUNDS_ERROR_NO_ROUNDS, "no rounds");
}

static void
test_default_oversized_user (void)
{
  g_autoptr(GString) csv = g_string_new (HEADER);
  g_autofree char *path = NULL;

  reset ();
  while (csv->len <= DECLIC_ROUNDS_MAX_FILE_SIZE)
    g_string_append (csv, "2027-01-15,1,700,300,none\n");
  path = write_user_file (csv->str);
  assert_ignored (DECLIC_ROUNDS_ERROR_UNREADABLE, "too large");
}

static void
test_default_user_link (void)
{
  g_autofree char *target = NULL;
  g_autofree char *path = NULL;

  reset ();
  target = write_source ("elsewhere.csv", HEADER "2027-01-15,1,700,300,none\n");
  path = write_user_file ("");
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (symlink (target, path), ==, 0);
  /* A link in place of the list is not followed, even to a good list. */
  assert_ignored (DECLIC_ROUNDS_ERROR_UNREADABLE, "symbolic link");
}

static void
test_install_good (void)
{
  const char *csv = HEADER "2026-01-15,1,700,300,none\n";
  g_autofree char *source = NULL;
  g_autofree char *path = declic_rounds_dup_user_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *data = data_dir ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicRounds) rounds = NULL;
  struct stat st;

  reset ();
  source = write_source ("good.csv", csv);
  g_assert_true (declic_rounds_install (source, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_lstat (folder, &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_lstat (data, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, csv);

  rounds = declic_rounds_load_default (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (declic_rounds_get_id (rounds), ==, "invitation-rounds-as-of-2026-01-15");
}

/* The user's folder holds exactly @expected (or nothing when NULL): no partial or temporary file. */
static void
assert_user_file (const char *expected)
{
  g_autofree char *path = declic_rounds_dup_user_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *contents = NULL;
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_cmpstr (name, ==, "invitation-rounds.csv");
      n++;
    }
  if (expected == NULL)
    {
      g_assert_cmpuint (n, ==, 0);
      return;
    }
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static void
test_install_refused (void)
{
  const char *good = HEADER "2026-01-15,1,700,300,none\n";
  g_autofree char *bad = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *good_path = NULL;
  g_autofree char *missing = g_build_filename (sandbox, "no-such.csv", NULL);
  g_autoptr(GError) error = NULL;

  reset ();
  bad = write_source ("bad.csv", HEADER "2026-01-15,1,700,300,none\n2026-02-01,0,700,300,none\n");
  g_assert_false (declic_rounds_install (bad, &error));
  g_assert_error (error, DECLIC_ROUNDS_ERROR, DECLIC_ROUNDS_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, bad));
  g_assert_nonnull (strstr (error->message, "Line 3 "));
  g_clear_error (&error);
  assert_user_file (NULL);

  empty = write_source ("empty.csv", HEADER);
  g_assert_false (declic_rounds_install (empty, &error));
  g_assert_error (error, DECLIC_ROUNDS_ERROR, DECLIC_ROUNDS_ERROR_NO_ROUNDS);
  g_clear_error (&error);
  g_assert_false (declic_rounds_install (missing, &error));
  g_assert_error (error, DECLIC_ROUNDS_ERROR, DECLIC_ROUNDS_ERROR_UNREADABLE);
  g_clear_error (&error);
  assert_user_file (NULL);

  /* A refused file leaves the list installed before it whole. */
  good_path = write_source ("good.csv", good);
  g_assert_true (declic_rounds_install (good_path, &error));
  g_assert_no_error (error);
  g_assert_false (declic_rounds_install (bad, &error));
  g_clear_error (&error);
  assert_user_file (good);
}

static void
test_install_oversized (void)
{
  g_autoptr(GString) csv = g_string_new (HEADER);
  g_autofree char *source = NULL;
  g_autoptr(GError) error = NULL;

  reset ();
  while (csv->len <= DECLIC_ROUNDS_MAX_FILE_SIZE)
    g_string_append (csv, "2027-01-15,1,700,300,none\n");
  source = write_source ("huge.csv", csv->str);
  g_assert_false (declic_rounds_install (source, &error));
  g_assert_error (error, DECLIC_ROUNDS_ERROR, DECLIC_ROUNDS_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "too large"));
  assert_user_file (NULL);
}

static void
test_install_pipe (void)
{
  g_autofree char *fifo = g_build_filename (sandbox, "pipe.csv", NULL);
  g_autoptr(GError) error = NULL;

  reset ();
  g_unlink (fifo);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  /* Refused at once: a pipe with no writer would block a read forever. */
  g_assert_false (declic_rounds_install (fifo, &error));
  g_assert_error (error, DECLIC_ROUNDS_ERROR, DECLIC_ROUNDS_ERROR_UNREADABLE);
  assert_user_file (NULL);
}

static void
test_install_source_link (void)
{
  const char *csv = HEADER "2026-01-15,1,700,300,none\n";
  g_autofree char *target = NULL;
  g_autofree char *link = g_build_filename (sandbox, "link.csv", NULL);
  g_autoptr(GError) error = NULL;

  reset ();
  target = write_source ("target.csv", csv);
  g_unlink (link);
  g_assert_cmpint (symlink (target, link), ==, 0);
  /* The person chose the file: a link they name is followed, and its contents are copied. */
  g_assert_true (declic_rounds_install (link, &error));
  g_assert_no_error (error);
  assert_user_file (csv);
}

static void
test_install_over_link (void)
{
  const char *csv = HEADER "2026-01-15,1,700,300,none\n";
  const char *victim_text = "not to be touched\n";
  g_autofree char *victim = NULL;
  g_autofree char *source = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  reset ();
  victim = write_source ("victim.txt", victim_text);
  source = write_source ("good.csv", csv);
  path = write_user_file ("");
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (symlink (victim, path), ==, 0);

  /* The link is replaced by the new list; what it pointed to is left alone. */
  g_assert_true (declic_rounds_install (source, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  assert_user_file (csv);
  g_assert_true (g_file_get_contents (victim, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, victim_text);
}

static void
test_install_folder_link (void)
{
  g_autofree char *data = data_dir ();
  g_autofree char *folder = g_build_filename (data, "declic", NULL);
  g_autofree char *elsewhere = g_build_filename (sandbox, "elsewhere", NULL);
  g_autofree char *planted = g_build_filename (elsewhere, "invitation-rounds.csv", NULL);
  g_autofree char *source = NULL;
  g_autoptr(GError) error = NULL;

  reset ();
  declic_test_remove_tree (elsewhere);
  g_assert_cmpint (g_mkdir_with_parents (elsewhere, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (data, 0700), ==, 0);
  g_assert_cmpint (symlink (elsewhere, folder), ==, 0);
  source = write_source ("good.csv", HEADER "2026-01-15,1,700,300,none\n");

  /* A link in place of the folder is refused: nothing is written through it. */
  g_assert_false (declic_rounds_install (source, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_assert_false (g_file_test (planted, G_FILE_TEST_EXISTS));
  g_unlink (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data = NULL;
  int status;

  setlocale (LC_ALL, "");
  sandbox = declic_test_make_workspace ();
  data = g_build_filename (sandbox, "data", NULL);
  /* Before anything asks GLib for it: g_get_user_data_dir () keeps its first answer. */
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rounds/parse/good", test_parse_good);
  g_test_add_func ("/rounds/parse/header-only", test_parse_header_only);
  g_test_add_func ("/rounds/parse/malformed", test_parse_malformed);
  g_test_add_func ("/rounds/default/builtin", test_default_builtin);
  g_test_add_func ("/rounds/default/newer-user", test_default_newer_user);
  g_test_add_func ("/rounds/default/older-user", test_default_older_user);
  g_test_add_func ("/rounds/default/tie", test_default_tie);
  g_test_add_func ("/rounds/default/broken-user", test_default_broken_user);
  g_test_add_func ("/rounds/default/empty-user", test_default_empty_user);
  g_test_add_func ("/rounds/default/oversized-user", test_default_oversized_user);
  g_test_add_func ("/rounds/default/user-link", test_default_user_link);
  g_test_add_func ("/rounds/install/good", test_install_good);
  g_test_add_func ("/rounds/install/refused", test_install_refused);
  g_test_add_func ("/rounds/install/oversized", test_install_oversized);
  g_test_add_func ("/rounds/install/pipe", test_install_pipe);
  g_test_add_func ("/rounds/install/source-link", test_install_source_link);
  g_test_add_func ("/rounds/install/over-link", test_install_over_link);
  g_test_add_func ("/rounds/install/folder-link", test_install_folder_link);

  status = g_test_run ();
  declic_test_remove_tree (sandbox);
  g_free (sandbox);
  return status;
}
