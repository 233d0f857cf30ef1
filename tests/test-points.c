/* test-points.c: the PSTQ points estimate, worked out by hand on varied profiles.
 *
 * Every expected total below is computed from DI.md §5 in the comment next to it, at the
 * reference date 2026-03-01 (so the 5-year window starts on 2021-03-01). "S" is the column
 * without an accompanying spouse, "W" the one with.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "declic-points.h"
#include "declic-profile.h"
#include "rules-test-util.h"

static DeclicPoints *
score_at (DeclicDraft *draft,
          const char  *reference)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeclicProfile) profile = NULL;
  GDate date = date_from (reference);
  DeclicPoints *points;

  profile = declic_profile_new (draft, get_rule_set ("pstq-2025-07-02"), &date);
  points = declic_points_compute (profile, get_rule_set ("pstq-2025-07-02"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (points);

  /* Whatever the profile, the result is an estimate of a derived grid, and adds up. */
  g_assert_true (points->estimate);
  g_assert_cmpint (points->status, ==, DECLIC_RULE_STATUS_DERIVED);
  g_assert_cmpstr (points->grid_id, ==, "pstq-grid");
  g_assert_cmpstr (points->grid_version, ==, "2025-07-02");
  g_assert_cmpint (points->factor_points[0] + points->factor_points[1] + points->factor_points[2], ==, points->total);
  for (guint i = 0; i < points->items->len; i++)
    {
      DeclicPointsItem *item = g_ptr_array_index (points->items, i);

      g_assert_cmpint (item->points, >=, 0);
      g_assert_cmpint (item->points, <=, item->max);
      g_assert_nonnull (item->label);
      g_assert_nonnull (item->input);
    }
  return points;
}

static DeclicPoints *
score (DeclicDraft *draft)
{
  return score_at (draft, REFERENCE_DATE);
}

static int
item_points (DeclicPoints *points,
             const char   *id)
{
  DeclicPointsItem *item = declic_points_get_item (points, id);

  g_assert_nonnull (item);
  return item->points;
}

/* 1. Single, 30, French 7 everywhere, 36 months in TEER 1 abroad, bachelor's 3-4 years.
 *    French 4 × 44 = 176; age 30 → 120; 36 months → 50; university 1st cycle 3-4 yrs → 104.
 *    Human capital 450; Québec's needs: NOC 21231 is "deficit" in the diagnosis list, 36 months
 *    → 110; adaptation 0.  Total 560. */
static void
test_points_single_abroad (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1995-06-15");
  g_autoptr(DeclicPoints) points = NULL;

  add_levels (draft, "french", "tcf_canada", "2025-06-01", 7, 7, 7, 7);
  add_job (draft, "2023-03-01", "2026-02-28", "21231");
  add_diploma (draft, "university_1_3y", "2017-06-30", FALSE);

  points = score (draft);
  g_assert_false (points->with_spouse);
  g_assert_cmpint (item_points (points, "age"), ==, 120);
  g_assert_cmpint (item_points (points, "experience"), ==, 50);
  g_assert_cmpint (points->factor_points[DECLIC_POINTS_FACTOR_HUMAN_CAPITAL], ==, 450);
  g_assert_cmpint (item_points (points, "diagnosis"), ==, 110);
  g_assert_cmpint (points->total, ==, 560);
  g_assert_cmpint (points->max_total, ==, 1260);
  /* The diagnosis came from the list, and the breakdown says so and names it. */
  g_assert_nonnull (strstr (declic_points_get_item (points, "diagnosis")->input, "lmd-2024-2028"));
}

/* 2. With spouse. Applicant 35, French 9 ×4, 60 months in a deficit occupation, master's 2 yrs,
 *    job offer outside the CMM, a family member in Québec.
 *    Human capital (W): French 4 × 40 = 160; age 35 → 68; 60 months → 50; master ≥ 2 yrs → 99 = 377.
 *    Québec's needs: deficit × ≥ 48 months → 120; offer outside the CMM → 50 = 170.
 *    Adaptation: family member of the applicant 10; spouse French 5/5/4/4 → 6+6+4+4 = 20;
 *    spouse 33 → 16; spouse Québec experience 0 → 0; spouse bachelor 3-4 yrs → 16; no Québec
 *    diploma → 0 = 62.  Total 377 + 170 + 62 = 609. */
static void
test_points_with_spouse (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1990-05-01");
  g_autoptr(DeclicPoints) points = NULL;

  add_levels (draft, "french", "tef_canada", "2025-01-20", 9, 9, 9, 9);
  add_job (draft, "2021-03-01", "2026-02-28", "31102");
  add_diploma (draft, "university_2_2y", "2014-06-30", FALSE);
  declic_draft_set_string (draft, "quebec.labour_market_diagnosis", "deficit");
  declic_draft_set_boolean (draft, "job_offer.has_offer", TRUE);
  declic_draft_set_boolean (draft, "job_offer.inside_cmm", FALSE);
  declic_draft_set_string (draft, "quebec.family_member", "applicant");
  add_spouse (draft, "1993-01-10");
  add_levels (draft, "family.spouse.french", "tcf_canada", "2025-05-05", 5, 5, 4, 4);
  declic_draft_set_string (draft, "family.spouse.education_level", "university_1_3y");

  points = score (draft);
  g_assert_true (points->with_spouse);
  g_assert_cmpint (points->factor_points[DECLIC_POINTS_FACTOR_HUMAN_CAPITAL], ==, 377);
  g_assert_cmpint (points->factor_points[DECLIC_POINTS_FACTOR_QUEBEC_NEEDS], ==, 170);
  g_assert_cmpint (points->factor_points[DECLIC_POINTS_FACTOR_ADAPTATION], ==, 62);
  g_assert_cmpint (item_points (points, "spouse.age"), ==, 16);
  g_assert_cmpint (points->total, ==, 609);
  g_assert_cmpint (points->max_total, ==, 1300);
}

/* 3. Single, 26, working in Québec since 2022-09-01 (42 whole months to 2026-03-01), TEER 2
 *    slight deficit, DEC (technical 3 yrs, Québec), 30 months living and working outside the CMM,
 *    a validated offer inside the CMM.
 *    Human capital: French 5/6/5/5 → 4 × 38 = 152; age 26 → 120; 42 months → 50; technical 3 yrs
 *    → 78 = 400.
 *    Québec's needs: slight deficit × 36-47 → 90; Québec diploma technical 3 yrs → 120; Québec
 *    experience 42 → 120; residence 30 → 24; work 30 → 36; offer inside the CMM → 30 = 420.
 *    Total 820. */
static void
test_points_quebec_worker (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1999-09-30");
  g_autoptr(DeclicPoints) points = NULL;

  add_levels (draft, "french", "tcf_quebec", "2025-09-01", 5, 6, 5, 5);
  add_quebec_job (draft, "2022-09-01", NULL, "72410");
  add_diploma (draft, "postsecondary_technical_3y", "2022-06-01", TRUE);
  declic_draft_set_string (draft, "quebec.labour_market_diagnosis", "slight_deficit");
  declic_draft_set_integer (draft, "quebec.months_outside_cmm_residence", 30);
  declic_draft_set_integer (draft, "quebec.months_outside_cmm_work", 30);
  declic_draft_set_boolean (draft, "job_offer.has_offer", TRUE);
  declic_draft_set_boolean (draft, "job_offer.inside_cmm", TRUE);

  points = score (draft);
  g_assert_cmpint (item_points (points, "experience"), ==, 50);
  g_assert_cmpint (item_points (points, "quebec_experience"), ==, 120);
  g_assert_cmpint (item_points (points, "diagnosis"), ==, 90);
  g_assert_cmpint (points->factor_points[DECLIC_POINTS_FACTOR_HUMAN_CAPITAL], ==, 400);
  g_assert_cmpint (points->factor_points[DECLIC_POINTS_FACTOR_QUEBEC_NEEDS], ==, 420);
  g_assert_cmpint (points->total, ==, 820);
}

/* 4. Single, 46, no French result, 11 months of work (2025-03-01 → 2026-01-31), secondary
 *    general, balanced occupation.
 *    French 0; age ≥ 45 → 0; 11 months → 0; secondary general → 13; balanced × < 12 → 0.
 *    Total 13. */
static void
test_points_older_no_french (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1980-01-01");
  g_autoptr(DeclicPoints) points = NULL;

  declic_draft_set_boolean (draft, "french.no_result", TRUE);
  add_job (draft, "2025-03-01", "2026-01-31", "65100");
  add_diploma (draft, "secondary_general", "1998-06-30", FALSE);
  declic_draft_set_string (draft, "quebec.labour_market_diagnosis", "balanced");

  points = score (draft);
  g_assert_cmpint (item_points (points, "experience"), ==, 0);
  g_assert_cmpint (item_points (points, "diagnosis"), ==, 0);
  g_assert_cmpint (points->total, ==, 13);
}

/* 5. Single, 25, French 12 ×4 (DALF, levels entered), 48 months part-time only, doctorate.
 *    French 4 × 50 = 200; age 25 → 120; part-time is not counted → 0; doctorate → 130.
 *    Total 450. */
static void
test_points_part_time_only (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("2000-12-01");
  g_autoptr(DeclicPoints) points = NULL;
  g_autoptr(DeclicProfile) profile = NULL;
  GDate reference = date_from (REFERENCE_DATE);

  add_levels (draft, "french", "dalf", "2024-06-01", 12, 12, 12, 12);
  add_period (draft, "work", "2022-01-01", "2025-12-31", 20, "41200", "BE", NULL);
  add_diploma (draft, "doctorate", "2025-12-15", FALSE);

  points = score (draft);
  g_assert_cmpint (item_points (points, "experience"), ==, 0);
  g_assert_cmpint (points->total, ==, 450);

  /* The breakdown says why the part-time job is not there. */
  profile = declic_profile_new (draft, get_rule_set ("pstq-2025-07-02"), &reference);
  g_assert_cmpint (profile->experience_months, ==, 0);
  g_assert_cmpuint (profile->notes->len, ==, 2);
}

/* 6. Single, 40, two French results: the 2024-02-28 one (8 ×4) expired on 2026-02-28; the
 *    2025-01-10 one (6 ×4) is valid. 24 months (2024-03-01 → 2026-02-28), bachelor 2 yrs.
 *    French 4 × 38 = 152; age 40 → 50; 24 months → 40; university 1st cycle 2 yrs → 91;
 *    NOC 11100 "slight deficit" in the list, 24 months → 80.  Total 413. */
static void
test_points_expired_result (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1985-08-01");
  g_autoptr(DeclicPoints) points = NULL;

  add_levels (draft, "french", "tef_canada", "2024-02-28", 8, 8, 8, 8);
  add_levels (draft, "french", "tcf_canada", "2025-01-10", 6, 6, 6, 6);
  add_job (draft, "2024-03-01", "2026-02-28", "11100");
  add_diploma (draft, "university_1_2y", "2008-06-30", FALSE);

  points = score (draft);
  g_assert_cmpint (item_points (points, "french.listening"), ==, 38);
  g_assert_cmpint (item_points (points, "experience"), ==, 40);
  g_assert_cmpint (points->total, ==, 413);

  /* The day before it expired, the older result was the better one: 4 × 44 = 176. */
  g_clear_pointer (&points, declic_points_free);
  points = score_at (draft, "2026-02-27");
  g_assert_cmpint (item_points (points, "french.listening"), ==, 44);
}

/* 7. With spouse. Applicant 29, French 7/8/7/8, 12 months, master 1 yr; a family member of the
 *    spouse in Québec. Spouse 44, no French, 50 months in Québec, bachelor ≥ 5 yrs, Québec
 *    bachelor 1 yr.
 *    Human capital (W): French 4 × 35 = 140; age 29 → 100; 12 months → 15; master 1 yr → 93 = 348.
 *    Québec's needs: NOC 21100 "balanced" in the list, 12 months → 5.
 *    Adaptation: family member of the spouse 5; spouse French 0; age 44 → 2; Québec experience
 *    50 → 30; education ≥ 5 yrs → 17; Québec diploma 1 yr → 18 = 72.  Total 425. */
static void
test_points_spouse_quebec_ties (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1996-04-02");
  g_autoptr(DeclicPoints) points = NULL;

  add_levels (draft, "french", "tcf_canada", "2025-04-01", 7, 8, 7, 8);
  add_job (draft, "2025-03-01", "2026-02-28", "21100");
  add_diploma (draft, "university_2_1y", "2020-06-30", FALSE);
  declic_draft_set_string (draft, "quebec.family_member", "spouse");
  add_spouse (draft, "1981-07-01");
  declic_draft_set_boolean (draft, "family.spouse.french.no_result", TRUE);
  declic_draft_set_integer (draft, "family.spouse.quebec_experience_months", 50);
  declic_draft_set_string (draft, "family.spouse.education_level", "university_1_5y");
  declic_draft_set_string (draft, "family.spouse.quebec_diploma_level", "university_1_1y");

  points = score (draft);
  g_assert_cmpint (points->factor_points[DECLIC_POINTS_FACTOR_HUMAN_CAPITAL], ==, 348);
  g_assert_cmpint (points->factor_points[DECLIC_POINTS_FACTOR_QUEBEC_NEEDS], ==, 5);
  g_assert_cmpint (points->factor_points[DECLIC_POINTS_FACTOR_ADAPTATION], ==, 72);
  g_assert_cmpint (points->total, ==, 425);
}

/* 8. Single, 22, French 9/10/11/9, no work, DEC general 2 yrs from Québec, studies without a
 *    diploma completed 14 months and ongoing 20 months, 8 months living and 20 studying outside
 *    the CMM.
 *    Human capital: 200 + 120 + 0 + 39 = 359.  Québec's needs: Québec diploma general → 60;
 *    residence 8 → 6; study 20 → 8 = 74.  Adaptation: max (completed 14 → 3, ongoing 20 → 12)
 *    = 12.  Total 445. */
static void
test_points_student (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("2003-05-05");
  g_autoptr(DeclicPoints) points = NULL;

  add_levels (draft, "french", "tef_canada", "2025-11-11", 9, 10, 11, 9);
  add_diploma (draft, "postsecondary_general_2y", "2023-05-31", TRUE);
  declic_draft_set_integer (draft, "quebec.studies_without_diploma_completed_months", 14);
  declic_draft_set_integer (draft, "quebec.studies_without_diploma_ongoing_months", 20);
  declic_draft_set_integer (draft, "quebec.months_outside_cmm_residence", 8);
  declic_draft_set_integer (draft, "quebec.months_outside_cmm_study", 20);

  points = score (draft);
  g_assert_cmpint (item_points (points, "studies_without_diploma"), ==, 12);
  g_assert_cmpint (points->factor_points[DECLIC_POINTS_FACTOR_QUEBEC_NEEDS], ==, 74);
  g_assert_cmpint (points->total, ==, 445);
}

/* 9. Single, 33 (turns 34 the day after the reference date), nurse (CNP 31301, TEER 1) in a
 *    deficit occupation for 26 months (2023-12-01 → 2026-01-31), regulated profession with an
 *    authorisation to practise, French 7/7/5/5, bachelor 3-4 yrs.
 *    Human capital: 44+44+38+38 = 164; age 33 → 90; 26 months → 40; 104 = 398.
 *    Québec's needs: deficit × 24-35 → 100; authorisation → 50 = 150.  Total 548. */
static void
test_points_regulated_profession (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1992-03-02");
  g_autoptr(DeclicPoints) points = NULL;

  add_levels (draft, "french", "tef_canada", "2025-02-01", 7, 7, 5, 5);
  add_job (draft, "2023-12-01", "2026-01-31", "31301");
  add_diploma (draft, "university_1_3y", "2015-06-30", FALSE);
  declic_draft_set_string (draft, "quebec.labour_market_diagnosis", "deficit");
  declic_draft_set_boolean (draft, "quebec.regulated_profession", TRUE);
  declic_draft_set_boolean (draft, "quebec.authorization_to_practise", TRUE);

  points = score (draft);
  g_assert_cmpint (item_points (points, "age"), ==, 90);
  g_assert_cmpint (item_points (points, "diagnosis"), ==, 100);
  g_assert_cmpint (item_points (points, "authorization"), ==, 50);
  g_assert_cmpint (points->total, ==, 548);
}

/* 10. Single, 28, two overlapping full-time jobs: CNP 21231 2022-01-01 → 2023-12-31 and CNP
 *     21232 2023-07-01 → 2025-06-30. Counted once: 2022-01-01 → 2025-06-30 = 42 months. Each
 *     occupation has 24 months: the tie goes to the more recent, 21232, balanced × 24-35 → 10.
 *     Human capital: French 0; age 28 → 120; 42 → 50; master 1 yr → 110 = 280.
 *     Québec's needs 10.  Total 290. */
static void
test_points_overlapping_jobs (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1997-10-10");
  g_autoptr(DeclicPoints) points = NULL;
  g_autoptr(DeclicProfile) profile = NULL;
  GDate reference = date_from (REFERENCE_DATE);

  add_job (draft, "2022-01-01", "2023-12-31", "21231");
  add_job (draft, "2023-07-01", "2025-06-30", "21232");
  add_diploma (draft, "university_2_1y", "2021-06-30", FALSE);
  declic_draft_set_string (draft, "quebec.labour_market_diagnosis", "balanced");

  profile = declic_profile_new (draft, get_rule_set ("pstq-2025-07-02"), &reference);
  g_assert_cmpint (profile->experience_months, ==, 42);
  g_assert_cmpstr (profile->main_noc, ==, "21232");
  g_assert_cmpint (profile->main_noc_months, ==, 24);
  g_assert_cmpint (profile->main_noc_teer, ==, 1);

  points = score (draft);
  g_assert_cmpint (item_points (points, "diagnosis"), ==, 10);
  g_assert_cmpint (points->total, ==, 290);
}

/* 11. Single, 36, a job that ended before the window (2015 → 2021-02-28) and one that straddles
 *     its start (2021-01-01 → 2022-02-28, clipped to 2021-03-01 → 12 months), French 8 ×4,
 *     vocational ≥ 900 h, a validated offer whose location is not given (counted inside the CMM).
 *     Human capital: 176 + 70 + 20 + 26 = 292.  Québec's needs: offer 30; NOC 72400 "deficit"
 *     in the list, 12 months in the window → 90.  Total 412. */
static void
test_points_window_and_offer (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1989-06-01");
  g_autoptr(DeclicPoints) points = NULL;
  DeclicPointsItem *offer;

  add_levels (draft, "french", "tcf_canada", "2025-10-01", 8, 8, 8, 8);
  add_job (draft, "2015-01-01", "2021-02-28", "72400");
  add_job (draft, "2021-01-01", "2022-02-28", "72400");
  add_diploma (draft, "secondary_vocational_900", "2010-06-30", FALSE);
  declic_draft_set_boolean (draft, "job_offer.has_offer", TRUE);

  points = score (draft);
  g_assert_cmpint (item_points (points, "experience"), ==, 20);
  offer = declic_points_get_item (points, "job_offer");
  g_assert_cmpint (offer->points, ==, 30);
  g_assert_cmpint (offer->max, ==, 50);
  g_assert_cmpint (points->total, ==, 412);
}

/* 12. With spouse. Applicant 18, French 4 ×4, no work, secondary general; a family member of the
 *     spouse. Spouse 19 (turns 20 the next day), French 12 ×4, no diploma, 6 months in Québec.
 *     Human capital (W): 0 + 90 + 0 + 11 = 101.
 *     Adaptation: family of the spouse 5; spouse French 4 × 10 = 40; age 19 → 18; Québec
 *     experience 6 → 5; no education → 0 = 68.  Total 169. */
static void
test_points_young_couple (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("2007-06-01");
  g_autoptr(DeclicPoints) points = NULL;

  add_levels (draft, "french", "tcf_canada", "2026-01-15", 4, 4, 4, 4);
  add_diploma (draft, "secondary_general", "2025-06-20", FALSE);
  declic_draft_set_string (draft, "quebec.family_member", "spouse");
  add_spouse (draft, "2006-03-02");
  add_levels (draft, "family.spouse.french", "dalf", "2025-12-01", 12, 12, 12, 12);
  declic_draft_set_integer (draft, "family.spouse.quebec_experience_months", 6);

  points = score (draft);
  g_assert_cmpint (item_points (points, "spouse.age"), ==, 18);
  g_assert_cmpint (points->factor_points[DECLIC_POINTS_FACTOR_HUMAN_CAPITAL], ==, 101);
  g_assert_cmpint (points->factor_points[DECLIC_POINTS_FACTOR_ADAPTATION], ==, 68);
  g_assert_cmpint (points->total, ==, 169);
}

/* 13. Single, 27, French from TCF Canada scores, converted with the federal table (DI.md §6):
 *     listening 523 → 9, speaking 14 → 9, reading 524 → 9, writing 12 → 8.
 *     French 50+50+50+44 = 194; age 27 → 120; no work → 0; bachelor 1 yr → 78.  Total 392. */
static void
test_points_converted_scores (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1998-08-20");
  g_autoptr(DeclicPoints) points = NULL;
  DeclicPointsItem *item;
  guint i;

  i = add_levels (draft, "french", "tcf_canada", "2025-07-07", 0, 0, 0, 0);
  g_assert_cmpuint (i, ==, 0);
  declic_draft_set_number (draft, "french.results[0].listening.score", 523);
  declic_draft_set_number (draft, "french.results[0].speaking.score", 14);
  declic_draft_set_number (draft, "french.results[0].reading.score", 524);
  declic_draft_set_number (draft, "french.results[0].writing.score", 12);
  add_diploma (draft, "university_1_1y", "2021-06-30", FALSE);

  points = score (draft);
  g_assert_cmpint (item_points (points, "french.writing"), ==, 44);
  item = declic_points_get_item (points, "french.listening");
  g_assert_cmpint (item->points, ==, 50);
  /* The breakdown names the conversion. */
  g_assert_nonnull (strstr (item->input, "converted"));
  g_assert_cmpint (points->total, ==, 392);
}

/* 14. A family member of the spouse counts nothing without an accompanying spouse; one of the
 *     applicant counts 10. Single, 20, nothing else: age 120.  Totals 120 and 130. */
static void
test_points_family_member (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("2005-07-07");
  g_autoptr(DeclicPoints) points = NULL;

  declic_draft_set_string (draft, "quebec.family_member", "spouse");
  points = score (draft);
  g_assert_cmpint (points->total, ==, 120);

  g_clear_pointer (&points, declic_points_free);
  declic_draft_set_string (draft, "quebec.family_member", "applicant");
  points = score (draft);
  g_assert_cmpint (points->total, ==, 130);
}

/* ---- Boundary tables ------------------------------------------------------------------------ */

typedef struct
{
  const char *birth_date;  /* at 2026-03-01 */
  int         age;
  int         single;
  int         spouse;
} AgeRow;

static void
test_points_age_boundaries (void)
{
  static const AgeRow rows[] = {
    { "2008-03-02", 17, 0, 0 },     /* 18 the day after: nothing yet */
    { "2008-03-01", 18, 110, 90 },
    { "2006-03-02", 19, 110, 90 },
    { "2006-03-01", 20, 120, 100 },
    { "1995-03-02", 30, 120, 100 },
    { "1995-03-01", 31, 110, 95 },
    { "1994-03-01", 32, 100, 90 },
    { "1982-03-02", 43, 20, 18 },
    { "1982-03-01", 44, 10, 9 },
    { "1981-03-02", 44, 10, 9 },
    { "1981-03-01", 45, 0, 0 },
    { "1960-01-01", 66, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(DeclicDraft) draft = new_person (rows[i].birth_date);
      g_autoptr(DeclicPoints) single = score (draft);
      g_autoptr(DeclicPoints) with_spouse = NULL;

      g_test_message ("born %s", rows[i].birth_date);
      g_assert_cmpint (item_points (single, "age"), ==, rows[i].single);
      add_spouse (draft, "1990-01-01");
      with_spouse = score (draft);
      g_assert_cmpint (item_points (with_spouse, "age"), ==, rows[i].spouse);
    }
}

/* Someone born on 29 February is a year older on 1 March in a common year. */
static void
test_points_age_leap_day (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1996-02-29");
  g_autoptr(DeclicPoints) before = NULL;
  g_autoptr(DeclicPoints) after = NULL;

  before = score_at (draft, "2027-02-28");   /* 30 */
  after = score_at (draft, "2027-03-01");    /* 31 */
  g_assert_cmpint (item_points (before, "age"), ==, 120);
  g_assert_cmpint (item_points (after, "age"), ==, 110);
}

typedef struct
{
  const char *start;   /* full-time, to 2026-02-28 */
  int         months;
  int         single;
  int         spouse;
} ExperienceRow;

static void
test_points_experience_boundaries (void)
{
  static const ExperienceRow rows[] = {
    { "2025-03-02", 11, 0, 0 },     /* one day short of 12 months */
    { "2025-03-01", 12, 20, 15 },
    { "2024-03-02", 23, 20, 15 },
    { "2024-03-01", 24, 40, 30 },
    { "2023-03-01", 36, 50, 35 },
    { "2022-03-02", 47, 50, 35 },
    { "2022-03-01", 48, 70, 50 },
    { "2018-01-01", 60, 70, 50 },   /* clipped to the 5-year window */
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(DeclicDraft) draft = new_person ("1995-01-01");
      g_autoptr(DeclicPoints) single = NULL;
      g_autoptr(DeclicPoints) with_spouse = NULL;

      g_test_message ("from %s", rows[i].start);
      add_job (draft, rows[i].start, "2026-02-28", "21231");
      single = score (draft);
      g_assert_cmpint (item_points (single, "experience"), ==, rows[i].single);
      g_assert_nonnull (strstr (declic_points_get_item (single, "experience")->input, "month"));
      add_spouse (draft, "1990-01-01");
      with_spouse = score (draft);
      g_assert_cmpint (item_points (with_spouse, "experience"), ==, rows[i].spouse);
    }
}

typedef struct
{
  int level;
  int single;
  int spouse;
  int as_spouse;  /* the spouse's own French, per skill */
} FrenchRow;

static void
test_points_french_boundaries (void)
{
  static const FrenchRow rows[] = {
    { 3, 0, 0, 0 },
    { 4, 0, 0, 4 },
    { 5, 38, 30, 6 },
    { 6, 38, 30, 6 },
    { 7, 44, 35, 8 },
    { 8, 44, 35, 8 },
    { 9, 50, 40, 10 },
    { 12, 50, 40, 10 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(DeclicDraft) draft = new_person ("1996-01-01");
      g_autoptr(DeclicPoints) single = NULL;
      g_autoptr(DeclicPoints) with_spouse = NULL;
      int l = rows[i].level;

      g_test_message ("level %d", l);
      add_levels (draft, "french", "tcf_quebec", "2025-06-01", l, l, l, l);
      single = score (draft);
      g_assert_cmpint (item_points (single, "french.speaking"), ==, rows[i].single);
      g_assert_cmpint (single->factor_points[DECLIC_POINTS_FACTOR_HUMAN_CAPITAL],
                       ==, 4 * rows[i].single + 120);

      add_spouse (draft, "1990-01-01");
      add_levels (draft, "family.spouse.french", "tcf_quebec", "2025-06-01", l, l, l, l);
      with_spouse = score (draft);
      g_assert_cmpint (item_points (with_spouse, "french.writing"), ==, rows[i].spouse);
      g_assert_cmpint (item_points (with_spouse, "spouse.french.reading"), ==, rows[i].as_spouse);
    }
}

/* DI.md §5: the grid's derived maxima are 1,260 without a spouse and 1,300 with; the sum of its
 * items' maxima must agree with the figures the data file states. */
static void
test_points_maxima (void)
{
  DeclicRuleSet *set = get_rule_set ("pstq-2025-07-02");
  g_autoptr(DeclicDraft) draft = new_person ("1995-01-01");
  g_autoptr(DeclicPoints) single = score (draft);
  g_autoptr(DeclicPoints) with_spouse = NULL;

  g_assert_cmpint (single->max_total, ==, declic_rule_set_get_figure (set, "grid", "max_single", -1));
  g_assert_cmpint (single->factor_max[DECLIC_POINTS_FACTOR_HUMAN_CAPITAL], ==, 520);
  g_assert_cmpint (single->factor_max[DECLIC_POINTS_FACTOR_QUEBEC_NEEDS], ==, 700);
  add_spouse (draft, "1990-01-01");
  with_spouse = score (draft);
  g_assert_cmpint (with_spouse->max_total, ==, declic_rule_set_get_figure (set, "grid", "max_spouse", -1));
  g_assert_cmpint (with_spouse->factor_max[DECLIC_POINTS_FACTOR_ADAPTATION], ==, 180);
}

/* A rule set without a grid gives no estimate, and says so. */
static void
test_points_no_grid (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1995-01-01");
  g_autoptr(DeclicProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  GDate reference = date_from ("2024-06-01");
  DeclicPoints *points;

  profile = declic_profile_new (draft, get_rule_set ("di-filing-2023"), &reference);
  points = declic_points_compute (profile, get_rule_set ("di-filing-2023"), &error);
  g_assert_null (points);
  g_assert_error (error, DECLIC_POINTS_ERROR, DECLIC_POINTS_ERROR_NO_GRID);
}

/* Scoring reads the draft, never writes it (rule_set_id included). */
static void
test_points_draft_untouched (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1995-06-15");
  g_autoptr(DeclicPoints) points = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add_levels (draft, "french", "tcf_canada", "2025-06-01", 7, 7, 7, 7);
  add_job (draft, "2023-03-01", NULL, "21231");
  declic_draft_set_string (draft, "rule_set_id", "di-filing-2023");
  before = declic_draft_to_data (draft, NULL);
  points = score (draft);
  after = declic_draft_to_data (draft, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (declic_draft_get_string (draft, "rule_set_id"), ==, "di-filing-2023");
}

/* 15. A diploma of under a year of full-time study earns nothing, even when its level is the
 *     higher one (DI.md §3.2). Single, 30, French 7 ×4, 36 months: 176 + 120 + 50 as in 1.
 *     A 1-year university certificate (1st cycle 1 yr → 78) and an 8-month "master's" (2nd cycle
 *     1 yr, 110 if it counted): the certificate's 78 counts; NOC 21231 "deficit" in the list, 36
 *     months → 110. Total 176 + 120 + 50 + 78 + 110 = 534.
 *     With the certificate part-time too, no diploma counts: education 0, total 456. */
static void
test_points_short_diploma (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1995-06-15");
  g_autoptr(DeclicPoints) points = NULL;
  g_autoptr(DeclicPoints) none = NULL;
  g_autoptr(DeclicProfile) profile = NULL;
  GDate reference = date_from (REFERENCE_DATE);
  guint certificate, master;

  add_levels (draft, "french", "tcf_canada", "2025-06-01", 7, 7, 7, 7);
  add_job (draft, "2023-03-01", "2026-02-28", "21231");
  certificate = add_diploma (draft, "university_1_1y", "2017-06-30", FALSE);
  master = add_diploma (draft, "university_2_1y", "2019-02-28", FALSE);
  {
    g_autofree char *length = g_strdup_printf ("education[%u].official_length", master);
    g_autofree char *unit = g_strdup_printf ("education[%u].official_length_unit", master);
    declic_draft_set_number (draft, length, 8);
    declic_draft_set_string (draft, unit, "months");
  }

  points = score (draft);
  g_assert_cmpint (item_points (points, "education"), ==, 78);
  g_assert_cmpint (points->total, ==, 534);
  profile = declic_profile_new (draft, get_rule_set ("pstq-2025-07-02"), &reference);
  g_assert_cmpstr (profile->education_level, ==, "university_1_1y");

  {
    g_autofree char *full_time = g_strdup_printf ("education[%u].full_time", certificate);
    declic_draft_set_boolean (draft, full_time, FALSE);
  }
  none = score (draft);
  g_assert_cmpint (item_points (none, "education"), ==, 0);
  g_assert_cmpint (none->total, ==, 456);
}

/* 16. The diagnosis: from the list by default, the person's choice when stored, and nothing
 *     for a slight surplus. Single, 30, French 7 ×4, 48 months in one occupation (2022-03-01 →
 *     2026-02-28): human capital 176 + 120 + 70 + 104 = 470.
 *     NOC 21231 "deficit" in the list, ≥ 48 months → 120: total 590. Overridden "balanced" → 25:
 *     total 495, and the breakdown names the list's value it replaced. NOC 14111 "slight surplus"
 *     in the list → 0: total 470, with a note saying why. */
static void
test_points_diagnosis_sources (void)
{
  g_autoptr(DeclicDraft) draft = new_person ("1995-06-15");
  g_autoptr(DeclicPoints) listed = NULL;
  g_autoptr(DeclicPoints) chosen = NULL;
  g_autoptr(DeclicPoints) surplus = NULL;
  g_autoptr(DeclicDraft) other = new_person ("1995-06-15");
  gboolean noted = FALSE;
  guint job;

  add_levels (draft, "french", "tcf_canada", "2025-06-01", 7, 7, 7, 7);
  job = add_job (draft, "2022-03-01", "2026-02-28", "21231");
  add_diploma (draft, "university_1_3y", "2017-06-30", FALSE);

  listed = score (draft);
  g_assert_cmpint (item_points (listed, "diagnosis"), ==, 120);
  g_assert_cmpint (listed->total, ==, 590);
  g_assert_nonnull (strstr (declic_points_get_item (listed, "diagnosis")->input, "lmd-2024-2028"));

  declic_draft_set_string (draft, "quebec.labour_market_diagnosis", "balanced");
  chosen = score (draft);
  g_assert_cmpint (item_points (chosen, "diagnosis"), ==, 25);
  g_assert_cmpint (chosen->total, ==, 495);
  g_assert_nonnull (strstr (declic_points_get_item (chosen, "diagnosis")->input, "Deficit"));

  add_levels (other, "french", "tcf_canada", "2025-06-01", 7, 7, 7, 7);
  add_job (other, "2022-03-01", "2026-02-28", "14111");
  add_diploma (other, "university_1_3y", "2017-06-30", FALSE);
  surplus = score (other);
  g_assert_cmpint (item_points (surplus, "diagnosis"), ==, 0);
  g_assert_cmpint (surplus->total, ==, 470);
  for (guint i = 0; i < surplus->notes->len; i++)
    noted |= strstr (g_ptr_array_index (surplus->notes, i), "Slight surplus") != NULL;
  g_assert_true (noted);
  (void) job;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/points/profile/single-abroad", test_points_single_abroad);
  g_test_add_func ("/points/profile/with-spouse", test_points_with_spouse);
  g_test_add_func ("/points/profile/quebec-worker", test_points_quebec_worker);
  g_test_add_func ("/points/profile/older-no-french", test_points_older_no_french);
  g_test_add_func ("/points/profile/part-time-only", test_points_part_time_only);
  g_test_add_func ("/points/profile/expired-result", test_points_expired_result);
  g_test_add_func ("/points/profile/spouse-quebec-ties", test_points_spouse_quebec_ties);
  g_test_add_func ("/points/profile/student", test_points_student);
  g_test_add_func ("/points/profile/regulated-profession", test_points_regulated_profession);
  g_test_add_func ("/points/profile/overlapping-jobs", test_points_overlapping_jobs);
  g_test_add_func ("/points/profile/window-and-offer", test_points_window_and_offer);
  g_test_add_func ("/points/profile/young-couple", test_points_young_couple);
  g_test_add_func ("/points/profile/converted-scores", test_points_converted_scores);
  g_test_add_func ("/points/profile/family-member", test_points_family_member);
  g_test_add_func ("/points/profile/short-diploma", test_points_short_diploma);
  g_test_add_func ("/points/profile/diagnosis-sources", test_points_diagnosis_sources);
  g_test_add_func ("/points/boundaries/age", test_points_age_boundaries);
  g_test_add_func ("/points/boundaries/age-leap-day", test_points_age_leap_day);
  g_test_add_func ("/points/boundaries/experience", test_points_experience_boundaries);
  g_test_add_func ("/points/boundaries/french", test_points_french_boundaries);
  g_test_add_func ("/points/maxima", test_points_maxima);
  g_test_add_func ("/points/no-grid", test_points_no_grid);
  g_test_add_func ("/points/draft-untouched", test_points_draft_untouched);

  return g_test_run ();
}
