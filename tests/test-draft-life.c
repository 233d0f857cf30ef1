/* test-draft-life.c: the DI after filing: its stage, its deadlines, and the values as filed. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "declic-check.h"
#include "declic-deadlines.h"
#include "declic-draft-life.h"
#include "declic-rules.h"

static DeclicDraft *
load_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "sample-complete.json", NULL);
  DeclicDraft *draft = declic_draft_new_from_file (path, &error);

  g_assert_no_error (error);
  return draft;
}

static DeclicRuleSet *
pstq (void)
{
  g_autoptr(GError) error = NULL;
  DeclicRuleSet *set = declic_rules_get (declic_rules_get_default (), "pstq-2025-07-02", &error);

  g_assert_no_error (error);
  return set;
}

static GDate
day (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, text);
  g_assert_true (g_date_valid (&date));
  return date;
}

/* The deadline with @id, or NULL. */
static DeclicDeadline *
find (GPtrArray  *list,
      const char *id,
      guint       nth)
{
  for (guint i = 0; i < list->len; i++)
    {
      DeclicDeadline *deadline = g_ptr_array_index (list, i);
      if (g_str_equal (deadline->id, id) && nth-- == 0)
        return deadline;
    }
  return NULL;
}

static void
assert_date (DeclicDeadline *deadline,
             guint           y,
             guint           m,
             guint           d)
{
  g_assert_nonnull (deadline);
  g_assert_cmpuint (g_date_get_year (&deadline->date), ==, y);
  g_assert_cmpuint (g_date_get_month (&deadline->date), ==, m);
  g_assert_cmpuint (g_date_get_day (&deadline->date), ==, d);
}

static GPtrArray *
deadlines_at (DeclicDraft *draft,
              const char  *today)
{
  GDate date = day (today);
  return declic_deadlines_compute (draft, pstq (), &date);
}

static void
test_stages (void)
{
  g_autoptr(DeclicDraft) draft = load_sample ();
  GDate filed = day ("2026-11-22");

  g_assert_cmpint (declic_draft_life_get_stage (draft), ==, DECLIC_DI_STAGE_DRAFT);
  declic_draft_life_record_filing (draft, &filed, "DI-2026-123456");
  g_assert_cmpstr (declic_draft_get_string (draft, "filing_date"), ==, "2026-11-22");
  g_assert_cmpstr (declic_draft_get_string (draft, "after_filing.di_number"), ==, "DI-2026-123456");
  /* A 1.0 file that gains the 1.1 fields says so. */
  g_assert_cmpstr (declic_draft_get_string (draft, "schema_version"), ==, "1.1");
  g_assert_cmpint (declic_draft_life_get_stage (draft), ==, DECLIC_DI_STAGE_FILED);
  declic_draft_set_string (draft, "invitation_date", "2027-02-10");
  g_assert_cmpint (declic_draft_life_get_stage (draft), ==, DECLIC_DI_STAGE_INVITED);
  declic_draft_set_string (draft, "after_filing.invitation_outcome", "declined");
  g_assert_cmpint (declic_draft_life_get_stage (draft), ==, DECLIC_DI_STAGE_INVITATION_DECLINED);
  declic_draft_set_string (draft, "after_filing.end", "withdrawn");
  g_assert_cmpint (declic_draft_life_get_stage (draft), ==, DECLIC_DI_STAGE_WITHDRAWN);
  declic_draft_set_string (draft, "after_filing.end", "expired");
  g_assert_cmpint (declic_draft_life_get_stage (draft), ==, DECLIC_DI_STAGE_EXPIRED);
  declic_draft_unset (draft, "after_filing.end");
  declic_draft_set_string (draft, "after_filing.invitation_outcome", "application_filed");
  g_assert_cmpint (declic_draft_life_get_stage (draft), ==, DECLIC_DI_STAGE_APPLICATION_FILED);
  g_assert_cmpstr (declic_di_stage_get_id (DECLIC_DI_STAGE_APPLICATION_FILED), ==, "application_filed");
}

static void
test_old_file_unchanged (void)
{
  g_autoptr(DeclicDraft) draft = load_sample ();
  g_autoptr(GPtrArray) changed = declic_draft_life_list_changed (draft);
  g_autoptr(GPtrArray) list = deadlines_at (draft, "2026-11-22");

  /* A 1.0 file loads as it is: its version is not rewritten, nothing is "changed since filing". */
  g_assert_cmpstr (declic_draft_get_string (draft, "schema_version"), ==, "1.0");
  g_assert_cmpuint (changed->len, ==, 0);
  g_assert_null (find (list, "di_expiry", 0));
  g_assert_null (find (list, "review_fees", 0));
  g_assert_nonnull (find (list, "arrima_draft", 0));
}

static void
test_filed_twelve_months (void)
{
  g_autoptr(DeclicDraft) draft = load_sample ();
  GDate filed = day ("2026-11-22");
  g_autoptr(GPtrArray) list = NULL;
  DeclicDeadline *expiry;

  declic_draft_life_record_filing (draft, &filed, "DI-1");
  list = deadlines_at (draft, "2026-12-01");
  expiry = find (list, "di_expiry", 0);
  assert_date (expiry, 2027, 11, 22);
  g_assert_cmpint (expiry->days_left, ==, 356);
  g_assert_cmpint (expiry->source_status, ==, DECLIC_RULE_STATUS_OFFICIAL);
  /* Filed: no longer an Arrima draft. */
  g_assert_null (find (list, "arrima_draft", 0));
}

static void
test_invited (void)
{
  g_autoptr(DeclicDraft) draft = load_sample ();
  GDate filed = day ("2026-11-22");
  g_autoptr(GPtrArray) list = NULL;
  DeclicDeadline *fees;

  declic_draft_life_record_filing (draft, &filed, "DI-1");
  declic_draft_set_string (draft, "invitation_date", "2027-02-10");
  list = deadlines_at (draft, "2027-02-11");
  assert_date (find (list, "invitation_answer", 0), 2027, 4, 11);
  assert_date (find (list, "di_expiry", 0), 2027, 11, 22);
  /* The fees are due with the application: 2027's amounts are not in the data, so the last
   * known year's are given and the rule is unknown. */
  fees = find (list, "review_fees", 0);
  assert_date (fees, 2027, 4, 11);
  g_assert_cmpint (fees->source_status, ==, DECLIC_RULE_STATUS_UNKNOWN);
  g_assert_false (fees->confirmed);
  g_assert_nonnull (strstr (fees->label, "2025"));
  g_assert_nonnull (strstr (fees->label, "921"));
  g_assert_nonnull (strstr (fees->label, "2 family members × 197"));

  /* Declined: the DI stays valid for the rest of its 12 months; no time to answer any more. */
  declic_draft_set_string (draft, "after_filing.invitation_outcome", "declined");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = deadlines_at (draft, "2027-02-11");
  g_assert_null (find (list, "invitation_answer", 0));
  g_assert_null (find (list, "review_fees", 0));
  assert_date (find (list, "di_expiry", 0), 2027, 11, 22);
}

static void
test_fees_known_year (void)
{
  g_autoptr(DeclicDraft) draft = load_sample ();
  g_autoptr(GPtrArray) list = NULL;
  DeclicDeadline *fees;

  declic_draft_set_string (draft, "filing_date", "2024-11-01");
  declic_draft_set_string (draft, "invitation_date", "2025-07-17");
  declic_draft_set_string (draft, "after_filing.invitation_outcome", "application_filed");
  declic_draft_set_string (draft, "after_filing.application_date", "2025-08-20");
  list = deadlines_at (draft, "2025-09-01");
  fees = find (list, "review_fees", 0);
  assert_date (fees, 2025, 8, 20);
  g_assert_cmpint (fees->source_status, ==, DECLIC_RULE_STATUS_SECONDARY);
  /* The applicant, the accompanying spouse and the accompanying child. */
  g_assert_nonnull (strstr (fees->label, "921 $ + 2 family members × 197 $ = 1,315 $"));
}

static void
test_application_filed (void)
{
  g_autoptr(DeclicDraft) draft = load_sample ();
  g_autoptr(GPtrArray) list = NULL;
  DeclicDeadline *invalid;
  guint index;

  declic_draft_set_string (draft, "filing_date", "2026-11-22");
  declic_draft_set_string (draft, "invitation_date", "2027-02-10");
  declic_draft_set_string (draft, "after_filing.invitation_outcome", "application_filed");
  declic_draft_set_string (draft, "after_filing.application_date", "2027-03-01");
  declic_draft_set_string (draft, "after_filing.missing_request_date", "2027-05-03");
  index = declic_draft_append_item (draft, "after_filing.attestation_requests");
  g_assert_cmpuint (index, ==, 0);
  declic_draft_set_string (draft, "after_filing.attestation_requests[0].person", "applicant");
  declic_draft_set_string (draft, "after_filing.attestation_requests[0].request_date", "2027-05-10");
  declic_draft_append_item (draft, "after_filing.attestation_requests");
  declic_draft_set_string (draft, "after_filing.attestation_requests[1].person", "spouse");
  declic_draft_set_string (draft, "after_filing.attestation_requests[1].given_names", "Sophie");
  declic_draft_set_string (draft, "after_filing.attestation_requests[1].request_date", "2027-05-12");
  declic_draft_append_item (draft, "after_filing.attestation_requests");
  declic_draft_set_string (draft, "after_filing.attestation_requests[2].person", "spouse");
  declic_draft_set_string (draft, "after_filing.attestation_requests[2].request_date", "2027-05-12");
  declic_draft_set_boolean (draft, "after_filing.attestation_requests[2].obtained", TRUE);

  list = deadlines_at (draft, "2027-05-15");
  /* The application made the DI invalid: no 12 months, no time to answer. */
  g_assert_null (find (list, "di_expiry", 0));
  g_assert_null (find (list, "invitation_answer", 0));
  invalid = find (list, "di_invalid", 0);
  assert_date (invalid, 2027, 3, 1);
  g_assert_cmpint (invalid->status, ==, DECLIC_DEADLINE_PASSED);
  g_assert_cmpint (invalid->source_status, ==, DECLIC_RULE_STATUS_OFFICIAL);

  assert_date (find (list, "application_missing", 0), 2027, 7, 2);
  g_assert_false (find (list, "application_missing", 0)->confirmed);
  assert_date (find (list, "values_attestation", 0), 2027, 7, 9);
  assert_date (find (list, "values_attestation", 1), 2027, 7, 11);
  g_assert_nonnull (strstr (find (list, "values_attestation", 1)->label, "Sophie"));
  /* An attestation already obtained has no deadline. */
  g_assert_null (find (list, "values_attestation", 2));
}

static void
test_changed_since_filing (void)
{
  g_autoptr(DeclicDraft) draft = load_sample ();
  GDate filed = day ("2026-11-22");
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(DeclicCheck) check = NULL;
  DeclicFinding *finding;

  declic_draft_life_record_filing (draft, &filed, "DI-1");
  changed = declic_draft_life_list_changed (draft);
  g_assert_cmpuint (changed->len, ==, 0);
  g_clear_pointer (&changed, g_ptr_array_unref);

  /* Déclic's own fields are not what Arrima holds. */
  declic_draft_set_string (draft, "client_label", "Another label");
  declic_draft_set_string (draft, "contact.phone", "+33 6 00 00 00 00");
  declic_draft_unset (draft, "personal.passport.expiry_date");
  changed = declic_draft_life_list_changed (draft);
  g_assert_cmpuint (changed->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (changed, 0), ==, "contact.phone");
  g_assert_cmpstr (g_ptr_array_index (changed, 1), ==, "personal.passport.expiry_date");

  check = declic_check_run (draft, &filed, NULL, NULL);
  finding = declic_finding_list_find (check->findings, "after_filing.changed", "contact.phone");
  g_assert_nonnull (finding);
  g_assert_cmpint (declic_finding_get_severity (finding), ==, DECLIC_SEVERITY_WARNING);
  g_assert_nonnull (strstr (declic_finding_get_message (finding), "Arrima"));

  /* Once Arrima is updated, what it holds is the new values. */
  declic_draft_life_record_update (draft, &filed);
  g_clear_pointer (&changed, g_ptr_array_unref);
  changed = declic_draft_life_list_changed (draft);
  g_assert_cmpuint (changed->len, ==, 0);
  g_assert_cmpstr (declic_draft_get_string (draft, "after_filing.updated_date"), ==, "2026-11-22");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/draft-life/stages", test_stages);
  g_test_add_func ("/draft-life/old-file-unchanged", test_old_file_unchanged);
  g_test_add_func ("/draft-life/filed-twelve-months", test_filed_twelve_months);
  g_test_add_func ("/draft-life/invited", test_invited);
  g_test_add_func ("/draft-life/fees-known-year", test_fees_known_year);
  g_test_add_func ("/draft-life/application-filed", test_application_filed);
  g_test_add_func ("/draft-life/changed-since-filing", test_changed_since_filing);

  return g_test_run ();
}
