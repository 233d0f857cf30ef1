/* test-spouse-link.c: two drafts linked as spouses, checked against each other; the links file;
 * the workspace list counting the disagreements on both drafts. */
#include "config.h"

#include <sys/stat.h>
#include <glib/gstdio.h>

#include "declic-check.h"
#include "declic-spouse-link.h"
#include "declic-spouse-links.h"
#include "declic-store.h"
#include "declic-test-utils.h"
#include "declic-utils.h"

#define APPLICANT_ID "marchand-julien"
#define SPOUSE_ID    "lefevre-sophie"

static DeclicDraft *
load_fixture (const char *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "spouses", name, NULL);
  g_autoptr(GError) error = NULL;
  DeclicDraft *draft = declic_draft_new_from_file (path, &error);

  g_assert_no_error (error);
  return draft;
}

static void
get_today (GDate *date)
{
  g_date_clear (date, 1);
  g_assert_true (declic_utils_parse_date ("2026-11-22", date));
}

static GPtrArray *
compare (DeclicDraft *draft,
         DeclicDraft *spouse)
{
  GPtrArray *findings = declic_finding_list_new ();
  GDate today;

  get_today (&today);
  declic_spouse_link_compare (draft, spouse, &today, findings);
  return findings;
}

static void
assert_no_findings (DeclicDraft *a,
                    DeclicDraft *b)
{
  g_autoptr(GPtrArray) on_a = compare (a, b);
  g_autoptr(GPtrArray) on_b = compare (b, a);

  for (guint i = 0; i < on_a->len; i++)
    g_test_message ("unexpected on A: %s", declic_finding_get_message (g_ptr_array_index (on_a, i)));
  for (guint i = 0; i < on_b->len; i++)
    g_test_message ("unexpected on B: %s", declic_finding_get_message (g_ptr_array_index (on_b, i)));
  g_assert_cmpuint (on_a->len, ==, 0);
  g_assert_cmpuint (on_b->len, ==, 0);
}

/* Exactly one finding on each draft, with @code, on @path_a and @path_b; each names the other
 * draft and shows both values. */
static void
assert_disagreement (DeclicDraft *a,
                     DeclicDraft *b,
                     const char  *code,
                     const char  *path_a,
                     const char  *path_b,
                     const char  *value_a,
                     const char  *value_b)
{
  g_autoptr(GPtrArray) on_a = compare (a, b);
  g_autoptr(GPtrArray) on_b = compare (b, a);
  g_autofree char *name_a = declic_draft_dup_display_name (a);
  g_autofree char *name_b = declic_draft_dup_display_name (b);
  DeclicFinding *finding;

  g_assert_cmpuint (on_a->len, ==, 1);
  g_assert_cmpuint (on_b->len, ==, 1);

  finding = g_ptr_array_index (on_a, 0);
  g_assert_cmpstr (declic_finding_get_code (finding), ==, code);
  g_assert_cmpstr (declic_finding_get_path (finding), ==, path_a);
  g_assert_cmpint (declic_finding_get_severity (finding), ==, DECLIC_SEVERITY_ERROR);
  g_assert_true (declic_spouse_link_is_finding (finding));
  g_assert_nonnull (strstr (declic_finding_get_message (finding), name_b));
  g_assert_nonnull (strstr (declic_finding_get_message (finding), value_a));
  g_assert_nonnull (strstr (declic_finding_get_message (finding), value_b));

  finding = g_ptr_array_index (on_b, 0);
  g_assert_cmpstr (declic_finding_get_code (finding), ==, code);
  g_assert_cmpstr (declic_finding_get_path (finding), ==, path_b);
  g_assert_nonnull (strstr (declic_finding_get_message (finding), name_a));
  g_assert_nonnull (strstr (declic_finding_get_message (finding), value_a));
  g_assert_nonnull (strstr (declic_finding_get_message (finding), value_b));
}

/* The fixtures agree, and names agree whatever the case, accents and spaces. */
static void
test_agree (void)
{
  g_autoptr(DeclicDraft) a = load_fixture (APPLICANT_ID);
  g_autoptr(DeclicDraft) b = load_fixture (SPOUSE_ID);
  g_autofree char *folded = declic_spouse_link_fold_name ("  Marie-ÈVE\u00a0 Côté ");

  g_assert_cmpstr (folded, ==, "marie-eve cote");
  /* The spouse's block in B writes "MARCHAND" and "Julien  Pierre": the same names. */
  assert_no_findings (a, b);

  declic_draft_set_string (a, "family.spouse.family_names", "lefevre");
  declic_draft_set_string (b, "personal.given_names", " SOPHIE ");
  assert_no_findings (a, b);

  /* A value left empty on one side is validation's business, not a disagreement. */
  declic_draft_unset (a, "family.spouse.birth_date");
  declic_draft_unset (b, "english");
  assert_no_findings (a, b);

  /* Children as a set: the order does not matter. */
  declic_draft_append_item (a, "family.children");
  declic_draft_set_string (a, "family.children[1].given_names", "Noé");
  declic_draft_set_string (a, "family.children[1].birth_date", "2023-01-05");
  declic_draft_append_item (b, "family.children");
  declic_draft_set_string (b, "family.children[1].given_names", "Léa");
  declic_draft_set_string (b, "family.children[1].birth_date", "2020-04-27");
  declic_draft_set_string (b, "family.children[0].given_names", "noe");
  declic_draft_set_string (b, "family.children[0].birth_date", "2023-01-05");
  assert_no_findings (a, b);

  /* The DI number: letters and digits, whatever the dashes and case. */
  declic_draft_set_string (a, "family.spouse.di_number", "DI-2026-0042");
  declic_draft_set_string (b, "after_filing.di_number", "di 2026 0042");
  assert_no_findings (a, b);
}

static void
test_names (void)
{
  g_autoptr(DeclicDraft) a = load_fixture (APPLICANT_ID);
  g_autoptr(DeclicDraft) b = load_fixture (SPOUSE_ID);

  declic_draft_set_string (b, "personal.family_names", "Lefebvre");
  assert_disagreement (a, b, "spouse_link.family_names.differs",
                       "family.spouse.family_names", "personal.family_names", "Lefèvre", "Lefebvre");
  declic_draft_set_string (b, "personal.family_names", "Lefèvre");

  /* The other direction: what B declares about A. */
  declic_draft_set_string (b, "family.spouse.given_names", "Julie");
  assert_disagreement (a, b, "spouse_link.given_names.differs",
                       "personal.given_names", "family.spouse.given_names", "Julien Pierre", "Julie");
}

static void
test_birth_date (void)
{
  g_autoptr(DeclicDraft) a = load_fixture (APPLICANT_ID);
  g_autoptr(DeclicDraft) b = load_fixture (SPOUSE_ID);

  declic_draft_set_string (b, "personal.birth_date", "1992-09-04");
  assert_disagreement (a, b, "spouse_link.birth_date.differs",
                       "family.spouse.birth_date", "personal.birth_date", "September 3, 1992", "September 4, 1992");
}

static void
test_di_number (void)
{
  g_autoptr(DeclicDraft) a = load_fixture (APPLICANT_ID);
  g_autoptr(DeclicDraft) b = load_fixture (SPOUSE_ID);

  declic_draft_set_string (a, "family.spouse.di_number", "DI-2026-0042");
  /* Only the spouse block has a number: nothing to compare yet. */
  assert_no_findings (a, b);
  declic_draft_set_string (b, "after_filing.di_number", "DI-2026-0043");
  assert_disagreement (a, b, "spouse_link.di_number.differs",
                       "family.spouse.di_number", "after_filing.di_number", "DI-2026-0042", "DI-2026-0043");
}

static void
test_marital_status (void)
{
  g_autoptr(DeclicDraft) a = load_fixture (APPLICANT_ID);
  g_autoptr(DeclicDraft) b = load_fixture (SPOUSE_ID);
  g_autoptr(GPtrArray) findings = NULL;

  /* Married on one side needs married on the other. */
  declic_draft_set_string (b, "family.marital_status", "de_facto");
  assert_disagreement (a, b, "spouse_link.marital_status.differs",
                       "family.marital_status", "family.marital_status", "Married", "De facto union");

  /* The same status, but no union: linked as spouses all the same. */
  declic_draft_set_string (a, "family.marital_status", "single");
  declic_draft_set_string (b, "family.marital_status", "single");
  findings = compare (a, b);
  g_assert_nonnull (declic_finding_list_find (findings, "spouse_link.marital_status.not_in_union", "family.marital_status"));
}

static void
test_union_date (void)
{
  g_autoptr(DeclicDraft) a = load_fixture (APPLICANT_ID);
  g_autoptr(DeclicDraft) b = load_fixture (SPOUSE_ID);

  declic_draft_set_string (a, "family.union_date", "2018-06-15");
  assert_disagreement (a, b, "spouse_link.union_date.differs",
                       "family.union_date", "family.union_date", "June 15, 2018", "June 16, 2018");
}

static void
test_children (void)
{
  g_autoptr(DeclicDraft) a = load_fixture (APPLICANT_ID);
  g_autoptr(DeclicDraft) b = load_fixture (SPOUSE_ID);

  declic_draft_set_string (b, "family.children[0].birth_date", "2020-04-28");
  assert_disagreement (a, b, "spouse_link.children.differs",
                       "family.children", "family.children", "Léa, born April 27, 2020", "Léa, born April 28, 2020");

  /* A child on one side only. */
  declic_draft_set_string (b, "family.children[0].birth_date", "2020-04-27");
  declic_draft_append_item (a, "family.children");
  declic_draft_set_string (a, "family.children[1].given_names", "Noé");
  declic_draft_set_string (a, "family.children[1].birth_date", "2023-01-05");
  assert_disagreement (a, b, "spouse_link.children.differs",
                       "family.children", "family.children", "Noé, born January 5, 2023", "Léa, born April 27, 2020");
}

static void
test_education (void)
{
  g_autoptr(DeclicDraft) a = load_fixture (APPLICANT_ID);
  g_autoptr(DeclicDraft) b = load_fixture (SPOUSE_ID);

  /* A declares the spouse's level; B's highest diploma that counts says otherwise. */
  declic_draft_set_string (a, "family.spouse.education_level", "university_2_2y");
  assert_disagreement (a, b, "spouse_link.education_level.differs",
                       "family.spouse.education_level", "education",
                       "University, 2nd cycle, 2 years or more", "University, 1st cycle, 3 or 4 years");
}

static void
test_languages (void)
{
  g_autoptr(DeclicDraft) a = load_fixture (APPLICANT_ID);
  g_autoptr(DeclicDraft) b = load_fixture (SPOUSE_ID);

  /* The spouse's French as A declares it, against B's own French section. */
  declic_draft_set_number (b, "french.results[0].listening.score", 500);
  assert_disagreement (a, b, "spouse_link.french.differs",
                       "family.spouse.french", "french", "listening score 571", "listening score 500");
  declic_draft_set_number (b, "french.results[0].listening.score", 571);
  assert_no_findings (a, b);
  /* Another date is another result. */
  declic_draft_set_string (b, "french.results[0].result_date", "2025-03-11");
  assert_disagreement (a, b, "spouse_link.french.differs",
                       "family.spouse.french", "french", "March 10, 2025", "March 11, 2025");
  declic_draft_set_string (b, "french.results[0].result_date", "2025-03-10");

  /* A's own English as B declares it: "no standardized result" is a declaration too. */
  declic_draft_set_boolean (b, "family.spouse.english.no_result", TRUE);
  assert_disagreement (a, b, "spouse_link.english.differs",
                       "english", "family.spouse.english", "IELTS General Training of February 20, 2025",
                       "no standardized result");
}

/* The check counts the disagreements as errors: the DI cannot be filed; a link to a draft that
 * is not found is a warning. */
static void
test_check (void)
{
  g_autoptr(DeclicDraft) a = load_fixture (APPLICANT_ID);
  g_autoptr(DeclicDraft) b = load_fixture (SPOUSE_ID);
  g_autoptr(DeclicCheck) check = NULL;
  g_autoptr(DeclicCheck) lone = NULL;
  GDate today;

  get_today (&today);
  check = declic_check_run (a, &today, NULL, NULL);
  g_assert_true (check->fileable);
  declic_check_add_spouse (check, a, b, SPOUSE_ID);
  g_assert_true (check->fileable);

  declic_draft_set_string (b, "personal.birth_date", "1992-09-04");
  declic_check_free (g_steal_pointer (&check));
  check = declic_check_run (a, &today, NULL, NULL);
  declic_check_add_spouse (check, a, b, SPOUSE_ID);
  g_assert_false (check->fileable);
  g_assert_nonnull (declic_finding_list_find (check->findings, "spouse_link.birth_date.differs", "family.spouse.birth_date"));

  lone = declic_check_run (a, &today, NULL, NULL);
  declic_check_add_spouse (lone, a, NULL, SPOUSE_ID);
  g_assert_true (lone->fileable);
  g_assert_nonnull (declic_finding_list_find (lone->findings, "spouse_link.spouse.missing", NULL));
}

/* ---- The links file -------------------------------------------------------------------------- */

static char *
links_path (const char *workspace)
{
  return g_build_filename (workspace, DECLIC_SPOUSE_LINKS_FILE, NULL);
}

static void
write_links (const char *workspace,
             const char *text)
{
  g_autofree char *path = links_path (workspace);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
test_links_file (void)
{
  g_autofree char *workspace = declic_test_make_workspace ();
  g_autofree char *path = links_path (workspace);
  g_autoptr(DeclicSpouseLinks) links = NULL;
  g_autoptr(DeclicSpouseLinks) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unlinked = NULL;
  GStatBuf st;

  /* No file: no links. */
  links = declic_spouse_links_load (workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (declic_spouse_links_get_n_links (links), ==, 0);

  g_assert_true (declic_spouse_links_link (links, APPLICANT_ID, SPOUSE_ID, &error));
  g_assert_no_error (error);
  g_assert_true (declic_spouse_links_link (links, SPOUSE_ID, APPLICANT_ID, &error));
  g_assert_false (declic_spouse_links_link (links, APPLICANT_ID, "another", &error));
  g_assert_error (error, DECLIC_SPOUSE_LINKS_ERROR, DECLIC_SPOUSE_LINKS_ERROR_LINKED);
  g_clear_error (&error);
  g_assert_false (declic_spouse_links_link (links, "x", "x", &error));
  g_clear_error (&error);
  g_assert_false (declic_spouse_links_link (links, "../x", "y", &error));
  g_clear_error (&error);
  g_assert_true (declic_spouse_links_save (links, &error));
  g_assert_no_error (error);

  /* Private, and read back the same. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  again = declic_spouse_links_load (workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (declic_spouse_links_get_n_links (again), ==, 1);
  g_assert_cmpstr (declic_spouse_links_get_spouse (again, APPLICANT_ID), ==, SPOUSE_ID);
  g_assert_cmpstr (declic_spouse_links_get_spouse (again, SPOUSE_ID), ==, APPLICANT_ID);

  unlinked = declic_spouse_links_unlink (again, SPOUSE_ID);
  g_assert_cmpstr (unlinked, ==, APPLICANT_ID);
  g_assert_null (declic_spouse_links_get_spouse (again, APPLICANT_ID));

  declic_test_remove_tree (workspace);
}

static void
test_links_refused (void)
{
  const char *damaged[] = {
    "",
    "not json",
    "{\"format\": 1, \"spouses\": [[\"a\", \"b\"]]} trailing",
    "[]",
    "{\"format\": 2, \"spouses\": []}",
    "{\"format\": \"1\", \"spouses\": []}",
    "{\"format\": 1}",
    "{\"format\": 1, \"spouses\": [[\"a\"]]}",
    "{\"format\": 1, \"spouses\": [[\"a\", 3]]}",
    "{\"format\": 1, \"spouses\": [[\"a\", \"a\"]]}",
    "{\"format\": 1, \"spouses\": [[\"a\", \"../b\"]]}",
    "{\"format\": 1, \"spouses\": [[\"a\", \"b\"], [\"b\", \"c\"]]}",
  };
  g_autofree char *workspace = declic_test_make_workspace ();
  g_autofree char *path = links_path (workspace);
  g_autofree char *elsewhere = g_build_filename (workspace, "elsewhere.json", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DeclicSpouseLinks) links = NULL;

      write_links (workspace, damaged[i]);
      links = declic_spouse_links_load (workspace, &error);
      g_assert_null (links);
      g_assert_error (error, DECLIC_SPOUSE_LINKS_ERROR, DECLIC_SPOUSE_LINKS_ERROR_INVALID);
    }

  /* A well-formed file with a trailing newline is read. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DeclicSpouseLinks) links = NULL;

    write_links (workspace, "{\"format\": 1, \"spouses\": [[\"a\", \"b\"]]}\n");
    links = declic_spouse_links_load (workspace, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (declic_spouse_links_get_spouse (links, "b"), ==, "a");
  }

  /* A link is never followed, even to a good file. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DeclicSpouseLinks) links = NULL;

    g_assert_true (g_file_set_contents (elsewhere, "{\"format\": 1, \"spouses\": []}", -1, NULL));
    g_assert_cmpint (g_unlink (path), ==, 0);
    g_assert_cmpint (symlink (elsewhere, path), ==, 0);
    links = declic_spouse_links_load (workspace, &error);
    g_assert_null (links);
    g_assert_error (error, DECLIC_SPOUSE_LINKS_ERROR, DECLIC_SPOUSE_LINKS_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "symbolic link"));
  }

  declic_test_remove_tree (workspace);
}

/* ---- The workspace list ---------------------------------------------------------------------- */

static void
copy_fixture (const char *workspace,
              const char *id)
{
  g_autoptr(DeclicDraft) draft = load_fixture (id);
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (workspace, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (declic_draft_save_to_file (draft, path, &error));
  g_assert_no_error (error);
}

static DeclicDraftSummary *
find_summary (DeclicStore *store,
              const char  *id)
{
  g_autofree char *path = declic_store_path_for_id (store, id);
  DeclicDraftSummary *summary = declic_store_find (store, path);

  g_assert_nonnull (summary);
  return summary;
}

static DeclicStore *
load_store (const char *workspace)
{
  DeclicStore *store = declic_store_new (workspace);
  g_autoptr(GError) error = NULL;

  g_assert_true (declic_store_load (store, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static void
test_store (void)
{
  g_autofree char *workspace = declic_test_make_workspace ();
  g_autoptr(DeclicSpouseLinks) links = declic_spouse_links_new (workspace);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicDraft) b = load_fixture (SPOUSE_ID);
  g_autofree char *b_path = g_build_filename (workspace, SPOUSE_ID ".json", NULL);
  guint a_errors, b_errors;

  copy_fixture (workspace, APPLICANT_ID);
  declic_draft_set_string (b, "personal.birth_date", "1992-09-04");
  g_assert_true (declic_draft_save_to_file (b, b_path, &error));
  g_assert_no_error (error);

  /* Not linked: each draft alone, fileable; the index remembers them. */
  {
    g_autoptr(DeclicStore) store = load_store (workspace);

    g_assert_true (declic_draft_summary_get_fileable (find_summary (store, APPLICANT_ID)));
    g_assert_null (declic_draft_summary_get_spouse_id (find_summary (store, APPLICANT_ID)));
    a_errors = declic_draft_summary_get_n_errors (find_summary (store, APPLICANT_ID));
    b_errors = declic_draft_summary_get_n_errors (find_summary (store, SPOUSE_ID));
  }

  /* Linked: the disagreement counts on both rows, whatever the index held, and each names the
   * other. */
  g_assert_true (declic_spouse_links_link (links, APPLICANT_ID, SPOUSE_ID, &error));
  g_assert_true (declic_spouse_links_save (links, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DeclicStore) store = load_store (workspace);
    DeclicDraftSummary *a_summary = find_summary (store, APPLICANT_ID);
    DeclicDraftSummary *b_summary = find_summary (store, SPOUSE_ID);

    g_assert_false (declic_draft_summary_get_fileable (a_summary));
    g_assert_cmpuint (declic_draft_summary_get_n_errors (a_summary), ==, a_errors + 1);
    g_assert_cmpuint (declic_draft_summary_get_n_errors (b_summary), ==, b_errors + 1);
    g_assert_cmpstr (declic_draft_summary_get_spouse_id (a_summary), ==, SPOUSE_ID);
    g_assert_cmpstr (declic_draft_summary_get_spouse_name (a_summary), ==, "Sophie Lefèvre");
    g_assert_cmpstr (declic_draft_summary_get_spouse_name (b_summary), ==, "Julien Pierre Marchand");
  }

  /* Unlinked: a new store does not keep the disagreement from the index. */
  g_free (declic_spouse_links_unlink (links, APPLICANT_ID));
  g_assert_true (declic_spouse_links_save (links, &error));
  {
    g_autoptr(DeclicStore) store = load_store (workspace);

    g_assert_true (declic_draft_summary_get_fileable (find_summary (store, APPLICANT_ID)));
    g_assert_cmpuint (declic_draft_summary_get_n_errors (find_summary (store, SPOUSE_ID)), ==, b_errors);
    g_assert_null (declic_draft_summary_get_spouse_id (find_summary (store, SPOUSE_ID)));
  }

  /* Linked, and one draft saved: the other's row follows. */
  g_assert_true (declic_spouse_links_link (links, APPLICANT_ID, SPOUSE_ID, &error));
  g_assert_true (declic_spouse_links_save (links, &error));
  {
    g_autoptr(DeclicStore) store = load_store (workspace);

    g_assert_false (declic_draft_summary_get_fileable (find_summary (store, APPLICANT_ID)));
    declic_draft_set_string (b, "personal.birth_date", "1992-09-03");
    g_assert_true (declic_store_save_draft (store, b, &error));
    g_assert_no_error (error);
    g_assert_true (declic_draft_summary_get_fileable (find_summary (store, APPLICANT_ID)));
    g_assert_cmpuint (declic_draft_summary_get_n_errors (find_summary (store, SPOUSE_ID)), ==, b_errors);
  }

  /* A links file that is refused lists the drafts unlinked (with a message), never fails. */
  write_links (workspace, "garbage");
  {
    g_autoptr(DeclicStore) store = load_store (workspace);

    g_assert_null (declic_draft_summary_get_spouse_id (find_summary (store, APPLICANT_ID)));
  }

  declic_test_remove_tree (workspace);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/spouse-link/agree", test_agree);
  g_test_add_func ("/spouse-link/names", test_names);
  g_test_add_func ("/spouse-link/birth-date", test_birth_date);
  g_test_add_func ("/spouse-link/di-number", test_di_number);
  g_test_add_func ("/spouse-link/marital-status", test_marital_status);
  g_test_add_func ("/spouse-link/union-date", test_union_date);
  g_test_add_func ("/spouse-link/children", test_children);
  g_test_add_func ("/spouse-link/education", test_education);
  g_test_add_func ("/spouse-link/languages", test_languages);
  g_test_add_func ("/spouse-link/check", test_check);
  g_test_add_func ("/spouse-link/links-file", test_links_file);
  g_test_add_func ("/spouse-link/links-refused", test_links_refused);
  g_test_add_func ("/spouse-link/store", test_store);

  return g_test_run ();
}
