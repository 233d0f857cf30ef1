/* test-eligibility.c: the PSTQ streams a profile meets (DI.md §4), and the exact reasons, with
 * their values, for those it does not. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "declic-eligibility.h"
#include "declic-finding.h"
#include "declic-profile.h"
#include "rules-test-util.h"

static DeclicEligibility *
evaluate (DeclicDraft *draft)
{
  GDate reference = date_from (REFERENCE_DATE);
  DeclicRuleSet *set = get_rule_set ("pstq-2025-07-02");
  g_autoptr(DeclicProfile) profile = declic_profile_new (draft, set, &reference);
  DeclicEligibility *eligibility = declic_eligibility_evaluate (profile, set);

  g_assert_nonnull (eligibility);
  g_assert_cmpuint (eligibility->streams->len, ==, 4);
  g_assert_cmpint (eligibility->status, ==, DECLIC_RULE_STATUS_SECONDARY);
  return eligibility;
}

static DeclicStreamEligibility *
stream (DeclicEligibility *eligibility,
        const char        *id)
{
  DeclicStreamEligibility *s = declic_eligibility_get_stream (eligibility, id);

  g_assert_nonnull (s);
  /* A stream is met exactly when nothing stands in its way. */
  g_assert_cmpint (s->met, ==, s->reasons->len == 0);
  for (guint i = 0; i < s->reasons->len; i++)
    {
      DeclicFinding *reason = g_ptr_array_index (s->reasons, i);

      g_assert_true (g_str_has_prefix (declic_finding_get_code (reason), "eligibility."));
      /* Eligibility never blocks filing. */
      g_assert_false (declic_finding_is_blocking (reason));
    }
  return s;
}

static const char *
reason_message (DeclicStreamEligibility *s,
                const char              *code)
{
  DeclicFinding *finding = declic_finding_list_find (s->reasons, code, NULL);

  g_assert_nonnull (finding);
  return declic_finding_get_message (finding);
}

/* A software engineer abroad: TEER 1, 36 months, French 7/7/5/5. */
static DeclicDraft *
new_engineer (int listening,
              int speaking,
              int reading,
              int writing)
{
  DeclicDraft *draft = new_person ("1995-06-15");

  add_levels (draft, "french", "tcf_canada", "2025-06-01", listening, speaking, reading, writing);
  add_job (draft, "2023-03-01", "2026-02-28", "21231");
  return draft;
}

static void
test_eligibility_stream1_met (void)
{
  g_autoptr(DeclicDraft) draft = new_engineer (7, 7, 5, 5);
  g_autoptr(DeclicEligibility) eligibility = evaluate (draft);
  DeclicStreamEligibility *s2, *s3, *s4;

  g_assert_true (stream (eligibility, "stream1")->met);

  s2 = stream (eligibility, "stream2");
  g_assert_false (s2->met);
  g_assert_cmpstr (reason_message (s2, "eligibility.stream2.occupation"), ==,
                   "The main occupation, NOC 21231, is TEER 1: stream 2 requires TEER 3–5.");
  g_assert_nonnull (declic_finding_list_find (s2->reasons, "eligibility.stream2.quebec_experience", NULL));

  s3 = stream (eligibility, "stream3");
  g_assert_false (s3->met);
  g_assert_nonnull (declic_finding_list_find (s3->reasons, "eligibility.stream3.regulated_profession", NULL));

  /* 36 months: stream 4's threshold seen so far, but decided per round. */
  s4 = stream (eligibility, "stream4");
  g_assert_true (s4->met);
  g_assert_false (s4->certain);
  g_assert_cmpuint (declic_eligibility_count_met (eligibility), ==, 2);
}

static void
test_eligibility_french_reasons (void)
{
  g_autoptr(DeclicDraft) draft = new_engineer (6, 8, 4, 9);
  g_autoptr(DeclicEligibility) eligibility = evaluate (draft);
  DeclicStreamEligibility *s1 = stream (eligibility, "stream1");

  g_assert_false (s1->met);
  g_assert_cmpuint (s1->reasons->len, ==, 2);
  g_assert_cmpstr (reason_message (s1, "eligibility.stream1.french_oral"), ==,
                   "Oral French level 6 is below the 7 required for stream 1 (listening 6, speaking 8).");
  g_assert_cmpstr (reason_message (s1, "eligibility.stream1.french_written"), ==,
                   "Written French level 4 is below the 5 required for stream 1 (reading 4, writing 9).");
  g_assert_cmpstr (declic_finding_get_path (declic_finding_list_find (s1->reasons, "eligibility.stream1.french_oral", NULL)),
                   ==, "french");
}

/* Boundaries: oral 7 / written 5 pass stream 1, one level less does not. */
static void
test_eligibility_french_boundaries (void)
{
  static const struct { int l, s, r, w; gboolean met; } rows[] = {
    { 7, 7, 5, 5, TRUE },
    { 7, 6, 5, 5, FALSE },
    { 6, 7, 5, 5, FALSE },
    { 7, 7, 5, 4, FALSE },
    { 12, 12, 12, 12, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(DeclicDraft) draft = new_engineer (rows[i].l, rows[i].s, rows[i].r, rows[i].w);
      g_autoptr(DeclicEligibility) eligibility = evaluate (draft);

      g_assert_cmpint (stream (eligibility, "stream1")->met, ==, rows[i].met);
    }
}

static void
test_eligibility_no_french (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1995-06-15");
  g_autoptr(DeclicEligibility) eligibility = NULL;
  DeclicStreamEligibility *s1;

  add_job (draft, "2023-03-01", "2026-02-28", "21231");
  /* Expired the day before the reference date. */
  add_levels (draft, "french", "tcf_canada", "2024-02-29", 9, 9, 9, 9);
  eligibility = evaluate (draft);
  s1 = stream (eligibility, "stream1");
  g_assert_cmpstr (reason_message (s1, "eligibility.stream1.french_oral"), ==,
                   "There is no valid, unexpired French result for listening and speaking; stream 1 requires oral level 7.");
}

static void
test_eligibility_spouse_french (void)
{
  g_autoptr(DeclicDraft) draft = new_engineer (7, 7, 5, 5);
  g_autoptr(DeclicEligibility) eligibility = NULL;
  DeclicStreamEligibility *s1;

  add_spouse (draft, "1994-01-01");
  add_levels (draft, "family.spouse.french", "tcf_canada", "2025-06-01", 3, 5, 5, 5);
  eligibility = evaluate (draft);
  s1 = stream (eligibility, "stream1");
  g_assert_false (s1->met);
  g_assert_cmpstr (reason_message (s1, "eligibility.stream1.spouse_french_oral"), ==,
                   "The accompanying spouse’s oral French level 3 is below the 4 required for stream 1.");

  /* A spouse who does not accompany is not assessed. */
  g_clear_pointer (&eligibility, declic_eligibility_free);
  declic_draft_set_boolean (draft, "family.spouse_accompanies", FALSE);
  eligibility = evaluate (draft);
  g_assert_true (stream (eligibility, "stream1")->met);
}

/* Stream 1: up to 3 months of compulsory internship complete the 12 months. */
static void
test_eligibility_internship (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1999-01-01");
  g_autoptr(DeclicEligibility) eligibility = NULL;
  guint i;
  DeclicStreamEligibility *s1;

  add_levels (draft, "french", "tcf_canada", "2025-06-01", 8, 8, 8, 8);
  add_job (draft, "2025-03-01", "2025-12-31", "21231");  /* 10 months */
  i = add_period (draft, "internship", "2024-06-01", "2024-08-31", -1, "21231", "FR", NULL);  /* 3 months */
  {
    g_autofree char *path = g_strdup_printf ("work_history[%u].compulsory", i);
    declic_draft_set_boolean (draft, path, TRUE);
  }
  eligibility = evaluate (draft);
  s1 = stream (eligibility, "stream1");
  g_assert_true (s1->met);
  g_assert_nonnull (declic_finding_list_find (s1->notes, "eligibility.internship_counted", NULL));

  /* 8 months of work + 3 of internship fall short. */
  g_clear_pointer (&eligibility, declic_eligibility_free);
  declic_draft_set_string (draft, "work_history[0].end_date", "2025-10-31");
  eligibility = evaluate (draft);
  s1 = stream (eligibility, "stream1");
  g_assert_false (s1->met);
  g_assert_cmpstr (reason_message (s1, "eligibility.stream1.experience"), ==,
                   "Full-time experience in TEER 0–2 occupations in the last 5 years is 11 months, below the 12 required for stream 1.");
}

/* Stream 2: 24 months in TEER 3-5, 12 of them in Québec, oral French 5. */
static void
test_eligibility_stream2 (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1990-01-01");
  g_autoptr(DeclicEligibility) eligibility = NULL;
  DeclicStreamEligibility *s2;

  add_levels (draft, "french", "tcf_quebec", "2025-06-01", 5, 5, 3, 3);
  add_job (draft, "2023-03-01", "2025-02-28", "73300");         /* 24 months abroad */
  add_quebec_job (draft, "2025-03-01", "2026-01-31", "73300");  /* 11 months in Québec */
  eligibility = evaluate (draft);
  s2 = stream (eligibility, "stream2");
  g_assert_false (s2->met);
  g_assert_cmpuint (s2->reasons->len, ==, 1);
  g_assert_cmpstr (reason_message (s2, "eligibility.stream2.quebec_experience"), ==,
                   "Full-time experience in Québec in TEER 3–5 occupations is 11 months, below the 12 required for stream 2.");

  g_clear_pointer (&eligibility, declic_eligibility_free);
  declic_draft_set_string (draft, "work_history[1].end_date", "2026-02-28");
  eligibility = evaluate (draft);
  g_assert_true (stream (eligibility, "stream2")->met);
  /* Written 3 is enough for stream 2, not for stream 1 (which the TEER rules out anyway). */
  g_assert_false (stream (eligibility, "stream1")->met);
}

/* Stream 3: the French required follows the main occupation's TEER. */
static void
test_eligibility_stream3 (void)
{
  g_autoptr(DeclicDraft) nurse = new_person ("1990-01-01");
  g_autoptr(DeclicDraft) aide = new_person ("1990-01-01");
  g_autoptr(DeclicDraft) unknown = new_person ("1990-01-01");
  g_autoptr(DeclicEligibility) e_nurse = NULL;
  g_autoptr(DeclicEligibility) e_aide = NULL;
  g_autoptr(DeclicEligibility) e_unknown = NULL;
  DeclicStreamEligibility *s3;

  add_levels (nurse, "french", "tcf_canada", "2025-06-01", 6, 6, 6, 6);
  add_job (nurse, "2024-01-01", NULL, "31301");
  declic_draft_set_boolean (nurse, "quebec.regulated_profession", TRUE);
  e_nurse = evaluate (nurse);
  s3 = stream (e_nurse, "stream3");
  g_assert_false (s3->met);
  g_assert_cmpstr (reason_message (s3, "eligibility.stream3.french_oral"), ==,
                   "Oral French level 6 is below the 7 required for stream 3 (listening 6, speaking 6).");
  /* No authorisation declared: 12 months to file once invited. */
  g_assert_nonnull (declic_finding_list_find (s3->notes, "eligibility.stream3_without_authorization", NULL));

  add_levels (aide, "french", "tcf_canada", "2025-06-01", 6, 6, 2, 2);
  add_job (aide, "2024-01-01", NULL, "33102");
  declic_draft_set_boolean (aide, "quebec.regulated_profession", TRUE);
  declic_draft_set_boolean (aide, "quebec.authorization_to_practise", TRUE);
  e_aide = evaluate (aide);
  s3 = stream (e_aide, "stream3");
  g_assert_true (s3->met);
  g_assert_cmpuint (s3->notes->len, ==, 0);

  add_levels (unknown, "french", "tcf_canada", "2025-06-01", 9, 9, 9, 9);
  declic_draft_set_boolean (unknown, "quebec.regulated_profession", TRUE);
  e_unknown = evaluate (unknown);
  s3 = stream (e_unknown, "stream3");
  g_assert_false (s3->met);
  g_assert_nonnull (declic_finding_list_find (s3->reasons, "eligibility.stream3.occupation", NULL));
}

/* The 2023 filing conditions have no streams: nothing to meet, nothing invented. */
static void
test_eligibility_no_streams (void)
{
  g_autoptr(DeclicDraft) draft = new_engineer (7, 7, 7, 7);
  GDate reference = date_from ("2024-06-01");
  DeclicRuleSet *set = get_rule_set ("di-filing-2023");
  g_autoptr(DeclicProfile) profile = declic_profile_new (draft, set, &reference);
  g_autoptr(DeclicEligibility) eligibility = declic_eligibility_evaluate (profile, set);

  g_assert_cmpuint (eligibility->streams->len, ==, 0);
  g_assert_cmpint (eligibility->status, ==, DECLIC_RULE_STATUS_UNKNOWN);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eligibility/stream1-met", test_eligibility_stream1_met);
  g_test_add_func ("/eligibility/french-reasons", test_eligibility_french_reasons);
  g_test_add_func ("/eligibility/french-boundaries", test_eligibility_french_boundaries);
  g_test_add_func ("/eligibility/no-french", test_eligibility_no_french);
  g_test_add_func ("/eligibility/spouse-french", test_eligibility_spouse_french);
  g_test_add_func ("/eligibility/internship", test_eligibility_internship);
  g_test_add_func ("/eligibility/stream2", test_eligibility_stream2);
  g_test_add_func ("/eligibility/stream3", test_eligibility_stream3);
  g_test_add_func ("/eligibility/no-streams", test_eligibility_no_streams);

  return g_test_run ();
}
