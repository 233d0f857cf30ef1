/* test-validate.c: findings, and the validation of every section of a draft.
 *
 * Most rules are tested as a table: each case edits the complete sample draft
 * (tests/fixtures/sample-complete.json, which must validate with no error) and says which
 * finding must appear, or must not. Every rule has a case on each side of its boundary.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-c/json.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "declic-finding.h"
#include "declic-utils.h"
#include "declic-validate.h"
#include "rules-test-util.h"

#define REFERENCE "2026-11-22"

static DeclicValidateContext *full_context;

static void
parse_date (const char *text,
            GDate      *date)
{
  g_date_clear (date, 1);
  g_assert_true (declic_utils_parse_date (text, date));
}

static GPtrArray *
validate_at (DeclicDraft           *draft,
             const char            *reference,
             DeclicValidateContext *ctx)
{
  GDate date;

  /* Checked as if filed at @reference, on that day: both dates are the same. */
  parse_date (reference != NULL ? reference : REFERENCE, &date);
  declic_draft_set_string (draft, "planned_filing_date", reference != NULL ? reference : REFERENCE);
  return declic_validate_draft (draft, &date, ctx);
}

static char *
describe_findings (GPtrArray *findings)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      DeclicFinding *finding = g_ptr_array_index (findings, i);

      g_string_append_printf (text, "  %s %s [%s] %s\n",
                              declic_severity_get_id (declic_finding_get_severity (finding)),
                              declic_finding_get_code (finding),
                              declic_finding_get_path (finding),
                              declic_finding_get_message (finding));
    }
  return g_string_free (text, FALSE);
}

static void
print_findings (GPtrArray *findings)
{
  g_autofree char *text = describe_findings (findings);

  g_test_message ("findings:\n%s", text);
}

/* "path=JSON": sets the field to the value with the setter of its type; "path=-" unsets it. */
static void
apply_edit (DeclicDraft *draft,
            const char  *edit)
{
  const char *equals = strchr (edit, '=');
  g_autofree char *path = NULL;
  json_object *value;

  g_assert_nonnull (equals);
  path = g_strndup (edit, (gsize) (equals - edit));
  if (g_str_equal (equals + 1, "-"))
    {
      declic_draft_unset (draft, path);
      return;
    }

  value = json_tokener_parse (equals + 1);
  g_assert_nonnull (value);
  switch (json_object_get_type (value))
    {
    case json_type_string:
      declic_draft_set_string (draft, path, json_object_get_string (value));
      break;
    case json_type_boolean:
      declic_draft_set_boolean (draft, path, json_object_get_boolean (value));
      break;
    case json_type_int:
      declic_draft_set_integer (draft, path, json_object_get_int64 (value));
      break;
    case json_type_double:
      declic_draft_set_number (draft, path, json_object_get_double (value));
      break;
    case json_type_null:
    case json_type_object:
    case json_type_array:
    default:
      g_assert_not_reached ();
    }
  json_object_put (value);
}

/* -------------------------------------------------------------------------------------- */
/* Findings                                                                               */

static void
test_finding_new (void)
{
  DeclicFinding *finding = declic_finding_new ("personal.birth_date.required", "personal.birth_date",
                                               DECLIC_SECTION_PERSONAL, DECLIC_SEVERITY_ERROR,
                                               "The field is empty.");
  g_autofree char *code = NULL;
  DeclicSeverity severity;

  g_assert_cmpstr (declic_finding_get_code (finding), ==, "personal.birth_date.required");
  g_assert_cmpstr (declic_finding_get_path (finding), ==, "personal.birth_date");
  g_assert_cmpint (declic_finding_get_section (finding), ==, DECLIC_SECTION_PERSONAL);
  g_assert_cmpint (declic_finding_get_severity (finding), ==, DECLIC_SEVERITY_ERROR);
  g_assert_cmpstr (declic_finding_get_message (finding), ==, "The field is empty.");
  g_assert_true (declic_finding_is_blocking (finding));

  g_object_get (finding, "code", &code, "severity", &severity, NULL);
  g_assert_cmpstr (code, ==, "personal.birth_date.required");
  g_assert_cmpint (severity, ==, DECLIC_SEVERITY_ERROR);
  g_assert_finalize_object (finding);

  finding = declic_finding_new_printf ("work.gap", NULL, DECLIC_SECTION_WORK, DECLIC_SEVERITY_WARNING,
                                       "From %s to %s", "2021-11-22", "2022-02-28");
  g_assert_cmpstr (declic_finding_get_path (finding), ==, "");
  g_assert_cmpstr (declic_finding_get_message (finding), ==, "From 2021-11-22 to 2022-02-28");
  g_assert_false (declic_finding_is_blocking (finding));
  g_assert_finalize_object (finding);

  g_assert_cmpstr (declic_severity_get_id (DECLIC_SEVERITY_INFO), ==, "info");
  g_assert_cmpstr (declic_severity_get_id (DECLIC_SEVERITY_WARNING), ==, "warning");
  g_assert_cmpstr (declic_severity_get_id (DECLIC_SEVERITY_ERROR), ==, "error");
  g_assert_true (G_TYPE_IS_ENUM (DECLIC_TYPE_SEVERITY));
}

static void
test_finding_list (void)
{
  g_autoptr(GPtrArray) list = declic_finding_list_new ();
  g_autoptr(GPtrArray) under = NULL;

  declic_finding_list_add (list, "work_history.hours_per_week.part_time", "work_history[1].hours_per_week",
                           DECLIC_SECTION_WORK, DECLIC_SEVERITY_INFO, "Part-time.");
  declic_finding_list_add (list, "education.title.required", "education[1].title",
                           DECLIC_SECTION_EDUCATION, DECLIC_SEVERITY_ERROR, "Empty.");
  declic_finding_list_add_printf (list, "education.level.none", "education[10].level",
                                  DECLIC_SECTION_EDUCATION, DECLIC_SEVERITY_WARNING, "%d", 10);
  declic_finding_list_add (list, "personal.sex.required", "personal.sex",
                           DECLIC_SECTION_PERSONAL, DECLIC_SEVERITY_ERROR, "Empty.");

  g_assert_cmpuint (declic_finding_list_count (list, DECLIC_SECTION_NONE, DECLIC_SEVERITY_ERROR), ==, 2);
  g_assert_cmpuint (declic_finding_list_count (list, DECLIC_SECTION_EDUCATION, DECLIC_SEVERITY_ERROR), ==, 1);
  g_assert_cmpuint (declic_finding_list_count (list, DECLIC_SECTION_WORK, DECLIC_SEVERITY_ERROR), ==, 0);
  g_assert_true (declic_finding_list_has_errors (list));

  g_assert_nonnull (declic_finding_list_find (list, "education.title.required", NULL));
  g_assert_nonnull (declic_finding_list_find (list, "education.title.required", "education[1].title"));
  g_assert_null (declic_finding_list_find (list, "education.title.required", "education[0].title"));

  /* "education[1]" covers its fields, not education[10]'s. */
  under = declic_finding_list_filter_path (list, "education[1]");
  g_assert_cmpuint (under->len, ==, 1);
  g_assert_cmpstr (declic_finding_get_path (g_ptr_array_index (under, 0)), ==, "education[1].title");
  g_clear_pointer (&under, g_ptr_array_unref);
  under = declic_finding_list_filter_path (list, "");
  g_assert_cmpuint (under->len, ==, 4);

  /* By section, then errors first. */
  declic_finding_list_sort (list);
  g_assert_cmpstr (declic_finding_get_code (g_ptr_array_index (list, 0)), ==, "personal.sex.required");
  g_assert_cmpstr (declic_finding_get_code (g_ptr_array_index (list, 1)), ==, "education.title.required");
  g_assert_cmpstr (declic_finding_get_code (g_ptr_array_index (list, 2)), ==, "education.level.none");
  g_assert_cmpstr (declic_finding_get_code (g_ptr_array_index (list, 3)), ==, "work_history.hours_per_week.part_time");
}

/* -------------------------------------------------------------------------------------- */
/* The sample draft, section states, filing                                               */

static void
test_sample_complete (void)
{
  g_autoptr(DeclicDraft) draft = load_sample ();
  g_autoptr(GPtrArray) findings = validate_at (draft, NULL, full_context);

  print_findings (findings);
  g_assert_cmpuint (declic_finding_list_count (findings, DECLIC_SECTION_NONE, DECLIC_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (declic_finding_list_count (findings, DECLIC_SECTION_NONE, DECLIC_SEVERITY_WARNING), ==, 0);
  g_assert_true (declic_validate_can_file (findings, draft));

  for (DeclicSection section = 0; section < DECLIC_N_SECTIONS; section++)
    {
      guint n_errors = 99;
      DeclicSectionState state = declic_validate_section_state (findings, section, &n_errors);

      g_assert_cmpuint (n_errors, ==, 0);
      if (section == DECLIC_SECTION_REPRESENTATIVE)
        g_assert_cmpint (state, ==, DECLIC_SECTION_STATE_EMPTY);
      else
        g_assert_cmpint (state, ==, DECLIC_SECTION_STATE_COMPLETE);
    }

  /* The two full-time jobs are each said to be full-time. */
  g_assert_nonnull (declic_finding_list_find (findings, "work_history.hours_per_week.full_time",
                                              "work_history[0].hours_per_week"));
  g_assert_nonnull (declic_finding_list_find (findings, "work_history.hours_per_week.full_time",
                                              "work_history[1].hours_per_week"));

  /* Without an override, the planned filing date in the file is the reference date. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = declic_validate_draft (draft, NULL, full_context);
  g_assert_true (declic_validate_can_file (findings, draft));
}

static void
test_sample_without_consent (void)
{
  g_autoptr(DeclicDraft) draft = load_sample ();
  g_autoptr(GPtrArray) findings = NULL;
  guint n_errors = 0;

  declic_draft_set_boolean (draft, "consent.personal_information", FALSE);
  findings = validate_at (draft, NULL, full_context);
  g_assert_nonnull (declic_finding_list_find (findings, "consent.personal_information.required", "consent.personal_information"));
  g_assert_cmpint (declic_validate_section_state (findings, DECLIC_SECTION_CONSENT, &n_errors), ==, DECLIC_SECTION_STATE_INCOMPLETE);
  g_assert_cmpuint (n_errors, ==, 1);
  g_assert_false (declic_validate_can_file (findings, draft));

  /* A list from before the consent was withdrawn must not let the draft through. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  declic_draft_set_boolean (draft, "consent.personal_information", TRUE);
  findings = validate_at (draft, NULL, full_context);
  declic_draft_unset (draft, "consent");
  g_assert_false (declic_validate_can_file (findings, draft));
}

static void
test_empty_draft (void)
{
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autoptr(GPtrArray) findings = NULL;

  for (DeclicSection section = 0; section < DECLIC_N_SECTIONS; section++)
    g_assert_true (declic_validate_section_is_empty (draft, section));

  /* Empty rows and unanswered text are not "something entered". */
  declic_draft_append_item (draft, "education");
  declic_draft_set_string (draft, "personal.family_names", "");
  g_assert_true (declic_validate_section_is_empty (draft, DECLIC_SECTION_EDUCATION));
  g_assert_true (declic_validate_section_is_empty (draft, DECLIC_SECTION_PERSONAL));

  findings = validate_at (draft, NULL, full_context);
  print_findings (findings);
  for (DeclicSection section = 0; section < DECLIC_N_SECTIONS; section++)
    {
      guint n_errors = 0;

      g_assert_cmpint (declic_validate_section_state (findings, section, &n_errors), ==, DECLIC_SECTION_STATE_EMPTY);
      g_assert_cmpuint (n_errors, ==, declic_validate_section_is_required (section) ? 1 : 0);
    }
  g_assert_nonnull (declic_finding_list_find (findings, "personal.empty", "personal"));
  g_assert_nonnull (declic_finding_list_find (findings, "work.empty", "work_history"));
  /* One finding per empty section, not one per field. */
  g_assert_cmpuint (findings->len, ==, DECLIC_N_SECTIONS);
  g_assert_false (declic_validate_can_file (findings, draft));

  /* One field makes the section incomplete, with its missing fields listed. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  declic_draft_set_string (draft, "personal.family_names", "Marchand");
  findings = validate_at (draft, NULL, full_context);
  g_assert_false (declic_validate_section_is_empty (draft, DECLIC_SECTION_PERSONAL));
  g_assert_cmpint (declic_validate_section_state (findings, DECLIC_SECTION_PERSONAL, NULL), ==, DECLIC_SECTION_STATE_INCOMPLETE);
  g_assert_nonnull (declic_finding_list_find (findings, "personal.birth_date.required", "personal.birth_date"));
  g_assert_null (declic_finding_list_find (findings, "personal.family_names.required", NULL));
}

static void
test_representative (void)
{
  g_autoptr(DeclicDraft) draft = load_sample ();
  g_autoptr(GPtrArray) findings = NULL;

  /* Optional, but checked once started. */
  declic_draft_set_string (draft, "representative.name", "Me Nadia Tremblay");
  findings = validate_at (draft, NULL, full_context);
  g_assert_nonnull (declic_finding_list_find (findings, "representative.category.required", "representative.category"));
  g_assert_nonnull (declic_finding_list_find (findings, "representative.registry_number.required", NULL));
  g_assert_nonnull (declic_finding_list_find (findings, "representative.mandate_date.required", NULL));
  g_assert_cmpint (declic_validate_section_state (findings, DECLIC_SECTION_REPRESENTATIVE, NULL), ==, DECLIC_SECTION_STATE_INCOMPLETE);
  g_assert_false (declic_validate_can_file (findings, draft));

  g_clear_pointer (&findings, g_ptr_array_unref);
  declic_draft_set_string (draft, "representative.category", "lawyer");
  declic_draft_set_string (draft, "representative.registry_number", "B-12345");
  declic_draft_set_string (draft, "representative.mandate_date", "2026-11-23");
  findings = validate_at (draft, NULL, full_context);
  g_assert_nonnull (declic_finding_list_find (findings, "representative.mandate_date.in_future", NULL));

  g_clear_pointer (&findings, g_ptr_array_unref);
  declic_draft_set_string (draft, "representative.mandate_date", "2026-11-22");
  findings = validate_at (draft, NULL, full_context);
  g_assert_cmpint (declic_validate_section_state (findings, DECLIC_SECTION_REPRESENTATIVE, NULL), ==, DECLIC_SECTION_STATE_COMPLETE);
  g_assert_true (declic_validate_can_file (findings, draft));
}

/* Without reference data, codes are checked for their form and the findings say so. */
static void
test_without_reference_data (void)
{
  g_autoptr(DeclicDraft) draft = load_sample ();
  g_autoptr(GPtrArray) findings = NULL;
  DeclicFinding *finding;

  declic_draft_set_string (draft, "work_history[1].noc_code", "21299");  /* well-formed, unknown */
  declic_draft_set_string (draft, "contact.address.country", "XK");      /* not ISO 3166-1 */
  findings = validate_at (draft, NULL, NULL);
  print_findings (findings);

  g_assert_null (declic_finding_list_find (findings, "work_history.noc_code.unknown", NULL));
  g_assert_null (declic_finding_list_find (findings, "contact.address.country.invalid", NULL));
  finding = declic_finding_list_find (findings, "noc.list_unavailable", "");
  g_assert_nonnull (finding);
  g_assert_cmpint (declic_finding_get_severity (finding), ==, DECLIC_SEVERITY_INFO);
  g_assert_cmpint (declic_finding_get_section (finding), ==, DECLIC_SECTION_NONE);
  g_assert_nonnull (declic_finding_list_find (findings, "countries.list_unavailable", ""));
  g_assert_cmpuint (declic_finding_list_count (findings, DECLIC_SECTION_NONE, DECLIC_SEVERITY_ERROR), ==, 0);
  g_assert_true (declic_validate_can_file (findings, draft));

  /* The form and the TEER digit are still checked. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  declic_draft_set_string (draft, "work_history[1].noc_code", "27231");
  declic_draft_set_string (draft, "personal.birth_country", "fr");
  findings = validate_at (draft, NULL, NULL);
  g_assert_nonnull (declic_finding_list_find (findings, "work_history.noc_code.invalid", "work_history[1].noc_code"));
  g_assert_nonnull (declic_finding_list_find (findings, "personal.birth_country.invalid", "personal.birth_country"));

  /* With the list, the unknown code is an error and there is no "unavailable" note. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  declic_draft_set_string (draft, "work_history[1].noc_code", "21299");
  declic_draft_set_string (draft, "personal.birth_country", "FR");
  findings = validate_at (draft, NULL, full_context);
  g_assert_nonnull (declic_finding_list_find (findings, "work_history.noc_code.unknown", "work_history[1].noc_code"));
  g_assert_nonnull (declic_finding_list_find (findings, "contact.address.country.invalid", "contact.address.country"));
  g_assert_null (declic_finding_list_find (findings, "noc.list_unavailable", NULL));
  g_assert_null (declic_finding_list_find (findings, "countries.list_unavailable", NULL));
}

/* The app's context with a NOC list that is there but unusable: the note says which file and
 * why, not that the list was not found. In a subprocess: the shared list is loaded once. */
static void
test_unusable_noc_list (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(DeclicDraft) draft = load_sample ();
      g_autoptr(DeclicValidateContext) ctx = NULL;
      g_autoptr(GPtrArray) findings = NULL;
      DeclicFinding *finding;
      const char *message;

      /* main () has read the good list by then: the broken one is named now. */
      g_setenv ("DECLIC_NOC_FILE", g_getenv ("TEST_UNUSABLE_NOC_FILE"), TRUE);
      g_test_expect_message ("declic-noc", G_LOG_LEVEL_WARNING, "*is not usable*");
      ctx = declic_validate_context_new_default ();
      g_test_assert_expected_messages ();
      g_assert_null (declic_validate_context_get_noc (ctx));
      findings = validate_at (draft, NULL, ctx);
      finding = declic_finding_list_find (findings, "noc.list_unavailable", "");
      g_assert_nonnull (finding);
      message = declic_finding_get_message (finding);
      g_test_message ("%s", message);
      g_assert_nonnull (strstr (message, g_getenv ("DECLIC_NOC_FILE")));
      g_assert_nonnull (strstr (message, "not usable"));
      g_assert_nonnull (strstr (message, "title_fr"));
      g_assert_null (strstr (message, "not found"));
      return;
    }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = NULL;
    int fd = g_file_open_tmp ("declic-noc-XXXXXX.csv", &path, &error);

    g_assert_no_error (error);
    close (fd);
    g_file_set_contents (path, "code,title_en,teer\n21231,A,1\n", -1, &error);
    g_assert_no_error (error);
    g_setenv ("TEST_UNUSABLE_NOC_FILE", path, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_unsetenv ("TEST_UNUSABLE_NOC_FILE");
    g_unlink (path);
    g_test_trap_assert_passed ();
  }
}

static void
test_messages_name_values (void)
{
  g_autoptr(DeclicDraft) draft = load_sample ();
  g_autoptr(GPtrArray) findings = NULL;
  DeclicFinding *finding;

  declic_draft_set_string (draft, "family.spouse.birth_date", "2010-11-23");
  declic_draft_set_string (draft, "education[0].end_date", "2026-12-01");
  findings = validate_at (draft, NULL, full_context);

  finding = declic_finding_list_find (findings, "family.spouse.birth_date.under_16", "family.spouse.birth_date");
  g_assert_nonnull (finding);
  g_assert_cmpint (declic_finding_get_section (finding), ==, DECLIC_SECTION_FAMILY);
  g_assert_cmpstr (declic_finding_get_message (finding), ==,
                   "The accompanying spouse is 15 years old on November 22, 2026; a spouse must be 16 or older when the DI is filed (possible from November 23, 2026).");

  finding = declic_finding_list_find (findings, "education.end_date.in_future", "education[0].end_date");
  g_assert_nonnull (finding);
  g_assert_true (g_str_has_prefix (declic_finding_get_message (finding), "Diploma 1: "));
  /* Dates in messages are written out in the messages' language (English here). */
  g_assert_nonnull (strstr (declic_finding_get_message (finding), "December 1, 2026"));
}

/* Messages are translated, with French typography (no-break spaces before the colon). */
static void
test_messages_french (void)
{
  const char *localedir = g_getenv ("DECLIC_LOCALEDIR");
  g_autofree char *mo = NULL;
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));
  g_autoptr(DeclicDraft) draft = load_sample ();
  g_autoptr(GPtrArray) findings = NULL;
  DeclicFinding *finding;

  if (localedir != NULL)
    mo = g_build_filename (localedir, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (mo == NULL || !g_file_test (mo, G_FILE_TEST_EXISTS) || g_strcmp0 (g_getenv ("LANG"), "C") == 0)
    {
      g_test_skip ("No compiled French catalogue, or plain LANG=C (which ignores LANGUAGE)");
      return;
    }

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "fr", TRUE);

  declic_draft_set_string (draft, "family.spouse.birth_date", "2010-11-23");
  declic_draft_set_number (draft, "work_history[1].hours_per_week", 29.5);
  findings = validate_at (draft, NULL, full_context);

  if (old_language != NULL)
    g_setenv ("LANGUAGE", old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  finding = declic_finding_list_find (findings, "family.spouse.birth_date.under_16", NULL);
  g_assert_nonnull (finding);
  g_assert_cmpstr (declic_finding_get_message (finding), ==,
                   "Le conjoint ou la conjointe qui accompagne a 15 ans le 22 novembre 2026\u00a0; il ou elle doit avoir 16 ans ou plus "
                   "au dépôt de la déclaration d’intérêt (possible à partir du 23 novembre 2026).");
  finding = declic_finding_list_find (findings, "work_history.hours_per_week.part_time", NULL);
  g_assert_nonnull (finding);
  g_assert_true (g_str_has_prefix (declic_finding_get_message (finding), "Période 2\u00a0: "));
}

/* -------------------------------------------------------------------------------------- */
/* Rules, table-driven                                                                    */

#define ABSENT (-1)

typedef struct
{
  const char *name;
  const char *edits[8];   /* "path=JSON" or "path=-", applied to the sample in order */
  const char *reference;  /* NULL: 2026-11-22 */
  const char *code;
  const char *path;       /* NULL: any path */
  int         severity;   /* a DeclicSeverity, or ABSENT when the finding must not appear */
} RuleCase;

static const RuleCase rule_cases[] = {
  /* Applicant 18+ on the reference date: 17 years 364 days vs 18 years. */
  { "age/17y364d", { "personal.birth_date=\"2008-11-23\"" }, NULL,
    "personal.birth_date.under_18", "personal.birth_date", DECLIC_SEVERITY_ERROR },
  { "age/18y", { "personal.birth_date=\"2008-11-22\"" }, NULL,
    "personal.birth_date.under_18", NULL, ABSENT },
  /* Born on 29 February: 18 on 1 March of a common year, still 17 on 28 February. */
  { "age/29feb-on-28feb", { "personal.birth_date=\"2008-02-29\"" }, "2026-02-28",
    "personal.birth_date.under_18", "personal.birth_date", DECLIC_SEVERITY_ERROR },
  { "age/29feb-on-1mar", { "personal.birth_date=\"2008-02-29\"" }, "2026-03-01",
    "personal.birth_date.under_18", NULL, ABSENT },
  { "age/birth-in-future", { "personal.birth_date=\"2026-11-23\"" }, NULL,
    "personal.birth_date.in_future", "personal.birth_date", DECLIC_SEVERITY_ERROR },
  { "age/birth-today-no-under-18-twice", { "personal.birth_date=\"2026-11-23\"" }, NULL,
    "personal.birth_date.under_18", NULL, ABSENT },
  { "age/invalid-date", { "personal.birth_date=\"14/03/1991\"" }, NULL,
    "personal.birth_date.invalid", "personal.birth_date", DECLIC_SEVERITY_ERROR },
  { "age/implausible", { "personal.birth_date=\"1920-01-01\"" }, NULL,
    "personal.birth_date.implausible", "personal.birth_date", DECLIC_SEVERITY_WARNING },

  /* Accompanying spouse 16+: 15 years 364 days vs 16 years. */
  { "spouse/15y364d", { "family.spouse.birth_date=\"2010-11-23\"" }, NULL,
    "family.spouse.birth_date.under_16", "family.spouse.birth_date", DECLIC_SEVERITY_ERROR },
  { "spouse/16y", { "family.spouse.birth_date=\"2010-11-22\"" }, NULL,
    "family.spouse.birth_date.under_16", NULL, ABSENT },
  { "spouse/29feb-on-28feb", { "family.spouse.birth_date=\"2008-02-29\"" }, "2024-02-28",
    "family.spouse.birth_date.under_16", NULL, DECLIC_SEVERITY_ERROR },
  { "spouse/29feb-on-29feb", { "family.spouse.birth_date=\"2008-02-29\"" }, "2024-02-29",
    "family.spouse.birth_date.under_16", NULL, ABSENT },
  { "spouse/names-required", { "family.spouse.given_names=-" }, NULL,
    "family.spouse.given_names.required", "family.spouse.given_names", DECLIC_SEVERITY_ERROR },
  { "spouse/birth-required", { "family.spouse.birth_date=-" }, NULL,
    "family.spouse.birth_date.required", "family.spouse.birth_date", DECLIC_SEVERITY_ERROR },
  { "spouse/education-required", { "family.spouse.education_level=-" }, NULL,
    "family.spouse.education_level.required", "family.spouse.education_level", DECLIC_SEVERITY_ERROR },
  { "spouse/accompanies-unanswered", { "family.spouse_accompanies=-" }, NULL,
    "family.spouse_accompanies.required", "family.spouse_accompanies", DECLIC_SEVERITY_ERROR },
  { "spouse/not-accompanying", { "family.spouse_accompanies=false" }, NULL,
    "family.spouse.not_accompanying", "family.spouse", DECLIC_SEVERITY_WARNING },
  { "spouse/not-accompanying-no-errors", { "family.spouse_accompanies=false", "family.spouse.birth_date=-" }, NULL,
    "family.spouse.birth_date.required", NULL, ABSENT },
  { "spouse/single", { "family.marital_status=\"single\"" }, NULL,
    "family.spouse_accompanies.not_in_union", "family.spouse_accompanies", DECLIC_SEVERITY_ERROR },
  { "spouse/single-unanswered-fine", { "family.marital_status=\"single\"", "family.spouse_accompanies=-", "family.spouse=-" }, NULL,
    "family.spouse_accompanies.required", NULL, ABSENT },
  { "spouse/di-number-looks-empty", { "family.spouse.di_number=\" - \"" }, NULL,
    "family.spouse.di_number.empty", "family.spouse.di_number", DECLIC_SEVERITY_WARNING },
  { "spouse/di-number-free-form", { "family.spouse.di_number=\"DI 2026/0042-x\"" }, NULL,
    "family.spouse.di_number.empty", NULL, ABSENT },
  { "spouse/di-number-under-18", { "family.spouse.di_number=\"12345\"", "family.spouse.birth_date=\"2008-11-23\"" }, NULL,
    "family.spouse.di_number.under_18", "family.spouse.di_number", DECLIC_SEVERITY_WARNING },
  { "spouse/di-number-18", { "family.spouse.di_number=\"12345\"", "family.spouse.birth_date=\"2008-11-22\"" }, NULL,
    "family.spouse.di_number.under_18", NULL, ABSENT },
  { "spouse/ielts-under-french", { "family.spouse.french.results[0].test=\"ielts_general\"" }, NULL,
    "family.spouse.french.results.test.wrong_language", "family.spouse.french.results[0].test", DECLIC_SEVERITY_ERROR },

  /* De facto union: at least one year of living together. */
  { "union/de-facto-1y", { "family.marital_status=\"de_facto\"", "family.union_date=\"2025-11-22\"" }, NULL,
    "family.union_date.under_1_year", NULL, ABSENT },
  { "union/de-facto-1y-minus-1d", { "family.marital_status=\"de_facto\"", "family.union_date=\"2025-11-23\"" }, NULL,
    "family.union_date.under_1_year", "family.union_date", DECLIC_SEVERITY_ERROR },
  { "union/de-facto-no-date", { "family.marital_status=\"de_facto\"", "family.union_date=-" }, NULL,
    "family.union_date.missing", "family.union_date", DECLIC_SEVERITY_WARNING },
  { "union/married-recently-fine", { "family.union_date=\"2026-11-01\"" }, NULL,
    "family.union_date.under_1_year", NULL, ABSENT },
  { "union/in-future", { "family.union_date=\"2026-11-23\"" }, NULL,
    "family.union_date.in_future", "family.union_date", DECLIC_SEVERITY_ERROR },
  { "union/marital-status-required", { "family.marital_status=-" }, NULL,
    "family.marital_status.required", "family.marital_status", DECLIC_SEVERITY_ERROR },

  /* Children. */
  { "children/birth-required", { "family.children[0].birth_date=-" }, NULL,
    "family.children.birth_date.required", "family.children[0].birth_date", DECLIC_SEVERITY_ERROR },
  { "children/birth-tomorrow", { "family.children[0].birth_date=\"2026-11-23\"" }, NULL,
    "family.children.birth_date.in_future", "family.children[0].birth_date", DECLIC_SEVERITY_ERROR },
  { "children/birth-today", { "family.children[0].birth_date=\"2026-11-22\"" }, NULL,
    "family.children.birth_date.in_future", NULL, ABSENT },

  /* Personal information: required fields and codes. */
  { "personal/family-names", { "personal.family_names=-" }, NULL,
    "personal.family_names.required", "personal.family_names", DECLIC_SEVERITY_ERROR },
  { "personal/given-names-blank", { "personal.given_names=\"   \"" }, NULL,
    "personal.given_names.required", "personal.given_names", DECLIC_SEVERITY_ERROR },
  { "personal/sex", { "personal.sex=-" }, NULL,
    "personal.sex.required", "personal.sex", DECLIC_SEVERITY_ERROR },
  { "personal/birth-date", { "personal.birth_date=-" }, NULL,
    "personal.birth_date.required", "personal.birth_date", DECLIC_SEVERITY_ERROR },
  { "personal/birth-country", { "personal.birth_country=-" }, NULL,
    "personal.birth_country.required", "personal.birth_country", DECLIC_SEVERITY_ERROR },
  { "personal/birth-country-invalid", { "personal.birth_country=\"XX\"" }, NULL,
    "personal.birth_country.invalid", "personal.birth_country", DECLIC_SEVERITY_ERROR },
  { "personal/citizenships", { "personal.citizenships=-" }, NULL,
    "personal.citizenships.required", "personal.citizenships", DECLIC_SEVERITY_ERROR },
  { "personal/citizenship-invalid", { "personal.citizenships[1]=\"ZZ\"" }, NULL,
    "personal.citizenships.invalid", "personal.citizenships[1]", DECLIC_SEVERITY_ERROR },
  { "personal/passport-number", { "personal.passport.number=-" }, NULL,
    "personal.passport.number.required", "personal.passport.number", DECLIC_SEVERITY_ERROR },
  { "personal/passport-country", { "personal.passport.issuing_country=-" }, NULL,
    "personal.passport.issuing_country.required", "personal.passport.issuing_country", DECLIC_SEVERITY_ERROR },
  { "personal/passport-not-citizenship", { "personal.passport.issuing_country=\"BE\"" }, NULL,
    "personal.passport.issuing_country.not_citizenship", "personal.passport.issuing_country", DECLIC_SEVERITY_WARNING },
  { "personal/passport-expiry", { "personal.passport.expiry_date=-" }, NULL,
    "personal.passport.expiry_date.required", "personal.passport.expiry_date", DECLIC_SEVERITY_ERROR },
  { "personal/passport-expired", { "personal.passport.expiry_date=\"2026-11-21\"" }, NULL,
    "personal.passport.expiry_date.expired", "personal.passport.expiry_date", DECLIC_SEVERITY_WARNING },
  { "personal/passport-expires-today", { "personal.passport.expiry_date=\"2026-11-22\"" }, NULL,
    "personal.passport.expiry_date.expired", NULL, ABSENT },
  { "personal/other-name-empty", { "personal.other_names[0].family_names=\" \"" }, NULL,
    "personal.other_names.empty", "personal.other_names[0]", DECLIC_SEVERITY_WARNING },

  /* Contact details. */
  { "contact/email", { "contact.email=-" }, NULL,
    "contact.email.required", "contact.email", DECLIC_SEVERITY_ERROR },
  { "contact/email-no-at", { "contact.email=\"julien.example.org\"" }, NULL,
    "contact.email.invalid", "contact.email", DECLIC_SEVERITY_ERROR },
  { "contact/email-no-dot", { "contact.email=\"julien@example\"" }, NULL,
    "contact.email.invalid", "contact.email", DECLIC_SEVERITY_ERROR },
  { "contact/email-space", { "contact.email=\"julien marchand@example.org\"" }, NULL,
    "contact.email.invalid", "contact.email", DECLIC_SEVERITY_ERROR },
  { "contact/email-plus", { "contact.email=\"j.marchand+di@exemple.fr\"" }, NULL,
    "contact.email.invalid", NULL, ABSENT },
  { "contact/phone", { "contact.phone=-" }, NULL,
    "contact.phone.required", "contact.phone", DECLIC_SEVERITY_ERROR },
  { "contact/phone-6-digits", { "contact.phone=\"12 34 56\"" }, NULL,
    "contact.phone.invalid", "contact.phone", DECLIC_SEVERITY_ERROR },
  { "contact/phone-7-digits", { "contact.phone=\"555-0123\"" }, NULL,
    "contact.phone.invalid", NULL, ABSENT },
  { "contact/phone-letters", { "contact.phone=\"+1 514 CALL NOW\"" }, NULL,
    "contact.phone.invalid", "contact.phone", DECLIC_SEVERITY_ERROR },
  { "contact/phone-plus-inside", { "contact.phone=\"514+5550123\"" }, NULL,
    "contact.phone.invalid", "contact.phone", DECLIC_SEVERITY_ERROR },
  { "contact/phone-north-american", { "contact.phone=\"+1 (514) 555-0123\"" }, NULL,
    "contact.phone.invalid", NULL, ABSENT },
  { "contact/city", { "contact.address.city=-" }, NULL,
    "contact.address.city.required", "contact.address.city", DECLIC_SEVERITY_ERROR },
  { "contact/country", { "contact.address.country=-" }, NULL,
    "contact.address.country.required", "contact.address.country", DECLIC_SEVERITY_ERROR },
  { "contact/postal-code-required", { "contact.address.postal_code=-" }, NULL,
    "contact.address.postal_code.required", "contact.address.postal_code", DECLIC_SEVERITY_ERROR },
  { "contact/postal-code-invalid", { "contact.address.postal_code=\"6900\"" }, NULL,
    "contact.address.postal_code.invalid", "contact.address.postal_code", DECLIC_SEVERITY_ERROR },
  { "contact/postal-code-unknown-format", { "contact.address.country=\"CM\"", "contact.address.postal_code=-" }, NULL,
    "contact.address.postal_code.required", NULL, ABSENT },
  { "contact/canada-needs-province", { "contact.address.country=\"CA\"", "contact.address.postal_code=\"H2X 1Y4\"" }, NULL,
    "contact.address.subdivision.required", "contact.address.subdivision", DECLIC_SEVERITY_ERROR },
  { "contact/canada-bad-province", { "contact.address.country=\"CA\"", "contact.address.postal_code=\"H2X 1Y4\"", "contact.address.subdivision=\"CA-XX\"" }, NULL,
    "contact.address.subdivision.invalid", "contact.address.subdivision", DECLIC_SEVERITY_ERROR },
  { "contact/canada-name-not-code", { "contact.address.country=\"CA\"", "contact.address.postal_code=\"H2X 1Y4\"", "contact.address.subdivision=\"Québec\"" }, NULL,
    "contact.address.subdivision.invalid", "contact.address.subdivision", DECLIC_SEVERITY_ERROR },
  { "contact/canada-quebec", { "contact.address.country=\"CA\"", "contact.address.postal_code=\"h2x1y4\"", "contact.address.subdivision=\"CA-QC\"" }, NULL,
    "contact.address.subdivision.invalid", NULL, ABSENT },
  { "contact/canada-postal-code", { "contact.address.country=\"CA\"", "contact.address.subdivision=\"CA-QC\"", "contact.address.postal_code=\"69002\"" }, NULL,
    "contact.address.postal_code.invalid", "contact.address.postal_code", DECLIC_SEVERITY_ERROR },
  { "contact/subdivision-other-country", { "contact.address.subdivision=\"CA-QC\"" }, NULL,
    "contact.address.subdivision.other_country", "contact.address.subdivision", DECLIC_SEVERITY_ERROR },
  { "contact/subdivision-free-text", { "contact.address.subdivision=\"Auvergne-Rhône-Alpes\"" }, NULL,
    "contact.address.subdivision.invalid", NULL, ABSENT },
  { "contact/residence-country", { "contact.residence_country=-" }, NULL,
    "contact.residence_country.required", "contact.residence_country", DECLIC_SEVERITY_ERROR },
  { "contact/residence-status", { "contact.residence_status=-" }, NULL,
    "contact.residence_status.required", "contact.residence_status", DECLIC_SEVERITY_ERROR },

  /* Education. */
  { "education/none", { "education=-", "work_history[0].type=\"work\"" }, NULL,
    "education.empty", "education", DECLIC_SEVERITY_ERROR },
  { "education/title", { "education[0].title=-" }, NULL,
    "education.title.required", "education[0].title", DECLIC_SEVERITY_ERROR },
  { "education/start", { "education[0].start_date=-" }, NULL,
    "education.start_date.required", "education[0].start_date", DECLIC_SEVERITY_ERROR },
  { "education/end", { "education[0].end_date=-" }, NULL,
    "education.end_date.required", "education[0].end_date", DECLIC_SEVERITY_ERROR },
  { "education/ongoing-no-end", { "education[0].end_date=-", "education[0].ongoing=true" }, NULL,
    "education.end_date.required", NULL, ABSENT },
  { "education/ongoing-expected-end", { "education[0].end_date=\"2027-06-30\"", "education[0].ongoing=true" }, NULL,
    "education.end_date.in_future", NULL, ABSENT },
  { "education/ongoing-but-ended", { "education[0].ongoing=true" }, NULL,
    "education.ongoing.ended", "education[0].ongoing", DECLIC_SEVERITY_WARNING },
  { "education/end-tomorrow", { "education[0].end_date=\"2026-11-23\"" }, NULL,
    "education.end_date.in_future", "education[0].end_date", DECLIC_SEVERITY_ERROR },
  { "education/end-today", { "education[0].end_date=\"2026-11-22\"" }, NULL,
    "education.end_date.in_future", NULL, ABSENT },
  { "education/start-equals-end", { "education[0].end_date=\"2009-09-01\"" }, NULL,
    "education.end_date.before_start", "education[0].end_date", DECLIC_SEVERITY_ERROR },
  { "education/end-day-after-start", { "education[0].end_date=\"2009-09-02\"" }, NULL,
    "education.end_date.before_start", NULL, ABSENT },
  { "education/institution", { "education[0].institution=-" }, NULL,
    "education.institution.required", "education[0].institution", DECLIC_SEVERITY_ERROR },
  { "education/country", { "education[0].country=-" }, NULL,
    "education.country.required", "education[0].country", DECLIC_SEVERITY_ERROR },
  { "education/canada-province", { "education[0].country=\"CA\"" }, NULL,
    "education.subdivision.required", "education[0].subdivision", DECLIC_SEVERITY_ERROR },
  { "education/level", { "education[0].level=-" }, NULL,
    "education.level.required", "education[0].level", DECLIC_SEVERITY_ERROR },
  { "education/level-none", { "education[0].level=\"none\"" }, NULL,
    "education.level.none", "education[0].level", DECLIC_SEVERITY_WARNING },
  { "education/part-time", { "education[0].full_time=false" }, NULL,
    "education.full_time.does_not_count", "education[0].full_time", DECLIC_SEVERITY_WARNING },
  { "education/11-months", { "education[0].official_length=11", "education[0].official_length_unit=\"months\"" }, NULL,
    "education.official_length.does_not_count", "education[0].official_length", DECLIC_SEVERITY_WARNING },
  { "education/12-months", { "education[0].official_length=12", "education[0].official_length_unit=\"months\"" }, NULL,
    "education.official_length.does_not_count", NULL, ABSENT },
  { "education/899-hours", { "education[0].official_length=899", "education[0].official_length_unit=\"hours\"" }, NULL,
    "education.official_length.does_not_count", "education[0].official_length", DECLIC_SEVERITY_WARNING },
  { "education/900-hours", { "education[0].official_length=900", "education[0].official_length_unit=\"hours\"" }, NULL,
    "education.official_length.does_not_count", NULL, ABSENT },
  { "education/half-year", { "education[0].official_length=0.5" }, NULL,
    "education.official_length.does_not_count", "education[0].official_length", DECLIC_SEVERITY_WARNING },
  { "education/quebec-dep-600h", { "education[0].official_length=600", "education[0].official_length_unit=\"hours\"",
                                   "education[0].level=\"secondary_vocational_600\"", "education[0].quebec_diploma=true",
                                   "education[0].country=\"CA\"", "education[0].subdivision=\"CA-QC\"" }, NULL,
    "education.official_length.does_not_count", NULL, ABSENT },
  { "education/quebec-diploma-from-france", { "education[0].quebec_diploma=true" }, NULL,
    "education.quebec_diploma.outside_quebec", "education[0].quebec_diploma", DECLIC_SEVERITY_WARNING },

  /* Work history. */
  { "work/29.5h-part-time", { "work_history[1].hours_per_week=29.5" }, NULL,
    "work_history.hours_per_week.part_time", "work_history[1].hours_per_week", DECLIC_SEVERITY_INFO },
  { "work/29.5h-not-full-time", { "work_history[1].hours_per_week=29.5" }, NULL,
    "work_history.hours_per_week.full_time", "work_history[1].hours_per_week", ABSENT },
  { "work/30h-full-time", { "work_history[1].hours_per_week=30" }, NULL,
    "work_history.hours_per_week.full_time", "work_history[1].hours_per_week", DECLIC_SEVERITY_INFO },
  { "work/0h", { "work_history[1].hours_per_week=0" }, NULL,
    "work_history.hours_per_week.invalid", "work_history[1].hours_per_week", DECLIC_SEVERITY_ERROR },
  { "work/hours-required", { "work_history[1].hours_per_week=-" }, NULL,
    "work_history.hours_per_week.required", "work_history[1].hours_per_week", DECLIC_SEVERITY_ERROR },
  { "work/type", { "work_history[0].type=-" }, NULL,
    "work_history.type.required", "work_history[0].type", DECLIC_SEVERITY_ERROR },
  { "work/job-title", { "work_history[1].job_title=-" }, NULL,
    "work_history.job_title.required", "work_history[1].job_title", DECLIC_SEVERITY_ERROR },
  { "work/noc-required", { "work_history[1].noc_code=-" }, NULL,
    "work_history.noc_code.required", "work_history[1].noc_code", DECLIC_SEVERITY_ERROR },
  { "work/noc-4-digits", { "work_history[1].noc_code=\"2123\"" }, NULL,
    "work_history.noc_code.invalid", "work_history[1].noc_code", DECLIC_SEVERITY_ERROR },
  { "work/noc-teer-6", { "work_history[1].noc_code=\"26231\"" }, NULL,
    "work_history.noc_code.invalid", "work_history[1].noc_code", DECLIC_SEVERITY_ERROR },
  { "work/noc-unknown", { "work_history[1].noc_code=\"21299\"" }, NULL,
    "work_history.noc_code.unknown", "work_history[1].noc_code", DECLIC_SEVERITY_ERROR },
  { "work/employer", { "work_history[1].employer=-" }, NULL,
    "work_history.employer.required", "work_history[1].employer", DECLIC_SEVERITY_ERROR },
  { "work/country", { "work_history[1].country=-" }, NULL,
    "work_history.country.required", "work_history[1].country", DECLIC_SEVERITY_ERROR },
  { "work/canada-province", { "work_history[1].country=\"CA\"" }, NULL,
    "work_history.subdivision.required", "work_history[1].subdivision", DECLIC_SEVERITY_ERROR },
  { "work/start", { "work_history[0].start_date=-" }, NULL,
    "work_history.start_date.required", "work_history[0].start_date", DECLIC_SEVERITY_ERROR },
  { "work/end", { "work_history[0].end_date=-" }, NULL,
    "work_history.end_date.required", "work_history[0].end_date", DECLIC_SEVERITY_ERROR },
  { "work/start-tomorrow", { "work_history[1].start_date=\"2026-11-23\"" }, NULL,
    "work_history.start_date.in_future", "work_history[1].start_date", DECLIC_SEVERITY_ERROR },
  { "work/end-before-start", { "work_history[0].end_date=\"2014-08-31\"" }, NULL,
    "work_history.end_date.before_start", "work_history[0].end_date", DECLIC_SEVERITY_ERROR },
  { "work/start-equals-end", { "work_history[0].end_date=\"2014-09-01\"" }, NULL,
    "work_history.end_date.before_start", NULL, ABSENT },
  { "work/end-in-future", { "work_history[1].ongoing=false", "work_history[1].end_date=\"2026-11-23\"" }, NULL,
    "work_history.end_date.in_future", "work_history[1].end_date", DECLIC_SEVERITY_WARNING },
  { "work/internship-paid", { "work_history[2].type=\"internship\"", "work_history[2].start_date=\"2014-03-01\"",
                              "work_history[2].end_date=\"2014-06-30\"" }, NULL,
    "work_history.paid.required", "work_history[2].paid", DECLIC_SEVERITY_ERROR },
  { "work/internship-paid-answered", { "work_history[2].type=\"internship\"", "work_history[2].start_date=\"2014-03-01\"",
                                       "work_history[2].end_date=\"2014-06-30\"", "work_history[2].paid=false" }, NULL,
    "work_history.paid.required", NULL, ABSENT },
  { "work/inactivity-needs-dates-only", { "work_history[2].type=\"inactivity\"", "work_history[2].start_date=\"2014-07-01\"",
                                          "work_history[2].end_date=\"2014-08-31\"" }, NULL,
    "work_history.job_title.required", NULL, ABSENT },
  /* Two full-time jobs overlapping by one day, then touching. */
  { "work/overlap-1-day", { "work_history[0].end_date=\"2019-09-02\"" }, NULL,
    "work_history.overlap", "work_history[1]", DECLIC_SEVERITY_WARNING },
  { "work/no-overlap", { "work_history[0].end_date=\"2019-09-01\"" }, NULL,
    "work_history.overlap", NULL, ABSENT },
  { "work/overlap-part-time", { "work_history[0].end_date=\"2020-12-31\"", "work_history[0].hours_per_week=20" }, NULL,
    "work_history.overlap", NULL, ABSENT },
  /* The 5 years before 2026-11-22 start on 2021-11-22; gaps of 31 days or less are tolerated. */
  { "work/gap-31-days", { "work_history[1].start_date=\"2021-12-23\"" }, NULL,
    "work_history.gap", NULL, ABSENT },
  { "work/gap-32-days", { "work_history[1].start_date=\"2021-12-24\"" }, NULL,
    "work_history.gap", "work_history", DECLIC_SEVERITY_WARNING },
  { "work/gap-at-end", { "work_history[1].ongoing=false", "work_history[1].end_date=\"2026-06-30\"" }, NULL,
    "work_history.gap", "work_history", DECLIC_SEVERITY_WARNING },
  { "work/gap-filled-by-studies", { "work_history[1].start_date=\"2022-09-01\"", "work_history[2].type=\"studies\"",
                                    "work_history[2].start_date=\"2021-09-01\"", "work_history[2].end_date=\"2022-08-31\"" }, NULL,
    "work_history.gap", NULL, ABSENT },
  { "work/empty", { "work_history=-" }, NULL,
    "work.empty", "work_history", DECLIC_SEVERITY_ERROR },

  /* Validated job offer. */
  { "offer/unanswered", { "job_offer.has_offer=-", "job_offer.employer=\"X\"" }, NULL,
    "job_offer.has_offer.required", "job_offer.has_offer", DECLIC_SEVERITY_ERROR },
  { "offer/details", { "job_offer.has_offer=true" }, NULL,
    "job_offer.validation_number.required", "job_offer.validation_number", DECLIC_SEVERITY_ERROR },
  { "offer/noc", { "job_offer.has_offer=true" }, NULL,
    "job_offer.noc_code.required", "job_offer.noc_code", DECLIC_SEVERITY_ERROR },
  { "offer/cmm", { "job_offer.has_offer=true" }, NULL,
    "job_offer.inside_cmm.required", "job_offer.inside_cmm", DECLIC_SEVERITY_ERROR },
  { "offer/validation-tomorrow", { "job_offer.has_offer=true", "job_offer.validation_date=\"2026-11-23\"" }, NULL,
    "job_offer.validation_date.in_future", "job_offer.validation_date", DECLIC_SEVERITY_ERROR },
  { "offer/validation-today", { "job_offer.has_offer=true", "job_offer.validation_date=\"2026-11-22\"" }, NULL,
    "job_offer.validation_date.in_future", NULL, ABSENT },

  /* Language results: valid 2 years, expiring on the second anniversary of the results date. */
  { "language/exactly-2-years", { "french.results[0].result_date=\"2024-11-22\"" }, NULL,
    "french.results.result_date.expired", "french.results[0].result_date", DECLIC_SEVERITY_ERROR },
  { "language/2-years-minus-1-day", { "french.results[0].result_date=\"2024-11-23\"" }, NULL,
    "french.results.result_date.expired", NULL, ABSENT },
  { "language/expired-but-newer-result", { "english.results[1].test=\"ielts_general\"", "english.results[1].result_date=\"2023-01-10\"",
                                           "english.results[1].listening.score=6", "english.results[1].speaking.score=6",
                                           "english.results[1].reading.score=6", "english.results[1].writing.score=6" }, NULL,
    "english.results.result_date.expired", "english.results[1].result_date", DECLIC_SEVERITY_WARNING },
  { "language/result-tomorrow", { "french.results[0].result_date=\"2026-11-23\"" }, NULL,
    "french.results.result_date.in_future", "french.results[0].result_date", DECLIC_SEVERITY_ERROR },
  { "language/result-date-required", { "french.results[0].result_date=-" }, NULL,
    "french.results.result_date.required", "french.results[0].result_date", DECLIC_SEVERITY_ERROR },
  { "language/test-required", { "french.results[0].test=-" }, NULL,
    "french.results.test.required", "french.results[0].test", DECLIC_SEVERITY_ERROR },
  { "language/ielts-under-french", { "french.results[0].test=\"ielts_general\"" }, NULL,
    "french.results.test.wrong_language", "french.results[0].test", DECLIC_SEVERITY_ERROR },
  { "language/tef-under-english", { "english.results[0].test=\"tef_canada\"" }, NULL,
    "english.results.test.wrong_language", "english.results[0].test", DECLIC_SEVERITY_ERROR },
  { "language/celpip-unknown", { "english.results[0].test=\"celpip_general\"", "english.results[0].listening.score=9",
                                 "english.results[0].speaking.score=9", "english.results[0].reading.score=9",
                                 "english.results[0].writing.score=9" }, NULL,
    "english.results.test.acceptance_unknown", "english.results[0].test", DECLIC_SEVERITY_WARNING },
  { "language/skill-missing", { "french.results[0].writing=-" }, NULL,
    "french.results.writing.required", "french.results[0].writing", DECLIC_SEVERITY_ERROR },
  { "language/level-13", { "french.results[0].listening.level=13" }, NULL,
    "french.results.listening.level.out_of_range", "french.results[0].listening.level", DECLIC_SEVERITY_ERROR },
  { "language/level-0", { "french.results[0].listening.level=0" }, NULL,
    "french.results.listening.level.out_of_range", "french.results[0].listening.level", DECLIC_SEVERITY_ERROR },
  { "language/level-12", { "french.results[0].listening.score=-", "french.results[0].listening.level=12",
                           "french.results[0].test=\"dalf\"" }, NULL,
    "french.results.listening.level.out_of_range", NULL, ABSENT },
  { "language/level-by-hand", { "french.results[0].listening.score=-", "french.results[0].listening.level=9" }, NULL,
    "french.results.listening.level.override", "french.results[0].listening.level", DECLIC_SEVERITY_INFO },
  { "language/level-differs-from-table", { "french.results[0].listening.level=8" }, NULL,
    "french.results.listening.level.override", "french.results[0].listening.level", DECLIC_SEVERITY_INFO },
  { "language/level-matches-table", { "french.results[0].listening.level=10" }, NULL,
    "french.results.listening.level.override", NULL, ABSENT },
  { "language/level-no-table-is-no-override", { "french.results[0].test=\"tefaq\"", "french.results[0].listening.score=-",
                                                "french.results[0].listening.level=7" }, NULL,
    "french.results.listening.level.override", NULL, ABSENT },
  { "language/score-without-table", { "french.results[0].test=\"tefaq\"" }, NULL,
    "french.results.listening.level.required", "french.results[0].listening.level", DECLIC_SEVERITY_ERROR },
  { "language/score-out-of-scale", { "french.results[0].listening.score=700" }, NULL,
    "french.results.listening.score.invalid", "french.results[0].listening.score", DECLIC_SEVERITY_ERROR },
  { "language/no-result-and-results", { "french.no_result=true" }, NULL,
    "french.no_result.conflict", "french.no_result", DECLIC_SEVERITY_ERROR },
  { "language/neither", { "english.results=-" }, NULL,
    "english.required", "english", DECLIC_SEVERITY_ERROR },
  { "language/no-result", { "english.results=-", "english.no_result=true" }, NULL,
    "english.required", NULL, ABSENT },
  { "language/empty", { "french=-" }, NULL,
    "french.empty", "french", DECLIC_SEVERITY_ERROR },

  /* Consent. */
  { "consent/information-true", { "consent.information_true=false" }, NULL,
    "consent.information_true.required", "consent.information_true", DECLIC_SEVERITY_ERROR },
  { "consent/personal-information", { "consent.personal_information=-" }, NULL,
    "consent.personal_information.required", "consent.personal_information", DECLIC_SEVERITY_ERROR },
};

/* DI.md §3.2: a diploma of under a year of full-time study does not count; when none counts,
 * the DI cannot be filed, and the error says what to check. */
static void
test_education_none_counts (void)
{
  g_autoptr(DeclicDraft) draft = load_sample ();
  g_autoptr(GPtrArray) fine = NULL;
  g_autoptr(GPtrArray) short_only = NULL;
  g_autoptr(GPtrArray) with_second = NULL;
  DeclicFinding *finding;
  guint second;

  fine = validate_at (draft, NULL, full_context);
  g_assert_null (declic_finding_list_find (fine, "education.none_counts", NULL));
  g_assert_true (declic_validate_can_file (fine, draft));

  /* A master's of 8 months: mistyped, or truly too short. */
  declic_draft_set_number (draft, "education[0].official_length", 8);
  declic_draft_set_string (draft, "education[0].official_length_unit", "months");
  short_only = validate_at (draft, NULL, full_context);
  finding = declic_finding_list_find (short_only, "education.none_counts", "education");
  g_assert_nonnull (finding);
  g_assert_cmpint (declic_finding_get_severity (finding), ==, DECLIC_SEVERITY_ERROR);
  g_assert_nonnull (strstr (declic_finding_get_message (finding), "mistyped"));
  finding = declic_finding_list_find (short_only, "education.official_length.does_not_count", "education[0].official_length");
  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (declic_finding_get_message (finding), "8 months"));
  g_assert_false (declic_validate_can_file (short_only, draft));

  /* A second diploma that counts: the first only earns nothing. */
  second = declic_draft_append_item (draft, "education");
  {
    static const char *fields[] = { "title", "start_date", "end_date", "institution", "country", "level" };
    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        g_autofree char *from = g_strdup_printf ("education[0].%s", fields[i]);
        g_autofree char *to = g_strdup_printf ("education[%u].%s", second, fields[i]);
        declic_draft_set_string (draft, to, declic_draft_get_string (draft, from));
      }
  }
  with_second = validate_at (draft, NULL, full_context);
  print_findings (with_second);
  g_assert_null (declic_finding_list_find (with_second, "education.none_counts", NULL));
  g_assert_nonnull (declic_finding_list_find (with_second, "education.official_length.does_not_count", "education[0].official_length"));
  g_assert_true (declic_validate_can_file (with_second, draft));
}

static void
test_rule (gconstpointer data)
{
  const RuleCase *rule = data;
  g_autoptr(DeclicDraft) draft = load_sample ();
  g_autoptr(GPtrArray) findings = NULL;
  DeclicFinding *finding;

  for (guint i = 0; i < G_N_ELEMENTS (rule->edits) && rule->edits[i] != NULL; i++)
    apply_edit (draft, rule->edits[i]);

  findings = validate_at (draft, rule->reference, full_context);
  print_findings (findings);
  finding = declic_finding_list_find (findings, rule->code, rule->path);

  if (rule->severity == ABSENT)
    {
      g_assert_null (finding);
      return;
    }

  g_assert_nonnull (finding);
  g_assert_cmpint (declic_finding_get_severity (finding), ==, rule->severity);
  g_assert_cmpstr (declic_finding_get_message (finding), !=, "");
  /* Every finding but the notes on missing reference data belongs to a section. */
  g_assert_cmpint (declic_finding_get_section (finding), !=, DECLIC_SECTION_NONE);
  if (rule->severity == DECLIC_SEVERITY_ERROR)
    g_assert_false (declic_validate_can_file (findings, draft));
}

/* A new draft: its blocking errors are all fields to fill, and the list, the CLI and the wizard
 * say so in the same words. A value typed wrong is an error, not a field to fill. */
static void
test_to_fill (void)
{
  g_autoptr(DeclicDraft) draft = declic_draft_new ();
  g_autoptr(GPtrArray) findings = validate_at (draft, NULL, NULL);
  guint n_errors = declic_finding_list_count (findings, DECLIC_SECTION_NONE, DECLIC_SEVERITY_ERROR);
  guint n_to_fill = declic_finding_list_count_to_fill (findings, DECLIC_SECTION_NONE);
  g_autofree char *counts = declic_finding_format_counts (n_errors, n_to_fill);
  g_autofree char *expected = g_strdup_printf ("%u fields to fill", n_errors);
  g_autofree char *mixed = NULL;
  g_autofree char *one = NULL;

  g_assert_cmpuint (n_errors, >, 1);
  g_assert_cmpuint (n_to_fill, ==, n_errors);
  g_assert_cmpstr (counts, ==, expected);
  for (guint i = 0; i < findings->len; i++)
    {
      DeclicFinding *finding = g_ptr_array_index (findings, i);

      g_assert_true (declic_finding_is_to_fill (finding) ==
                     (declic_finding_get_severity (finding) == DECLIC_SEVERITY_ERROR));
    }

  g_clear_pointer (&findings, g_ptr_array_unref);
  declic_draft_set_string (draft, "personal.birth_date", "1990-13-45");
  findings = validate_at (draft, NULL, NULL);
  g_assert_false (declic_finding_is_to_fill (declic_finding_list_find (findings, "personal.birth_date.invalid", NULL)));
  g_assert_cmpuint (declic_finding_list_count_to_fill (findings, DECLIC_SECTION_NONE), <,
                    declic_finding_list_count (findings, DECLIC_SECTION_NONE, DECLIC_SEVERITY_ERROR));

  mixed = declic_finding_format_counts (3, 1);
  g_assert_cmpstr (mixed, ==, "2 errors, 1 field to fill");
  one = declic_finding_format_counts (1, 0);
  g_assert_cmpstr (one, ==, "1 error");
  g_assert_null (declic_finding_format_counts (0, 0));
}

int
main (int   argc,
      char *argv[])
{
  const char *noc_file = g_getenv ("DECLIC_NOC_FILE");
  g_autoptr(DeclicNoc) noc = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (noc_file);
  noc = declic_noc_new_from_file (noc_file, &error);
  g_assert_no_error (error);
  full_context = declic_validate_context_new (noc, declic_countries_get_default ());
  g_assert_nonnull (declic_validate_context_get_countries (full_context));
  declic_validate_context_set_language_tables (full_context, declic_language_tables_get_default ());
  g_assert_nonnull (declic_validate_context_get_language_tables (full_context));

  g_test_add_func ("/finding/new", test_finding_new);
  g_test_add_func ("/finding/list", test_finding_list);
  g_test_add_func ("/finding/to-fill", test_to_fill);
  g_test_add_func ("/validate/sample-complete", test_sample_complete);
  g_test_add_func ("/validate/education-none-counts", test_education_none_counts);
  g_test_add_func ("/validate/sample-without-consent", test_sample_without_consent);
  g_test_add_func ("/validate/empty-draft", test_empty_draft);
  g_test_add_func ("/validate/representative", test_representative);
  g_test_add_func ("/validate/without-reference-data", test_without_reference_data);
  g_test_add_func ("/validate/unusable-noc-list", test_unusable_noc_list);
  g_test_add_func ("/validate/messages-name-values", test_messages_name_values);
  g_test_add_func ("/validate/messages-french", test_messages_french);
  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      g_autofree char *name = g_strconcat ("/validate/rule/", rule_cases[i].name, NULL);
      g_test_add_data_func (name, &rule_cases[i], test_rule);
    }

  status = g_test_run ();
  declic_validate_context_unref (full_context);
  return status;
}
